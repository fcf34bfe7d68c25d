// The statement store: add, remove, match with every combination of bound positions, and index
// seeks for every pattern with a bound position.
#include <catch2/catch.hpp>
#include <set>
#include <tuple>

#include "unit/storage/storage_test_support.h"

using namespace meninx;
using meninx::storage::SqliteStore;
using meninx::storage::testing::open_memory;

namespace {

using Triple = std::tuple<TermId, TermId, TermId>;

std::multiset<Triple> matching(const SqliteStore& store, const StatementPattern& pattern) {
    std::multiset<Triple> out;
    store.match(pattern, [&](const Statement& st) {
        out.emplace(st.subject, st.predicate, st.object);
        return true;
    });
    return out;
}

}  // namespace

TEST_CASE("Statements are added, matched by any bound positions and removed",
          "[storage][statements]") {
    auto store = open_memory();
    TermId a = store->intern(Term{TermKind::Node, Value()});
    TermId b = store->intern(Term{TermKind::Node, Value()});
    TermId c = store->intern(Term{TermKind::Node, Value()});
    TermId knows = store->intern(Term{TermKind::RelationshipType, Value("KNOWS")});
    TermId likes = store->intern(Term{TermKind::RelationshipType, Value("LIKES")});
    std::vector<Triple> all = {{a, knows, b}, {a, likes, b}, {a, knows, c},
                               {b, knows, c}, {c, likes, a}, {a, knows, b}};
    std::vector<StatementId> ids;
    for (auto [s, p, o] : all) ids.push_back(store->add(s, p, o));
    CHECK(std::set<StatementId>(ids.begin(), ids.end()).size() == all.size());
    CHECK(store->statement_count() == 6);

    // Every combination of bound positions against a filter over all statements.
    for (int shape = 0; shape < 8; ++shape) {
        for (auto [s, p, o] : all) {
            StatementPattern pattern;
            if (shape & 4) pattern.subject = s;
            if (shape & 2) pattern.predicate = p;
            if (shape & 1) pattern.object = o;
            std::multiset<Triple> expected;
            for (auto t : all) {
                if ((shape & 4) && std::get<0>(t) != s) continue;
                if ((shape & 2) && std::get<1>(t) != p) continue;
                if ((shape & 1) && std::get<2>(t) != o) continue;
                expected.insert(t);
            }
            INFO("shape " << shape);
            CHECK(matching(*store, pattern) == expected);
        }
    }
    StatementPattern none_such;
    none_such.subject = c;
    none_such.predicate = knows;
    CHECK(matching(*store, none_such).empty());

    // Removing one of two equal statements leaves the other.
    CHECK(store->remove(ids[0]));
    CHECK_FALSE(store->remove(ids[0]));
    StatementPattern ab;
    ab.subject = a;
    ab.object = b;
    CHECK(matching(*store, ab) == std::multiset<Triple>{{a, likes, b}, {a, knows, b}});
    CHECK(store->statement_count() == 5);
}

TEST_CASE("A visitor can stop a match and match again while it runs", "[storage][statements]") {
    auto store = open_memory();
    TermId n = store->intern(Term{TermKind::Node, Value()});
    TermId key = store->intern(Term{TermKind::PropertyKey, Value("k")});
    for (int i = 0; i < 10; ++i) {
        store->add(n, key, store->intern(SqliteStore::literal(Value(int64_t{i}))));
    }
    StatementPattern by_subject;
    by_subject.subject = n;
    int seen = 0;
    int inner_total = 0;
    store->match(by_subject, [&](const Statement&) {
        store->match(by_subject, [&](const Statement&) {
            ++inner_total;
            return true;
        });
        return ++seen < 3;
    });
    CHECK(seen == 3);
    CHECK(inner_total == 30);
}

TEST_CASE("Every pattern with a bound position is a covering index seek", "[storage][statements]") {
    auto store = open_memory();
    for (int shape = 1; shape < 8; ++shape) {
        std::string sql =
            SqliteStore::match_sql((shape & 4) != 0, (shape & 2) != 0, (shape & 1) != 0);
        auto& plan = store->cached("EXPLAIN QUERY PLAN " + sql);
        std::string detail;
        int rows = 0;
        while (plan.step()) {
            detail += plan.get_text(3);
            ++rows;
        }
        plan.reset();
        INFO(sql << " -> " << detail);
        CHECK(rows == 1);
        CHECK(detail.find("SEARCH stmt USING COVERING INDEX") != std::string::npos);
    }
    // Dictionary lookups by kind and value use the unique index.
    auto& plan = store->cached(
        "EXPLAIN QUERY PLAN SELECT id FROM term WHERE kind = ?1 AND value = ?2 AND kind <> 1");
    REQUIRE(plan.step());
    std::string detail = plan.get_text(3);
    plan.reset();
    INFO(detail);
    CHECK(detail.find("USING COVERING INDEX term_by_value") != std::string::npos);
}

TEST_CASE("Query binds and reads every storage class", "[storage][statements]") {
    auto store = open_memory();
    auto q = store->prepare("SELECT ?1, ?2, ?3, ?4, ?5, ?6");
    q->bind(1, int64_t{42}).bind(2, 2.5).bind(3, "text").bind_null(4).bind(5, Value(true));
    q->bind(6, Value(std::string("v")));
    REQUIRE(q->step());
    CHECK(q->columns() == 6);
    CHECK(q->get_value(0).as_int() == 42);
    CHECK(q->get_value(1).as_float() == 2.5);
    CHECK(q->get_value(2).as_string() == "text");
    CHECK(q->get_value(3).is_null());
    CHECK(q->is_null(3));
    CHECK(q->get_text(3).empty());
    CHECK(q->get_int(4) == 1);
    CHECK(q->get_text(5) == "v");
    CHECK_FALSE(q->step());
    q->reset();
    CHECK_THROWS_AS(q->bind(1, Value(List{})), Exception);
    try {
        store->prepare("SELEC 1");
        FAIL("a syntax error must throw");
    } catch (const Exception& e) {
        CHECK(e.error().kind == ErrorKind::Storage);
        CHECK_THAT(e.error().message, Catch::Contains("SELEC 1"));
    }
}

TEST_CASE("Cached statements are shared and come back reset", "[storage][statements]") {
    auto store = open_memory();
    auto& q = store->cached("SELECT ?1");
    q.bind(1, int64_t{7});
    REQUIRE(q.step());
    auto& again = store->cached("SELECT ?1");
    CHECK(&again == &q);
    REQUIRE(again.step());
    CHECK(again.is_null(0));
    again.reset();
}
