// The catalog's model-file reading and its rules. Persistence to the database is in
// catalog_tables.cpp.
#include "catalog/catalog.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "meninx/error.h"

namespace meninx::catalog {

namespace {

using nlohmann::json;

[[noreturn]] void model_error(const std::string& origin, const std::string& message) {
    throw Exception(ErrorKind::Schema, origin + ": " + message);
}

std::string text_field(const json& object, const char* key, const std::string& origin) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return "";
    if (!it->is_string()) model_error(origin, std::string("field '") + key + "' must be a string");
    return it->get<std::string>();
}

std::vector<std::string> string_list(const json& value, const std::string& origin,
                                     const std::string& what) {
    if (!value.is_array()) model_error(origin, what + " must be a list of strings");
    std::vector<std::string> out;
    for (const auto& item : value) {
        if (!item.is_string()) model_error(origin, what + " must be a list of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::optional<PropertyType> parse_type(std::string_view text) {
    if (text == "INTEGER") return PropertyType::Integer;
    if (text == "FLOAT") return PropertyType::Float;
    if (text == "STRING") return PropertyType::String;
    if (text == "BOOLEAN") return PropertyType::Boolean;
    if (text == "LIST<STRING>") return PropertyType::StringList;
    return std::nullopt;
}

std::optional<Element> parse_element(std::string_view text) {
    if (text == "node") return Element::Node;
    if (text == "relationship") return Element::Relationship;
    if (text == "both") return Element::Both;
    return std::nullopt;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

// "(:A|B)-[:TYPE]->(:C)": the shape of one endpoint rule of a predicate.
std::string rule_shape(const PredicateDef& p, const EndpointRule& rule) {
    return "(:" + join(rule.subjects, "|") + ")-[:" + p.name + "]->(:" + join(rule.objects, "|") +
           ")";
}

// The openCypher name of a value's type, for messages.
std::string value_type_name(const Value& value) {
    switch (value.type()) {
        case ValueType::Null:
            return "NULL";
        case ValueType::Bool:
            return "BOOLEAN";
        case ValueType::Int:
            return "INTEGER";
        case ValueType::Float:
            return "FLOAT";
        case ValueType::String:
            return "STRING";
        case ValueType::List:
            return "LIST";
        case ValueType::Map:
            return "MAP";
        case ValueType::Node:
            return "NODE";
        case ValueType::Relationship:
            return "RELATIONSHIP";
        case ValueType::Path:
            return "PATH";
    }
    return "?";
}

bool type_fits(PropertyType type, const Value& value) {
    switch (type) {
        case PropertyType::Integer:
            return value.is_int();
        case PropertyType::Float:
            return value.is_number();
        case PropertyType::String:
            return value.is_string();
        case PropertyType::Boolean:
            return value.is_bool();
        case PropertyType::StringList:
            if (!value.is_list()) return false;
            for (const auto& item : value.as_list()) {
                if (!item.is_string()) return false;
            }
            return true;
    }
    return false;
}

}  // namespace

std::string_view property_type_name(PropertyType type) {
    switch (type) {
        case PropertyType::Integer:
            return "INTEGER";
        case PropertyType::Float:
            return "FLOAT";
        case PropertyType::String:
            return "STRING";
        case PropertyType::Boolean:
            return "BOOLEAN";
        case PropertyType::StringList:
            return "LIST<STRING>";
    }
    return "?";
}

std::string_view element_name(Element element) {
    switch (element) {
        case Element::Node:
            return "node";
        case Element::Relationship:
            return "relationship";
        case Element::Both:
            return "both";
    }
    return "?";
}

std::string_view schema_mode_name(SchemaMode mode) {
    return mode == SchemaMode::Strict ? "strict" : "permissive";
}

Catalog Catalog::from_json_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Exception(ErrorKind::Io, "cannot read the model file " + path);
    std::stringstream text;
    text << in.rdbuf();
    return from_json(text.str(), path);
}

Catalog Catalog::from_json(const std::string& text, const std::string& origin) {
    json model;
    try {
        model = json::parse(text);
    } catch (const json::parse_error& e) {
        model_error(origin, std::string("not valid JSON: ") + e.what());
    }
    if (!model.is_object()) model_error(origin, "the model must be a JSON object");

    Catalog catalog;
    for (const auto& c : model.value("categories", json::array())) {
        catalog.categories_.push_back(
            {text_field(c, "name", origin), text_field(c, "curie", origin),
             text_field(c, "parent", origin), text_field(c, "description", origin)});
    }
    for (const auto& p : model.value("predicates", json::array())) {
        PredicateDef def{text_field(p, "name", origin),
                         text_field(p, "curie", origin),
                         text_field(p, "description", origin),
                         {}};
        for (const auto& rule : p.value("endpoints", json::array())) {
            def.rules.push_back(
                {string_list(rule.value("subject", json::array()), origin, def.name + " subject"),
                 string_list(rule.value("object", json::array()), origin, def.name + " object")});
        }
        catalog.predicates_.push_back(std::move(def));
    }
    for (const auto& p : model.value("properties", json::array())) {
        PropertyDef def;
        def.name = text_field(p, "name", origin);
        auto type = parse_type(text_field(p, "type", origin));
        if (!type) model_error(origin, "property '" + def.name + "' has an unknown type");
        def.type = *type;
        def.unit = text_field(p, "unit", origin);
        auto element = parse_element(text_field(p, "applies_to", origin));
        if (!element) {
            model_error(origin, "property '" + def.name +
                                    "' must apply to 'node', 'relationship' or 'both'");
        }
        def.applies_to = *element;
        if (p.contains("values")) {
            def.allowed_values = string_list(p["values"], origin, def.name + " values");
        }
        def.description = text_field(p, "description", origin);
        catalog.properties_.push_back(std::move(def));
    }
    catalog.required_relationship_ =
        string_list(model.value("required_relationship_fields", json::array()), origin,
                    "required_relationship_fields");
    catalog.required_node_ = string_list(model.value("required_node_fields", json::array()), origin,
                                         "required_node_fields");
    const json prefixes = model.value("prefixes", json::object());
    for (const auto& [prefix, description] : prefixes.items()) {
        catalog.prefixes_[prefix] = description.is_string() ? description.get<std::string>() : "";
    }
    catalog.index(origin);
    return catalog;
}

void Catalog::index(const std::string& origin) {
    category_index_.clear();
    predicate_index_.clear();
    property_index_.clear();
    for (size_t i = 0; i < categories_.size(); ++i) {
        if (categories_[i].name.empty()) model_error(origin, "a category has no name");
        if (!category_index_.emplace(categories_[i].name, i).second) {
            model_error(origin, "category '" + categories_[i].name + "' is declared twice");
        }
    }
    for (const auto& c : categories_) {
        if (!c.parent.empty() && !is_category(c.parent)) {
            model_error(origin,
                        "category '" + c.name + "' has an unknown parent '" + c.parent + "'");
        }
        // A chain longer than the number of categories must revisit one: a cycle.
        const CategoryDef* at = &c;
        for (size_t steps = 0; !at->parent.empty(); ++steps) {
            if (steps > categories_.size()) {
                model_error(origin, "category '" + c.name + "' is its own ancestor");
            }
            at = category(at->parent);
        }
    }
    for (size_t i = 0; i < predicates_.size(); ++i) {
        const auto& p = predicates_[i];
        if (p.name.empty()) model_error(origin, "a predicate has no name");
        if (!predicate_index_.emplace(p.name, i).second) {
            model_error(origin, "predicate '" + p.name + "' is declared twice");
        }
        if (p.rules.empty()) model_error(origin, "predicate '" + p.name + "' has no endpoint rule");
        for (const auto& rule : p.rules) {
            if (rule.subjects.empty() || rule.objects.empty()) {
                model_error(origin, "predicate '" + p.name + "' has a rule without endpoints");
            }
            for (const auto* side : {&rule.subjects, &rule.objects}) {
                for (const auto& c : *side) {
                    if (!is_category(c)) {
                        model_error(origin, "predicate '" + p.name +
                                                "' names an unknown category '" + c + "'");
                    }
                }
            }
        }
    }
    for (size_t i = 0; i < properties_.size(); ++i) {
        if (properties_[i].name.empty()) model_error(origin, "a property has no name");
        if (!property_index_.emplace(properties_[i].name, i).second) {
            model_error(origin, "property '" + properties_[i].name + "' is declared twice");
        }
    }
    for (const auto* required : {&required_relationship_, &required_node_}) {
        for (const auto& name : *required) {
            if (!property(name)) {
                model_error(origin, "required field '" + name + "' is not a declared property");
            }
        }
    }
}

const CategoryDef* Catalog::category(std::string_view name) const {
    auto it = category_index_.find(name);
    return it == category_index_.end() ? nullptr : &categories_[it->second];
}

const PredicateDef* Catalog::predicate(std::string_view name) const {
    auto it = predicate_index_.find(name);
    return it == predicate_index_.end() ? nullptr : &predicates_[it->second];
}

const PropertyDef* Catalog::property(std::string_view name) const {
    auto it = property_index_.find(name);
    return it == property_index_.end() ? nullptr : &properties_[it->second];
}

bool Catalog::is_category(std::string_view name) const { return category(name) != nullptr; }

bool Catalog::is_predicate(std::string_view name) const { return predicate(name) != nullptr; }

std::vector<std::string> Catalog::ancestors(std::string_view name) const {
    std::vector<std::string> out;
    for (const CategoryDef* at = category(name); at; at = category(at->parent)) {
        out.push_back(at->name);
        if (at->parent.empty()) break;
    }
    return out;
}

bool Catalog::within(std::string_view label, std::string_view category_name) const {
    for (const auto& a : ancestors(label)) {
        if (a == category_name) return true;
    }
    return false;
}

namespace {

// ", did you mean 'x'?" for a known name that is `name` plus a unit suffix, or the closest one
// (edit distance at most a third of its length), or nothing.
template <typename Defs>
std::string suggestion(std::string_view name, const Defs& defs) {
    auto distance = [](std::string_view a, std::string_view b) {
        std::vector<size_t> row(b.size() + 1);
        for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
        for (size_t i = 1; i <= a.size(); ++i) {
            size_t diagonal = row[0];
            row[0] = i;
            for (size_t j = 1; j <= b.size(); ++j) {
                size_t up = row[j];
                bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                            std::tolower(static_cast<unsigned char>(b[j - 1]));
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
                diagonal = up;
            }
        }
        return row[b.size()];
    };
    std::string best;
    size_t best_distance = name.size() / 3 + 1;
    for (const auto& def : defs) {
        // `dose` for `dose_mg`: the name without its unit suffix.
        if (def.name.size() > name.size() + 1 && def.name.compare(0, name.size(), name) == 0 &&
            def.name[name.size()] == '_') {
            return ", did you mean '" + def.name + "'?";
        }
        size_t d = distance(name, def.name);
        if (d < best_distance) {
            best_distance = d;
            best = def.name;
        }
    }
    return best.empty() ? std::string() : ", did you mean '" + best + "'?";
}

}  // namespace

std::optional<std::string> Catalog::allowed(std::string_view predicate_name,
                                            const std::vector<std::string>& subject_labels,
                                            const std::vector<std::string>& object_labels) const {
    const PredicateDef* p = predicate(predicate_name);
    if (!p) {
        return "unknown relationship type '" + std::string(predicate_name) + "'" +
               suggestion(predicate_name, predicates_);
    }
    auto fits = [&](const std::vector<std::string>& labels,
                    const std::vector<std::string>& categories) {
        for (const auto& label : labels) {
            for (const auto& c : categories) {
                if (within(label, c)) return true;
            }
        }
        return false;
    };
    for (const auto& rule : p->rules) {
        if (fits(subject_labels, rule.subjects) && fits(object_labels, rule.objects)) {
            return std::nullopt;
        }
    }
    std::string shapes;
    for (const auto& rule : p->rules) {
        if (!shapes.empty()) shapes += " or ";
        shapes += "(:" + join(rule.subjects, "|") + ")-[:" + p->name +
                  "]->(:" + join(rule.objects, "|") + ")";
    }
    auto labels = [](const std::vector<std::string>& l) {
        return l.empty() ? std::string("no label") : ":" + join(l, ":");
    };
    return p->name + " cannot link (" + labels(subject_labels) + ") to (" + labels(object_labels) +
           "); allowed: " + shapes;
}

const std::vector<std::string>& Catalog::schema_columns() {
    static const std::vector<std::string> columns = {"kind",   "name", "curie",
                                                     "detail", "unit", "description"};
    return columns;
}

std::vector<std::vector<Value>> Catalog::schema_rows() const {
    auto text_or_null = [](const std::string& s) { return s.empty() ? Value() : Value(s); };
    std::vector<std::vector<Value>> rows;
    for (const auto& c : categories_) {
        rows.push_back({Value("category"), Value(c.name), Value(c.curie), text_or_null(c.parent),
                        Value(), Value(c.description)});
    }
    for (const auto& p : predicates_) {
        for (const auto& rule : p.rules) {
            rows.push_back({Value("predicate"), Value(p.name), Value(p.curie),
                            Value(rule_shape(p, rule)), Value(), Value(p.description)});
        }
    }
    for (const auto& p : properties_) {
        std::string detail = std::string(property_type_name(p.type)) + " on " +
                             std::string(element_name(p.applies_to));
        if (!p.allowed_values.empty()) detail += ", one of " + join(p.allowed_values, ", ");
        rows.push_back({Value("property"), Value(p.name), Value(), Value(detail),
                        text_or_null(p.unit), Value(p.description)});
    }
    return rows;
}

std::optional<std::string> Catalog::check_property(std::string_view name, const Value& value,
                                                   Element element) const {
    const PropertyDef* def = property(name);
    if (!def) return "unknown property '" + std::string(name) + "'" + suggestion(name, properties_);
    if (def->applies_to != Element::Both && element != Element::Both &&
        def->applies_to != element) {
        return "property '" + def->name + "' applies only to a " +
               std::string(element_name(def->applies_to));
    }
    if (value.is_null()) return std::nullopt;
    if (!type_fits(def->type, value)) {
        return "property '" + def->name + "' must be " +
               std::string(property_type_name(def->type)) + ", not " + value_type_name(value);
    }
    if (!def->allowed_values.empty()) {
        for (const auto& allowed_value : def->allowed_values) {
            if (value.as_string() == allowed_value) return std::nullopt;
        }
        return "property '" + def->name + "' must be one of " + join(def->allowed_values, ", ") +
               ", not '" + value.as_string() + "'";
    }
    return std::nullopt;
}

std::optional<std::string> Catalog::check_node(const std::vector<std::string>& labels,
                                               const Map& properties) const {
    if (labels.empty()) return std::string("a node needs a label naming its category");
    for (const auto& label : labels) {
        if (!is_category(label)) {
            return "unknown category '" + label + "'" + suggestion(label, categories_);
        }
    }
    for (const auto& [name, value] : properties) {
        if (auto problem = check_property(name, value, Element::Node)) return problem;
    }
    for (const auto& field : required_node_) {
        auto it = properties.find(field);
        if (it == properties.end() || it->second.is_null()) {
            return "a node needs the property '" + field + "'";
        }
    }
    return std::nullopt;
}

std::optional<std::string> Catalog::check_relationship(
    std::string_view type, const std::vector<std::string>& subject_labels,
    const std::vector<std::string>& object_labels, const Map& properties) const {
    if (auto problem = allowed(type, subject_labels, object_labels)) return problem;
    for (const auto& [name, value] : properties) {
        if (auto problem = check_property(name, value, Element::Relationship)) return problem;
    }
    for (const auto& field : required_relationship_) {
        auto it = properties.find(field);
        if (it == properties.end() || it->second.is_null()) {
            return "a relationship needs the provenance property '" + field + "'";
        }
    }
    return std::nullopt;
}

}  // namespace meninx::catalog
