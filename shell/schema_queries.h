// The Cypher queries behind `:schema` and completion, kept together.
//
// A database with a domain model (the seeded one) shows the model: every category with its parent,
// CURIE and node count; every predicate rule with its relationship count; every property with its
// type, unit and meaning. A database without one shows what is in use, with counts.
#pragma once

namespace meninx::shell::schema_queries {

inline constexpr const char* kLabels = "CALL db.labels() YIELD label RETURN label";
inline constexpr const char* kRelationshipTypes =
    "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType";
inline constexpr const char* kPropertyKeys =
    "CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey";

inline constexpr const char* kHasModel = "CALL db.schema() YIELD name RETURN count(name) > 0";

inline constexpr const char* kModelCategories =
    "OPTIONAL MATCH (n) UNWIND labels(n) AS label WITH label, count(n) AS nodes "
    "WITH collect({label: label, nodes: nodes}) AS counts "
    "CALL db.schema() YIELD kind, name, curie, detail WHERE kind = 'category' "
    "RETURN name AS category, detail AS parent, curie, "
    "coalesce(head([c IN counts WHERE c.label = name | c.nodes]), 0) AS nodes";
inline constexpr const char* kModelPredicates =
    "OPTIONAL MATCH ()-[r]->() WITH type(r) AS type, count(r) AS n "
    "WITH collect({type: type, n: n}) AS counts "
    "CALL db.schema() YIELD kind, name, curie, detail WHERE kind = 'predicate' "
    "RETURN name AS predicate, detail AS rule, curie, "
    "coalesce(head([c IN counts WHERE c.type = name | c.n]), 0) AS relationships";
inline constexpr const char* kModelProperties =
    "CALL db.schema() YIELD kind, name, detail, unit, description WHERE kind = 'property' "
    "RETURN name AS property, detail AS type, unit, description";

inline constexpr const char* kCategories =
    "MATCH (n) UNWIND labels(n) AS category RETURN category, count(*) AS nodes ORDER BY category";
inline constexpr const char* kPredicates =
    "MATCH (a)-[r]->(b) UNWIND labels(a) AS from UNWIND labels(b) AS to "
    "RETURN from, type(r) AS predicate, to, count(*) AS relationships "
    "ORDER BY predicate, from, to";
inline constexpr const char* kProperties =
    "MATCH (n) UNWIND labels(n) AS category UNWIND keys(n) AS property "
    "RETURN category, property, count(*) AS nodes ORDER BY category, property";

// What drawings need from the model: category parents and property units (none without a model).
inline constexpr const char* kModelHints =
    "CALL db.schema() YIELD kind, name, detail, unit "
    "WHERE kind IN ['category', 'property'] RETURN kind, name, detail, unit";

}  // namespace meninx::shell::schema_queries
