#include "output_format.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "dot_format.h"
#include "value_text.h"

namespace meninx::shell {

namespace {

constexpr std::string_view kModeNames[] = {"table", "csv",      "tsv", "json",
                                           "jsonl", "markdown", "dot"};

// One cell of a table, already turned into text.
struct Cell {
    std::string text;
    bool numeric = false;
    bool null = false;
};

// Replaces line breaks and tabs so that a value stays on one table line.
std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += c;
        }
    }
    return out;
}

// The first `count` code points of `text`.
std::string prefix_chars(const std::string& text, size_t count) {
    size_t seen = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (seen == count) return text.substr(0, i);
            ++seen;
        }
    }
    return text;
}

std::string plural(int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// Draws aligned tables with a header, cut to the terminal width, and a footer.
class TableFormatter : public ResultFormatter {
  public:
    explicit TableFormatter(FormatOptions options) : options_(options) {}

    void write(const QueryResult& result, std::ostream& out) const override {
        if (!result.columns.empty()) write_table(result, out);
        std::string footer;
        if (!result.columns.empty() || !result.stats.any()) {
            footer = plural(static_cast<int64_t>(result.rows.size()), "row", "rows");
        }
        std::string stats = stats_text(result.stats);
        if (!stats.empty()) footer += (footer.empty() ? "" : ", ") + stats;
        if (options_.timer) {
            char ms[32];
            std::snprintf(ms, sizeof ms, " (%.1f ms)",
                          static_cast<double>(result.elapsed.count()) / 1000.0);
            footer += ms;
        }
        out << footer << '\n';
    }

  private:
    void write_table(const QueryResult& result, std::ostream& out) const {
        const size_t ncols = result.columns.size();
        size_t shown = result.rows.size();
        if (options_.row_limit > 0) shown = std::min(shown, options_.row_limit);

        std::vector<std::vector<Cell>> rows;
        std::vector<size_t> widths(ncols);
        for (size_t c = 0; c < ncols; ++c) widths[c] = display_width(one_line(result.columns[c]));
        for (size_t r = 0; r < shown; ++r) {
            std::vector<Cell> cells(ncols);
            for (size_t c = 0; c < ncols && c < result.rows[r].size(); ++c) {
                const Value& v = result.rows[r][c];
                cells[c] = Cell{one_line(value_text(v)), v.is_number(), v.is_null()};
                widths[c] = std::max(widths[c], display_width(cells[c].text));
            }
            rows.push_back(std::move(cells));
        }
        fit(widths);

        const bool ascii = options_.ascii;
        auto rule = [&](const char* left, const char* mid, const char* right) {
            std::string line = left;
            for (size_t c = 0; c < ncols; ++c) {
                for (size_t i = 0; i < widths[c] + 2; ++i) line += ascii ? "-" : "─";
                line += c + 1 < ncols ? mid : right;
            }
            out << line << '\n';
        };
        const char* bar = ascii ? "|" : "│";
        auto line = [&](const std::vector<Cell>& cells) {
            out << bar;
            for (size_t c = 0; c < ncols; ++c) {
                std::string text = cut(cells[c].text, widths[c]);
                std::string pad(widths[c] - display_width(text), ' ');
                if (cells[c].null && options_.color) text = "\033[2m" + text + "\033[0m";
                out << ' ' << (cells[c].numeric ? pad + text : text + pad) << ' ' << bar;
            }
            out << '\n';
        };

        if (ascii) {
            rule("+", "+", "+");
        } else {
            rule("┌", "┬", "┐");
        }
        std::vector<Cell> header;
        for (const auto& name : result.columns) header.push_back(Cell{one_line(name)});
        line(header);
        if (ascii) {
            rule("+", "+", "+");
        } else {
            rule("├", "┼", "┤");
        }
        for (const auto& cells : rows) line(cells);
        if (ascii) {
            rule("+", "+", "+");
        } else {
            rule("└", "┴", "┘");
        }
        if (shown < result.rows.size()) {
            out << (ascii ? "..." : "…") << ' ' << (result.rows.size() - shown)
                << " more rows not shown (see :limit)\n";
        }
    }

    // Narrows the widest columns until the table fits options_.width.
    void fit(std::vector<size_t>& widths) const {
        if (options_.width == 0 || widths.empty()) return;
        const size_t frame = 3 * widths.size() + 1;
        const size_t minimum = 4;
        size_t total = std::accumulate(widths.begin(), widths.end(), size_t{0});
        while (total + frame > options_.width) {
            auto widest = std::max_element(widths.begin(), widths.end());
            if (*widest <= minimum) break;
            --*widest;
            --total;
        }
    }

    // `text` cut to `width` characters, the cut marked with an ellipsis.
    std::string cut(const std::string& text, size_t width) const {
        if (display_width(text) <= width) return text;
        return prefix_chars(text, width - 1) + (options_.ascii ? "~" : "…");
    }

    FormatOptions options_;
};

// Text of a value as one field of CSV or TSV: strings bare, null empty.
std::string field_text(const Value& v) { return v.is_null() ? std::string() : value_text(v); }

// RFC 4180: a header record, CRLF line ends, fields quoted when they hold , " CR or LF.
class CsvFormatter : public ResultFormatter {
  public:
    void write(const QueryResult& result, std::ostream& out) const override {
        if (result.columns.empty()) return;
        record(result.columns, out);
        for (const auto& row : result.rows) {
            std::vector<std::string> fields;
            for (const auto& v : row) fields.push_back(field_text(v));
            record(fields, out);
        }
    }

    static std::string quote(const std::string& field) {
        if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
        std::string out = "\"";
        for (char c : field) {
            if (c == '"') out += '"';
            out += c;
        }
        return out + "\"";
    }

  private:
    static void record(const std::vector<std::string>& fields, std::ostream& out) {
        for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << quote(fields[i]);
        out << "\r\n";
    }
};

// Tab-separated values; tabs, line breaks and backslashes inside fields are escaped (\t \n \\).
class TsvFormatter : public ResultFormatter {
  public:
    void write(const QueryResult& result, std::ostream& out) const override {
        if (result.columns.empty()) return;
        record(result.columns, out);
        for (const auto& row : result.rows) {
            std::vector<std::string> fields;
            for (const auto& v : row) fields.push_back(field_text(v));
            record(fields, out);
        }
    }

  private:
    static void record(const std::vector<std::string>& fields, std::ostream& out) {
        for (size_t i = 0; i < fields.size(); ++i) {
            if (i) out << '\t';
            for (char c : fields[i]) {
                if (c == '\t') {
                    out << "\\t";
                } else if (c == '\n') {
                    out << "\\n";
                } else if (c == '\r') {
                    out << "\\r";
                } else if (c == '\\') {
                    out << "\\\\";
                } else {
                    out << c;
                }
            }
        }
        out << '\n';
    }
};

// One JSON array of row objects per result.
class JsonFormatter : public ResultFormatter {
  public:
    void write(const QueryResult& result, std::ostream& out) const override {
        out << '[';
        for (size_t r = 0; r < result.rows.size(); ++r) {
            out << (r ? ",\n " : "\n ") << row_json(result.columns, result.rows[r]);
        }
        out << (result.rows.empty() ? "]\n" : "\n]\n");
    }
};

// One JSON object per row, one row per line.
class JsonlFormatter : public ResultFormatter {
  public:
    void write(const QueryResult& result, std::ostream& out) const override {
        for (const auto& row : result.rows) out << row_json(result.columns, row) << '\n';
    }
};

// A GitHub-flavoured Markdown table; `|` inside cells is escaped.
class MarkdownFormatter : public ResultFormatter {
  public:
    void write(const QueryResult& result, std::ostream& out) const override {
        if (result.columns.empty()) return;
        std::vector<std::string> header;
        for (const auto& c : result.columns) header.push_back(cell(c));
        row(header, out);
        out << '|';
        for (size_t i = 0; i < result.columns.size(); ++i) out << " --- |";
        out << '\n';
        for (const auto& values : result.rows) {
            std::vector<std::string> cells;
            for (const auto& v : values) cells.push_back(cell(value_text(v)));
            row(cells, out);
        }
    }

  private:
    static std::string cell(const std::string& text) {
        std::string out;
        for (char c : one_line(text)) {
            if (c == '|') out += '\\';
            out += c;
        }
        return out;
    }
    static void row(const std::vector<std::string>& cells, std::ostream& out) {
        out << '|';
        for (const auto& c : cells) out << ' ' << c << " |";
        out << '\n';
    }
};

// One Graphviz DOT document per result with nodes, relationships or paths (see dot_format.h).
class DotFormatter : public ResultFormatter {
  public:
    explicit DotFormatter(FormatOptions options) : options_(std::move(options)) {}

    void write(const QueryResult& result, std::ostream& out) const override {
        ResultGraph graph = collect_graph(result);
        if (graph.empty()) return;
        auto missing = graph.missing_endpoints();
        if (!missing.empty() && options_.fetch_nodes) {
            for (auto& node : options_.fetch_nodes(missing)) graph.nodes.push_back(std::move(node));
        }
        out << dot_document(graph, options_.model.get());
    }

    std::string refusal(const QueryResult& result) const override {
        return nothing_to_draw(result);
    }

  private:
    FormatOptions options_;
};

}  // namespace

std::optional<OutputMode> parse_output_mode(std::string_view name) {
    for (size_t i = 0; i < std::size(kModeNames); ++i) {
        if (kModeNames[i] == name) return static_cast<OutputMode>(i);
    }
    return std::nullopt;
}

std::string_view output_mode_name(OutputMode mode) { return kModeNames[static_cast<size_t>(mode)]; }

std::vector<std::string_view> output_mode_names() {
    return {std::begin(kModeNames), std::end(kModeNames)};
}

std::unique_ptr<ResultFormatter> make_formatter(OutputMode mode, const FormatOptions& options) {
    switch (mode) {
        case OutputMode::Table:
            return std::make_unique<TableFormatter>(options);
        case OutputMode::Csv:
            return std::make_unique<CsvFormatter>();
        case OutputMode::Tsv:
            return std::make_unique<TsvFormatter>();
        case OutputMode::Json:
            return std::make_unique<JsonFormatter>();
        case OutputMode::Jsonl:
            return std::make_unique<JsonlFormatter>();
        case OutputMode::Markdown:
            return std::make_unique<MarkdownFormatter>();
        case OutputMode::Dot:
            return std::make_unique<DotFormatter>(options);
    }
    return nullptr;
}

std::string stats_text(const QueryStats& s) {
    struct Counter {
        int64_t n;
        std::string_view verb, one, many;
    };
    const Counter counters[] = {
        {s.nodes_created, "created", "node", "nodes"},
        {s.nodes_deleted, "deleted", "node", "nodes"},
        {s.relationships_created, "created", "relationship", "relationships"},
        {s.relationships_deleted, "deleted", "relationship", "relationships"},
        {s.properties_set, "set", "property", "properties"},
        {s.labels_added, "added", "label", "labels"},
        {s.labels_removed, "removed", "label", "labels"},
    };
    std::string out;
    for (const auto& c : counters) {
        if (c.n == 0) continue;
        out += out.empty() ? "" : ", ";
        out += std::string(c.verb) + " " + plural(c.n, c.one, c.many);
    }
    return out;
}

size_t display_width(std::string_view text) {
    size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace meninx::shell
