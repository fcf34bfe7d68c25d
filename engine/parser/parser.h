// The Cypher parser: query text in, AST out. The only door between ANTLR and the rest of the
// engine: no ANTLR type appears outside engine/parser/.
#pragma once

#include <string_view>

#include "ast/ast.h"

namespace meninx::parser {

// Parses one statement (an optional EXPLAIN/PROFILE, then a query, optionally ended by ';').
// Throws meninx::Exception with ErrorKind::Syntax, the 1-based line and column of the first
// error, an excerpt with a caret, and what was expected in words. Safe to call from several
// threads at once; the returned tree shares nothing with other calls.
ast::Statement parse(std::string_view text);

}  // namespace meninx::parser
