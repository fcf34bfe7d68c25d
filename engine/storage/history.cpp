#include "storage/history.h"

#include <cctype>
#include <cstdio>
#include <set>
#include <unordered_map>

#include "meninx/error.h"
#include "storage/query.h"
#include "storage/sqlite_store.h"

namespace meninx::storage {

namespace {

// Recorded changes; op 0 rows only mark the end of a bulk load's range and are no change.
constexpr const char* kChangeColumns =
    "SELECT id, tx, op, stmt, s, p, o FROM history WHERE op <> 0";
constexpr const char* kTxColumns =
    "SELECT id, user, time, text, undo_of, added, retracted FROM tx WHERE time IS NOT NULL";

// The triggers that record changes and guard the record; a private copy being rewound drops them.
constexpr const char* kRecordingTriggers[] = {
    "history_stmt_added",     "history_stmt_retracted", "history_node_added",
    "history_node_retracted", "history_no_delete",      "tx_committed_no_delete",
    "bulk_change_no_delete",
};

// The changes that bulk loads' ranges stand for (see schema/migrations/005_bulk_history.sql),
// as rows of kChangeColumns: each statement of `candidates` (id, s, p, o) whose id lies in a
// range, and each node id of `nodes` (id) that does. The candidates are live statements and
// retractions found by whatever the reader looks for; a statement or node of a range was added
// by that load and exists, or its retraction was recorded.
std::string bulk_statement_changes(const std::string& candidates) {
    return "SELECT r.first_change + (r.last_node - r.first_node + 1) + (c.id - r.first_stmt), "
           "r.tx, 1, c.id, c.s, c.p, c.o FROM (" +
           candidates + ") AS c JOIN bulk_change AS r ON c.id BETWEEN r.first_stmt AND r.last_stmt";
}

std::string bulk_node_changes(const std::string& nodes) {
    return "SELECT r.first_change + (c.id - r.first_node), r.tx, 1, 0, c.id, 0, 0 FROM (" + nodes +
           ") AS c JOIN bulk_change AS r ON c.id BETWEEN r.first_node AND r.last_node";
}

// Recorded changes matching `where`, with, when the store keeps bulk loads as ranges, the
// changes those ranges stand for among the statement and node candidates, in order.
std::string changes_sql(const SqliteStore& store, const std::string& where,
                        const std::string& statements, const std::string& nodes) {
    std::string sql = std::string(kChangeColumns) + " AND (" + where + ")";
    if (store.has_bulk_ranges()) {
        if (!statements.empty()) sql += " UNION ALL " + bulk_statement_changes(statements);
        if (!nodes.empty()) sql += " UNION ALL " + bulk_node_changes(nodes);
    }
    return sql + " ORDER BY 1";
}

[[noreturn]] void argument_error(const std::string& message) {
    throw Exception(ErrorKind::Argument, message);
}

std::vector<ChangeRecord> read_changes(Query& q) {
    std::vector<ChangeRecord> out;
    while (q.step()) {
        out.push_back(ChangeRecord{q.get_int(0), q.get_int(1), static_cast<int>(q.get_int(2)),
                                   q.get_int(3), q.get_int(4), q.get_int(5), q.get_int(6)});
    }
    q.reset();
    return out;
}

std::vector<TxRecord> read_transactions(Query& q) {
    std::vector<TxRecord> out;
    while (q.step()) {
        TxRecord tx;
        tx.id = q.get_int(0);
        tx.user = q.get_text(1);
        tx.time = q.get_text(2);
        tx.text = q.get_text(3);
        if (!q.is_null(4)) tx.undo_of = q.get_int(4);
        tx.added = q.get_int(5);
        tx.retracted = q.get_int(6);
        out.push_back(std::move(tx));
    }
    q.reset();
    return out;
}

std::optional<int64_t> optional_int(SqliteStore& store, const std::string& sql, int64_t a,
                                    std::optional<int64_t> b = std::nullopt,
                                    std::optional<int64_t> c = std::nullopt) {
    Query& q = store.cached(sql);
    q.bind(1, a);
    if (b) q.bind(2, *b);
    if (c) q.bind(3, *c);
    std::optional<int64_t> out;
    if (q.step() && !q.is_null(0)) out = q.get_int(0);
    q.reset();
    return out;
}

// The bulk load that added statement `stmt`, or node `node`, if one did.
std::optional<int64_t> bulk_statement_tx(SqliteStore& store, StatementId stmt) {
    if (!store.has_bulk_ranges()) return std::nullopt;
    return optional_int(
        store, "SELECT tx FROM bulk_change WHERE ?1 BETWEEN first_stmt AND last_stmt", stmt);
}

std::optional<int64_t> bulk_node_tx(SqliteStore& store, TermId node) {
    if (!store.has_bulk_ranges()) return std::nullopt;
    return optional_int(
        store, "SELECT tx FROM bulk_change WHERE ?1 BETWEEN first_node AND last_node", node);
}

int64_t count_rows(SqliteStore& store, const std::string& sql) {
    auto q = store.prepare(sql);
    return q->step() ? q->get_int(0) : 0;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

// Reads `width` digits at `pos` as a number within [low, high]; false when they are not.
bool read_field(std::string_view s, size_t pos, size_t width, int low, int high, int& out) {
    if (pos + width > s.size() || !all_digits(s.substr(pos, width))) return false;
    out = 0;
    for (size_t i = 0; i < width; ++i) out = out * 10 + (s[pos + i] - '0');
    return out >= low && out <= high;
}

// "YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z]" as history stores times, "YYYY-MM-DDTHH:MM:SS.sssZ";
// nullopt when `s` is not of that form.
std::optional<std::string> normalise_time(std::string_view s) {
    if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) s.remove_suffix(1);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!read_field(s, 0, 4, 0, 9999, year) || s.size() < 10 || s[4] != '-' ||
        !read_field(s, 5, 2, 1, 12, month) || s[7] != '-' || !read_field(s, 8, 2, 1, 31, day)) {
        return std::nullopt;
    }
    std::string millis = "000";
    if (s.size() > 10) {
        if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !read_field(s, 11, 2, 0, 23, hour) ||
            s.size() < 16 || s[13] != ':' || !read_field(s, 14, 2, 0, 59, minute)) {
            return std::nullopt;
        }
        size_t pos = 16;
        if (pos < s.size()) {
            if (s[pos] != ':' || !read_field(s, pos + 1, 2, 0, 60, second)) return std::nullopt;
            pos += 3;
        }
        if (pos < s.size()) {
            std::string_view fraction = s.substr(pos + 1);
            if (s[pos] != '.' || !all_digits(fraction)) return std::nullopt;
            millis = std::string(fraction.substr(0, 3));
            millis.resize(3, '0');
        }
    }
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d.%sZ", year, month, day, hour,
                  minute, second, millis.c_str());
    return std::string(out);
}

// "7 (alice at 2026-03-01T14:30:05.250Z: SET n.x = 2)", for messages.
std::string describe_tx(SqliteStore& store, int64_t id) {
    if (id == store.open_tx()) return std::to_string(id) + " (this transaction)";
    auto tx = transaction(store, id);
    if (!tx) return std::to_string(id);
    std::string text = tx->text.substr(0, tx->text.find('\n'));
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    std::string out =
        std::to_string(id) + " (" + (tx->user.empty() ? "unknown" : tx->user) + " at " + tx->time;
    if (!text.empty()) out += ": " + text;
    return out + ")";
}

TermKind term_kind(SqliteStore& store, TermId id) {
    auto kind = optional_int(store, "SELECT kind FROM term WHERE id = ?1", id);
    return kind ? static_cast<TermKind>(*kind) : TermKind::System;
}

// The change of one fact (a statement, or a node's existence) over a transaction: its first and
// last operation, and the triple.
struct NetChange {
    int first = 0;
    int last = 0;
    ChangeRecord row;
    bool node() const { return row.stmt == 0; }
    // 1 when the transaction added the fact, -1 when it retracted it, 0 when it left it as it was.
    int net() const { return first == last ? first : 0; }
};

std::vector<NetChange> net_changes(const std::vector<ChangeRecord>& rows) {
    std::vector<NetChange> out;
    std::unordered_map<int64_t, size_t> stmt_index;
    std::unordered_map<int64_t, size_t> node_index;
    for (const ChangeRecord& row : rows) {
        auto& index = row.stmt == 0 ? node_index : stmt_index;
        const int64_t key = row.stmt == 0 ? row.s : row.stmt;
        auto [it, fresh] = index.emplace(key, out.size());
        if (fresh) out.push_back(NetChange{row.op, row.op, row});
        out[it->second].last = row.op;
    }
    return out;
}

// The undo of one transaction: checks, changes, and the later transactions in the way.
class Undo {
  public:
    Undo(SqliteStore& store, int64_t tx) : store_(store), tx_(tx) {}

    UndoResult run() {
        auto changes = net_changes(changes_in(store_, tx_));
        // Facts no longer as the transaction left them are not touched; the undo goes on only to
        // find everything else in the way, and is then refused as a whole.
        std::vector<NetChange> undoable;
        for (const NetChange& c : changes) {
            if (c.net() != 0 && still_as_left(c)) undoable.push_back(c);
        }
        UndoResult result;
        result.tx = store_.open_tx();
        // Take away what the transaction added (statements before the nodes they are about),
        // then put back what it retracted (nodes before their statements).
        for (const NetChange& c : undoable) {
            if (c.net() != 1 || c.node()) continue;
            remove_statement(c.row.stmt);
            ++result.retracted;
        }
        for (const NetChange& c : undoable) {
            if (c.net() != 1 || !c.node()) continue;
            remove_node(c.row.s);
            ++result.retracted;
        }
        for (const NetChange& c : undoable) {
            if (c.net() != -1 || !c.node()) continue;
            add_node(c.row.s);
            ++result.added;
        }
        for (const NetChange& c : undoable) {
            if (c.net() != -1 || c.node() || slot_taken(c.row)) continue;
            add_statement(c.row);
            ++result.added;
        }
        for (const NetChange& c : undoable) {
            if (c.net() == 1 && c.node()) nothing_refers_to_node(c.row.s);
            if (c.net() == 1 && !c.node() && kind(c.row.p) == TermKind::RelationshipType) {
                nothing_refers_to_relationship(c.row.stmt);
            }
            if (c.net() == -1 && !c.node()) endpoints_exist(c.row);
        }
        refuse_if_conflicts();
        Query& mark = store_.cached("UPDATE tx SET undo_of = ?2 WHERE id = ?1");
        mark.bind(1, result.tx).bind(2, tx_);
        mark.run();
        return result;
    }

  private:
    TermKind kind(TermId id) {
        auto it = kinds_.find(id);
        if (it == kinds_.end()) it = kinds_.emplace(id, term_kind(store_, id)).first;
        return it->second;
    }

    // A fact the transaction added must still be there, and one it retracted still absent;
    // otherwise the transaction that changed it last is in the way. (A fact changed and changed
    // back by later transactions, as an undo and its redo do, is as the transaction left it.)
    bool still_as_left(const NetChange& c) {
        const bool present =
            c.node()
                ? optional_int(store_, "SELECT id FROM term WHERE id = ?1 AND kind = 1", c.row.s)
                      .has_value()
                : optional_int(store_, "SELECT id FROM stmt WHERE id = ?1", c.row.stmt).has_value();
        if (present == (c.net() == 1)) return true;
        auto tx = c.node() ? optional_int(store_,
                                          "SELECT tx FROM history WHERE s = ?1 AND stmt = 0 "
                                          "ORDER BY id DESC LIMIT 1",
                                          c.row.s)
                           : optional_int(store_,
                                          "SELECT tx FROM history WHERE stmt = ?1 ORDER BY id "
                                          "DESC LIMIT 1",
                                          c.row.stmt);
        // A fact a bulk load added has recorded changes only after that load.
        if (!tx)
            tx = c.node() ? bulk_node_tx(store_, c.row.s) : bulk_statement_tx(store_, c.row.stmt);
        if (tx) later_.insert(*tx);
        return false;
    }

    // The transaction that put statement `id` where it is now.
    void added_by(int64_t stmt) {
        auto tx = optional_int(
            store_, "SELECT tx FROM history WHERE stmt = ?1 AND op = 1 ORDER BY id DESC LIMIT 1",
            stmt);
        if (!tx) tx = bulk_statement_tx(store_, stmt);
        if (tx) later_.insert(*tx);
    }

    // The transaction that retracted statement `stmt` last.
    void statement_retracted_by(StatementId stmt) {
        auto tx = optional_int(
            store_, "SELECT tx FROM history WHERE stmt = ?1 AND op = -1 ORDER BY id DESC LIMIT 1",
            stmt);
        if (tx) later_.insert(*tx);
    }

    // The transaction that deleted node `node` last.
    void node_retracted_by(TermId node) {
        auto tx = optional_int(store_,
                               "SELECT tx FROM history WHERE s = ?1 AND stmt = 0 AND op = -1 "
                               "ORDER BY id DESC LIMIT 1",
                               node);
        if (tx) later_.insert(*tx);
    }

    // Putting back a retracted label, property or evidence link must not give its element a
    // second one: a later transaction may have set the property again.
    bool slot_taken(const ChangeRecord& row) {
        const TermKind k = kind(row.p);
        if (k == TermKind::RelationshipType) return false;
        std::optional<int64_t> live;
        if (k == TermKind::PropertyKey) {
            live = optional_int(store_, "SELECT id FROM stmt WHERE s = ?1 AND p = ?2 LIMIT 1",
                                row.s, row.p);
        } else {
            live = optional_int(store_,
                                "SELECT id FROM stmt WHERE s = ?1 AND p = ?2 AND o = ?3 LIMIT 1",
                                row.s, row.p, row.o);
        }
        if (live) added_by(*live);
        return live.has_value();
    }

    void nothing_refers_to_node(TermId node) {
        auto blocking = optional_int(
            store_, "SELECT id FROM stmt WHERE s = ?1 UNION ALL SELECT id FROM stmt WHERE o = ?1",
            node);
        if (blocking) added_by(*blocking);
    }

    void nothing_refers_to_relationship(StatementId rel) {
        auto blocking = optional_int(store_, "SELECT id FROM stmt WHERE s = ?1", -rel);
        if (blocking) added_by(*blocking);
    }

    void endpoints_exist(const ChangeRecord& row) {
        auto node_exists = [&](TermId node) {
            return optional_int(store_, "SELECT id FROM term WHERE id = ?1 AND kind = 1", node)
                .has_value();
        };
        if (row.s > 0 && !node_exists(row.s)) node_retracted_by(row.s);
        if (row.s < 0 && !optional_int(store_, "SELECT id FROM stmt WHERE id = ?1", -row.s)) {
            statement_retracted_by(-row.s);
        }
        if (kind(row.p) == TermKind::RelationshipType && !node_exists(row.o)) {
            node_retracted_by(row.o);
        }
    }

    void remove_statement(StatementId id) {
        Query& q = store_.cached("DELETE FROM stmt WHERE id = ?1");
        q.bind(1, id);
        q.run();
    }

    void remove_node(TermId id) {
        Query& q = store_.cached("DELETE FROM term WHERE id = ?1 AND kind = 1");
        q.bind(1, id);
        q.run();
    }

    void add_node(TermId id) {
        Query& q = store_.cached("INSERT INTO term(id, kind, value) VALUES (?1, 1, NULL)");
        q.bind(1, id);
        q.run();
    }

    void add_statement(const ChangeRecord& row) {
        Query& q = store_.cached("INSERT INTO stmt(id, s, p, o) VALUES (?1, ?2, ?3, ?4)");
        q.bind(1, row.stmt).bind(2, row.s).bind(3, row.p).bind(4, row.o);
        q.run();
    }

    void refuse_if_conflicts() {
        if (later_.empty()) return;
        std::string list;
        for (auto it = later_.rbegin(); it != later_.rend(); ++it) {
            list += (list.empty() ? "" : ", ") + describe_tx(store_, *it);
        }
        throw Exception(ErrorKind::Constraint, "Cannot undo transaction " + std::to_string(tx_) +
                                                   ": later transactions changed the same facts: " +
                                                   list + ". Undo those first, the newest first");
    }

    SqliteStore& store_;
    int64_t tx_;
    std::set<int64_t> later_;
    std::unordered_map<TermId, TermKind> kinds_;
};

}  // namespace

void require_history(const SqliteStore& store) {
    if (!store.has_history()) {
        throw Exception(ErrorKind::Usage,
                        store.path() + " has schema version " +
                            std::to_string(store.schema_version()) +
                            " and keeps no history; open it read-write once to upgrade it");
    }
}

std::vector<TxRecord> transactions(SqliteStore& store) {
    require_history(store);
    return read_transactions(store.cached(std::string(kTxColumns) + " ORDER BY id"));
}

std::optional<TxRecord> transaction(SqliteStore& store, int64_t tx) {
    require_history(store);
    Query& q = store.cached(std::string(kTxColumns) + " AND id = ?1");
    q.bind(1, tx);
    auto found = read_transactions(q);
    if (found.empty()) return std::nullopt;
    return found.front();
}

int64_t last_transaction(SqliteStore& store) {
    require_history(store);
    Query& q = store.cached("SELECT coalesce(max(id), 0) FROM tx WHERE time IS NOT NULL");
    const int64_t last = q.step() ? q.get_int(0) : 0;
    q.reset();
    return last;
}

int64_t resolve_point(SqliteStore& store, std::string_view point) {
    const std::string_view p = trim(point);
    const std::string shown = "'" + std::string(point) + "'";
    const int64_t last = last_transaction(store);
    if (p == "now") return last;
    if (all_digits(p)) {
        if (p.size() > 18) argument_error("there is no transaction " + std::string(p));
        const int64_t tx = std::stoll(std::string(p));
        if (tx > last) {
            argument_error("there is no transaction " + std::to_string(tx) + " in " + store.path() +
                           " (the last is " + std::to_string(last) + ")");
        }
        return tx;
    }
    if (auto time = normalise_time(p)) {
        Query& q = store.cached(
            "SELECT coalesce(max(id), 0) FROM tx WHERE time IS NOT NULL AND time <= ?1");
        q.bind(1, *time);
        const int64_t tx = q.step() ? q.get_int(0) : 0;
        q.reset();
        return tx;
    }
    argument_error(shown +
                   " is not a point of history: give a transaction id (12), now, or a UTC time "
                   "(YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS[.fff], optionally with Z)");
}

std::vector<ChangeRecord> changes_in(SqliteStore& store, int64_t tx) {
    require_history(store);
    Query& q = store.cached(changes_sql(
        store,
        "id BETWEEN (SELECT first_change FROM tx WHERE id = ?1) AND "
        "(SELECT last_change FROM tx WHERE id = ?1)",
        "SELECT st.id, st.s, st.p, st.o FROM bulk_change AS b JOIN stmt AS st ON st.id BETWEEN "
        "b.first_stmt AND b.last_stmt WHERE b.tx = ?1 UNION SELECT h.stmt, h.s, h.p, h.o FROM "
        "bulk_change AS b JOIN history AS h ON h.stmt BETWEEN b.first_stmt AND b.last_stmt "
        "WHERE b.tx = ?1 AND h.op = -1",
        "SELECT t.id FROM bulk_change AS b JOIN term AS t ON t.id BETWEEN b.first_node AND "
        "b.last_node WHERE b.tx = ?1 AND t.kind = 1 UNION SELECT h.s FROM bulk_change AS b JOIN "
        "history AS h ON h.s BETWEEN b.first_node AND b.last_node WHERE b.tx = ?1 AND "
        "h.stmt = 0 AND h.op = -1"));
    q.bind(1, tx);
    return read_changes(q);
}

std::vector<ChangeRecord> node_changes(SqliteStore& store, TermId node) {
    require_history(store);
    Query& q = store.cached(changes_sql(
        store, "s = ?1 OR o = ?1",
        "SELECT id, s, p, o FROM stmt WHERE s = ?1 UNION SELECT id, s, p, o FROM stmt WHERE "
        "o = ?1 UNION SELECT stmt, s, p, o FROM history WHERE (s = ?1 OR o = ?1) AND op = -1 "
        "AND stmt <> 0",
        "SELECT ?1 AS id WHERE EXISTS (SELECT 1 FROM term WHERE id = ?1 AND kind = 1) OR "
        "EXISTS (SELECT 1 FROM history WHERE s = ?1 AND stmt = 0)"));
    q.bind(1, node);
    return read_changes(q);
}

std::vector<ChangeRecord> relationship_changes(SqliteStore& store, StatementId relationship) {
    require_history(store);
    Query& q = store.cached(changes_sql(
        store, "stmt = ?1 OR s = -?1",
        "SELECT id, s, p, o FROM stmt WHERE id = ?1 UNION SELECT id, s, p, o FROM stmt WHERE "
        "s = -?1 UNION SELECT stmt, s, p, o FROM history WHERE (stmt = ?1 OR s = -?1) AND "
        "op = -1",
        ""));
    q.bind(1, relationship);
    return read_changes(q);
}

void rewind(SqliteStore& copy, int64_t tx) {
    require_history(copy);
    for (const char* trigger : kRecordingTriggers) {
        copy.execute(std::string("DROP TRIGGER IF EXISTS ") + trigger);
    }
    Query& last = copy.cached(
        "SELECT coalesce(max(last_change), 0) FROM tx WHERE id <= ?1 AND time IS NOT NULL");
    last.bind(1, tx);
    last.step();
    const std::string after = std::to_string(last.get_int(0));
    last.reset();
    const std::string target = std::to_string(tx);
    // What a fact was at `tx` is decided by its first change after it: a fact first added later
    // did not exist yet; a fact first retracted later did, with the triple that change records.
    copy.execute(
        "CREATE TEMP TABLE rewind_stmt AS SELECT stmt, op, s, p, o, min(id) AS first FROM history "
        "WHERE id > " +
        after +
        " AND stmt <> 0 GROUP BY stmt;"
        "CREATE TEMP TABLE rewind_node AS SELECT s, op, min(id) AS first FROM history WHERE id > " +
        after + " AND stmt = 0 AND op <> 0 GROUP BY s;");
    int64_t later_changes = count_rows(copy, "SELECT count(*) FROM history WHERE id > " + after);
    if (copy.has_bulk_ranges()) {
        later_changes += count_rows(
            copy, "SELECT coalesce(sum(added), 0) FROM bulk_change WHERE tx > " + target);
    }
    // Reversing a large part of the graph is faster with the indexes built again afterwards
    // than kept up to date row by row.
    std::vector<std::string> rebuild;
    if (later_changes * 4 > count_rows(copy, "SELECT count(*) FROM stmt")) {
        rebuild = copy.set_aside("index", "tbl_name IN ('stmt', 'history')");
    }
    copy.execute(
        "DELETE FROM stmt WHERE id IN (SELECT stmt FROM temp.rewind_stmt WHERE op = 1);"
        "DELETE FROM term WHERE kind = 1 AND id IN (SELECT s FROM temp.rewind_node WHERE op = 1);"
        "INSERT OR IGNORE INTO term(id, kind, value) SELECT s, 1, NULL FROM temp.rewind_node "
        "WHERE op = -1 ORDER BY s;"
        "INSERT OR IGNORE INTO stmt(id, s, p, o) SELECT stmt, s, p, o FROM temp.rewind_stmt "
        "WHERE op = -1 ORDER BY stmt;");
    if (copy.has_bulk_ranges()) {
        // The first change of a fact in a later load's range is its addition by that load,
        // whatever was recorded about it afterwards.
        copy.execute(
            "DELETE FROM stmt WHERE id IN (SELECT st.id FROM bulk_change AS b JOIN stmt AS st ON "
            "st.id BETWEEN b.first_stmt AND b.last_stmt WHERE b.tx > " +
            target +
            ");"
            "DELETE FROM term WHERE kind = 1 AND id IN (SELECT t.id FROM bulk_change AS b JOIN "
            "term AS t ON t.id BETWEEN b.first_node AND b.last_node WHERE b.tx > " +
            target + " AND t.kind = 1);DELETE FROM bulk_change WHERE tx > " + target + ";");
    }
    copy.execute("DELETE FROM history WHERE id > " + after + ";DELETE FROM tx WHERE id > " +
                 target +
                 ";"
                 "DROP TABLE temp.rewind_stmt; DROP TABLE temp.rewind_node;");
    for (const auto& sql : rebuild) copy.execute(sql);
}

UndoResult undo(SqliteStore& store, int64_t tx) {
    require_history(store);
    if (store.open_tx() == 0) {
        throw Exception(ErrorKind::Internal, "an undo needs an open write transaction");
    }
    if (!transaction(store, tx)) {
        argument_error("there is no committed transaction " + std::to_string(tx) + " in " +
                       store.path() + " (the last is " + std::to_string(last_transaction(store)) +
                       ")");
    }
    if (auto earlier =
            optional_int(store, "SELECT undo_of FROM tx WHERE id = ?1", store.open_tx())) {
        throw Exception(ErrorKind::Usage, "this transaction already undoes transaction " +
                                              std::to_string(*earlier) +
                                              "; undo one transaction per transaction");
    }
    return Undo(store, tx).run();
}

}  // namespace meninx::storage
