// Parsing of the values written in TCK result tables and parameter tables into meninx Values.
//
// Nodes and relationships get synthetic ids; in a path, node ids follow their position and each
// relationship's start/end follow its arrow, so render_literal() shows the same direction.
// Errors are std::runtime_error naming the text and the position.
#pragma once

#include <string_view>

#include "meninx/value.h"

namespace meninx::testing {

// Parses one TCK value: null, true, false, integers (decimal, 0x hex, 0o octal), floats
// (1.5, 1e10, NaN, Inf, -Inf), 'strings' with backslash escapes, [lists], {maps},
// nodes (:A:B {k: v}), relationships [:T {k: v}] and paths <(:A)-[:T]->(:B)>.
Value parse_tck_value(std::string_view text);

}  // namespace meninx::testing
