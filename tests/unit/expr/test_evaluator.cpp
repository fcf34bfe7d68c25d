// The expression evaluator: operators, null logic, access, CASE, comprehensions and errors.
#include <catch2/catch.hpp>
#include <cmath>

#include "expr_fixture.h"

using namespace meninx;
using namespace meninx::test;

namespace {

// Literal `true`, `false` and `null` by name, for the truth tables.
ExprPtr truth(const std::string& name) {
    if (name == "null") return lit(Value());
    return lit(name == "true");
}

std::string render(const Value& v) { return v.to_cypher(); }

FakeContext graph() {
    FakeContext ctx;
    ctx.nodes[1] = {{"Drug", "Entity"}, Map{{"name", "osimertinib"}, {"year", 2015}}};
    ctx.nodes[2] = {{"Disease"}, Map{{"name", "LM"}}};
    ctx.relationships[7] = {1, 2, "TREATS", Map{{"evidence", "review"}}};
    return ctx;
}

}  // namespace

TEST_CASE("AND, OR, XOR and NOT follow three-valued logic", "[evaluator]") {
    // a, b, AND, OR, XOR
    const char* table[][5] = {
        {"true", "true", "true", "true", "false"},  {"true", "false", "false", "true", "true"},
        {"true", "null", "null", "true", "null"},   {"false", "false", "false", "false", "false"},
        {"false", "null", "false", "null", "null"}, {"null", "null", "null", "null", "null"},
        {"false", "true", "false", "true", "true"}, {"null", "true", "null", "true", "null"},
        {"null", "false", "false", "null", "null"},
    };
    for (const auto& row : table) {
        INFO(row[0] << " op " << row[1]);
        CHECK(render(eval(bin(Op::And, truth(row[0]), truth(row[1])))) == row[2]);
        CHECK(render(eval(bin(Op::Or, truth(row[0]), truth(row[1])))) == row[3]);
        CHECK(render(eval(bin(Op::Xor, truth(row[0]), truth(row[1])))) == row[4]);
    }
    CHECK(render(eval(un(Op::Not, truth("true")))) == "false");
    CHECK(render(eval(un(Op::Not, truth("false")))) == "true");
    CHECK(render(eval(un(Op::Not, truth("null")))) == "null");
}

TEST_CASE("boolean operators reject non-boolean operands", "[evaluator]") {
    CHECK(error_of(bin(Op::And, lit(123), lit(true))) == ErrorKind::Type);
    CHECK(error_of(bin(Op::Or, lit(false), lit("x"))) == ErrorKind::Type);
    CHECK(error_of(bin(Op::Xor, lit(List{}), lit(Value()))) == ErrorKind::Type);
    CHECK(error_of(un(Op::Not, lit(0))) == ErrorKind::Type);
}

TEST_CASE("comparison operators", "[evaluator]") {
    CHECK(render(eval(bin(Op::Eq, lit(1), lit(1.0)))) == "true");
    CHECK(render(eval(bin(Op::Ne, lit(1), lit(2)))) == "true");
    CHECK(render(eval(bin(Op::Ne, lit(1), lit(Value())))) == "null");
    CHECK(render(eval(bin(Op::Lt, lit(1), lit(2)))) == "true");
    CHECK(render(eval(bin(Op::Ge, lit("a"), lit(1)))) == "null");
    CHECK(render(eval(bin(Op::Le, lit(2.5), lit(2)))) == "false");
}

TEST_CASE("arithmetic operators and unary minus", "[evaluator]") {
    CHECK(render(eval(bin(Op::Add, lit(1), lit(2)))) == "3");
    CHECK(render(eval(bin(Op::Sub, lit(1), lit(0.5)))) == "0.5");
    CHECK(render(eval(bin(Op::Mul, lit(4), lit(3)))) == "12");
    CHECK(render(eval(bin(Op::Div, lit(7), lit(2)))) == "3");
    CHECK(render(eval(bin(Op::Mod, lit(7), lit(2)))) == "1");
    CHECK(render(eval(bin(Op::Pow, lit(2), lit(10)))) == "1024.0");
    CHECK(render(eval(un(Op::Negate, lit(5)))) == "-5");
    CHECK(render(eval(un(Op::Negate, lit(Value())))) == "null");
    CHECK(render(eval(un(Op::Plus, lit(2.5)))) == "2.5");
    CHECK(error_of(un(Op::Plus, lit("a"))) == ErrorKind::Type);
    CHECK(error_of(bin(Op::Div, lit(1), lit(0))) == ErrorKind::Argument);
    CHECK(render(eval(bin(Op::Div, lit(1), lit(0.0)))) == "Infinity");
    CHECK(render(eval(bin(Op::Add, lit("n = "), lit(1)))) == "'n = 1'");
}

TEST_CASE("errors carry the position of the failing expression", "[evaluator]") {
    ExprPtr inner = bin(Op::Div, lit(1), lit(0));
    inner->pos = {3, 14};
    ExprPtr outer = bin(Op::Add, lit(1), inner);
    FakeContext ctx;
    expression::Row row;
    try {
        expression::evaluate(*outer, row, ctx);
        FAIL("no error");
    } catch (const Exception& e) {
        CHECK(e.error().kind == ErrorKind::Argument);
        CHECK(e.error().line == 3);
        CHECK(e.error().column == 14);
    }
}

TEST_CASE("string predicates and regular expressions", "[evaluator]") {
    CHECK(render(eval(bin(Op::StartsWith, lit("osimertinib"), lit("osi")))) == "true");
    CHECK(render(eval(bin(Op::StartsWith, lit("os"), lit("osi")))) == "false");
    CHECK(render(eval(bin(Op::EndsWith, lit("osimertinib"), lit("nib")))) == "true");
    CHECK(render(eval(bin(Op::EndsWith, lit("b"), lit("nib")))) == "false");
    CHECK(render(eval(bin(Op::Contains, lit("osimertinib"), lit("mer")))) == "true");
    CHECK(render(eval(bin(Op::Contains, lit("abc"), lit("")))) == "true");
    CHECK(render(eval(bin(Op::StartsWith, lit(1), lit("1")))) == "null");
    CHECK(render(eval(bin(Op::Contains, lit("a"), lit(Value())))) == "null");
    CHECK(render(eval(bin(Op::RegexMatch, lit("EGFR"), lit("[A-Z]+")))) == "true");
    CHECK(render(eval(bin(Op::RegexMatch, lit("EGFR mutant"), lit("[A-Z]+")))) == "false");
    CHECK(render(eval(bin(Op::RegexMatch, lit(1), lit(".*")))) == "null");
    CHECK(render(eval(bin(Op::RegexMatch, lit("Osimertinib"), lit("osi.*")))) == "false");
    CHECK(render(eval(bin(Op::RegexMatch, lit("Osimertinib"), lit("(?i)osi.*")))) == "true");
    CHECK(render(eval(bin(Op::RegexMatch, lit("a\nb"), lit(R"(a$\nb)")))) == "false");
    CHECK(render(eval(bin(Op::RegexMatch, lit("a\nB"), lit(R"((?im)a$\nb)")))) == "true");
    CHECK(error_of(bin(Op::RegexMatch, lit("a"), lit("("))) == ErrorKind::Argument);
}

TEST_CASE("regular expressions match long strings without exhausting the stack", "[evaluator]") {
    std::string long_text(60000, 'a');
    CHECK(render(eval(bin(Op::RegexMatch, lit(long_text), lit("(a|b)*")))) == "true");
    CHECK(render(eval(bin(Op::RegexMatch, lit(long_text + "c"), lit("(a|b)*")))) == "false");
    CHECK(error_of(bin(Op::RegexMatch, lit(std::string(100001, 'a')), lit("a*"))) ==
          ErrorKind::Argument);
}

TEST_CASE("IN is three-valued", "[evaluator]") {
    auto in = [](Value a, Value b) { return render(eval(bin(Op::In, lit(a), lit(b)))); };
    CHECK(in(2, vlist({1, 2, 3})) == "true");
    CHECK(in(2.0, vlist({1, 2, 3})) == "true");
    CHECK(in(4, vlist({1, 2, 3})) == "false");
    CHECK(in(4, vlist({1, Value()})) == "null");
    CHECK(in(1, vlist({1, Value()})) == "true");
    CHECK(in(Value(), vlist({})) == "false");
    CHECK(in(Value(), vlist({1})) == "null");
    CHECK(in(1, Value()) == "null");
    CHECK(in(vlist({1}), vlist({vlist({1}), 2})) == "true");
    CHECK(error_of(bin(Op::In, lit(1), lit(1))) == ErrorKind::Type);
}

TEST_CASE("IS NULL and IS NOT NULL", "[evaluator]") {
    CHECK(render(eval(make(ExprKind::IsNull, {lit(Value())}))) == "true");
    CHECK(render(eval(make(ExprKind::IsNull, {lit(0)}))) == "false");
    CHECK(render(eval(make(ExprKind::IsNotNull, {lit(Value())}))) == "false");
}

TEST_CASE("variables, parameters, lists and maps", "[evaluator]") {
    FakeContext ctx;
    ctx.params["limit"] = 5;
    CHECK(render(eval(var("x", 1), ctx, {Value(), "v"})) == "'v'");
    CHECK(error_of(var("x", -1), ctx) == ErrorKind::Internal);
    CHECK(render(eval(param("limit"), ctx)) == "5");
    CHECK(error_of(param("missing"), ctx) == ErrorKind::Semantic);
    CHECK(message_of(param("missing")) == "Expected parameter $missing");
    CHECK(render(eval(list_of({lit(1), bin(Op::Add, lit(1), lit(1))}))) == "[1, 2]");
    CHECK(render(eval(map_of({{"b", lit(2)}, {"a", lit(Value())}}))) == "{a: null, b: 2}");
}

TEST_CASE("property access on nodes, relationships, maps and null", "[evaluator]") {
    FakeContext ctx = graph();
    CHECK(render(eval(prop(var("n", 0), "name"), ctx, {ctx.node(1)})) == "'osimertinib'");
    CHECK(render(eval(prop(var("n", 0), "missing"), ctx, {ctx.node(1)})) == "null");
    CHECK(render(eval(prop(var("r", 0), "evidence"), ctx, {ctx.relationship(7)})) == "'review'");
    CHECK(render(eval(prop(lit(Map{{"k", 1}}), "k"))) == "1");
    CHECK(render(eval(prop(lit(Map{{"k", 1}}), "j"))) == "null");
    CHECK(render(eval(prop(lit(Value()), "k"))) == "null");
    CHECK(error_of(prop(lit(1), "k")) == ErrorKind::Type);
    CHECK(error_of(prop(lit(vlist({1})), "k")) == ErrorKind::Type);
}

TEST_CASE("label tests", "[evaluator]") {
    FakeContext ctx = graph();
    auto has = [&](std::vector<std::string> labels, Value v) {
        ExprPtr e = make(ExprKind::HasLabels, {var("n", 0)});
        e->labels = std::move(labels);
        return render(eval(e, ctx, {std::move(v)}));
    };
    CHECK(has({"Drug"}, ctx.node(1)) == "true");
    CHECK(has({"Drug", "Entity"}, ctx.node(1)) == "true");
    CHECK(has({"Drug", "Disease"}, ctx.node(1)) == "false");
    CHECK(has({"Drug"}, Value()) == "null");
    CHECK(has({"TREATS"}, ctx.relationship(7)) == "true");
    CHECK(has({"treats"}, ctx.relationship(7)) == "false");
    CHECK(has({"TREATS", "OTHER"}, ctx.relationship(7)) == "false");
    ExprPtr bad = make(ExprKind::HasLabels, {lit(1)});
    bad->labels = {"A"};
    CHECK(error_of(bad) == ErrorKind::Type);
}

TEST_CASE("list indexing and map subscripts", "[evaluator]") {
    auto at = [](Value base, Value index) {
        return eval(make(ExprKind::Subscript, {lit(std::move(base)), lit(std::move(index))}));
    };
    Value list = vlist({10, 20, 30});
    CHECK(render(at(list, 0)) == "10");
    CHECK(render(at(list, 2)) == "30");
    CHECK(render(at(list, -1)) == "30");
    CHECK(render(at(list, -3)) == "10");
    CHECK(render(at(list, 3)) == "null");
    CHECK(render(at(list, -4)) == "null");
    CHECK(render(at(list, Value())) == "null");
    CHECK(render(at(Value(), 0)) == "null");
    CHECK(render(at(Map{{"k", "v"}}, "k")) == "'v'");
    CHECK(render(at(Map{{"k", "v"}}, "x")) == "null");
    CHECK(error_of(make(ExprKind::Subscript, {lit(list), lit(1.0)})) == ErrorKind::Type);
    CHECK(error_of(make(ExprKind::Subscript, {lit(list), lit("0")})) == ErrorKind::Type);
    CHECK(error_of(make(ExprKind::Subscript, {lit(Map{}), lit(0)})) == ErrorKind::Type);
    CHECK(error_of(make(ExprKind::Subscript, {lit(100), lit(0)})) == ErrorKind::Type);
    FakeContext ctx = graph();
    CHECK(render(eval(make(ExprKind::Subscript, {var("n", 0), lit("year")}), ctx, {ctx.node(1)})) ==
          "2015");
}

TEST_CASE("list slices", "[evaluator]") {
    Value list = vlist({1, 2, 3, 4, 5});
    auto slice = [&](ExprPtr from, ExprPtr to) {
        return render(eval(make(ExprKind::Slice, {lit(list), std::move(from), std::move(to)})));
    };
    CHECK(slice(lit(1), lit(3)) == "[2, 3]");
    CHECK(slice(nullptr, lit(2)) == "[1, 2]");
    CHECK(slice(lit(3), nullptr) == "[4, 5]");
    CHECK(slice(lit(-2), nullptr) == "[4, 5]");
    CHECK(slice(nullptr, lit(-2)) == "[1, 2, 3]");
    CHECK(slice(lit(-10), lit(10)) == "[1, 2, 3, 4, 5]");
    CHECK(slice(lit(3), lit(1)) == "[]");
    CHECK(slice(lit(Value()), lit(2)) == "null");
    CHECK(slice(lit(0), lit(Value())) == "null");
    CHECK(error_of(make(ExprKind::Slice, {lit(list), lit(0.5), nullptr})) == ErrorKind::Type);
}

TEST_CASE("CASE in both forms", "[evaluator]") {
    // CASE x WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END
    auto simple = [](Value x, bool with_else) {
        ExprPtr e =
            make(ExprKind::Case, {lit(std::move(x)), lit(1), lit("one"), lit(2), lit("two")});
        e->case_has_test = true;
        if (with_else) {
            e->children.push_back(lit("many"));
            e->case_has_else = true;
        }
        return render(eval(e));
    };
    CHECK(simple(1, true) == "'one'");
    CHECK(simple(2.0, true) == "'two'");
    CHECK(simple(3, true) == "'many'");
    CHECK(simple(3, false) == "null");
    CHECK(simple(Value(), true) == "'many'");
    // CASE WHEN c1 THEN 'a' WHEN c2 THEN 'b' END
    auto generic = [](Value c1, Value c2) {
        ExprPtr e =
            make(ExprKind::Case, {lit(std::move(c1)), lit("a"), lit(std::move(c2)), lit("b")});
        return render(eval(e));
    };
    CHECK(generic(true, true) == "'a'");
    CHECK(generic(false, true) == "'b'");
    CHECK(generic(Value(), true) == "'b'");
    CHECK(generic(false, false) == "null");
    CHECK(error_of(make(ExprKind::Case, {lit(1), lit("a")})) == ErrorKind::Type);
}

TEST_CASE("list comprehensions bind their variable and restore the slot", "[evaluator]") {
    // [x IN [1, 2, 3, 4] WHERE x % 2 = 0 | x * 10]
    ExprPtr e =
        make(ExprKind::ListComprehension,
             {lit(vlist({1, 2, 3, 4})), bin(Op::Eq, bin(Op::Mod, var("x", 0), lit(2)), lit(0)),
              bin(Op::Mul, var("x", 0), lit(10))});
    e->name = "x";
    e->slot = 0;
    FakeContext ctx;
    expression::Row row{"outer"};
    CHECK(render(expression::evaluate(*e, row, ctx)) == "[20, 40]");
    CHECK(render(row[0]) == "'outer'");
    ExprPtr no_where = make(ExprKind::ListComprehension, {lit(vlist({1, 2})), nullptr, lit(0)});
    no_where->slot = 0;
    CHECK(render(eval(no_where, ctx, {Value()})) == "[0, 0]");
    ExprPtr null_list = make(ExprKind::ListComprehension, {lit(Value()), nullptr, nullptr});
    null_list->slot = 0;
    CHECK(render(eval(null_list, ctx, {Value()})) == "null");
    ExprPtr not_list = make(ExprKind::ListComprehension, {lit(1), nullptr, nullptr});
    not_list->slot = 0;
    CHECK(error_of(not_list, ctx, {Value()}) == ErrorKind::Type);
}

TEST_CASE("long iterations give the context a chance to interrupt", "[evaluator]") {
    List big(10000, Value(1));
    ExprPtr e = make(ExprKind::ListComprehension, {lit(big), nullptr, nullptr});
    e->slot = 0;
    FakeContext ctx;
    CHECK(eval(e, ctx, {Value()}).as_list().size() == 10000);
    CHECK(ctx.interrupt_checks == 2);
}

TEST_CASE("quantifiers are three-valued", "[evaluator]") {
    // q(x IN list WHERE x > 1)
    auto q = [](ast::QuantifierKind kind, Value list) {
        ExprPtr e =
            make(ExprKind::Quantifier, {lit(std::move(list)), bin(Op::Gt, var("x", 0), lit(1))});
        e->quantifier = kind;
        e->slot = 0;
        FakeContext ctx;
        return render(eval(e, ctx, {Value()}));
    };
    using K = ast::QuantifierKind;
    CHECK(q(K::All, vlist({2, 3})) == "true");
    CHECK(q(K::All, vlist({2, 1})) == "false");
    CHECK(q(K::All, vlist({2, Value()})) == "null");
    CHECK(q(K::All, vlist({1, Value()})) == "false");
    CHECK(q(K::All, vlist({})) == "true");
    CHECK(q(K::Any, vlist({1, 2})) == "true");
    CHECK(q(K::Any, vlist({1, Value()})) == "null");
    CHECK(q(K::Any, vlist({2, Value()})) == "true");
    CHECK(q(K::Any, vlist({})) == "false");
    CHECK(q(K::None, vlist({1, 0})) == "true");
    CHECK(q(K::None, vlist({1, 2})) == "false");
    CHECK(q(K::None, vlist({1, Value()})) == "null");
    CHECK(q(K::Single, vlist({1, 2})) == "true");
    CHECK(q(K::Single, vlist({2, 3})) == "false");
    CHECK(q(K::Single, vlist({1, 0})) == "false");
    CHECK(q(K::Single, vlist({2, Value()})) == "null");
    CHECK(q(K::Single, vlist({2, 3, Value()})) == "false");
    CHECK(q(K::Any, Value()) == "null");
    ExprPtr bad = make(ExprKind::Quantifier, {lit(vlist({1})), var("x", 0)});
    bad->slot = 0;
    FakeContext ctx;
    CHECK(error_of(bad, ctx, {Value()}) == ErrorKind::Type);
}

TEST_CASE("reduce folds with an accumulator slot", "[evaluator]") {
    // reduce(acc = 0, x IN [1, 2, 3] | acc + x)
    ExprPtr e = make(ExprKind::Reduce,
                     {lit(0), lit(vlist({1, 2, 3})), bin(Op::Add, var("acc", 1), var("x", 0))});
    e->slot = 0;
    e->slot2 = 1;
    FakeContext ctx;
    expression::Row row{"a", "b"};
    CHECK(render(expression::evaluate(*e, row, ctx)) == "6");
    CHECK(render(row[0]) == "'a'");
    CHECK(render(row[1]) == "'b'");
    ExprPtr empty = make(ExprKind::Reduce, {lit("s"), lit(vlist({})), var("acc", 1)});
    empty->slot = 0;
    empty->slot2 = 1;
    CHECK(render(eval(empty, ctx, {Value(), Value()})) == "'s'");
}

TEST_CASE("function calls resolve by name and reject aggregates", "[evaluator]") {
    CHECK(render(eval(call("TOUPPER", {lit("abc")}))) == "'ABC'");
    CHECK(error_of(call("noSuchFunction")) == ErrorKind::Semantic);
    CHECK(message_of(call("noSuchFunction")) == "Unknown function 'noSuchFunction'");
    CHECK(error_of(call("count", {lit(1)})) == ErrorKind::Semantic);
    CHECK(error_of(make(ExprKind::CountStar)) == ErrorKind::Semantic);
    CHECK(error_of(call("toUpper", {})) == ErrorKind::Semantic);
    CHECK(error_of(call("toUpper", {lit("a"), lit("b")})) == ErrorKind::Semantic);
    CHECK(message_of(call("toUpper", {lit(1)})) == "toUpper() expects a STRING, got INTEGER");
}

TEST_CASE("pattern predicates, EXISTS and pattern comprehensions ask the context", "[evaluator]") {
    FakeContext ctx;
    ExprPtr pred = make(ExprKind::PatternPredicate);
    pred->pattern = std::make_shared<ast::PatternPart>();
    ctx.pattern_answer = true;
    CHECK(render(eval(pred, ctx)) == "true");
    ctx.pattern_answer = false;
    ExprPtr exists_pattern = make(ExprKind::Exists);
    exists_pattern->pattern = pred->pattern;
    CHECK(render(eval(exists_pattern, ctx)) == "false");
    CHECK(ctx.pattern_calls == 2);
    CHECK(render(eval(make(ExprKind::Exists, {lit(Value())}))) == "false");
    CHECK(render(eval(make(ExprKind::Exists, {lit(0)}))) == "true");
    CHECK(render(eval(make(ExprKind::PatternComprehension), ctx)) == "[1, 2]");
}

TEST_CASE("evaluate_predicate accepts only booleans", "[evaluator]") {
    FakeContext ctx;
    expression::Row row;
    CHECK(expression::evaluate_predicate(*lit(true), row, ctx));
    CHECK_FALSE(expression::evaluate_predicate(*lit(false), row, ctx));
    CHECK_FALSE(expression::evaluate_predicate(*lit(Value()), row, ctx));
    CHECK_THROWS_AS(expression::evaluate_predicate(*lit(1), row, ctx), Exception);
}
