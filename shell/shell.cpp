#include "shell.h"

#include <filesystem>

#include "dot_format.h"
#include "schema_queries.h"

namespace meninx::shell {

namespace {

std::string_view trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

}  // namespace

Shell::Shell(ShellOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)), out_(out), err_(err) {
    std::vector<std::string> names;
    for (const auto& c : commands()) names.emplace_back(c.name);
    completer_.set_commands(std::move(names));
    std::vector<std::string> params;
    for (const auto& [name, value] : options_.parameters) params.push_back(name);
    completer_.set_parameters(std::move(params));
}

Shell::~Shell() = default;

bool Shell::open(const std::string& path) {
    OpenOptions opts;
    opts.read_only = options_.read_only;
    opts.create = !options_.read_only;
    opts.user = options_.user;
    Error error;
    auto db = Database::open(path, opts, &error);
    if (!db) {
        err_ << "error: cannot open " << path << ": " << error.message << '\n';
        return false;
    }
    db_ = std::move(db);
    live_.reset();
    refresh_catalog();
    if (!options_.as_of.empty()) {
        std::string point = std::move(options_.as_of);
        options_.as_of.clear();
        return view_as_of(point, "--as-of");
    }
    return true;
}

std::string Shell::prompt(bool continued) const {
    std::string name = "meninx";
    if (db_ && db_->path() != ":memory:") {
        name = std::filesystem::path(db_->path()).stem().string();
    } else if (db_) {
        name = "memory";
    }
    if (db_ && db_->as_of_transaction()) name += "@" + std::to_string(*db_->as_of_transaction());
    if (db_ && db_->in_transaction()) name += '*';
    if (continued) return std::string(name.size(), '.') + "> ";
    return name + "> ";
}

void Shell::interrupt() {
    interrupted_.store(true);
    if (running_.load() && db_) db_->cancel();
}

bool Shell::run(LineSource& source, const std::string& name) {
    if (source.interactive()) terminal_ = &source;
    if (read_depth_ == 0) quit_ = false;
    StatementSplitter splitter;
    bool ok = true;
    bool stop = false;
    int line_number = 0;
    auto run_ready = [&] {
        for (const Statement& statement : splitter.take()) {
            if (stop || quit_) return;
            if (source.interactive()) source.add_history(statement.text + ";");
            bool done = execute(statement, name);
            ok = source.interactive() ? done : ok && done;
            bool interrupted = interrupted_.exchange(false);
            if (!done && !source.interactive() && (options_.bail || interrupted)) stop = true;
            if (interrupted && !terminal_) quit_ = true;
        }
    };
    while (!quit_ && !stop) {
        if (source.interactive()) interrupted_.store(false);
        std::optional<std::string> line = source.read_line(prompt(splitter.pending()));
        if (!line) {
            if (source.interactive() && interrupted_.exchange(false)) {
                err_ << "^C\n";
                splitter.clear();
                continue;
            }
            if (!source.interactive() && interrupted_.exchange(false)) {
                // SIGINT while a script waited for input: the script stops, as a failure.
                err_ << name << ": interrupted\n";
                any_failed_ = true;
                ok = false;
                quit_ = !terminal_;
                stop = true;
            }
            break;
        }
        ++line_number;
        std::string_view text = trim(*line);
        if (!splitter.pending() && !text.empty() && text[0] == ':') {
            if (source.interactive()) source.add_history(std::string(text));
            bool done = run_command(text, line_number, name);
            ok = source.interactive() ? done : ok && done;
            if (!done && !source.interactive() && options_.bail) stop = true;
            continue;
        }
        splitter.add_line(*line, line_number);
        run_ready();
    }
    if (!stop && !quit_) {
        splitter.finish();
        run_ready();
    }
    if (&source == terminal_) terminal_ = nullptr;
    return ok;
}

bool Shell::execute(const Statement& statement, const std::string& name) {
    if (!db_) {
        err_ << "error: no database is open (see :open)\n";
        any_failed_ = true;
        return false;
    }
    std::string prefix = explain_ ? "EXPLAIN " : "";
    running_.store(true);
    if (interrupted_.load()) db_->cancel();
    QueryResult result = db_->query(prefix + statement.text, options_.parameters);
    running_.store(false);
    if (!result.ok()) {
        report(*result.error, statement, name, static_cast<int>(prefix.size()));
        any_failed_ = true;
        return false;
    }
    std::ostream& os = out();
    bool explain_only = !result.plan.empty() && result.rows.empty() && !result.stats.any();
    if (result.stats.any()) refresh_catalog();
    auto format = formatter();
    if (!explain_only) {
        if (std::string why = format->refusal(result); !why.empty()) {
            err_ << "error: " << output_mode_name(options_.mode) << ": " << why << '\n';
            any_failed_ = true;
            last_result_ = std::move(result);
            return false;
        }
        format->write(result, os);
    }
    if (!result.plan.empty()) {
        os << result.plan;
        if (result.plan.back() != '\n') os << '\n';
    }
    os.flush();
    if (!result.columns.empty()) last_result_ = std::move(result);
    return true;
}

void Shell::report(const Error& error, const Statement& where, const std::string& name,
                   int prefix_length) {
    int line = where.line;
    int column = 0;
    if (name.empty()) {
        // At the terminal, positions are within the statement just typed.
        line = std::max(error.line, 1);
        column = error.column;
        if (error.line == 1) column = std::max(1, error.column - prefix_length);
        if (error.kind == ErrorKind::Interrupted) err_ << '\n';
    } else if (error.line > 0) {
        line = where.line + error.line - 1;
        column = error.column;
        if (error.line == 1) column = std::max(1, where.column + error.column - 1 - prefix_length);
    }
    std::string place = name == "-c" || name.empty() ? "line " + std::to_string(line)
                                                     : name + ":" + std::to_string(line);
    if (column > 0) place += ":" + std::to_string(column);
    err_ << place << ": error: " << error_kind_name(error.kind) << ": " << error.message << '\n';
    if (!error.excerpt.empty()) {
        err_ << error.excerpt;
        if (error.excerpt.back() != '\n') err_ << '\n';
    }
    err_.flush();
}

bool Shell::run_command(std::string_view line, int line_number, const std::string& name) {
    std::string_view body = trim(line.substr(1));
    if (!body.empty() && body.back() == ';') body = trim(body.substr(0, body.size() - 1));
    size_t space = body.find_first_of(" \t");
    std::string_view word = body.substr(0, space);
    std::string_view args = space == std::string_view::npos ? "" : trim(body.substr(space));
    for (const auto& c : commands()) {
        if (c.name == word) {
            bool done = (this->*c.run)(args);
            if (!done) any_failed_ = true;
            return done;
        }
    }
    std::string place = name == "-c" || name.empty() ? "line " + std::to_string(line_number)
                                                     : name + ":" + std::to_string(line_number);
    err_ << place << ": error: unknown command :" << word << " (see :help)\n";
    any_failed_ = true;
    return false;
}

std::vector<std::string> Shell::column_of(const char* query) {
    std::vector<std::string> out;
    if (!db_) return out;
    QueryResult result = db_->query(query);
    if (!result.ok()) return out;
    for (const auto& row : result.rows) {
        if (!row.empty() && row[0].is_string()) out.push_back(row[0].as_string());
    }
    return out;
}

void Shell::refresh_catalog() {
    completer_.set_catalog(column_of(schema_queries::kLabels),
                           column_of(schema_queries::kRelationshipTypes),
                           column_of(schema_queries::kPropertyKeys));
    auto hints = std::make_shared<ModelHints>();
    if (db_) {
        QueryResult model = db_->query(schema_queries::kModelHints);
        for (const auto& row : model.ok() ? model.rows : std::vector<std::vector<Value>>{}) {
            if (row.size() < 4 || !row[1].is_string()) continue;
            auto text = [](const Value& v) {
                return v.is_string() ? v.as_string() : std::string();
            };
            if (text(row[0]) == "category") hints->parents[row[1].as_string()] = text(row[2]);
            if (text(row[0]) == "property") hints->units[row[1].as_string()] = text(row[3]);
        }
    }
    options_.format.model = std::move(hints);
}

std::vector<Node> Shell::fetch_nodes(const std::vector<int64_t>& ids) {
    std::vector<Node> out;
    if (!db_ || ids.empty()) return out;
    List list(ids.begin(), ids.end());
    QueryResult result = db_->query("MATCH (n) WHERE id(n) IN $ids RETURN n", {{"ids", list}});
    if (!result.ok()) return out;
    for (const auto& row : result.rows) {
        if (!row.empty() && row[0].is_node()) out.push_back(row[0].as_node());
    }
    return out;
}

std::unique_ptr<ResultFormatter> Shell::formatter() {
    FormatOptions format = options_.format;
    if (options_.terminal_width && !file_out_) format.width = options_.terminal_width();
    if (file_out_) format.width = 0;
    format.fetch_nodes = [this](const std::vector<int64_t>& ids) { return fetch_nodes(ids); };
    return make_formatter(options_.mode, format);
}

}  // namespace meninx::shell
