// meninx-test-runner: runs `.test` query files (format: docs/testing.md) against a fresh
// database each and reports every block that does not behave as written.
//
// Usage: meninx-test-runner [--seed-db PATH] [--update] [--verbose] FILE|DIR...
// A directory stands for every `.test` file below it.
// Exit status: 0 when every block passed, 1 on any failure, 77 when every file was skipped
// (ctest's SKIP_RETURN_CODE).
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "meninx/database.h"
#include "test_file.h"
#include "value_render.h"

namespace fs = std::filesystem;
using namespace meninx;
using namespace meninx::testing;

namespace {

struct Options {
    std::string seed_db;
    bool update = false;
    bool verbose = false;
    std::vector<std::string> files;
};

struct FileOutcome {
    int passed = 0;
    int failed = 0;
    bool skipped = false;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// `text` with every line (but a trailing empty one) prefixed by `prefix`.
std::string indent(const std::string& text, const std::string& prefix = "    ") {
    std::string out = prefix;
    for (size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '\n' && i + 1 < text.size()) out += prefix;
    }
    return out;
}

std::string lines_or_none(const std::vector<std::string>& lines) {
    if (lines.empty()) return "    (no rows)\n";
    std::string out;
    for (const auto& line : lines) out += "    " + line + "\n";
    return out;
}

// A private copy of the seed database, removed when this object goes away.
class SeedCopy {
  public:
    explicit SeedCopy(const std::string& source) {
        path_ =
            (fs::temp_directory_path() / ("meninx-test-" + std::to_string(::getpid()) + ".meninx"))
                .string();
        fs::copy_file(source, path_, fs::copy_options::overwrite_existing);
    }
    ~SeedCopy() {
        std::error_code ignored;
        fs::remove(path_, ignored);
        fs::remove(path_ + "-wal", ignored);
        fs::remove(path_ + "-shm", ignored);
    }
    SeedCopy(const SeedCopy&) = delete;
    SeedCopy& operator=(const SeedCopy&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

// Checks one block's result; returns an empty string when it passed, otherwise why not.
// For query blocks, `actual_rows` receives the rendered rows (for --update).
std::string check_block(const TestBlock& block, const QueryResult& result,
                        std::vector<std::string>& actual_rows) {
    switch (block.kind) {
        case BlockKind::StatementOk:
            return result.ok() ? "" : "statement failed: " + result.error->to_string() + "\n";
        case BlockKind::StatementError: {
            if (result.ok()) return "statement succeeded, but an error was expected\n";
            std::string message = result.error->to_string();
            for (const auto& fragment : block.expected) {
                if (message.find(fragment) == std::string::npos) {
                    return "error message does not contain `" + fragment + "`:\n" +
                           indent(message) + "\n";
                }
            }
            return "";
        }
        case BlockKind::Query: {
            if (!result.ok()) return "query failed: " + result.error->to_string() + "\n";
            for (const auto& row : result.rows) actual_rows.push_back(render_row(row));
            std::string diff = diff_rows(block.expected, actual_rows, block_is_ordered(block));
            if (diff.empty()) return "";
            return diff + "  expected:\n" + lines_or_none(block.expected) + "  actual:\n" +
                   lines_or_none(actual_rows);
        }
        case BlockKind::Explain: {
            if (!result.ok()) return "EXPLAIN failed: " + result.error->to_string() + "\n";
            size_t from = 0;
            for (const auto& fragment : block.expected) {
                size_t at = result.plan.find(fragment, from);
                if (at == std::string::npos) {
                    return "plan does not contain `" + fragment + "` (in order):\n" +
                           indent(result.plan) + "\n";
                }
                from = at + fragment.size();
            }
            return "";
        }
    }
    return "";
}

// Runs a block's statement on the database, or on a read-only copy of it as it was at the
// block's `asof` point (a point that cannot be read is the block's error).
QueryResult run_block(Database& db, const TestBlock& block, const QueryOptions& options) {
    if (block.as_of.empty()) return db.query(block.text, block.parameters, options);
    Error error;
    auto past = db.as_of(block.as_of, &error);
    if (!past) {
        QueryResult failed;
        failed.error = error;
        return failed;
    }
    return past->query(block.text, block.parameters, options);
}

FileOutcome run_file(const std::string& path, const Options& options) {
    FileOutcome outcome;
    TestFile file = parse_test_file(path, read_file(path));
    std::unique_ptr<SeedCopy> seed;
    std::string db_path = ":memory:";
    if (file.dataset == "seed") {
        if (options.seed_db.empty() || !fs::exists(options.seed_db)) {
            std::cout << path << ": skipped " << file.blocks.size()
                      << " blocks (seed database not available"
                      << (options.seed_db.empty() ? "" : " at " + options.seed_db) << ")\n";
            outcome.skipped = true;
            return outcome;
        }
        seed = std::make_unique<SeedCopy>(options.seed_db);
        db_path = seed->path();
    }
    Error open_error;
    auto db = Database::open(db_path, {}, &open_error);
    if (!db) {
        std::cout << path << ": cannot open database: " << open_error.to_string() << "\n";
        outcome.failed = 1;
        return outcome;
    }
    QueryOptions query_options;
    query_options.timeout = std::chrono::seconds(30);
    std::vector<bool> replace(file.blocks.size(), false);
    std::vector<std::vector<std::string>> replacements(file.blocks.size());
    std::string user;
    for (size_t b = 0; b < file.blocks.size(); ++b) {
        const TestBlock& block = file.blocks[b];
        if (block.user != user) {
            db->set_user(block.user);
            user = block.user;
        }
        QueryResult result = run_block(*db, block, query_options);
        std::vector<std::string> actual_rows;
        std::string failure = check_block(block, result, actual_rows);
        if (options.update && block.kind == BlockKind::Query && result.ok() && !failure.empty()) {
            replace[b] = true;
            replacements[b] = actual_rows;
        }
        if (failure.empty()) {
            ++outcome.passed;
            if (options.verbose) {
                std::cout << path << ":" << block.header_line + 1 << ": ok\n";
            }
            continue;
        }
        ++outcome.failed;
        std::cout << path << ":" << block.header_line + 1 << ": FAILED\n"
                  << indent(block.text) << "\n"
                  << indent(failure, "  ");
    }
    if (options.update && std::find(replace.begin(), replace.end(), true) != replace.end()) {
        std::ofstream(path, std::ios::binary | std::ios::trunc)
            << rewrite_test_file(file, replace, replacements);
        std::cout << path << ": expected rows rewritten\n";
    }
    std::cout << path << ": " << outcome.passed << " passed, " << outcome.failed << " failed\n";
    return outcome;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (const char* seed = std::getenv("MENINX_SEED_DB")) options.seed_db = seed;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--seed-db" && i + 1 < argc) {
            options.seed_db = argv[++i];
        } else if (arg == "--update") {
            options.update = true;
        } else if (arg == "--verbose" || arg == "-v") {
            options.verbose = true;
        } else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: meninx-test-runner [--seed-db PATH] [--update] [--verbose] "
                         "FILE...\n";
            return 0;
        } else if (!arg.empty() && arg[0] == '-') {
            std::cerr << "unknown option " << arg << "\n";
            return 2;
        } else if (fs::is_directory(arg)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::recursive_directory_iterator(arg)) {
                if (entry.path().extension() == ".test") found.push_back(entry.path().string());
            }
            std::sort(found.begin(), found.end());
            options.files.insert(options.files.end(), found.begin(), found.end());
        } else {
            options.files.push_back(arg);
        }
    }
    if (options.files.empty()) {
        std::cerr << "usage: meninx-test-runner [--seed-db PATH] [--update] [--verbose] FILE...\n";
        return 2;
    }
    int failed = 0, skipped = 0;
    for (const auto& path : options.files) {
        try {
            FileOutcome outcome = run_file(path, options);
            failed += outcome.failed;
            skipped += outcome.skipped ? 1 : 0;
        } catch (const std::exception& e) {
            std::cout << e.what() << "\n";
            ++failed;
        }
    }
    if (failed > 0) return 1;
    if (skipped > 0) {
        std::cout << "skipped " << skipped << " of " << options.files.size() << " files\n";
        if (skipped == static_cast<int>(options.files.size())) return 77;
    }
    return 0;
}
