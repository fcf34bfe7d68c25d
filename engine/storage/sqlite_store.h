// SqliteStore: the triple store (meninx::Store) on one SQLite file, and the SQL access the query
// engine builds on.
//
// A SqliteStore owns one SQLite connection, its prepared statement cache and its transaction
// state. Opening checks that the file is a Meninx database (PRAGMA application_id) of a schema
// version this build knows, and applies pending migrations; a file that is not a Meninx database
// is refused and left untouched. Files run in WAL mode, so any number of readers (in this or
// other processes) work while one writer commits. A SqliteStore is used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "meninx/database.h"
#include "meninx/store.h"
#include "storage/query.h"

struct sqlite3;

namespace SQLite {
class Database;
}

namespace meninx::storage {

class SqliteStore final : public Store {
  public:
    // Opens `path` (":memory:" for a private in-memory database), creating it when allowed and
    // applying migrations. Throws meninx::Exception (Storage) when the file is missing and
    // options.create is false, is not a Meninx database, or comes from a newer Meninx.
    static std::unique_ptr<SqliteStore> open(const std::string& path, const OpenOptions& options);
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    // A cached prepared statement for `sql`: the same sql gives the same object, reset and unbound
    // on return. The store owns it; a caller must finish with it before asking for the same sql
    // again.
    Query& cached(const std::string& sql);
    // A new prepared statement owned by the caller; it must not outlive the store.
    std::unique_ptr<Query> prepare(const std::string& sql);
    // Runs SQL without results (DDL, pragmas; several statements separated by ';' allowed).
    void execute(const std::string& sql);

    // The outer transaction. begin(true) takes the write lock at once (BEGIN IMMEDIATE), so a
    // second writer waits for the busy timeout instead of failing later; begin(false) reads a
    // consistent snapshot. A Usage error when one is already open, or for a write on a read-only
    // store.
    void begin(bool write);
    void commit();
    void rollback();
    bool in_transaction() const;
    // Nested savepoints inside (or, alone, as) a transaction. Names are SQL identifiers.
    void savepoint(const std::string& name);
    void release(const std::string& name);
    void rollback_to(const std::string& name);

    bool read_only() const { return read_only_; }
    const std::string& path() const { return path_; }
    // Changes whenever another connection commits to the file (PRAGMA data_version).
    int64_t data_version() const;
    // The schema version of the open file (PRAGMA user_version).
    int schema_version() const;

    // The literal term for a value (bool/int/float/string/list/map; lists and maps stored as
    // canonical JSON). Null, nodes, relationships and paths are a Type error.
    static Term literal(const Value& v);
    // Decodes a term's stored value column (as read from term.value) into its Value.
    static Value literal_value(TermKind kind, const Value& stored);

    // Store interface. Writes outside an open transaction run in a transaction of their own.
    TermId intern(const Term& term) override;
    std::optional<TermId> find(const Term& term) const override;
    Term term(TermId id) const override;
    StatementId add(TermId subject, TermId predicate, TermId object) override;
    bool remove(StatementId id) override;
    void match(const StatementPattern& pattern,
               const std::function<bool(const Statement&)>& visit) const override;
    int64_t statement_count() const override;
    int64_t term_count() const override;
    std::unique_ptr<BulkLoader> bulk_loader() override;

    // The SQL match() runs for a pattern with the given bound positions (for tests and EXPLAIN).
    static std::string match_sql(bool subject, bool predicate, bool object);
    // Throws the read-only Usage error when the store is read-only.
    void require_writable() const;
    // The rowid of the last row inserted on this connection.
    int64_t last_insert_id() const;

    // History (schema version 3 and later; see schema/migrations/003_history.sql). Every write
    // transaction gets a row of `tx` when it begins; triggers on `stmt` and `term` record each
    // change under it; commit() stamps it with the time and its counts, or deletes it when
    // nothing changed.
    //
    // True when the file records history (a read-only open of an older file does not).
    bool has_history() const { return has_history_; }
    // True when bulk loads are recorded as ranges (table bulk_change, schema version 5; see
    // schema/migrations/005_bulk_history.sql).
    bool has_bulk_ranges() const { return has_bulk_ranges_; }
    // Who is recorded as the author of the transactions this connection commits (set from
    // OpenOptions::user, else MENINX_USER, USER or LOGNAME, else "unknown").
    void set_user(std::string user);
    const std::string& user() const { return user_; }
    void set_change_text(std::string text) override;
    const std::string& change_text() const { return change_text_; }
    // The id of the open transaction's history record; 0 when none is open.
    int64_t open_tx() const { return open_tx_; }

    // Time travel: a private, read-only, in-memory copy of `source` as it was after transaction
    // `tx` committed (0: before the first). The copy is the whole file (SQLite's backup) with the
    // changes of later transactions reversed; it records no history of its own. `source` must
    // have history and no open transaction.
    static std::unique_ptr<SqliteStore> snapshot(SqliteStore& source, int64_t tx);

    // Drops the indexes or triggers (`type`) of the schema for which `condition` (SQL over
    // sqlite_schema's columns) holds, in name order, and gives their CREATE statements, to be run
    // again when the work they would slow down is done.
    std::vector<std::string> set_aside(const std::string& type, const std::string& condition);
    // For a snapshot, the transaction it shows; nullopt for a store on a file.
    std::optional<int64_t> snapshot_of() const { return snapshot_of_; }

  private:
    friend class SqliteBulkLoader;

    SqliteStore(std::string path, bool read_only);
    void connect(const OpenOptions& options, bool fresh);
    void migrate();
    void open_history_tx();
    void close_history_tx();
    // Appends the change text to the open transaction's record when its statement changed
    // something since the text was set.
    void flush_change_text();
    int64_t last_history_id() const;
    Query& cached_query(const std::string& sql) const;
    int64_t single_int(const std::string& sql) const;
    // Runs `write` in the open transaction, or in one of its own that commits or rolls back.
    template <typename F>
    auto in_write_transaction(F&& write);

    std::string path_;
    bool read_only_;
    // Declared before the statements so that it is destroyed after they are finalized.
    std::unique_ptr<SQLite::Database> connection_;
    sqlite3* db_ = nullptr;
    int busy_timeout_ms_ = 0;
    mutable std::unordered_map<std::string, std::unique_ptr<Query>> cache_;
    // Statements for match() by bound positions; several per shape, since a visitor may match
    // again while an outer match is running.
    mutable std::vector<std::unique_ptr<Query>> match_pool_[8];
    bool bulk_open_ = false;
    bool has_history_ = false;
    bool has_bulk_ranges_ = false;
    std::string user_;
    std::string change_text_;
    int64_t open_tx_ = 0;
    std::optional<int64_t> snapshot_of_;
    // The last history row when the open transaction began, and when change_text_ was set or
    // last flushed.
    int64_t open_mark_ = 0;
    int64_t text_mark_ = 0;
};

}  // namespace meninx::storage
