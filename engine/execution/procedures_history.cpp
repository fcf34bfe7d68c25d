// The history procedures: list transactions, show what one transaction changed, show the history
// of a node or relationship, and undo a transaction. See storage/history.h for the record and
// docs/curation.md for how curators use them.
//
// Changes are shown per transaction and fact, as their net effect: a property whose value a
// transaction replaced is one `changed` row with the value before and after; a fact added and
// retracted again within one transaction is not shown (history keeps both steps).
#include <map>
#include <tuple>
#include <unordered_map>

#include "execution/exec_context.h"
#include "execution/procedures.h"
#include "meninx/error.h"
#include "storage/history.h"
#include "storage/sqlite_store.h"

namespace meninx::execution {

namespace {

const std::vector<std::string> kChangeColumns = {"tx", "time", "user", "change", "element",
                                                 "id", "kind", "key",  "before", "after"};

int64_t integer_argument(const Value& v, const char* procedure, const char* what) {
    if (!v.is_int()) {
        throw Exception(ErrorKind::Type, std::string(procedure) + " expects " + what +
                                             " (an INTEGER), got " +
                                             std::string(type_name(v.type())));
    }
    return v.as_int();
}

// Turns recorded changes into rows: one per transaction and fact, with names and values decoded.
class ChangeRows {
  public:
    explicit ChangeRows(storage::SqliteStore& store) : store_(store) {}

    ProcedureRows rows(const std::vector<storage::ChangeRecord>& changes) {
        // Facts by transaction, in the order of their first change.
        std::vector<Fact> facts;
        std::map<std::tuple<int64_t, int, int64_t, int64_t, int64_t>, size_t> index;
        for (const auto& c : changes) {
            auto [it, fresh] = index.emplace(fact_key(c), facts.size());
            if (fresh) facts.push_back(Fact{c, c});
            facts[it->second].last = c;
        }
        ProcedureRows out;
        for (const Fact& fact : facts) {
            if (auto row = fact_row(fact)) out.push_back(std::move(*row));
        }
        return out;
    }

  private:
    struct Fact {
        storage::ChangeRecord first;
        storage::ChangeRecord last;
    };

    // A property is one fact per element and key (so a new value is a change of it); a node is
    // its existence; labels are one fact per label; anything else (relationships, evidence
    // links) is its statement.
    std::tuple<int64_t, int, int64_t, int64_t, int64_t> fact_key(const storage::ChangeRecord& c) {
        if (c.stmt == 0) return {c.tx, 0, c.s, 0, 0};
        if (kind(c.p) == TermKind::PropertyKey) return {c.tx, 1, c.s, c.p, 0};
        if (c.p == Store::kLabelPredicate) return {c.tx, 2, c.s, c.o, 0};
        return {c.tx, 3, c.stmt, 0, 0};
    }

    std::optional<std::vector<Value>> fact_row(const Fact& fact) {
        const storage::ChangeRecord& c = fact.first;
        const bool existed = fact.first.op == -1;
        const bool exists = fact.last.op == 1;
        if (!existed && !exists) return std::nullopt;
        const bool property = c.stmt != 0 && kind(c.p) == TermKind::PropertyKey;
        if (existed && exists && (!property || fact.first.o == fact.last.o)) return std::nullopt;
        std::string change = existed && exists ? "changed" : exists ? "added" : "retracted";

        Value element, id, what, key, before, after;
        if (c.stmt == 0) {
            element = Value("node");
            id = Value(c.s);
            what = Value("node");
        } else if (kind(c.p) == TermKind::RelationshipType) {
            element = Value("relationship");
            id = Value(c.stmt);
            what = Value("relationship");
            key = Value(name(c.p));
            Value ends(Map{{"start", Value(c.s)}, {"end", Value(c.o)}});
            (exists ? after : before) = ends;
        } else {
            element = Value(c.s > 0 ? "node" : "relationship");
            id = Value(c.s > 0 ? c.s : -c.s);
            if (c.p == Store::kLabelPredicate) {
                what = Value("label");
                key = Value(name(c.o));
            } else if (property) {
                what = Value("property");
                key = Value(name(c.p));
                if (existed) before = store_.term(fact.first.o).value;
                if (exists) after = store_.term(fact.last.o).value;
            } else {
                what = Value(name(c.p));
                (exists ? after : before) = store_.term(c.o).value;
            }
        }
        const storage::TxRecord& tx = transaction(c.tx);
        return std::vector<Value>{
            Value(c.tx), Value(tx.time), Value(tx.user), Value(change), element, id, what,
            key,         before,         after};
    }

    TermKind kind(TermId id) {
        auto it = kinds_.find(id);
        if (it == kinds_.end()) it = kinds_.emplace(id, store_.term(id).kind).first;
        return it->second;
    }

    std::string name(TermId id) {
        Value v = store_.term(id).value;
        return v.is_string() ? v.as_string() : v.to_cypher();
    }

    const storage::TxRecord& transaction(int64_t id) {
        auto it = transactions_.find(id);
        if (it == transactions_.end()) {
            storage::TxRecord tx;
            tx.id = id;
            if (auto found = storage::transaction(store_, id)) tx = *found;
            it = transactions_.emplace(id, std::move(tx)).first;
        }
        return it->second;
    }

    storage::SqliteStore& store_;
    std::unordered_map<TermId, TermKind> kinds_;
    std::unordered_map<int64_t, storage::TxRecord> transactions_;
};

ProcedureRows list_transactions(ExecContext& ctx, const std::vector<Value>&) {
    ProcedureRows rows;
    for (const auto& tx : storage::transactions(ctx.graph().store())) {
        rows.push_back({Value(tx.id), Value(tx.user), Value(tx.time), Value(tx.text),
                        tx.undo_of ? Value(*tx.undo_of) : Value(), Value(tx.added),
                        Value(tx.retracted)});
    }
    return rows;
}

ProcedureRows transaction_changes(ExecContext& ctx, const std::vector<Value>& args) {
    if (args[0].is_null()) return {};
    auto& store = ctx.graph().store();
    const int64_t tx = integer_argument(args[0], "db.changes", "a transaction id");
    if (!storage::transaction(store, tx)) {
        throw Exception(ErrorKind::Argument, "db.changes: there is no transaction " +
                                                 std::to_string(tx) + " (the last is " +
                                                 std::to_string(storage::last_transaction(store)) +
                                                 ")");
    }
    return ChangeRows(store).rows(storage::changes_in(store, tx));
}

ProcedureRows entity_history(ExecContext& ctx, const std::vector<Value>& args) {
    const Value& entity = args[0];
    if (entity.is_null()) return {};
    auto& store = ctx.graph().store();
    std::string element = "node";
    if (args.size() > 1) {
        if (!args[1].is_string() ||
            (args[1].as_string() != "node" && args[1].as_string() != "relationship")) {
            throw Exception(ErrorKind::Argument,
                            "db.history: the second argument says what the id is: 'node' or "
                            "'relationship', got " +
                                args[1].to_cypher());
        }
        if (!entity.is_int()) {
            throw Exception(ErrorKind::Argument,
                            "db.history: 'node' or 'relationship' goes with an id; a node or "
                            "relationship value says what it is");
        }
        element = args[1].as_string();
    }
    std::vector<storage::ChangeRecord> changes;
    if (entity.is_node()) {
        changes = storage::node_changes(store, entity.as_node().id);
    } else if (entity.is_relationship()) {
        changes = storage::relationship_changes(store, entity.as_relationship().id);
    } else if (entity.is_int()) {
        changes = element == "node" ? storage::node_changes(store, entity.as_int())
                                    : storage::relationship_changes(store, entity.as_int());
    } else {
        throw Exception(ErrorKind::Type,
                        "db.history expects a node, a relationship, or an id (an INTEGER, with "
                        "'relationship' as second argument for a relationship id), got " +
                            std::string(type_name(entity.type())));
    }
    return ChangeRows(store).rows(changes);
}

ProcedureRows undo_transaction(ExecContext& ctx, const std::vector<Value>& args) {
    const int64_t tx = integer_argument(args[0], "db.undo", "the id of the transaction to undo");
    auto result = storage::undo(ctx.graph().store(), tx);
    return {{Value(result.tx), Value(tx), Value(result.added), Value(result.retracted)}};
}

}  // namespace

std::vector<Procedure> history_procedures() {
    return {
        {"db.transactions",
         {"tx", "user", "time", "text", "undoOf", "added", "retracted"},
         0,
         0,
         false,
         "db.transactions() :: (tx, user, time, text, undoOf, added, retracted) -- every "
         "committed transaction, oldest first: who, when (UTC), what caused it, and how many "
         "statements and nodes it added and retracted",
         list_transactions},
        {"db.changes", kChangeColumns, 1, 1, false,
         "db.changes(tx) :: (tx, time, user, change, element, id, kind, key, before, after) -- "
         "what transaction tx added, changed and retracted",
         transaction_changes},
        {"db.history", kChangeColumns, 1, 2, false,
         "db.history(entity [, 'node'|'relationship']) :: (tx, time, user, change, element, id, "
         "kind, key, before, after) -- the history of a node (with its relationships) or a "
         "relationship, given as a value or an id, oldest first",
         entity_history},
        {"db.undo",
         {"tx", "undone", "added", "retracted"},
         1,
         1,
         true,
         "db.undo(tx) :: (tx, undone, added, retracted) -- reverses transaction tx in a new "
         "transaction (refused when later transactions changed the same facts)",
         undo_transaction},
    };
}

}  // namespace meninx::execution
