// Importing: problems reported with file and line and nothing written, the model's rules in a
// strict database, merging nodes by id, mapped CSV tables, JSON Lines, cancellation, progress.
#include <atomic>

#include "io_test_support.h"

using namespace io_test;
using meninx::ImportFile;
using meninx::ImportOptions;
using meninx::ImportResult;

namespace {

const char* kNodesHeader = "id\tcategory\tname\n";

ImportResult import_all(meninx::Database& db, const std::vector<std::string>& paths,
                        ImportOptions options = {}) {
    std::vector<ImportFile> files;
    for (const auto& p : paths) files.push_back(ImportFile{p, ""});
    return meninx::import_files(db, files, options);
}

std::string problems_text(const ImportResult& result) {
    std::string out;
    for (const auto& p : result.problems) out += p + "\n";
    return out;
}

// Checks that an import into the database file `path` fails with a problem containing each of
// `fragments`, and leaves every table of the file as it was.
void require_refused(const std::string& path, const std::vector<std::string>& files,
                     const std::vector<std::string>& fragments) {
    std::string before = dump_tables(path);
    ImportResult result;
    {
        auto db = open_db(path);
        result = import_all(*db, files);
    }
    REQUIRE_FALSE(result.ok());
    std::string text = problems_text(result) + result.error->message;
    for (const auto& f : fragments) {
        INFO(text);
        CHECK(text.find(f) != std::string::npos);
    }
    CHECK(dump_tables(path) == before);
}

}  // namespace

TEST_CASE("A strict database refuses rows that break the model, naming file, line and rule",
          "[io][import]") {
    TempDir dir("strict");
    std::string db = dir.file("seed.meninx");
    build_seed(db);
    std::string edges_header =
        "subject\tpredicate\tobject\tfact_id\tsupporting_text\t"
        "knowledge_level\tagent_type\tpublications\n";
    std::string provenance = "\tF99\tA new statement.\tknowledge_assertion\tmanual_agent\tPMID:1\n";

    SECTION("an unknown category") {
        std::string nodes = dir.write("n_nodes.tsv", std::string(kNodesHeader) +
                                                         "X:1\tbiolink:Drug\tdrug one\n"
                                                         "X:2\tbiolink:Spaceship\tship\n");
        require_refused(db, {nodes}, {"n_nodes.tsv:3: ", "unknown category", "biolink:Spaceship"});
    }
    SECTION("an ambiguous Biolink class") {
        std::string nodes = dir.write(
            "n_nodes.tsv", std::string(kNodesHeader) + "X:1\tbiolink:ClinicalAttribute\tmarker\n");
        require_refused(db, {nodes}, {"n_nodes.tsv:2: ", "ambiguous category", "Biomarker"});
    }
    SECTION("a node without the required name") {
        std::string nodes = dir.write("n_nodes.tsv", "id\tcategory\nX:1\tbiolink:Drug\n");
        require_refused(db, {nodes}, {"n_nodes.tsv:2: ", "needs the property 'name'"});
    }
    SECTION("a property the model does not declare") {
        std::string nodes = dir.write("n_nodes.tsv",
                                      "id\tcategory\tname\tcolour\n"
                                      "X:1\tbiolink:Drug\td\tblue\n");
        require_refused(db, {nodes}, {"n_nodes.tsv:2: ", "unknown property 'colour'"});
    }
    SECTION("a value of the wrong type") {
        std::string nodes = dir.write("n_nodes.tsv",
                                      "id\tcategory\tname\tyear\n"
                                      "X:1\tbiolink:Publication\tp\tlast year\n");
        require_refused(db, {nodes}, {"n_nodes.tsv:2: ", "not a INTEGER", "year"});
    }
    SECTION("a relationship between categories its predicate does not link") {
        std::string edges = dir.write("e_edges.tsv", edges_header +
                                                         "DRUGBANK:DB09330\tbiolink:treats\t"
                                                         "HGNC:3236" +
                                                         provenance);
        require_refused(db, {edges}, {"e_edges.tsv:2: ", "TREATS cannot link"});
    }
    SECTION("a relationship without provenance") {
        std::string edges =
            dir.write("e_edges.tsv",
                      "subject\tpredicate\tobject\nDRUGBANK:DB09330\tbiolink:treats\t"
                      "DOID:3908\n");
        require_refused(db, {edges}, {"e_edges.tsv:2: ", "provenance property"});
    }
    SECTION("an edge to a node that does not exist") {
        std::string edges = dir.write("e_edges.tsv", edges_header +
                                                         "DRUGBANK:DB09330\tbiolink:treats\t"
                                                         "DOID:0000000" +
                                                         provenance);
        require_refused(db, {edges}, {"e_edges.tsv:2: ", "unknown node", "DOID:0000000"});
    }
    SECTION("a predicate Biolink maps to several types") {
        std::string edges = dir.write(
            "e_edges.tsv",
            edges_header + "DRUGBANK:DB09330\tbiolink:related_to\tUBERON:0001359" + provenance);
        require_refused(db, {edges}, {"e_edges.tsv:2: ", "ambiguous predicate", "PENETRATES"});
    }
    SECTION("a good row is not written when a later one is refused") {
        std::string nodes =
            dir.write("n_nodes.tsv", std::string(kNodesHeader) + "X:1\tbiolink:Drug\tdrug one\n");
        std::string edges =
            dir.write("e_edges.tsv", edges_header + "X:1\tbiolink:treats\tDOID:3908" + provenance +
                                         "X:1\tbiolink:treats\tDOID:3908\tF99\t\t\t\t\n");
        require_refused(db, {nodes, edges}, {"e_edges.tsv:3: ", "provenance"});
    }
}

TEST_CASE("A strict database accepts rows that fit the model, with Biolink names mapped",
          "[io][import]") {
    TempDir dir("strict-ok");
    build_seed(dir.file("seed.meninx"));
    std::string nodes =
        dir.write("new_nodes.tsv",
                  "id\tcategory\tname\tsynonyms\n"
                  "DRUGBANK:DB00000\tbiolink:SmallMolecule\tnewinib\tNW-1\n"
                  "MENINX:new_regimen\tMENINX:Regimen\tnewinib 40 mg\t\n"
                  "MENINX:thing\tbiolink:NamedThing|biolink:ChemicalMixture\tcombo\t\n");
    std::string edges = dir.write(
        "new_edges.jsonl",
        R"({"subject": "DRUGBANK:DB00000", "predicate": "biolink:treats", "object": "DOID:3908", "fact_id": "F90", "supporting_text": "t", "knowledge_level": "knowledge_assertion", "agent_type": "manual_agent", "publications": ["PMID:1"], "orr_pct": 50})"
        "\n"
        R"({"subject": "MENINX:new_regimen", "predicate": "biolink:has_part", "object": "DRUGBANK:DB00000", "fact_id": "F90", "supporting_text": "t", "knowledge_level": "knowledge_assertion", "agent_type": "manual_agent", "publications": ["PMID:1"]})"
        "\n"
        R"({"subject": "DRUGBANK:DB00000", "predicate": "biolink:related_to", "original_predicate": "MENINX:PENETRATES", "object": "UBERON:0001359", "fact_id": "F90", "supporting_text": "t", "knowledge_level": "knowledge_assertion", "agent_type": "manual_agent", "publications": ["PMID:1"]})"
        "\n");
    auto db = open_db(dir.file("seed.meninx"));
    ImportResult result = import_all(*db, {edges, nodes});
    INFO(problems_text(result) + (result.ok() ? "" : result.error->message));
    REQUIRE(result.ok());
    CHECK(result.nodes_created == 3);
    CHECK(result.relationships_created == 3);
    auto rows = must(*db,
                     "MATCH (d {id: 'DRUGBANK:DB00000'}) OPTIONAL MATCH (d)-[r]->(x) "
                     "RETURN labels(d), d.synonyms, type(r), r.orr_pct, x.id ORDER BY type(r)")
                    .rows;
    REQUIRE(rows.size() == 2);
    CHECK(rows[0][0].to_cypher() == "['SmallMolecule', 'Drug']");
    CHECK(rows[0][1].to_cypher() == "['NW-1']");  // LIST<STRING> in the model
    CHECK(rows[0][2].to_cypher() == "'PENETRATES'");
    CHECK(rows[1][2].to_cypher() == "'TREATS'");
    CHECK(rows[1][3].to_cypher() == "50.0");  // FLOAT in the model
    CHECK(must(*db, "MATCH (n {id: 'MENINX:thing'}) RETURN labels(n)").rows[0][0].to_cypher() ==
          "['DrugCombination', 'Drug']");
    CHECK(must(*db,
               "MATCH (:Regimen {id: 'MENINX:new_regimen'})-[:HAS_COMPONENT]->(d) "
               "RETURN d.name")
              .rows[0][0]
              .to_cypher() == "'newinib'");
}

TEST_CASE("Nodes with an id already in the database are merged, identical edges not repeated",
          "[io][import]") {
    TempDir dir("merge");
    auto db = open_db(dir.file("merge.meninx"));
    must(*db,
         "CREATE (:Drug {id: 'D:1', name: 'old name', keep: 'kept'})-[:TREATS {w: 1}]->"
         "(:Disease {id: 'X:1', name: 'x'})");
    std::string nodes = dir.write("m_nodes.tsv",
                                  "id\tcategory\tname\textra\n"
                                  "D:1\tbiolink:SmallMolecule\tnew name\t5\n"
                                  "X:1\tbiolink:Disease\tx\t\n"
                                  "D:2\tbiolink:Drug\tother\t\n"
                                  "D:2\tbiolink:Drug|Chemical\tother\t7\n");  // merged in the file
    std::string edges = dir.write("m_edges.tsv",
                                  "subject\tpredicate\tobject\tw\n"
                                  "D:1\tbiolink:treats\tX:1\t1\n"    // present
                                  "D:1\tbiolink:treats\tX:1\t2\n"    // new
                                  "D:2\tbiolink:treats\tX:1\t1\n");  // new
    ImportResult result = import_all(*db, {nodes, edges});
    INFO(problems_text(result));
    REQUIRE(result.ok());
    CHECK(result.nodes_created == 1);
    CHECK(result.nodes_updated == 1);
    CHECK(result.nodes_unchanged == 1);
    CHECK(result.relationships_created == 2);
    CHECK(result.relationships_unchanged == 1);
    CHECK(result.statements_removed == 1);  // the old name
    auto d1 = must(*db, "MATCH (d {id: 'D:1'}) RETURN labels(d), d.name, d.keep, d.extra").rows;
    REQUIRE(d1.size() == 1);
    CHECK(d1[0][0].to_cypher() == "['Drug', 'SmallMolecule']");
    CHECK(d1[0][1].to_cypher() == "'new name'");
    CHECK(d1[0][2].to_cypher() == "'kept'");
    CHECK(d1[0][3].to_cypher() == "5");
    auto d2 = must(*db, "MATCH (d {id: 'D:2'}) RETURN labels(d), d.extra").rows;
    REQUIRE(d2.size() == 1);
    CHECK(d2[0][0].to_cypher() == "['Drug', 'Chemical']");
    CHECK(d2[0][1].to_cypher() == "7");
    CHECK(must(*db, "MATCH ()-[r:TREATS]->() RETURN count(r)").rows[0][0].to_cypher() == "3");

    // A second import of the same files changes nothing.
    ImportResult again = import_all(*db, {nodes, edges});
    REQUIRE(again.ok());
    CHECK(again.nodes_created == 0);
    CHECK(again.nodes_updated == 0);
    CHECK(again.relationships_created == 0);
    CHECK(again.relationships_unchanged == 3);
}

TEST_CASE("Malformed files: the first problems are reported, up to the limit", "[io][import]") {
    TempDir dir("malformed");
    std::string db = dir.file("bare.meninx");
    open_db(db);

    SECTION("rows wider than the header, missing ids, unknown nodes") {
        std::string nodes = dir.write("a_nodes.tsv",
                                      "id\tname\n"
                                      "A\ta\n"
                                      "B\tb\textra\n"
                                      "\tnameless\n");
        std::string edges = dir.write("a_edges.tsv", "subject\tpredicate\tobject\nA\tT\tZ\n");
        require_refused(db, {nodes, edges},
                        {"a_nodes.tsv:3: row shape: the row has 3 columns, the header has 2",
                         "a_nodes.tsv:4: row shape: the row has no id"});
    }
    SECTION("edges to unknown nodes") {
        std::string nodes = dir.write("a_nodes.tsv", "id\tname\nA\ta\n");
        std::string edges = dir.write("a_edges.tsv", "subject\tpredicate\tobject\nA\tT\tZ\n");
        require_refused(db, {nodes, edges}, {"a_edges.tsv:2: unknown node: 'Z'"});
    }
    SECTION("bad JSON lines") {
        std::string mixed = dir.write("mixed.jsonl",
                                      "{\"id\": \"A\"}\n"
                                      "not json\n"
                                      "[1, 2]\n"
                                      "{\"id\": [1]}\n"
                                      "{\"subject\": \"A\", \"predicate\": \"T\"}\n");
        require_refused(db, {mixed},
                        {"mixed.jsonl:2: row shape: not JSON", "mixed.jsonl:3: row shape",
                         "mixed.jsonl:4: row shape: the id must be a string or an integer",
                         "mixed.jsonl:5: row shape: the edge has no subject or object"});
    }
    SECTION("a header that fits neither nodes nor edges") {
        std::string table = dir.write("t.tsv", "a\tb\n1\t2\n");
        require_refused(db, {table}, {"t.tsv: the header has neither"});
    }
    SECTION("a file that does not exist, or of an unknown kind") {
        require_refused(db, {dir.file("missing_nodes.tsv")}, {"cannot read", "missing_nodes.tsv"});
        require_refused(db, {dir.write("x.xml", "<x/>")}, {"unknown kind of file"});
    }
    SECTION("at most max_problems problems") {
        std::string rows = "id\tname\n";
        for (int i = 0; i < 50; ++i) rows += "\tno id\n";
        std::string nodes = dir.write("many_nodes.tsv", rows);
        auto handle = open_db(db);
        ImportOptions options;
        options.max_problems = 3;
        ImportResult result = import_all(*handle, {nodes}, options);
        REQUIRE_FALSE(result.ok());
        CHECK(result.problems.size() == 3);
        CHECK(result.problems[2].find("many_nodes.tsv:4:") != std::string::npos);
        CHECK(result.error->message.find("and 2 more problems") != std::string::npos);
    }
}

TEST_CASE("CSV with a mapping file: quoting, fixed categories, declared types", "[io][import]") {
    TempDir dir("csv");
    auto db = open_db(dir.file("csv.meninx"));
    std::string drugs =
        dir.write("drugs.csv",
                  "DrugBank ID,Name,Approved,Year,Brands,Notes\r\n"
                  "DB09330,osimertinib,true,2015,Tagrisso;AZD9291,\"third-generation, EGFR\"\r\n"
                  "DB00530,erlotinib,true,2004,Tarceva,\"says \"\"hi\"\"\nover two lines\"\r\n"
                  "DB00317,gefitinib,,2003,,\r\n");
    std::string drug_map = dir.write("drugs.json", R"({
        "id_column": "DrugBank ID", "category": "Drug",
        "properties": {"Name": "name", "Approved": "approved", "Year": "year",
                       "Brands": "synonyms", "Notes": "notes"},
        "list_separator": ";", "types": {"synonyms": "LIST<STRING>", "year": "INTEGER"}})");
    std::string links = dir.write("links.csv", "from,to,how\nDB09330,DB00530,newer than\n");
    std::string link_map =
        dir.write("links.json",
                  R"({"subject_column": "from", "object_column": "to", "predicate": "COMPARED_WITH",
            "properties": {"how": "note"}})");
    ImportResult result = meninx::import_files(*db, {{drugs, drug_map}, {links, link_map}});
    INFO(problems_text(result) + (result.ok() ? "" : result.error->message));
    REQUIRE(result.ok());
    CHECK(result.rows == 4);
    auto rows = must(*db,
                     "MATCH (d:Drug) RETURN d.id, d.name, d.approved, d.year, d.synonyms, d.notes "
                     "ORDER BY d.year")
                    .rows;
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0].to_cypher() == "'DB00317'");
    CHECK(rows[0][2].is_null());
    CHECK(rows[1][5].to_cypher() == "'says \"hi\"\\nover two lines'");
    CHECK(rows[2][2].to_cypher() == "true");
    CHECK(rows[2][3].to_cypher() == "2015");
    CHECK(rows[2][4].to_cypher() == "['Tagrisso', 'AZD9291']");
    CHECK(rows[2][5].to_cypher() == "'third-generation, EGFR'");
    CHECK(must(*db, "MATCH (:Drug {id: 'DB09330'})-[r:COMPARED_WITH]->(d) RETURN r.note, d.name")
              .rows[0][1]
              .to_cypher() == "'erlotinib'");

    SECTION("a malformed mapping is a usage error naming the file") {
        std::string bad = dir.write("bad.json", R"({"id_column": "x", "colour": "red"})");
        auto r = meninx::import_files(*db, {{drugs, bad}});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error->kind == meninx::ErrorKind::Usage);
        CHECK(r.error->message.find("bad.json: unknown key \"colour\"") != std::string::npos);
    }
    SECTION("a mapping naming a column the table lacks") {
        std::string bad = dir.write("bad.json", R"({"id_column": "Drug ID"})");
        auto r = meninx::import_files(*db, {{drugs, bad}});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error->message.find("'Drug ID' is not a column") != std::string::npos);
    }
}

TEST_CASE("JSON Lines: one file may hold nodes and edges, in any order", "[io][import]") {
    TempDir dir("mixed");
    auto db = open_db(dir.file("mixed.meninx"));
    std::string file = dir.write(
        "graph.jsonl",
        "{\"subject\": \"a\", \"predicate\": \"biolink:interacts_with\", \"object\": 2, "
        "\"score\": 0.5}\n"
        "\n"
        "{\"id\": \"a\", \"category\": \"biolink:Gene\", \"name\": \"A\"}\n"
        "{\"id\": 2, \"category\": [\"biolink:Gene\", \"MENINX:Marker\"], \"tags\": [\"x\"]}\n");
    ImportResult result = meninx::import_files(*db, {{file, ""}});
    INFO(problems_text(result));
    REQUIRE(result.ok());
    CHECK(result.rows == 3);
    auto rows =
        must(*db,
             "MATCH (a:Gene)-[r:INTERACTS_WITH]->(b:Marker) RETURN a.name, r.score, b.id, b.tags")
            .rows;
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][1].to_cypher() == "0.5");
    CHECK(rows[0][2].to_cypher() == "2");
    CHECK(rows[0][3].to_cypher() == "['x']");
}

TEST_CASE("Blank ids link rows without being stored", "[io][import]") {
    TempDir dir("blank");
    auto db = open_db(dir.file("blank.meninx"));
    std::string nodes = dir.write("b_nodes.tsv", "id\tcategory\tname\n_:x\tThing\tx\n");
    std::string edges = dir.write("b_edges.tsv", "subject\tpredicate\tobject\n_:x\tSELF\t_:x\n");
    REQUIRE(import_all(*db, {nodes, edges}).ok());
    auto rows = must(*db, "MATCH (n:Thing)-[:SELF]->(n) RETURN n.id, n.name").rows;
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0].is_null());
}

TEST_CASE("A cancelled import writes nothing; progress is reported", "[io][import]") {
    TempDir dir("cancel");
    std::string rows = "id\tname\n";
    for (int i = 0; i < 5000; ++i) rows += "N:" + std::to_string(i) + "\tn\n";
    std::string nodes = dir.write("c_nodes.tsv", rows);
    std::string db_path = dir.file("cancel.meninx");
    open_db(db_path);
    std::string before = dump_tables(db_path);

    SECTION("cancelled") {
        std::atomic<bool> cancel{true};
        ImportOptions options;
        options.cancel = &cancel;
        ImportResult result;
        {
            auto db = open_db(db_path);
            result = import_all(*db, {nodes}, options);
        }
        REQUIRE_FALSE(result.ok());
        CHECK(result.error->kind == meninx::ErrorKind::Interrupted);
        CHECK(dump_tables(db_path) == before);
    }
    SECTION("progress") {
        std::vector<meninx::ImportProgress> seen;
        ImportOptions options;
        options.progress_interval = std::chrono::milliseconds(0);
        options.progress = [&](const meninx::ImportProgress& p) { seen.push_back(p); };
        auto db = open_db(db_path);
        REQUIRE(import_all(*db, {nodes}, options).ok());
        REQUIRE(seen.size() >= 2);
        CHECK_FALSE(seen.front().done);
        CHECK(seen.back().done);
        CHECK(seen.back().rows == 5000);
        CHECK(seen.back().bytes_total == fs::file_size(nodes));
        CHECK(seen.back().bytes_done == seen.back().bytes_total);
        for (size_t i = 1; i < seen.size(); ++i) CHECK(seen[i].rows >= seen[i - 1].rows);
    }
}

TEST_CASE("An import is recorded in history as one transaction naming its files", "[io][import]") {
    TempDir dir("history");
    auto db = open_db(dir.file("h.meninx"));
    std::string nodes = dir.write("h_nodes.tsv", "id\tname\nA\ta\nB\tb\n");
    REQUIRE(import_all(*db, {nodes}).ok());
    auto rows = must(*db, "CALL db.transactions() YIELD text RETURN text").rows;
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0].as_string() == "import " + nodes);
}

TEST_CASE("Import into a read-only database is refused", "[io][import]") {
    TempDir dir("ro");
    std::string path = dir.file("ro.meninx");
    open_db(path);
    meninx::OpenOptions options;
    options.read_only = true;
    auto db = meninx::Database::open(path, options);
    REQUIRE(db);
    auto result = import_all(*db, {dir.write("r_nodes.tsv", "id\nA\n")});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->kind == meninx::ErrorKind::Usage);
    CHECK(result.error->message.find("read-only") != std::string::npos);
}

TEST_CASE("Evidence records travel with their edges, checked and not repeated", "[io][import]") {
    TempDir dir("evidence");
    std::string db_path = dir.file("seed.meninx");
    build_seed(db_path);
    auto db = open_db(db_path);
    REQUIRE(meninx::export_graph(*db, meninx::GraphFormat::JsonLines, dir.file("lm")).ok());

    // The seed into itself: every node, edge and record is already there.
    ImportResult again = import_all(*db, {dir.file("lm_nodes.jsonl"), dir.file("lm_edges.jsonl")});
    INFO(problems_text(again));
    REQUIRE(again.ok());
    CHECK(again.nodes_unchanged == 92);
    CHECK(again.relationships_unchanged == 113);
    CHECK(again.evidence_records == 0);

    // A new record for an existing fact is linked to it; a malformed one is a problem.
    std::string edges = dir.write(
        "more_edges.jsonl",
        R"({"subject": "DRUGBANK:DB09330", "predicate": "biolink:related_to", "original_predicate": "MENINX:PENETRATES", "object": "UBERON:0001359", "fact_id": "F28", "supporting_text": "Osimertinib reaches a CSF/plasma free-drug ratio of 22%, clearly better than first- and second-generation TKIs.", "knowledge_level": "knowledge_assertion", "agent_type": "manual_agent", "publications": ["PMID:40948849"], "csf_plasma_ratio_pct": 22.0, "comparator": "first- and second-generation EGFR TKIs", "evidence": [{"source": "PMID:1", "supporting_text": "Another study.", "level": "C"}]})"
        "\n");
    ImportResult added = import_all(*db, {edges});
    INFO(problems_text(added));
    REQUIRE(added.ok());
    CHECK(added.relationships_unchanged == 1);
    CHECK(added.evidence_records == 1);
    auto records = must(*db,
                        "MATCH ({id: 'DRUGBANK:DB09330'})-[r:PENETRATES]->() "
                        "RETURN [e IN evidence(r) | e.source]")
                       .rows;
    REQUIRE(records.size() == 1);
    CHECK(records[0][0].to_cypher() == "['PMID:40948849', 'PMID:1']");

    std::string bad = dir.write(
        "bad_edges.tsv",
        "subject\tpredicate\tobject\tfact_id\tsupporting_text\tknowledge_level\tagent_type\t"
        "publications\tevidence\n"
        "DRUGBANK:DB09330\tbiolink:treats\tNCIT:C27383\tF90\tt\tknowledge_assertion\tmanual_agent\t"
        "PMID:1\t[{\"source\": \"a blog\", \"supporting_text\": \"t\"}]\n");
    db.reset();
    require_refused(db_path, {bad}, {"bad_edges.tsv:2: evidence: ", "source"});
}
