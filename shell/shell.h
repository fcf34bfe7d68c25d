// Shell: the interactive and scripted front end of a Meninx database (the `meninx` program
// without its argument parsing and terminal set-up).
//
// A Shell owns the open Database, the session's parameters and settings, and borrows the
// streams it writes results (`out`) and errors (`err`) to; the caller keeps them alive. All
// input, whatever its origin, goes through run(): `:` commands at the start of a statement,
// Cypher statements ending with `;`. Only interrupt() may be called from another thread or a
// signal handler.
#pragma once

#include <atomic>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "completer.h"
#include "line_source.h"
#include "meninx/database.h"
#include "meninx/import_export.h"
#include "output_format.h"
#include "statement_splitter.h"

namespace meninx::shell {

struct ShellOptions {
    OutputMode mode = OutputMode::Table;
    FormatOptions format;
    // Open databases so that no write can succeed.
    bool read_only = false;
    // Who history records as the author of changes (empty: the environment's user name).
    std::string user;
    // When set, the first database opened is shown as it was at this point of its history (a
    // transaction id or a UTC time, as :asof takes).
    std::string as_of;
    // Stop a script at its first failing statement or command.
    bool bail = false;
    // Parameters available to every statement as $name.
    Map parameters;
    // When set, asked before each result for the width tables must fit (the terminal's width
    // may change while the shell runs).
    std::function<size_t()> terminal_width;
};

class Shell;

// One `:` command: its name (without the colon), its argument synopsis, what it does, and the
// member function that runs it (which returns false when the command failed).
struct CommandSpec {
    std::string_view name;
    std::string_view arguments;
    std::string_view summary;
    bool (Shell::*run)(std::string_view arguments);
};

class Shell {
  public:
    Shell(ShellOptions options, std::ostream& out, std::ostream& err);
    ~Shell();

    // Opens the database at `path`, replacing the open one; on failure reports on `err`, keeps
    // the previous database and returns false.
    bool open(const std::string& path);
    Database* database() { return db_.get(); }

    // Runs everything `source` provides until its end or :quit. `name` names the input in
    // error messages: a file name gives FILE:LINE:COLUMN, "-c" gives "line N". Returns false
    // when a statement or command failed (for a terminal: the last one). An earlier :quit or
    // interrupt does not carry over to the next run().
    bool run(LineSource& source, const std::string& name);

    // Stops the running statement, or (between statements) makes the terminal drop the input
    // being typed. Safe to call from a signal handler.
    void interrupt();

    bool quit_requested() const { return quit_; }
    // True when any statement or command has failed since the shell started.
    bool any_failed() const { return any_failed_; }

    // The prompt for a new statement or, with `continued`, for its next line.
    std::string prompt(bool continued) const;

    const Completer& completer() const { return completer_; }
    const ShellOptions& options() const { return options_; }

    // The table that drives both command dispatch and :help.
    static const std::vector<CommandSpec>& commands();

  private:
    bool execute(const Statement& statement, const std::string& name);
    bool run_command(std::string_view line, int line_number, const std::string& name);
    void report(const Error& error, const Statement& where, const std::string& name,
                int prefix_length);
    void refresh_catalog();
    std::vector<std::string> column_of(const char* query);
    // The nodes with these ids (for drawings of relationships whose endpoints a result lacks).
    std::vector<Node> fetch_nodes(const std::vector<int64_t>& ids);
    std::ostream& out() { return file_out_ ? *file_out_ : out_; }
    std::unique_ptr<ResultFormatter> formatter();

    bool cmd_help(std::string_view args);
    bool cmd_quit(std::string_view args);
    bool cmd_schema(std::string_view args);
    bool cmd_mode(std::string_view args);
    bool cmd_param(std::string_view args);
    bool cmd_params(std::string_view args);
    bool cmd_timer(std::string_view args);
    bool cmd_limit(std::string_view args);
    bool cmd_read(std::string_view args);
    bool cmd_open(std::string_view args);
    bool cmd_output(std::string_view args);
    bool cmd_history(std::string_view args);
    bool cmd_explain(std::string_view args);
    bool cmd_begin(std::string_view args);
    bool cmd_commit(std::string_view args);
    bool cmd_rollback(std::string_view args);
    bool cmd_search(std::string_view args);
    bool cmd_show(std::string_view args);
    bool cmd_import(std::string_view args);
    bool cmd_export(std::string_view args);
    bool cmd_log(std::string_view args);
    bool cmd_asof(std::string_view args);
    bool cmd_undo(std::string_view args);
    // Shows the open database as it was at `point` (see Database::as_of); false, with a message
    // naming `asked_by` (the command or option), when it cannot.
    bool view_as_of(std::string_view point, std::string_view asked_by);
    // Writes a result the way statements' results are written (tables for the dot format).
    void write_result(const QueryResult& result);
    // Runs Cypher script files in one transaction (for :import FILE.cypher).
    bool import_scripts(const std::vector<ImportFile>& files);

    ShellOptions options_;
    std::ostream& out_;
    std::ostream& err_;
    std::unique_ptr<std::ofstream> file_out_;
    std::unique_ptr<Database> db_;
    // While db_ shows the past (:asof), the database itself, to go back to.
    std::unique_ptr<Database> live_;
    // The last result with columns, for :show.
    std::optional<QueryResult> last_result_;
    int pictures_ = 0;  // files :show has written without being given a name
    Completer completer_;
    LineSource* terminal_ = nullptr;
    bool explain_ = false;
    bool quit_ = false;
    bool any_failed_ = false;
    int read_depth_ = 0;
    std::atomic<bool> running_{false};
    std::atomic<bool> interrupted_{false};
};

}  // namespace meninx::shell
