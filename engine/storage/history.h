// History: reading, rewinding and reversing the record of changes that a store keeps from schema
// version 3 on (tables `tx` and `history`, filled by triggers on `stmt` and `term`; see
// schema/migrations/003_history.sql).
//
// A change is a statement or a node added (op 1) or retracted (op -1) by a transaction, with the
// statement's whole triple, so it can be shown and reversed after the statement has left `stmt`.
// Ids are never reused, so a statement id or node id names one fact or node forever. The
// functions here take the store they work on; they throw meninx::Exception for what a user can
// get wrong (an unknown transaction, a malformed point in time, an undo that conflicts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meninx/store.h"

namespace meninx::storage {

class SqliteStore;

// A committed transaction.
struct TxRecord {
    int64_t id = 0;
    std::string user;
    std::string time;  // UTC, "YYYY-MM-DDTHH:MM:SS.sssZ"
    std::string text;  // what caused it: Cypher statements (";\n" between them), "seed", ...
    std::optional<int64_t> undo_of;
    int64_t added = 0;
    int64_t retracted = 0;
};

// One recorded change.
struct ChangeRecord {
    int64_t id = 0;  // position in the history: changes happened in this order
    int64_t tx = 0;
    int op = 0;            // 1 added, -1 retracted
    StatementId stmt = 0;  // 0 for a node's own existence (the node is `s`)
    TermId s = 0;
    TermId p = 0;
    TermId o = 0;
};

// Throws a Usage error when `store` keeps no history (a file of an older schema version opened
// read-only, which cannot be upgraded).
void require_history(const SqliteStore& store);

// Committed transactions, oldest first; `transaction` gives one (nullopt when there is none).
std::vector<TxRecord> transactions(SqliteStore& store);
std::optional<TxRecord> transaction(SqliteStore& store, int64_t tx);
// The id of the last committed transaction, 0 when there is none.
int64_t last_transaction(SqliteStore& store);

// The transaction a point of history names: a transaction id ("12"; "0" is before the first),
// "now" (the last), or a UTC time ("2026-03-01", "2026-03-01T14:30", "2026-03-01 14:30:05.250Z":
// the last transaction committed at or before it, 0 when none was). Throws an Argument error for
// anything else and for a transaction id that does not exist.
int64_t resolve_point(SqliteStore& store, std::string_view point);

// The changes of transaction `tx`, in order.
std::vector<ChangeRecord> changes_in(SqliteStore& store, int64_t tx);
// Every change about a node: its existence, labels and properties, and the relationships that
// start or end at it, in order.
std::vector<ChangeRecord> node_changes(SqliteStore& store, TermId node);
// Every change about a relationship: the relationship itself and the statements about it (its
// properties and evidence), in order.
std::vector<ChangeRecord> relationship_changes(SqliteStore& store, StatementId relationship);

// Turns a private copy of a database (see SqliteStore::snapshot) back to the state after
// transaction `tx`: the changes of later transactions are reversed and their records removed.
void rewind(SqliteStore& copy, int64_t tx);

struct UndoResult {
    int64_t tx = 0;         // the transaction that recorded the undo
    int64_t added = 0;      // statements and nodes put back
    int64_t retracted = 0;  // statements and nodes taken away
};

// Reverses transaction `tx` inside the store's open write transaction, which is recorded as its
// undo (undoing an undo redoes). Refused with a Constraint error naming the later transactions
// in the way: those that left a fact this one added or retracted otherwise than it left it, that
// gave a property it retracted a new value (or a label it retracted back), or that built on what
// the undo would take away (a property of a node it would delete, a relationship to it). Undoing
// those first, the newest first, makes the undo possible.
UndoResult undo(SqliteStore& store, int64_t tx);

}  // namespace meninx::storage
