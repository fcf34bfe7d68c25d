// Syntax errors: turning a position in the query text and a message into a meninx::Exception,
// and ANTLR's error reports into messages in words.
#pragma once

#include <string>
#include <string_view>

#include "antlr4-runtime.h"
#include "meninx/error.h"

namespace meninx::parser {

// Builds the Syntax exception for an error at 1-based (line, column) of `text`; the column
// counts Unicode code points. The excerpt is the offending line and a caret under the column.
Exception make_syntax_error(std::string_view text, int line, int column, std::string message);

// Listens to the lexer and the parser and throws a Syntax exception at the first error, with a
// message that names what was found and what was expected. Owns nothing; the text it is given
// must outlive its use.
class SyntaxErrorListener : public antlr4::BaseErrorListener {
  public:
    // The query text that positions refer to.
    void set_text(std::string_view text) { text_ = text; }

    void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending_symbol, size_t line,
                     size_t char_position_in_line, const std::string& message,
                     std::exception_ptr error) override;

  private:
    std::string_view text_;
};

}  // namespace meninx::parser
