// Transactions: a failed write leaves nothing, savepoints nest, and bulk loads are all or
// nothing.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "unit/storage/storage_test_support.h"

using namespace meninx;
using meninx::storage::SqliteStore;
using meninx::storage::testing::open_memory;
using meninx::storage::testing::TempDir;

namespace {

int64_t stmt_index_count(SqliteStore& store) {
    auto q = store.prepare(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'stmt'");
    REQUIRE(q->step());
    return q->get_int(0);
}

bool has_index(SqliteStore& store, const std::string& name) {
    auto q = store.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1");
    q->bind(1, name);
    return q->step();
}

std::string journal_mode(SqliteStore& store) {
    auto q = store.prepare("PRAGMA journal_mode");
    REQUIRE(q->step());
    return q->get_text(0);
}

}  // namespace

TEST_CASE("A failing write inside a transaction leaves nothing after rollback",
          "[storage][transactions]") {
    auto store = open_memory();
    int64_t terms = store->term_count();
    store->begin(true);
    CHECK(store->in_transaction());
    TermId node = store->intern(Term{TermKind::Node, Value()});
    store->add(node, Store::kLabelPredicate, store->intern(Term{TermKind::Label, Value("Drug")}));
    // The reserved term's id is taken: this insert fails.
    CHECK_THROWS_AS(store->execute("INSERT INTO term(id, kind, value) VALUES (1, 2, 'X')"),
                    Exception);
    store->rollback();
    CHECK_FALSE(store->in_transaction());
    CHECK(store->statement_count() == 0);
    CHECK(store->term_count() == terms);
    CHECK_FALSE(store->find(Term{TermKind::Label, Value("Drug")}).has_value());
}

TEST_CASE("Writes outside a transaction commit one by one", "[storage][transactions]") {
    auto store = open_memory();
    TermId node = store->intern(Term{TermKind::Node, Value()});
    store->add(node, Store::kLabelPredicate, store->intern(Term{TermKind::Label, Value("A")}));
    CHECK_FALSE(store->in_transaction());
    CHECK(store->statement_count() == 1);
    // A failing single write does not leave a transaction open.
    CHECK_THROWS(store->intern(Term{TermKind::Label, Value(List{})}));
    CHECK_FALSE(store->in_transaction());
}

TEST_CASE("Savepoints roll back part of a transaction", "[storage][transactions]") {
    auto store = open_memory();
    TermId node = store->intern(Term{TermKind::Node, Value()});
    TermId key = store->intern(Term{TermKind::PropertyKey, Value("k")});
    store->begin(true);
    store->add(node, key, store->intern(SqliteStore::literal(Value(int64_t{1}))));
    store->savepoint("step");
    store->add(node, key, store->intern(SqliteStore::literal(Value(int64_t{2}))));
    CHECK(store->statement_count() == 2);
    store->rollback_to("step");
    store->release("step");
    CHECK(store->in_transaction());
    store->commit();
    CHECK(store->statement_count() == 1);
    CHECK_THROWS_AS(store->savepoint("bad name; DROP TABLE stmt"), Exception);
    store->begin(false);
    CHECK_THROWS_AS(store->begin(false), Exception);
    store->rollback();
    CHECK_THROWS_AS(store->commit(), Exception);
}

TEST_CASE("A bulk load commits everything at once and keeps the indexes",
          "[storage][transactions][bulk]") {
    TempDir dir;
    auto store = SqliteStore::open(dir.file("bulk.meninx"), {});
    int64_t indexes = stmt_index_count(*store);
    REQUIRE(indexes == 3);
    TermId existing = store->intern(Term{TermKind::Label, Value("Gene")});
    {
        auto bulk = store->bulk_loader();
        CHECK_THROWS_AS(store->bulk_loader(), Exception);
        CHECK(bulk->intern(Term{TermKind::Label, Value("Gene")}) == existing);
        TermId name = bulk->intern(Term{TermKind::PropertyKey, Value("name")});
        CHECK(bulk->intern(Term{TermKind::PropertyKey, Value("name")}) == name);
        for (int i = 0; i < 1000; ++i) {
            TermId node = bulk->intern(Term{TermKind::Node, Value()});
            bulk->add(node, Store::kLabelPredicate, existing);
            bulk->add(node, name,
                      bulk->intern(SqliteStore::literal(Value("g" + std::to_string(i % 10)))));
        }
        bulk->commit();
        CHECK_THROWS_AS(bulk->add(1, 1, 1), Exception);
    }
    CHECK_FALSE(store->in_transaction());
    CHECK(store->statement_count() == 2000);
    CHECK(stmt_index_count(*store) == indexes);
    CHECK(has_index(*store, "term_by_value"));
    CHECK(journal_mode(*store) == "wal");
    // Literal terms stayed canonical: ten names, each once.
    auto q = store->prepare("SELECT count(*) FROM term WHERE kind = 13");
    REQUIRE(q->step());
    CHECK(q->get_int(0) == 10);
    // A second load into the non-empty store.
    auto again = store->bulk_loader();
    TermId g3 = again->intern(SqliteStore::literal(Value("g3")));
    CHECK(store->find(SqliteStore::literal(Value("g3"))) == g3);
    again->commit();
}

TEST_CASE("A bulk load that does not commit leaves nothing", "[storage][transactions][bulk]") {
    TempDir dir;
    auto store = SqliteStore::open(dir.file("abandoned.meninx"), {});
    int64_t terms = store->term_count();
    try {
        auto bulk = store->bulk_loader();
        for (int i = 0; i < 100; ++i) {
            bulk->add(bulk->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
                      bulk->intern(Term{TermKind::Label, Value("L" + std::to_string(i))}));
        }
        throw std::runtime_error("the input file is malformed");
    } catch (const std::runtime_error&) {
    }
    CHECK_FALSE(store->in_transaction());
    CHECK(store->statement_count() == 0);
    CHECK(store->term_count() == terms);
    CHECK(stmt_index_count(*store) == 3);
    CHECK(has_index(*store, "term_by_value"));
    CHECK(journal_mode(*store) == "wal");
    // A term whose value does not fit its kind is refused and ends nothing by itself.
    {
        auto bulk = store->bulk_loader();
        CHECK_THROWS_AS(bulk->intern(Term{TermKind::Label, Value(int64_t{1})}), Exception);
    }
    CHECK(store->term_count() == terms);
    // The store is usable afterwards, and a new load may start.
    auto bulk = store->bulk_loader();
    bulk->add(bulk->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
              bulk->intern(Term{TermKind::Label, Value("L")}));
    bulk->commit();
    CHECK(store->statement_count() == 1);
}

TEST_CASE("Ids handed out by a bulk load are the ids stored", "[storage][transactions][bulk]") {
    for (bool fresh : {true, false}) {
        auto store = open_memory();
        TermId before = 0;
        if (!fresh) {
            before = store->intern(Term{TermKind::Node, Value()});
            store->add(before, Store::kLabelPredicate,
                       store->intern(Term{TermKind::Label, Value("Old")}));
        }
        std::vector<Statement> added;
        {
            auto bulk = store->bulk_loader();
            TermId label = bulk->intern(Term{TermKind::Label, Value("Old")});
            for (int i = 0; i < 300; ++i) {
                TermId node = bulk->intern(Term{TermKind::Node, Value()});
                TermId value = bulk->intern(SqliteStore::literal(Value(int64_t{i % 7})));
                StatementId id = bulk->add(node, label, value);
                added.push_back(Statement{id, node, label, value});
            }
            bulk->commit();
        }
        INFO("fresh store: " << fresh);
        for (const Statement& st : added) {
            StatementPattern pattern;
            pattern.subject = st.subject;
            std::vector<Statement> found;
            store->match(pattern, [&](const Statement& s) {
                found.push_back(s);
                return true;
            });
            REQUIRE(found.size() == 1);
            CHECK(found[0].id == st.id);
            CHECK(found[0].predicate == st.predicate);
            CHECK(store->term(st.object).value.as_int() ==
                  static_cast<int64_t>((&st - added.data()) % 7));
            CHECK(store->term(st.subject).kind == TermKind::Node);
        }
        CHECK(store->find(Term{TermKind::Label, Value("Old")}) == added[0].predicate);
    }
}

TEST_CASE("A bulk load inside an open transaction is a savepoint of it",
          "[storage][transactions][bulk]") {
    auto store = open_memory();
    store->begin(true);
    TermId node = store->intern(Term{TermKind::Node, Value()});
    {
        auto bulk = store->bulk_loader();
        bulk->add(node, Store::kLabelPredicate, bulk->intern(Term{TermKind::Label, Value("X")}));
    }
    CHECK(store->in_transaction());
    CHECK(store->statement_count() == 0);
    {
        auto bulk = store->bulk_loader();
        bulk->add(node, Store::kLabelPredicate, bulk->intern(Term{TermKind::Label, Value("Y")}));
        bulk->commit();
    }
    CHECK(store->statement_count() == 1);
    store->rollback();
    CHECK(store->statement_count() == 0);
}

TEST_CASE("data_version changes when another connection commits", "[storage][transactions]") {
    TempDir dir;
    std::string path = dir.file("shared.meninx");
    auto reader = SqliteStore::open(path, {});
    auto writer = SqliteStore::open(path, {});
    int64_t before = reader->data_version();
    CHECK(reader->data_version() == before);
    writer->intern(Term{TermKind::Label, Value("Changed")});
    CHECK(reader->data_version() != before);
    CHECK(reader->find(Term{TermKind::Label, Value("Changed")}).has_value());
}

TEST_CASE("A bulk load into an empty file another connection has open stays in WAL mode",
          "[storage][transactions][bulk]") {
    TempDir dir;
    std::string path = dir.file("two.meninx");
    OpenOptions options;
    options.busy_timeout = std::chrono::milliseconds(2000);
    auto loader_store = SqliteStore::open(path, options);
    auto other = SqliteStore::open(path, options);
    CHECK(other->statement_count() == 0);
    auto start = std::chrono::steady_clock::now();
    {
        auto bulk = loader_store->bulk_loader();
        bulk->add(bulk->intern(Term{TermKind::Node, Value()}), Store::kLabelPredicate,
                  bulk->intern(Term{TermKind::Label, Value("Shared")}));
        bulk->commit();
    }
    // No waiting for the other connection to let go of the file.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1000));
    CHECK(journal_mode(*loader_store) == "wal");
    CHECK(other->statement_count() == 1);
}

TEST_CASE("A bulk load gives the connection its cache size back", "[storage][transactions][bulk]") {
    auto store = open_memory();
    store->execute("PRAGMA cache_size=-1234");
    {
        auto bulk = store->bulk_loader();
        bulk->intern(Term{TermKind::Label, Value("A")});
        bulk->commit();
    }
    {
        auto abandoned = store->bulk_loader();
        abandoned->intern(Term{TermKind::Label, Value("B")});
    }
    auto q = store->prepare("PRAGMA cache_size");
    REQUIRE(q->step());
    CHECK(q->get_int(0) == -1234);
}

TEST_CASE("A second writer waits for the busy timeout, then fails with a clear error",
          "[storage][transactions]") {
    TempDir dir;
    std::string path = dir.file("busy.meninx");
    auto first = SqliteStore::open(path, {});
    OpenOptions impatient;
    impatient.busy_timeout = std::chrono::milliseconds(100);
    auto second = SqliteStore::open(path, impatient);
    first->begin(true);
    first->intern(Term{TermKind::Label, Value("First")});
    auto start = std::chrono::steady_clock::now();
    try {
        second->begin(true);
        FAIL("the second writer got the lock");
    } catch (const Exception& e) {
        CHECK(e.error().kind == ErrorKind::Storage);
        CHECK_THAT(e.error().message, Catch::Contains("locked"));
    }
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(90));
    CHECK_FALSE(second->in_transaction());
    // Readers are not blocked by the writer and see the last commit.
    CHECK_FALSE(second->find(Term{TermKind::Label, Value("First")}).has_value());
    first->commit();
    second->intern(Term{TermKind::Label, Value("Second")});
    CHECK(first->find(Term{TermKind::Label, Value("Second")}).has_value());
}

TEST_CASE("A directory is not a database file", "[storage][migrations]") {
    TempDir dir;
    CHECK_THROWS_WITH(SqliteStore::open(dir.path().string(), {}),
                      Catch::Contains("is a directory"));
}
