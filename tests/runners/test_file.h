// The `.test` query-test format: parsing a file into blocks, comparing result rows, and writing
// a file back with new expected rows (for --update).
//
// A TestFile owns its blocks and a copy of the file's lines; blocks refer to lines by index.
// Format errors are reported as std::runtime_error with "file:line: what".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "meninx/value.h"

namespace meninx::testing {

enum class BlockKind {
    StatementOk,     // must succeed
    StatementError,  // must fail; expected lines are substrings of the error message
    Query,           // must succeed with exactly the expected rows
    Explain,         // must succeed; expected lines appear in the plan text, in that order
};

enum class SortMode {
    Auto,     // ordered when the query text contains ORDER BY, a multiset otherwise
    RowSort,  // always a multiset
    NoSort,   // always in order
};

struct TestBlock {
    BlockKind kind = BlockKind::StatementOk;
    SortMode sort = SortMode::Auto;
    size_t header_line = 0;  // 0-based index of the directive line
    std::string text;        // the Cypher statement
    Map parameters;          // from `param name=<json>` lines before the block
    // From `user NAME` (in force until the next one): who the block's changes are recorded as;
    // empty for the environment's user name.
    std::string user;
    // From `asof POINT` right before the block: it runs on the database as it was then (a
    // transaction id or a UTC time, see Database::as_of); empty for the database itself.
    std::string as_of;
    bool has_separator = false;
    size_t separator_line = 0;  // 0-based index of "----" (when has_separator)
    size_t text_end = 0;        // 0-based index one past the statement's last line
    std::vector<std::string> expected;
    size_t expected_end = 0;  // 0-based index one past the last expected line
};

struct TestFile {
    std::string path;
    std::string dataset = "empty";  // "empty" or "seed"
    std::vector<std::string> lines;
    std::vector<TestBlock> blocks;
};

// Parses the text of a `.test` file; `path` is used in messages only.
TestFile parse_test_file(const std::string& path, const std::string& content);

// Converts a JSON text (as written after `param name=`) to a Value; integers stay integers.
Value parse_json_value(const std::string& json_text);

// Whether a query block's rows must match in order.
bool block_is_ordered(const TestBlock& block);

// Compares rendered rows. Returns an empty string when they match, otherwise a readable diff:
// for multisets the rows missing and unexpected, for ordered results both lists side by side.
std::string diff_rows(const std::vector<std::string>& expected,
                      const std::vector<std::string>& actual, bool ordered);

// The file's text with the expected rows of the given query blocks replaced. `replacements[i]`
// holds the new rows for blocks[i], or is empty with `replace[i]` false to keep the block.
std::string rewrite_test_file(const TestFile& file, const std::vector<bool>& replace,
                              const std::vector<std::vector<std::string>>& replacements);

}  // namespace meninx::testing
