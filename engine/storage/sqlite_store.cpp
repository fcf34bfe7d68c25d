#include "storage/sqlite_store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "meninx/error.h"
#include "storage/bulk_loader.h"
#include "storage/history.h"
#include "storage/migrations.h"
#include "storage/sqlite_error.h"
#include "storage/term_codec.h"

namespace meninx::storage {

namespace {

namespace fs = std::filesystem;

// The first schema version that records history (003_history.sql).
constexpr int64_t kHistoryVersion = 3;
// The first schema version that records bulk loads as ranges (005_bulk_history.sql).
constexpr int64_t kBulkRangesVersion = 5;
// The oldest schema version a read-only connection opens without upgrading it (the catalog
// arrived in version 2); such a connection reads the graph but has no history.
constexpr int64_t kOldestReadable = 2;

[[noreturn]] void storage_error(const std::string& message) {
    throw Exception(ErrorKind::Storage, message);
}

std::string not_meninx(const std::string& path, const std::string& why) {
    return path + " is not a Meninx database (" + why + "); it was left untouched";
}

// Checks what is at `path` before SQLite sees it. Returns true when the file is empty (a new
// database); throws when it exists but is not an SQLite file at all.
bool check_existing_file(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) storage_error(path + " is a directory, not a database file");
    std::ifstream in(path, std::ios::binary);
    if (!in) storage_error("cannot read the database file " + path);
    char header[16] = {};
    in.read(header, sizeof header);
    auto got = in.gcount();
    if (got == 0) return true;
    static const char kMagic[16] = "SQLite format 3";  // with its terminating NUL: 16 bytes
    if (got < 16 || std::char_traits<char>::compare(header, kMagic, 16) != 0) {
        storage_error(not_meninx(path, "not an SQLite file"));
    }
    return false;
}

// A file: URI for `path`, for the options only a URI can carry.
std::string file_uri(const std::string& path, const std::string& query) {
    std::string uri = "file:";
    const std::string absolute = fs::absolute(path).string();
    for (unsigned char c : absolute) {
        if (std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~') {
            uri += static_cast<char>(c);
        } else {
            static const char* hex = "0123456789ABCDEF";
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri + "?" + query;
}

std::unique_ptr<SQLite::Database> connect_sqlite(const std::string& name, int flags,
                                                 const OpenOptions& options) {
    try {
        return std::make_unique<SQLite::Database>(name, flags,
                                                  static_cast<int>(options.busy_timeout.count()));
    } catch (const SQLite::Exception& e) {
        throw_sqlite_error(nullptr, e.getErrorCode(), "opening " + name);
    }
}

int64_t pragma_int(sqlite3* db, const char* sql) {
    Query q(db, sql);
    return q.step() ? q.get_int(0) : 0;
}

// What an existing file holds, read without writing anything.
struct FileIdentity {
    int64_t application_id = 0;
    int64_t schema_version = 0;
    int64_t objects = 0;  // entries of sqlite_schema
};

FileIdentity identify(sqlite3* db, const std::string& path) {
    FileIdentity id;
    try {
        id.application_id = pragma_int(db, "PRAGMA application_id");
        id.schema_version = pragma_int(db, "PRAGMA user_version");
        id.objects = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
    } catch (const Exception& e) {
        if (sqlite3_errcode(db) == SQLITE_NOTADB) {
            storage_error(not_meninx(path, "not an SQLite file"));
        }
        throw;
    }
    return id;
}

bool is_empty_database(const FileIdentity& id) {
    return id.application_id == 0 && id.schema_version == 0 && id.objects == 0;
}

// Refuses files this build must not open; returns true when the file still needs the schema.
bool check_identity(const FileIdentity& id, const std::string& path, bool read_only) {
    if (is_empty_database(id)) {
        if (read_only) {
            storage_error(path + " is an empty database; open it read-write once to create it");
        }
        return true;
    }
    if (id.application_id != kApplicationId) {
        storage_error(not_meninx(path, "an SQLite database of another application"));
    }
    int latest = latest_schema_version();
    if (id.schema_version > latest) {
        storage_error(path + " was written by a newer Meninx (schema version " +
                      std::to_string(id.schema_version) + "; this build knows up to " +
                      std::to_string(latest) + ")");
    }
    if (id.schema_version < latest && read_only && id.schema_version < kOldestReadable) {
        storage_error(path + " has schema version " + std::to_string(id.schema_version) +
                      " and needs an upgrade to version " + std::to_string(latest) +
                      "; open it read-write once");
    }
    return id.schema_version < latest && !read_only;
}

// The author recorded when none is given: the environment's user name.
std::string resolve_user(const std::string& given) {
    if (!given.empty()) return given;
    for (const char* variable : {"MENINX_USER", "USER", "LOGNAME"}) {
        const char* value = std::getenv(variable);
        if (value && *value) return value;
    }
    return "unknown";
}

bool valid_savepoint_name(const std::string& name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
    for (unsigned char c : name) {
        if (!std::isalnum(c) && c != '_') return false;
    }
    return true;
}

}  // namespace

SqliteStore::SqliteStore(std::string path, bool read_only)
    : path_(std::move(path)), read_only_(read_only) {}

SqliteStore::~SqliteStore() {
    cache_.clear();
    for (auto& pool : match_pool_) pool.clear();
    if (db_ != nullptr && in_transaction())
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::unique_ptr<SqliteStore> SqliteStore::open(const std::string& path,
                                               const OpenOptions& options) {
    if (path.empty()) throw Exception(ErrorKind::Usage, "no database path was given");
    bool memory = path == ":memory:";
    if (memory && options.read_only) {
        throw Exception(ErrorKind::Usage, "an in-memory database cannot be opened read-only");
    }
    bool fresh = memory;
    if (!memory) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            if (!options.create) storage_error("the database file " + path + " does not exist");
            if (options.read_only) {
                storage_error("the database file " + path +
                              " does not exist (a read-only open cannot create it)");
            }
            fresh = true;
        } else {
            fresh = check_existing_file(path);
            if (fresh && options.read_only) {
                storage_error(path + " is an empty file; open it read-write once to create it");
            }
        }
    }
    std::unique_ptr<SqliteStore> store(new SqliteStore(path, options.read_only));
    store->connect(options, fresh);
    return store;
}

void SqliteStore::connect(const OpenOptions& options, bool fresh) {
    bool memory = path_ == ":memory:";
    bool needs_schema = fresh;
    if (!fresh) {
        // Identify the file through a read-only connection, so that a file that is not ours is
        // never written to (not even by a checkpoint when the connection closes).
        auto probe = connect_sqlite(path_, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX, options);
        FileIdentity id;
        try {
            id = identify(probe->getHandle(), path_);
        } catch (const Exception&) {
            int rc = sqlite3_errcode(probe->getHandle()) & 0xff;
            if (!read_only_ || (rc != SQLITE_CANTOPEN && rc != SQLITE_READONLY)) throw;
            // A WAL reader needs the -shm index next to the file; where it cannot be created
            // (read-only media, a directory the user may not write), read the file as immutable.
            probe = connect_sqlite(file_uri(path_, "immutable=1"),
                                   SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX,
                                   options);
            id = identify(probe->getHandle(), path_);
        }
        needs_schema = check_identity(id, path_, read_only_);
        if (read_only_) connection_ = std::move(probe);
    }
    if (!connection_) {
        int flags =
            read_only_ ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
        // A store is used by one thread at a time, so SQLite's per-call locking is not needed.
        connection_ = connect_sqlite(path_, flags | SQLite::OPEN_NOMUTEX, options);
    }
    db_ = connection_->getHandle();
    if (!read_only_ && sqlite3_db_readonly(db_, "main") == 1) {
        // SQLite quietly opens a file it may not write read-only; say so now, not at the first
        // write.
        storage_error("the database file " + path_ +
                      " cannot be written (no permission); open it read-only");
    }
    busy_timeout_ms_ = static_cast<int>(options.busy_timeout.count());
    user_ = resolve_user(options.user);
    sqlite3_extended_result_codes(db_, 1);
    execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
    // The schema first: it checks, under the write lock, that the file is still empty or ours.
    if (needs_schema) migrate();
    has_history_ = schema_version() >= kHistoryVersion;
    has_bulk_ranges_ = schema_version() >= kBulkRangesVersion;
    if (!read_only_ && !memory) execute("PRAGMA journal_mode=WAL");
}

std::unique_ptr<SqliteStore> SqliteStore::snapshot(SqliteStore& source, int64_t tx) {
    require_history(source);
    if (source.in_transaction()) {
        throw Exception(ErrorKind::Usage,
                        "the graph as of a past transaction cannot be read while "
                        "a transaction is open on " +
                            source.path_ + "; commit or roll it back first");
    }
    std::unique_ptr<SqliteStore> copy(
        new SqliteStore(source.path_ + " as of transaction " + std::to_string(tx), false));
    OpenOptions options;
    copy->connection_ = connect_sqlite(
        ":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, options);
    copy->db_ = copy->connection_->getHandle();
    copy->user_ = source.user_;
    sqlite3_extended_result_codes(copy->db_, 1);
    sqlite3_backup* backup = sqlite3_backup_init(copy->db_, "main", source.db_, "main");
    if (backup == nullptr) {
        throw_sqlite_error(copy->db_, sqlite3_errcode(copy->db_), "copying " + source.path_);
    }
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throw_sqlite_error(copy->db_, rc, "copying " + source.path_);
    copy->has_history_ = true;
    copy->has_bulk_ranges_ = source.has_bulk_ranges_;
    copy->execute("BEGIN");
    try {
        rewind(*copy, tx);
        copy->execute("COMMIT");
    } catch (...) {
        copy->execute("ROLLBACK");
        throw;
    }
    copy->execute("PRAGMA query_only=1");
    copy->read_only_ = true;
    copy->snapshot_of_ = tx;
    return copy;
}

std::vector<std::string> SqliteStore::set_aside(const std::string& type,
                                                const std::string& condition) {
    auto listed = prepare("SELECT name, sql FROM sqlite_schema WHERE type = '" + type +
                          "' AND sql IS NOT NULL AND (" + condition + ") ORDER BY name");
    std::vector<std::string> names;
    std::vector<std::string> creates;
    while (listed->step()) {
        names.push_back(listed->get_text(0));
        creates.push_back(listed->get_text(1));
    }
    listed.reset();
    for (const auto& name : names) execute("DROP " + type + " \"" + name + "\"");
    return creates;
}

void SqliteStore::migrate() {
    begin(true);
    try {
        // Read again under the write lock: another process may have created the schema first.
        FileIdentity id = identify(db_, path_);
        if (!is_empty_database(id)) check_identity(id, path_, false);
        for (const Migration& m : migrations()) {
            if (m.version <= id.schema_version) continue;
            try {
                execute(m.sql);
            } catch (const Exception& e) {
                storage_error("schema migration " + std::string(m.name) +
                              " failed: " + e.error().message);
            }
            execute("PRAGMA user_version=" + std::to_string(m.version));
        }
        execute("PRAGMA application_id=" + std::to_string(kApplicationId));
        commit();
    } catch (...) {
        rollback();
        throw;
    }
}

Query& SqliteStore::cached(const std::string& sql) { return cached_query(sql); }

Query& SqliteStore::cached_query(const std::string& sql) const {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        it = cache_.emplace(sql, std::make_unique<Query>(db_, sql)).first;
    } else {
        it->second->reset();
    }
    return *it->second;
}

std::unique_ptr<Query> SqliteStore::prepare(const std::string& sql) {
    return std::make_unique<Query>(db_, sql);
}

void SqliteStore::execute(const std::string& sql) {
    char* message = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_READONLY && read_only_) {
            throw Exception(ErrorKind::Usage, read_only_message(path_));
        }
        throw_sqlite_error(db_, rc, "running SQL `" + sql + "`");
    }
}

int64_t SqliteStore::single_int(const std::string& sql) const {
    Query& q = cached_query(sql);
    int64_t out = q.step() ? q.get_int(0) : 0;
    q.reset();
    return out;
}

int64_t SqliteStore::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

void SqliteStore::require_writable() const {
    if (read_only_) throw Exception(ErrorKind::Usage, read_only_message(path_));
}

// --- transactions ------------------------------------------------------------------------------

void SqliteStore::begin(bool write) {
    if (in_transaction()) {
        throw Exception(ErrorKind::Usage, "a transaction is already open on " + path_);
    }
    if (write) require_writable();
    execute(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    open_tx_ = 0;
    if (write && has_history_) {
        try {
            open_history_tx();
        } catch (...) {
            rollback();
            throw;
        }
    }
}

void SqliteStore::commit() {
    if (!in_transaction()) {
        throw Exception(ErrorKind::Usage, "there is no open transaction to commit on " + path_);
    }
    try {
        if (open_tx_ != 0) close_history_tx();
        execute("COMMIT");
    } catch (...) {
        // A transaction that cannot commit leaves nothing behind, history included.
        rollback();
        throw;
    }
    open_tx_ = 0;
    change_text_.clear();
}

void SqliteStore::rollback() {
    open_tx_ = 0;
    change_text_.clear();
    // SQLite ends a transaction by itself after some errors; rolling back then is a no-op.
    if (in_transaction()) execute("ROLLBACK");
}

bool SqliteStore::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void SqliteStore::savepoint(const std::string& name) {
    if (!valid_savepoint_name(name)) {
        throw Exception(ErrorKind::Usage, "invalid savepoint name '" + name + "'");
    }
    execute("SAVEPOINT " + name);
}

void SqliteStore::release(const std::string& name) {
    if (!valid_savepoint_name(name)) {
        throw Exception(ErrorKind::Usage, "invalid savepoint name '" + name + "'");
    }
    execute("RELEASE " + name);
}

void SqliteStore::rollback_to(const std::string& name) {
    if (!valid_savepoint_name(name)) {
        throw Exception(ErrorKind::Usage, "invalid savepoint name '" + name + "'");
    }
    execute("ROLLBACK TO " + name);
}

int64_t SqliteStore::data_version() const { return single_int("PRAGMA data_version"); }

int SqliteStore::schema_version() const {
    return static_cast<int>(single_int("PRAGMA user_version"));
}

// --- history -----------------------------------------------------------------------------------

void SqliteStore::set_user(std::string user) { user_ = resolve_user(user); }

void SqliteStore::set_change_text(std::string text) {
    flush_change_text();
    change_text_ = std::move(text);
}

int64_t SqliteStore::last_history_id() const {
    return single_int("SELECT coalesce(max(id), 0) FROM history");
}

void SqliteStore::open_history_tx() {
    Query& q = cached_query("INSERT INTO tx(user) VALUES (?1)");
    q.bind(1, user_);
    q.run();
    open_tx_ = sqlite3_last_insert_rowid(db_);
    open_mark_ = last_history_id();
    text_mark_ = open_mark_;
}

void SqliteStore::flush_change_text() {
    if (open_tx_ == 0) return;
    int64_t last = last_history_id();
    if (last > text_mark_ && !change_text_.empty()) {
        Query& q = cached_query(
            "UPDATE tx SET text = CASE WHEN text = '' THEN ?2 ELSE text || ';' || char(10) || ?2 "
            "END WHERE id = ?1");
        q.bind(1, open_tx_).bind(2, change_text_);
        q.run();
    }
    text_mark_ = last;
}

void SqliteStore::close_history_tx() {
    flush_change_text();
    // The transaction's changes are the history rows after the last one when it began (a bulk
    // load's range marker, op 0, among them) and the facts of its bulk loads' ranges.
    Query& counts = cached_query(
        "SELECT count(*) FILTER (WHERE op = 1), count(*) FILTER (WHERE op = -1), max(id) FROM "
        "history WHERE id > ?1");
    counts.bind(1, open_mark_);
    counts.step();
    int64_t added = counts.get_int(0);
    const int64_t retracted = counts.get_int(1);
    const int64_t last = counts.get_int(2);
    counts.reset();
    if (has_bulk_ranges_) {
        Query& bulk = cached_query("SELECT coalesce(sum(added), 0) FROM bulk_change WHERE tx = ?1");
        bulk.bind(1, open_tx_);
        bulk.step();
        added += bulk.get_int(0);
        bulk.reset();
    }
    if (added == 0 && retracted == 0) {
        Query& drop = cached_query("DELETE FROM tx WHERE id = ?1");
        drop.bind(1, open_tx_);
        drop.run();
        return;
    }
    Query& stamp = cached_query(
        "UPDATE tx SET time = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), added = ?2, retracted = ?3, "
        "first_change = ?4, last_change = ?5 WHERE id = ?1");
    stamp.bind(1, open_tx_).bind(2, added).bind(3, retracted).bind(4, open_mark_ + 1).bind(5, last);
    stamp.run();
}

template <typename F>
auto SqliteStore::in_write_transaction(F&& write) {
    require_writable();
    if (in_transaction()) return write();
    begin(true);
    try {
        auto result = write();
        commit();
        return result;
    } catch (...) {
        rollback();
        throw;
    }
}

// --- terms -------------------------------------------------------------------------------------

Term SqliteStore::literal(const Value& v) { return literal_term(v); }

Value SqliteStore::literal_value(TermKind kind, const Value& stored) {
    return decode_term_value(kind, stored);
}

TermId SqliteStore::intern(const Term& term) {
    Value stored = encode_term_value(term);
    return in_write_transaction([&]() -> TermId {
        if (term.kind != TermKind::Node) {
            if (auto id = find(term)) return *id;
        }
        Query& q = cached_query("INSERT INTO term(kind, value) VALUES (?1, ?2)");
        q.bind(1, static_cast<int64_t>(term.kind)).bind(2, stored);
        q.run();
        return sqlite3_last_insert_rowid(db_);
    });
}

std::optional<TermId> SqliteStore::find(const Term& term) const {
    if (term.kind == TermKind::Node) return std::nullopt;
    Value stored = encode_term_value(term);
    // `kind <> 1` lets SQLite use the partial index term_by_value.
    Query& q = cached_query("SELECT id FROM term WHERE kind = ?1 AND value = ?2 AND kind <> 1");
    q.bind(1, static_cast<int64_t>(term.kind)).bind(2, stored);
    std::optional<TermId> out;
    if (q.step()) out = q.get_int(0);
    q.reset();
    return out;
}

Term SqliteStore::term(TermId id) const {
    Query& q = cached_query("SELECT kind, value FROM term WHERE id = ?1");
    q.bind(1, id);
    if (!q.step()) {
        q.reset();
        storage_error("there is no term with id " + std::to_string(id) + " in " + path_);
    }
    auto kind = static_cast<TermKind>(q.get_int(0));
    Value stored = q.get_value(1);
    q.reset();
    return Term{kind, decode_term_value(kind, stored)};
}

int64_t SqliteStore::term_count() const { return single_int("SELECT count(*) FROM term"); }

// --- statements --------------------------------------------------------------------------------

StatementId SqliteStore::add(TermId subject, TermId predicate, TermId object) {
    return in_write_transaction([&]() -> StatementId {
        Query& q = cached_query("INSERT INTO stmt(s, p, o) VALUES (?1, ?2, ?3)");
        q.bind(1, subject).bind(2, predicate).bind(3, object);
        q.run();
        return sqlite3_last_insert_rowid(db_);
    });
}

bool SqliteStore::remove(StatementId id) {
    return in_write_transaction([&]() -> bool {
        Query& q = cached_query("DELETE FROM stmt WHERE id = ?1");
        q.bind(1, id);
        q.run();
        return sqlite3_changes(db_) > 0;
    });
}

std::string SqliteStore::match_sql(bool subject, bool predicate, bool object) {
    // One index per shape: the one whose leading columns are the bound positions.
    std::string sql = "SELECT id, s, p, o FROM stmt";
    if (subject && object && !predicate)
        return sql + " INDEXED BY stmt_osp WHERE o = ?3 AND s = ?1";
    if (subject) {
        sql += " INDEXED BY stmt_spo WHERE s = ?1";
        if (predicate) sql += " AND p = ?2";
        if (predicate && object) sql += " AND o = ?3";
        return sql;
    }
    if (predicate) return sql + " INDEXED BY stmt_pos WHERE p = ?2" + (object ? " AND o = ?3" : "");
    if (object) return sql + " INDEXED BY stmt_osp WHERE o = ?3";
    return sql;
}

void SqliteStore::match(const StatementPattern& pattern,
                        const std::function<bool(const Statement&)>& visit) const {
    int shape = (pattern.subject ? 4 : 0) | (pattern.predicate ? 2 : 0) | (pattern.object ? 1 : 0);
    auto& pool = match_pool_[shape];
    std::unique_ptr<Query> q;
    if (pool.empty()) {
        q = std::make_unique<Query>(
            db_, match_sql(pattern.subject.has_value(), pattern.predicate.has_value(),
                           pattern.object.has_value()));
    } else {
        q = std::move(pool.back());
        pool.pop_back();
    }
    // Returns the statement to the pool however the visit ends.
    struct Lease {
        std::unique_ptr<Query>& query;
        std::vector<std::unique_ptr<Query>>& pool;
        ~Lease() {
            query->reset();
            pool.push_back(std::move(query));
        }
    } lease{q, pool};
    if (pattern.subject) q->bind(1, *pattern.subject);
    if (pattern.predicate) q->bind(2, *pattern.predicate);
    if (pattern.object) q->bind(3, *pattern.object);
    while (q->step()) {
        Statement st{q->get_int(0), q->get_int(1), q->get_int(2), q->get_int(3)};
        if (!visit(st)) break;
    }
}

int64_t SqliteStore::statement_count() const { return single_int("SELECT count(*) FROM stmt"); }

std::unique_ptr<BulkLoader> SqliteStore::bulk_loader() {
    require_writable();
    if (bulk_open_) throw Exception(ErrorKind::Usage, "a bulk load is already open on " + path_);
    return std::make_unique<SqliteBulkLoader>(*this);
}

}  // namespace meninx::storage
