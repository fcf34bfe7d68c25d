#include "dot_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <string_view>
#include <unordered_set>

namespace meninx::shell {

namespace {

// How the nodes of one top-level category are drawn. A node takes the first style one of whose
// categories is among its labels (categories carry their ancestors' labels in a model
// database, and subcategories are listed for databases without one).
struct CategoryStyle {
    std::string_view legend;
    std::vector<std::string_view> categories;
    std::string_view shape;
    std::string_view style;
    std::string_view fill;
    std::string_view border;
};

const std::vector<CategoryStyle>& category_styles() {
    static const std::vector<CategoryStyle> styles = {
        {"Drug",
         {"Drug", "SmallMolecule", "Antibody", "DrugCombination", "DrugClass"},
         "box",
         "rounded,filled",
         "#d6e6f7",
         "#2f6db0"},
        {"Treatment", {"Treatment", "Regimen", "Procedure"}, "box", "filled", "#e6dcf3", "#6c4a9e"},
        {"Diagnosis, biomarker",
         {"DiagnosticMethod", "Biomarker"},
         "note",
         "filled",
         "#d5f0ec",
         "#23857a"},
        {"Gene, protein, variant",
         {"Gene", "Protein", "MicroRNA", "SequenceVariant"},
         "ellipse",
         "filled",
         "#dcefd2",
         "#3f8a2e"},
        {"Anatomy", {"AnatomicalEntity", "Cell"}, "hexagon", "filled", "#fde6cc", "#c46a12"},
        {"Disease, phenotype",
         {"Disease", "PhenotypicFeature", "Symptom", "AdverseEvent", "Outcome"},
         "ellipse",
         "filled,bold",
         "#f9d9d9",
         "#b63a3a"},
    };
    return styles;
}

const CategoryStyle& other_style() {
    static const CategoryStyle other{"Other", {}, "box", "filled", "#ececec", "#777777"};
    return other;
}

const CategoryStyle& style_of(const Node& node) {
    for (const auto& style : category_styles()) {
        for (const auto& label : node.labels) {
            if (std::find(style.categories.begin(), style.categories.end(), label) !=
                style.categories.end()) {
                return style;
            }
        }
    }
    return other_style();
}

// A DOT string literal: quotes and backslashes escaped, line breaks as \n (centred lines).
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c != '\r') {
            out += c;
        }
    }
    return out + '"';
}

size_t chars(std::string_view text) {
    size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// `text` broken into lines of about `width` characters at spaces (a longer word stays whole).
std::string wrap(std::string_view text, size_t width) {
    std::string out;
    size_t line = 0;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = text.find(' ', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(i, end - i);
        if (!word.empty()) {
            size_t n = chars(word);
            if (line > 0 && line + 1 + n > width) {
                out += '\n';
                line = 0;
            } else if (line > 0) {
                out += ' ';
                ++line;
            }
            out += word;
            line += n;
        }
        i = end + 1;
    }
    return out;
}

const Value* property(const std::shared_ptr<const Map>& properties, std::string_view key) {
    if (!properties) return nullptr;
    auto it = properties->find(key);
    return it == properties->end() || it->second.is_null() ? nullptr : &it->second;
}

std::string category_of(const Node& node, const ModelHints* hints) {
    auto labels = categories_by_specificity(node, hints);
    return labels.empty() ? "" : labels.front();
}

std::string node_label(const Node& node, const ModelHints* hints) {
    if (const Value* name = property(node.properties, "name"); name && name->is_string()) {
        if (!name->as_string().empty()) return wrap(name->as_string(), 22);
    }
    std::string category = category_of(node, hints);
    if (const Value* id = property(node.properties, "id"); id && id->is_string()) {
        return category.empty() ? id->as_string() : category + "\n" + id->as_string();
    }
    return (category.empty() ? "node" : category) + " #" + std::to_string(node.id);
}

std::string node_tooltip(const Node& node, const ModelHints* hints) {
    std::string out = category_of(node, hints);
    if (const Value* id = property(node.properties, "id"); id && id->is_string()) {
        out += (out.empty() ? "" : " · ") + id->as_string();
    }
    if (const Value* d = property(node.properties, "description"); d && d->is_string()) {
        out += (out.empty() ? "" : "\n") + d->as_string();
    }
    return out;
}

// --- relationship captions ----------------------------------------------------------------

std::string number_text(double v) {
    if (std::isnan(v) || std::isinf(v)) return std::isnan(v) ? "NaN" : (v > 0 ? "∞" : "-∞");
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The unit a property name implies, for databases without a model.
std::string unit_from_name(std::string_view key) {
    if (key.ends_with("_min") || key.ends_with("_max")) key.remove_suffix(4);
    const std::pair<std::string_view, std::string_view> suffixes[] = {
        {"_pct", "%"},       {"_months", "months"}, {"_weeks", "weeks"},
        {"_years", "years"}, {"_ratio", "ratio"},   {"_mg", "mg"},
    };
    for (const auto& [suffix, unit] : suffixes) {
        if (ends_with(key, suffix)) return std::string(unit);
    }
    return "";
}

// The unit of a measure, or nothing when the property is not a measure.
std::optional<std::string> measure_unit(const std::string& key, const ModelHints* hints) {
    if (hints) {
        if (auto it = hints->units.find(key); it != hints->units.end()) {
            if (it->second.empty()) return std::nullopt;
            return it->second;
        }
    }
    std::string unit = unit_from_name(key);
    if (unit.empty()) return std::nullopt;
    return unit;
}

// Short names of the review's measures; other measures are named by their key.
std::string measure_name(std::string_view base) {
    static const std::map<std::string_view, std::string_view> names = {
        {"orr_pct", "ORR"},
        {"median_os_months", "mOS"},
        {"median_pfs_months", "mPFS"},
        {"comparator_median_os_months", "comparator mOS"},
        {"os_gain_months", "OS gain"},
        {"intracranial_dcr_pct", "icDCR"},
        {"intracranial_response_rate_pct", "icRR"},
        {"csf_plasma_ratio", "CSF/plasma"},
        {"csf_plasma_ratio_pct", "CSF/plasma"},
        {"grade3_ae_pct", "grade ≥3 AE"},
        {"clinical_benefit_rate_pct", "CBR"},
        {"complete_response_pct", "CR"},
        {"median_survival_weeks", "median survival"},
        {"response_duration_years", "response duration"},
        {"death_risk_ratio", "death risk ratio"},
        {"death_risk_increase_pct_per_ctc_per_ml", "death risk increase"},
        {"threshold_ctc_per_ml", "threshold"},
        {"threshold_ctc_per_3ml", "threshold"},
        {"survival_years_over", "survival over"},
    };
    if (auto it = names.find(base); it != names.end()) return std::string(it->second);
    std::string name(base);
    for (std::string_view suffix : {"_pct", "_months", "_weeks", "_years", "_mg"}) {
        if (ends_with(name, suffix)) {
            name.resize(name.size() - suffix.size());
            break;
        }
    }
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
}

std::string with_unit(const std::string& number, const std::string& unit) {
    static const std::map<std::string_view, std::string_view> short_units = {
        {"ratio", ""},   {"months", " mo"},         {"weeks", " wk"},
        {"years", " y"}, {"CTC per mL", " CTC/mL"}, {"CTC per 3 mL", " CTC/3 mL"}};
    if (auto it = short_units.find(unit); it != short_units.end()) {
        return number + std::string(it->second);
    }
    // A percentage sticks to its number: 80.3%, 1% per CTC/mL.
    if (unit.starts_with('%')) return number + unit;
    return number + " " + unit;
}

// Measures first in the order a reader of the review looks for them.
int measure_rank(std::string_view base) {
    static const std::vector<std::string_view> order = {
        "orr_pct",
        "median_os_months",
        "median_pfs_months",
        "intracranial_response_rate_pct",
        "intracranial_dcr_pct",
        "csf_plasma_ratio",
        "csf_plasma_ratio_pct",
        "sensitivity_pct",
        "specificity_pct",
        "frequency_pct",
        "incidence_pct",
    };
    auto it = std::find(order.begin(), order.end(), base);
    return it == order.end() ? static_cast<int>(order.size())
                             : static_cast<int>(it - order.begin());
}

struct Measure {
    std::string base;
    std::string unit;
    std::optional<double> value, min, max;
};

std::vector<std::string> measure_texts(const Map& properties, const ModelHints* hints) {
    std::map<std::string, Measure> measures;
    for (const auto& [key, value] : properties) {
        // A dose is a condition of the result (and usually in the regimen's name), not a result.
        if (!value.is_number() || key == "dose_mg") continue;
        auto unit = measure_unit(key, hints);
        if (!unit) continue;
        std::string base = key;
        bool is_min = ends_with(key, "_min"), is_max = ends_with(key, "_max");
        if (is_min || is_max) base.resize(base.size() - 4);
        Measure& m = measures[base];
        m.base = base;
        m.unit = *unit;
        (is_min ? m.min : is_max ? m.max : m.value) = value.as_number();
    }
    std::vector<Measure> ordered;
    for (auto& [base, m] : measures) ordered.push_back(std::move(m));
    std::stable_sort(ordered.begin(), ordered.end(), [](const Measure& a, const Measure& b) {
        return measure_rank(a.base) < measure_rank(b.base);
    });
    std::vector<std::string> out;
    for (const auto& m : ordered) {
        std::string amount;
        if (m.value) {
            amount = number_text(*m.value);
        } else if (m.min && m.max) {
            amount = number_text(*m.min) + "–" + number_text(*m.max);
        } else if (m.min) {
            amount = "≥" + number_text(*m.min);
        } else {
            amount = "≤" + number_text(*m.max);
        }
        out.push_back(measure_name(m.base) + " " + with_unit(amount, m.unit));
    }
    return out;
}

std::string relationship_tooltip(const Relationship& rel) {
    std::string out = rel.type;
    if (const Value* fact = property(rel.properties, "fact_id"); fact && fact->is_string()) {
        out += " (" + fact->as_string() + ")";
    }
    if (const Value* text = property(rel.properties, "supporting_text");
        text && text->is_string()) {
        out += ": " + text->as_string();
    }
    return out;
}

void collect(const Value& value, ResultGraph& graph, std::unordered_set<int64_t>& nodes,
             std::unordered_set<int64_t>& relationships) {
    auto add_node = [&](const Node& n) {
        if (nodes.insert(n.id).second) graph.nodes.push_back(n);
    };
    auto add_relationship = [&](const Relationship& r) {
        if (relationships.insert(r.id).second) graph.relationships.push_back(r);
    };
    switch (value.type()) {
        case ValueType::Node:
            add_node(value.as_node());
            break;
        case ValueType::Relationship:
            add_relationship(value.as_relationship());
            break;
        case ValueType::Path:
            for (const auto& n : value.as_path().nodes) add_node(n);
            for (const auto& r : value.as_path().relationships) add_relationship(r);
            break;
        case ValueType::List:
            for (const auto& v : value.as_list()) collect(v, graph, nodes, relationships);
            break;
        case ValueType::Map:
            for (const auto& [k, v] : value.as_map()) collect(v, graph, nodes, relationships);
            break;
        default:
            break;
    }
}

}  // namespace

std::vector<std::string> categories_by_specificity(const Node& node, const ModelHints* hints) {
    auto depth = [&](const std::string& label) {
        int d = 0;
        if (!hints) return d;
        for (auto it = hints->parents.find(label); it != hints->parents.end() && d < 32;
             it = hints->parents.find(it->second)) {
            ++d;
        }
        return d;
    };
    std::vector<std::string> labels = node.labels;
    std::stable_sort(labels.begin(), labels.end(), [&](const std::string& a, const std::string& b) {
        return depth(a) > depth(b);
    });
    return labels;
}

std::vector<int64_t> ResultGraph::missing_endpoints() const {
    std::set<int64_t> present;
    for (const auto& n : nodes) present.insert(n.id);
    std::vector<int64_t> out;
    for (const auto& r : relationships) {
        for (int64_t id : {r.start, r.end}) {
            if (present.insert(id).second) out.push_back(id);
        }
    }
    return out;
}

ResultGraph collect_graph(const QueryResult& result) {
    ResultGraph graph;
    std::unordered_set<int64_t> nodes, relationships;
    for (const auto& row : result.rows) {
        for (const auto& value : row) collect(value, graph, nodes, relationships);
    }
    return graph;
}

std::string nothing_to_draw(const QueryResult& result) {
    if (result.columns.empty()) return "";
    if (result.rows.empty()) return "the result has no rows, so there is nothing to draw";
    if (collect_graph(result).empty()) {
        return "the result holds no nodes, relationships or paths to draw (return them, for "
               "example MATCH p = (a)-[r]->(b) RETURN p)";
    }
    return "";
}

std::string relationship_caption(const Relationship& rel, const ModelHints* hints) {
    std::vector<std::string> parts;
    if (rel.properties) parts = measure_texts(*rel.properties, hints);
    if (parts.size() > 3) {
        parts.resize(3);
        parts.back() += " …";
    }
    if (parts.empty()) {
        for (std::string_view key : {"penetration", "efficacy", "trend"}) {
            if (const Value* v = property(rel.properties, key); v && v->is_string()) {
                parts.push_back(std::string(key) + ": " + v->as_string());
                break;
            }
        }
    }
    std::string all;
    for (const auto& p : parts) all += (all.empty() ? "" : " · ") + p;
    if (all.empty()) return rel.type;
    if (chars(rel.type) + 3 + chars(all) <= 32) return rel.type + " · " + all;
    std::string out = rel.type;
    std::string line;
    for (const auto& p : parts) {
        if (!line.empty() && chars(line) + 3 + chars(p) > 30) {
            out += "\n" + line;
            line.clear();
        }
        line += (line.empty() ? "" : " · ") + p;
    }
    return out + "\n" + line;
}

std::string dot_document(const ResultGraph& graph, const ModelHints* hints) {
    std::string out =
        "digraph result {\n"
        "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.45, ranksep=0.9, pad=0.3];\n"
        "  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.14,0.07\", penwidth=1.3];\n"
        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#667080\", fontcolor=\"#2b3440\", "
        "arrowsize=0.7];\n";
    std::vector<const CategoryStyle*> used;
    auto use = [&](const CategoryStyle& s) {
        if (std::find(used.begin(), used.end(), &s) == used.end()) used.push_back(&s);
    };
    auto style_attributes = [](const CategoryStyle& s) {
        return "shape=" + std::string(s.shape) + ", style=" + quoted(s.style) +
               ", fillcolor=" + quoted(s.fill) + ", color=" + quoted(s.border);
    };
    for (const auto& node : graph.nodes) {
        const CategoryStyle& s = style_of(node);
        use(s);
        out += "  n" + std::to_string(node.id) + " [label=" + quoted(node_label(node, hints)) +
               ", " + style_attributes(s) + ", tooltip=" + quoted(node_tooltip(node, hints)) +
               "];\n";
    }
    for (int64_t id : graph.missing_endpoints()) {
        out += "  n" + std::to_string(id) + " [label=" + quoted("#" + std::to_string(id)) +
               ", shape=ellipse, style=dashed, color=\"#999999\", fontcolor=\"#777777\", "
               "tooltip=\"a node not in the result\"];\n";
    }
    for (const auto& rel : graph.relationships) {
        out += "  n" + std::to_string(rel.start) + " -> n" + std::to_string(rel.end) +
               " [label=" + quoted(relationship_caption(rel, hints)) +
               ", tooltip=" + quoted(relationship_tooltip(rel)) + "];\n";
    }
    if (!used.empty()) {
        std::sort(used.begin(), used.end(), [](const CategoryStyle* a, const CategoryStyle* b) {
            auto index = [](const CategoryStyle* s) {
                const auto& all = category_styles();
                for (size_t i = 0; i < all.size(); ++i) {
                    if (&all[i] == s) return i;
                }
                return all.size();
            };
            return index(a) < index(b);
        });
        out +=
            "  subgraph cluster_legend {\n"
            "    label=\"Categories\"; fontname=\"Helvetica\"; fontsize=10; "
            "fontcolor=\"#555555\";\n"
            "    style=\"rounded\"; color=\"#bbbbbb\";\n"
            "    node [fontsize=9, margin=\"0.08,0.03\", height=0.3];\n";
        std::string rank = "    { rank=same;";
        for (size_t i = 0; i < used.size(); ++i) {
            std::string id = "legend" + std::to_string(i);
            out += "    " + id + " [label=" + quoted(used[i]->legend) + ", " +
                   style_attributes(*used[i]) + "];\n";
            rank += " " + id + ";";
        }
        out += rank + " }\n  }\n";
    }
    return out + "}\n";
}

}  // namespace meninx::shell
