// Expressions: precedence, chains, literals, postfix operators and the compound forms.
#include <catch2/catch.hpp>

#include "parser_test_support.h"

using meninx::parser::testing::expression_of;
using meninx::parser::testing::sexpr;
namespace ast = meninx::ast;

TEST_CASE("Boolean operators bind OR < XOR < AND < NOT", "[parser][expr]") {
    CHECK(sexpr("a OR b XOR c AND d") == "(or a (xor b (and c d)))");
    CHECK(sexpr("NOT a AND b") == "(and (not a) b)");
    CHECK(sexpr("NOT NOT a") == "(not (not a))");
    CHECK(sexpr("a OR b OR c") == "(or (or a b) c)");
    CHECK(sexpr("NOT a = b") == "(not (= a b))");
    CHECK(sexpr("a and B Or c") == "(or (and a B) c)");
}

TEST_CASE("Comparisons bind looser than predicates and arithmetic", "[parser][expr]") {
    CHECK(sexpr("a + 1 = b * 2") == "(= (+ a 1) (* b 2))");
    CHECK(sexpr("a <> b") == "(<> a b)");
    CHECK(sexpr("a <= b") == "(<= a b)");
    CHECK(sexpr("a >= b") == "(>= a b)");
    CHECK(sexpr("a IN [1] = true") == "(= (in a [1]) true)");
    CHECK(sexpr("a STARTS WITH 'x' = b ENDS WITH 'y'") ==
          "(= (starts_with a 'x') (ends_with b 'y'))");
}

TEST_CASE("Comparison chains expand into ANDs sharing the middle operand", "[parser][expr]") {
    CHECK(sexpr("1 < 2 < 3") == "(and (< 1 2) (< 2 3))");
    CHECK(sexpr("a < b <= c > d") == "(and (and (< a b) (<= b c)) (> c d))");
    auto chain = expression_of("a < b + 1 < c");
    REQUIRE(chain->kind == ast::ExprKind::Binary);
    CHECK(chain->op == ast::Op::And);
    CHECK(chain->text == "a < b + 1 < c");
    CHECK(chain->children[0]->text == "a < b + 1");
    CHECK(chain->children[1]->text == "b + 1 < c");
    CHECK(chain->children[0]->children[1] == chain->children[1]->children[0]);
}

TEST_CASE("String, list and null predicates", "[parser][expr]") {
    CHECK(sexpr("a STARTS WITH 'x'") == "(starts_with a 'x')");
    CHECK(sexpr("a ENDS WITH 'x'") == "(ends_with a 'x')");
    CHECK(sexpr("a CONTAINS 'x'") == "(contains a 'x')");
    CHECK(sexpr("a =~ 'x.*'") == "(=~ a 'x.*')");
    CHECK(sexpr("a IN [1, 2]") == "(in a [1, 2])");
    CHECK(sexpr("a IS NULL") == "(is_null a)");
    CHECK(sexpr("a.b IS NOT NULL") == "(is_not_null (. a b))");
    CHECK(sexpr("a + 1 IN l") == "(in (+ a 1) l)");
    CHECK(sexpr("a IS NULL IS NULL") == "(is_null (is_null a))");
}

TEST_CASE("Arithmetic precedence and associativity", "[parser][expr]") {
    CHECK(sexpr("1 + 2 * 3") == "(+ 1 (* 2 3))");
    CHECK(sexpr("1 - 2 - 3") == "(- (- 1 2) 3)");
    CHECK(sexpr("8 / 4 % 3 * 2") == "(* (% (/ 8 4) 3) 2)");
    CHECK(sexpr("2 ^ 3 ^ 2") == "(^ (^ 2 3) 2)");
    CHECK(sexpr("2 * 3 ^ 2") == "(* 2 (^ 3 2))");
    CHECK(sexpr("-a ^ 2") == "(^ (neg a) 2)");
    CHECK(sexpr("-2 ^ 2") == "(^ -2 2)");
    CHECK(sexpr("+a") == "(pos a)");
    CHECK(sexpr("- -a") == "(neg (neg a))");
    CHECK(sexpr("(1 + 2) * 3") == "(* (+ 1 2) 3)");
    CHECK(sexpr("-a.b") == "(neg (. a b))");
}

TEST_CASE("Integer literals: decimal, hexadecimal, octal and the int64 range", "[parser][expr]") {
    auto value_of = [](const char* text) { return expression_of(text)->value; };
    CHECK(value_of("0").as_int() == 0);
    CHECK(value_of("42").as_int() == 42);
    CHECK(value_of("0x1F").as_int() == 31);
    CHECK(value_of("0XfF").as_int() == 255);
    CHECK(value_of("0o17").as_int() == 15);
    CHECK(value_of("9223372036854775807").as_int() == INT64_MAX);
    CHECK(value_of("-9223372036854775808").as_int() == INT64_MIN);
    CHECK(value_of("-0x8000000000000000").as_int() == INT64_MIN);
    CHECK(value_of("-0o1000000000000000000000").as_int() == INT64_MIN);
    auto negative = expression_of("-42");
    CHECK(negative->kind == ast::ExprKind::Literal);
    CHECK(negative->value.as_int() == -42);
    CHECK(negative->text == "-42");
    CHECK(negative->pos.column == 8);
}

TEST_CASE("Float literals in all their forms", "[parser][expr]") {
    auto value_of = [](const char* text) { return expression_of(text)->value; };
    CHECK(value_of("1.5").as_float() == 1.5);
    CHECK(value_of(".5").as_float() == 0.5);
    CHECK(value_of("1e3").as_float() == 1000.0);
    CHECK(value_of("1E-2").as_float() == 0.01);
    CHECK(value_of("2.5e+2").as_float() == 250.0);
    CHECK(value_of(".5e1").as_float() == 5.0);
    CHECK(value_of("-1.25").as_float() == -1.25);
    CHECK(value_of("1e-400").as_float() == 0.0);
    CHECK(value_of("1.0").is_float());
}

TEST_CASE("String literals with every escape", "[parser][expr]") {
    auto string_of = [](const char* text) { return expression_of(text)->value.as_string(); };
    CHECK(string_of("'abc'") == "abc");
    CHECK(string_of("\"abc\"") == "abc");
    CHECK(string_of(R"('it\'s')") == "it's");
    CHECK(string_of(R"("say \"hi\"")") == "say \"hi\"");
    CHECK(string_of(R"('a\\b')") == "a\\b");
    CHECK(string_of(R"('\n\t\r\b\f')") == "\n\t\r\b\f");
    CHECK(string_of(R"('\u00e9')") == "\xC3\xA9");
    CHECK(string_of(R"('\U0001F600')") == "\xF0\x9F\x98\x80");
    CHECK(string_of(R"('\uD83D\uDE00')") == "\xF0\x9F\x98\x80");
    CHECK(string_of("'two\nlines'") == "two\nlines");
    CHECK(string_of("'caf\xC3\xA9'") == "caf\xC3\xA9");
}

TEST_CASE("Other literals, parameters and variables", "[parser][expr]") {
    CHECK(expression_of("true")->value.as_bool() == true);
    CHECK(expression_of("FALSE")->value.as_bool() == false);
    CHECK(expression_of("null")->value.is_null());
    CHECK(sexpr("[1, 'a', [true]]") == "[1, 'a', [true]]");
    CHECK(sexpr("[]") == "[]");
    CHECK(sexpr("{a: 1, `b c`: 'x', match: null}") == "{a: 1, b c: 'x', match: null}");
    auto parameter = expression_of("$name");
    CHECK(parameter->kind == ast::ExprKind::Parameter);
    CHECK(parameter->name == "name");
    CHECK(expression_of("$0")->name == "0");
    CHECK(expression_of("$`odd name`")->name == "odd name");
    auto variable = expression_of("`weird``name`");
    CHECK(variable->kind == ast::ExprKind::Variable);
    CHECK(variable->name == "weird`name");
    CHECK(expression_of("count")->kind == ast::ExprKind::Variable);
}

TEST_CASE("Postfix operators: property, index, slice and label test", "[parser][expr]") {
    CHECK(sexpr("n.name") == "(. n name)");
    CHECK(sexpr("n.a.b") == "(. (. n a) b)");
    CHECK(sexpr("n.order") == "(. n order)");
    CHECK(sexpr("l[0]") == "(index l 0)");
    CHECK(sexpr("l[1..3]") == "(slice l 1 3)");
    CHECK(sexpr("l[..3]") == "(slice l _ 3)");
    CHECK(sexpr("l[1..]") == "(slice l 1 _)");
    CHECK(sexpr("l[0][1].x") == "(. (index (index l 0) 1) x)");
    CHECK(sexpr("n:Person") == "(labels n :Person)");
    CHECK(sexpr("n:A:B") == "(labels n :A:B)");
    CHECK(sexpr("{a: 1}.a") == "(. {a: 1} a)");
    auto property = expression_of("n . name");
    CHECK(property->kind == ast::ExprKind::Property);
    CHECK(property->name == "name");
    CHECK(property->text == "n . name");
}

TEST_CASE("Function calls, count(*) and DISTINCT", "[parser][expr]") {
    CHECK(sexpr("toUpper(x)") == "(call toUpper x)");
    CHECK(sexpr("coalesce(a, b, 1)") == "(call coalesce a b 1)");
    CHECK(sexpr("rand()") == "(call rand)");
    CHECK(sexpr("count(*)") == "(count*)");
    CHECK(sexpr("COUNT(*)") == "(count*)");
    CHECK(sexpr("count(DISTINCT x)") == "(call count distinct x)");
    CHECK(sexpr("db.labels()") == "(call db.labels)");
    CHECK(sexpr("duration.between(a, b)") == "(call duration.between a b)");
    auto call = expression_of("collect( DISTINCT n.name )");
    CHECK(call->kind == ast::ExprKind::FunctionCall);
    CHECK(call->distinct);
    CHECK(call->name == "collect");
    CHECK(call->text == "collect( DISTINCT n.name )");
}

TEST_CASE("CASE expressions, simple and generic", "[parser][expr]") {
    auto generic = expression_of("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END");
    CHECK(!generic->case_has_test);
    CHECK(generic->case_has_else);
    CHECK(generic->children.size() == 5);
    CHECK(sexpr("CASE WHEN a THEN 1 END") == "(case (when a 1))");
    auto simple = expression_of("CASE x WHEN 1 THEN 'a' END");
    CHECK(simple->case_has_test);
    CHECK(!simple->case_has_else);
    CHECK(sexpr("CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END") ==
          "(case x (when 1 'a') (when 2 'b') (else 'c'))");
}

TEST_CASE("List comprehensions, quantifiers and reduce", "[parser][expr]") {
    CHECK(sexpr("[x IN l WHERE x > 1 | x * 2]") == "(list_comp x l (> x 1) (* x 2))");
    CHECK(sexpr("[x IN l | x.name]") == "(list_comp x l _ (. x name))");
    CHECK(sexpr("[x IN l WHERE x]") == "(list_comp x l x _)");
    CHECK(sexpr("[x IN range(1, 3)]") == "(list_comp x (call range 1 3) _ _)");
    CHECK(sexpr("all(x IN l WHERE x > 0)") == "(all x l (> x 0))");
    CHECK(sexpr("any(x IN l WHERE x = 1)") == "(any x l (= x 1))");
    CHECK(sexpr("none(x IN l WHERE x)") == "(none x l x)");
    CHECK(sexpr("single(x IN l WHERE x)") == "(single x l x)");
    auto reduce = expression_of("reduce(acc = 0, x IN [1, 2] | acc + x)");
    CHECK(reduce->kind == ast::ExprKind::Reduce);
    CHECK(reduce->keys == std::vector<std::string>{"acc"});
    CHECK(reduce->name == "x");
    CHECK(meninx::ast::to_string(*reduce) == "(reduce acc 0 x [1, 2] (+ acc x))");
}

TEST_CASE("Patterns as expressions: predicates, comprehensions, EXISTS", "[parser][expr]") {
    CHECK(sexpr("(a)-[:KNOWS]->(b)") == "(pattern (a)-[:KNOWS]->(b))");
    CHECK(sexpr("(a)--()") == "(pattern (a)--())");
    CHECK(sexpr("NOT (a)<--(:X)") == "(not (pattern (a)<--(:X)))");
    CHECK(sexpr("[(a)-->(b) | b.name]") == "(pattern_comp (a)-->(b) _ (. b name))");
    CHECK(sexpr("[p = (a)-->(b) WHERE b.x > 1 | p]") ==
          "(pattern_comp p = (a)-->(b) (> (. b x) 1) p)");
    CHECK(sexpr("exists(n.name)") == "(exists (. n name))");
    CHECK(sexpr("EXISTS { (n)-->(m) }") == "(exists (n)-->(m))");
    CHECK(sexpr("exists { (n)-[:R]->(m) WHERE m.x = 1 }") ==
          "(exists (n)-[:R]->(m) (= (. m x) 1))");
    CHECK(sexpr("(a)") == "a");
}

TEST_CASE("Expressions record their exact text and position", "[parser][expr]") {
    auto statement = meninx::parser::parse("MATCH (n)\nRETURN  n.name ,\n  count( * ) AS c, (1+2)");
    const auto& items = statement.query.parts[0].clauses[1].projection.items;
    REQUIRE(items.size() == 3);
    CHECK(items[0].expression->text == "n.name");
    CHECK(items[0].alias == "n.name");
    CHECK(!items[0].has_alias);
    CHECK(items[0].expression->pos.line == 2);
    CHECK(items[0].expression->pos.column == 9);
    CHECK(items[1].expression->text == "count( * )");
    CHECK(items[1].alias == "c");
    CHECK(items[1].has_alias);
    CHECK(items[1].expression->pos.line == 3);
    CHECK(items[1].expression->pos.column == 3);
    CHECK(items[2].alias == "(1+2)");
    CHECK(items[2].expression->children[0]->text == "1");
}
