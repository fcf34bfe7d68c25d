// The Cypher queries behind `:schema` and completion, kept together so that they can be switched
// to catalog procedures as the engine grows them.
#pragma once

namespace meninx::shell::schema_queries {

inline constexpr const char* kLabels = "CALL db.labels() YIELD label RETURN label";
inline constexpr const char* kRelationshipTypes =
    "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType";
inline constexpr const char* kPropertyKeys =
    "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey";

inline constexpr const char* kCategories =
    "MATCH (n) UNWIND labels(n) AS category RETURN category, count(*) AS nodes ORDER BY category";
inline constexpr const char* kPredicates =
    "MATCH (a)-[r]->(b) UNWIND labels(a) AS from UNWIND labels(b) AS to "
    "RETURN from, type(r) AS predicate, to, count(*) AS relationships "
    "ORDER BY predicate, from, to";
inline constexpr const char* kProperties =
    "MATCH (n) UNWIND labels(n) AS category UNWIND keys(n) AS property "
    "RETURN category, property, count(*) AS nodes ORDER BY category, property";

}  // namespace meninx::shell::schema_queries
