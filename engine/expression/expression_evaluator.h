// The expression evaluator: computes the value of a bound expression tree for one row.
//
// Expressions are evaluated by walking the tree; the tree is not modified and may be shared
// between threads, each with its own row and context. Variables are read from their bound
// slots in `row`; comprehensions, quantifiers and reduce write their iteration variables into
// their slots while they run and restore the previous values afterwards. Errors are thrown as
// meninx::Exception (Type, Argument, Semantic) carrying the position of the expression that
// failed.
#pragma once

#include "ast/ast.h"
#include "expression/eval_context.h"
#include "meninx/value.h"

namespace meninx::expression {

// The value of `e` in `row`. Aggregate calls must have been replaced by the planner; meeting
// one here is a Semantic error.
Value evaluate(const ast::Expression& e, Row& row, EvalContext& ctx);

// WHERE semantics: true only for boolean true; false for false and null; a Type error for
// any other value.
bool evaluate_predicate(const ast::Expression& e, Row& row, EvalContext& ctx);

}  // namespace meninx::expression
