// Equality, comparability, orderability, equivalence and hashing of values.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "common/value_ops.h"
#include "expr_fixture.h"

using namespace meninx;
using meninx::test::same;
using meninx::test::vlist;
namespace ops = meninx::value_ops;

namespace {

const double kNaN = std::nan("");

Node node(int64_t id) { return Node{id, {}, nullptr}; }
Relationship rel(int64_t id) { return Relationship{id, 1, 2, "T", nullptr}; }

}  // namespace

TEST_CASE("= is three-valued", "[value_ops]") {
    CHECK(same(ops::equals(1, 1), true));
    CHECK(same(ops::equals(1, 2), false));
    CHECK(same(ops::equals(1, 1.0), true));
    CHECK(same(ops::equals(1, 1.5), false));
    CHECK(same(ops::equals(Value(), 1), Value()));
    CHECK(same(ops::equals(Value(), Value()), Value()));
    CHECK(same(ops::equals("a", "a"), true));
    CHECK(same(ops::equals("1", 1), false));
    CHECK(same(ops::equals(true, 1), false));
    CHECK(same(ops::equals(kNaN, kNaN), false));
}

TEST_CASE("= compares large integers and floats exactly", "[value_ops]") {
    int64_t big = (int64_t{1} << 53) + 1;
    CHECK(same(ops::equals(big, static_cast<double>(int64_t{1} << 53)), false));
    CHECK(same(ops::equals(int64_t{1} << 53, static_cast<double>(int64_t{1} << 53)), true));
    CHECK(same(ops::equals(std::numeric_limits<int64_t>::max(), 9223372036854775808.0), false));
}

TEST_CASE("= on lists and maps goes element by element", "[value_ops]") {
    CHECK(same(ops::equals(vlist({1, 2}), vlist({1, 2.0})), true));
    CHECK(same(ops::equals(vlist({1, 2}), vlist({1})), false));
    CHECK(same(ops::equals(vlist({1, Value()}), vlist({1, 2})), Value()));
    CHECK(same(ops::equals(vlist({1, Value()}), vlist({2, Value()})), false));
    CHECK(same(ops::equals(vlist({vlist({1})}), vlist({vlist({1})})), true));
    CHECK(same(ops::equals(Map{{"a", 1}}, Map{{"a", 1}}), true));
    CHECK(same(ops::equals(Map{{"a", 1}}, Map{{"b", 1}}), false));
    CHECK(same(ops::equals(Map{{"a", Value()}}, Map{{"a", 1}}), Value()));
    CHECK(same(ops::equals(Map{{"a", Value()}, {"b", 1}}, Map{{"a", 1}, {"b", 2}}), false));
}

TEST_CASE("= on graph values compares identities", "[value_ops]") {
    CHECK(same(ops::equals(node(1), node(1)), true));
    CHECK(same(ops::equals(node(1), node(2)), false));
    CHECK(same(ops::equals(rel(1), rel(1)), true));
    CHECK(same(ops::equals(node(1), rel(1)), false));
    Path p{{node(1), node(2)}, {rel(5)}};
    Path q{{node(1), node(2)}, {rel(6)}};
    CHECK(same(ops::equals(p, p), true));
    CHECK(same(ops::equals(p, q), false));
}

TEST_CASE("comparisons are null across types and false with NaN", "[value_ops]") {
    using ast::Op;
    CHECK(same(ops::compare(1, 3.14, Op::Lt), true));
    CHECK(same(ops::compare(1, 1.0, Op::Le), true));
    CHECK(same(ops::compare(1, 1.0, Op::Lt), false));
    CHECK(same(ops::compare("a", "b", Op::Lt), true));
    CHECK(same(ops::compare("b", "a", Op::Ge), true));
    CHECK(same(ops::compare(false, true, Op::Lt), true));
    CHECK(same(ops::compare("1", 1, Op::Lt), Value()));
    CHECK(same(ops::compare(Value(), 1, Op::Lt), Value()));
    CHECK(same(ops::compare(node(1), node(2), Op::Lt), Value()));
    CHECK(same(ops::compare(Map{}, Map{}, Op::Le), Value()));
    CHECK(same(ops::compare(kNaN, 1, Op::Gt), false));
    CHECK(same(ops::compare(kNaN, kNaN, Op::Ge), false));
    CHECK(same(ops::compare(kNaN, "a", Op::Lt), Value()));
}

TEST_CASE("lists compare lexicographically, null where an element decides", "[value_ops]") {
    using ast::Op;
    CHECK(same(ops::compare(vlist({1, 0}), vlist({1}), Op::Ge), true));
    CHECK(same(ops::compare(vlist({1, Value()}), vlist({1}), Op::Ge), true));
    CHECK(same(ops::compare(vlist({1, 2}), vlist({1, Value()}), Op::Ge), Value()));
    CHECK(same(ops::compare(vlist({1, "a"}), vlist({1, Value()}), Op::Ge), Value()));
    CHECK(same(ops::compare(vlist({1, 2}), vlist({3, Value()}), Op::Ge), false));
    CHECK(same(ops::compare(vlist({1, 2}), vlist({1, 3}), Op::Lt), true));
}

TEST_CASE("orderability sorts every type into one order", "[value_ops]") {
    std::vector<Value> values = {Value(),   1.5,   kNaN,    true,      "b",
                                 vlist({}), Map{}, node(1), rel(1),    Path{{node(1)}, {}},
                                 -3,        false, "a",     vlist({1})};
    std::sort(values.begin(), values.end(),
              [](const Value& a, const Value& b) { return ops::order_compare(a, b) < 0; });
    std::vector<std::string> rendered;
    for (const Value& v : values) rendered.push_back(v.to_cypher());
    std::vector<std::string> expected = {"{}",  "()",    "[:T]", "[]", "[1]", "<()>", "'a'",
                                         "'b'", "false", "true", "-3", "1.5", "NaN",  "null"};
    CHECK(rendered == expected);
    CHECK(ops::order_compare(1, 1.0) == 0);
    CHECK(ops::order_compare(2, 1.5) > 0);
    CHECK(ops::order_compare(Map{{"a", 1}}, Map{{"a", 2}}) < 0);
    CHECK(ops::order_compare(node(2), node(10)) < 0);
}

TEST_CASE("lists sort element by element, shorter first on a common prefix", "[value_ops]") {
    std::vector<Value> lists = {vlist({Value(), 2}), vlist({1, Value()}), vlist({"a", 1}),
                                vlist({1}),          vlist({}),           vlist({1, "a"}),
                                vlist({"a"}),        vlist({Value(), 1})};
    std::sort(lists.begin(), lists.end(),
              [](const Value& a, const Value& b) { return ops::order_compare(a, b) < 0; });
    std::vector<std::string> rendered;
    for (const Value& v : lists) rendered.push_back(v.to_cypher());
    std::vector<std::string> expected = {"[]",       "['a']",     "['a', 1]",  "[1]",
                                         "[1, 'a']", "[1, null]", "[null, 1]", "[null, 2]"};
    CHECK(rendered == expected);
}

TEST_CASE("equivalence groups nulls, NaNs and equal numbers", "[value_ops]") {
    CHECK(ops::equivalent(Value(), Value()));
    CHECK(ops::equivalent(kNaN, kNaN));
    CHECK(ops::equivalent(1, 1.0));
    CHECK(ops::equivalent(vlist({1, Value()}), vlist({1.0, Value()})));
    CHECK(ops::equivalent(Map{{"a", Value()}}, Map{{"a", Value()}}));
    CHECK_FALSE(ops::equivalent(Value(), 0));
    CHECK_FALSE(ops::equivalent(1, "1"));
    CHECK_FALSE(ops::equivalent(kNaN, 1.0));
    CHECK(ops::hash(1) == ops::hash(1.0));
    CHECK(ops::hash(vlist({1, 2})) == ops::hash(vlist({1.0, 2.0})));
    CHECK(ops::hash(Value()) == ops::hash(Value()));
    CHECK(ops::hash(kNaN) == ops::hash(-kNaN));
}

TEST_CASE("ValueHash and ValueEq key unordered sets by equivalence", "[value_ops]") {
    std::unordered_set<std::vector<Value>, ops::ValueHash, ops::ValueEq> keys;
    keys.insert({1, "a"});
    keys.insert({1.0, "a"});
    keys.insert({Value(), "a"});
    keys.insert({Value(), "a"});
    keys.insert({2, "a"});
    CHECK(keys.size() == 3);
}

TEST_CASE("arithmetic keeps integers, widens to floats and checks overflow", "[value_ops]") {
    using ast::Op;
    CHECK(same(ops::arithmetic(Op::Add, 1, 2), 3));
    CHECK(same(ops::arithmetic(Op::Add, 1, 2.0), 3.0));
    CHECK(same(ops::arithmetic(Op::Div, 7, 2), 3));
    CHECK(same(ops::arithmetic(Op::Div, -7, 2), -3));
    CHECK(same(ops::arithmetic(Op::Div, 7.0, 2), 3.5));
    CHECK(same(ops::arithmetic(Op::Mod, -7, 3), -1));
    CHECK(same(ops::arithmetic(Op::Mod, 7.5, 2), 1.5));
    CHECK(same(ops::arithmetic(Op::Pow, 2, 3), 8.0));
    CHECK(same(ops::arithmetic(Op::Sub, 1, Value()), Value()));
    CHECK(std::isinf(ops::arithmetic(Op::Div, 1.0, 0).as_float()));
    CHECK(std::isnan(ops::arithmetic(Op::Div, 0.0, 0.0).as_float()));
    int64_t max = std::numeric_limits<int64_t>::max();
    int64_t min = std::numeric_limits<int64_t>::min();
    auto kind = [](auto f) {
        try {
            f();
        } catch (const Exception& e) {
            return e.error().kind;
        }
        return ErrorKind::Internal;
    };
    CHECK(kind([&] { ops::arithmetic(Op::Add, max, 1); }) == ErrorKind::Argument);
    CHECK(kind([&] { ops::arithmetic(Op::Sub, min, 1); }) == ErrorKind::Argument);
    CHECK(kind([&] { ops::arithmetic(Op::Mul, max, 2); }) == ErrorKind::Argument);
    CHECK(kind([&] { ops::arithmetic(Op::Div, min, -1); }) == ErrorKind::Argument);
    CHECK(kind([&] { ops::arithmetic(Op::Div, 1, 0); }) == ErrorKind::Argument);
    CHECK(kind([&] { ops::arithmetic(Op::Mod, 1, 0); }) == ErrorKind::Argument);
    CHECK(kind([&] { ops::negate(min); }) == ErrorKind::Argument);
    CHECK(kind([&] { ops::arithmetic(Op::Sub, "a", 1); }) == ErrorKind::Type);
    CHECK(kind([&] { ops::arithmetic(Op::Add, true, 1); }) == ErrorKind::Type);
    CHECK(kind([&] { ops::negate("a"); }) == ErrorKind::Type);
    CHECK(same(ops::arithmetic(Op::Mod, min, -1), 0));
}

TEST_CASE("+ concatenates strings and lists", "[value_ops]") {
    using ast::Op;
    CHECK(same(ops::arithmetic(Op::Add, "a", "b"), "ab"));
    CHECK(same(ops::arithmetic(Op::Add, "a", 1), "a1"));
    CHECK(same(ops::arithmetic(Op::Add, 1.5, "a"), "1.5a"));
    CHECK(same(ops::arithmetic(Op::Add, "a", true), "atrue"));
    CHECK(same(ops::arithmetic(Op::Add, vlist({1}), vlist({2, 3})), vlist({1, 2, 3})));
    CHECK(same(ops::arithmetic(Op::Add, vlist({1}), "x"), vlist({1, "x"})));
    CHECK(same(ops::arithmetic(Op::Add, 0, vlist({1})), vlist({0, 1})));
    CHECK(same(ops::arithmetic(Op::Add, vlist({1}), vlist({})), vlist({1})));
}
