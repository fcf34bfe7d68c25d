// Helpers for the history tests: a temporary database file, counting rows, running SQL through
// a plain SQLite connection (another client, outside Meninx), and making a file of schema
// version 2 as an older Meninx wrote it.
#pragma once

#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>

#include "storage/migrations.h"
#include "storage/query.h"
#include "storage/sqlite_store.h"

namespace meninx::history_testing {

// A database path in a fresh temporary directory, removed with its contents at the end.
class TempFile {
  public:
    explicit TempFile(const std::string& name) {
        std::random_device rd;
        dir_ = std::filesystem::temp_directory_path() /
               ("meninx-history-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / (name + ".meninx")).string();
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::filesystem::path dir_;
    std::string path_;
};

inline int64_t count(storage::SqliteStore& store, const std::string& sql) {
    auto q = store.prepare(sql);
    REQUIRE(q->step());
    return q->get_int(0);
}

// Runs SQL on a file through a plain SQLite connection; returns SQLite's error message, or ""
// when it succeeded.
inline std::string raw_sql_error(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

inline void raw_sql(const std::string& path, const std::string& sql) {
    INFO(sql);
    REQUIRE(raw_sql_error(path, sql).empty());
}

// A file at schema version 2 (the triple store and the catalog, before history) holding
// (:Drug {name: 'osimertinib'})-[:TREATS]->(:Disease {name: 'LM'}): terms 2-9 (nodes 2 and 6),
// statements 1-5 (the relationship is 4).
inline void make_version_2_file(const std::string& path) {
    std::string sql = std::string(storage::migrations().at(0).sql) + ";" +
                      storage::migrations().at(1).sql + ";" +
                      "INSERT INTO term(id, kind, value) VALUES (2, 1, NULL), (3, 2, 'Drug'), "
                      "(4, 4, 'name'), (5, 13, 'osimertinib'), (6, 1, NULL), (7, 13, 'LM'), "
                      "(8, 3, 'TREATS'), (9, 2, 'Disease');"
                      "INSERT INTO stmt(id, s, p, o) VALUES (1, 2, 1, 3), (2, 2, 4, 5), "
                      "(3, 6, 4, 7), (4, 2, 8, 6), (5, 6, 1, 9);"
                      "PRAGMA user_version=2; PRAGMA application_id=" +
                      std::to_string(storage::kApplicationId) + ";";
    raw_sql(path, sql);
}

}  // namespace meninx::history_testing
