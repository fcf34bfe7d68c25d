// EditLineSource: terminal input through libedit, with persistent history and Tab completion.
//
// libedit's readline interface is process-wide, so at most one EditLineSource may exist at a
// time. It borrows the Completer, which must outlive it; it owns the history file's contents
// while it lives and appends each entry to the file as it is added.
#pragma once

#include <string>

#include "completer.h"
#include "line_source.h"

namespace meninx::shell {

class EditLineSource : public LineSource {
  public:
    // `history_file` may be empty (no persistent history).
    EditLineSource(const Completer& completer, std::string history_file);
    ~EditLineSource() override;
    EditLineSource(const EditLineSource&) = delete;
    EditLineSource& operator=(const EditLineSource&) = delete;

    std::optional<std::string> read_line(const std::string& prompt) override;
    bool interactive() const override { return true; }
    void add_history(const std::string& entry) override;
    std::vector<std::string> history() const override;

  private:
    std::string history_file_;
};

// The default history file: $MENINX_HISTORY, else ~/.meninx_history, else none.
std::string default_history_file();

}  // namespace meninx::shell
