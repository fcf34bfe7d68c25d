// The :import and :export commands (see docs/import-export.md).
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "meninx/import_export.h"
#include "progress_bar.h"
#include "shell.h"

namespace meninx::shell {

namespace {

// Splits command arguments at spaces; "..." and '...' group words (no escapes inside).
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        if (i >= text.size()) break;
        std::string word;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') {
            char c = text[i];
            if (c == '"' || c == '\'') {
                size_t close = text.find(c, i + 1);
                if (close == std::string_view::npos) close = text.size();
                word += text.substr(i + 1, close - i - 1);
                i = close + 1;
            } else {
                word += c;
                ++i;
            }
        }
        out.push_back(word);
    }
    return out;
}

bool is_cypher_file(const std::string& path) {
    return path.size() > 7 && path.compare(path.size() - 7, 7, ".cypher") == 0;
}

std::string seconds_text(std::chrono::microseconds elapsed) {
    std::ostringstream s;
    s.precision(elapsed.count() < 10000000 ? 2 : 1);
    s << std::fixed << static_cast<double>(elapsed.count()) / 1e6 << " s";
    return s.str();
}

std::string plural(int64_t n, const char* one, const char* many) {
    return group_digits(n) + " " + (n == 1 ? one : many);
}

}  // namespace

bool Shell::cmd_import(std::string_view args) {
    if (!db_) {
        err_ << "error: no database is open (see :open)\n";
        return false;
    }
    std::vector<ImportFile> files;
    std::string mapping;
    auto list = words(args);
    for (size_t i = 0; i < list.size(); ++i) {
        if (list[i] == "--mapping") {
            if (i + 1 >= list.size()) {
                err_ << "error: --mapping needs a mapping file, then the table it maps\n";
                return false;
            }
            mapping = list[++i];
            continue;
        }
        files.push_back(ImportFile{list[i], mapping});
        mapping.clear();
    }
    if (files.empty() || !mapping.empty()) {
        err_ << "error: usage: :import [--mapping MAPPING.json] FILE [[--mapping M] FILE]...\n";
        return false;
    }
    size_t scripts = 0;
    for (const auto& f : files) scripts += is_cypher_file(f.path) ? 1 : 0;
    if (scripts > 0) {
        if (scripts != files.size()) {
            err_ << "error: import Cypher scripts on their own, not with data files\n";
            return false;
        }
        return import_scripts(files);
    }

    ImportOptions options;
    options.cancel = &interrupted_;
    const bool terminal = &err_ == &std::cerr && isatty(STDERR_FILENO);
    ProgressBar bar(err_, options_.terminal_width ? options_.terminal_width() : 80);
    if (terminal) options.progress = [&](const ImportProgress& p) { bar.update(p); };
    ImportResult result = import_files(*db_, files, options);
    bar.clear();
    if (!result.ok()) {
        for (const auto& problem : result.problems) err_ << "error: " << problem << '\n';
        if (result.error->kind == ErrorKind::Interrupted) {
            err_ << "error: Interrupted: " << result.error->message << '\n';
            if (!terminal_) quit_ = true;
        } else if (result.problems.empty()) {
            err_ << "error: " << error_kind_name(result.error->kind) << ": "
                 << result.error->message << '\n';
        } else {
            err_ << "error: import failed: "
                 << plural(result.problems.size(), "problem", "problems")
                 << (result.problems.size() >= options.max_problems ? " (the first ones)" : "")
                 << "; nothing was imported\n";
        }
        err_.flush();
        return false;
    }
    double seconds = static_cast<double>(result.elapsed.count()) / 1e6;
    err_ << "imported " << plural(result.rows, "row", "rows") << " in "
         << seconds_text(result.elapsed) << " ("
         << group_digits(seconds > 0 ? static_cast<int64_t>(result.rows / seconds) : 0)
         << " rows/s): " << plural(result.nodes_created, "node", "nodes") << " created";
    if (result.nodes_updated) err_ << ", " << group_digits(result.nodes_updated) << " updated";
    if (result.nodes_unchanged) {
        err_ << ", " << group_digits(result.nodes_unchanged) << " unchanged";
    }
    err_ << ", " << plural(result.relationships_created, "relationship", "relationships")
         << " created";
    if (result.relationships_unchanged) {
        err_ << ", " << group_digits(result.relationships_unchanged) << " already present";
    }
    err_ << '\n';
    err_.flush();
    refresh_catalog();
    return true;
}

bool Shell::import_scripts(const std::vector<ImportFile>& files) {
    const bool own = !db_->in_transaction();
    if (own) {
        if (auto error = db_->begin()) {
            err_ << "error: " << error->message << '\n';
            return false;
        }
    }
    // The scripts' own results (write counts per statement) are not shown; a summary is.
    bool bail = options_.bail;
    options_.bail = true;
    auto saved_output = std::move(file_out_);
    file_out_ = std::make_unique<std::ofstream>("/dev/null");
    auto start = std::chrono::steady_clock::now();
    bool ok = true;
    for (const auto& f : files) {
        ok = cmd_read(f.path);
        if (!ok) break;
    }
    file_out_ = std::move(saved_output);
    options_.bail = bail;
    if (!ok) {
        if (own) {
            db_->rollback();
            err_ << "error: import failed; nothing was imported\n";
        } else {
            err_ << "error: import failed; the statements before the error stay in the open "
                    "transaction (:rollback undoes them)\n";
        }
        refresh_catalog();
        return false;
    }
    if (own) {
        if (auto error = db_->commit()) {
            err_ << "error: " << error->message << '\n';
            return false;
        }
    }
    err_ << "imported " << plural(static_cast<int64_t>(files.size()), "script", "scripts") << " in "
         << seconds_text(std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::steady_clock::now() - start))
         << '\n';
    refresh_catalog();
    return true;
}

bool Shell::cmd_export(std::string_view args) {
    if (!db_) {
        err_ << "error: no database is open (see :open)\n";
        return false;
    }
    auto list = words(args);
    if (list.size() < 2) {
        err_ << "error: usage: :export kgx|jsonl|ntriples|cypher TARGET [QUERY]\n";
        return false;
    }
    auto format = parse_graph_format(list[0]);
    if (!format || *format == GraphFormat::Csv) {
        err_ << "error: :export writes kgx, jsonl, ntriples or cypher, not '" << list[0] << "'\n";
        return false;
    }
    // The query is the rest of the line after the target, as typed.
    ExportOptions options;
    options.parameters = options_.parameters;
    std::string_view rest = args;
    for (int skip = 0; skip < 2; ++skip) {
        rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
        size_t end = 0;
        char quote = rest.empty() ? 0 : rest[0];
        if (quote == '"' || quote == '\'') {
            end = rest.find(quote, 1);
            end = end == std::string_view::npos ? rest.size() : end + 1;
        } else {
            end = std::min(rest.find_first_of(" \t"), rest.size());
        }
        rest.remove_prefix(end);
    }
    options.query = std::string(rest.substr(std::min(rest.find_first_not_of(" \t"), rest.size())));

    const std::string& target = list[1];
    ExportResult result = target == "-" ? export_graph(*db_, *format, out(), options)
                                        : export_graph(*db_, *format, target, options);
    if (!result.ok()) {
        err_ << "error: " << error_kind_name(result.error->kind) << ": " << result.error->message
             << '\n';
        return false;
    }
    for (const auto& warning : result.warnings) err_ << "warning: " << warning << '\n';
    err_ << "exported " << plural(result.nodes, "node", "nodes") << " and "
         << plural(result.relationships, "relationship", "relationships");
    if (!result.files.empty()) {
        err_ << " to ";
        for (size_t i = 0; i < result.files.size(); ++i) {
            err_ << (i ? " and " : "") << result.files[i];
        }
    }
    err_ << " in " << seconds_text(result.elapsed) << '\n';
    err_.flush();
    return true;
}

}  // namespace meninx::shell
