// History at the store level: what the triggers record, the life of a transaction's record,
// ids that are never reused, the guards that keep the record complete, and bulk loads.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "storage/history.h"
#include "storage/sqlite_store.h"
#include "unit/history/history_test_support.h"

using namespace meninx;
using meninx::storage::SqliteStore;
using namespace meninx::history_testing;

TEST_CASE("Every added and removed statement and node is recorded under its transaction",
          "[history]") {
    auto store = SqliteStore::open(":memory:", {});
    store->set_user("alice");
    store->begin(true);
    store->set_change_text("making a drug");
    TermId node = store->intern(Term{TermKind::Node, Value()});
    TermId label = store->intern(Term{TermKind::Label, Value("Drug")});
    StatementId labelled = store->add(node, Store::kLabelPredicate, label);
    store->commit();

    store->begin(true);
    store->set_change_text("removing it");
    REQUIRE(store->remove(labelled));
    store->commit();

    auto txs = storage::transactions(*store);
    REQUIRE(txs.size() == 2);
    CHECK(txs[0].id == 1);
    CHECK(txs[0].user == "alice");
    CHECK(txs[0].text == "making a drug");
    CHECK(txs[0].added == 2);
    CHECK(txs[0].retracted == 0);
    CHECK(txs[1].text == "removing it");
    CHECK(txs[1].added == 0);
    CHECK(txs[1].retracted == 1);
    CHECK(txs[0].time <= txs[1].time);
    CHECK(txs[0].time.size() == std::string("2026-01-01T00:00:00.000Z").size());

    auto first = storage::changes_in(*store, 1);
    REQUIRE(first.size() == 2);
    CHECK(first[0].op == 1);
    CHECK(first[0].stmt == 0);  // the node itself
    CHECK(first[0].s == node);
    CHECK(first[1].stmt == labelled);
    CHECK(first[1].p == Store::kLabelPredicate);
    CHECK(first[1].o == label);
    auto second = storage::changes_in(*store, 2);
    REQUIRE(second.size() == 1);
    CHECK(second[0].op == -1);
    CHECK(second[0].stmt == labelled);
    CHECK(second[0].s == node);  // the triple stays in history after the statement left
    CHECK(second[0].o == label);
}

TEST_CASE("A transaction that changes nothing, or is rolled back, leaves no record", "[history]") {
    auto store = SqliteStore::open(":memory:", {});
    store->begin(true);
    CHECK(store->open_tx() == 1);
    CHECK(count(*store, "SELECT count(*) FROM tx WHERE time IS NULL") == 1);
    store->commit();
    CHECK(store->open_tx() == 0);
    CHECK(count(*store, "SELECT count(*) FROM tx") == 0);

    store->begin(true);
    store->add(store->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
               store->intern(Term{TermKind::Label, Value("A")}));
    store->rollback();
    CHECK(count(*store, "SELECT count(*) FROM tx") == 0);
    CHECK(count(*store, "SELECT count(*) FROM history") == 0);

    // A statement rolled back to its savepoint inside a transaction that commits other work.
    store->begin(true);
    store->intern(Term{TermKind::Node, Value()});
    store->savepoint("one_statement");
    store->intern(Term{TermKind::Node, Value()});
    store->rollback_to("one_statement");
    store->release("one_statement");
    store->commit();
    auto txs = storage::transactions(*store);
    REQUIRE(txs.size() == 1);
    CHECK(txs[0].added == 1);
    // Read transactions never get a record.
    store->begin(false);
    CHECK(store->open_tx() == 0);
    store->commit();
}

TEST_CASE("Statement and node ids are never reused, not even the largest one deleted",
          "[history]") {
    auto store = SqliteStore::open(":memory:", {});
    TermId a = store->intern(Term{TermKind::Node, Value()});
    TermId b = store->intern(Term{TermKind::Node, Value()});
    StatementId s = store->add(a, Store::kLabelPredicate, b);
    REQUIRE(store->remove(s));
    CHECK(store->add(a, Store::kLabelPredicate, b) > s);
    // Deleting a node deletes its term (as GraphAccess::delete_node does).
    store->begin(true);
    store->execute("DELETE FROM stmt; DELETE FROM term WHERE id = " + std::to_string(b));
    store->commit();
    CHECK(store->intern(Term{TermKind::Node, Value()}) > b);
    // The bulk loader hands out ids itself; it too starts after every id ever used.
    StatementId largest = count(*store, "SELECT seq FROM sqlite_sequence WHERE name = 'stmt'");
    auto bulk = store->bulk_loader();
    CHECK(bulk->add(a, Store::kLabelPredicate, a) == largest + 1);
    bulk->commit();
}

TEST_CASE("The record cannot be bypassed or rewritten", "[history]") {
    TempFile file("guards");
    {
        auto store = SqliteStore::open(file.path(), {});
        store->begin(true);
        store->add(store->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
                   store->intern(Term{TermKind::Label, Value("A")}));
        store->commit();
    }
    // Another SQLite client, outside a Meninx transaction.
    CHECK_THAT(raw_sql_error(file.path(), "INSERT INTO stmt(s, p, o) VALUES (2, 1, 3)"),
               Catch::Contains("changed only through Meninx"));
    CHECK_THAT(raw_sql_error(file.path(), "DELETE FROM stmt"),
               Catch::Contains("changed only through Meninx"));
    CHECK_THAT(raw_sql_error(file.path(), "UPDATE stmt SET o = 2"),
               Catch::Contains("never changed in place"));
    CHECK_THAT(raw_sql_error(file.path(), "DELETE FROM term WHERE kind = 2"),
               Catch::Contains("never deleted"));
    CHECK_THAT(raw_sql_error(file.path(), "DELETE FROM history"), Catch::Contains("append-only"));
    CHECK_THAT(raw_sql_error(file.path(), "UPDATE history SET tx = 2"),
               Catch::Contains("append-only"));
    CHECK_THAT(raw_sql_error(file.path(), "UPDATE tx SET user = 'mallory'"),
               Catch::Contains("never rewritten"));
    CHECK_THAT(raw_sql_error(file.path(), "DELETE FROM tx"), Catch::Contains("never deleted"));
    auto store = SqliteStore::open(file.path(), {});
    CHECK(storage::transactions(*store).size() == 1);
    CHECK(store->statement_count() == 1);
}

TEST_CASE("A bulk load is recorded as one transaction, written at commit", "[history]") {
    auto store = SqliteStore::open(":memory:", {});
    store->set_change_text("import nodes.tsv");
    {
        auto bulk = store->bulk_loader();
        for (int i = 0; i < 300; ++i) {
            TermId node = bulk->intern(Term{TermKind::Node, Value()});
            bulk->add(node, bulk->intern(Term{TermKind::PropertyKey, Value("i")}),
                      bulk->intern(Term{TermKind::Int, Value(i)}));
        }
        bulk->commit();
    }
    auto txs = storage::transactions(*store);
    REQUIRE(txs.size() == 1);
    CHECK(txs[0].text == "import nodes.tsv");
    CHECK(txs[0].added == 600);
    CHECK(count(*store, "SELECT count(*) FROM history WHERE stmt = 0") == 300);
    CHECK(count(*store,
                "SELECT count(*) FROM history h JOIN stmt s ON s.id = h.stmt AND "
                "s.s = h.s AND s.p = h.p AND s.o = h.o") == 300);
    // The recording triggers and the history indexes it set aside are back.
    CHECK(count(*store,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN "
                "('history_stmt_added', 'history_node_added')") == 2);
    CHECK(count(*store,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                "tbl_name = 'history'") == 3);

    // A second load, without a name, into a store that has statements; then one abandoned.
    {
        auto bulk = store->bulk_loader();
        bulk->add(bulk->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
                  bulk->intern(Term{TermKind::Label, Value("B")}));
        bulk->commit();
    }
    {
        auto bulk = store->bulk_loader();
        bulk->add(bulk->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
                  bulk->intern(Term{TermKind::Label, Value("C")}));
    }
    txs = storage::transactions(*store);
    REQUIRE(txs.size() == 2);
    CHECK(txs[1].text == "bulk load");
    CHECK(txs[1].added == 2);
    CHECK(count(*store, "SELECT count(*) FROM history") == 602);
    // Later writes are recorded by the triggers again.
    store->add(1, Store::kLabelPredicate, 1);
    CHECK(storage::transactions(*store).size() == 3);
}

TEST_CASE("A bulk load inside an open transaction joins its record", "[history]") {
    auto store = SqliteStore::open(":memory:", {});
    store->begin(true);
    store->set_change_text("CREATE (:A)");
    store->add(store->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
               store->intern(Term{TermKind::Label, Value("A")}));
    store->set_change_text({});
    {
        auto bulk = store->bulk_loader();
        bulk->add(bulk->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
                  bulk->intern(Term{TermKind::Label, Value("B")}));
        bulk->commit();
    }
    store->commit();
    auto txs = storage::transactions(*store);
    REQUIRE(txs.size() == 1);
    CHECK(txs[0].text == "CREATE (:A);\nbulk load");
    CHECK(txs[0].added == 4);
}
