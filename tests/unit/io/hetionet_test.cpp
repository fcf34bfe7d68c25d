// Real data: the Hetionet sample (../shared/data/hetionet, CRLF line ends, edges gzip-compressed)
// imported through mapping files, and through the Hetionet bulk loader. Skipped, with a warning,
// when the data is absent.
#include "loader/hetionet.h"

#include "io_test_support.h"

using namespace io_test;

namespace {

const std::string kHetionet = kShared + "/data/hetionet";

bool have_hetionet() {
    if (fs::exists(kHetionet + "/hetionet-v1.0-nodes.tsv") &&
        fs::exists(kHetionet + "/edges-5k.sif.gz")) {
        return true;
    }
    WARN("no Hetionet data in " << kHetionet << "; skipped");
    return false;
}

void check_hetionet_graph(meninx::Database& db) {
    CHECK(must(db, "MATCH (n) RETURN count(n)").rows[0][0].as_int() == 47031);
    CHECK(must(db, "MATCH ()-[r]->() RETURN count(r)").rows[0][0].as_int() == 99676);
    CHECK(must(db, "MATCH (g:Gene) RETURN count(g)").rows[0][0].as_int() == 20945);
    // No carriage return survives in ids, labels or types.
    CHECK(must(db,
               "MATCH (n) WHERE n.id ENDS WITH '\\r' OR n.name ENDS WITH '\\r' "
               "RETURN count(n)")
              .rows[0][0]
              .as_int() == 0);
    auto rows = must(db,
                     "MATCH (g {id: 'Gene::2625'})-[r:GpBP]->(p {id: 'Biological "
                     "Process::GO:2000696'}) RETURN labels(g), labels(p)")
                    .rows;
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0].to_cypher() == "['Gene']");
    CHECK(rows[0][1].to_cypher() == "['Biological Process']");
}

}  // namespace

TEST_CASE("The Hetionet sample imports through mapping files", "[io][hetionet]") {
    if (!have_hetionet()) return;
    TempDir dir("hetionet");
    auto db = open_db(dir.file("hetionet.meninx"));
    auto result = meninx::import_files(
        *db, {{kHetionet + "/hetionet-v1.0-nodes.tsv",
               kSource + "/tests/io/hetionet_nodes.mapping.json"},
              {kHetionet + "/edges-5k.sif.gz", kSource + "/tests/io/hetionet_edges.mapping.json"}});
    for (const auto& p : result.problems) INFO(p);
    INFO((result.ok() ? "" : result.error->to_string()));
    REQUIRE(result.ok());
    CHECK(result.rows == 47031 + 99676);
    CHECK(result.nodes_created == 47031);
    CHECK(result.relationships_created == 99676);
    check_hetionet_graph(*db);
}

TEST_CASE("The Hetionet bulk loader reads the CRLF files", "[io][hetionet]") {
    if (!have_hetionet()) return;
    TempDir dir("hetionet-bulk");
    auto db = open_db(dir.file("bulk.meninx"));
    auto counts = meninx::loader::load_hetionet(db->store(), kHetionet);
    CHECK(counts.nodes == 47031);
    CHECK(counts.edges == 99676);
    check_hetionet_graph(*db);
}
