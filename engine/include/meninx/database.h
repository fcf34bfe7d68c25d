// The public entry point: open a Meninx database file and run Cypher statements on it.
//
// A Database owns one connection to one SQLite file. It is not thread-safe, except for
// Database::cancel(), which may be called from any thread to stop the statement that is running.
// Several processes may open the same file: any number of readers while one writer commits.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meninx/error.h"
#include "meninx/value.h"

namespace meninx {

class Store;
namespace storage {
class SqliteStore;
}

struct OpenOptions {
    // Open so that no write can succeed (also works for files the user may not write to).
    bool read_only = false;
    // Create the file (and apply the schema) when it does not exist; otherwise opening a
    // missing file is an error.
    bool create = true;
    // Who is recorded as the author of changes (in history, with every transaction); empty means
    // the environment's user name (MENINX_USER, else USER, else LOGNAME).
    std::string user;
    // How long a statement waits for another process's write lock before failing.
    std::chrono::milliseconds busy_timeout{5000};
};

struct QueryOptions {
    // Ends the statement with an ErrorKind::Limit error after this long; zero means no limit.
    std::chrono::milliseconds timeout{60000};
    // Ends the statement with an ErrorKind::Limit error when it produces more rows; 0: no limit.
    uint64_t max_rows = 1000000;
    // The upper bound used for variable-length relationships written without one (`*`, `*2..`).
    int64_t default_max_hops = 10;
};

// What a write statement changed, in openCypher's counters.
struct QueryStats {
    int64_t nodes_created = 0;
    int64_t nodes_deleted = 0;
    int64_t relationships_created = 0;
    int64_t relationships_deleted = 0;
    int64_t properties_set = 0;
    int64_t labels_added = 0;
    int64_t labels_removed = 0;

    bool any() const;
};

// The outcome of one statement: columns and rows, or an error. Nodes, relationships and paths in
// the rows carry their labels/type and properties.
struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    QueryStats stats;
    // For EXPLAIN and PROFILE: the plan as readable text (PROFILE adds rows and time per step).
    std::string plan;
    std::chrono::microseconds elapsed{0};
    std::optional<Error> error;

    bool ok() const { return !error.has_value(); }
};

class Database {
  public:
    // Opens (or creates) the database at `path`; ":memory:" opens a private in-memory database.
    // On failure returns null and fills `*error` (when given) with why.
    static std::unique_ptr<Database> open(const std::string& path, const OpenOptions& options = {},
                                          Error* error = nullptr);

    // Time travel: the graph at `path` as it was at a point of its history, as a read-only
    // database of its own (a private in-memory copy; later changes to the file do not reach it).
    // `point` is a transaction id ("12": the graph after transaction 12 committed; "0": before
    // the first) or a UTC time ("2026-03-01", "2026-03-01T14:30", "2026-03-01 14:30:05.250Z":
    // the graph after the last transaction committed at or before it). The file is opened
    // read-only. On failure returns null and fills `*error`.
    static std::unique_ptr<Database> open_as_of(const std::string& path, std::string_view point,
                                                const OpenOptions& options = {},
                                                Error* error = nullptr);
    // The same for this open database. Not inside an explicit transaction.
    std::unique_ptr<Database> as_of(std::string_view point, Error* error = nullptr);
    // For a database made by open_as_of()/as_of(): the transaction it shows (0: before the first).
    std::optional<int64_t> as_of_transaction() const;
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one Cypher statement (optionally prefixed by EXPLAIN or PROFILE) with parameters.
    // Each statement is atomic: when it fails, the database is exactly as it was before it.
    // Inside an explicit transaction (begin()), its changes become durable at commit().
    QueryResult query(std::string_view text, const Map& parameters = {},
                      const QueryOptions& options = {});

    // Explicit transactions grouping several statements. begin() inside a transaction, and
    // commit()/rollback() outside one, are usage errors (returned, not thrown).
    std::optional<Error> begin();
    std::optional<Error> commit();
    std::optional<Error> rollback();
    bool in_transaction() const;

    // Stops the running statement with an ErrorKind::Interrupted error. Thread-safe.
    void cancel();

    const std::string& path() const;
    bool read_only() const;

    // Who is recorded as the author of the transactions this database commits from now on (empty:
    // the environment's user name, as for OpenOptions::user).
    void set_user(const std::string& user);
    const std::string& user() const;

    // The triple store under the query engine (bulk loading, pattern lookups).
    Store& store();

  private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    // A Database over an open store (`read_only` refuses every write).
    static std::unique_ptr<Database> adopt(std::unique_ptr<storage::SqliteStore> store,
                                           const std::string& path, bool read_only);
    std::unique_ptr<Impl> impl_;
};

// The library's version, "MAJOR.MINOR.PATCH".
std::string_view version();

}  // namespace meninx
