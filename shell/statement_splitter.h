// StatementSplitter: cuts Cypher input, fed one line at a time, into statements ending with `;`.
//
// It knows Cypher's lexical shapes well enough not to split inside strings ('...', "..."),
// quoted names (`...`) or comments (// to end of line, /* ... */). Comments are replaced by spaces
// so that positions inside a statement stay those of the input. The splitter owns the text it has
// been given until take() hands complete statements to the caller.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meninx::shell {

// One complete statement and where its first character was in the input (1-based).
struct Statement {
    std::string text;
    int line = 1;
    int column = 1;
};

class StatementSplitter {
  public:
    // Adds one input line (without its line terminator) read from input line `line_number`.
    void add_line(std::string_view line, int line_number);
    // Statements completed so far, in input order; they are removed from the splitter.
    std::vector<Statement> take();
    // True when text other than blanks and comments waits for its closing `;`.
    bool pending() const { return has_content_; }
    // Ends the input: a pending statement without its `;` becomes complete.
    void finish();
    // Forgets the incomplete statement (Ctrl-C at a continuation prompt).
    void clear();

  private:
    enum class State { Code, SingleQuoted, DoubleQuoted, Backticked, BlockComment };

    void complete();

    State state_ = State::Code;
    std::string buffer_;
    bool has_content_ = false;
    int start_line_ = 1;
    int start_column_ = 1;
    std::vector<Statement> ready_;
};

}  // namespace meninx::shell
