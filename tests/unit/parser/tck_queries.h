// Reads the query texts of the openCypher TCK feature files: the lines between `"""` markers
// that follow a step ending in "executing query:" or "having executed:", with the placeholders
// of scenario outlines filled in from their Examples tables.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace meninx::parser::testing {

struct TckQuery {
    std::string file;  // the feature file's name, for messages
    std::string text;
};

inline std::string trim(const std::string& line) {
    size_t begin = line.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return {};
    size_t end = line.find_last_not_of(" \t\r");
    return line.substr(begin, end - begin + 1);
}

inline bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The cells of a Gherkin table row `| a | b\|c |`: trimmed, with \| \\ and \n unescaped.
inline std::vector<std::string> table_cells(const std::string& row) {
    std::vector<std::string> cells;
    std::string cell;
    bool started = false;
    for (size_t i = 0; i < row.size(); ++i) {
        char c = row[i];
        if (c == '\\' && i + 1 < row.size()) {
            char next = row[++i];
            cell += next == 'n' ? '\n' : next;
        } else if (c == '|') {
            if (started) cells.push_back(trim(cell));
            started = true;
            cell.clear();
        } else {
            cell += c;
        }
    }
    return cells;
}

// Replaces every <name> of an outline's query by the row's value for that column.
inline std::string substitute(std::string text, const std::vector<std::string>& header,
                              const std::vector<std::string>& row) {
    for (size_t i = 0; i < header.size() && i < row.size(); ++i) {
        const std::string placeholder = "<" + header[i] + ">";
        for (size_t at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + row[i].size())) {
            text.replace(at, placeholder.size(), row[i]);
        }
    }
    return text;
}

// All TCK queries under `root`, in a stable order; empty when the folder does not exist.
// Scenario outlines are expanded: one query per row of their Examples tables.
inline std::vector<TckQuery> load_tck_queries(const std::filesystem::path& root) {
    std::vector<TckQuery> queries;
    if (!std::filesystem::is_directory(root)) return queries;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().extension() == ".feature") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        const std::string file = path.filename().string();
        std::ifstream in(path);
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) lines.push_back(line);

        std::vector<std::string> scenario;  // the current scenario's queries
        bool outline = false;
        bool expanded = false;
        auto finish_scenario = [&] {
            if (!outline || !expanded) {
                for (const auto& text : scenario) queries.push_back({file, text});
            }
            scenario.clear();
            outline = false;
            expanded = false;
        };
        bool expecting_query = false;
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::string line = trim(lines[i]);
            if (line.rfind("Scenario", 0) == 0) {
                finish_scenario();
                outline = line.rfind("Scenario Outline:", 0) == 0;
            } else if (ends_with(line, "executing query:") || ends_with(line, "having executed:")) {
                expecting_query = true;
            } else if (line == "\"\"\"" && expecting_query) {
                std::string text;
                while (++i < lines.size() && trim(lines[i]) != "\"\"\"") {
                    text += (text.empty() ? "" : "\n") + trim(lines[i]);
                }
                scenario.push_back(text);
                expecting_query = false;
            } else if (line.rfind("Examples:", 0) == 0 && outline) {
                std::vector<std::string> header;
                while (i + 1 < lines.size() && trim(lines[i + 1]).rfind('|', 0) == 0) {
                    std::vector<std::string> cells = table_cells(trim(lines[++i]));
                    if (header.empty()) {
                        header = cells;
                        continue;
                    }
                    for (const auto& text : scenario) {
                        queries.push_back({file, substitute(text, header, cells)});
                    }
                }
                expanded = true;
            }
        }
        finish_scenario();
    }
    return queries;
}

}  // namespace meninx::parser::testing
