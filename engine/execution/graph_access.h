// GraphAccess: the graph view of the triple store that query execution reads and writes.
//
// It turns graph questions (a node's labels, a property, the relationships leaving a node) into
// index seeks through cached prepared statements, and caches the dictionary ids of names (labels,
// relationship types, property keys) for the duration of one statement. Owned by one statement's
// execution context; it borrows the store, which must outlive it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "meninx/database.h"
#include "meninx/store.h"
#include "meninx/value.h"

namespace meninx::storage {
class SqliteStore;
}
namespace meninx::catalog {
class Catalog;
}

namespace meninx::execution {

// One step from a node along a relationship: the relationship and the node at its other end.
struct Edge {
    int64_t id = 0;     // relationship (statement) id
    int64_t start = 0;  // start node as stored
    int64_t end = 0;    // end node as stored
    TermId type = 0;    // relationship type term
    int64_t other = 0;  // the node reached
};

enum class ExpandDirection { Outgoing, Incoming, Both };

class GraphAccess {
  public:
    explicit GraphAccess(storage::SqliteStore& store);

    storage::SqliteStore& store() { return store_; }
    // With a catalog (a strict database), adding a category label also adds its ancestors:
    // a new :SmallMolecule is a :Drug too, as every node of the seeded graph is.
    void set_catalog(const catalog::Catalog* catalog) { catalog_ = catalog; }

    // --- names ------------------------------------------------------------------------------
    // The dictionary id of a label / relationship type / property key, or nullopt when the name
    // is not in the database (so nothing can match it).
    std::optional<TermId> label_id(std::string_view name);
    std::optional<TermId> type_id(std::string_view name);
    std::optional<TermId> key_id(std::string_view name);
    // The same, creating the name when absent (writes).
    TermId intern_label(std::string_view name);
    TermId intern_type(std::string_view name);
    TermId intern_key(std::string_view name);
    const std::string& type_name(TermId type);
    const std::string& term_name(TermId id);

    // --- nodes ------------------------------------------------------------------------------
    bool node_exists(int64_t node);
    void all_nodes(const std::function<bool(int64_t)>& visit);
    void nodes_with_label(TermId label, const std::function<bool(int64_t)>& visit);
    // Nodes whose property `key` equals `value` (Cypher equality; 1 matches 1.0).
    void nodes_with_property(TermId key, const Value& value,
                             const std::function<bool(int64_t)>& visit);
    bool has_label(int64_t node, TermId label);
    std::vector<std::string> labels(int64_t node);
    // Property of a node (subject = node id) or relationship (subject = -relationship id).
    Value property(int64_t subject, TermId key);
    Value property(int64_t subject, std::string_view key);
    Map properties(int64_t subject);

    // --- relationships ----------------------------------------------------------------------
    // Calls `visit` for every relationship of `node` in `direction` whose type is one of
    // `types` (any type when empty), until it returns false. With Both, a self-loop is visited
    // once.
    void expand(int64_t node, ExpandDirection direction, const std::vector<TermId>& types,
                const std::function<bool(const Edge&)>& visit);
    std::optional<Edge> relationship(int64_t id);
    // Node and relationship values with labels/type and properties filled in.
    Node hydrate_node(int64_t id);
    Relationship hydrate_relationship(int64_t id);
    Value hydrate(const Value& value);
    // A relationship value with id, endpoints and type (no properties).
    Value relationship_value(const Edge& edge);

    // --- writes -----------------------------------------------------------------------------
    int64_t create_node();
    void add_label(int64_t node, TermId label);  // no-op when present; returns nothing
    bool add_label_if_absent(int64_t node, TermId label);
    bool remove_label(int64_t node, TermId label);
    // Sets (or, for null, removes) a property; returns true when something was written.
    bool set_property(int64_t subject, TermId key, const Value& value);
    int64_t create_relationship(int64_t start, TermId type, int64_t end);
    // Deletes a relationship and its properties.
    void delete_relationship(int64_t id);
    // Number of relationships touching a node.
    int64_t degree(int64_t node);
    // Deletes a node with its labels and properties (its relationships must be gone).
    void delete_node(int64_t node);

    // What this statement wrote, for the schema check at its end: nodes (positive ids) and
    // relationships (negated ids) created or changed, and nodes whose labels changed (their
    // relationships' endpoint rules need checking again).
    const std::set<int64_t>& touched() const { return touched_; }
    const std::set<int64_t>& relabelled() const { return relabelled_; }

  private:
    std::optional<TermId> name_id(TermKind kind, std::string_view name);
    TermId intern_name(TermKind kind, std::string_view name);
    Value decode(int kind, const Value& stored);
    int64_t last_changes();  // rows changed by the last write statement

    // Property values and label checks read during this statement, forgotten at every write.
    struct PairHash {
        size_t operator()(const std::pair<int64_t, int64_t>& p) const {
            return std::hash<int64_t>()(p.first) * 31 + std::hash<int64_t>()(p.second);
        }
    };
    void forget_reads();

    storage::SqliteStore& store_;
    const catalog::Catalog* catalog_ = nullptr;
    std::unordered_map<std::pair<int64_t, int64_t>, Value, PairHash> property_cache_;
    std::unordered_map<std::pair<int64_t, int64_t>, bool, PairHash> label_cache_;
    std::unordered_map<std::string, TermId> name_ids_[5];
    std::unordered_map<TermId, std::string> term_names_;
    std::set<int64_t> touched_;
    std::set<int64_t> relabelled_;
};

}  // namespace meninx::execution
