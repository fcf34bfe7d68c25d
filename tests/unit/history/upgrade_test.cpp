// Files of schema version 2 (before history): read-only opens work without history; a
// read-write open upgrades them, and the facts they held become the first transaction.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "meninx/database.h"
#include "storage/history.h"
#include "storage/migrations.h"
#include "storage/sqlite_store.h"
#include "unit/history/history_test_support.h"

using namespace meninx;
using meninx::storage::SqliteStore;
using namespace meninx::history_testing;

namespace {

OpenOptions read_only() {
    OpenOptions options;
    options.read_only = true;
    options.create = false;
    return options;
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("A version 2 file opens read-only as it is: the graph reads, history is absent",
          "[history][upgrade]") {
    TempFile file("v2");
    make_version_2_file(file.path());
    const std::string before = file_bytes(file.path());
    {
        Error error;
        auto db = Database::open(file.path(), read_only(), &error);
        REQUIRE(db);
        auto r = db->query("MATCH (d:Drug)-[:TREATS]->(x) RETURN d.name, x.name");
        REQUIRE(r.ok());
        REQUIRE(r.rows.size() == 1);
        CHECK(r.rows[0][0].as_string() == "osimertinib");
        CHECK(r.rows[0][1].as_string() == "LM");
        auto& store = static_cast<SqliteStore&>(db->store());
        CHECK(store.schema_version() == 2);
        CHECK_FALSE(store.has_history());
        auto h = db->query("CALL db.transactions()");
        REQUIRE_FALSE(h.ok());
        CHECK(h.error->kind == ErrorKind::Usage);
        CHECK_THAT(h.error->message, Catch::Contains("schema version 2 and keeps no history") &&
                                         Catch::Contains("open it read-write once"));
        auto past = db->as_of("0", &error);
        CHECK_FALSE(past);
        CHECK_THAT(error.message, Catch::Contains("keeps no history"));
        CHECK_FALSE(Database::open_as_of(file.path(), "1", {}, &error));
        CHECK_THAT(error.message, Catch::Contains("keeps no history"));
    }
    CHECK(file_bytes(file.path()) == before);
}

TEST_CASE("A version 1 file is still refused read-only: it needs the catalog",
          "[history][upgrade]") {
    TempFile file("v1");
    raw_sql(file.path(), std::string(storage::migrations().at(0).sql) +
                             "; PRAGMA user_version=1; PRAGMA application_id=" +
                             std::to_string(storage::kApplicationId) + ";");
    CHECK_THROWS_WITH(SqliteStore::open(file.path(), read_only()),
                      Catch::Contains("needs an upgrade"));
}

TEST_CASE("A read-write open upgrades a version 2 file; its facts become transaction 1",
          "[history][upgrade]") {
    TempFile file("v2");
    make_version_2_file(file.path());
    {
        auto store = SqliteStore::open(file.path(), {});
        CHECK(store->schema_version() == storage::latest_schema_version());
        CHECK(store->has_history());
        // Ids are kept.
        CHECK(store->statement_count() == 5);
        CHECK(store->term(5).value.as_string() == "osimertinib");
        auto txs = storage::transactions(*store);
        REQUIRE(txs.size() == 1);
        CHECK(txs[0].id == 1);
        CHECK(txs[0].added == 7);  // 2 nodes and 5 statements
        CHECK_THAT(txs[0].text, Catch::Contains("before history was recorded"));
        auto changes = storage::changes_in(*store, 1);
        REQUIRE(changes.size() == 7);
        CHECK(changes[0].stmt == 0);
        CHECK(changes[0].s == 2);
        CHECK(changes[1].stmt == 0);
        CHECK(changes[1].s == 6);
        CHECK(changes[5].stmt == 4);
        CHECK(changes[5].s == 2);
        CHECK(changes[5].p == 8);
        CHECK(changes[5].o == 6);
        // New ids continue after the old ones.
        CHECK(store->add(2, 1, 9) == 6);
    }
    Error error;
    auto db = Database::open(file.path(), {}, &error);
    REQUIRE(db);
    REQUIRE(db->query("MATCH ()-[t:TREATS]->() DELETE t").ok());
    auto past = db->as_of("1", &error);
    REQUIRE(past);
    auto r = past->query("MATCH (d)-[:TREATS]->(x) RETURN d.name, x.name");
    REQUIRE(r.ok());
    CHECK(r.rows.size() == 1);
    auto empty = db->as_of("0", &error);
    REQUIRE(empty);
    auto n = empty->query("MATCH (n) RETURN count(n)");
    REQUIRE(n.ok());
    CHECK(n.rows[0][0].as_int() == 0);
    // The upgrade itself is the first transaction and can be undone like any other, once the
    // later ones that built on it are.
    auto refused = db->query("CALL db.undo(1)");
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error->message, Catch::Contains("3 (") && Catch::Contains("2 ("));
    REQUIRE(db->query("CALL db.undo(3)").ok());
    REQUIRE(db->query("CALL db.undo(2)").ok());
    auto undone = db->query("CALL db.undo(1)");
    REQUIRE(undone.ok());
    CHECK(db->query("MATCH (n) RETURN count(n)").rows[0][0].as_int() == 0);
}

TEST_CASE("An empty new database has no transactions until something is written",
          "[history][upgrade]") {
    auto store = SqliteStore::open(":memory:", {});
    CHECK(storage::transactions(*store).empty());
    CHECK(storage::last_transaction(*store) == 0);
    CHECK(storage::resolve_point(*store, "now") == 0);
}

TEST_CASE("A version 4 file reads its history read-only, and upgrades to bulk ranges",
          "[history][upgrade]") {
    TempFile file("v4");
    make_version_2_file(file.path());
    std::string sql;
    for (const auto& m : storage::migrations()) {
        if (m.version == 3 || m.version == 4) sql += std::string(m.sql) + ";";
    }
    raw_sql(file.path(), sql + "PRAGMA user_version=4;");
    {
        auto store = SqliteStore::open(file.path(), read_only());
        CHECK(store->schema_version() == 4);
        CHECK(store->has_history());
        CHECK_FALSE(store->has_bulk_ranges());
        CHECK(storage::changes_in(*store, 1).size() == 7);
        CHECK(storage::node_changes(*store, 2).size() == 4);  // the node, a label, a name, TREATS
        CHECK(storage::relationship_changes(*store, 4).size() == 1);
        CHECK(SqliteStore::snapshot(*store, 0)->statement_count() == 0);
    }
    auto store = SqliteStore::open(file.path(), {});
    CHECK(store->has_bulk_ranges());
    {
        auto bulk = store->bulk_loader();
        bulk->add(2, Store::kLabelPredicate, bulk->intern(Term{TermKind::Label, Value("New")}));
        bulk->commit();
    }
    CHECK(storage::node_changes(*store, 2).size() == 5);
    CHECK(storage::changes_in(*store, storage::last_transaction(*store)).size() == 1);
}
