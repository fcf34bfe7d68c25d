#include "test_file.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "common/json_value.h"

namespace meninx::testing {
namespace {

[[noreturn]] void fail(const std::string& path, size_t line, const std::string& what) {
    throw std::runtime_error(path + ":" + std::to_string(line + 1) + ": " + what);
}

bool is_blank(const std::string& line) {
    return line.find_first_not_of(" \t\r") == std::string::npos;
}

bool starts_with_word(const std::string& line, const std::string& word) {
    return line.rfind(word, 0) == 0 &&
           (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
}

std::string trim(const std::string& text) {
    size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return "";
    size_t end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

// Parses "statement ok", "query rowsort", ... into a block with kind and sort mode set.
bool parse_header(const std::string& line, TestBlock& block) {
    std::istringstream words(line);
    std::string first, second, extra;
    words >> first >> second >> extra;
    if (!extra.empty()) return false;
    if (first == "statement" && second == "ok") {
        block.kind = BlockKind::StatementOk;
    } else if (first == "statement" && second == "error") {
        block.kind = BlockKind::StatementError;
    } else if (first == "query" && (second.empty() || second == "rowsort" || second == "nosort")) {
        block.kind = BlockKind::Query;
        if (second == "rowsort") block.sort = SortMode::RowSort;
        if (second == "nosort") block.sort = SortMode::NoSort;
    } else if (first == "explain" && second.empty()) {
        block.kind = BlockKind::Explain;
    } else {
        return false;
    }
    return true;
}

}  // namespace

Value parse_json_value(const std::string& json_text) {
    return value_from_json(nlohmann::json::parse(json_text));
}

TestFile parse_test_file(const std::string& path, const std::string& content) {
    TestFile file;
    file.path = path;
    std::istringstream stream(content);
    for (std::string line; std::getline(stream, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        file.lines.push_back(line);
    }
    Map pending_parameters;
    std::string user;
    std::string pending_as_of;
    bool seen_block = false;
    size_t i = 0;
    const size_t n = file.lines.size();
    while (i < n) {
        const std::string& line = file.lines[i];
        if (is_blank(line) || line[0] == '#') {
            ++i;
            continue;
        }
        if (starts_with_word(line, "dataset")) {
            if (seen_block) fail(path, i, "`dataset` must come before the first block");
            file.dataset = trim(line.substr(7));
            if (file.dataset != "empty" && file.dataset != "seed") {
                fail(path, i, "unknown dataset `" + file.dataset + "` (expected empty or seed)");
            }
            ++i;
            continue;
        }
        if (starts_with_word(line, "param")) {
            std::string rest = trim(line.substr(5));
            size_t eq = rest.find('=');
            if (eq == std::string::npos || eq == 0) fail(path, i, "expected `param name=<json>`");
            try {
                pending_parameters.insert_or_assign(trim(rest.substr(0, eq)),
                                                    parse_json_value(rest.substr(eq + 1)));
            } catch (const std::exception& e) {
                fail(path, i, std::string("bad JSON in param: ") + e.what());
            }
            ++i;
            continue;
        }
        if (starts_with_word(line, "user")) {
            user = trim(line.substr(4));
            if (user.empty()) fail(path, i, "expected `user NAME`");
            ++i;
            continue;
        }
        if (starts_with_word(line, "asof")) {
            pending_as_of = trim(line.substr(4));
            if (pending_as_of.empty()) fail(path, i, "expected `asof TX` or `asof TIME`");
            ++i;
            continue;
        }
        TestBlock block;
        if (!parse_header(trim(line), block)) fail(path, i, "unknown directive `" + line + "`");
        seen_block = true;
        block.header_line = i;
        block.parameters = std::move(pending_parameters);
        pending_parameters.clear();
        block.user = user;
        block.as_of = std::move(pending_as_of);
        pending_as_of.clear();
        ++i;
        std::string text;
        while (i < n && !is_blank(file.lines[i]) && trim(file.lines[i]) != "----") {
            if (file.lines[i][0] != '#') {
                if (!text.empty()) text += '\n';
                text += file.lines[i];
            }
            ++i;
        }
        block.text_end = i;
        block.expected_end = i;
        if (text.empty()) fail(path, block.header_line, "block without a statement");
        block.text = std::move(text);
        if (i < n && trim(file.lines[i]) == "----") {
            if (block.kind == BlockKind::StatementOk) {
                fail(path, i, "`statement ok` takes no expected result");
            }
            block.has_separator = true;
            block.separator_line = i;
            ++i;
            while (i < n && !file.lines[i].empty()) {
                block.expected.push_back(file.lines[i]);
                ++i;
            }
            block.expected_end = i;
        }
        file.blocks.push_back(std::move(block));
    }
    if (!pending_parameters.empty()) fail(path, n, "`param` lines without a following block");
    if (!pending_as_of.empty()) fail(path, n, "`asof` without a following block");
    return file;
}

bool block_is_ordered(const TestBlock& block) {
    if (block.sort == SortMode::NoSort) return true;
    if (block.sort == SortMode::RowSort) return false;
    static const std::regex order_by(R"(\bORDER\s+BY\b)", std::regex::icase);
    return std::regex_search(block.text, order_by);
}

std::string diff_rows(const std::vector<std::string>& expected,
                      const std::vector<std::string>& actual, bool ordered) {
    std::ostringstream out;
    if (ordered) {
        if (expected == actual) return "";
        out << "rows differ (in order):\n";
        size_t count = std::max(expected.size(), actual.size());
        for (size_t i = 0; i < count; ++i) {
            bool same = i < expected.size() && i < actual.size() && expected[i] == actual[i];
            out << (same ? "    " : "  ! ") << "row " << i + 1 << ": expected ";
            out << (i < expected.size() ? "`" + expected[i] + "`" : "(none)");
            if (!same) out << ", actual " << (i < actual.size() ? "`" + actual[i] + "`" : "(none)");
            out << '\n';
        }
        return out.str();
    }
    std::vector<std::string> want = expected, got = actual;
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want == got) return "";
    std::vector<std::string> missing, unexpected;
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                        std::back_inserter(unexpected));
    out << "rows differ (as a multiset): expected " << expected.size() << ", actual "
        << actual.size() << "\n";
    for (const auto& row : missing) out << "  - missing:    `" << row << "`\n";
    for (const auto& row : unexpected) out << "  + unexpected: `" << row << "`\n";
    return out.str();
}

std::string rewrite_test_file(const TestFile& file, const std::vector<bool>& replace,
                              const std::vector<std::vector<std::string>>& replacements) {
    std::vector<std::string> out;
    size_t next = 0;
    for (size_t b = 0; b < file.blocks.size(); ++b) {
        if (b >= replace.size() || !replace[b]) continue;
        const TestBlock& block = file.blocks[b];
        for (; next < block.text_end; ++next) out.push_back(file.lines[next]);
        out.push_back("----");
        for (const auto& row : replacements[b]) out.push_back(row);
        next = block.expected_end;
    }
    for (; next < file.lines.size(); ++next) out.push_back(file.lines[next]);
    std::string text;
    for (const auto& line : out) text += line + '\n';
    return text;
}

}  // namespace meninx::testing
