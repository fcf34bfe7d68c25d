// Scalar functions through the evaluator: results, null handling and argument errors.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <optional>

#include "expr_fixture.h"
#include "function/function_registry.h"

using namespace meninx;
using namespace meninx::test;

namespace {

// Renders f(args...) evaluated with literal arguments.
std::string f(const std::string& name, std::vector<Value> args = {}) {
    std::vector<ExprPtr> exprs;
    for (Value& v : args) exprs.push_back(lit(std::move(v)));
    return eval(call(name, std::move(exprs))).to_cypher();
}

std::optional<ErrorKind> f_error(const std::string& name, std::vector<Value> args) {
    std::vector<ExprPtr> exprs;
    for (Value& v : args) exprs.push_back(lit(std::move(v)));
    return error_of(call(name, std::move(exprs)));
}

std::string f_message(const std::string& name, std::vector<Value> args) {
    std::vector<ExprPtr> exprs;
    for (Value& v : args) exprs.push_back(lit(std::move(v)));
    return message_of(call(name, std::move(exprs)));
}

FakeContext graph() {
    FakeContext ctx;
    ctx.nodes[1] = {{"Drug"}, Map{{"name", "osimertinib"}, {"year", 2015}}};
    ctx.nodes[2] = {{"Disease"}, Map{}};
    ctx.relationships[7] = {1, 2, "TREATS", Map{{"evidence", "review"}}};
    return ctx;
}

std::string g(FakeContext& ctx, const std::string& name, Value arg) {
    return eval(call(name, {var("x", 0)}), ctx, {std::move(arg)}).to_cypher();
}

}  // namespace

TEST_CASE("the registry finds functions case-insensitively", "[functions]") {
    int id = function::find_function("toupper");
    REQUIRE(id >= 0);
    CHECK(function::function_at(id).name == "toUpper");
    CHECK(function::find_function("TOUPPER") == id);
    CHECK(function::find_function("nope") == -1);
    CHECK(function::is_aggregate("COUNT"));
    CHECK(function::is_aggregate("percentileDisc"));
    CHECK_FALSE(function::is_aggregate("size"));
    auto names = function::function_names();
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(std::find(names.begin(), names.end(), "tolower") != names.end());
    CHECK(std::find(names.begin(), names.end(), "collect") != names.end());
    CHECK_THROWS_AS(function::function_at(100000), Exception);
}

TEST_CASE("graph functions", "[functions]") {
    FakeContext ctx = graph();
    Value n = ctx.node(1);
    Value r = ctx.relationship(7);
    CHECK(g(ctx, "id", n) == "1");
    CHECK(g(ctx, "id", r) == "7");
    CHECK(g(ctx, "elementId", n) == "'1'");
    CHECK(g(ctx, "elementId", Value()) == "null");
    CHECK(g(ctx, "id", Value()) == "null");
    CHECK(error_of(call("id", {lit(1)})) == ErrorKind::Type);
    CHECK(g(ctx, "labels", n) == "['Drug']");
    CHECK(error_of(call("labels", {lit(1)})) == ErrorKind::Type);
    CHECK(g(ctx, "type", r) == "'TREATS'");
    Relationship bare{7, 1, 2, "", nullptr};
    CHECK(g(ctx, "type", bare) == "'TREATS'");
    CHECK(error_of(call("type", {var("x", 0)}), ctx, {n}) == ErrorKind::Type);
    CHECK(g(ctx, "properties", n) == "{name: 'osimertinib', year: 2015}");
    CHECK(g(ctx, "properties", r) == "{evidence: 'review'}");
    CHECK(g(ctx, "properties", Map{{"a", 1}}) == "{a: 1}");
    CHECK(error_of(call("properties", {lit("x")})) == ErrorKind::Type);
    CHECK(g(ctx, "keys", n) == "['name', 'year']");
    CHECK(g(ctx, "keys", ctx.node(2)) == "[]");
    CHECK(g(ctx, "keys", Map{{"b", 1}, {"a", 2}}) == "['a', 'b']");
    CHECK(g(ctx, "startNode", r) == "()");
    CHECK(eval(call("id", {call("startNode", {var("x", 0)})}), ctx, {r}).as_int() == 1);
    CHECK(eval(call("id", {call("endNode", {var("x", 0)})}), ctx, {r}).as_int() == 2);
    Path p{{n.as_node(), ctx.node(2).as_node()}, {r.as_relationship()}};
    CHECK(g(ctx, "length", p) == "1");
    CHECK(g(ctx, "nodes", p) == "[(), ()]");
    CHECK(g(ctx, "relationships", p) == "[[:TREATS]]");
    CHECK(error_of(call("length", {lit("abc")})) == ErrorKind::Type);
    CHECK(error_of(call("nodes", {lit(vlist({}))})) == ErrorKind::Type);
}

TEST_CASE("list functions", "[functions]") {
    CHECK(f("size", {vlist({1, 2, 3})}) == "3");
    CHECK(f("size", {"héllo"}) == "5");
    CHECK(f("size", {Value()}) == "null");
    CHECK(f("char_length", {"héllo"}) == "5");
    CHECK(f("character_length", {"ab"}) == "2");
    CHECK(f_error("size", {1}) == ErrorKind::Type);
    CHECK(f("head", {vlist({1, 2})}) == "1");
    CHECK(f("head", {vlist({})}) == "null");
    CHECK(f("last", {vlist({1, 2})}) == "2");
    CHECK(f("last", {vlist({})}) == "null");
    CHECK(f("tail", {vlist({1, 2, 3})}) == "[2, 3]");
    CHECK(f("tail", {vlist({})}) == "[]");
    CHECK(f_error("head", {"abc"}) == ErrorKind::Type);
    CHECK(f("reverse", {vlist({1, 2, 3})}) == "[3, 2, 1]");
    CHECK(f("reverse", {"raksO"}) == "'Oskar'");
    CHECK(f("reverse", {"añb"}) == "'bña'");
    CHECK(f("coalesce", {Value(), Value(), 3, 4}) == "3");
    CHECK(f("coalesce", {Value()}) == "null");
    CHECK(f("isEmpty", {vlist({})}) == "true");
    CHECK(f("isEmpty", {""}) == "true");
    CHECK(f("isEmpty", {Map{{"a", 1}}}) == "false");
    CHECK(f("isEmpty", {Value()}) == "null");
    CHECK(f_error("isEmpty", {1}) == ErrorKind::Type);
}

TEST_CASE("range", "[functions]") {
    CHECK(f("range", {0, 3}) == "[0, 1, 2, 3]");
    CHECK(f("range", {0, 10, 3}) == "[0, 3, 6, 9]");
    CHECK(f("range", {3, 0, -1}) == "[3, 2, 1, 0]");
    CHECK(f("range", {0, 5, -1}) == "[]");
    CHECK(f("range", {5, 0}) == "[]");
    CHECK(f("range", {2, 2}) == "[2]");
    CHECK(f_error("range", {2, 8, 0}) == ErrorKind::Argument);
    CHECK(f_error("range", {true, 1, 1}) == ErrorKind::Argument);
    CHECK(f_error("range", {-1.1, 1, 1}) == ErrorKind::Argument);
    CHECK(f_error("range", {0, int64_t{1} << 40}) == ErrorKind::Argument);
    int64_t max = std::numeric_limits<int64_t>::max();
    CHECK(f("range", {max - 1, max}) == "[9223372036854775806, 9223372036854775807]");
}

TEST_CASE("string functions", "[functions]") {
    CHECK(f("toLower", {"ABC déF"}) == "'abc déf'");
    CHECK(f("toUpper", {"abc"}) == "'ABC'");
    CHECK(f("toUpper", {"lhermitte é ÿ ß × ł ж ω ς"}) == "'LHERMITTE É ÿ ß × Ł Ж Ω Σ'");
    CHECK(f("toLower", {"ÉÀÞ Ł Ą Ж Ѐ ΩΣ ×"}) == "'éàþ ł ą ж ѐ ωσ ×'");
    CHECK(f("toUpper", {Value()}) == "null");
    CHECK(f_message("toUpper", {1}) == "toUpper() expects a STRING, got INTEGER");
    CHECK(f("trim", {"  a b \t\n"}) == "'a b'");
    CHECK(f("ltrim", {"  a "}) == "'a '");
    CHECK(f("rtrim", {"  a "}) == "'  a'");
    CHECK(f_error("trim", {vlist({})}) == ErrorKind::Type);
    CHECK(f("substring", {"0123456789", 1}) == "'123456789'");
    CHECK(f("substring", {"0123456789", 1, 3}) == "'123'");
    CHECK(f("substring", {"0123", 10}) == "''");
    CHECK(f("substring", {"héllo", 1, 2}) == "'él'");
    CHECK(f("substring", {Value(), 1}) == "null");
    CHECK(f_error("substring", {"abc", -1}) == ErrorKind::Argument);
    CHECK(f_error("substring", {"abc", 0, -1}) == ErrorKind::Argument);
    CHECK(f_error("substring", {"abc", 1.0}) == ErrorKind::Type);
    CHECK(f("left", {"hello", 2}) == "'he'");
    CHECK(f("left", {"hello", 10}) == "'hello'");
    CHECK(f("right", {"hello", 2}) == "'lo'");
    CHECK(f("right", {"hello", 10}) == "'hello'");
    CHECK(f("left", {Value(), 2}) == "null");
    CHECK(f_error("right", {"hello", -1}) == ErrorKind::Argument);
    CHECK(f("replace", {"hello", "l", "L"}) == "'heLLo'");
    CHECK(f("replace", {"aaa", "aa", "b"}) == "'ba'");
    CHECK(f("replace", {"ab", "", "-"}) == "'-a-b-'");
    CHECK(f("replace", {"ab", Value(), "-"}) == "null");
    CHECK(f("split", {"one1two", "1"}) == "['one', 'two']");
    CHECK(f("split", {"a,,b,", ","}) == "['a', '', 'b', '']");
    CHECK(f("split", {"ab", ""}) == "['a', 'b']");
    CHECK(f("split", {Value(), ","}) == "null");
    CHECK(f_error("split", {1, ","}) == ErrorKind::Type);
}

TEST_CASE("conversion functions", "[functions]") {
    CHECK(f("toString", {42}) == "'42'");
    CHECK(f("toString", {2.3}) == "'2.3'");
    CHECK(f("toString", {4.0}) == "'4.0'");
    CHECK(f("toString", {true}) == "'true'");
    CHECK(f("toString", {"apa"}) == "'apa'");
    CHECK(f("toString", {Value()}) == "null");
    CHECK(f_error("toString", {vlist({})}) == ErrorKind::Type);
    CHECK(f_error("toString", {Map{}}) == ErrorKind::Type);
    CHECK(f("toInteger", {82.9}) == "82");
    CHECK(f("toInteger", {-2.9}) == "-2");
    CHECK(f("toInteger", {"42"}) == "42");
    CHECK(f("toInteger", {"1.7"}) == "1");
    CHECK(f("toInteger", {"foo"}) == "null");
    CHECK(f("toInteger", {""}) == "null");
    CHECK(f("toInteger", {true}) == "1");
    CHECK(f("toInteger", {1e30}) == "null");
    CHECK(f_error("toInteger", {vlist({})}) == ErrorKind::Type);
    CHECK(f("toFloat", {3}) == "3.0");
    CHECK(f("toFloat", {"5"}) == "5.0");
    CHECK(f("toFloat", {"1.5e3"}) == "1500.0");
    CHECK(f("toFloat", {"foo"}) == "null");
    CHECK(f("toFloat", {""}) == "null");
    CHECK(f_error("toFloat", {true}) == ErrorKind::Type);
    CHECK(f("toBoolean", {"true"}) == "true");
    CHECK(f("toBoolean", {"FALSE"}) == "false");
    CHECK(f("toBoolean", {" tru "}) == "null");
    CHECK(f("toBoolean", {0}) == "false");
    CHECK(f("toBoolean", {false}) == "false");
    CHECK(f_error("toBoolean", {1.0}) == ErrorKind::Type);
    CHECK(f("toBooleanOrNull", {1.0}) == "null");
    CHECK(f("toIntegerOrNull", {vlist({})}) == "null");
    CHECK(f("toFloatOrNull", {"2"}) == "2.0");
    CHECK(f("toStringOrNull", {Map{}}) == "null");
    CHECK(f("toStringList", {vlist({1, 1.5, vlist({}), Value(), true})}) ==
          "['1', '1.5', null, null, 'true']");
    CHECK(f("toIntegerList", {vlist({"7", 2.9, "x"})}) == "[7, 2, null]");
    CHECK(f("toFloatList", {vlist({1, "2.5", true})}) == "[1.0, 2.5, null]");
    CHECK(f("toBooleanList", {vlist({"true", 0, 1.0})}) == "[true, false, null]");
    CHECK(f("toIntegerList", {Value()}) == "null");
    CHECK(f_error("toFloatList", {"1"}) == ErrorKind::Type);
}

TEST_CASE("mathematical functions", "[functions]") {
    CHECK(f("abs", {-3}) == "3");
    CHECK(f("abs", {-3.5}) == "3.5");
    CHECK(f("abs", {Value()}) == "null");
    CHECK(f_error("abs", {std::numeric_limits<int64_t>::min()}) == ErrorKind::Argument);
    CHECK(f_error("abs", {"1"}) == ErrorKind::Type);
    CHECK(f("ceil", {1.2}) == "2.0");
    CHECK(f("ceil", {1}) == "1.0");
    CHECK(f("floor", {-1.2}) == "-2.0");
    CHECK(f("round", {2.5}) == "3.0");
    CHECK(f("round", {-2.5}) == "-2.0");
    CHECK(f("round", {3.14159, 2}) == "3.14");
    CHECK(f_error("round", {1.0, -1}) == ErrorKind::Argument);
    CHECK(f("sign", {-7}) == "-1");
    CHECK(f("sign", {0.0}) == "0");
    CHECK(f("sign", {2.5}) == "1");
    CHECK(f("isNaN", {std::nan("")}) == "true");
    CHECK(f("isNaN", {1}) == "false");
    CHECK(f_error("isNaN", {"NaN"}) == ErrorKind::Type);
    CHECK(f("sqrt", {16}) == "4.0");
    CHECK(f("sqrt", {-1}) == "NaN");
    CHECK(f("exp", {0}) == "1.0");
    CHECK(f("log", {1}) == "0.0");
    CHECK(f("log10", {1000}) == "3.0");
    CHECK(f("e") == Value(std::exp(1.0)).to_cypher());
    CHECK(f("pi") == Value(std::acos(-1.0)).to_cypher());
    CHECK(f("sin", {0}) == "0.0");
    CHECK(f("cos", {0}) == "1.0");
    CHECK(f("tan", {0}) == "0.0");
    CHECK(f("asin", {0}) == "0.0");
    CHECK(f("acos", {1}) == "0.0");
    CHECK(f("atan", {0}) == "0.0");
    CHECK(f("atan2", {0, 1}) == "0.0");
    CHECK(f("degrees", {std::acos(-1.0)}) == "180.0");
    CHECK(f("radians", {180}) == Value(std::acos(-1.0)).to_cypher());
    CHECK(f("haversin", {0}) == "0.0");
    CHECK(f_error("sin", {"0"}) == ErrorKind::Type);
    for (int i = 0; i < 20; ++i) {
        double r = eval(call("rand")).as_float();
        CHECK(r >= 0.0);
        CHECK(r < 1.0);
    }
}
