// The term dictionary: canonical ids per kind and value, typed literals, lists and maps.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "unit/storage/storage_test_support.h"

using namespace meninx;
using meninx::storage::SqliteStore;
using meninx::storage::testing::open_memory;

TEST_CASE("Names and literals get one id per kind and value", "[storage][dictionary]") {
    auto store = open_memory();
    TermId label = store->intern(Term{TermKind::Label, Value("Drug")});
    CHECK(store->intern(Term{TermKind::Label, Value("Drug")}) == label);
    CHECK(store->find(Term{TermKind::Label, Value("Drug")}) == label);
    // The same text under another kind is another term.
    TermId key = store->intern(Term{TermKind::PropertyKey, Value("Drug")});
    TermId text = store->intern(SqliteStore::literal(Value("Drug")));
    CHECK(key != label);
    CHECK(text != label);
    CHECK(text != key);
    CHECK_FALSE(store->find(Term{TermKind::RelationshipType, Value("Drug")}).has_value());
    CHECK(store->term(label).kind == TermKind::Label);
    CHECK(store->term(label).value.as_string() == "Drug");
}

TEST_CASE("1, 1.0, '1' and true are four distinct terms that keep their types",
          "[storage][dictionary]") {
    auto store = open_memory();
    TermId i = store->intern(SqliteStore::literal(Value(int64_t{1})));
    TermId f = store->intern(SqliteStore::literal(Value(1.0)));
    TermId s = store->intern(SqliteStore::literal(Value("1")));
    TermId b = store->intern(SqliteStore::literal(Value(true)));
    std::set<TermId> ids{i, f, s, b};
    CHECK(ids.size() == 4);

    Term ti = store->term(i);
    REQUIRE(ti.value.is_int());
    CHECK(ti.kind == TermKind::Int);
    CHECK(ti.value.as_int() == 1);
    Term tf = store->term(f);
    REQUIRE(tf.value.is_float());
    CHECK(tf.value.as_float() == 1.0);
    Term ts = store->term(s);
    REQUIRE(ts.value.is_string());
    CHECK(ts.value.as_string() == "1");
    Term tb = store->term(b);
    REQUIRE(tb.value.is_bool());
    CHECK(tb.value.as_bool());
    // Interning again finds the same ids.
    CHECK(store->intern(SqliteStore::literal(Value(int64_t{1}))) == i);
    CHECK(store->intern(SqliteStore::literal(Value(1.0))) == f);
    CHECK(store->intern(SqliteStore::literal(Value(true))) == b);
    CHECK(store->intern(SqliteStore::literal(Value(false))) != b);
}

TEST_CASE("Every node term is a new node", "[storage][dictionary]") {
    auto store = open_memory();
    TermId a = store->intern(Term{TermKind::Node, Value()});
    TermId b = store->intern(Term{TermKind::Node, Value()});
    CHECK(a != b);
    CHECK_FALSE(store->find(Term{TermKind::Node, Value()}).has_value());
    CHECK(store->term(a).kind == TermKind::Node);
    CHECK(store->term(a).value.is_null());
}

TEST_CASE("Lists and maps are canonical and round-trip with their element types",
          "[storage][dictionary]") {
    auto store = open_memory();
    Value list(List{Value(int64_t{1}), Value(2.5), Value("x"), Value(true), Value(),
                    Value(List{Value(3.0)})});
    TermId id = store->intern(SqliteStore::literal(list));
    CHECK(store->intern(SqliteStore::literal(list)) == id);
    Term back = store->term(id);
    CHECK(back.kind == TermKind::List);
    REQUIRE(back.value.is_list());
    const List& items = back.value.as_list();
    REQUIRE(items.size() == 6);
    CHECK(items[0].is_int());
    CHECK(items[1].is_float());
    CHECK(items[1].as_float() == 2.5);
    CHECK(items[2].as_string() == "x");
    CHECK(items[3].as_bool());
    CHECK(items[4].is_null());
    REQUIRE(items[5].is_list());
    CHECK(items[5].as_list()[0].is_float());

    // [1] and [1.0] differ; maps compare by content whatever the insertion order.
    CHECK(store->intern(SqliteStore::literal(Value(List{Value(int64_t{1})}))) !=
          store->intern(SqliteStore::literal(Value(List{Value(1.0)}))));
    Map m1;
    m1.emplace("b", Value(int64_t{2}));
    m1.emplace("a", Value("one"));
    Map m2;
    m2.emplace("a", Value("one"));
    m2.emplace("b", Value(int64_t{2}));
    TermId map_id = store->intern(SqliteStore::literal(Value(m1)));
    CHECK(store->intern(SqliteStore::literal(Value(m2))) == map_id);
    Term map_back = store->term(map_id);
    CHECK(map_back.kind == TermKind::Map);
    CHECK(map_back.value.as_map().at("b").as_int() == 2);
    // A list of one string is not the string.
    CHECK(store->intern(SqliteStore::literal(Value(List{Value("a")}))) !=
          store->intern(SqliteStore::literal(Value("a"))));
}

TEST_CASE("Values that are not literals are refused", "[storage][dictionary]") {
    CHECK_THROWS_AS(SqliteStore::literal(Value()), Exception);
    CHECK_THROWS_AS(SqliteStore::literal(Value(Node{})), Exception);
    CHECK_THROWS_AS(SqliteStore::literal(Value(List{Value(Node{})})), Exception);
    auto store = open_memory();
    // A kind that does not fit its value.
    CHECK_THROWS_AS(store->intern(Term{TermKind::Label, Value(int64_t{3})}), Exception);
    CHECK_THROWS_AS(store->term(987654), Exception);
}

TEST_CASE("Floats keep their value, including NaN and infinities", "[storage][dictionary]") {
    auto store = open_memory();
    TermId nan = store->intern(SqliteStore::literal(Value(std::nan(""))));
    CHECK(store->intern(SqliteStore::literal(Value(std::nan("")))) == nan);
    CHECK(std::isnan(store->term(nan).value.as_float()));
    TermId inf = store->intern(SqliteStore::literal(Value(HUGE_VAL)));
    CHECK(std::isinf(store->term(inf).value.as_float()));
    TermId third = store->intern(SqliteStore::literal(Value(1.0 / 3.0)));
    CHECK(store->term(third).value.as_float() == 1.0 / 3.0);
}

TEST_CASE("Stored literals compare by type in SQL: numbers numerically, strings binary",
          "[storage][dictionary]") {
    auto store = open_memory();
    for (Value v : {Value(int64_t{10}), Value(9.5), Value(int64_t{2}), Value("10"), Value("9"),
                    Value("a"), Value("B")}) {
        store->intern(SqliteStore::literal(v));
    }
    auto& numbers =
        store->cached("SELECT value FROM term WHERE kind IN (11, 12) AND value > 5 ORDER BY value");
    std::vector<double> found;
    while (numbers.step()) found.push_back(numbers.get_double(0));
    numbers.reset();
    CHECK(found == std::vector<double>{9.5, 10.0});
    auto& strings = store->cached("SELECT value FROM term WHERE kind = 13 ORDER BY value");
    std::vector<std::string> texts;
    while (strings.step()) texts.push_back(strings.get_text(0));
    strings.reset();
    CHECK(texts == std::vector<std::string>{"10", "9", "B", "a"});
}
