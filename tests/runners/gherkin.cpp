#include "gherkin.h"

#include <sstream>
#include <stdexcept>

namespace meninx::testing {
namespace {

std::string trim(const std::string& text) {
    size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return "";
    size_t end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

std::string substitute(std::string text, const std::vector<std::string>& header,
                       const std::vector<std::string>& row) {
    for (size_t i = 0; i < header.size() && i < row.size(); ++i) {
        text = replace_all(std::move(text), "<" + header[i] + ">", row[i]);
    }
    return text;
}

}  // namespace

std::vector<std::string> split_table_row(const std::string& line) {
    std::string text = trim(line);
    std::vector<std::string> cells;
    if (text.empty() || text[0] != '|') return cells;
    std::string cell;
    for (size_t i = 1; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && i + 1 < text.size()) {
            char next = text[i + 1];
            if (next == '|' || next == '\\') {
                cell += next;
                ++i;
                continue;
            }
            if (next == 'n') {
                cell += '\n';
                ++i;
                continue;
            }
        }
        if (c == '|') {
            cells.push_back(trim(cell));
            cell.clear();
            continue;
        }
        cell += c;
    }
    return cells;
}

GherkinFeature parse_feature(const std::string& path, const std::string& content) {
    std::vector<std::string> lines;
    std::istringstream stream(content);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);

    GherkinFeature feature;
    std::vector<std::string> pending_tags;
    std::vector<GherkinStep>* steps = nullptr;  // where steps go: background or a scenario
    GherkinTable* table = nullptr;              // where table rows go
    auto fail = [&](size_t i, const std::string& what) {
        throw std::runtime_error(path + ":" + std::to_string(i + 1) + ": " + what);
    };
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string text = trim(lines[i]);
        if (text.empty() || text[0] == '#') continue;
        if (text[0] == '@') {
            std::istringstream words(text);
            for (std::string tag; words >> tag;) pending_tags.push_back(tag);
            continue;
        }
        if (starts_with(text, "\"\"\"")) {
            if (!steps || steps->empty()) fail(i, "doc string outside a step");
            size_t indent = lines[i].find('"');
            std::string doc;
            bool closed = false;
            bool first = true;
            for (++i; i < lines.size(); ++i) {
                if (trim(lines[i]) == "\"\"\"") {
                    closed = true;
                    break;
                }
                const std::string& raw = lines[i];
                size_t strip = std::min(indent, raw.find_first_not_of(' ') == std::string::npos
                                                    ? raw.size()
                                                    : raw.find_first_not_of(' '));
                if (!first) doc += '\n';
                first = false;
                doc += raw.substr(strip);
            }
            if (!closed) fail(i, "unterminated doc string");
            steps->back().doc_string = doc;
            continue;
        }
        if (text[0] == '|') {
            if (!table) fail(i, "table outside a step or Examples");
            table->push_back(split_table_row(text));
            continue;
        }
        if (starts_with(text, "Feature:")) {
            feature.name = trim(text.substr(8));
            feature.tags = std::move(pending_tags);
            pending_tags.clear();
            continue;
        }
        if (starts_with(text, "Background:")) {
            steps = &feature.background;
            table = nullptr;
            continue;
        }
        bool outline = starts_with(text, "Scenario Outline:");
        if (outline || starts_with(text, "Scenario:")) {
            GherkinScenario scenario;
            scenario.name = trim(text.substr(text.find(':') + 1));
            scenario.line = i + 1;
            scenario.outline = outline;
            scenario.tags = feature.tags;
            scenario.tags.insert(scenario.tags.end(), pending_tags.begin(), pending_tags.end());
            pending_tags.clear();
            feature.scenarios.push_back(std::move(scenario));
            steps = &feature.scenarios.back().steps;
            table = nullptr;
            continue;
        }
        if (starts_with(text, "Examples:")) {
            if (feature.scenarios.empty() || !feature.scenarios.back().outline) {
                fail(i, "Examples outside a Scenario Outline");
            }
            pending_tags.clear();
            auto& examples = feature.scenarios.back().examples;
            examples.emplace_back();
            table = &examples.back();
            steps = nullptr;
            continue;
        }
        size_t space = text.find(' ');
        std::string keyword = text.substr(0, space);
        if (keyword == "Given" || keyword == "When" || keyword == "Then" || keyword == "And" ||
            keyword == "But") {
            if (!steps) fail(i, "step outside a scenario");
            GherkinStep step;
            step.keyword = keyword;
            step.text = space == std::string::npos ? "" : trim(text.substr(space + 1));
            step.line = i + 1;
            steps->push_back(std::move(step));
            table = &steps->back().table;
            continue;
        }
        fail(i, "unrecognised line `" + text + "`");
    }
    return feature;
}

std::vector<ScenarioInstance> expand_scenarios(const GherkinFeature& feature) {
    std::vector<ScenarioInstance> out;
    for (const auto& scenario : feature.scenarios) {
        if (!scenario.outline) {
            ScenarioInstance instance{scenario.name, scenario.line, 0, scenario.tags,
                                      feature.background};
            instance.steps.insert(instance.steps.end(), scenario.steps.begin(),
                                  scenario.steps.end());
            out.push_back(std::move(instance));
            continue;
        }
        int example = 0;
        for (const auto& table : scenario.examples) {
            if (table.empty()) continue;
            const auto& header = table.front();
            for (size_t r = 1; r < table.size(); ++r) {
                ScenarioInstance instance{scenario.name, scenario.line, ++example, scenario.tags,
                                          feature.background};
                for (GherkinStep step : scenario.steps) {
                    step.text = substitute(step.text, header, table[r]);
                    if (step.doc_string) {
                        step.doc_string = substitute(*step.doc_string, header, table[r]);
                    }
                    for (auto& row : step.table) {
                        for (auto& cell : row) cell = substitute(cell, header, table[r]);
                    }
                    instance.steps.push_back(std::move(step));
                }
                out.push_back(std::move(instance));
            }
        }
    }
    return out;
}

}  // namespace meninx::testing
