#include "storage/bulk_loader.h"

#include <sqlite3.h>

#include "meninx/error.h"
#include "storage/sqlite_store.h"
#include "storage/term_codec.h"

namespace meninx::storage {

namespace {

constexpr const char* kSavepoint = "meninx_bulk_load";
// Page cache during a load (negative: KiB), so that index pages stay in memory.
constexpr const char* kLoadCacheSize = "PRAGMA cache_size=-262144";
// Rows per multi-row INSERT.
constexpr size_t kBatch = 128;
// What history records as the cause of a load whose caller named none.
constexpr const char* kDefaultText = "bulk load";

// "<head> VALUES (?, ...), ..." for `rows` rows of `width` values.
std::string insert_sql(const std::string& head, int width, size_t rows) {
    std::string row = "(";
    for (int i = 0; i < width; ++i) row += i == 0 ? "?" : ", ?";
    row += ")";
    std::string sql = head + " VALUES ";
    for (size_t r = 0; r < rows; ++r) {
        if (r > 0) sql += ", ";
        sql += row;
    }
    return sql;
}

std::string journal_mode(SqliteStore& store, const std::string& mode) {
    Query& q = store.cached("PRAGMA journal_mode=" + mode);
    std::string out = q.step() ? q.get_text(0) : "";
    q.reset();
    return out;
}

// Switches the file from WAL to a rollback journal when no other connection has it open; never
// waits for the others (they keep the file in WAL, and the load simply runs in WAL).
bool leave_wal(SqliteStore& store, sqlite3* db, int busy_timeout_ms) {
    sqlite3_busy_timeout(db, 0);
    bool left = false;
    try {
        left = journal_mode(store, "DELETE") == "delete";
    } catch (const Exception&) {
        left = false;
    }
    sqlite3_busy_timeout(db, busy_timeout_ms);
    return left;
}

// The id after the largest `table` has ever used: its largest id, or the largest one it has
// handed out and since deleted (AUTOINCREMENT keeps that in sqlite_sequence), since history may
// still refer to a deleted id.
int64_t next_id(SqliteStore& store, const std::string& table) {
    auto sequence = store.prepare(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_sequence'");
    const bool has_sequence = sequence->step() && sequence->get_int(0) > 0;
    sequence.reset();
    std::string sql = "SELECT coalesce(max(id), 0) FROM " + table;
    if (has_sequence) {
        sql = "SELECT max((" + sql + "), coalesce((SELECT seq FROM sqlite_sequence WHERE name = '" +
              table + "'), 0))";
    }
    auto q = store.prepare(sql);
    return q->step() ? q->get_int(0) + 1 : 1;
}

}  // namespace

SqliteBulkLoader::SqliteBulkLoader(SqliteStore& store) : store_(store) {
    named_by_loader_ = store_.change_text().empty();
    if (named_by_loader_) store_.set_change_text(kDefaultText);
    own_transaction_ = !store_.in_transaction();
    bool empty = own_transaction_ && store_.statement_count() == 0;
    if (empty && store_.path() != ":memory:") {
        left_wal_ = leave_wal(store_, store_.db_, store_.busy_timeout_ms_);
    }
    try {
        if (own_transaction_) {
            store_.begin(true);
        } else {
            store_.savepoint(kSavepoint);
        }
    } catch (...) {
        restore_journal();
        restore_text();
        throw;
    }
    try {
        auto cache_size = store_.prepare("PRAGMA cache_size");
        if (cache_size->step()) {
            restore_cache_size_ = "PRAGMA cache_size=" + std::to_string(cache_size->get_int(0));
        }
        cache_size.reset();
        store_.execute(kLoadCacheSize);
        find_term_ =
            store_.prepare("SELECT id FROM term WHERE kind = ?1 AND value = ?2 AND kind <> 1");
        insert_term_ = store_.prepare(insert_sql("INSERT INTO term(id, kind, value)", 3, 1));
        insert_terms_ = store_.prepare(insert_sql("INSERT INTO term(id, kind, value)", 3, kBatch));
        insert_statement_ = store_.prepare(insert_sql("INSERT INTO stmt(id, s, p, o)", 4, 1));
        insert_statements_ = store_.prepare(insert_sql("INSERT INTO stmt(id, s, p, o)", 4, kBatch));
        next_term_ = next_id(store_, "term");
        next_statement_ = next_id(store_, "stmt");
        term_rows_.reserve(kBatch);
        statement_rows_.reserve(kBatch);
        // Checked again under the write lock: another process may have loaded meanwhile.
        const bool fast = empty && next_statement_ == 1;
        if (fast) start_fast_path();
        if (store_.has_history()) record_history_at_commit();
        defer_triggers();
    } catch (...) {
        abandon();
        throw;
    }
    store_.bulk_open_ = true;
}

void SqliteBulkLoader::record_history_at_commit() {
    first_statement_ = next_statement_;
    dropped_triggers_ =
        store_.set_aside("trigger", "name IN ('history_stmt_added', 'history_node_added')");
}

void SqliteBulkLoader::write_history() {
    if (dropped_triggers_.empty()) return;
    const int64_t statements = next_statement_ - first_statement_;
    if (nodes_added_ + statements > 0) {
        if (nodes_added_ == 0) last_node_ = first_node_ - 1;
        const int64_t first_change = store_.last_history_id() + 1;
        const int64_t span = (last_node_ - first_node_ + 1) + statements;
        auto range = store_.prepare(
            "INSERT INTO bulk_change(tx, first_change, first_node, last_node, first_stmt, "
            "last_stmt, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        range->bind(1, store_.open_tx()).bind(2, first_change).bind(3, first_node_);
        range->bind(4, last_node_).bind(5, first_statement_).bind(6, next_statement_ - 1);
        range->bind(7, nodes_added_ + statements);
        range->run();
        range.reset();
        auto marker = store_.prepare(
            "INSERT INTO history(id, tx, op, stmt, s, p, o) VALUES (?1, ?2, 0, 0, 0, 0, 0)");
        marker->bind(1, first_change + span).bind(2, store_.open_tx());
        marker->run();
    }
    for (const auto& sql : dropped_triggers_) store_.execute(sql);
}

void SqliteBulkLoader::defer_triggers() {
    first_statement_ = next_statement_;
    auto table = store_.prepare(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
        "'bulk_deferred_trigger'");
    const bool listing = table->step() && table->get_int(0) > 0;
    table.reset();
    if (!listing) return;
    auto listed = store_.prepare(
        "SELECT s.name, s.sql, d.catch_up FROM sqlite_schema AS s JOIN bulk_deferred_trigger AS d "
        "ON s.type = 'trigger' AND s.name = d.name ORDER BY s.name");
    std::vector<std::string> names;
    while (listed->step()) {
        names.push_back(listed->get_text(0));
        deferred_.emplace_back(listed->get_text(1), listed->get_text(2));
    }
    listed.reset();
    for (const auto& name : names) store_.execute("DROP TRIGGER \"" + name + "\"");
}

void SqliteBulkLoader::catch_up_deferred() {
    for (const auto& [create, catch_up] : deferred_) {
        auto q = store_.prepare(catch_up);
        q->bind(1, first_statement_);
        q->run();
        store_.execute(create);
    }
}

void SqliteBulkLoader::start_fast_path() {
    auto existing = store_.prepare("SELECT id, kind, value FROM term WHERE kind <> 1");
    while (existing->step()) {
        auto kind = static_cast<TermKind>(existing->get_int(1));
        // Stored values of one kind compare equal exactly when their keys do.
        terms_.emplace(term_key(kind, existing->get_value(2)), existing->get_int(0));
    }
    cache_complete_ = true;
    dropped_indexes_ = store_.set_aside("index", "tbl_name IN ('term', 'stmt')");
}

SqliteBulkLoader::~SqliteBulkLoader() {
    if (open_) abandon();
    store_.bulk_open_ = false;
}

void SqliteBulkLoader::finish_statements() {
    find_term_.reset();
    insert_term_.reset();
    insert_terms_.reset();
    insert_statement_.reset();
    insert_statements_.reset();
}

void SqliteBulkLoader::abandon() noexcept {
    open_ = false;
    finish_statements();
    try {
        if (own_transaction_) {
            store_.rollback();
        } else {
            store_.rollback_to(kSavepoint);
            store_.release(kSavepoint);
        }
        if (!restore_cache_size_.empty()) store_.execute(restore_cache_size_);
    } catch (const Exception&) {
        // Nothing more can be done here; closing the connection rolls back what is left.
    }
    restore_journal();
    restore_text();
}

void SqliteBulkLoader::restore_text() noexcept {
    if (!named_by_loader_) return;
    named_by_loader_ = false;
    try {
        store_.set_change_text({});
    } catch (const Exception&) {
        // Only the name of a later change could be affected.
    }
}

void SqliteBulkLoader::restore_journal() noexcept {
    if (!left_wal_) return;
    left_wal_ = false;
    try {
        journal_mode(store_, "WAL");
    } catch (const Exception&) {
        // The file keeps its rollback journal until the next open sets WAL again.
    }
}

void SqliteBulkLoader::require_open() const {
    if (!open_) throw Exception(ErrorKind::Usage, "the bulk load has already ended");
}

void SqliteBulkLoader::flush_terms() {
    bool full = term_rows_.size() == kBatch;
    Query& q = full ? *insert_terms_ : *insert_term_;
    int column = 1;
    for (const TermRow& row : term_rows_) {
        if (!full) column = 1;
        q.bind(column++, row.id);
        q.bind(column++, static_cast<int64_t>(row.kind));
        q.bind(column++, row.stored);
        if (!full) q.run();
    }
    if (full) q.run();
    term_rows_.clear();
}

void SqliteBulkLoader::flush_statements() {
    // A statement's terms go in first: triggers on stmt (the search index) read them.
    flush_terms();
    bool full = statement_rows_.size() == kBatch;
    Query& q = full ? *insert_statements_ : *insert_statement_;
    int column = 1;
    for (const Statement& st : statement_rows_) {
        if (!full) column = 1;
        q.bind(column++, st.id);
        q.bind(column++, st.subject);
        q.bind(column++, st.predicate);
        q.bind(column++, st.object);
        if (!full) q.run();
    }
    if (full) q.run();
    statement_rows_.clear();
}

TermId SqliteBulkLoader::intern(const Term& term) {
    require_open();
    Value stored = encode_term_value(term);  // also checks that the value fits the kind
    std::string key;
    if (term.kind != TermKind::Node) {
        key = term_key(term.kind, stored);
        if (auto it = terms_.find(key); it != terms_.end()) return it->second;
        if (!cache_complete_) {
            find_term_->bind(1, static_cast<int64_t>(term.kind)).bind(2, stored);
            bool found = find_term_->step();
            TermId id = found ? find_term_->get_int(0) : 0;
            find_term_->reset();
            if (found) return terms_.emplace(std::move(key), id).first->second;
        }
    }
    TermId id = next_term_++;
    term_rows_.push_back(TermRow{id, term.kind, std::move(stored)});
    if (term.kind != TermKind::Node) {
        terms_.emplace(std::move(key), id);
    } else {
        if (nodes_added_++ == 0) first_node_ = id;
        last_node_ = id;
    }
    if (term_rows_.size() == kBatch) flush_terms();
    return id;
}

StatementId SqliteBulkLoader::add(TermId subject, TermId predicate, TermId object) {
    require_open();
    StatementId id = next_statement_++;
    statement_rows_.push_back(Statement{id, subject, predicate, object});
    if (statement_rows_.size() == kBatch) flush_statements();
    return id;
}

void SqliteBulkLoader::commit() {
    require_open();
    try {
        flush_terms();
        flush_statements();
        finish_statements();
        write_history();
        catch_up_deferred();
        for (const auto& sql : dropped_indexes_) store_.execute(sql);
        if (own_transaction_) {
            store_.commit();
        } else {
            store_.release(kSavepoint);
        }
        if (!restore_cache_size_.empty()) store_.execute(restore_cache_size_);
    } catch (...) {
        abandon();
        throw;
    }
    open_ = false;
    restore_journal();
    restore_text();
}

}  // namespace meninx::storage
