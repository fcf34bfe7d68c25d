// text_escape: backslash escaping of text for quoted literals (Cypher strings, N-Triples
// literals).
#pragma once

#include <string>
#include <string_view>

namespace meninx {

// How escape_quoted writes the control characters (below 0x20) other than newline, carriage
// return and tab.
enum class ControlChars {
    Raw,        // copied as they are (Cypher string literals)
    HexEscape,  // written as \u00XX with upper-case hex digits (N-Triples literals)
};

// `text` escaped for a literal between two `quote` characters, without the quotes: backslash,
// `quote`, newline, carriage return and tab become \\, \<quote>, \n, \r and \t; other control
// characters follow `controls`; every other byte is copied unchanged.
std::string escape_quoted(std::string_view text, char quote, ControlChars controls);

}  // namespace meninx
