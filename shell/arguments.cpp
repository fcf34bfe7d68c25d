#include "arguments.h"

#include "meninx/import_export.h"
#include "value_text.h"

namespace meninx::shell {

namespace {

// A word of a `:` command line: quoted when it holds spaces or quotes.
std::string command_word(const std::string& word) {
    if (word.find_first_of(" \t\"'") == std::string::npos && !word.empty()) return word;
    char quote = word.find('"') == std::string::npos ? '"' : '\'';
    return quote + word + quote;
}

}  // namespace

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
      --import FILE...    Import KGX TSV, JSON Lines or Cypher files (a table in another
                          form after --mapping MAP.json) in one transaction; like -c ':import'
      --export FORMAT TARGET
                          Export the graph as kgx, jsonl, ntriples or cypher to TARGET (a
                          directory or file prefix for kgx and jsonl; '-' for standard output)
      --read-only         Open the database so that no write can succeed
      --user NAME         Record NAME as the author of changes (default: $MENINX_USER,
                          else $USER)
      --as-of TX|TIME     Show the graph as it was after transaction TX or at a UTC time
                          (2026-03-01, 2026-03-01T14:30); read-only, :asof now goes back
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
        } else if (arg == "--import") {
            std::string command = ":import";
            size_t files = 0;
            while (i + 1 < args.size() &&
                   (args[i + 1] == "--mapping" || args[i + 1].empty() || args[i + 1][0] != '-')) {
                std::string word = args[++i];
                if (word == "--mapping") {
                    if (i + 1 >= args.size()) {
                        *error = "--mapping needs a mapping file, then the table it maps";
                        return std::nullopt;
                    }
                    command += " --mapping " + command_word(args[++i]);
                    continue;
                }
                command += " " + command_word(word);
                ++files;
            }
            if (files == 0) {
                *error = "--import needs at least one file";
                return std::nullopt;
            }
            cl.inputs.push_back(ScriptInput{false, command});
        } else if (arg == "--export") {
            std::string target;
            if (!value(&v) || !value(&target)) {
                *error = "--export needs a format (kgx, jsonl, ntriples, cypher) and a target";
                return std::nullopt;
            }
            auto format = parse_graph_format(v);
            if (!format || *format == GraphFormat::Csv) {
                *error = "unknown export format '" + v + "' (kgx, jsonl, ntriples, cypher)";
                return std::nullopt;
            }
            cl.inputs.push_back(ScriptInput{false, ":export " + v + " " + command_word(target)});
        } else if (arg == "--read-only") {
            cl.shell.read_only = true;
        } else if (arg == "--user") {
            if (!value(&v)) return std::nullopt;
            if (v.empty()) {
                *error = "--user needs a name";
                return std::nullopt;
            }
            cl.shell.user = v;
        } else if (arg == "--as-of") {
            if (!value(&v)) return std::nullopt;
            if (v.empty()) {
                *error = "--as-of needs a transaction id or a UTC time";
                return std::nullopt;
            }
            cl.shell.as_of = v;
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
