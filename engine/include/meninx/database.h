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

struct OpenOptions {
    // Open so that no write can succeed (also works for files the user may not write to).
    bool read_only = false;
    // Create the file (and apply the schema) when it does not exist; otherwise opening a
    // missing file is an error.
    bool create = true;
    // Who is recorded as the author of changes; empty means the environment's user name.
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

    // The triple store under the query engine (bulk loading, pattern lookups).
    Store& store();

  private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The library's version, "MAJOR.MINOR.PATCH".
std::string_view version();

}  // namespace meninx
