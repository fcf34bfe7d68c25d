#include "arguments.h"

#include "value_text.h"

namespace meninx::shell {

std::string usage_text() {
    return R"(Usage: meninx [OPTIONS] [DATABASE]

Opens DATABASE (default: $MENINX_DB, else the seeded lm.meninx) and runs Cypher statements
from the terminal, from -c/-f in the order given, or from standard input when it is not a
terminal. Statements end with ';'. Lines starting with ':' are shell commands (see :help).

Options:
  -c, --command QUERY     Run QUERY (may hold several statements); repeatable
  -f, --file FILE         Run the statements and commands in FILE; repeatable
      --format FORMAT     Write results as table, csv, tsv, json, jsonl, markdown or dot
                          (dot: a Graphviz picture of the nodes, relationships and paths)
      --param NAME=VALUE  Set parameter $NAME to a JSON VALUE; repeatable
      --read-only         Open the database so that no write can succeed
      --bail              Stop at the first failing statement
      --ascii             Draw tables with ASCII characters only
      --history FILE      Keep the interactive history in FILE ("" for none;
                          default: $MENINX_HISTORY, else ~/.meninx_history)
      --version           Print the version and exit
  -h, --help              Print this help and exit

Exit status: 0 when every statement succeeded, 1 when one failed, 2 for a usage error
(unknown option, unreadable file, database that cannot be opened).

Learn by example: docs/tutorial.md (questions with their queries and real output);
docs/shell.md (this shell), docs/curation.md (writing facts and evidence).
)";
}

std::optional<CommandLine> parse_arguments(const std::vector<std::string>& args,
                                           std::string* error) {
    CommandLine cl;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](std::string* out) {
            if (i + 1 >= args.size()) {
                *error = "option " + arg + " needs a value";
                return false;
            }
            *out = args[++i];
            return true;
        };
        std::string v;
        if (arg == "-c" || arg == "--command") {
            if (!value(&v)) return std::nullopt;
            cl.inputs.push_back(ScriptInput{false, v});
        } else if (arg == "-f" || arg == "--file") {
            if (!value(&v)) return std::nullopt;
            cl.inputs.push_back(ScriptInput{true, v});
        } else if (arg == "--format") {
            if (!value(&v)) return std::nullopt;
            auto mode = parse_output_mode(v);
            if (!mode) {
                *error = "unknown format '" + v + "' (one of";
                for (auto name : output_mode_names()) *error += " " + std::string(name);
                *error += ")";
                return std::nullopt;
            }
            cl.shell.mode = *mode;
        } else if (arg == "--param") {
            if (!value(&v)) return std::nullopt;
            size_t eq = v.find('=');
            if (eq == std::string::npos || eq == 0) {
                *error = "--param needs NAME=VALUE, got '" + v + "'";
                return std::nullopt;
            }
            Value parsed;
            if (!parse_json_value(v.substr(eq + 1), &parsed)) {
                *error = "--param " + v.substr(0, eq) +
                         ": the value is not JSON (strings need quotes: name='\"text\"')";
                return std::nullopt;
            }
            cl.shell.parameters[v.substr(0, eq)] = parsed;
        } else if (arg == "--read-only") {
            cl.shell.read_only = true;
        } else if (arg == "--bail") {
            cl.shell.bail = true;
        } else if (arg == "--ascii") {
            cl.ascii = true;
        } else if (arg == "--history") {
            if (!value(&v)) return std::nullopt;
            cl.history_file = v;
        } else if (arg == "--version") {
            cl.version = true;
        } else if (arg == "-h" || arg == "--help") {
            cl.help = true;
        } else if (arg.size() > 1 && arg[0] == '-') {
            *error = "unknown option " + arg;
            return std::nullopt;
        } else if (cl.database.empty()) {
            cl.database = arg;
        } else {
            *error = "more than one database given ('" + cl.database + "' and '" + arg + "')";
            return std::nullopt;
        }
    }
    return cl;
}

}  // namespace meninx::shell
