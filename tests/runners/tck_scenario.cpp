#include "tck_scenario.h"

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "meninx/database.h"
#include "tck_errors.h"
#include "tck_value.h"
#include "value_render.h"

namespace meninx::testing {
namespace {

enum class StepKind {
    FreshGraph,
    NamedGraph,
    Setup,
    Parameters,
    Query,
    ControlQuery,
    ResultTable,
    ResultEmpty,
    NoSideEffects,
    SideEffects,
    Error,
    Unknown,
};

struct ParsedStep {
    StepKind kind = StepKind::Unknown;
    std::string graph;  // NamedGraph
    bool ordered = false;
    bool unordered_lists = false;
    std::string error_type, phase, detail;  // Error
};

ParsedStep classify(const GherkinStep& step) {
    static const std::regex named_graph(R"(the ([\w-]+) graph)");
    static const std::regex result(
        R"(the result should be(, in (any )?order)?( \(ignoring element order for lists\))?:)");
    static const std::regex error(
        R"(an? (\w+) should be raised at (compile time|runtime|any time): (\w+))");
    ParsedStep parsed;
    const std::string& text = step.text;
    std::smatch m;
    if (text == "an empty graph" || text == "any graph") {
        parsed.kind = StepKind::FreshGraph;
    } else if (std::regex_match(text, m, named_graph)) {
        parsed.kind = StepKind::NamedGraph;
        parsed.graph = m[1];
    } else if (text == "having executed:" && step.doc_string) {
        parsed.kind = StepKind::Setup;
    } else if (text == "parameters are:") {
        parsed.kind = StepKind::Parameters;
    } else if (text == "executing query:" && step.doc_string) {
        parsed.kind = StepKind::Query;
    } else if (text == "executing control query:" && step.doc_string) {
        parsed.kind = StepKind::ControlQuery;
    } else if (std::regex_match(text, m, result) && !step.table.empty()) {
        parsed.kind = StepKind::ResultTable;
        // "in order" is ordered; "in any order" and the bare form are not.
        parsed.ordered = m[1].matched && !m[2].matched;
        parsed.unordered_lists = m[3].matched;
    } else if (text == "the result should be empty") {
        parsed.kind = StepKind::ResultEmpty;
    } else if (text == "no side effects") {
        parsed.kind = StepKind::NoSideEffects;
    } else if (text == "the side effects should be:") {
        parsed.kind = StepKind::SideEffects;
    } else if (std::regex_match(text, m, error)) {
        parsed.kind = StepKind::Error;
        parsed.error_type = m[1];
        parsed.phase = m[2];
        parsed.detail = m[3];
    }
    return parsed;
}

// What the graph holds, in the terms the TCK uses to count side effects.
struct GraphSnapshot {
    bool ok = false;
    std::set<int64_t> nodes, relationships;
    std::set<std::string> labels;
    std::set<std::string> properties;  // "n<id>.<key>=<value>" and "r<id>.<key>=<value>"
};

GraphSnapshot take_snapshot(Database& db) {
    GraphSnapshot snapshot;
    QueryResult nodes = db.query("MATCH (n) RETURN n");
    QueryResult rels = db.query("MATCH ()-[r]->() RETURN r");
    if (!nodes.ok() || !rels.ok()) return snapshot;
    auto add_properties = [&](const std::string& prefix, const std::shared_ptr<const Map>& map) {
        if (!map) return;
        for (const auto& [key, value] : *map) {
            snapshot.properties.insert(prefix + "." + key + "=" + render_literal(value));
        }
    };
    for (const auto& row : nodes.rows) {
        if (row.size() != 1 || !row[0].is_node()) return snapshot;
        const Node& node = row[0].as_node();
        snapshot.nodes.insert(node.id);
        snapshot.labels.insert(node.labels.begin(), node.labels.end());
        add_properties("n" + std::to_string(node.id), node.properties);
    }
    for (const auto& row : rels.rows) {
        if (row.size() != 1 || !row[0].is_relationship()) return snapshot;
        const Relationship& rel = row[0].as_relationship();
        snapshot.relationships.insert(rel.id);
        add_properties("r" + std::to_string(rel.id), rel.properties);
    }
    snapshot.ok = true;
    return snapshot;
}

template <typename T>
int64_t count_missing(const std::set<T>& from, const std::set<T>& in) {
    int64_t count = 0;
    for (const auto& item : from) count += in.count(item) ? 0 : 1;
    return count;
}

// The side effects of the query under test: a before/after graph comparison when both
// snapshots worked (the TCK's own definition), otherwise the engine's QueryStats.
std::map<std::string, int64_t> side_effects(const GraphSnapshot& before, const GraphSnapshot& after,
                                            const QueryStats& stats) {
    if (before.ok && after.ok) {
        return {
            {"+nodes", count_missing(after.nodes, before.nodes)},
            {"-nodes", count_missing(before.nodes, after.nodes)},
            {"+relationships", count_missing(after.relationships, before.relationships)},
            {"-relationships", count_missing(before.relationships, after.relationships)},
            {"+labels", count_missing(after.labels, before.labels)},
            {"-labels", count_missing(before.labels, after.labels)},
            {"+properties", count_missing(after.properties, before.properties)},
            {"-properties", count_missing(before.properties, after.properties)},
        };
    }
    return {
        {"+nodes", stats.nodes_created},
        {"-nodes", stats.nodes_deleted},
        {"+relationships", stats.relationships_created},
        {"-relationships", stats.relationships_deleted},
        {"+labels", stats.labels_added},
        {"-labels", stats.labels_removed},
        {"+properties", stats.properties_set},
        {"-properties", 0},
    };
}

std::string describe_effects(const std::map<std::string, int64_t>& effects) {
    std::string out;
    for (const auto& [key, count] : effects) {
        if (count == 0) continue;
        out += (out.empty() ? "" : ", ") + key + " " + std::to_string(count);
    }
    return out.empty() ? "none" : out;
}

std::string read_graph_file(const std::string& graphs_dir, const std::string& name) {
    std::string path = graphs_dir + "/" + name + "/" + name + ".cypher";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("graph file " + path + " not found");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The statements of a graph file, split at semicolons that end a line.
std::vector<std::string> split_statements(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        size_t end = line.find_last_not_of(" \t\r");
        bool last = end != std::string::npos && line[end] == ';';
        if (last) line.erase(end);
        current += line + "\n";
        if (last) {
            out.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
    return out;
}

std::string render_row_canonical(const std::vector<Value>& row, bool unordered_lists) {
    std::string out;
    for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out += " | ";
        out += render_literal(row[i], unordered_lists);
    }
    return out;
}

// Compares the query's result with an expected table; returns why not, or "".
std::string compare_table(const QueryResult& result, const GherkinTable& table,
                          const ParsedStep& step) {
    const auto& header = table.front();
    std::vector<size_t> column_of;
    for (const auto& name : header) {
        auto it = std::find(result.columns.begin(), result.columns.end(), name);
        if (it == result.columns.end()) {
            std::string actual;
            for (const auto& c : result.columns) actual += (actual.empty() ? "`" : ", `") + c + "`";
            return "column `" + name + "` missing; actual columns: " + actual;
        }
        column_of.push_back(static_cast<size_t>(it - result.columns.begin()));
    }
    if (result.columns.size() != header.size()) {
        return "expected " + std::to_string(header.size()) + " columns, got " +
               std::to_string(result.columns.size());
    }
    std::vector<std::string> expected, actual;
    for (size_t r = 1; r < table.size(); ++r) {
        std::vector<Value> row;
        for (const auto& cell : table[r]) row.push_back(parse_tck_value(cell));
        expected.push_back(render_row_canonical(row, step.unordered_lists));
    }
    for (const auto& row : result.rows) {
        std::vector<Value> ordered;
        for (size_t c : column_of) ordered.push_back(row.at(c));
        actual.push_back(render_row_canonical(ordered, step.unordered_lists));
    }
    bool same = false;
    if (step.ordered) {
        same = expected == actual;
    } else {
        auto e = expected, a = actual;
        std::sort(e.begin(), e.end());
        std::sort(a.begin(), a.end());
        same = e == a;
    }
    if (same) return "";
    std::string out =
        std::string("rows differ") + (step.ordered ? " (in order)" : "") + "\n      expected:";
    for (const auto& row : expected) out += "\n        " + row;
    out += "\n      actual:";
    for (const auto& row : actual) out += "\n        " + row;
    return out;
}

// Executes the steps; throws std::runtime_error with the reason on the first failure.
void execute(const ScenarioInstance& scenario, const TckConfig& config) {
    Error open_error;
    auto db = Database::open(":memory:", {}, &open_error);
    if (!db) throw std::runtime_error("cannot open database: " + open_error.to_string());
    QueryOptions options;
    options.timeout = std::chrono::milliseconds(config.query_timeout_ms);
    options.default_max_hops = config.default_max_hops;
    Map parameters;
    std::optional<QueryResult> result;
    GraphSnapshot before, after;
    bool result_checked = false;
    auto require_result = [&]() -> const QueryResult& {
        if (!result) throw std::runtime_error("no query was executed before the check");
        return *result;
    };
    auto require_success = [&]() -> const QueryResult& {
        const QueryResult& r = require_result();
        if (!r.ok()) throw std::runtime_error("query failed: " + r.error->to_string());
        return r;
    };
    auto run_setup = [&](const std::string& text) {
        QueryResult setup = db->query(text, parameters, options);
        if (!setup.ok()) {
            throw std::runtime_error("setup query failed: " + setup.error->to_string() +
                                     "\n      " + text);
        }
    };
    for (const auto& step : scenario.steps) {
        ParsedStep parsed = classify(step);
        switch (parsed.kind) {
            case StepKind::FreshGraph:
                break;
            case StepKind::NamedGraph:
                for (const auto& statement :
                     split_statements(read_graph_file(config.graphs_dir, parsed.graph))) {
                    run_setup(statement);
                }
                break;
            case StepKind::Setup:
                run_setup(*step.doc_string);
                break;
            case StepKind::Parameters:
                for (const auto& row : step.table) {
                    if (row.size() != 2) throw std::runtime_error("bad parameter row");
                    parameters.insert_or_assign(row[0], parse_tck_value(row[1]));
                }
                break;
            case StepKind::Query:
            case StepKind::ControlQuery:
                before = take_snapshot(*db);
                result = db->query(*step.doc_string, parameters, options);
                after = take_snapshot(*db);
                result_checked = false;
                break;
            case StepKind::ResultTable: {
                std::string why = compare_table(require_success(), step.table, parsed);
                if (!why.empty()) throw std::runtime_error(why);
                result_checked = true;
                break;
            }
            case StepKind::ResultEmpty:
                if (!require_success().rows.empty()) {
                    throw std::runtime_error("expected no rows, got " +
                                             std::to_string(result->rows.size()));
                }
                result_checked = true;
                break;
            case StepKind::NoSideEffects:
            case StepKind::SideEffects: {
                const QueryResult& r = require_result();
                auto actual = side_effects(before, after, r.stats);
                std::map<std::string, int64_t> expected;
                for (const auto& row : step.table) {
                    if (row.size() != 2 || !actual.count(row[0])) {
                        throw std::runtime_error("unknown side effect row");
                    }
                    expected[row[0]] = std::stoll(row[1]);
                }
                for (const auto& [key, count] : actual) {
                    int64_t want = expected.count(key) ? expected[key] : 0;
                    if (count != want) {
                        throw std::runtime_error("side effects differ: expected " +
                                                 describe_effects(expected) + ", actual " +
                                                 describe_effects(actual));
                    }
                }
                break;
            }
            case StepKind::Error: {
                const QueryResult& r = require_result();
                if (r.ok()) {
                    throw std::runtime_error("expected " + parsed.error_type + " (" +
                                             parsed.detail + "), but the query succeeded with " +
                                             std::to_string(r.rows.size()) + " rows");
                }
                if (!tck_error_compatible(parsed.error_type, parsed.detail, parsed.phase,
                                          r.error->kind)) {
                    throw std::runtime_error("expected " + parsed.error_type + " (" +
                                             parsed.detail + "), got " + r.error->to_string());
                }
                result_checked = true;
                break;
            }
            case StepKind::Unknown:
                throw std::runtime_error("unknown step `" + step.text + "`");
        }
    }
    if (result && !result_checked && !result->ok()) {
        throw std::runtime_error("query failed: " + result->error->to_string());
    }
}

}  // namespace

std::string tck_unsupported_reason(const ScenarioInstance& scenario) {
    for (const auto& tag : scenario.tags) {
        if (tag == "@ignore") return "tagged @ignore";
    }
    bool has_query = false;
    for (const auto& step : scenario.steps) {
        ParsedStep parsed = classify(step);
        if (parsed.kind == StepKind::Unknown) return "step not supported: " + step.text;
        if (parsed.kind == StepKind::Query) has_query = true;
        bool values = parsed.kind == StepKind::ResultTable || parsed.kind == StepKind::Parameters;
        for (size_t r = 0; values && r < step.table.size(); ++r) {
            // Result tables start with a header; parameter rows are name, value.
            if (parsed.kind == StepKind::ResultTable && r == 0) continue;
            size_t first = parsed.kind == StepKind::Parameters ? 1 : 0;
            for (size_t c = first; c < step.table[r].size(); ++c) {
                try {
                    parse_tck_value(step.table[r][c]);
                } catch (const std::exception& e) {
                    return std::string("cannot read expected value: ") + e.what();
                }
            }
        }
    }
    return has_query ? "" : "no query to execute";
}

TckResult run_tck_scenario(const ScenarioInstance& scenario, const TckConfig& config) {
    try {
        execute(scenario, config);
        return {TckOutcome::Passed, ""};
    } catch (const std::exception& e) {
        return {TckOutcome::Failed, e.what()};
    }
}

}  // namespace meninx::testing
