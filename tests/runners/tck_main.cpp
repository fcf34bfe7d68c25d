// meninx-tck: runs the openCypher TCK scenarios (Gherkin .feature files) against Meninx and
// reports pass/fail/skip figures per directory.
//
// Usage: meninx-tck [--verbose] [--no-fork] [--jobs N] [--timeout MS] [--filter TEXT]
//                   [--list-passing FILE] [--expect FILE] [FEATURES_DIR]
// FEATURES_DIR defaults to $MENINX_SHARED_DIR/tck/features, then ../shared/tck/features.
// Each scenario runs in a child process (unless --no-fork), so a crash or a hang fails only that
// scenario. Exit status: 1 when --expect names a scenario that no longer passes, 0 otherwise.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gherkin.h"
#include "tck_scenario.h"

namespace fs = std::filesystem;
using namespace meninx::testing;

namespace {

struct Options {
    std::string features_dir;
    bool verbose = false;
    bool fork = true;
    int jobs = 2;
    int timeout_ms = 10000;
    std::string filter;
    std::string list_passing;
    std::string expect;
};

// One scenario instance to run, with where it came from.
struct Case {
    std::string directory;  // e.g. "clauses/match"
    std::string id;         // "<relative path>\t<name>[\t#<example>]", as in the lists
    ScenarioInstance scenario;
    TckResult result;
};

struct Tally {
    int passed = 0, failed = 0, skipped = 0;
};

// Directories whose features need what Meninx does not have (temporal types, procedures).
bool unsupported_directory(const std::string& directory) {
    return directory.rfind("expressions/temporal", 0) == 0 ||
           directory.rfind("clauses/call", 0) == 0;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<Case> collect_cases(const Options& options) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(options.features_dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".feature") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<Case> cases;
    for (const auto& file : files) {
        std::string relative = fs::relative(file, options.features_dir).generic_string();
        std::string directory = fs::path(relative).parent_path().generic_string();
        std::vector<ScenarioInstance> instances;
        std::string parse_error;
        try {
            instances = expand_scenarios(parse_feature(relative, read_text(file)));
        } catch (const std::exception& e) {
            std::cerr << "cannot read " << e.what() << "\n";
            continue;
        }
        for (auto& instance : instances) {
            Case c;
            c.directory = directory;
            c.id = relative + "\t" + instance.name;
            if (instance.example > 0) c.id += "\t#" + std::to_string(instance.example);
            if (!options.filter.empty() && c.id.find(options.filter) == std::string::npos) {
                continue;
            }
            c.scenario = std::move(instance);
            if (unsupported_directory(directory)) {
                c.result = {TckOutcome::Skipped, "feature area not supported"};
            } else {
                std::string why = tck_unsupported_reason(c.scenario);
                c.result = why.empty() ? TckResult{TckOutcome::Failed, "not run"}
                                       : TckResult{TckOutcome::Skipped, why};
            }
            cases.push_back(std::move(c));
        }
    }
    return cases;
}

// A scenario running in a child process that reports through a pipe.
struct Child {
    pid_t pid = -1;
    int fd = -1;
    size_t index = 0;
    std::string output;
    std::chrono::steady_clock::time_point deadline;
};

Child start_child(size_t index, const Case& c, const TckConfig& config, int timeout_ms) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::cout.flush();
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::close(fds[0]);
        TckResult result = run_tck_scenario(c.scenario, config);
        std::string message = (result.outcome == TckOutcome::Passed ? "P" : "F") + result.reason;
        size_t written = 0;
        while (written < message.size()) {
            ssize_t n = ::write(fds[1], message.data() + written, message.size() - written);
            if (n <= 0) break;
            written += static_cast<size_t>(n);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    Child child;
    child.pid = pid;
    child.fd = fds[0];
    child.index = index;
    // The per-query timeout bounds each statement; the scenario as a whole gets a few of them.
    child.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(3 * timeout_ms);
    return child;
}

TckResult finish_child(Child& child, bool timed_out) {
    if (timed_out) ::kill(child.pid, SIGKILL);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    ::close(child.fd);
    if (timed_out) return {TckOutcome::Failed, "scenario timed out (killed)"};
    if (WIFSIGNALED(status)) {
        return {TckOutcome::Failed, "crashed with signal " + std::to_string(WTERMSIG(status))};
    }
    if (child.output.empty()) return {TckOutcome::Failed, "no result reported"};
    TckOutcome outcome = child.output[0] == 'P' ? TckOutcome::Passed : TckOutcome::Failed;
    return {outcome, child.output.substr(1)};
}

void run_forked(std::vector<Case>& cases, const TckConfig& config, const Options& options) {
    std::vector<size_t> pending;
    for (size_t i = 0; i < cases.size(); ++i) {
        if (cases[i].result.outcome != TckOutcome::Skipped) pending.push_back(i);
    }
    std::reverse(pending.begin(), pending.end());
    std::vector<Child> running;
    while (!pending.empty() || !running.empty()) {
        while (!pending.empty() && static_cast<int>(running.size()) < options.jobs) {
            size_t index = pending.back();
            pending.pop_back();
            running.push_back(start_child(index, cases[index], config, options.timeout_ms));
        }
        std::vector<pollfd> fds;
        for (const auto& child : running) fds.push_back({child.fd, POLLIN, 0});
        ::poll(fds.data(), fds.size(), 100);
        auto now = std::chrono::steady_clock::now();
        for (size_t i = 0; i < running.size();) {
            Child& child = running[i];
            bool done = false;
            bool timed_out = false;
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buffer[4096];
                ssize_t n = ::read(child.fd, buffer, sizeof buffer);
                if (n > 0) {
                    child.output.append(buffer, static_cast<size_t>(n));
                } else {
                    done = true;
                }
            }
            if (!done && now > child.deadline) {
                done = true;
                timed_out = true;
            }
            if (done) {
                cases[child.index].result = finish_child(child, timed_out);
                running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
                fds.erase(fds.begin() + static_cast<std::ptrdiff_t>(i));
            } else {
                ++i;
            }
        }
    }
}

std::set<std::string> read_list(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::set<std::string> ids;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        ids.insert(line);
    }
    return ids;
}

std::string percent(const Tally& t) {
    if (t.passed + t.failed == 0) return "n/a";
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << 100.0 * t.passed / (t.passed + t.failed) << " %";
    return out.str();
}

std::string default_features_dir() {
    if (const char* shared = std::getenv("MENINX_SHARED_DIR")) {
        return std::string(shared) + "/tck/features";
    }
    return "../shared/tck/features";
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--verbose" || arg == "-v") {
            options.verbose = true;
        } else if (arg == "--no-fork") {
            options.fork = false;
        } else if (arg == "--jobs" || arg == "-j") {
            options.jobs = std::max(1, std::stoi(value()));
        } else if (arg == "--timeout") {
            options.timeout_ms = std::stoi(value());
        } else if (arg == "--filter") {
            options.filter = value();
        } else if (arg == "--list-passing") {
            options.list_passing = value();
        } else if (arg == "--expect") {
            options.expect = value();
        } else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: meninx-tck [--verbose] [--no-fork] [--jobs N] [--timeout MS] "
                         "[--filter TEXT] [--list-passing FILE] [--expect FILE] "
                         "[FEATURES_DIR]\n";
            return 0;
        } else if (!arg.empty() && arg[0] == '-') {
            std::cerr << "unknown option " << arg << "\n";
            return 2;
        } else {
            options.features_dir = arg;
        }
    }
    if (options.features_dir.empty()) options.features_dir = default_features_dir();
    if (!fs::is_directory(options.features_dir)) {
        std::cout << "TCK features not found at " << options.features_dir << "; nothing to run\n";
        return 0;
    }
    TckConfig config;
    config.graphs_dir = (fs::path(options.features_dir).parent_path() / "graphs").string();
    config.query_timeout_ms = options.timeout_ms;

    auto started = std::chrono::steady_clock::now();
    std::vector<Case> cases = collect_cases(options);
    if (options.fork) {
        run_forked(cases, config, options);
    } else {
        for (auto& c : cases) {
            if (c.result.outcome != TckOutcome::Skipped) {
                c.result = run_tck_scenario(c.scenario, config);
            }
        }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::map<std::string, Tally> by_directory;
    Tally total;
    for (const auto& c : cases) {
        Tally& t = by_directory[c.directory];
        switch (c.result.outcome) {
            case TckOutcome::Passed:
                ++t.passed, ++total.passed;
                break;
            case TckOutcome::Failed:
                ++t.failed, ++total.failed;
                if (options.verbose) {
                    std::cout << "FAILED " << c.id << " (line " << c.scenario.line << ")\n    "
                              << c.result.reason << "\n";
                }
                break;
            case TckOutcome::Skipped:
                ++t.skipped, ++total.skipped;
                break;
        }
    }
    for (const auto& [directory, t] : by_directory) {
        std::cout << directory << ": passed " << t.passed << ", failed " << t.failed << ", skipped "
                  << t.skipped << " (" << percent(t) << ")\n";
    }
    std::cout << "total: passed " << total.passed << ", failed " << total.failed << ", skipped "
              << total.skipped << " (" << percent(total) << ") in " << std::fixed
              << std::setprecision(1) << seconds << " s\n";

    if (!options.list_passing.empty()) {
        std::ofstream out(options.list_passing, std::ios::trunc);
        out << "# openCypher TCK scenarios that pass: feature<TAB>scenario[<TAB>#example]\n";
        for (const auto& c : cases) {
            if (c.result.outcome == TckOutcome::Passed) out << c.id << "\n";
        }
    }
    int regressions = 0;
    if (!options.expect.empty()) {
        std::set<std::string> expected = read_list(options.expect);
        std::set<std::string> passing;
        for (const auto& c : cases) {
            if (c.result.outcome == TckOutcome::Passed) passing.insert(c.id);
        }
        for (const auto& id : expected) {
            if (passing.count(id)) continue;
            if (!options.filter.empty() && id.find(options.filter) == std::string::npos) continue;
            ++regressions;
            std::cout << "REGRESSION: " << id << "\n";
            for (const auto& c : cases) {
                if (c.id == id) std::cout << "    " << c.result.reason << "\n";
            }
        }
        std::cout << regressions << " regressions against " << expected.size()
                  << " expected passing scenarios\n";
    }
    std::cout << "TCK: " << total.passed << " passed, " << total.failed << " failed\n";
    return regressions > 0 ? 1 : 0;
}
