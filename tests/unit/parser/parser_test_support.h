// Helpers shared by the parser tests: parse and print, parse one expression, catch a syntax error.
#pragma once

#include <string>
#include <string_view>

#include "ast/ast_printer.h"
#include "meninx/error.h"
#include "parser/parser.h"

namespace meninx::parser::testing {

// The whole statement in the printer's form.
inline std::string printed(std::string_view query) { return ast::to_string(parse(query)); }

// The first RETURN item of `RETURN <expression>`.
inline ast::ExprPtr expression_of(std::string_view expression) {
    ast::Statement statement = parse("RETURN " + std::string(expression));
    return statement.query.parts.at(0).clauses.at(0).projection.items.at(0).expression;
}

// `expression` as an S-expression.
inline std::string sexpr(std::string_view expression) {
    return ast::to_string(*expression_of(expression));
}

// The error that parsing `query` raises; fails the test when there is none or it is not Syntax.
inline Error syntax_error_of(std::string_view query) {
    try {
        parse(query);
    } catch (const Exception& e) {
        return e.error();
    }
    return Error{ErrorKind::Internal, "no error raised", 0, 0, {}};
}

}  // namespace meninx::parser::testing
