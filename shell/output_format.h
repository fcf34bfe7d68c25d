// Output formats: one ResultFormatter per mode turns a QueryResult into text on a stream.
//
// New formats are added by implementing ResultFormatter and naming the mode in
// output_mode_names(); nothing else in the shell knows the formats. The dot format's drawing is
// in dot_format.h.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "meninx/database.h"

namespace meninx::shell {

enum class OutputMode { Table, Csv, Tsv, Json, Jsonl, Markdown, Dot };

// The mode named `name` ("table", "csv", ...), or nothing when no mode has that name.
std::optional<OutputMode> parse_output_mode(std::string_view name);
std::string_view output_mode_name(OutputMode mode);
// All mode names, in the order the help text lists them.
std::vector<std::string_view> output_mode_names();

struct ModelHints;

struct FormatOptions {
    // Draw tables with + - | instead of box-drawing characters.
    bool ascii = false;
    // Use terminal colours (NULL dimmed).
    bool color = false;
    // The width tables must fit in, in characters; 0 means no limit.
    size_t width = 0;
    // Show at most this many rows in a table, then say how many were left out; 0: all.
    size_t row_limit = 0;
    // Add the elapsed time to the table footer.
    bool timer = false;
    // For dot: the database's model (units of measures, category parents), when it has one.
    std::shared_ptr<const ModelHints> model;
    // For dot: the nodes with these ids, for relationships whose endpoints the result lacks.
    std::function<std::vector<Node>(const std::vector<int64_t>&)> fetch_nodes;
};

// Writes results in one output mode. A formatter holds only its options; the caller owns the
// stream, and a formatter may be used for any number of results.
class ResultFormatter {
  public:
    virtual ~ResultFormatter() = default;
    // Writes the columns and rows of a successful result (and, for tables, a footer).
    virtual void write(const QueryResult& result, std::ostream& out) const = 0;
    // Why this format cannot show `result` (dot: nothing to draw); empty when it can.
    virtual std::string refusal(const QueryResult&) const { return {}; }
};

std::unique_ptr<ResultFormatter> make_formatter(OutputMode mode, const FormatOptions& options);

// "Created 1 node, set 2 properties" for a write's counters; empty when nothing changed.
std::string stats_text(const QueryStats& stats);

// Number of characters (UTF-8 code points) in `text`.
size_t display_width(std::string_view text);

}  // namespace meninx::shell
