// escape_quoted: the escaping shared by Cypher string literals and N-Triples literals.
#include <catch2/catch.hpp>
#include <string>

#include "common/text_escape.h"
#include "meninx/value.h"

using namespace meninx;

TEST_CASE("escape_quoted escapes backslash, the quote, newline, return and tab", "[text_escape]") {
    CHECK(escape_quoted("plain text", '\'', ControlChars::Raw) == "plain text");
    CHECK(escape_quoted("a\\b\nc\rd\te", '\'', ControlChars::Raw) == "a\\\\b\\nc\\rd\\te");
    CHECK(escape_quoted("a\\b\nc\rd\te", '"', ControlChars::HexEscape) == "a\\\\b\\nc\\rd\\te");
    // Only the given quote is escaped.
    CHECK(escape_quoted("it's \"x\"", '\'', ControlChars::Raw) == "it\\'s \"x\"");
    CHECK(escape_quoted("it's \"x\"", '"', ControlChars::HexEscape) == "it's \\\"x\\\"");
}

TEST_CASE("escape_quoted copies or hex-escapes the other control characters", "[text_escape]") {
    std::string controls = std::string("a") + '\x01' + '\x1f' + '\x7f' + "b";
    CHECK(escape_quoted(controls, '\'', ControlChars::Raw) == controls);
    CHECK(escape_quoted(controls, '"', ControlChars::HexEscape) ==
          std::string("a\\u0001\\u001F") + '\x7f' + "b");
    CHECK(escape_quoted(std::string(1, '\0'), '"', ControlChars::HexEscape) == "\\u0000");
    // Bytes of UTF-8 sequences are copied unchanged.
    CHECK(escape_quoted("é→", '"', ControlChars::HexEscape) == "é→");
}

TEST_CASE("Cypher string literals keep their quoting", "[text_escape]") {
    CHECK(Value("it's").to_cypher() == "'it\\'s'");
    CHECK(Value(std::string("a\"b") + '\x02').to_cypher() == std::string("'a\"b") + '\x02' + "'");
}
