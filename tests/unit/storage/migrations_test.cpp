// Opening files: new files get the schema, old ones are upgraded, newer ones and files that are
// not Meninx databases are refused and left byte for byte as they were.
#include "storage/migrations.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "unit/storage/storage_test_support.h"

using namespace meninx;
using meninx::storage::SqliteStore;
using meninx::storage::testing::read_bytes;
using meninx::storage::testing::TempDir;
using meninx::storage::testing::write_bytes;

namespace {

// Runs SQL on a file through a plain SQLite connection, outside Meninx.
void raw_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
}

int64_t single_int(SqliteStore& store, const std::string& sql) {
    auto q = store.prepare(sql);
    REQUIRE(q->step());
    return q->get_int(0);
}

std::string open_error(const std::string& path, const OpenOptions& options = {}) {
    try {
        SqliteStore::open(path, options);
    } catch (const Exception& e) {
        CHECK(e.error().kind == ErrorKind::Storage);
        return e.error().message;
    }
    FAIL("opening " << path << " should have failed");
    return "";
}

}  // namespace

TEST_CASE("The migrations are embedded, numbered without gaps, as in schema/migrations",
          "[storage][migrations]") {
    const auto& list = storage::migrations();
    REQUIRE_FALSE(list.empty());
    size_t files = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(MENINX_SOURCE_DIR "/schema/migrations")) {
        if (entry.path().extension() == ".sql") ++files;
    }
    CHECK(list.size() == files);
    for (size_t i = 0; i < list.size(); ++i) {
        CHECK(list[i].version == static_cast<int>(i + 1));
        std::string file =
            std::string(MENINX_SOURCE_DIR "/schema/migrations/") + list[i].name + ".sql";
        CHECK(read_bytes(file) == list[i].sql);
    }
    CHECK(storage::latest_schema_version() == list.back().version);
}

TEST_CASE("A new file gets the schema, the Meninx application id and WAL mode",
          "[storage][migrations]") {
    TempDir dir;
    std::string path = dir.file("new.meninx");
    {
        auto store = SqliteStore::open(path, {});
        CHECK(store->schema_version() == storage::latest_schema_version());
        CHECK(single_int(*store, "PRAGMA application_id") == storage::kApplicationId);
        auto mode = store->prepare("PRAGMA journal_mode");
        REQUIRE(mode->step());
        CHECK(mode->get_text(0) == "wal");
        mode.reset();
        CHECK(single_int(*store, "PRAGMA foreign_keys") == 1);
        CHECK(single_int(*store, "PRAGMA synchronous") == 1);  // NORMAL
        // The reserved <label> predicate.
        CHECK(store->term(Store::kLabelPredicate).kind == TermKind::System);
        store->add(store->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
                   store->intern(Term{TermKind::Label, Value("Drug")}));
    }
    // Reopening keeps the data and applies nothing twice.
    auto again = SqliteStore::open(path, {});
    CHECK(again->statement_count() == 1);
    CHECK(again->find(Term{TermKind::Label, Value("Drug")}).has_value());
}

TEST_CASE("An empty file becomes a database; a missing one only when creating is allowed",
          "[storage][migrations]") {
    TempDir dir;
    std::string empty = dir.file("empty.meninx");
    write_bytes(empty, "");
    CHECK(SqliteStore::open(empty, {})->schema_version() == storage::latest_schema_version());

    OpenOptions no_create;
    no_create.create = false;
    std::string missing = dir.file("missing.meninx");
    CHECK_THAT(open_error(missing, no_create), Catch::Contains("does not exist"));
    CHECK_FALSE(std::filesystem::exists(missing));
}

TEST_CASE("A file from a newer Meninx is refused and untouched", "[storage][migrations]") {
    TempDir dir;
    std::string path = dir.file("future.meninx");
    SqliteStore::open(path, {});
    int newer = storage::latest_schema_version() + 3;
    raw_sql(path, "PRAGMA user_version=" + std::to_string(newer));
    std::string before = read_bytes(path);
    std::string message = open_error(path);
    CHECK_THAT(message, Catch::Contains("was written by a newer Meninx (schema version " +
                                        std::to_string(newer) + "; this build knows up to " +
                                        std::to_string(storage::latest_schema_version()) + ")"));
    CHECK_THAT(open_error(path, storage::testing::read_only_options()),
               Catch::Contains("newer Meninx"));
    CHECK(read_bytes(path) == before);
}

TEST_CASE("A text file is not a Meninx database and is left untouched", "[storage][migrations]") {
    TempDir dir;
    std::string path = dir.file("notes.txt");
    const std::string text = "These are notes, not a database.\n";
    write_bytes(path, text);
    CHECK_THAT(open_error(path), Catch::Contains("is not a Meninx database (not an SQLite file)"));
    CHECK_THAT(open_error(path, storage::testing::read_only_options()),
               Catch::Contains("not a Meninx database"));
    CHECK(read_bytes(path) == text);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    // Even a text file that starts like an SQLite header, but is too short to be one.
    write_bytes(path, "SQLite");
    CHECK_THAT(open_error(path), Catch::Contains("not a Meninx database"));
    CHECK(read_bytes(path) == "SQLite");
}

TEST_CASE("Another application's SQLite database is refused and untouched",
          "[storage][migrations]") {
    TempDir dir;
    std::string path = dir.file("other.sqlite");
    raw_sql(path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    std::string before = read_bytes(path);
    CHECK_THAT(
        open_error(path),
        Catch::Contains("not a Meninx database (an SQLite database of another application)"));
    CHECK(read_bytes(path) == before);
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST_CASE("A file at an older schema version is upgraded when opened read-write",
          "[storage][migrations]") {
    if (storage::latest_schema_version() < 2) return;
    TempDir dir;
    std::string path = dir.file("old.meninx");
    raw_sql(path, std::string(storage::migrations()[0].sql) + "; PRAGMA user_version=1; " +
                      "PRAGMA application_id=" + std::to_string(storage::kApplicationId) + ";");
    CHECK_THAT(open_error(path, storage::testing::read_only_options()),
               Catch::Contains("needs an upgrade"));
    auto store = SqliteStore::open(path, {});
    CHECK(store->schema_version() == storage::latest_schema_version());
    for (size_t i = 1; i < storage::migrations().size(); ++i) {
        INFO(storage::migrations()[i].name);
        // Each later migration ran: running it again fails because its objects exist.
        CHECK_THROWS_AS(store->execute(storage::migrations()[i].sql), Exception);
    }
}

TEST_CASE("A private in-memory database works and is not shared", "[storage][migrations]") {
    auto a = SqliteStore::open(":memory:", {});
    auto b = SqliteStore::open(":memory:", {});
    a->intern(Term{TermKind::Label, Value("OnlyInA")});
    CHECK(a->find(Term{TermKind::Label, Value("OnlyInA")}).has_value());
    CHECK_FALSE(b->find(Term{TermKind::Label, Value("OnlyInA")}).has_value());
    CHECK(a->schema_version() == storage::latest_schema_version());
}
