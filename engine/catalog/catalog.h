// Catalog: the domain model of the graph (categories, predicates with their endpoint rules, typed
// properties with units, required provenance) and the checks writes are held to.
//
// The model is data: it is read from schema/model.json, saved into the catalog tables of a
// database (migration 002) and read back from them. A Catalog owns its definitions and is
// immutable once built, so it may be shared between readers; it does not keep a reference to the
// store it was loaded from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meninx/value.h"

namespace meninx::storage {
class SqliteStore;
}

namespace meninx::catalog {

enum class PropertyType { Integer, Float, String, Boolean, StringList };
enum class Element { Node, Relationship, Both };
// Strict databases refuse writes that break the model; permissive ones accept them.
enum class SchemaMode { Strict, Permissive };

// "INTEGER", "FLOAT", "STRING", "BOOLEAN", "LIST<STRING>".
std::string_view property_type_name(PropertyType type);
// "node", "relationship", "both".
std::string_view element_name(Element element);
// "strict", "permissive".
std::string_view schema_mode_name(SchemaMode mode);

struct CategoryDef {
    std::string name;
    std::string curie;
    std::string parent;  // empty for a root category
    std::string description;
};

// One allowed shape of a relationship: a subject in one of `subjects` and an object in one of
// `objects` (each category also admits its descendants).
struct EndpointRule {
    std::vector<std::string> subjects;
    std::vector<std::string> objects;
};

struct PredicateDef {
    std::string name;
    std::string curie;
    std::string description;
    std::vector<EndpointRule> rules;
};

struct PropertyDef {
    std::string name;
    PropertyType type = PropertyType::String;
    std::string unit;  // empty when the property has no unit
    Element applies_to = Element::Both;
    std::vector<std::string> allowed_values;  // empty: any value of the type
    std::string description;
};

class Catalog {
  public:
    Catalog() = default;

    // Reads a model file (schema/model.json). Throws meninx::Exception (Io when the file cannot
    // be read, Schema when the model is inconsistent: unknown parent, cycle, unknown category in
    // a rule, unknown type, undeclared required field).
    static Catalog from_json_file(const std::string& path);
    // The same, from the text of a model; `origin` names it in messages.
    static Catalog from_json(const std::string& text, const std::string& origin = "model");

    // Reads the catalog tables of a database. Throws meninx::Exception (Schema) when they are
    // empty or inconsistent.
    static Catalog load(storage::SqliteStore& store);
    // Replaces the catalog tables' contents and the meta row `schema_mode` with this catalog,
    // in one transaction.
    void save(storage::SqliteStore& store) const;

    SchemaMode mode() const { return mode_; }
    void set_mode(SchemaMode mode) { mode_ = mode; }

    bool is_category(std::string_view name) const;
    // The category and its ancestors, nearest first (["SmallMolecule", "Drug"]); empty when
    // `name` is not a category. These are the labels a node of the category carries.
    std::vector<std::string> ancestors(std::string_view name) const;
    bool is_predicate(std::string_view name) const;
    // nullopt when a relationship `predicate` from a node with `subject_labels` to a node with
    // `object_labels` fits one of the predicate's rules; otherwise the reason, in words.
    std::optional<std::string> allowed(std::string_view predicate,
                                       const std::vector<std::string>& subject_labels,
                                       const std::vector<std::string>& object_labels) const;
    // The definition of a property, or nullptr when the model does not declare it.
    const PropertyDef* property(std::string_view name) const;
    // nullopt when `value` may be stored as property `name` of `element`; otherwise the reason.
    // Null is always accepted (it removes the property); a FLOAT property accepts integers.
    std::optional<std::string> check_property(std::string_view name, const Value& value,
                                              Element element) const;
    // Whole-element checks for writes in strict mode; nullopt when the element fits the model,
    // otherwise the first problem found. A node fits when it has a label, every label is a
    // category, every property is declared for nodes and well typed, and the required node
    // fields are present. A relationship fits when its type allows its endpoints' labels, every
    // property is declared for relationships and well typed, and the provenance is present.
    std::optional<std::string> check_node(const std::vector<std::string>& labels,
                                          const Map& properties) const;
    std::optional<std::string> check_relationship(std::string_view type,
                                                  const std::vector<std::string>& subject_labels,
                                                  const std::vector<std::string>& object_labels,
                                                  const Map& properties) const;
    const std::vector<std::string>& required_relationship_fields() const {
        return required_relationship_;
    }
    const std::vector<std::string>& required_node_fields() const { return required_node_; }

    // The model as rows, for a schema procedure and the shell's :schema: one row per category,
    // per predicate rule and per property, in model order, with the columns schema_columns()
    // names (kind, name, curie, detail, unit, description). `detail` is a category's parent, a
    // rule's shape "(:A|B)-[:TYPE]->(:C)" or a property's "TYPE on element"; missing is null.
    static const std::vector<std::string>& schema_columns();
    std::vector<std::vector<Value>> schema_rows() const;

    const std::vector<CategoryDef>& categories() const { return categories_; }
    const std::vector<PredicateDef>& predicates() const { return predicates_; }
    const std::vector<PropertyDef>& properties() const { return properties_; }
    const std::map<std::string, std::string, std::less<>>& prefixes() const { return prefixes_; }

  private:
    // Checks the references between definitions and builds the lookup indexes.
    void index(const std::string& origin);
    const CategoryDef* category(std::string_view name) const;
    const PredicateDef* predicate(std::string_view name) const;
    // True when `label` is `category` or one of its descendants.
    bool within(std::string_view label, std::string_view category) const;

    std::vector<CategoryDef> categories_;
    std::vector<PredicateDef> predicates_;
    std::vector<PropertyDef> properties_;
    std::vector<std::string> required_relationship_;
    std::vector<std::string> required_node_;
    std::map<std::string, std::string, std::less<>> prefixes_;
    SchemaMode mode_ = SchemaMode::Strict;
    std::map<std::string, size_t, std::less<>> category_index_;
    std::map<std::string, size_t, std::less<>> predicate_index_;
    std::map<std::string, size_t, std::less<>> property_index_;
};

}  // namespace meninx::catalog
