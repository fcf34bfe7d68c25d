// The seed files: every fact of the review is present with its numbers, and rows that break the
// model are refused with the file, line and rule.
#include "loader/seed_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "catalog/catalog.h"
#include "meninx/error.h"
#include "seed_facts.h"

using meninx::Exception;
using meninx::Value;
using meninx::catalog::Catalog;
using meninx::loader::read_seed;
using meninx::loader::SeedGraph;

namespace {

const Catalog& model() {
    static const Catalog catalog =
        Catalog::from_json_file(std::string(MENINX_SOURCE_DIR) + "/schema/model.json");
    return catalog;
}

const SeedGraph& seed() {
    static const SeedGraph graph =
        read_seed(model(), std::string(MENINX_SOURCE_DIR) + "/seed-data");
    return graph;
}

const std::string kNodeHeader = "id\tcategory\tname\tsynonyms\txrefs\tdescription\tproperties\n";
const std::string kNodes = kNodeHeader +
                           "DRUGBANK:DB09330\tSmallMolecule\tosimertinib\tTagrisso|AZD9291\t\t\t\n"
                           "NCIT:C27383\tDisease\tleptomeningeal metastasis\tLM\t\t\t\n"
                           "HGNC:3236\tGene\tEGFR\t\t\t\t\n";
const std::string kEdgeHeader =
    "subject\tpredicate\tobject\tfact_id\tsupporting_text\tknowledge_level\tagent_type\t"
    "publications\tproperties\n";
const std::string kProvenance =
    "F29\tOsimertinib treats LM.\tknowledge_assertion\tmanual_agent\tPMID:40948849\t";

// Writes a seed directory with the given files and returns the message of the error reading it
// gives (empty when it reads).
std::string read_error(const std::string& nodes, const std::string& edges) {
    auto dir = std::filesystem::temp_directory_path() /
               ("meninx-seed-reader-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "nodes.tsv") << nodes;
    std::ofstream(dir / "edges.tsv") << edges;
    std::ofstream(dir / "evidence_levels.tsv") << "fact_id\tlevel\tbasis\nF29\tB\tclinical\n";
    std::string message;
    try {
        read_seed(model(), dir.string());
    } catch (const Exception& e) {
        message = e.error().message;
    }
    std::filesystem::remove_all(dir);
    return message;
}

}  // namespace

TEST_CASE("The seed files read without error", "[seed]") {
    const auto& g = seed();
    CHECK(g.nodes.size() > 80);
    CHECK(g.edges.size() > 100);
}

TEST_CASE("Every fact F01-F47 is stated by at least one relationship", "[seed]") {
    std::set<std::string> present;
    for (const auto& e : seed().edges) present.insert(e.properties.at("fact_id").as_string());
    for (const auto& id : all_fact_ids()) {
        INFO(id);
        CHECK(present.count(id) == 1);
    }
    CHECK(present.size() == 47);
}

TEST_CASE("Every number of the review is in the seed with its unit and range ends", "[seed]") {
    for (const auto& expected : expected_numbers()) {
        INFO(expected.fact_id << " " << expected.property << " = " << expected.value);
        const auto* def = model().property(expected.property);
        REQUIRE(def);
        CHECK(def->unit == expected.unit);
        bool found = false;
        for (const auto& e : seed().edges) {
            if (e.properties.at("fact_id").as_string() != expected.fact_id) continue;
            auto it = e.properties.find(expected.property);
            if (it != e.properties.end() && it->second.is_number() &&
                std::fabs(it->second.as_number() - expected.value) < 1e-9) {
                found = true;
            }
        }
        CHECK(found);
    }
    for (const auto& expected : expected_designs()) {
        INFO(expected.fact_id);
        bool found = false;
        for (const auto& e : seed().edges) {
            auto it = e.properties.find("study_design");
            found |= e.properties.at("fact_id").as_string() == expected.fact_id &&
                     it != e.properties.end() && it->second.as_string() == expected.study_design;
        }
        CHECK(found);
    }
}

TEST_CASE("Every relationship cites the review and every node has a CURIE", "[seed]") {
    for (const auto& e : seed().edges) {
        const auto& pubs = e.properties.at("publications").as_list();
        REQUIRE(pubs.size() == 1);
        CHECK(pubs[0].as_string() == "PMID:40948849");
        CHECK(e.properties.at("supporting_text").as_string().size() > 10);
    }
    for (const auto& n : seed().nodes) {
        INFO(n.id);
        CHECK(n.id.find(':') != std::string::npos);
        CHECK(n.properties.at("id").as_string() == n.id);
    }
}

TEST_CASE("Drugs carry brand and code names and all their labels", "[seed]") {
    const meninx::loader::SeedNode* osimertinib = nullptr;
    for (const auto& n : seed().nodes) {
        if (n.id == "DRUGBANK:DB09330") osimertinib = &n;
    }
    REQUIRE(osimertinib);
    CHECK(osimertinib->labels == std::vector<std::string>{"SmallMolecule", "Drug"});
    const auto& synonyms = osimertinib->properties.at("synonyms").as_list();
    REQUIRE(synonyms.size() == 2);
    CHECK(synonyms[0].as_string() == "Tagrisso");
    CHECK(synonyms[1].as_string() == "AZD9291");
    CHECK(osimertinib->properties.at("xrefs").as_list().size() == 4);
}

TEST_CASE("A well-formed small seed reads", "[seed]") {
    CHECK(read_error(kNodes, kEdgeHeader + "DRUGBANK:DB09330\tTREATS\tNCIT:C27383\t" + kProvenance +
                                 "orr_pct_min=51.6|orr_pct_max=53\n") == "");
}

TEST_CASE("The reader refuses rows that break the model", "[seed]") {
    SECTION("unknown category") {
        CHECK(read_error(kNodes + "X:1\tDragon\tsmaug\t\t\t\t\n", kEdgeHeader) ==
              "nodes.tsv:5: unknown category: 'Dragon' is not a category of the model");
    }
    SECTION("unknown predicate") {
        CHECK(read_error(kNodes, kEdgeHeader + "DRUGBANK:DB09330\tCURES\tNCIT:C27383\t" +
                                     kProvenance + "\n") ==
              "edges.tsv:2: unknown predicate: 'CURES' is not a predicate of the model");
    }
    SECTION("wrong endpoints") {
        auto message = read_error(
            kNodes, kEdgeHeader + "HGNC:3236\tTREATS\tNCIT:C27383\t" + kProvenance + "\n");
        CHECK(message.rfind("edges.tsv:2: endpoint rule: TREATS cannot link (:Gene) to "
                            "(:Disease); allowed:",
                            0) == 0);
    }
    SECTION("wrong property type") {
        CHECK(read_error(kNodes, kEdgeHeader + "DRUGBANK:DB09330\tTREATS\tNCIT:C27383\t" +
                                     kProvenance + "orr_pct=high\n") ==
              "edges.tsv:2: property type: 'high' is not a FLOAT for property 'orr_pct'");
    }
    SECTION("value outside the allowed set") {
        auto message = read_error(
            kNodes, kEdgeHeader +
                        "DRUGBANK:DB09330\tTREATS\tNCIT:C27383\tF29\tText.\thunch\tmanual_agent\t"
                        "PMID:40948849\t\n");
        CHECK(message.rfind("edges.tsv:2: property type: property 'knowledge_level' must be one of",
                            0) == 0);
    }
    SECTION("missing provenance") {
        CHECK(read_error(kNodes, kEdgeHeader +
                                     "DRUGBANK:DB09330\tTREATS\tNCIT:C27383\t\tText.\t"
                                     "knowledge_assertion\tmanual_agent\tPMID:40948849\t\n") ==
              "edges.tsv:2: missing provenance: the relationship has no 'fact_id'");
    }
    SECTION("unknown node") {
        CHECK(read_error(kNodes, kEdgeHeader + "DRUGBANK:DB00000\tTREATS\tNCIT:C27383\t" +
                                     kProvenance + "\n") ==
              "edges.tsv:2: unknown node: 'DRUGBANK:DB00000' is not a node of nodes.tsv");
    }
    SECTION("undeclared property") {
        CHECK(read_error(kNodes, kEdgeHeader + "DRUGBANK:DB09330\tTREATS\tNCIT:C27383\t" +
                                     kProvenance + "colour=red\n") ==
              "edges.tsv:2: unknown property: 'colour' is not declared in the model");
    }
    SECTION("node property on a relationship") {
        CHECK(read_error(kNodes, kEdgeHeader + "DRUGBANK:DB09330\tTREATS\tNCIT:C27383\t" +
                                     kProvenance + "year=2025\n") ==
              "edges.tsv:2: property type: property 'year' applies only to a node");
    }
    SECTION("duplicate node id") {
        CHECK(read_error(kNodes + "HGNC:3236\tGene\tEGFR\t\t\t\t\n", kEdgeHeader) ==
              "nodes.tsv:5: duplicate id: 'HGNC:3236' is already a node");
    }
    SECTION("missing column") {
        CHECK(read_error("# a comment\nname\tcategory\nx\tGene\n", kEdgeHeader) ==
              "nodes.tsv:2: row shape: the header has no column 'id'");
    }
    SECTION("ragged row") {
        CHECK(read_error(kNodes + "HGNC:1\tGene\n", kEdgeHeader) ==
              "nodes.tsv:5: row shape: has 2 columns, the header has 7");
    }
}

TEST_CASE("Every fact of an edge needs an evidence level", "[seed][reader]") {
    const std::string edges = kEdgeHeader + "DRUGBANK:DB09330\tTREATS\tNCIT:C27383\t" +
                              "F30\tOsimertinib treats LM.\tknowledge_assertion\tmanual_agent\t"
                              "PMID:40948849\t\n";
    CHECK(read_error(kNodes, edges) ==
          "edges.tsv:2: evidence level: the relationship's fact has no level in "
          "evidence_levels.tsv");
}
