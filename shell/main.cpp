// The `meninx` program: parses the command line, opens the database and hands the input to a
// Shell; SIGINT stops the running query (or clears the line being typed) instead of the process.
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "arguments.h"
#include "line_editor.h"
#include "shell.h"

namespace {

meninx::shell::Shell* running_shell = nullptr;

void on_interrupt(int) {
    if (running_shell) running_shell->interrupt();
}

void install_interrupt_handler() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a blocked read returns, so the prompt can be cleared
    sigaction(SIGINT, &action, nullptr);
}

size_t terminal_width() {
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) return std::strtoul(columns, nullptr, 10);
    return 80;
}

bool utf8_locale() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* v = std::getenv(name);
        if (v && *v) {
            std::string s(v);
            return s.find("UTF-8") != std::string::npos || s.find("utf8") != std::string::npos ||
                   s.find("utf-8") != std::string::npos;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace meninx::shell;
    std::string error;
    auto cl = parse_arguments(std::vector<std::string>(argv + 1, argv + argc), &error);
    if (!cl) {
        std::cerr << "meninx: error: " << error << "\n(see meninx --help)\n";
        return 2;
    }
    if (cl->help) {
        std::cout << usage_text();
        return 0;
    }
    if (cl->version) {
        std::cout << "meninx " << meninx::version() << '\n';
        return 0;
    }
    for (const auto& input : cl->inputs) {
        if (input.is_file && !std::ifstream(input.text)) {
            std::cerr << "meninx: error: cannot read " << input.text << '\n';
            return 2;
        }
    }

    std::string database = cl->database;
    if (database.empty()) {
        const char* env = std::getenv("MENINX_DB");
        database = env && *env ? env : MENINX_DEFAULT_DB;
    }
    const bool interactive = cl->inputs.empty() && isatty(STDIN_FILENO);
    const bool terminal_out = isatty(STDOUT_FILENO);
    ShellOptions options = cl->shell;
    options.format.ascii = cl->ascii || !utf8_locale();
    options.format.color = terminal_out && !std::getenv("NO_COLOR");
    if (terminal_out) options.terminal_width = terminal_width;
    options.format.row_limit = interactive ? 1000 : 0;
    options.format.timer = interactive;

    Shell shell(options, std::cout, std::cerr);
    if (!shell.open(database)) return 2;
    running_shell = &shell;
    install_interrupt_handler();

    if (!cl->inputs.empty()) {
        for (const auto& input : cl->inputs) {
            if (input.is_file) {
                std::ifstream in(input.text);
                StreamLineSource source(in);
                shell.run(source, input.text);
            } else {
                TextLineSource source(input.text);
                shell.run(source, "-c");
            }
            if (shell.quit_requested() || (shell.any_failed() && options.bail)) break;
        }
    } else if (interactive) {
        EditLineSource source(shell.completer(), cl->history_file.value_or(default_history_file()));
        std::cout << "Meninx " << meninx::version() << " on " << database
                  << ". Type :help for help, Ctrl-D to leave.\n";
        shell.run(source, "");
        if (!shell.quit_requested()) std::cout << '\n';
        return 0;
    } else {
        StreamLineSource source(std::cin);
        shell.run(source, "<stdin>");
    }
    return shell.any_failed() ? 1 : 0;
}
