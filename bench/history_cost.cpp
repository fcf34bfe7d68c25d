// History benchmark: what recording and reading history costs, on the seeded review database
// and on the Hetionet sample. Prints medians of:
//   - building the seed database (its history is one bulk transaction written at commit);
//   - single-statement writes (SET of one property: one transaction each, two history rows);
//   - reading history: db.transactions(), db.history(node), db.changes(tx);
//   - time travel: Database::as_of at the first transaction and before it (a copy of the whole
//     file in memory, then the later changes reversed);
//   - undoing a transaction;
//   - and, with the Hetionet sample, as_of on a 240,000-triple database.
// The cost of history on the bulk load itself is in load_hetionet's figures.
//
// Usage: history_cost [HETIONET_DIR] [RUNS]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "loader/hetionet.h"
#include "loader/seed_loader.h"
#include "meninx/database.h"
#include "storage/sqlite_store.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double time_ms(int runs, const std::function<void()>& f) {
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        f();
        samples.push_back(ms_since(start));
    }
    return median(samples);
}

void remove_database(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".tmp"}) fs::remove(path + suffix);
}

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "history_cost: %s\n", what.c_str());
    std::exit(1);
}

void must(const meninx::QueryResult& r, const std::string& text) {
    if (!r.ok()) fail(text + ": " + r.error->to_string());
}

std::unique_ptr<meninx::Database> open(const std::string& path) {
    meninx::Error error;
    auto db = meninx::Database::open(path, {}, &error);
    if (!db) fail("cannot open " + path + ": " + error.message);
    return db;
}

std::unique_ptr<meninx::Database> as_of(meninx::Database& db, const std::string& point) {
    meninx::Error error;
    auto past = db.as_of(point, &error);
    if (!past) fail("as_of " + point + ": " + error.message);
    return past;
}

void seed_figures(const fs::path& work, int runs) {
    const std::string source = MENINX_SOURCE_DIR;
    const std::string path = (work / "seed.meninx").string();
    const double build = time_ms(runs, [&] {
        remove_database(path);
        meninx::loader::build_seed_database(source + "/schema/model.json", source + "/seed-data",
                                            path);
    });
    auto db = open(path);
    const int writes = 200;
    const std::string set =
        "MATCH (d:Drug {name: 'osimertinib'}) SET d.description = 'revision ' + toString($i)";
    auto start = Clock::now();
    for (int i = 0; i < writes; ++i) must(db->query(set, {{"i", meninx::Value(i)}}), set);
    const double per_write = ms_since(start) / writes;

    auto query = [&](const std::string& text) {
        return time_ms(runs, [&] { must(db->query(text), text); });
    };
    const double transactions = query("CALL db.transactions() YIELD tx RETURN count(tx)");
    const double node =
        query("MATCH (d:Drug {name: 'osimertinib'}) CALL db.history(d) YIELD tx RETURN count(tx)");
    const double changes = query("CALL db.changes(1) YIELD tx RETURN count(tx)");
    const double at_first = time_ms(runs, [&] { as_of(*db, "1"); });
    const double before_all = time_ms(runs, [&] { as_of(*db, "0"); });
    auto past = as_of(*db, "1");
    const std::string read = "MATCH (d:Drug)-[t:TREATS]->(x) RETURN count(t)";
    const double past_read = time_ms(runs, [&] { must(past->query(read), read); });
    const double live_read = time_ms(runs, [&] { must(db->query(read), read); });
    const double undo = time_ms(runs, [&] {
        auto last = db->query("CALL db.transactions() YIELD tx RETURN max(tx)");
        must(last, "max(tx)");
        const std::string text = "CALL db.undo(" + std::to_string(last.rows[0][0].as_int()) + ")";
        must(db->query(text), text);
    });
    std::printf("seed database (%.0f KB with history of %d transactions):\n",
                static_cast<double>(fs::file_size(path)) / 1024, writes + runs + 1);
    std::printf("  build (meninx-seed's work)      %8.2f ms\n", build);
    std::printf("  one-property write statement    %8.3f ms  (%.0f per second)\n", per_write,
                1000 / per_write);
    std::printf("  db.transactions()               %8.3f ms\n", transactions);
    std::printf("  db.history(osimertinib)         %8.3f ms\n", node);
    std::printf("  db.changes(1) (the seed)        %8.3f ms\n", changes);
    std::printf("  as_of('1'): copy and rewind     %8.3f ms\n", at_first);
    std::printf("  as_of('0'): empty graph         %8.3f ms\n", before_all);
    std::printf("  a TREATS count, past / live     %8.3f / %.3f ms\n", past_read, live_read);
    std::printf("  db.undo(last)                   %8.3f ms\n", undo);
}

void hetionet_figures(const std::string& dir, const fs::path& work, int runs) {
    if (!fs::exists(dir + "/hetionet-v1.0-nodes.tsv")) {
        std::printf("hetionet: no data in %s; skipped\n", dir.c_str());
        return;
    }
    const std::string path = (work / "hetionet.meninx").string();
    remove_database(path);
    auto db = open(path);
    auto counts = meninx::loader::load_hetionet(db->store(), dir);
    must(db->query("MATCH (n:Gene) WITH n LIMIT 100 SET n.curated = true"), "curation");
    const double at_first = time_ms(runs, [&] { as_of(*db, "1"); });
    const double before_all = time_ms(runs, [&] { as_of(*db, "0"); });
    std::printf("hetionet sample (%lld statements, file %.1f MB):\n",
                static_cast<long long>(counts.statements),
                static_cast<double>(fs::file_size(path)) / 1e6);
    std::printf("  as_of('1') (100 changes later)  %8.1f ms\n", at_first);
    std::printf("  as_of('0') (everything undone)  %8.1f ms\n", before_all);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : MENINX_BENCH_DATA_DIR;
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    fs::path work =
        fs::temp_directory_path() / ("meninx-history-bench-" + std::to_string(getpid()));
    fs::create_directories(work);
    try {
        seed_figures(work, runs);
        hetionet_figures(dir, work, runs);
    } catch (const std::exception& e) {
        fs::remove_all(work);
        fail(e.what());
    }
    fs::remove_all(work);
    return 0;
}
