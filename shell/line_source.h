// LineSource: where the shell's input loop reads lines from. One loop serves a terminal (with
// line editing), a script file, `:read`, `-c` text and piped standard input.
#pragma once

#include <istream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace meninx::shell {

class LineSource {
  public:
    virtual ~LineSource() = default;
    // The next line without its terminator, or nothing at the end of the input (or, for a
    // terminal, when Ctrl-C interrupted the reading: the shell tells the two apart).
    virtual std::optional<std::string> read_line(const std::string& prompt) = 0;
    // True for a person at a terminal: prompts are shown and errors do not end the input.
    virtual bool interactive() const { return false; }
    // Records an entered statement or command in the history (terminals only).
    virtual void add_history(const std::string&) {}
    // The remembered history, oldest first.
    virtual std::vector<std::string> history() const { return {}; }
};

// Lines from a stream the caller owns (a file, standard input, a string).
class StreamLineSource : public LineSource {
  public:
    explicit StreamLineSource(std::istream& in) : in_(in) {}
    std::optional<std::string> read_line(const std::string& prompt) override;

  private:
    std::istream& in_;
};

// Lines from a string held by the source.
class TextLineSource : public LineSource {
  public:
    explicit TextLineSource(std::string text) : stream_(std::move(text)) {}
    std::optional<std::string> read_line(const std::string& prompt) override;

  private:
    std::istringstream stream_;
};

}  // namespace meninx::shell
