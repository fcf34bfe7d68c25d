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

TEST_CASE("A bulk load is recorded as one transaction of id ranges, written at commit",
          "[history]") {
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
    // One range row and one marker instead of 600 history rows.
    CHECK(count(*store, "SELECT count(*) FROM bulk_change") == 1);
    CHECK(count(*store, "SELECT count(*) FROM history") == 1);
    CHECK(count(*store, "SELECT count(*) FROM history WHERE op = 0") == 1);
    // Read back, the ranges are the load's 600 changes, nodes first, in order.
    auto changes = storage::changes_in(*store, txs[0].id);
    REQUIRE(changes.size() == 600);
    int64_t nodes = 0;
    int64_t matching = 0;
    for (size_t i = 0; i < changes.size(); ++i) {
        const auto& c = changes[i];
        CHECK(c.op == 1);
        CHECK(c.tx == txs[0].id);
        if (i > 0) CHECK(c.id > changes[i - 1].id);
        if (c.stmt == 0) {
            ++nodes;
            CHECK(i < 300);
            continue;
        }
        auto q = store->prepare(
            "SELECT count(*) FROM stmt WHERE id = ?1 AND s = ?2 AND p = ?3 "
            "AND o = ?4");
        q->bind(1, c.stmt).bind(2, c.s).bind(3, c.p).bind(4, c.o);
        REQUIRE(q->step());
        matching += q->get_int(0);
    }
    CHECK(nodes == 300);
    CHECK(matching == 300);
    // The recording triggers it set aside are back.
    CHECK(count(*store,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN "
                "('history_stmt_added', 'history_node_added')") == 2);

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
    CHECK(storage::changes_in(*store, txs[1].id).size() == 2);
    CHECK(count(*store, "SELECT count(*) FROM bulk_change") == 2);
    // Later writes are recorded by the triggers again, after the loads' ranges.
    store->add(1, Store::kLabelPredicate, 1);
    txs = storage::transactions(*store);
    REQUIRE(txs.size() == 3);
    auto third = storage::changes_in(*store, txs[2].id);
    REQUIRE(third.size() == 1);
    CHECK(third[0].id > storage::changes_in(*store, txs[1].id).back().id);
}

TEST_CASE("The changes of a bulk load's ranges read like recorded ones", "[history]") {
    TempFile file("ranges");
    auto store = SqliteStore::open(file.path(), {});
    TermId a = 0;
    TermId b = 0;
    StatementId name = 0;
    StatementId rel = 0;
    StatementId weight = 0;
    TermId key = 0;
    {
        auto bulk = store->bulk_loader();
        a = bulk->intern(Term{TermKind::Node, Value()});
        b = bulk->intern(Term{TermKind::Node, Value()});
        key = bulk->intern(Term{TermKind::PropertyKey, Value("name")});
        name = bulk->add(a, key, bulk->intern(Term{TermKind::String, Value("A")}));
        rel = bulk->add(a, bulk->intern(Term{TermKind::RelationshipType, Value("R")}), b);
        weight = bulk->add(-rel, bulk->intern(Term{TermKind::PropertyKey, Value("w")}),
                           bulk->intern(Term{TermKind::Int, Value(int64_t{3})}));
        bulk->commit();
    }
    const int64_t load = storage::last_transaction(*store);
    // A later transaction renames a (retracting a loaded statement) and deletes b's relationship.
    store->begin(true);
    store->remove(name);
    store->add(a, key, store->intern(Term{TermKind::String, Value("A2")}));
    store->remove(weight);
    store->remove(rel);
    store->commit();
    const int64_t edit = storage::last_transaction(*store);

    // a: added by the load, its name and relationship too; then the edit.
    auto of_a = storage::node_changes(*store, a);
    REQUIRE(of_a.size() == 6);
    CHECK(of_a[0].stmt == 0);
    CHECK(of_a[0].tx == load);
    CHECK(of_a[1].stmt == name);
    CHECK(of_a[1].tx == load);
    CHECK(of_a[1].op == 1);
    CHECK(of_a[2].stmt == rel);
    CHECK(of_a[2].tx == load);
    for (size_t i = 3; i < of_a.size(); ++i) CHECK(of_a[i].tx == edit);
    for (size_t i = 1; i < of_a.size(); ++i) CHECK(of_a[i].id > of_a[i - 1].id);
    // The retracted relationship and its property: added by the load, retracted by the edit,
    // with their triples.
    auto of_rel = storage::relationship_changes(*store, rel);
    REQUIRE(of_rel.size() == 4);
    CHECK(of_rel[0].op == 1);
    CHECK(of_rel[0].stmt == rel);
    CHECK(of_rel[0].s == a);
    CHECK(of_rel[0].o == b);
    CHECK(of_rel[1].op == 1);
    CHECK(of_rel[1].stmt == weight);
    CHECK(of_rel[1].s == -rel);
    CHECK(of_rel[2].op == -1);
    CHECK(of_rel[3].op == -1);
    // The load's own changes still list all five facts, retracted ones included.
    CHECK(storage::changes_in(*store, load).size() == 5);

    // As of the load: everything it added, nothing of the edit.
    auto then = SqliteStore::snapshot(*store, load);
    CHECK(then->statement_count() == 3);
    CHECK(count(*then, "SELECT count(*) FROM stmt WHERE id = " + std::to_string(name)) == 1);
    // As of before the load: nothing.
    auto before = SqliteStore::snapshot(*store, 0);
    CHECK(before->statement_count() == 0);
    CHECK(count(*before, "SELECT count(*) FROM term WHERE kind = 1") == 0);

    // Undoing the load is refused while the edit depends on its facts; after the edit is
    // undone, the load can be.
    store->begin(true);
    CHECK_THROWS_WITH(storage::undo(*store, load),
                      Catch::Contains("later transactions changed the same facts") &&
                          Catch::Contains(std::to_string(edit) + " ("));
    store->rollback();
    store->begin(true);
    storage::undo(*store, edit);
    store->commit();
    store->begin(true);
    auto undone = storage::undo(*store, load);
    store->commit();
    CHECK(undone.retracted == 5);
    CHECK(store->statement_count() == 0);
    CHECK(count(*store, "SELECT count(*) FROM term WHERE kind = 1") == 0);
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
