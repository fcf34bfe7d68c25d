// The `:` commands: the table that drives dispatch and :help, and one method per command.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include "dot_format.h"
#include "schema_queries.h"
#include "shell.h"
#include "value_text.h"

namespace meninx::shell {

namespace {

std::string_view trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// Parses "on" / "off"; nothing for anything else.
std::optional<bool> on_off(std::string_view s) {
    if (s == "on") return true;
    if (s == "off") return false;
    return std::nullopt;
}

}  // namespace

const std::vector<CommandSpec>& Shell::commands() {
    static const std::vector<CommandSpec> table = {
        {"help", "[COMMAND]", "List the commands, or describe one", &Shell::cmd_help},
        {"quit", "", "Leave the shell (also Ctrl-D)", &Shell::cmd_quit},
        {"exit", "", "Leave the shell", &Shell::cmd_quit},
        {"schema", "", "Show the model: categories, predicate rules, properties (with counts)",
         &Shell::cmd_schema},
        {"mode", "table|csv|tsv|json|jsonl|markdown|dot", "Choose how results are written",
         &Shell::cmd_mode},
        {"search", "TEXT", "Find nodes by name, synonym, identifier or description",
         &Shell::cmd_search},
        {"show", "[FILE]", "Draw the last result as SVG (or .png, .pdf, .dot) with Graphviz",
         &Shell::cmd_show},
        {"param", "NAME => VALUE | clear", "Set the parameter $NAME (JSON or Cypher value)",
         &Shell::cmd_param},
        {"params", "", "List the parameters", &Shell::cmd_params},
        {"timer", "on|off", "Show the elapsed time under each result", &Shell::cmd_timer},
        {"limit", "N", "Show at most N rows of a table (0: all)", &Shell::cmd_limit},
        {"read", "FILE", "Run the statements and commands in FILE", &Shell::cmd_read},
        {"import", "[--mapping MAP] FILE...",
         "Import KGX TSV, JSON Lines, mapped CSV or Cypher files, all or nothing",
         &Shell::cmd_import},
        {"export", "FORMAT TARGET [QUERY]",
         "Export the graph or a query's result as kgx, jsonl, ntriples or cypher",
         &Shell::cmd_export},
        {"open", "FILE", "Close the database and open FILE", &Shell::cmd_open},
        {"output", "[FILE]", "Write results to FILE, or back to the terminal", &Shell::cmd_output},
        {"history", "", "List the statements entered so far", &Shell::cmd_history},
        {"explain", "[on|off]", "Toggle showing plans instead of running statements",
         &Shell::cmd_explain},
        {"log", "[N]", "List the last N transactions of history (default 20)", &Shell::cmd_log},
        {"asof", "[TX|TIME|now]",
         "Read the graph as it was after transaction TX or at a UTC time; now: back",
         &Shell::cmd_asof},
        {"undo", "TX", "Undo transaction TX in a new transaction", &Shell::cmd_undo},
        {"begin", "", "Start an explicit transaction", &Shell::cmd_begin},
        {"commit", "", "Make the transaction's changes durable", &Shell::cmd_commit},
        {"rollback", "", "Undo the transaction's changes", &Shell::cmd_rollback},
    };
    return table;
}

bool Shell::cmd_help(std::string_view args) {
    std::string_view wanted = args.starts_with(':') ? args.substr(1) : args;
    std::ostream& os = out();
    bool found = wanted.empty();
    for (const auto& c : commands()) {
        if (!wanted.empty() && c.name != wanted) continue;
        found = true;
        std::string synopsis = ":" + std::string(c.name);
        if (!c.arguments.empty()) synopsis += " " + std::string(c.arguments);
        os << std::left << std::setw(44) << synopsis << c.summary << '\n';
    }
    if (!found) {
        err_ << "error: unknown command :" << wanted << " (see :help)\n";
        return false;
    }
    if (wanted.empty()) {
        os << "Statements end with ';' and may span lines. Tab completes keywords, labels, types,\n"
              "property keys, functions and commands; Ctrl-C stops a query or clears the input.\n"
              "CALL db.procedures() lists the procedures (db.search, db.why, db.evidence, ...).\n"
              "Worked examples with their output: docs/tutorial.md; the shell: docs/shell.md.\n";
    }
    return true;
}

bool Shell::cmd_quit(std::string_view) {
    quit_ = true;
    return true;
}

bool Shell::cmd_schema(std::string_view) {
    if (!db_) {
        err_ << "error: no database is open (see :open)\n";
        return false;
    }
    QueryResult has_model = db_->query(schema_queries::kHasModel);
    const bool model = has_model.ok() && !has_model.rows.empty() &&
                       has_model.rows[0][0].is_bool() && has_model.rows[0][0].as_bool();
    const std::pair<const char*, const char*> sections[] = {
        {"Categories", model ? schema_queries::kModelCategories : schema_queries::kCategories},
        {"Predicates", model ? schema_queries::kModelPredicates : schema_queries::kPredicates},
        {"Properties", model ? schema_queries::kModelProperties : schema_queries::kProperties},
    };
    // A picture of the model's tables would be empty: dot shows them as tables.
    auto fmt = options_.mode == OutputMode::Dot ? make_formatter(OutputMode::Table, options_.format)
                                                : formatter();
    for (const auto& [title, query] : sections) {
        QueryResult result = db_->query(query);
        if (!result.ok()) {
            err_ << "error: " << title << ": " << result.error->message << '\n';
            return false;
        }
        if (options_.mode == OutputMode::Table || options_.mode == OutputMode::Markdown ||
            options_.mode == OutputMode::Dot) {
            out() << title << '\n';
        }
        fmt->write(result, out());
    }
    return true;
}

bool Shell::cmd_mode(std::string_view args) {
    auto mode = parse_output_mode(args);
    if (!mode) {
        err_ << "error: :mode takes one of";
        for (auto name : output_mode_names()) err_ << ' ' << name;
        err_ << '\n';
        return false;
    }
    options_.mode = *mode;
    return true;
}

bool Shell::cmd_param(std::string_view args) {
    if (args == "clear") {
        options_.parameters.clear();
        completer_.set_parameters({});
        return true;
    }
    size_t arrow = args.find("=>");
    if (arrow == std::string_view::npos) {
        err_ << "error: usage: :param NAME => VALUE, or :param clear\n";
        return false;
    }
    std::string_view name = trim(args.substr(0, arrow));
    if (name.starts_with('$')) name.remove_prefix(1);
    std::string text(trim(args.substr(arrow + 2)));
    if (name.empty() || text.empty()) {
        err_ << "error: usage: :param NAME => VALUE, or :param clear\n";
        return false;
    }
    Value value;
    if (!parse_json_value(text, &value)) {
        if (!db_) {
            err_ << "error: the value is not JSON, and Cypher values need an open database\n";
            return false;
        }
        QueryResult result = db_->query("RETURN " + text + " AS value", options_.parameters);
        if (!result.ok() || result.rows.size() != 1) {
            err_ << "error: cannot evaluate " << text << ": "
                 << (result.ok() ? "not one value" : result.error->message) << '\n';
            return false;
        }
        value = result.rows[0][0];
    }
    options_.parameters[std::string(name)] = value;
    std::vector<std::string> names;
    for (const auto& [n, v] : options_.parameters) names.push_back(n);
    completer_.set_parameters(std::move(names));
    return true;
}

bool Shell::cmd_params(std::string_view) {
    for (const auto& [name, value] : options_.parameters) {
        out() << "$" << name << " => " << value_text(value, false) << '\n';
    }
    return true;
}

bool Shell::cmd_timer(std::string_view args) {
    auto on = on_off(args);
    if (!on) {
        err_ << "error: usage: :timer on|off\n";
        return false;
    }
    options_.format.timer = *on;
    return true;
}

bool Shell::cmd_limit(std::string_view args) {
    size_t n = 0;
    auto [end, ec] = std::from_chars(args.data(), args.data() + args.size(), n);
    if (args.empty() || ec != std::errc() || end != args.data() + args.size()) {
        err_ << "error: usage: :limit N (0 shows every row)\n";
        return false;
    }
    options_.format.row_limit = n;
    return true;
}

bool Shell::cmd_read(std::string_view args) {
    std::string file(args);
    std::ifstream in(file);
    if (file.empty() || !in) {
        err_ << "error: cannot read " << (file.empty() ? "(no file named)" : file) << '\n';
        return false;
    }
    if (read_depth_ >= 16) {
        err_ << "error: :read nested too deeply\n";
        return false;
    }
    StreamLineSource source(in);
    ++read_depth_;
    bool ok = run(source, file);
    --read_depth_;
    return ok;
}

bool Shell::cmd_open(std::string_view args) {
    if (args.empty()) {
        err_ << "error: usage: :open FILE\n";
        return false;
    }
    return open(std::string(args));
}

bool Shell::cmd_output(std::string_view args) {
    if (args.empty()) {
        file_out_.reset();
        return true;
    }
    auto file = std::make_unique<std::ofstream>(std::string(args));
    if (!*file) {
        err_ << "error: cannot write " << args << '\n';
        return false;
    }
    file_out_ = std::move(file);
    return true;
}

bool Shell::cmd_history(std::string_view) {
    if (!terminal_) return true;
    auto entries = terminal_->history();
    for (size_t i = 0; i < entries.size(); ++i) {
        out() << std::right << std::setw(5) << i + 1 << "  " << entries[i] << '\n';
    }
    return true;
}

bool Shell::cmd_explain(std::string_view args) {
    if (args.empty()) {
        explain_ = !explain_;
    } else if (auto on = on_off(args)) {
        explain_ = *on;
    } else {
        err_ << "error: usage: :explain [on|off]\n";
        return false;
    }
    out() << "explain " << (explain_ ? "on" : "off") << '\n';
    return true;
}

bool Shell::cmd_begin(std::string_view) {
    if (!db_) return false;
    if (auto error = db_->begin()) {
        err_ << "error: " << error->message << '\n';
        return false;
    }
    return true;
}

bool Shell::cmd_commit(std::string_view) {
    if (!db_) return false;
    if (auto error = db_->commit()) {
        err_ << "error: " << error->message << '\n';
        return false;
    }
    refresh_catalog();
    return true;
}

bool Shell::cmd_rollback(std::string_view) {
    if (!db_) return false;
    if (auto error = db_->rollback()) {
        err_ << "error: " << error->message << '\n';
        return false;
    }
    refresh_catalog();
    return true;
}

namespace {

constexpr int64_t kSearchRows = 20;

// A node's labels as Cypher writes them, most specific category first (:SmallMolecule:Drug).
std::string category_text(const Node& node, const ModelHints* model) {
    std::string out;
    for (const auto& l : categories_by_specificity(node, model)) out += ":" + l;
    return out;
}

// The Graphviz output format for a file name's extension, or empty when dot cannot write it.
std::string picture_format(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".svg" || ext == ".png" || ext == ".pdf") return ext.substr(1);
    if (ext == ".dot" || ext == ".gv") return "dot";
    return "";
}

// Runs `program -T<format> -o <output> <input>`; on failure returns why.
std::optional<std::string> run_graphviz(const std::string& program, const std::string& format,
                                        const std::string& input, const std::string& output,
                                        const std::string& messages) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, messages.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::string type = "-T" + format;
    std::vector<std::string> args = {program, type, "-o", output, input};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        return "cannot run " + program + ": " + std::strerror(rc) +
               " (install Debian's graphviz package, or name the program in $MENINX_DOT)";
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return "waiting for " + program + ": " + std::strerror(errno);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return std::nullopt;
    std::ifstream in(messages);
    std::string said, line;
    for (int n = 0; n < 5 && std::getline(in, line); ++n) said += "\n  " + line;
    std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                        : "signal " + std::to_string(WTERMSIG(status));
    return program + " failed (" + how + ")" + said;
}

}  // namespace

bool Shell::cmd_search(std::string_view args) {
    if (!db_) {
        err_ << "error: no database is open (see :open)\n";
        return false;
    }
    if (args.empty()) {
        err_ << "error: usage: :search TEXT (words of a name, synonym, identifier or "
                "description; word* for a prefix)\n";
        return false;
    }
    QueryResult found = db_->query(
        "CALL db.search($text, $limit) YIELD node, score, property RETURN node, score, property",
        {{"text", std::string(args)}, {"limit", kSearchRows + 1}});
    if (!found.ok()) {
        err_ << "error: :search: " << found.error->message << '\n';
        return false;
    }
    QueryResult shown;
    shown.columns = {"name", "category", "id", "score", "matched"};
    shown.elapsed = found.elapsed;
    const size_t n = std::min(found.rows.size(), static_cast<size_t>(kSearchRows));
    for (size_t i = 0; i < n; ++i) {
        const auto& row = found.rows[i];
        const Node& node = row[0].as_node();
        auto prop = [&](const char* key) {
            auto it = node.properties->find(key);
            return it == node.properties->end() ? Value() : it->second;
        };
        double score = std::round(row[1].as_number() * 100.0) / 100.0;
        shown.rows.push_back({prop("name"), category_text(node, options_.format.model.get()),
                              prop("id"), score, row[2]});
    }
    auto fmt = options_.mode == OutputMode::Dot ? make_formatter(OutputMode::Table, options_.format)
                                                : formatter();
    fmt->write(shown, out());
    if (found.rows.size() > n) {
        err_ << "(the best " << n << " matches; CALL db.search(text, limit) gives more)\n";
    }
    found.rows.resize(n);
    last_result_ = std::move(found);
    return true;
}

bool Shell::cmd_show(std::string_view args) {
    namespace fs = std::filesystem;
    if (!last_result_) {
        err_ << "error: :show draws the last result, and there is none yet; run a query that "
                "returns nodes, relationships or paths\n";
        return false;
    }
    auto dot = make_formatter(OutputMode::Dot, options_.format);
    if (std::string why = dot->refusal(*last_result_); !why.empty()) {
        err_ << "error: :show: " << why << '\n';
        return false;
    }
    std::error_code ec;
    fs::path file(args);
    if (args.empty()) {
        fs::path dir = fs::temp_directory_path(ec) / ("meninx-" + std::to_string(getpid()));
        fs::create_directories(dir, ec);
        if (ec) {
            err_ << "error: :show: cannot create " << dir.string() << ": " << ec.message() << '\n';
            return false;
        }
        file = dir / ("result-" + std::to_string(++pictures_) + ".svg");
    }
    std::string format = picture_format(file);
    if (format.empty()) {
        err_ << "error: :show writes .svg, .png, .pdf or .dot files, not " << file.string() << '\n';
        return false;
    }
    std::ostringstream text;
    dot->write(*last_result_, text);
    const fs::path source = fs::path(file.string() + ".meninx-tmp.dot");
    {
        std::ofstream os(format == "dot" ? file : source, std::ios::binary | std::ios::trunc);
        os << text.str();
        if (!os.flush()) {
            err_ << "error: :show: cannot write " << (format == "dot" ? file : source).string()
                 << '\n';
            return false;
        }
    }
    if (format != "dot") {
        const char* env = std::getenv("MENINX_DOT");
        std::string program = env && *env ? env : "dot";
        fs::path messages = fs::path(file.string() + ".meninx-tmp.log");
        auto failed =
            run_graphviz(program, format, source.string(), file.string(), messages.string());
        fs::remove(source, ec);
        fs::remove(messages, ec);
        if (failed) {
            err_ << "error: :show: " << *failed << '\n';
            return false;
        }
    }
    ResultGraph graph = collect_graph(*last_result_);
    out() << "wrote " << file.string() << " (" << graph.nodes.size()
          << (graph.nodes.size() == 1 ? " node, " : " nodes, ") << graph.relationships.size()
          << (graph.relationships.size() == 1 ? " relationship)" : " relationships)") << '\n';
    return true;
}

}  // namespace meninx::shell
