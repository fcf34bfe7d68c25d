// Tests of the public Database API that a data file cannot express: atomicity of failed
// statements, explicit transactions, limits, cancellation from another thread, typed results.
#include "meninx/database.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

using namespace meninx;

namespace {

std::unique_ptr<Database> memory_db() {
    Error error;
    auto db = Database::open(":memory:", {}, &error);
    REQUIRE(db);
    return db;
}

int64_t count_nodes(Database& db) {
    auto r = db.query("MATCH (n) RETURN count(n)");
    REQUIRE(r.ok());
    return r.rows.at(0).at(0).as_int();
}

// A chain of `n` nodes, each linked to the next, for queries that take a while.
void make_dense_graph(Database& db, int n) {
    auto r = db.query("UNWIND range(1, $n) AS i CREATE (:N {i: i})", Map{{"n", Value(n)}});
    REQUIRE(r.ok());
    r = db.query("MATCH (a:N), (b:N) WHERE a.i < b.i AND b.i <= a.i + 3 CREATE (a)-[:E]->(b)");
    REQUIRE(r.ok());
}

}  // namespace

TEST_CASE("a failed statement leaves the database as it was", "[database]") {
    auto db = memory_db();
    REQUIRE(db->query("CREATE (:A {x: 1}), (:A {x: 2})").ok());
    // The second row fails (division by zero) after the first row's CREATE ran.
    auto r = db->query("UNWIND [1, 0] AS d CREATE (:B {v: 10 / d})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->kind == ErrorKind::Argument);
    auto b = db->query("MATCH (n:B) RETURN count(n)");
    REQUIRE(b.ok());
    CHECK(b.rows[0][0].as_int() == 0);
    CHECK(count_nodes(*db) == 2);
}

TEST_CASE("explicit transactions group statements", "[database]") {
    auto db = memory_db();
    REQUIRE_FALSE(db->begin().has_value());
    CHECK(db->in_transaction());
    REQUIRE(db->query("CREATE (:T)").ok());
    // A failing statement inside the transaction undoes only itself.
    REQUIRE_FALSE(db->query("CREATE (:T {v: 1 / 0})").ok());
    REQUIRE(db->query("CREATE (:T)").ok());
    CHECK(count_nodes(*db) == 2);
    REQUIRE_FALSE(db->rollback().has_value());
    CHECK(count_nodes(*db) == 0);

    REQUIRE_FALSE(db->begin().has_value());
    REQUIRE(db->query("CREATE (:T)").ok());
    REQUIRE_FALSE(db->commit().has_value());
    CHECK(count_nodes(*db) == 1);

    auto misuse = db->commit();
    REQUIRE(misuse.has_value());
    CHECK(misuse->kind == ErrorKind::Usage);
}

TEST_CASE("the row limit ends a query with a clear error", "[database]") {
    auto db = memory_db();
    QueryOptions options;
    options.max_rows = 10;
    auto r = db->query("UNWIND range(1, 100) AS i RETURN i", {}, options);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->kind == ErrorKind::Limit);
    CHECK_THAT(r.error->message, Catch::Contains("10 rows"));
}

TEST_CASE("the time limit ends a runaway query", "[database]") {
    auto db = memory_db();
    make_dense_graph(*db, 200);
    QueryOptions options;
    options.timeout = std::chrono::milliseconds(100);
    options.default_max_hops = 60;
    auto start = std::chrono::steady_clock::now();
    auto r = db->query("MATCH p = (a:N {i: 1})-[*]->(b) RETURN count(p)", {}, options);
    auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->kind == ErrorKind::Limit);
    CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("cancel() from another thread stops a running query", "[database]") {
    auto db = memory_db();
    make_dense_graph(*db, 200);
    QueryOptions options;
    options.timeout = std::chrono::milliseconds(0);
    options.default_max_hops = 60;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        db->cancel();
    });
    auto r = db->query("MATCH p = (a:N {i: 1})-[*]->(b) RETURN count(p)", {}, options);
    canceller.join();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->kind == ErrorKind::Interrupted);
    // The database is usable afterwards.
    CHECK(db->query("RETURN 1").ok());
}

TEST_CASE("nodes, relationships and paths come back as structured values", "[database]") {
    auto db = memory_db();
    REQUIRE(db->query("CREATE (:Drug {name: 'osimertinib'})-[:TREATS {orr_pct: 80.3}]->"
                      "(:Disease {name: 'LM'})")
                .ok());
    auto r = db->query("MATCH p = (d:Drug)-[t:TREATS]->(x) RETURN d, t, p");
    REQUIRE(r.ok());
    REQUIRE(r.rows.size() == 1);
    const Node& d = r.rows[0][0].as_node();
    CHECK(d.labels == std::vector<std::string>{"Drug"});
    CHECK(d.properties->at("name").as_string() == "osimertinib");
    const Relationship& t = r.rows[0][1].as_relationship();
    CHECK(t.type == "TREATS");
    CHECK(t.start == d.id);
    CHECK(t.properties->at("orr_pct").as_float() == Approx(80.3));
    const Path& p = r.rows[0][2].as_path();
    REQUIRE(p.nodes.size() == 2);
    CHECK(p.nodes[1].properties->at("name").as_string() == "LM");
    CHECK(p.relationships[0].id == t.id);
}

TEST_CASE("errors carry a position and an excerpt with a caret", "[database]") {
    auto db = memory_db();
    auto r = db->query("MATCH (n)\nRETURN m");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->kind == ErrorKind::Semantic);
    CHECK(r.error->line == 2);
    CHECK(r.error->column == 8);
    CHECK_THAT(r.error->excerpt, Catch::Contains("RETURN m\n       ^"));
}

TEST_CASE("EXPLAIN shows the plan without running it, PROFILE runs it", "[database]") {
    auto db = memory_db();
    auto r = db->query("EXPLAIN CREATE (:X)");
    REQUIRE(r.ok());
    CHECK_THAT(r.plan, Catch::Contains("Create"));
    CHECK(count_nodes(*db) == 0);
    r = db->query("PROFILE UNWIND range(1, 5) AS i RETURN i");
    REQUIRE(r.ok());
    CHECK(r.rows.size() == 5);
    CHECK_THAT(r.plan, Catch::Contains("rows=5"));
}

TEST_CASE("a read-only database refuses writes and keeps answering reads", "[database]") {
    auto dir = std::filesystem::temp_directory_path() / "meninx-readonly-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto path = (dir / "g.meninx").string();
    {
        Error error;
        auto db = Database::open(path, {}, &error);
        REQUIRE(db);
        REQUIRE(db->query("CREATE (:A)").ok());
    }
    OpenOptions ro;
    ro.read_only = true;
    Error error;
    auto db = Database::open(path, ro, &error);
    REQUIRE(db);
    auto w = db->query("CREATE (:B)");
    REQUIRE_FALSE(w.ok());
    CHECK_THAT(w.error->message, Catch::Contains("read-only"));
    CHECK(count_nodes(*db) == 1);
    db.reset();
    std::filesystem::remove_all(dir);
}
