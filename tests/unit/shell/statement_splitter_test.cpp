// StatementSplitter: statements end at `;` outside strings, quoted names and comments.
#include "statement_splitter.h"

#include <catch2/catch.hpp>

using meninx::shell::Statement;
using meninx::shell::StatementSplitter;

namespace {

std::vector<Statement> split(const std::vector<std::string>& lines, bool finish = true) {
    StatementSplitter splitter;
    int n = 0;
    for (const auto& line : lines) splitter.add_line(line, ++n);
    if (finish) splitter.finish();
    return splitter.take();
}

}  // namespace

TEST_CASE("Splitter cuts statements at semicolons and keeps their start position", "[shell]") {
    auto s = split({"RETURN 1; RETURN 2;", "  MATCH (n)", "RETURN n;"});
    REQUIRE(s.size() == 3);
    CHECK(s[0].text == "RETURN 1");
    CHECK(s[1].text == "RETURN 2");
    CHECK(s[1].line == 1);
    CHECK(s[1].column == 11);
    CHECK(s[2].text == "MATCH (n)\nRETURN n");
    CHECK(s[2].line == 2);
    CHECK(s[2].column == 3);
}

TEST_CASE("Splitter does not split inside strings, quoted names or comments", "[shell]") {
    auto s = split({"RETURN 'a;b', \"c;d\", `e;f` AS x; // no; split", "RETURN /* ; */ 2;"});
    REQUIRE(s.size() == 2);
    CHECK(s[0].text == "RETURN 'a;b', \"c;d\", `e;f` AS x");
    CHECK(s[1].text == "RETURN" + std::string(9, ' ') + "2");
}

TEST_CASE("Splitter handles escaped quotes and strings spanning lines", "[shell]") {
    auto s = split({"RETURN 'it\\'s;", "still;' AS x;"});
    REQUIRE(s.size() == 1);
    CHECK(s[0].text == "RETURN 'it\\'s;\nstill;' AS x");
}

TEST_CASE("Splitter keeps an unfinished statement pending across empty lines", "[shell]") {
    StatementSplitter splitter;
    splitter.add_line("MATCH (n)", 1);
    splitter.add_line("", 2);
    CHECK(splitter.pending());
    CHECK(splitter.take().empty());
    splitter.add_line("RETURN n;", 3);
    CHECK_FALSE(splitter.pending());
    auto s = splitter.take();
    REQUIRE(s.size() == 1);
    CHECK(s[0].text == "MATCH (n)\n\nRETURN n");
}

TEST_CASE("Splitter ignores blank statements and comment-only input", "[shell]") {
    auto s = split({";;  ; // just a comment", "/* block", " still block */"});
    CHECK(s.empty());
}

TEST_CASE("Splitter finish() completes a statement without semicolon; clear() drops it",
          "[shell]") {
    auto s = split({"RETURN 42"});
    REQUIRE(s.size() == 1);
    CHECK(s[0].text == "RETURN 42");

    StatementSplitter splitter;
    splitter.add_line("MATCH (n", 1);
    splitter.clear();
    CHECK_FALSE(splitter.pending());
    splitter.finish();
    CHECK(splitter.take().empty());
}

TEST_CASE("Splitter keeps a block comment's line breaks inside a statement", "[shell]") {
    auto s = split({"RETURN /* one", "two */ 1;"});
    REQUIRE(s.size() == 1);
    CHECK(s[0].text.find('\n') != std::string::npos);
    CHECK(s[0].text.find("two") == std::string::npos);
}
