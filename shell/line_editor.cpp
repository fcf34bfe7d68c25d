#include "line_editor.h"

#include <editline/readline.h>

#include <cstdlib>
#include <cstring>

namespace meninx::shell {

namespace {

const Completer* active_completer = nullptr;
std::vector<std::string> pending_matches;

// libedit's generator protocol: called with state 0 first, then until it returns null.
char* next_match(const char*, int state) {
    static size_t index = 0;
    if (state == 0) index = 0;
    if (index >= pending_matches.size()) return nullptr;
    return strdup(pending_matches[index++].c_str());
}

char** attempt_completion(const char*, int start, int end) {
    rl_attempted_completion_over = 1;
    if (!active_completer) return nullptr;
    std::string line(rl_line_buffer ? rl_line_buffer : "");
    pending_matches =
        active_completer->complete(line, static_cast<size_t>(start), static_cast<size_t>(end));
    if (pending_matches.empty()) return nullptr;
    std::string word = line.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    return rl_completion_matches(word.c_str(), next_match);
}

}  // namespace

EditLineSource::EditLineSource(const Completer& completer, std::string history_file)
    : history_file_(std::move(history_file)) {
    active_completer = &completer;
    rl_readline_name = const_cast<char*>("meninx");
    rl_basic_word_break_characters = const_cast<char*>(Completer::word_breaks());
    rl_completer_word_break_characters = const_cast<char*>(Completer::word_breaks());
    rl_attempted_completion_function = attempt_completion;
    using_history();
    if (!history_file_.empty()) read_history(history_file_.c_str());
}

EditLineSource::~EditLineSource() {
    active_completer = nullptr;
    rl_attempted_completion_function = nullptr;
}

std::optional<std::string> EditLineSource::read_line(const std::string& prompt) {
    char* raw = readline(prompt.c_str());
    if (!raw) return std::nullopt;
    std::string line(raw);
    std::free(raw);
    return line;
}

void EditLineSource::add_history(const std::string& entry) {
    std::string flat = entry;
    for (char& c : flat) {
        if (c == '\n') c = ' ';
    }
    ::add_history(flat.c_str());
    if (!history_file_.empty()) write_history(history_file_.c_str());
}

std::vector<std::string> EditLineSource::history() const {
    std::vector<std::string> out;
    for (int i = 0; i < history_length; ++i) {
        HIST_ENTRY* entry = history_get(history_base + i);
        if (entry && entry->line) out.emplace_back(entry->line);
    }
    return out;
}

std::string default_history_file() {
    if (const char* file = std::getenv("MENINX_HISTORY")) return file;
    if (const char* home = std::getenv("HOME")) return std::string(home) + "/.meninx_history";
    return {};
}

}  // namespace meninx::shell
