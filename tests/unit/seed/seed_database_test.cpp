// The seeded database: built from the seed files into a temporary file, then checked with SQL over
// the triple store: every fact id, every number with its unit, the catalog and the schema mode.
// Refused seeds leave the database as it was.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "catalog/catalog.h"
#include "loader/seed_loader.h"
#include "meninx/error.h"
#include "seed_facts.h"
#include "storage/sqlite_store.h"

using meninx::Exception;
using meninx::catalog::Catalog;
using meninx::storage::SqliteStore;

namespace {

namespace fs = std::filesystem;

const std::string kSource = MENINX_SOURCE_DIR;

Catalog model() { return Catalog::from_json_file(kSource + "/schema/model.json"); }

// A database file in the temporary directory, removed with its WAL files at the end of the test.
class TempDatabase {
  public:
    explicit TempDatabase(const std::string& name)
        : path_((fs::temp_directory_path() /
                 ("meninx-" + name + "-" + std::to_string(::getpid()) + ".db"))
                    .string()) {
        remove();
    }
    ~TempDatabase() { remove(); }
    const std::string& path() const { return path_; }
    std::unique_ptr<SqliteStore> open() const { return SqliteStore::open(path_, {}); }

  private:
    void remove() {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::error_code ignored;
            fs::remove(path_ + suffix, ignored);
        }
    }
    std::string path_;
};

// Builds the seed into `db` as meninx-seed does: the catalog, then the graph.
meninx::loader::SeedCounts build_seed(SqliteStore& store) {
    auto catalog = model();
    catalog.save(store);
    return meninx::loader::load_seed(store, catalog, kSource + "/seed-data");
}

const char* kFactIdsSql =
    "SELECT DISTINCT v.value FROM stmt f "
    "JOIN term k ON k.id = f.p AND k.kind = 4 AND k.value = 'fact_id' "
    "JOIN term v ON v.id = f.o "
    "JOIN stmt rel ON rel.id = -f.s "
    "WHERE f.s < 0 ORDER BY 1";

const char* kNumberSql =
    "SELECT count(*) FROM stmt f "
    "JOIN term fk ON fk.id = f.p AND fk.kind = 4 AND fk.value = 'fact_id' "
    "JOIN term fv ON fv.id = f.o AND fv.value = ?1 "
    "JOIN stmt n ON n.s = f.s "
    "JOIN term nk ON nk.id = n.p AND nk.kind = 4 AND nk.value = ?2 "
    "JOIN term nv ON nv.id = n.o AND nv.kind IN (11, 12) "
    "WHERE f.s < 0 AND abs(nv.value - ?3) < 1e-9";

int64_t count(SqliteStore& store, const std::string& sql) {
    auto& q = store.cached(sql);
    REQUIRE(q.step());
    int64_t n = q.get_int(0);
    q.reset();
    return n;
}

}  // namespace

TEST_CASE("The seeded database states every fact F01-F47", "[seed][database]") {
    TempDatabase db("seed-facts");
    auto store = db.open();
    auto counts = build_seed(*store);
    CHECK(counts.nodes > 80);
    CHECK(counts.relationships > 100);
    CHECK(counts.statements == store->statement_count());

    std::vector<std::string> present;
    auto& q = store->cached(kFactIdsSql);
    while (q.step()) present.push_back(q.get_text(0));
    q.reset();
    CHECK(present == all_fact_ids());
}

TEST_CASE("The seeded database holds every number of the review with its unit",
          "[seed][database]") {
    TempDatabase db("seed-numbers");
    auto store = db.open();
    build_seed(*store);
    auto catalog = Catalog::load(*store);
    for (const auto& expected : expected_numbers()) {
        INFO(expected.fact_id << " " << expected.property << " = " << expected.value);
        auto& q = store->cached(kNumberSql);
        q.bind(1, expected.fact_id);
        q.bind(2, expected.property);
        q.bind(3, expected.value);
        REQUIRE(q.step());
        CHECK(q.get_int(0) >= 1);
        q.reset();
        const auto* def = catalog.property(expected.property);
        REQUIRE(def);
        CHECK(def->unit == expected.unit);
    }
}

TEST_CASE("Nodes carry their category's labels in the database", "[seed][database]") {
    TempDatabase db("seed-labels");
    auto store = db.open();
    build_seed(*store);
    // Every node with label SmallMolecule or Antibody also has the label Drug.
    CHECK(count(*store,
                "SELECT count(*) FROM stmt s JOIN term l ON l.id = s.o AND l.kind = 2 "
                "WHERE s.p = 1 AND l.value IN ('SmallMolecule', 'Antibody') AND NOT EXISTS "
                "(SELECT 1 FROM stmt d JOIN term dl ON dl.id = d.o "
                " WHERE d.s = s.s AND d.p = 1 AND dl.kind = 2 AND dl.value = 'Drug')") == 0);
    CHECK(count(*store,
                "SELECT count(*) FROM stmt s JOIN term l ON l.id = s.o AND l.kind = 2 "
                "WHERE s.p = 1 AND l.value = 'Drug'") == 12);
}

TEST_CASE("The catalog survives a round trip through the database", "[seed][database]") {
    TempDatabase db("seed-catalog");
    auto original = model();
    {
        auto store = db.open();
        original.save(*store);
    }
    auto store = db.open();
    auto loaded = Catalog::load(*store);
    CHECK(loaded.mode() == meninx::catalog::SchemaMode::Strict);
    CHECK(loaded.categories().size() == original.categories().size());
    CHECK(loaded.predicates().size() == original.predicates().size());
    CHECK(loaded.properties().size() == original.properties().size());
    CHECK(loaded.ancestors("Antibody") == std::vector<std::string>{"Antibody", "Drug"});
    CHECK_FALSE(loaded.allowed("MEMBER_OF", {"MicroRNA"}, {"Biomarker"}));
    CHECK(loaded.allowed("MEMBER_OF", {"MicroRNA"}, {"DrugClass"}));
    CHECK(loaded.property("knowledge_level")->allowed_values ==
          original.property("knowledge_level")->allowed_values);
    CHECK(loaded.required_relationship_fields() == original.required_relationship_fields());
    CHECK(loaded.prefixes() == original.prefixes());
    CHECK(count(*store,
                "SELECT count(*) FROM meta WHERE key = 'schema_mode' AND "
                "value = 'strict'") == 1);

    auto permissive = original;
    permissive.set_mode(meninx::catalog::SchemaMode::Permissive);
    permissive.save(*store);
    CHECK(Catalog::load(*store).mode() == meninx::catalog::SchemaMode::Permissive);
}

TEST_CASE("A database without a catalog is refused by Catalog::load", "[seed][database]") {
    TempDatabase db("seed-nocatalog");
    auto store = db.open();
    CHECK_THROWS_AS(Catalog::load(*store), Exception);
}

TEST_CASE("A refused seed leaves the database untouched", "[seed][database]") {
    TempDatabase db("seed-refused");
    auto store = db.open();
    build_seed(*store);
    const int64_t statements = store->statement_count();
    const int64_t terms = store->term_count();

    auto dir = fs::temp_directory_path() / ("meninx-bad-seed-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const char* file : {"nodes.tsv", "evidence_levels.tsv"}) {
        fs::copy_file(kSource + "/seed-data/" + file, dir / file,
                      fs::copy_options::overwrite_existing);
    }
    {
        std::ifstream in(kSource + "/seed-data/edges.tsv");
        std::ofstream out(dir / "edges.tsv");
        out << in.rdbuf();
        // A valid-looking last row whose endpoints break the TREATS rule.
        out << "HGNC:3236\tTREATS\tNCIT:C27383\tF27\tEGFR treats LM.\tknowledge_assertion\t"
               "manual_agent\tPMID:40948849\t\n";
    }
    try {
        meninx::loader::load_seed(*store, model(), dir.string());
        FAIL("the seed was accepted");
    } catch (const Exception& e) {
        CHECK(e.error().message.find(": endpoint rule: TREATS cannot link (:Gene)") !=
              std::string::npos);
    }
    fs::remove_all(dir);
    CHECK(store->statement_count() == statements);
    CHECK(store->term_count() == terms);
}

TEST_CASE("Building the seed database replaces the file only when the build succeeds",
          "[seed][database]") {
    TempDatabase db("seed-build");
    auto build = meninx::loader::build_seed_database(kSource + "/schema/model.json",
                                                     kSource + "/seed-data", db.path());
    CHECK(build.counts.nodes > 80);
    CHECK(build.categories == model().categories().size());
    CHECK_FALSE(fs::exists(db.path() + ".tmp"));
    int64_t statements = 0;
    {
        auto store = db.open();
        statements = store->statement_count();
        CHECK(statements == build.counts.statements);
        CHECK(Catalog::load(*store).mode() == meninx::catalog::SchemaMode::Strict);
    }

    auto dir = fs::temp_directory_path() / ("meninx-broken-seed-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const char* file : {"nodes.tsv", "evidence_levels.tsv"}) {
        fs::copy_file(kSource + "/seed-data/" + file, dir / file,
                      fs::copy_options::overwrite_existing);
    }
    std::ofstream(dir / "edges.tsv") << "subject\tpredicate\tobject\n"
                                        "HGNC:3236\tCURES\tNCIT:C27383\n";
    CHECK_THROWS_WITH(meninx::loader::build_seed_database(kSource + "/schema/model.json",
                                                          dir.string(), db.path()),
                      Catch::Contains("edges.tsv:2: unknown predicate"));
    fs::remove_all(dir);
    CHECK_FALSE(fs::exists(db.path() + ".tmp"));
    auto store = db.open();
    CHECK(store->statement_count() == statements);
}
