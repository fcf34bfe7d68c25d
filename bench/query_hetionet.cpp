// Query benchmark on the Hetionet sample: each query runs through Meninx and as equivalent
// hand-written SQL on the same SQLite file, in one process and one run; prints both medians and
// their ratio (target: ratio <= 1.5), and the time to parse, bind and plan a typical query alone
// (target: < 100 us).
//
// Usage: query_hetionet [HETIONET_DIR] [REPETITIONS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "binder/binder.h"
#include "execution/exec_context.h"
#include "execution/graph_access.h"
#include "loader/hetionet.h"
#include "meninx/database.h"
#include "parser/parser.h"
#include "planner/planner.h"
#include "storage/sqlite_store.h"

namespace {

using Clock = std::chrono::steady_clock;

double median_us(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <typename F>
double time_median(int reps, F&& f) {
    std::vector<double> samples;
    f();  // warm-up: caches, prepared statements
    for (int i = 0; i < reps; ++i) {
        auto t0 = Clock::now();
        f();
        samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
    return median_us(samples);
}

struct Case {
    const char* name;
    std::string cypher;
    std::string sql;
};

}  // namespace

int main(int argc, char** argv) {
    std::string dir = argc > 1 ? argv[1] : MENINX_BENCH_DATA_DIR;
    int reps = argc > 2 ? std::atoi(argv[2]) : 15;
    if (!std::filesystem::exists(dir + "/hetionet-v1.0-nodes.tsv")) {
        std::printf("query_hetionet: no Hetionet data in %s; skipped\n", dir.c_str());
        return 0;
    }
    auto file = std::filesystem::temp_directory_path() / "meninx-query-bench.meninx";
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(file.string() + suffix);
    }
    meninx::Error error;
    auto db = meninx::Database::open(file.string(), {}, &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", error.to_string().c_str());
        return 1;
    }
    auto t0 = Clock::now();
    auto counts = meninx::loader::load_hetionet(db->store(), dir);
    double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("loaded %lld nodes, %lld edges in %.2f s\n", static_cast<long long>(counts.nodes),
                static_cast<long long>(counts.edges), load_s);

    auto& store = static_cast<meninx::storage::SqliteStore&>(db->store());
    // Hand-written SQL over the same tables. Term ids of names are looked up inside the SQL, as
    // a user writing SQL by hand would.
    const std::string node_by_name =
        "(SELECT s FROM stmt WHERE p = (SELECT id FROM term WHERE kind = 4 AND value = 'name') "
        "AND o = (SELECT id FROM term WHERE kind = 13 AND value = '%s'))";
    auto fmt = [](const std::string& pattern, const char* arg) {
        char buf[4096];
        std::snprintf(buf, sizeof buf, pattern.c_str(), arg);
        return std::string(buf);
    };
    const std::string key = "(SELECT id FROM term WHERE kind = 4 AND value = '%s')";
    const std::string type = "(SELECT id FROM term WHERE kind = 3 AND value = '%s')";
    const std::string label = "(SELECT id FROM term WHERE kind = 2 AND value = '%s')";
    auto prop = [&](const std::string& subject, const char* k) {
        return "(SELECT t.value FROM stmt x JOIN term t ON t.id = x.o WHERE x.s = " + subject +
               " AND x.p = " + fmt(key, k) + ")";
    };

    std::vector<Case> cases = {
        {"lookup by name", "MATCH (c:Compound {name: 'Gefitinib'}) RETURN c.id",
         "SELECT " + prop("n.s", "id") + " FROM stmt n WHERE n.p = 1 AND n.o = " +
             fmt(label, "Compound") + " AND n.s IN " + fmt(node_by_name, "Gefitinib")},
        {"one hop + filter",
         "MATCH (c:Compound)-[:CtD]->(d:Disease) WHERE c.name = 'Prednisone' RETURN d.name",
         "SELECT " + prop("r.o", "name") + " FROM stmt r WHERE r.p = " + fmt(type, "CtD") +
             " AND r.s IN " + fmt(node_by_name, "Prednisone")},
        {"two hops DISTINCT",
         "MATCH (c:Compound {name: 'Gefitinib'})-[:CbG]->(g:Gene)<-[:CbG]-(o:Compound) "
         "RETURN DISTINCT o.name",
         "SELECT DISTINCT " + prop("r2.s", "name") + " FROM stmt r1 JOIN stmt r2 ON r2.o = r1.o " +
             "AND r2.p = r1.p AND r2.id <> r1.id WHERE r1.p = " + fmt(type, "CbG") +
             " AND r1.s IN " + fmt(node_by_name, "Gefitinib")},
        {"group by count(*)", "MATCH (c:Compound)-[:CtD]->(d:Disease) RETURN d.name, count(*) AS n",
         "SELECT " + prop("r.o", "name") +
             ", count(*) FROM stmt r WHERE r.p = " + fmt(type, "CtD") + " GROUP BY r.o"},
        {"*1..3 reachability",
         "MATCH (c:Compound {name: 'Gefitinib'})-[:CrC*1..3]->(m) RETURN count(DISTINCT m)",
         "WITH RECURSIVE reach(n, d) AS (SELECT " + fmt(node_by_name, "Gefitinib") +
             ", 0 UNION ALL SELECT r.o, d + 1 FROM reach JOIN stmt r ON r.s = reach.n AND r.p = " +
             fmt(type, "CrC") + " WHERE d < 3) SELECT count(DISTINCT n) FROM reach WHERE d > 0"},
        {"shortest path",
         "MATCH (a:Compound {name: 'Gefitinib'}), (b:Compound {name: 'Erlotinib'}) "
         "MATCH p = shortestPath((a)-[*..4]-(b)) RETURN length(p)",
         "WITH RECURSIVE bfs(n, d) AS (SELECT " + fmt(node_by_name, "Gefitinib") +
             ", 0 UNION SELECT CASE WHEN r.s = bfs.n THEN r.o ELSE r.s END, d + 1 FROM bfs "
             "JOIN stmt r ON (r.s = bfs.n OR r.o = bfs.n) AND r.s > 0 AND r.p <> 1 AND "
             "r.o IN (SELECT id FROM term WHERE kind = 1) WHERE d < 4) "
             "SELECT min(d) FROM bfs WHERE n = " +
             fmt(node_by_name, "Erlotinib")},
    };

    std::printf("\n%-22s %12s %12s %8s %8s\n", "query", "meninx us", "sql us", "ratio", "rows");
    bool all_ok = true;
    for (const auto& c : cases) {
        size_t rows = 0;
        double ours = time_median(reps, [&] {
            auto r = db->query(c.cypher);
            if (!r.ok()) {
                std::fprintf(stderr, "%s: %s\n", c.name, r.error->to_string().c_str());
                std::exit(1);
            }
            rows = r.rows.size();
        });
        double sql = time_median(reps, [&] {
            auto q = store.prepare(c.sql);
            while (q->step()) {
                for (int i = 0; i < q->columns(); ++i) (void)q->get_value(i);
            }
        });
        double ratio = ours / sql;
        all_ok = all_ok && ratio <= 1.5;
        std::printf("%-22s %12.1f %12.1f %8.2f %8zu\n", c.name, ours, sql, ratio, rows);
    }

    // Front end alone: parse, bind and plan, without the statement cache.
    const std::string typical =
        "MATCH (c:Compound)-[t:CtD]->(d:Disease) WHERE c.name STARTS WITH 'G' "
        "RETURN c.name, d.name ORDER BY c.name LIMIT 10";
    std::atomic<bool> cancelled{false};
    meninx::Map params;
    meninx::QueryOptions options;
    double front = time_median(reps * 20, [&] {
        auto bound = meninx::binder::bind(meninx::parser::parse(typical));
        meninx::execution::GraphAccess graph(store);
        meninx::execution::ExecContext ctx(graph, params, options, cancelled);
        auto plan = meninx::planner::plan(*bound, ctx);
        (void)plan;
    });
    std::printf("\nparse + bind + plan of a typical query: %.1f us (target < 100 us)\n", front);
    std::printf("all ratios <= 1.5: %s\n", all_ok ? "yes" : "no");
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(file.string() + suffix);
    }
    return 0;
}
