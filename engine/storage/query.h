// Query: one prepared SQL statement on a store's connection.
//
// Query wraps an sqlite3_stmt so that no SQLite type leaks out of storage/: every failure becomes
// a meninx::Exception(ErrorKind::Storage). A Query is owned by whoever prepared it (or by the
// store's statement cache, see SqliteStore::cached) and must not outlive its store. Not
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "meninx/value.h"

struct sqlite3;
struct sqlite3_stmt;

namespace meninx::storage {

class Query {
  public:
    // Prepares `sql` (one statement) on connection `db`; throws on a syntax or schema error.
    Query(sqlite3* db, const std::string& sql);
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    // Parameters are 1-based, as in SQL (?1, ?2, ...).
    Query& bind(int index, int64_t v);
    Query& bind(int index, int v);
    Query& bind(int index, bool v);
    Query& bind(int index, double v);
    Query& bind(int index, std::string_view v);
    Query& bind(int index, const std::string& v);
    Query& bind(int index, const char* v);
    Query& bind_null(int index);
    // Null, bool (as 0/1), integer, float or string; any other type is a Usage error.
    Query& bind(int index, const Value& v);

    // Runs the statement to its next row: true while a row is available, false when done.
    bool step();
    // Runs a statement that returns no rows (or ignores them) to completion, then resets it.
    void run();
    // Resets the statement and clears its bindings, ready to be bound and run again.
    void reset();

    int columns() const;
    int64_t get_int(int col) const;
    double get_double(int col) const;
    std::string get_text(int col) const;  // empty for NULL
    bool is_null(int col) const;
    // The column by its SQLite storage class: NULL, INTEGER, REAL or TEXT (BLOBs as strings).
    Value get_value(int col) const;

    const std::string& sql() const { return sql_; }

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
    void check_bind(int rc, int index);
};

}  // namespace meninx::storage
