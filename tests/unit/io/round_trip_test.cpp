// Round trips of the seeded review database: exported as KGX TSV, JSON Lines and a Cypher
// script, re-imported into an empty database, it is the same graph: the same nodes with the same
// labels and typed properties, the same relationships with their provenance.
#include "io_test_support.h"

using namespace io_test;
using meninx::ExportResult;
using meninx::GraphFormat;
using meninx::ImportResult;

namespace {

std::vector<std::string> seed_signature(const std::string& path, bool authorship = true) {
    auto db = open_db(path);
    auto signature = graph_signature(*db, authorship);
    REQUIRE(signature.size() == 92 + 113);
    return signature;
}

void require_exported(const ExportResult& result) {
    INFO((result.ok() ? std::string() : result.error->to_string()));
    REQUIRE(result.ok());
    CHECK(result.nodes == 92);
    CHECK(result.relationships == 113);
    CHECK(result.warnings.empty());
}

void require_imported(const ImportResult& result) {
    INFO((result.ok() ? std::string() : result.error->to_string()));
    for (const auto& p : result.problems) INFO(p);
    REQUIRE(result.ok());
    CHECK(result.nodes_created == 92);
    CHECK(result.relationships_created == 113);
    CHECK(result.evidence_records == 113);  // the seed's review record of each fact
}

// Runs an exported Cypher script statement by statement (one per line).
void run_script(meninx::Database& db, const std::string& path) {
    std::istringstream script(read_text(path));
    std::string line;
    int statements = 0;
    while (std::getline(script, line)) {
        if (line.empty() || line.rfind("//", 0) == 0) continue;
        must(db, line);
        ++statements;
    }
    CHECK(statements > 0);
}

}  // namespace

TEST_CASE("KGX TSV of the seed, imported into an empty database with the model, is the seed",
          "[io][round-trip]") {
    TempDir dir("kgx");
    build_seed(dir.file("seed.meninx"));
    auto expected = seed_signature(dir.file("seed.meninx"));
    {
        auto seed = open_db(dir.file("seed.meninx"));
        require_exported(meninx::export_graph(*seed, GraphFormat::Kgx, dir.file("kgx/")));
    }
    build_model_only(dir.file("target.meninx"));
    auto target = open_db(dir.file("target.meninx"));
    require_imported(meninx::import_files(
        *target, {{dir.file("kgx/nodes.tsv"), ""}, {dir.file("kgx/edges.tsv"), ""}}));
    CHECK(graph_signature(*target) == expected);
}

TEST_CASE(
    "KGX TSV of the seed, imported into a database without a model, is the seed when a "
    "mapping types its list columns",
    "[io][round-trip]") {
    TempDir dir("kgx-bare");
    build_seed(dir.file("seed.meninx"));
    auto expected = seed_signature(dir.file("seed.meninx"));
    {
        auto seed = open_db(dir.file("seed.meninx"));
        require_exported(meninx::export_graph(*seed, GraphFormat::Kgx, dir.file("lm")));
    }
    std::string types = dir.write(
        "lists.json",
        R"({"types": {"synonyms": "LIST<STRING>", "xrefs": "LIST<STRING>", "authors": "LIST<STRING>"}})");
    auto target = open_db(dir.file("bare.meninx"));
    require_imported(meninx::import_files(
        *target, {{dir.file("lm_nodes.tsv"), types}, {dir.file("lm_edges.tsv"), ""}}));
    CHECK(graph_signature(*target) == expected);
}

TEST_CASE("KGX TSV into a database without a model types cells by their shape",
          "[io][round-trip]") {
    TempDir dir("kgx-shape");
    build_seed(dir.file("seed.meninx"));
    auto expected = seed_signature(dir.file("seed.meninx"));
    {
        auto seed = open_db(dir.file("seed.meninx"));
        require_exported(meninx::export_graph(*seed, GraphFormat::Kgx, dir.file("lm")));
    }
    auto target = open_db(dir.file("bare.meninx"));
    require_imported(meninx::import_files(
        *target, {{dir.file("lm_nodes.tsv"), ""}, {dir.file("lm_edges.tsv"), ""}}));
    auto actual = graph_signature(*target);
    // Labels, relationships, numbers, publications (a KGX list column) and lists of several
    // items come back; a list of one synonym or xref comes back as a string.
    CHECK(actual.size() == expected.size());
    auto best = must(*target,
                     "MATCH (r:Regimen)-[t:TREATS]->() WHERE t.orr_pct IS NOT NULL "
                     "RETURN r.synonyms, t.publications, t.orr_pct ORDER BY t.orr_pct DESC LIMIT 1")
                    .rows;
    REQUIRE(best.size() == 1);
    CHECK(best[0][0].to_cypher() ==
          "['pemetrexed 50 mg via Ommaya', 'intraventricular pemetrexed 50 mg']");
    CHECK(best[0][1].to_cypher() == "['PMID:40948849']");
    CHECK(best[0][2].to_cypher() == "80.3");
    auto osimertinib = must(*target,
                            "MATCH (d:SmallMolecule:Drug {id: 'DRUGBANK:DB09330'}) "
                            "RETURN d.synonyms")
                           .rows;
    REQUIRE(osimertinib.size() == 1);
    CHECK(osimertinib[0][0].to_cypher() == "['Tagrisso', 'AZD9291']");
    auto rash = must(*target, "MATCH (n {id: 'MENINX:rash'}) RETURN n.synonyms").rows;
    CHECK(rash[0][0].to_cypher() == "'skin rash'");
}

TEST_CASE("JSON Lines of the seed, imported into an empty database, is the seed",
          "[io][round-trip]") {
    TempDir dir("jsonl");
    build_seed(dir.file("seed.meninx"));
    auto expected = seed_signature(dir.file("seed.meninx"));
    {
        auto seed = open_db(dir.file("seed.meninx"));
        require_exported(meninx::export_graph(*seed, GraphFormat::JsonLines, dir.file("out/")));
    }
    SECTION("without a model") {
        auto target = open_db(dir.file("bare.meninx"));
        require_imported(meninx::import_files(
            *target, {{dir.file("out/nodes.jsonl"), ""}, {dir.file("out/edges.jsonl"), ""}}));
        CHECK(graph_signature(*target) == expected);
    }
    SECTION("with the model (every row checked)") {
        build_model_only(dir.file("target.meninx"));
        auto target = open_db(dir.file("target.meninx"));
        require_imported(meninx::import_files(
            *target, {{dir.file("out/edges.jsonl"), ""}, {dir.file("out/nodes.jsonl"), ""}}));
        CHECK(graph_signature(*target) == expected);
    }
}

TEST_CASE("The Cypher script of the seed, run on an empty database, rebuilds the seed",
          "[io][round-trip]") {
    TempDir dir("cypher");
    build_seed(dir.file("seed.meninx"));
    // The script's evidence records are recorded anew, by whoever runs it.
    auto expected = seed_signature(dir.file("seed.meninx"), false);
    {
        auto seed = open_db(dir.file("seed.meninx"));
        require_exported(meninx::export_graph(*seed, GraphFormat::Cypher, dir.file("lm.cypher")));
    }
    SECTION("without a model") {
        auto target = open_db(dir.file("bare.meninx"));
        run_script(*target, dir.file("lm.cypher"));
        CHECK(graph_signature(*target, false) == expected);
    }
    SECTION("with the model (every statement checked)") {
        build_model_only(dir.file("target.meninx"));
        auto target = open_db(dir.file("target.meninx"));
        run_script(*target, dir.file("lm.cypher"));
        CHECK(graph_signature(*target, false) == expected);
    }
}

TEST_CASE("A graph without ids, with odd names and values, survives JSON Lines and Cypher",
          "[io][round-trip]") {
    TempDir dir("odd");
    auto source = open_db(dir.file("source.meninx"));
    must(*source,
         "CREATE (a:`Odd Label` {`key with space`: 'it\\'s \\\\ \"quoted\"\\n\\ttabbed', "
         "n: 1, f: 1.0, big: 1e300, neg: -0.5, yes: true, list: [1, 2], words: "
         "['x']})-[:`rel-type` {w: 2.5}]->(b:B), (b)-[:SELF]->(b), (:C {id: 7})");
    auto expected = graph_signature(*source);
    REQUIRE(expected.size() == 5);

    SECTION("JSON Lines") {
        REQUIRE(meninx::export_graph(*source, GraphFormat::JsonLines, dir.file("odd")).ok());
        auto target = open_db(dir.file("target.meninx"));
        auto result = meninx::import_files(
            *target, {{dir.file("odd_nodes.jsonl"), ""}, {dir.file("odd_edges.jsonl"), ""}});
        REQUIRE(result.ok());
        CHECK(graph_signature(*target) == expected);
    }
    SECTION("Cypher") {
        REQUIRE(meninx::export_graph(*source, GraphFormat::Cypher, dir.file("odd.cypher")).ok());
        CHECK(read_text(dir.file("odd.cypher")).find("_meninx_key") != std::string::npos);
        auto target = open_db(dir.file("target.meninx"));
        run_script(*target, dir.file("odd.cypher"));
        CHECK(graph_signature(*target) == expected);
    }
}
