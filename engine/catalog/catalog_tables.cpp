// Saving the catalog into the database's catalog tables (migration 002) and reading it back.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "meninx/error.h"
#include "storage/sqlite_store.h"

namespace meninx::catalog {

namespace {

// An SQL string literal: the text in single quotes, quotes doubled.
std::string sql_text(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

std::optional<Element> element_from(std::string_view text) {
    if (text == "node") return Element::Node;
    if (text == "relationship") return Element::Relationship;
    if (text == "both") return Element::Both;
    return std::nullopt;
}

std::optional<PropertyType> type_from(std::string_view text) {
    for (auto type : {PropertyType::Integer, PropertyType::Float, PropertyType::String,
                      PropertyType::Boolean, PropertyType::StringList}) {
        if (property_type_name(type) == text) return type;
    }
    return std::nullopt;
}

}  // namespace

void Catalog::save(storage::SqliteStore& store) const {
    std::string sql =
        "DELETE FROM catalog_endpoint; DELETE FROM catalog_predicate;"
        "DELETE FROM catalog_property; DELETE FROM catalog_required; DELETE FROM catalog_prefix;"
        "DELETE FROM catalog_category;";
    // Parents first, so that every parent reference points at an inserted row.
    std::vector<const CategoryDef*> ordered;
    for (const auto& c : categories_) ordered.push_back(&c);
    std::stable_sort(ordered.begin(), ordered.end(), [this](const auto* a, const auto* b) {
        return ancestors(a->name).size() < ancestors(b->name).size();
    });
    for (const auto* c : ordered) {
        sql += "INSERT INTO catalog_category(name, curie, parent, description) VALUES (" +
               sql_text(c->name) + ", " + sql_text(c->curie) + ", " +
               (c->parent.empty() ? std::string("NULL") : sql_text(c->parent)) + ", " +
               sql_text(c->description) + ");";
    }
    for (const auto& p : predicates_) {
        sql += "INSERT INTO catalog_predicate(name, curie, description) VALUES (" +
               sql_text(p.name) + ", " + sql_text(p.curie) + ", " + sql_text(p.description) + ");";
        for (size_t rule = 0; rule < p.rules.size(); ++rule) {
            for (const auto& [side, categories] : {std::pair{"subject", &p.rules[rule].subjects},
                                                   std::pair{"object", &p.rules[rule].objects}}) {
                for (const auto& c : *categories) {
                    sql +=
                        "INSERT INTO catalog_endpoint(predicate, rule, side, category) VALUES (" +
                        sql_text(p.name) + ", " + std::to_string(rule) + ", " + sql_text(side) +
                        ", " + sql_text(c) + ");";
                }
            }
        }
    }
    for (const auto& p : properties_) {
        std::string values = "NULL";
        if (!p.allowed_values.empty()) values = sql_text(nlohmann::json(p.allowed_values).dump());
        sql +=
            "INSERT INTO catalog_property(name, type, unit, applies_to, allowed_values, "
            "description) VALUES (" +
            sql_text(p.name) + ", " + sql_text(property_type_name(p.type)) + ", " +
            sql_text(p.unit) + ", " + sql_text(element_name(p.applies_to)) + ", " + values + ", " +
            sql_text(p.description) + ");";
    }
    for (const auto& [element, fields] :
         {std::pair{"relationship", &required_relationship_}, std::pair{"node", &required_node_}}) {
        for (const auto& f : *fields) {
            sql += "INSERT INTO catalog_required(element, name) VALUES (" + sql_text(element) +
                   ", " + sql_text(f) + ");";
        }
    }
    for (const auto& [prefix, description] : prefixes_) {
        sql += "INSERT INTO catalog_prefix(prefix, description) VALUES (" + sql_text(prefix) +
               ", " + sql_text(description) + ");";
    }
    sql += "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_mode', " +
           sql_text(schema_mode_name(mode_)) + ");";
    store.begin(true);
    try {
        store.execute(sql);
        store.commit();
    } catch (...) {
        store.rollback();
        throw;
    }
}

Catalog Catalog::load(storage::SqliteStore& store) {
    const std::string origin = "the database's catalog";
    Catalog catalog;
    {
        auto& q = store.cached(
            "SELECT name, curie, coalesce(parent, ''), description FROM catalog_category "
            "ORDER BY rowid");
        while (q.step()) {
            catalog.categories_.push_back(
                {q.get_text(0), q.get_text(1), q.get_text(2), q.get_text(3)});
        }
        q.reset();
    }
    if (catalog.categories_.empty()) {
        throw Exception(ErrorKind::Schema, "the database has no catalog (no categories)");
    }
    {
        auto& q =
            store.cached("SELECT name, curie, description FROM catalog_predicate ORDER BY rowid");
        while (q.step()) {
            catalog.predicates_.push_back({q.get_text(0), q.get_text(1), q.get_text(2), {}});
        }
        q.reset();
    }
    {
        auto& q = store.cached(
            "SELECT predicate, rule, side, category FROM catalog_endpoint "
            "ORDER BY predicate, rule, side, rowid");
        while (q.step()) {
            std::string name = q.get_text(0);
            size_t rule = static_cast<size_t>(q.get_int(1));
            for (auto& p : catalog.predicates_) {
                if (p.name != name) continue;
                if (p.rules.size() <= rule) p.rules.resize(rule + 1);
                auto& side =
                    q.get_text(2) == "subject" ? p.rules[rule].subjects : p.rules[rule].objects;
                side.push_back(q.get_text(3));
            }
        }
        q.reset();
    }
    {
        auto& q = store.cached(
            "SELECT name, type, unit, applies_to, coalesce(allowed_values, ''), description "
            "FROM catalog_property ORDER BY rowid");
        while (q.step()) {
            PropertyDef def;
            def.name = q.get_text(0);
            auto type = type_from(q.get_text(1));
            auto element = element_from(q.get_text(3));
            if (!type || !element) {
                q.reset();
                throw Exception(ErrorKind::Schema, origin + ": property '" + def.name +
                                                       "' has an unknown type or element");
            }
            def.type = *type;
            def.unit = q.get_text(2);
            def.applies_to = *element;
            std::string values = q.get_text(4);
            if (!values.empty()) {
                def.allowed_values = nlohmann::json::parse(values).get<std::vector<std::string>>();
            }
            def.description = q.get_text(5);
            catalog.properties_.push_back(std::move(def));
        }
        q.reset();
    }
    {
        auto& q = store.cached("SELECT element, name FROM catalog_required ORDER BY rowid");
        while (q.step()) {
            (q.get_text(0) == "node" ? catalog.required_node_ : catalog.required_relationship_)
                .push_back(q.get_text(1));
        }
        q.reset();
    }
    {
        auto& q = store.cached("SELECT prefix, description FROM catalog_prefix");
        while (q.step()) catalog.prefixes_[q.get_text(0)] = q.get_text(1);
        q.reset();
    }
    {
        auto& q = store.cached("SELECT value FROM meta WHERE key = 'schema_mode'");
        if (q.step() && q.get_text(0) == "permissive") catalog.mode_ = SchemaMode::Permissive;
        q.reset();
    }
    catalog.index(origin);
    return catalog;
}

}  // namespace meninx::catalog
