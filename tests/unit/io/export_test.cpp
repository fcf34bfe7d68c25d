// Exporting: what each format writes, a query's result, N-Triples that an RDF parser reads, and
// graphs a format cannot hold.
#include <cstdlib>

#include "io_test_support.h"
#include "loader/graph_writers.h"

using namespace io_test;
using meninx::ExportOptions;
using meninx::GraphFormat;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("KGX TSV: Biolink categories and predicates, MENINX names where Biolink has none",
          "[io][export]") {
    TempDir dir("kgx-out");
    build_seed(dir.file("seed.meninx"));
    auto db = open_db(dir.file("seed.meninx"));
    REQUIRE(meninx::export_graph(*db, GraphFormat::Kgx, dir.file("lm")).ok());
    auto nodes = lines_of(read_text(dir.file("lm_nodes.tsv")));
    auto edges = lines_of(read_text(dir.file("lm_edges.tsv")));
    REQUIRE(nodes.size() == 93);
    REQUIRE(edges.size() == 114);
    CHECK(nodes[0].rfind("id\tcategory\tname\tdescription\t", 0) == 0);
    CHECK(edges[0].rfind("subject\tpredicate\tobject\toriginal_predicate\t", 0) == 0);
    std::string all_nodes = read_text(dir.file("lm_nodes.tsv"));
    CHECK(all_nodes.find("DRUGBANK:DB09330\tbiolink:SmallMolecule|biolink:Drug\tosimertinib\t") !=
          std::string::npos);
    CHECK(all_nodes.find("\tMENINX:Antibody|biolink:Drug\tpembrolizumab\t") != std::string::npos);
    std::string all_edges = read_text(dir.file("lm_edges.tsv"));
    CHECK(all_edges.find("\tbiolink:treats\tNCIT:C27383\t\t") != std::string::npos);
    CHECK(all_edges.find("\tbiolink:related_to\tUBERON:0001359\tMENINX:PENETRATES\t") !=
          std::string::npos);
    CHECK(all_edges.find("\tbiolink:has_part\t") != std::string::npos);
}

TEST_CASE("JSON Lines keeps types: floats with a point, lists as arrays", "[io][export]") {
    TempDir dir("jsonl-out");
    auto db = open_db(dir.file("j.meninx"));
    must(*db,
         "CREATE (:Drug {id: 'D:1', dose: 80.0, n: 3, tags: ['a']})-[:TREATS {w: 1}]->"
         "(:Disease {id: 'X:1'})");
    REQUIRE(meninx::export_graph(*db, GraphFormat::JsonLines, dir.file("j")).ok());
    CHECK(
        read_text(dir.file("j_nodes.jsonl")) ==
        "{\"id\":\"D:1\",\"category\":[\"biolink:Drug\"],\"dose\":80.0,\"n\":3,\"tags\":[\"a\"]}\n"
        "{\"id\":\"X:1\",\"category\":[\"biolink:Disease\"]}\n");
    CHECK(read_text(dir.file("j_edges.jsonl")) ==
          "{\"subject\":\"D:1\",\"predicate\":\"biolink:treats\",\"object\":\"X:1\",\"w\":1}\n");
}

TEST_CASE("A query's result: its nodes, relationships and paths with their end nodes",
          "[io][export]") {
    TempDir dir("query-out");
    build_seed(dir.file("seed.meninx"));
    auto db = open_db(dir.file("seed.meninx"));
    ExportOptions options;
    options.query =
        "MATCH (:SequenceVariant {name: $variant})<-[r:OVERCOMES_RESISTANCE]-(c) "
        "MATCH (c)-[h:HAS_COMPONENT]->(d) RETURN r, collect(h) AS parts";
    options.parameters = {{"variant", meninx::Value("MET amplification")}};
    auto result = meninx::export_graph(*db, GraphFormat::JsonLines, dir.file("q/"), options);
    INFO((result.ok() ? "" : result.error->to_string()));
    REQUIRE(result.ok());
    CHECK(result.relationships == 3);
    CHECK(result.nodes == 4);  // the variant, the combination and its two drugs
    std::string nodes = read_text(dir.file("q/nodes.jsonl"));
    CHECK(nodes.find("\"MET amplification\"") != std::string::npos);
    CHECK(nodes.find("\"crizotinib\"") != std::string::npos);
    CHECK(nodes.find("\"gefitinib\"") != std::string::npos);

    // Re-imported, the piece is a graph of its own.
    auto piece = open_db(dir.file("piece.meninx"));
    REQUIRE(meninx::import_files(*piece,
                                 {{dir.file("q/nodes.jsonl"), ""}, {dir.file("q/edges.jsonl"), ""}})
                .ok());
    CHECK(must(*piece,
               "MATCH (v:SequenceVariant)<-[:OVERCOMES_RESISTANCE]-(c)-[:HAS_COMPONENT]->"
               "(d:Drug) RETURN count(d)")
              .rows[0][0]
              .as_int() == 2);

    SECTION("a failing query writes nothing") {
        options.query = "MATCH (n) RETURN m";
        auto failed = meninx::export_graph(*db, GraphFormat::Kgx, dir.file("bad"), options);
        REQUIRE_FALSE(failed.ok());
        CHECK(failed.error->kind == meninx::ErrorKind::Semantic);
        CHECK_FALSE(fs::exists(dir.file("bad_nodes.tsv")));
    }
}

TEST_CASE(
    "N-Triples of the seed: IRIs from CURIEs, reified relationship properties, read by an "
    "RDF parser",
    "[io][export]") {
    TempDir dir("nt");
    build_seed(dir.file("seed.meninx"));
    auto db = open_db(dir.file("seed.meninx"));
    REQUIRE(meninx::export_graph(*db, GraphFormat::NTriples, dir.file("lm.nt")).ok());
    std::string nt = read_text(dir.file("lm.nt"));
    const std::string osimertinib = "<http://identifiers.org/drugbank/DB09330>";
    CHECK(nt.find(osimertinib + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                                "<urn:meninx:label:SmallMolecule> .\n") != std::string::npos);
    CHECK(
        nt.find(osimertinib + " <http://www.w3.org/2000/01/rdf-schema#label> \"osimertinib\" .") !=
        std::string::npos);
    CHECK(nt.find("<urn:meninx:label:Antibody> <http://www.w3.org/2000/01/rdf-schema#subClassOf> "
                  "<https://w3id.org/biolink/vocab/Drug> .") != std::string::npos);
    CHECK(nt.find("<urn:meninx:type:PENETRATES> "
                  "<http://www.w3.org/2000/01/rdf-schema#subPropertyOf> "
                  "<https://w3id.org/biolink/vocab/related_to> .") != std::string::npos);
    CHECK(nt.find("<urn:meninx:node:MENINX:csf_brain_barrier>") != std::string::npos);
    CHECK(nt.find("<urn:meninx:property:orr_pct> "
                  "\"80.3\"^^<http://www.w3.org/2001/XMLSchema#double> .") != std::string::npos);
    CHECK(nt.find("<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>") != std::string::npos);
    for (const auto& line : lines_of(nt)) {
        INFO(line);
        CHECK(line.size() > 2);
        CHECK(line.compare(line.size() - 2, 2, " .") == 0);
    }
    if (std::system("serdi -v >/dev/null 2>&1") != 0) {
        WARN("serdi is not installed (scripts/setup.sh installs it): N-Triples syntax unchecked");
        return;
    }
    std::string command = "serdi -q -i ntriples -o ntriples '" + dir.file("lm.nt") + "' > '" +
                          dir.file("check.nt") + "'";
    CHECK(std::system(command.c_str()) == 0);
    CHECK(lines_of(read_text(dir.file("check.nt"))).size() == lines_of(nt).size());
}

TEST_CASE("IRIs for CURIEs", "[io][export]") {
    using meninx::loader::curie_iri;
    CHECK(curie_iri("UBERON:0001359") == "http://purl.obolibrary.org/obo/UBERON_0001359");
    CHECK(curie_iri("biolink:Drug") == "https://w3id.org/biolink/vocab/Drug");
    CHECK(curie_iri("PMID:40948849") == "http://www.ncbi.nlm.nih.gov/pubmed/40948849");
    CHECK(curie_iri("MENINX:blood csf barrier") == "urn:meninx:node:MENINX:blood%20csf%20barrier");
    CHECK(curie_iri("no prefix <here>") == "urn:meninx:node:no%20prefix%20%3Chere%3E");
}

TEST_CASE("Graphs a format cannot hold are refused; values it must change are warned about",
          "[io][export]") {
    TempDir dir("refuse");
    auto db = open_db(dir.file("r.meninx"));
    SECTION("two nodes with one id") {
        must(*db, "CREATE (:A {id: 'same'}), (:B {id: 'same'})");
        auto result = meninx::export_graph(*db, GraphFormat::Kgx, dir.file("x"));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error->message.find("both have the id 'same'") != std::string::npos);
        CHECK_FALSE(fs::exists(dir.file("x_nodes.tsv")));
        // The Cypher script does not need ids.
        CHECK(meninx::export_graph(*db, GraphFormat::Cypher, dir.file("x.cypher")).ok());
    }
    SECTION("a node property named like a KGX column") {
        must(*db, "CREATE (:A {category: 'c'})");
        auto result = meninx::export_graph(*db, GraphFormat::JsonLines, dir.file("x"));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error->message.find("'category'") != std::string::npos);
    }
    SECTION("tabs, empty lists and NaN") {
        must(*db, "CREATE (:A {id: 'a', text: 'one\\ttwo', none: [], odd: 0.0 / 0.0})");
        auto kgx = meninx::export_graph(*db, GraphFormat::Kgx, dir.file("x"));
        REQUIRE(kgx.ok());
        REQUIRE(kgx.warnings.size() == 2);
        CHECK(kgx.warnings[0] == "empty lists written as empty cells (no value) (1)");
        CHECK(kgx.warnings[1] == "tabs or line breaks inside TSV cells replaced by spaces (1)");
        CHECK(read_text(dir.file("x_nodes.tsv")).find("\tNaN\tone two\n") != std::string::npos);
        auto jsonl = meninx::export_graph(*db, GraphFormat::JsonLines, dir.file("y"));
        REQUIRE(jsonl.ok());
        REQUIRE(jsonl.warnings.size() == 1);
        CHECK(jsonl.warnings[0].find("NaN") != std::string::npos);
    }
    SECTION("csv is not an export format; two-file formats need a path") {
        CHECK_FALSE(meninx::export_graph(*db, GraphFormat::Csv, dir.file("x")).ok());
        std::ostringstream out;
        CHECK_FALSE(meninx::export_graph(*db, GraphFormat::Kgx, out).ok());
    }
}
