// AST printer: a compact, deterministic text form of a syntax tree, for tests and debugging.
//
// Expressions print as S-expressions with the operator first: `a + b * 2` is
// `(+ a (* b 2))`, `n.name` is `(. n name)`, `f(x)` is `(call f x)`; literals print as Cypher
// literals ('text', 1, 1.5, true, null, [1, 2], {k: v}). Patterns print in Cypher form with
// their expressions as S-expressions; statements print clause after clause on one line.
#pragma once

#include <string>

#include "ast/ast.h"

namespace meninx::ast {

std::string to_string(const Expression& expression);
std::string to_string(const PatternPart& part);
std::string to_string(const Clause& clause);
std::string to_string(const Statement& statement);

}  // namespace meninx::ast
