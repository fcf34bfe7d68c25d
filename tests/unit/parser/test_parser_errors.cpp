// Syntax errors: kind, position, excerpt with caret, and a message in words.
#include <catch2/catch.hpp>

#include "parser_test_support.h"

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using meninx::ErrorKind;
using meninx::parser::testing::syntax_error_of;

TEST_CASE("A misspelled first clause names the clauses expected", "[parser][error]") {
    auto error = syntax_error_of("RETRUN 1");
    CHECK(error.kind == ErrorKind::Syntax);
    CHECK(error.line == 1);
    CHECK(error.column == 1);
    CHECK_THAT(error.message,
               Equals("Invalid input 'RETRUN': expected a clause such as MATCH, RETURN, WITH, "
                      "CREATE"));
    CHECK(error.excerpt == "RETRUN 1\n^");
}

TEST_CASE("A misspelled later clause points at it", "[parser][error]") {
    auto error = syntax_error_of("MATCH (n)\n  RETRUN n");
    CHECK(error.line == 2);
    CHECK(error.column == 3);
    CHECK_THAT(error.message, Contains("Invalid input 'RETRUN'"));
    CHECK_THAT(error.message, Contains("a clause such as MATCH, RETURN, WITH, CREATE"));
    CHECK_THAT(error.message, Contains("WHERE"));
    CHECK(error.excerpt == "  RETRUN n\n  ^");
}

TEST_CASE("Unexpected end of input points just after the last token", "[parser][error]") {
    auto error = syntax_error_of("MATCH (n\n\n");
    CHECK(error.line == 1);
    CHECK(error.column == 9);
    CHECK_THAT(error.message, Contains("Unexpected end of input: expected ')'"));
    CHECK(error.excerpt == "MATCH (n\n        ^");

    auto empty = syntax_error_of("");
    CHECK(empty.kind == ErrorKind::Syntax);
    CHECK(empty.line == 1);
    CHECK(empty.column == 1);
    CHECK_THAT(empty.message, Contains("Unexpected end of input"));

    auto dangling = syntax_error_of("MATCH (n) RETURN n.");
    CHECK_THAT(dangling.message, Equals("Unexpected end of input: expected a name"));
    CHECK(dangling.column == 20);
}

TEST_CASE("Expected sets read as words, not token dumps", "[parser][error]") {
    CHECK_THAT(syntax_error_of("RETURN").message,
               Equals("Unexpected end of input: expected DISTINCT, '*' or an expression"));
    CHECK_THAT(syntax_error_of("UNWIND [1] x RETURN x").message,
               Equals("Invalid input 'x': expected AS or an operator"));
    CHECK_THAT(syntax_error_of("MATCH (n:Drug WHERE n.x = 1 RETURN n").message,
               Equals("Invalid input 'WHERE': expected ')', '{', ':' or a parameter"));
    CHECK_THAT(syntax_error_of("RETURN a != b").message,
               Equals("Invalid input '!=': Cypher writes 'not equal' as <>"));
    CHECK_THAT(syntax_error_of("RETURN {1} AS literal").message,
               Equals("Invalid input '1': expected '}' or a name"));
    CHECK_THAT(syntax_error_of("MATCH (n) RETURN n ORDER n").message,
               Equals("Invalid input 'n': expected BY"));
    CHECK_THAT(syntax_error_of("RETURN 1 2").message, Contains("an operator"));
    CHECK_THAT(syntax_error_of("RETURN 1 2").message, Contains("AS"));
    CHECK_THAT(syntax_error_of("MATCH (n:) RETURN n").message,
               Equals("Invalid input ')': expected a name"));
    for (const char* query : {"RETURN [1 2]", "MATCH (a)-[r:]->(b) RETURN a", "RETURN CASE END",
                              "MATCH (n RETURN n", "WITH 1 AS x RETURN x,"}) {
        auto error = syntax_error_of(query);
        INFO(query << " -> " << error.message);
        CHECK(error.kind == ErrorKind::Syntax);
        CHECK_THAT(error.message, !Contains("K_") && !Contains("IDENTIFIER") &&
                                      !Contains("<EOF>") && !Contains("viable") &&
                                      !Contains("extraneous"));
    }
}

TEST_CASE("Unknown characters, bad numbers and unterminated tokens", "[parser][error]") {
    auto dash = syntax_error_of("RETURN 42 \xE2\x80\x94 41");
    CHECK(dash.column == 11);
    CHECK_THAT(dash.message, Contains("Invalid character '\xE2\x80\x94' (U+2014)"));
    CHECK(dash.excerpt == "RETURN 42 \xE2\x80\x94 41\n          ^");

    auto hex = syntax_error_of("RETURN 0x1A2b3j4D5E6f7 AS literal");
    CHECK_THAT(hex.message, Equals("Invalid number literal '0x1A2b3j4D5E6f7'"));
    CHECK(hex.column == 8);
    CHECK_THAT(syntax_error_of("RETURN 0x").message, Contains("Invalid number literal '0x'"));

    auto string = syntax_error_of("RETURN 'abc");
    CHECK_THAT(string.message, Contains("Unterminated string"));
    CHECK(string.column == 8);
    CHECK_THAT(syntax_error_of("RETURN `abc").message, Contains("Unterminated escaped name"));
    CHECK_THAT(syntax_error_of("RETURN 1 /* open").message, Contains("Unterminated comment"));
}

TEST_CASE("Integer and float literals out of range", "[parser][error]") {
    auto big = syntax_error_of("RETURN 9223372036854775808");
    CHECK(big.kind == ErrorKind::Syntax);
    CHECK_THAT(big.message, Contains("integer too large"));
    CHECK(big.column == 8);
    auto small = syntax_error_of("RETURN -9223372036854775809");
    CHECK_THAT(small.message, Contains("integer too large"));
    CHECK(small.column == 8);
    CHECK_THAT(syntax_error_of("RETURN 0x8000000000000000").message, Contains("integer too large"));
    CHECK_THAT(syntax_error_of("RETURN -0x8000000000000001").message,
               Contains("integer too large"));
    CHECK_THAT(syntax_error_of("RETURN 0o1000000000000000000000").message,
               Contains("integer too large"));
    CHECK_THAT(syntax_error_of("MATCH (a)-[*99999999999999999999]->(b) RETURN a").message,
               Contains("integer too large"));
    CHECK_THAT(syntax_error_of("RETURN 1.34E999").message,
               Contains("floating point number too large"));
}

TEST_CASE("Bad string escapes point into the string", "[parser][error]") {
    auto unicode = syntax_error_of("RETURN '\\uH'");
    CHECK(unicode.column == 9);
    CHECK_THAT(unicode.message, Contains("Invalid unicode escape"));
    auto unknown = syntax_error_of("RETURN 'ab\\qc'");
    CHECK(unknown.column == 11);
    CHECK_THAT(unknown.message, Contains("Invalid escape sequence '\\q'"));
    auto lone_surrogate = syntax_error_of("RETURN '\\uD800'");
    CHECK_THAT(lone_surrogate.message, Contains("Invalid unicode escape"));
}

TEST_CASE("Clause order is checked", "[parser][error]") {
    auto after_return = syntax_error_of("MATCH (n) RETURN n MATCH (m) RETURN m");
    CHECK(after_return.column == 20);
    CHECK_THAT(after_return.message, Contains("RETURN can only be the last clause"));
    auto no_with = syntax_error_of("CREATE (a)\nMATCH (b) RETURN b");
    CHECK(no_with.line == 2);
    CHECK_THAT(no_with.message, Contains("WITH is required between CREATE and MATCH"));
    auto dangling = syntax_error_of("MATCH (n) WITH n");
    CHECK(dangling.column == 11);
    CHECK_THAT(dangling.message, Contains("cannot end with WITH"));
    CHECK(syntax_error_of("CREATE (a) WITH a MATCH (b) RETURN b").kind == ErrorKind::Internal);
    CHECK(syntax_error_of("MATCH (n) DELETE n").kind == ErrorKind::Internal);
    CHECK(syntax_error_of("CALL db.labels").kind == ErrorKind::Internal);
}

TEST_CASE("Unsupported forms are syntax errors, not crashes", "[parser][error]") {
    CHECK(syntax_error_of("MATCH (n) WHERE exists { MATCH (n)-->() RETURN true } RETURN n").kind ==
          ErrorKind::Internal);  // parses: EXISTS subqueries are supported
    auto write = syntax_error_of("MATCH (n) WHERE exists { CREATE (m) } RETURN n");
    CHECK(write.kind == ErrorKind::Syntax);
    CHECK_THAT(write.message, Contains("an EXISTS or COUNT subquery can only read"));
    CHECK(syntax_error_of("MATCH (n) WHERE exists { MATCH (n) RETURN 1 UNION MATCH (m) RETURN 1 } "
                          "RETURN n")
              .kind == ErrorKind::Syntax);
    CHECK(syntax_error_of("MATCH (a)-[:LIKES*-2]->(c) RETURN c").kind == ErrorKind::Syntax);
    CHECK(syntax_error_of("RETURN a != b").kind == ErrorKind::Syntax);
}

TEST_CASE("Text that is not UTF-8 is rejected with its position", "[parser][error]") {
    auto error = syntax_error_of("RETURN 'a'\nRETURN '\xFF'");
    CHECK(error.kind == ErrorKind::Syntax);
    CHECK(error.line == 2);
    CHECK(error.column == 9);
    CHECK_THAT(error.message, Contains("UTF-8"));
}

TEST_CASE("The caret follows tabs and counts characters, not bytes", "[parser][error]") {
    auto tabbed = syntax_error_of("MATCH (n)\n\tRETRUN n");
    CHECK(tabbed.column == 2);
    CHECK(tabbed.excerpt == "\tRETRUN n\n\t^");
    auto accented = syntax_error_of("RETURN '\xC3\xA9t\xC3\xA9' 1");
    CHECK(accented.column == 14);
    CHECK(accented.excerpt == "RETURN '\xC3\xA9t\xC3\xA9' 1\n             ^");
}

TEST_CASE("The error text shows kind, message, position and excerpt", "[parser][error]") {
    try {
        meninx::parser::parse("RETRUN 1");
        FAIL("no error");
    } catch (const meninx::Exception& e) {
        CHECK(std::string(e.what()) ==
              "Syntax error: Invalid input 'RETRUN': expected a clause such as MATCH, RETURN, "
              "WITH, CREATE (line 1, column 1)\nRETRUN 1\n^");
    }
}

TEST_CASE("Nesting and expression height are bounded instead of exhausting the stack",
          "[parser][error]") {
    auto nested = [](int depth) {
        return "RETURN " + std::string(depth, '(') + "1" + std::string(depth, ')');
    };
    CHECK_NOTHROW(meninx::parser::parse(nested(250)));
    auto deep = syntax_error_of(nested(100000));
    CHECK(deep.kind == ErrorKind::Syntax);
    CHECK(deep.column == 8 + 256);
    CHECK_THAT(deep.message, Contains("nested more than 256 levels deep"));

    std::string negations = "RETURN ";
    for (int i = 0; i < 5000; ++i) negations += "NOT ";
    CHECK_THAT(syntax_error_of(negations + "true").message, Contains("levels deep"));

    auto chain = [](int terms) {
        std::string query = "RETURN 1";
        for (int i = 1; i < terms; ++i) query += " + 1";
        return query;
    };
    CHECK_NOTHROW(meninx::parser::parse(chain(900)));
    auto tall = syntax_error_of(chain(100000));
    CHECK(tall.kind == ErrorKind::Syntax);
    CHECK_THAT(tall.message, Contains("expression nested more than 1000 levels deep"));
}

TEST_CASE("Decimal integers with a leading zero are rejected, not read as octal",
          "[parser][error]") {
    auto error = syntax_error_of("RETURN 0777");
    CHECK(error.column == 8);
    CHECK_THAT(error.message, Contains("Invalid number literal '0777'"));
    CHECK_THAT(error.message, Contains("0o"));
    CHECK_THAT(syntax_error_of("MATCH (a)-[*01]->(b) RETURN a").message,
               Contains("Invalid number literal '01'"));
    CHECK(meninx::parser::parse("RETURN 0, 0.5, 0o777").query.parts.size() == 1);
}
