// Graphviz DOT output on hand-made results: each node and relationship once, labels, key
// measures with units, category styles and the legend, and results with nothing to draw.
#include "dot_format.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "output_format.h"

using namespace meninx;
using namespace meninx::shell;

namespace {

std::shared_ptr<const Map> props(Map m) { return std::make_shared<const Map>(std::move(m)); }

Node osimertinib() {
    return Node{7,
                {"SmallMolecule", "Drug"},
                props({{"name", Value("osimertinib")}, {"id", Value("DRUGBANK:DB09330")}})};
}

Node lm() { return Node{9, {"Disease"}, props({{"name", Value("leptomeningeal metastasis")}})}; }

Node csf() {
    return Node{11, {"AnatomicalEntity"}, props({{"name", Value("cerebrospinal fluid")}})};
}

Relationship treats() {
    return Relationship{3, 7, 9, "TREATS",
                        props({{"orr_pct", Value(80.3)},
                               {"median_os_months_min", Value(10.5)},
                               {"median_os_months_max", Value(15.0)},
                               {"fact_id", Value("F25")},
                               {"supporting_text", Value("Osimertinib \"works\".")}})};
}

Relationship penetrates() {
    return Relationship{4, 7, 11, "PENETRATES", props({{"csf_plasma_ratio_pct", Value(22.0)}})};
}

ModelHints hints() {
    ModelHints h;
    h.parents = {{"Drug", ""}, {"SmallMolecule", "Drug"}, {"Disease", ""}};
    h.units = {{"orr_pct", "%"},
               {"median_os_months_min", "months"},
               {"median_os_months_max", "months"},
               {"csf_plasma_ratio_pct", "%"},
               {"fact_id", ""},
               {"supporting_text", ""}};
    return h;
}

QueryResult result(std::vector<std::vector<Value>> rows) {
    QueryResult r;
    r.columns.resize(rows.empty() ? 1 : rows[0].size(), "x");
    r.rows = std::move(rows);
    return r;
}

std::string dot(const QueryResult& r, FormatOptions options = {}) {
    std::ostringstream out;
    make_formatter(OutputMode::Dot, options)->write(r, out);
    return out.str();
}

size_t count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("dot: the mode is named dot", "[dot]") {
    REQUIRE(parse_output_mode("dot") == OutputMode::Dot);
    REQUIRE(output_mode_name(OutputMode::Dot) == "dot");
}

TEST_CASE("dot: each node and relationship is drawn once, from any column or path", "[dot]") {
    Path path{{osimertinib(), lm()}, {treats()}};
    auto r = result({{Value(path), Value(osimertinib()), Value(List{Value(treats())})},
                     {Value(path), Value(lm()), Value(Map{{"r", Value(penetrates())}})}});
    std::string text = dot(r);
    INFO(text);
    REQUIRE(text.starts_with("digraph result {"));
    REQUIRE(text.ends_with("}\n"));
    REQUIRE(count(text, "  n7 [label=\"osimertinib\"") == 1);
    REQUIRE(count(text, "  n9 [label=\"leptomeningeal\\nmetastasis\"") == 1);
    REQUIRE(count(text, "  n7 -> n9 [") == 1);
    REQUIRE(count(text, "  n7 -> n11 [") == 1);
    // The endpoint the result lacks is drawn as a placeholder, once.
    REQUIRE(count(text, "  n11 [label=\"#11\"") == 1);
}

TEST_CASE("dot: relationships are labelled with their type and key measures", "[dot]") {
    ModelHints h = hints();
    REQUIRE(relationship_caption(treats(), &h) == "TREATS\nORR 80.3% · mOS 10.5–15 mo");
    REQUIRE(relationship_caption(penetrates(), &h) == "PENETRATES · CSF/plasma 22%");
    // Without a model, units come from the property names.
    REQUIRE(relationship_caption(penetrates(), nullptr) == "PENETRATES · CSF/plasma 22%");
    // Provenance and text are not measures; a qualitative property stands in for missing ones.
    Relationship poor{5, 7, 11, "PENETRATES",
                      props({{"penetration", Value("poor")}, {"fact_id", Value("F30")}})};
    REQUIRE(relationship_caption(poor, &h) == "PENETRATES · penetration: poor");
    // Units: a percentage sticks to its number, counts per volume are abbreviated.
    Relationship ctc{7, 7, 9, "BIOMARKER_FOR",
                     props({{"death_risk_increase_pct_per_ctc_per_ml", Value(1.0)},
                            {"threshold_ctc_per_3ml", Value(61.0)}})};
    h.units["death_risk_increase_pct_per_ctc_per_ml"] = "% per CTC/mL";
    h.units["threshold_ctc_per_3ml"] = "CTC per 3 mL";
    REQUIRE(relationship_caption(ctc, &h) ==
            "BIOMARKER_FOR\ndeath risk increase 1% per CTC/mL\nthreshold 61 CTC/3 mL");
    Relationship bare{6, 7, 11, "MEMBER_OF", props({{"fact_id", Value("F01")}})};
    REQUIRE(relationship_caption(bare, &h) == "MEMBER_OF");
    // A measure the model gives no unit is not shown.
    h.units["orr_pct"] = "";
    REQUIRE(relationship_caption(treats(), &h) == "TREATS · mOS 10.5–15 mo");
}

TEST_CASE("dot: the tooltip carries the fact and its text, escaped", "[dot]") {
    std::string text = dot(result({{Value(Path{{osimertinib(), lm()}, {treats()}})}}));
    REQUIRE(text.find("tooltip=\"TREATS (F25): Osimertinib \\\"works\\\".\"") != std::string::npos);
}

TEST_CASE("dot: nodes are styled by top-level category, with a legend of those present", "[dot]") {
    auto r = result({{Value(osimertinib())}, {Value(lm())}});
    std::string text = dot(r);
    INFO(text);
    REQUIRE(text.find("n7 [label=\"osimertinib\", shape=box, style=\"rounded,filled\", "
                      "fillcolor=\"#d6e6f7\"") != std::string::npos);
    REQUIRE(text.find("n9 [label=\"leptomeningeal\\nmetastasis\", shape=ellipse, "
                      "style=\"filled,bold\", fillcolor=\"#f9d9d9\"") != std::string::npos);
    REQUIRE(text.find("subgraph cluster_legend {") != std::string::npos);
    REQUIRE(text.find("legend0 [label=\"Drug\", shape=box") != std::string::npos);
    REQUIRE(text.find("legend1 [label=\"Disease, phenotype\", shape=ellipse") != std::string::npos);
    REQUIRE(text.find("Anatomy") == std::string::npos);
    // Any other label falls back to grey boxes.
    Node thing{1, {"Gadget"}, props({})};
    std::string other = dot(result({{Value(thing)}}));
    REQUIRE(other.find("n1 [label=\"Gadget #1\", shape=box, style=\"filled\", "
                       "fillcolor=\"#ececec\"") != std::string::npos);
    REQUIRE(other.find("legend0 [label=\"Other\"") != std::string::npos);
}

TEST_CASE("dot: a node without a name shows its most specific category and id", "[dot]") {
    ModelHints h = hints();
    Node unnamed{5, {"Drug", "SmallMolecule"}, props({{"id", Value("DRUGBANK:DB00001")}})};
    FormatOptions options;
    options.model = std::make_shared<ModelHints>(h);
    std::string text = dot(result({{Value(unnamed)}}), options);
    REQUIRE(text.find("n5 [label=\"SmallMolecule\\nDRUGBANK:DB00001\"") != std::string::npos);
    REQUIRE(categories_by_specificity(unnamed, &h) ==
            std::vector<std::string>{"SmallMolecule", "Drug"});
}

TEST_CASE("dot: quotes and backslashes in names are escaped", "[dot]") {
    Node odd{2, {"Drug"}, props({{"name", Value("a \"b\" \\ c")}})};
    std::string text = dot(result({{Value(odd)}}));
    REQUIRE(text.find("n2 [label=\"a \\\"b\\\" \\\\ c\"") != std::string::npos);
}

TEST_CASE("dot: endpoints the result lacks are fetched when the shell can", "[dot]") {
    FormatOptions options;
    std::vector<int64_t> asked;
    options.fetch_nodes = [&](const std::vector<int64_t>& ids) {
        asked = ids;
        return std::vector<Node>{osimertinib(), csf()};
    };
    std::string text = dot(result({{Value(penetrates())}}), options);
    REQUIRE(asked == std::vector<int64_t>{7, 11});
    REQUIRE(text.find("n7 [label=\"osimertinib\"") != std::string::npos);
    REQUIRE(text.find("n11 [label=\"cerebrospinal fluid\", shape=hexagon") != std::string::npos);
    REQUIRE(text.find("#11") == std::string::npos);
}

TEST_CASE("dot: results without graph elements are refused with a reason", "[dot]") {
    auto formatter = make_formatter(OutputMode::Dot, {});
    REQUIRE(formatter->refusal(result({{Value(1)}})).find("no nodes, relationships or paths") !=
            std::string::npos);
    REQUIRE(formatter->refusal(result({})).find("no rows") != std::string::npos);
    REQUIRE(formatter->refusal(result({{Value(osimertinib())}})).empty());
    // A statement without columns (a write) has nothing to say, and no complaint.
    REQUIRE(formatter->refusal(QueryResult{}).empty());
    REQUIRE(dot(QueryResult{}).empty());
    // Other formats refuse nothing.
    REQUIRE(make_formatter(OutputMode::Table, {})->refusal(result({{Value(1)}})).empty());
}
