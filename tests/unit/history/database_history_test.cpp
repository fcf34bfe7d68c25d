// History through the public Database API: who is recorded, explicit transactions as one
// transaction, and time travel (as_of, open_as_of) with its points and its limits.
#include <catch2/catch.hpp>
#include <thread>

#include "meninx/database.h"
#include "storage/history.h"
#include "storage/sqlite_store.h"
#include "unit/history/history_test_support.h"

using namespace meninx;
using namespace meninx::history_testing;

namespace {

std::unique_ptr<Database> open_db(const std::string& path, const std::string& user = "") {
    OpenOptions options;
    options.user = user;
    Error error;
    auto db = Database::open(path, options, &error);
    INFO(error.message);
    REQUIRE(db);
    return db;
}

QueryResult run(Database& db, const std::string& text) {
    auto r = db.query(text);
    INFO(text << ": " << (r.ok() ? "" : r.error->to_string()));
    REQUIRE(r.ok());
    return r;
}

int64_t single_int(Database& db, const std::string& text) {
    auto r = run(db, text);
    REQUIRE(r.rows.size() == 1);
    return r.rows[0][0].as_int();
}

std::vector<storage::TxRecord> transactions(Database& db) {
    return storage::transactions(static_cast<storage::SqliteStore&>(db.store()));
}

}  // namespace

TEST_CASE("The author is the open option's user, the setter's, else the environment's",
          "[history][database]") {
    auto db = open_db(":memory:", "alice");
    CHECK(db->user() == "alice");
    run(*db, "CREATE (:A)");
    db->set_user("bob");
    CHECK(db->user() == "bob");
    run(*db, "CREATE (:B)");
    ::setenv("MENINX_USER", "carol", 1);
    db->set_user("");
    CHECK(db->user() == "carol");
    run(*db, "CREATE (:C)");
    ::unsetenv("MENINX_USER");
    auto txs = transactions(*db);
    REQUIRE(txs.size() == 3);
    CHECK(txs[0].user == "alice");
    CHECK(txs[1].user == "bob");
    CHECK(txs[2].user == "carol");
}

TEST_CASE("An explicit transaction is one transaction of history; a rolled-back one is none",
          "[history][database]") {
    auto db = open_db(":memory:");
    REQUIRE_FALSE(db->begin());
    run(*db, "CREATE (:A {x: 1})");
    run(*db, "MATCH (n) RETURN n");
    CHECK_FALSE(db->query("CREATE (:A {x: 1 / 0})").ok());
    run(*db, "MATCH (a:A) SET a.x = 2");
    REQUIRE_FALSE(db->commit());
    auto txs = transactions(*db);
    REQUIRE(txs.size() == 1);
    CHECK(txs[0].text == "CREATE (:A {x: 1});\nMATCH (a:A) SET a.x = 2");
    CHECK(txs[0].added == 4);
    CHECK(txs[0].retracted == 1);

    REQUIRE_FALSE(db->begin());
    run(*db, "CREATE (:B)");
    REQUIRE_FALSE(db->rollback());
    CHECK(transactions(*db).size() == 1);
    // Undo inside an explicit transaction joins it; one undo per transaction.
    REQUIRE_FALSE(db->begin());
    run(*db, "CREATE (:C)");
    run(*db, "CALL db.undo(1)");
    auto twice = db->query("CALL db.undo(1)");
    REQUIRE_FALSE(twice.ok());
    CHECK_THAT(twice.error->message, Catch::Contains("already undoes transaction 1"));
    REQUIRE_FALSE(db->commit());
    txs = transactions(*db);
    REQUIRE(txs.size() == 2);
    CHECK(txs[1].undo_of == 1);
    CHECK(single_int(*db, "MATCH (n) RETURN count(n)") == 1);
}

TEST_CASE("as_of gives a private read-only copy of the graph at a transaction or a time",
          "[history][database]") {
    TempFile file("travel");
    auto db = open_db(file.path());
    run(*db, "CREATE (:Drug {name: 'osimertinib', dose: 80})");
    const std::string first_time = transactions(*db).at(0).time;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    run(*db, "MATCH (d:Drug) SET d.dose = 160");
    run(*db, "MATCH (d:Drug) DETACH DELETE d");

    Error error;
    auto at1 = db->as_of("1", &error);
    REQUIRE(at1);
    CHECK(at1->read_only());
    CHECK(at1->as_of_transaction() == 1);
    CHECK_FALSE(db->as_of_transaction());
    CHECK(single_int(*at1, "MATCH (d:Drug) RETURN d.dose") == 80);
    auto write = at1->query("CREATE (:X)");
    REQUIRE_FALSE(write.ok());
    CHECK(write.error->kind == ErrorKind::Usage);
    CHECK_THAT(write.error->message, Catch::Contains("as of transaction 1"));

    // A time: the last transaction committed at or before it.
    auto by_time = db->as_of(first_time, &error);
    REQUIRE(by_time);
    CHECK(by_time->as_of_transaction() == 1);
    CHECK(single_int(*by_time, "MATCH (d:Drug) RETURN d.dose") == 80);
    auto before_all = db->as_of("1999-12-31 23:59", &error);
    REQUIRE(before_all);
    CHECK(before_all->as_of_transaction() == 0);

    // The copy does not follow later changes of the file.
    run(*db, "CREATE (:Drug {name: 'gefitinib'})");
    auto at2 = Database::open_as_of(file.path(), "2", {}, &error);
    REQUIRE(at2);
    CHECK(single_int(*at2, "MATCH (d:Drug) RETURN d.dose") == 160);
    run(*db, "MATCH (d:Drug) SET d.dose = 250");
    CHECK(single_int(*at2, "MATCH (d:Drug) RETURN count(d)") == 1);
    CHECK(single_int(*at2, "MATCH (d:Drug) RETURN d.dose") == 160);
    CHECK(single_int(*db, "MATCH (d:Drug) RETURN d.dose") == 250);

    CHECK_FALSE(db->as_of("12", &error));
    CHECK(error.kind == ErrorKind::Argument);
    CHECK_THAT(error.message,
               Catch::Contains("there is no transaction 12") && Catch::Contains("the last is 5"));
    for (const char* bad : {"", "last week", "2026-1-1", "2026-01-01T25:00", "-1", "3.5"}) {
        INFO(bad);
        CHECK_FALSE(db->as_of(bad, &error));
        CHECK(error.kind == ErrorKind::Argument);
    }
    REQUIRE_FALSE(db->begin());
    CHECK_FALSE(db->as_of("1", &error));
    CHECK_THAT(error.message, Catch::Contains("inside a transaction"));
    REQUIRE_FALSE(db->rollback());
    CHECK_FALSE(Database::open_as_of(file.path() + ".missing", "1", {}, &error));
    CHECK_THAT(error.message, Catch::Contains("does not exist"));
}

TEST_CASE("Points of history are transaction ids, now, or UTC times in several precisions",
          "[history]") {
    auto store = storage::SqliteStore::open(":memory:", {});
    store->begin(true);
    store->add(store->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
               store->intern(Term{TermKind::Label, Value("A")}));
    store->commit();
    const std::string time = storage::transactions(*store).at(0).time;  // ...T..:..:..sssZ
    CHECK(storage::resolve_point(*store, "1") == 1);
    CHECK(storage::resolve_point(*store, " 0 ") == 0);
    CHECK(storage::resolve_point(*store, "now") == 1);
    CHECK(storage::resolve_point(*store, time) == 1);
    CHECK(storage::resolve_point(*store, time.substr(0, 10)) == 0);  // midnight of that day
    CHECK(storage::resolve_point(*store, "9999-12-31") == 1);
    CHECK(storage::resolve_point(*store, "9999-12-31T00:00") == 1);
    CHECK(storage::resolve_point(*store, "9999-12-31 00:00:00") == 1);
    CHECK(storage::resolve_point(*store, "9999-12-31t00:00:00.5z") == 1);
    CHECK(storage::resolve_point(*store, "2000-01-01T00:00:00.123456789Z") == 0);
    CHECK_THROWS_WITH(storage::resolve_point(*store, "2"),
                      Catch::Contains("there is no transaction 2"));
    CHECK_THROWS_WITH(storage::resolve_point(*store, "2026-02-30T10:61"),
                      Catch::Contains("is not a point of history"));
    CHECK_THROWS_WITH(storage::resolve_point(*store, "2026-02-03T10:00+02:00"),
                      Catch::Contains("UTC time"));
}
