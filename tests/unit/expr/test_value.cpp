// Value rendering (to_cypher) and type names.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "expr_fixture.h"

using namespace meninx;
using meninx::test::vlist;

TEST_CASE("type_name gives the openCypher type names", "[value]") {
    CHECK(type_name(ValueType::Null) == "NULL");
    CHECK(type_name(ValueType::Bool) == "BOOLEAN");
    CHECK(type_name(ValueType::Int) == "INTEGER");
    CHECK(type_name(ValueType::Float) == "FLOAT");
    CHECK(type_name(ValueType::String) == "STRING");
    CHECK(type_name(ValueType::List) == "LIST");
    CHECK(type_name(ValueType::Map) == "MAP");
    CHECK(type_name(ValueType::Node) == "NODE");
    CHECK(type_name(ValueType::Relationship) == "RELATIONSHIP");
    CHECK(type_name(ValueType::Path) == "PATH");
}

TEST_CASE("scalars render as Cypher literals", "[value]") {
    CHECK(Value().to_cypher() == "null");
    CHECK(Value(true).to_cypher() == "true");
    CHECK(Value(false).to_cypher() == "false");
    CHECK(Value(int64_t{-42}).to_cypher() == "-42");
    CHECK(Value(std::numeric_limits<int64_t>::min()).to_cypher() == "-9223372036854775808");
    CHECK(Value("it's").to_cypher() == "'it\\'s'");
    CHECK(Value("a\\b\nc").to_cypher() == "'a\\\\b\\nc'");
}

TEST_CASE("floats always show a point or an exponent", "[value]") {
    CHECK(Value(1.0).to_cypher() == "1.0");
    CHECK(Value(0.1).to_cypher() == "0.1");
    CHECK(Value(-0.5).to_cypher() == "-0.5");
    CHECK(Value(0.0).to_cypher() == "0.0");
    CHECK(Value(1000000000.0).to_cypher() == "1000000000.0");
    CHECK(Value(3985764.3405892686).to_cypher() == "3985764.3405892686");
    CHECK(Value(0.000001).to_cypher() == "0.000001");
    CHECK(Value(1.2635418652381264e305).to_cypher() == "1.2635418652381264e305");
    CHECK(Value(-1e-305).to_cypher() == "-1e-305");
    CHECK(Value(std::nan("")).to_cypher() == "NaN");
    CHECK(Value(std::numeric_limits<double>::infinity()).to_cypher() == "Infinity");
    CHECK(Value(-std::numeric_limits<double>::infinity()).to_cypher() == "-Infinity");
}

TEST_CASE("lists and maps render recursively", "[value]") {
    CHECK(vlist({1, 2}).to_cypher() == "[1, 2]");
    CHECK(Value(List{}).to_cypher() == "[]");
    CHECK(vlist({Value(), "x", vlist({1.5})}).to_cypher() == "[null, 'x', [1.5]]");
    CHECK(Value(Map{{"b", "x"}, {"a", 1}}).to_cypher() == "{a: 1, b: 'x'}");
    CHECK(Value(Map{}).to_cypher() == "{}");
    CHECK(Value(Map{{"two words", 1}}).to_cypher() == "{`two words`: 1}");
}

TEST_CASE("nodes, relationships and paths render with labels and properties", "[value]") {
    Node a{1, {"A", "B"}, std::make_shared<const Map>(Map{{"k", "v"}})};
    Node b{2, {}, std::make_shared<const Map>()};
    Node c{3, {"C"}, nullptr};
    CHECK(Value(a).to_cypher() == "(:A:B {k: 'v'})");
    CHECK(Value(b).to_cypher() == "()");
    Node d{4, {}, std::make_shared<const Map>(Map{{"n", 1}})};
    CHECK(Value(d).to_cypher() == "({n: 1})");
    Relationship t{10, 1, 2, "T", std::make_shared<const Map>(Map{{"w", 0.5}})};
    Relationship u{11, 3, 2, "U", nullptr};
    CHECK(Value(t).to_cypher() == "[:T {w: 0.5}]");
    CHECK(Value(u).to_cypher() == "[:U]");
    Path p{{a, b, c}, {t, u}};
    CHECK(Value(p).to_cypher() == "<(:A:B {k: 'v'})-[:T {w: 0.5}]->()<-[:U]-(:C)>");
    CHECK(Value(Path{{c}, {}}).to_cypher() == "<(:C)>");
}
