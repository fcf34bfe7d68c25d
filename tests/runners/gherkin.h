// A small reader for the Gherkin subset used by the openCypher TCK: Feature, Background,
// Scenario, Scenario Outline with Examples tables, tags, steps with a doc string or a data table.
//
// The parsed structures own all their text. Parse errors are std::runtime_error "file:line: what".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace meninx::testing {

using GherkinTable = std::vector<std::vector<std::string>>;

struct GherkinStep {
    std::string keyword;  // Given, When, Then, And, But
    std::string text;     // the rest of the line, e.g. "executing query:"
    size_t line = 0;      // 1-based
    std::optional<std::string> doc_string;
    GherkinTable table;
};

struct GherkinScenario {
    std::string name;
    size_t line = 0;
    std::vector<std::string> tags;  // including the feature's tags
    bool outline = false;
    std::vector<GherkinStep> steps;
    std::vector<GherkinTable> examples;  // each with its header row first
};

struct GherkinFeature {
    std::string name;
    std::vector<std::string> tags;
    std::vector<GherkinStep> background;
    std::vector<GherkinScenario> scenarios;
};

// One runnable case: a scenario, or one Examples row of an outline, with the background's steps
// first and <placeholders> replaced.
struct ScenarioInstance {
    std::string name;
    size_t line = 0;
    int example = 0;  // 1-based row number across the outline's Examples tables; 0 for a scenario
    std::vector<std::string> tags;
    std::vector<GherkinStep> steps;
};

GherkinFeature parse_feature(const std::string& path, const std::string& content);

std::vector<ScenarioInstance> expand_scenarios(const GherkinFeature& feature);

// Splits one table line "| a | 'b\|c' |" into trimmed cells, undoing Gherkin's cell escapes
// (\| \\ \n).
std::vector<std::string> split_table_row(const std::string& line);

}  // namespace meninx::testing
