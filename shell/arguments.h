// The `meninx` command line: what it may say, and its parsing into a CommandLine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shell.h"

namespace meninx::shell {

// One script input, run in command-line order: -c text or -f file.
struct ScriptInput {
    bool is_file = false;
    std::string text;  // the query for -c, the path for -f
};

struct CommandLine {
    std::string database;  // empty: $MENINX_DB or the default database
    std::vector<ScriptInput> inputs;
    ShellOptions shell;
    bool ascii = false;
    std::optional<std::string> history_file;  // --history FILE ("" turns history off)
    bool help = false;
    bool version = false;
};

// Parses the arguments after the program name. Returns nothing on a usage error and says why
// in `*error`.
std::optional<CommandLine> parse_arguments(const std::vector<std::string>& args,
                                           std::string* error);

// The text printed by --help.
std::string usage_text();

}  // namespace meninx::shell
