// The catalog's rules: model validation, category ancestry, endpoint rules, property checks.
#include "catalog/catalog.h"

#include <catch2/catch.hpp>

#include "meninx/error.h"

using meninx::Exception;
using meninx::List;
using meninx::Value;
using meninx::catalog::Catalog;
using meninx::catalog::Element;
using meninx::catalog::PropertyType;

namespace {

const Catalog& model() {
    static const Catalog catalog =
        Catalog::from_json_file(std::string(MENINX_SOURCE_DIR) + "/schema/model.json");
    return catalog;
}

std::string model_error(const std::string& text) {
    try {
        Catalog::from_json(text, "test");
    } catch (const Exception& e) {
        return e.error().message;
    }
    return "";
}

}  // namespace

TEST_CASE("The model file declares the review's categories with Biolink CURIEs", "[catalog]") {
    const auto& c = model();
    for (const char* name :
         {"Drug", "SmallMolecule", "Antibody", "DrugCombination", "Gene", "Protein", "MicroRNA",
          "SequenceVariant", "AnatomicalEntity", "Cell", "Disease", "Procedure", "Treatment",
          "DiagnosticMethod", "Biomarker", "Symptom", "Outcome", "Study", "Publication"}) {
        INFO(name);
        CHECK(c.is_category(name));
    }
    CHECK_FALSE(c.is_category("Dragon"));
    for (const auto& category : c.categories()) {
        INFO(category.name);
        CHECK(category.curie.rfind("biolink:", 0) == 0);
    }
}

TEST_CASE("A category's labels are itself and its ancestors, nearest first", "[catalog]") {
    const auto& c = model();
    CHECK(c.ancestors("SmallMolecule") == std::vector<std::string>{"SmallMolecule", "Drug"});
    CHECK(c.ancestors("Antibody") == std::vector<std::string>{"Antibody", "Drug"});
    CHECK(c.ancestors("Regimen") == std::vector<std::string>{"Regimen", "Treatment"});
    CHECK(c.ancestors("Cell") == std::vector<std::string>{"Cell", "AnatomicalEntity"});
    CHECK(c.ancestors("Gene") == std::vector<std::string>{"Gene"});
    CHECK(c.ancestors("Unknown").empty());
}

TEST_CASE("Endpoint rules admit descendants and refuse other categories", "[catalog]") {
    const auto& c = model();
    CHECK_FALSE(c.allowed("TREATS", {"SmallMolecule", "Drug"}, {"Disease"}));
    // A label alone is enough: SmallMolecule is a Drug even without the Drug label.
    CHECK_FALSE(c.allowed("TREATS", {"SmallMolecule"}, {"Disease"}));
    CHECK_FALSE(c.allowed("TREATS", {"Procedure", "Treatment"}, {"Symptom"}));
    auto refused = c.allowed("TREATS", {"Gene"}, {"Disease"});
    REQUIRE(refused);
    CHECK(refused->find("TREATS cannot link (:Gene) to (:Disease)") != std::string::npos);
    CHECK(refused->find("allowed: (:Drug|DrugClass|Treatment)") != std::string::npos);
    CHECK(c.allowed("TREATS", {"Drug"}, {}));
    auto unknown = c.allowed("CURES", {"Drug"}, {"Disease"});
    REQUIRE(unknown);
    CHECK(*unknown == "unknown relationship type 'CURES'");
    // MEMBER_OF has two rules; each is tried.
    CHECK_FALSE(c.allowed("MEMBER_OF", {"Antibody"}, {"DrugClass"}));
    CHECK_FALSE(c.allowed("MEMBER_OF", {"MicroRNA"}, {"Biomarker"}));
    CHECK(c.allowed("MEMBER_OF", {"MicroRNA"}, {"DrugClass"}));
}

TEST_CASE("Properties carry types and units", "[catalog]") {
    const auto& c = model();
    const auto* orr = c.property("orr_pct");
    REQUIRE(orr);
    CHECK(orr->type == PropertyType::Float);
    CHECK(orr->unit == "%");
    CHECK(c.property("median_os_months")->unit == "months");
    CHECK(c.property("median_survival_weeks_min")->unit == "weeks");
    CHECK(c.property("dose_mg")->unit == "mg");
    CHECK(c.property("csf_plasma_ratio")->unit == "ratio");
    CHECK(c.property("threshold_ctc_per_ml")->unit == "CTC per mL");
    CHECK(c.property("synonyms")->type == PropertyType::StringList);
    CHECK(c.property("no_such_property") == nullptr);
    // Every _min has its _max: ranges are kept as pairs.
    for (const auto& p : c.properties()) {
        const std::string suffix = "_min";
        if (p.name.size() > suffix.size() &&
            p.name.compare(p.name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            INFO(p.name);
            CHECK(c.property(p.name.substr(0, p.name.size() - suffix.size()) + "_max"));
        }
    }
}

TEST_CASE("Property values are checked against type, element and allowed values", "[catalog]") {
    const auto& c = model();
    CHECK_FALSE(c.check_property("orr_pct", Value(80.3), Element::Relationship));
    CHECK_FALSE(c.check_property("orr_pct", Value(80), Element::Relationship));
    CHECK_FALSE(c.check_property("orr_pct", Value(), Element::Relationship));
    CHECK(*c.check_property("orr_pct", Value("80%"), Element::Relationship) ==
          "property 'orr_pct' must be FLOAT, not STRING");
    CHECK(*c.check_property("year", Value(2025.5), Element::Node) ==
          "property 'year' must be INTEGER, not FLOAT");
    CHECK_FALSE(c.check_property("synonyms", Value(List{Value("Tagrisso")}), Element::Node));
    CHECK(c.check_property("synonyms", Value(List{Value(1)}), Element::Node));
    CHECK(*c.check_property("fact_id", Value("F01"), Element::Node) ==
          "property 'fact_id' applies only to a relationship");
    CHECK(*c.check_property("colour", Value("red"), Element::Node) == "unknown property 'colour'");
    CHECK_FALSE(
        c.check_property("knowledge_level", Value("knowledge_assertion"), Element::Relationship));
    auto level = c.check_property("knowledge_level", Value("hunch"), Element::Relationship);
    REQUIRE(level);
    CHECK(level->find("must be one of knowledge_assertion") != std::string::npos);
}

TEST_CASE("Relationships must carry the provenance fields", "[catalog]") {
    CHECK(model().required_relationship_fields() ==
          std::vector<std::string>{"fact_id", "supporting_text", "knowledge_level", "agent_type",
                                   "publications"});
    CHECK(model().required_node_fields() == std::vector<std::string>{"id", "name"});
}

TEST_CASE("Inconsistent models are refused with the reason", "[catalog]") {
    CHECK(model_error("[1]") == "test: the model must be a JSON object");
    CHECK(model_error(R"({"categories": [{"name": "A", "curie": "biolink:A", "parent": "B"}]})") ==
          "test: category 'A' has an unknown parent 'B'");
    CHECK(model_error(R"({"categories": [{"name": "A", "curie": "x", "parent": "B"},
                                          {"name": "B", "curie": "y", "parent": "A"}]})") ==
          "test: category 'A' is its own ancestor");
    CHECK(model_error(R"({"categories": [{"name": "A", "curie": "x"}],
                          "predicates": [{"name": "R", "curie": "y",
                            "endpoints": [{"subject": ["A"], "object": ["Z"]}]}]})") ==
          "test: predicate 'R' names an unknown category 'Z'");
    CHECK(model_error(R"({"properties": [{"name": "p", "type": "DATE", "applies_to": "node"}]})") ==
          "test: property 'p' has an unknown type");
    CHECK(model_error(R"({"required_relationship_fields": ["fact_id"]})") ==
          "test: required field 'fact_id' is not a declared property");
    CHECK(model_error("{").rfind("test: not valid JSON", 0) == 0);
}

TEST_CASE("The model is listed as rows for the schema procedure", "[catalog]") {
    const auto& c = model();
    CHECK(Catalog::schema_columns() ==
          std::vector<std::string>{"kind", "name", "curie", "detail", "unit", "description"});
    auto rows = c.schema_rows();
    size_t rules = 0;
    for (const auto& p : c.predicates()) rules += p.rules.size();
    CHECK(rows.size() == c.categories().size() + rules + c.properties().size());
    auto find = [&](const std::string& kind, const std::string& name) {
        for (const auto& row : rows) {
            if (row[0].as_string() == kind && row[1].as_string() == name) return row;
        }
        return std::vector<Value>{};
    };
    auto small = find("category", "SmallMolecule");
    REQUIRE(small.size() == 6);
    CHECK(small[2].as_string() == "biolink:SmallMolecule");
    CHECK(small[3].as_string() == "Drug");
    CHECK(find("category", "Disease")[3].is_null());
    auto treats = find("predicate", "TREATS");
    REQUIRE(treats.size() == 6);
    CHECK(treats[2].as_string() == "biolink:treats");
    CHECK(treats[3].as_string() ==
          "(:Drug|DrugClass|Treatment)-[:TREATS]->(:Disease|PhenotypicFeature)");
    auto orr = find("property", "orr_pct");
    REQUIRE(orr.size() == 6);
    CHECK(orr[3].as_string() == "FLOAT on relationship");
    CHECK(orr[4].as_string() == "%");
    CHECK(find("property", "name")[4].is_null());
}

TEST_CASE("Whole nodes and relationships are checked for strict writes", "[catalog]") {
    const auto& c = model();
    using meninx::Map;
    Map drug{{"id", Value("DRUGBANK:DB09330")}, {"name", Value("osimertinib")}};
    CHECK_FALSE(c.check_node({"SmallMolecule", "Drug"}, drug));
    CHECK(*c.check_node({}, drug) == "a node needs a label naming its category");
    CHECK(*c.check_node({"Drug", "Dragon"}, drug) == "unknown category 'Dragon'");
    CHECK(*c.check_node({"Drug"}, {{"name", Value("x")}}) == "a node needs the property 'id'");
    Map bad_type = drug;
    bad_type["synonyms"] = Value("Tagrisso");
    CHECK(*c.check_node({"Drug"}, bad_type) ==
          "property 'synonyms' must be LIST<STRING>, not STRING");

    Map evidence{{"fact_id", Value("F30")},
                 {"supporting_text", Value("Osimertinib 160 mg gives an ORR of 68.9%.")},
                 {"knowledge_level", Value("knowledge_assertion")},
                 {"agent_type", Value("manual_agent")},
                 {"publications", Value(List{Value("PMID:40948849")})},
                 {"orr_pct", Value(68.9)}};
    CHECK_FALSE(c.check_relationship("TREATS", {"Regimen", "Treatment"}, {"Disease"}, evidence));
    CHECK(c.check_relationship("TREATS", {"Gene"}, {"Disease"}, evidence)
              ->rfind("TREATS cannot link", 0) == 0);
    Map missing = evidence;
    missing.erase("supporting_text");
    CHECK(*c.check_relationship("TREATS", {"Drug"}, {"Disease"}, missing) ==
          "a relationship needs the provenance property 'supporting_text'");
    Map node_property = evidence;
    node_property["synonyms"] = Value(List{});
    CHECK(*c.check_relationship("TREATS", {"Drug"}, {"Disease"}, node_property) ==
          "property 'synonyms' applies only to a node");
}
