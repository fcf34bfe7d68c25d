#include "execution/graph_access.h"

#include <cmath>

#include "catalog/catalog.h"
#include "meninx/error.h"
#include "storage/graph_reads.h"
#include "storage/sqlite_store.h"

namespace meninx::execution {

namespace {

constexpr size_t kCacheLimit = 1 << 20;

// Literal terms equal to `value` under Cypher equality: an integral number is stored either as an
// integer or as a float term.
std::vector<Term> equal_literals(const Value& value) {
    std::vector<Term> terms;
    if (value.is_null()) return terms;
    terms.push_back(storage::SqliteStore::literal(value));
    if (value.is_int()) {
        auto d = static_cast<double>(value.as_int());
        if (static_cast<int64_t>(d) == value.as_int()) {
            terms.push_back(storage::SqliteStore::literal(Value(d)));
        }
    } else if (value.is_float()) {
        double d = value.as_float();
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.2e18) {
            terms.push_back(storage::SqliteStore::literal(Value(static_cast<int64_t>(d))));
        }
    }
    return terms;
}

}  // namespace

GraphAccess::GraphAccess(storage::SqliteStore& store) : store_(store) {}

std::optional<TermId> GraphAccess::name_id(TermKind kind, std::string_view name) {
    auto& cache = name_ids_[static_cast<int>(kind)];
    std::string key(name);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    auto id = store_.find(Term{kind, Value(key)});
    // Only hits are cached: a name may be created later in the same statement.
    if (id) {
        cache.emplace(key, *id);
        term_names_.emplace(*id, key);
    }
    return id;
}

TermId GraphAccess::intern_name(TermKind kind, std::string_view name) {
    if (auto id = name_id(kind, name)) return *id;
    std::string key(name);
    TermId id = store_.intern(Term{kind, Value(key)});
    name_ids_[static_cast<int>(kind)].emplace(key, id);
    term_names_.emplace(id, key);
    return id;
}

std::optional<TermId> GraphAccess::label_id(std::string_view name) {
    return name_id(TermKind::Label, name);
}
std::optional<TermId> GraphAccess::type_id(std::string_view name) {
    return name_id(TermKind::RelationshipType, name);
}
std::optional<TermId> GraphAccess::key_id(std::string_view name) {
    return name_id(TermKind::PropertyKey, name);
}
TermId GraphAccess::intern_label(std::string_view name) {
    return intern_name(TermKind::Label, name);
}
TermId GraphAccess::intern_type(std::string_view name) {
    return intern_name(TermKind::RelationshipType, name);
}
TermId GraphAccess::intern_key(std::string_view name) {
    return intern_name(TermKind::PropertyKey, name);
}

const std::string& GraphAccess::term_name(TermId id) {
    if (auto it = term_names_.find(id); it != term_names_.end()) return it->second;
    Term term = store_.term(id);
    std::string name = term.value.is_string() ? term.value.as_string() : std::string();
    return term_names_.emplace(id, std::move(name)).first->second;
}

const std::string& GraphAccess::type_name(TermId type) { return term_name(type); }

Value GraphAccess::decode(int kind, const Value& stored) {
    return storage::SqliteStore::literal_value(static_cast<TermKind>(kind), stored);
}

// --- nodes ------------------------------------------------------------------------------------

bool GraphAccess::node_exists(int64_t node) {
    auto& q = store_.cached("SELECT 1 FROM term WHERE id = ?1 AND kind = 1");
    q.bind(1, node);
    bool found = q.step();
    q.reset();
    return found;
}

namespace {

void visit_ids(storage::Query& q, const std::function<bool(int64_t)>& visit) {
    std::vector<int64_t> ids;
    while (q.step()) ids.push_back(q.get_int(0));
    q.reset();
    for (int64_t id : ids) {
        if (!visit(id)) return;
    }
}

}  // namespace

void GraphAccess::all_nodes(const std::function<bool(int64_t)>& visit) {
    auto& q = store_.cached("SELECT id FROM term WHERE kind = 1 ORDER BY id");
    visit_ids(q, visit);
}

void GraphAccess::nodes_with_label(TermId label, const std::function<bool(int64_t)>& visit) {
    auto& q = store_.cached("SELECT s FROM stmt WHERE p = 1 AND o = ?1 ORDER BY s");
    q.bind(1, label);
    visit_ids(q, visit);
}

void GraphAccess::nodes_with_property(TermId key, const Value& value,
                                      const std::function<bool(int64_t)>& visit) {
    std::vector<int64_t> ids;
    for (const Term& term : equal_literals(value)) {
        auto id = store_.find(term);
        if (!id) continue;
        auto& q = store_.cached("SELECT s FROM stmt WHERE p = ?1 AND o = ?2 AND s > 0");
        q.bind(1, key);
        q.bind(2, *id);
        while (q.step()) ids.push_back(q.get_int(0));
        q.reset();
    }
    for (int64_t id : ids) {
        if (!visit(id)) return;
    }
}

bool GraphAccess::has_label(int64_t node, TermId label) {
    auto key = std::make_pair(node, label);
    if (auto it = label_cache_.find(key); it != label_cache_.end()) return it->second;
    auto& q = store_.cached("SELECT 1 FROM stmt WHERE s = ?1 AND p = 1 AND o = ?2 LIMIT 1");
    q.bind(1, node);
    q.bind(2, label);
    bool found = q.step();
    q.reset();
    if (label_cache_.size() > kCacheLimit) label_cache_.clear();
    label_cache_.emplace(key, found);
    return found;
}

std::vector<std::string> GraphAccess::labels(int64_t node) {
    return storage::node_labels(store_, node);
}

Value GraphAccess::property(int64_t subject, TermId key) {
    auto cache_key = std::make_pair(subject, key);
    if (auto it = property_cache_.find(cache_key); it != property_cache_.end()) return it->second;
    auto& q = store_.cached(
        "SELECT t.kind, t.value FROM stmt s JOIN term t ON t.id = s.o WHERE s.s = ?1 AND "
        "s.p = ?2 LIMIT 1");
    q.bind(1, subject);
    q.bind(2, key);
    Value out;
    if (q.step()) out = decode(static_cast<int>(q.get_int(0)), q.get_value(1));
    q.reset();
    if (property_cache_.size() > kCacheLimit) property_cache_.clear();
    property_cache_.emplace(cache_key, out);
    return out;
}

Value GraphAccess::property(int64_t subject, std::string_view key) {
    auto id = key_id(key);
    if (!id) return Value();
    return property(subject, *id);
}

Map GraphAccess::properties(int64_t subject) {
    Map out;
    for (auto& p : storage::stored_properties(store_, subject)) {
        out.insert_or_assign(std::move(p.key), std::move(p.value));
    }
    return out;
}

// --- relationships ----------------------------------------------------------------------------

void GraphAccess::expand(int64_t node, ExpandDirection direction, const std::vector<TermId>& types,
                         const std::function<bool(const Edge&)>& visit) {
    std::vector<Edge> edges;
    auto outgoing = [&](std::optional<TermId> type) {
        auto& q = type ? store_.cached("SELECT id, p, o FROM stmt WHERE s = ?1 AND p = ?2")
                       : store_.cached(
                             "SELECT st.id, st.p, st.o FROM stmt st JOIN term t ON t.id = st.p "
                             "WHERE st.s = ?1 AND t.kind = 3");
        q.bind(1, node);
        if (type) q.bind(2, *type);
        while (q.step()) {
            int64_t end = q.get_int(2);
            edges.push_back(Edge{q.get_int(0), node, end, q.get_int(1), end});
        }
        q.reset();
    };
    auto incoming = [&](std::optional<TermId> type, bool skip_loops) {
        // Every statement whose object is a node is a relationship.
        auto& q = type ? store_.cached("SELECT id, p, s FROM stmt WHERE p = ?2 AND o = ?1")
                       : store_.cached("SELECT id, p, s FROM stmt WHERE o = ?1");
        q.bind(1, node);
        if (type) q.bind(2, *type);
        while (q.step()) {
            int64_t start = q.get_int(2);
            if (skip_loops && start == node) continue;
            edges.push_back(Edge{q.get_int(0), start, node, q.get_int(1), start});
        }
        q.reset();
    };
    auto run = [&](std::optional<TermId> type) {
        if (direction != ExpandDirection::Incoming) outgoing(type);
        if (direction != ExpandDirection::Outgoing) {
            incoming(type, direction == ExpandDirection::Both);
        }
    };
    if (types.empty()) {
        run(std::nullopt);
    } else {
        for (TermId t : types) run(t);
    }
    for (const Edge& e : edges) {
        if (!visit(e)) return;
    }
}

std::optional<Edge> GraphAccess::relationship(int64_t id) {
    auto& q = store_.cached(
        "SELECT st.s, st.p, st.o FROM stmt st JOIN term t ON t.id = st.p "
        "WHERE st.id = ?1 AND t.kind = 3");
    q.bind(1, id);
    std::optional<Edge> out;
    if (q.step()) out = Edge{id, q.get_int(0), q.get_int(2), q.get_int(1), q.get_int(2)};
    q.reset();
    return out;
}

Node GraphAccess::hydrate_node(int64_t id) {
    Node node;
    node.id = id;
    node.labels = labels(id);
    node.properties = std::make_shared<const Map>(properties(id));
    return node;
}

Relationship GraphAccess::hydrate_relationship(int64_t id) {
    Relationship rel;
    rel.id = id;
    if (auto e = relationship(id)) {
        rel.start = e->start;
        rel.end = e->end;
        rel.type = type_name(e->type);
    }
    rel.properties = std::make_shared<const Map>(properties(-id));
    return rel;
}

Value GraphAccess::hydrate(const Value& value) {
    switch (value.type()) {
        case ValueType::Node:
            if (value.as_node().properties) return value;
            return Value(hydrate_node(value.as_node().id));
        case ValueType::Relationship: {
            const auto& r = value.as_relationship();
            if (r.properties) return value;
            Relationship out = r;
            out.properties = std::make_shared<const Map>(properties(-r.id));
            if (out.type.empty()) return Value(hydrate_relationship(r.id));
            return Value(std::move(out));
        }
        case ValueType::Path: {
            Path out;
            for (const auto& n : value.as_path().nodes) {
                out.nodes.push_back(hydrate(Value(n)).as_node());
            }
            for (const auto& r : value.as_path().relationships) {
                out.relationships.push_back(hydrate(Value(r)).as_relationship());
            }
            return Value(std::move(out));
        }
        case ValueType::List: {
            List out;
            out.reserve(value.as_list().size());
            for (const auto& v : value.as_list()) out.push_back(hydrate(v));
            return Value(std::move(out));
        }
        case ValueType::Map: {
            Map out;
            for (const auto& [k, v] : value.as_map()) out.emplace(k, hydrate(v));
            return Value(std::move(out));
        }
        default:
            return value;
    }
}

Value GraphAccess::relationship_value(const Edge& edge) {
    Relationship rel;
    rel.id = edge.id;
    rel.start = edge.start;
    rel.end = edge.end;
    rel.type = type_name(edge.type);
    return Value(std::move(rel));
}

// --- writes -----------------------------------------------------------------------------------

void GraphAccess::forget_reads() {
    property_cache_.clear();
    label_cache_.clear();
}

int64_t GraphAccess::last_changes() {
    auto& q = store_.cached("SELECT changes()");
    q.step();
    int64_t n = q.get_int(0);
    q.reset();
    return n;
}

int64_t GraphAccess::create_node() {
    int64_t node = store_.intern(Term{TermKind::Node, Value()});
    touched_.insert(node);
    return node;
}

void GraphAccess::add_label(int64_t node, TermId label) { add_label_if_absent(node, label); }

bool GraphAccess::add_label_if_absent(int64_t node, TermId label) {
    forget_reads();
    if (has_label(node, label)) return false;
    store_.add(node, Store::kLabelPredicate, label);
    touched_.insert(node);
    relabelled_.insert(node);
    if (catalog_) {
        for (const auto& category : catalog_->ancestors(term_name(label))) {
            TermId id = intern_label(category);
            if (id == label || has_label(node, id)) continue;
            store_.add(node, Store::kLabelPredicate, id);
            forget_reads();
        }
    }
    forget_reads();
    return true;
}

bool GraphAccess::remove_label(int64_t node, TermId label) {
    forget_reads();
    auto& q = store_.cached("DELETE FROM stmt WHERE s = ?1 AND p = 1 AND o = ?2");
    q.bind(1, node);
    q.bind(2, label);
    q.step();
    q.reset();
    if (last_changes() == 0) return false;
    touched_.insert(node);
    relabelled_.insert(node);
    return true;
}

bool GraphAccess::set_property(int64_t subject, TermId key, const Value& value) {
    forget_reads();
    TermId literal = 0;
    if (!value.is_null()) {
        literal = store_.intern(storage::SqliteStore::literal(value));
        // A property set to the value it has keeps its statement: nothing changes, and history
        // records nothing.
        auto& same = store_.cached(
            "SELECT count(*), count(*) FILTER (WHERE o = ?3) FROM stmt WHERE s = ?1 AND p = ?2");
        same.bind(1, subject).bind(2, key).bind(3, literal);
        same.step();
        const bool unchanged = same.get_int(0) == 1 && same.get_int(1) == 1;
        same.reset();
        if (unchanged) return true;
    }
    auto& del = store_.cached("DELETE FROM stmt WHERE s = ?1 AND p = ?2");
    del.bind(1, subject);
    del.bind(2, key);
    del.step();
    del.reset();
    bool removed = last_changes() > 0;
    touched_.insert(subject);
    if (value.is_null()) return removed;
    store_.add(subject, key, literal);
    return true;
}

int64_t GraphAccess::create_relationship(int64_t start, TermId type, int64_t end) {
    int64_t id = store_.add(start, type, end);
    touched_.insert(-id);
    return id;
}

void GraphAccess::delete_relationship(int64_t id) {
    forget_reads();
    auto& q = store_.cached("DELETE FROM stmt WHERE id = ?1 OR s = ?2");
    q.bind(1, id);
    q.bind(2, -id);
    q.step();
    q.reset();
}

int64_t GraphAccess::degree(int64_t node) {
    int64_t n = 0;
    expand(node, ExpandDirection::Both, {}, [&](const Edge&) {
        ++n;
        return true;
    });
    return n;
}

void GraphAccess::delete_node(int64_t node) {
    forget_reads();
    auto& q = store_.cached("DELETE FROM stmt WHERE s = ?1");
    q.bind(1, node);
    q.step();
    q.reset();
    auto& t = store_.cached("DELETE FROM term WHERE id = ?1 AND kind = 1");
    t.bind(1, node);
    t.step();
    t.reset();
}

}  // namespace meninx::execution
