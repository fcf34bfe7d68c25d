// Completer: the candidates for Tab completion, from static word lists (keywords, functions),
// the shell's command table and the open database's catalog (labels, types, property keys).
//
// It owns copies of the words it completes from; the shell refreshes the catalog words after
// opening a database and after each statement that writes. It knows nothing of the terminal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meninx::shell {

class Completer {
  public:
    void set_commands(std::vector<std::string> names) { commands_ = std::move(names); }
    void set_catalog(std::vector<std::string> labels, std::vector<std::string> types,
                     std::vector<std::string> property_keys);
    void set_parameters(std::vector<std::string> names) { parameters_ = std::move(names); }

    // Candidates for the word line[start, end), chosen by what precedes it: a `:` at the start
    // of the line asks for a command, another `:` for a label or type, `.` for a property key,
    // `$` for a parameter; otherwise keywords and function names. Sorted, without duplicates.
    std::vector<std::string> complete(std::string_view line, size_t start, size_t end) const;

    // The characters that end a word for completion.
    static const char* word_breaks();

  private:
    std::vector<std::string> commands_;
    std::vector<std::string> labels_;
    std::vector<std::string> types_;
    std::vector<std::string> property_keys_;
    std::vector<std::string> parameters_;
};

}  // namespace meninx::shell
