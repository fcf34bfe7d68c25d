// The search index of schema version 4: SQLite's FTS5 is there, a file made before the index
// existed gets it filled when it is upgraded, and a file without it says why db.search fails.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>

#include "meninx/database.h"
#include "meninx/store.h"
#include "storage/migrations.h"
#include "unit/storage/storage_test_support.h"

using namespace meninx;
using meninx::storage::testing::TempDir;

namespace {

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

// A file as Meninx wrote it at schema version 2 (before the index), holding one drug with a
// name, synonyms and an id, and one relationship with a property named `name`.
void write_version_2_file(const std::string& path) {
    std::string sql;
    for (const auto& m : storage::migrations()) {
        if (m.version <= 2) sql += std::string(m.sql) + ";\n";
    }
    sql +=
        "PRAGMA user_version=2; PRAGMA application_id=" + std::to_string(storage::kApplicationId) +
        ";\n"
        "INSERT INTO term(id, kind, value) VALUES (10, 1, NULL), (11, 2, 'Drug'), "
        "(12, 4, 'name'), (13, 13, 'osimertinib'), (14, 4, 'synonyms'), "
        "(15, 14, '[\"Tagrisso\",\"AZD9291\"]'), (16, 4, 'id'), "
        "(17, 13, 'DRUGBANK:DB09330'), (18, 1, NULL), (19, 3, 'TREATS'), "
        "(20, 13, 'relationship words');\n"
        "INSERT INTO stmt(id, s, p, o) VALUES (1, 10, 1, 11), (2, 10, 12, 13), "
        "(3, 10, 14, 15), (4, 10, 16, 17), (5, 10, 19, 18), (6, -5, 12, 20);\n";
    raw_sql(path, sql);
}

std::vector<std::string> names_found(Database& db, const std::string& text) {
    QueryResult r =
        db.query("CALL db.search($text) YIELD node RETURN node.name", {{"text", Value(text)}});
    INFO(text << ": " << (r.ok() ? "" : r.error->message));
    REQUIRE(r.ok());
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(row[0].is_string() ? row[0].as_string() : "?");
    return out;
}

}  // namespace

TEST_CASE("SQLite has FTS5 with the unicode61 tokenizer", "[search]") {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
    REQUIRE(sqlite3_compileoption_used("ENABLE_FTS5") == 1);
    int rc = sqlite3_exec(
        db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')",
        nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

TEST_CASE("A file made before the search index gets it filled on upgrade", "[search]") {
    if (storage::latest_schema_version() < 4) return;
    TempDir dir;
    const std::string path = dir.file("v2.meninx");
    write_version_2_file(path);
    OpenOptions read_only;
    read_only.read_only = true;
    {
        // Read-only, the file cannot be upgraded: db.search says what to do.
        Error error;
        auto db = Database::open(path, read_only, &error);
        INFO(error.message);
        REQUIRE(db);
        QueryResult r = db->query("CALL db.search('osimertinib') YIELD node RETURN node");
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.error->message, Catch::Contains("has no search index"));
    }
    {
        auto db = Database::open(path);
        REQUIRE(db);
        for (const char* text : {"osimertinib", "Tagrisso", "azd9291", "DB09330", "osim*"}) {
            CHECK(names_found(*db, text) == std::vector<std::string>{"osimertinib"});
        }
        // A relationship's property is not indexed, even when it is called name.
        CHECK(names_found(*db, "relationship").empty());
        // And the triggers work on the upgraded file.
        REQUIRE(db->query("MATCH (d:Drug) SET d.synonyms = ['Mereletinib']").ok());
        CHECK(names_found(*db, "Tagrisso").empty());
        CHECK(names_found(*db, "mereletinib") == std::vector<std::string>{"osimertinib"});
    }
    // A read-only open of the upgraded file searches too.
    auto db = Database::open(path, read_only);
    REQUIRE(db);
    CHECK(names_found(*db, "mereletinib") == std::vector<std::string>{"osimertinib"});
}

namespace {

// Adds a node with a label and a name through a bulk loader.
void bulk_node(BulkLoader& loader, const std::string& label, const std::string& name) {
    TermId node = loader.intern(Term{TermKind::Node, Value()});
    loader.add(node, Store::kLabelPredicate, loader.intern(Term{TermKind::Label, Value(label)}));
    loader.add(node, loader.intern(Term{TermKind::PropertyKey, Value("name")}),
               loader.intern(Term{TermKind::String, Value(name)}));
}

}  // namespace

TEST_CASE("Bulk loads fill the index at commit, into empty and non-empty files", "[search]") {
    if (storage::latest_schema_version() < 4) return;
    TempDir dir;
    const std::string path = dir.file("bulk.meninx");
    auto db = Database::open(path);
    REQUIRE(db);
    {
        // Into an empty file (the fast path): more than one batch of rows.
        auto loader = db->store().bulk_loader();
        for (int i = 0; i < 300; ++i) bulk_node(*loader, "Gene", "gene" + std::to_string(i));
        loader->commit();
    }
    CHECK(names_found(*db, "gene299") == std::vector<std::string>{"gene299"});
    CHECK(names_found(*db, "gene0") == std::vector<std::string>{"gene0"});
    {
        // Into a file with statements: only the new ones are added to the index.
        auto loader = db->store().bulk_loader();
        bulk_node(*loader, "Drug", "loaded later");
        loader->commit();
    }
    CHECK(names_found(*db, "later") == std::vector<std::string>{"loaded later"});
    CHECK(names_found(*db, "gene12") == std::vector<std::string>{"gene12"});
    {
        // A load that is abandoned leaves neither rows nor index entries.
        auto loader = db->store().bulk_loader();
        bulk_node(*loader, "Drug", "never committed");
    }
    CHECK(names_found(*db, "committed").empty());
    // The triggers are back after each load: a Cypher write is indexed at once.
    REQUIRE(db->query("CREATE (:Drug {name: 'written afterwards'})").ok());
    CHECK(names_found(*db, "afterwards") == std::vector<std::string>{"written afterwards"});
    REQUIRE(db->query("MATCH (n {name: 'loaded later'}) DELETE n").ok());
    CHECK(names_found(*db, "later").empty());
}

TEST_CASE("db.search on a file without the index says what to do", "[search]") {
    if (storage::latest_schema_version() < 4) return;
    TempDir dir;
    const std::string path = dir.file("no-index.meninx");
    REQUIRE(Database::open(path));
    // What a file at an older version looks like to a connection that cannot upgrade it.
    raw_sql(path, "DROP TABLE node_search");
    auto db = Database::open(path);
    REQUIRE(db);
    QueryResult r = db->query("CALL db.search('x') YIELD node RETURN node");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->kind == ErrorKind::Usage);
    CHECK_THAT(r.error->message, Catch::Contains("has no search index") &&
                                     Catch::Contains("open it once without --read-only"));
}
