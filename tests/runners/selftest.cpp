// Unit tests of the runners' parsing and comparison code (no database needed).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gherkin.h"
#include "tck_errors.h"
#include "tck_value.h"
#include "test_file.h"
#include "value_render.h"

using namespace meninx;
using namespace meninx::testing;

TEST_CASE("render_float uses shortest round-trip text with a decimal", "[runners]") {
    CHECK(render_float(12.0) == "12.0");
    CHECK(render_float(80.3) == "80.3");
    CHECK(render_float(1e20) == "1e+20");
    CHECK(render_float(-0.5) == "-0.5");
    CHECK(render_float(0.1 + 0.2) == "0.30000000000000004");
    CHECK(render_float(1.0 / 0.0) == "Infinity");
    CHECK(render_float(-0.0) == "0.0");
}

TEST_CASE("render_cell writes top-level strings raw and nested ones quoted", "[runners]") {
    Node node;
    node.labels = {"B", "A"};
    node.properties = std::make_shared<const Map>(Map{{"x", Value(1)}, {"name", Value("it's")}});
    CHECK(render_row({Value("plain"), Value(), Value(true), Value(node)}) ==
          "plain\tNULL\ttrue\t(:A:B {name: 'it\\'s', x: 1})");
    CHECK(render_cell(Value(List{Value("a"), Value(2.5), Value(Map{})})) == "['a', 2.5, {}]");
    Node bare;
    bare.properties = std::make_shared<const Map>(Map{{"k", Value(int64_t{3})}});
    CHECK(render_cell(Value(bare)) == "({k: 3})");
}

TEST_CASE("render_literal shows path direction from relationship endpoints", "[runners]") {
    Node a{1, {"A"}, std::make_shared<const Map>()};
    Node b{2, {"B"}, std::make_shared<const Map>()};
    Node c{3, {"C"}, std::make_shared<const Map>()};
    Relationship ab{10, 1, 2, "T", std::make_shared<const Map>()};
    Relationship cb{11, 3, 2, "S", std::make_shared<const Map>()};
    Path path{{a, b, c}, {ab, cb}};
    CHECK(render_literal(Value(path)) == "<(:A)-[:T]->(:B)<-[:S]-(:C)>");
}

TEST_CASE("TCK values parse into comparable Values", "[runners]") {
    CHECK(render_literal(parse_tck_value("[1, 2.0, 'a\\'b', null, true]")) ==
          "[1, 2.0, 'a\\'b', NULL, true]");
    CHECK(parse_tck_value("-7").as_int() == -7);
    CHECK(parse_tck_value("0x1F").as_int() == 31);
    CHECK(std::isnan(parse_tck_value("NaN").as_float()));
    CHECK(parse_tck_value("-Inf").as_float() < 0);
    CHECK(render_literal(parse_tck_value("{b: 1, a: [ ]}")) == "{a: [], b: 1}");
    CHECK(render_literal(parse_tck_value("(:B:A {name: 'x'})")) == "(:A:B {name: 'x'})");
    CHECK(render_literal(parse_tck_value("[:T {w: 1.5}]")) == "[:T {w: 1.5}]");
    CHECK(render_literal(parse_tck_value("<(:A)-[:T]->(:B)<-[:S]-()>")) ==
          "<(:A)-[:T]->(:B)<-[:S]-()>");
    CHECK(render_literal(parse_tck_value("[3, 1, 2]"), true) == "[1, 2, 3]");
    CHECK_THROWS(parse_tck_value("[1, 2"));
    CHECK_THROWS(parse_tck_value("1 2"));
}

TEST_CASE("TCK error types map onto compatible error kinds", "[runners]") {
    CHECK(tck_error_compatible("SyntaxError", "", "compile time", ErrorKind::Syntax));
    CHECK(tck_error_compatible("SyntaxError", "", "compile time", ErrorKind::Semantic));
    CHECK_FALSE(tck_error_compatible("SyntaxError", "", "compile time", ErrorKind::Type));
    CHECK(tck_error_compatible("TypeError", "", "runtime", ErrorKind::Type));
    CHECK(tck_error_compatible("TypeError", "", "compile time", ErrorKind::Semantic));
    CHECK_FALSE(tck_error_compatible("TypeError", "", "runtime", ErrorKind::Semantic));
    CHECK(tck_error_compatible("ArgumentError", "", "runtime", ErrorKind::Argument));
    CHECK(
        tck_error_compatible("ConstraintVerificationFailed", "", "runtime", ErrorKind::Constraint));
    CHECK_FALSE(tck_error_compatible("ArgumentError", "", "runtime", ErrorKind::Internal));
    CHECK_FALSE(tck_error_compatible("UnknownError", "", "runtime", ErrorKind::Semantic));
    CHECK(tck_error_compatible("SyntaxError", "InvalidArgumentType", "compile time",
                               ErrorKind::Type));
    CHECK_FALSE(
        tck_error_compatible("SyntaxError", "UndefinedVariable", "compile time", ErrorKind::Type));
    CHECK(tck_error_compatible("SyntaxError", "NegativeIntegerArgument", "compile time",
                               ErrorKind::Argument));
}

TEST_CASE("test files parse into blocks with parameters and expected rows", "[runners]") {
    std::string text =
        "# a comment\n"
        "dataset empty\n"
        "\n"
        "statement ok\n"
        "CREATE (:A {x: 1})\n"
        "\n"
        "param p={\"k\": [1, 2.5]}\n"
        "query rowsort\n"
        "MATCH (n:A)\n"
        "RETURN n.x ORDER BY n.x\n"
        "----\n"
        "1\n"
        "\n"
        "statement error\n"
        "RETURN foo\n"
        "----\n"
        "foo\n";
    TestFile file = parse_test_file("t.test", text);
    REQUIRE(file.blocks.size() == 3);
    CHECK(file.blocks[0].kind == BlockKind::StatementOk);
    CHECK(file.blocks[1].kind == BlockKind::Query);
    CHECK(file.blocks[1].text == "MATCH (n:A)\nRETURN n.x ORDER BY n.x");
    CHECK(file.blocks[1].expected == std::vector<std::string>{"1"});
    CHECK(render_literal(file.blocks[1].parameters.at("p")) == "{k: [1, 2.5]}");
    CHECK_FALSE(block_is_ordered(file.blocks[1]));
    CHECK(file.blocks[2].expected == std::vector<std::string>{"foo"});
    CHECK_THROWS_WITH(parse_test_file("t.test", "bogus\n"), Catch::Contains("t.test:1"));
}

TEST_CASE("ORDER BY makes a query ordered unless rowsort says otherwise", "[runners]") {
    TestBlock block;
    block.text = "MATCH (n) RETURN n order  by n.x";
    CHECK(block_is_ordered(block));
    block.text = "MATCH (n) RETURN n.order_by";
    CHECK_FALSE(block_is_ordered(block));
}

TEST_CASE("diff_rows compares multisets or sequences", "[runners]") {
    CHECK(diff_rows({"1", "2"}, {"2", "1"}, false).empty());
    CHECK_FALSE(diff_rows({"1", "2"}, {"2", "1"}, true).empty());
    CHECK_FALSE(diff_rows({"1", "1"}, {"1"}, false).empty());
    std::string diff = diff_rows({"1", "2"}, {"1", "3"}, false);
    CHECK(diff.find("missing:    `2`") != std::string::npos);
    CHECK(diff.find("unexpected: `3`") != std::string::npos);
}

TEST_CASE("rewrite_test_file replaces only the chosen expected rows", "[runners]") {
    std::string text = "query\nRETURN 1\n----\n2\n\nquery\nRETURN 3\n\n# end\n";
    TestFile file = parse_test_file("t.test", text);
    std::string out = rewrite_test_file(file, {true, true}, {{"1"}, {"3"}});
    CHECK(out == "query\nRETURN 1\n----\n1\n\nquery\nRETURN 3\n----\n3\n\n# end\n");
}

TEST_CASE("Gherkin outlines expand per Examples row with placeholders replaced", "[runners]") {
    std::string text =
        "Feature: F\n"
        "  Background:\n"
        "    Given an empty graph\n"
        "  @tag\n"
        "  Scenario Outline: [1] Outline\n"
        "    When executing query:\n"
        "      \"\"\"\n"
        "      RETURN <v> AS x\n"
        "        AND 'a|b'\n"
        "      \"\"\"\n"
        "    Then the result should be, in any order:\n"
        "      | x   |\n"
        "      | <v> |\n"
        "\n"
        "    Examples:\n"
        "      | v     |\n"
        "      | 1     |\n"
        "      | 'a\\|b' |\n";
    auto instances = expand_scenarios(parse_feature("f.feature", text));
    REQUIRE(instances.size() == 2);
    CHECK(instances[1].example == 2);
    CHECK(instances[0].tags == std::vector<std::string>{"@tag"});
    REQUIRE(instances[1].steps.size() == 3);
    CHECK(instances[1].steps[0].text == "an empty graph");
    CHECK(*instances[1].steps[1].doc_string == "RETURN 'a|b' AS x\n  AND 'a|b'");
    CHECK(instances[1].steps[2].table[1][0] == "'a|b'");
}

TEST_CASE("every TCK feature parses, with the documented number of cases", "[runners]") {
    namespace fs = std::filesystem;
    fs::path root = fs::path(MENINX_SHARED_DIR) / "tck" / "features";
    if (!fs::is_directory(root)) {
        WARN("TCK not found at " << root.string());
        return;
    }
    size_t files = 0, cases = 0, values = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".feature") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto instances = expand_scenarios(parse_feature(entry.path().string(), text.str()));
        ++files;
        cases += instances.size();
        for (const auto& instance : instances) {
            for (const auto& step : instance.steps) {
                if (step.text.rfind("the result should be", 0) != 0) continue;
                for (size_t r = 1; r < step.table.size(); ++r) {
                    for (const auto& cell : step.table[r]) {
                        INFO(entry.path().string() << ": " << instance.name << ": " << cell);
                        CHECK_NOTHROW(parse_tck_value(cell));
                        ++values;
                    }
                }
            }
        }
    }
    CHECK(files == 220);
    CHECK(cases == 3897);
    CHECK(values > 1000);
}

TEST_CASE("user lasts until the next one; asof applies to the next block only", "[runners]") {
    TestFile file = parse_test_file("h.test",
                                    "statement ok\nCREATE ()\n\n"
                                    "user alice\nstatement ok\nCREATE ()\n\n"
                                    "asof 1\nquery\nMATCH (n) RETURN count(n)\n----\n1\n\n"
                                    "user bob\nquery\nRETURN 1\n----\n1\n");
    REQUIRE(file.blocks.size() == 4);
    CHECK(file.blocks[0].user.empty());
    CHECK(file.blocks[1].user == "alice");
    CHECK(file.blocks[1].as_of.empty());
    CHECK(file.blocks[2].user == "alice");
    CHECK(file.blocks[2].as_of == "1");
    CHECK(file.blocks[3].user == "bob");
    CHECK(file.blocks[3].as_of.empty());
    CHECK_THROWS_WITH(parse_test_file("h.test", "statement ok\nRETURN 1\n\nasof 2\n"),
                      Catch::Contains("`asof` without a following block"));
    CHECK_THROWS_WITH(parse_test_file("h.test", "user\nstatement ok\nRETURN 1\n"),
                      Catch::Contains("expected `user NAME`"));
}
