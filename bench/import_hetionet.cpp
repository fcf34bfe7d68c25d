// Import and export benchmark on the Hetionet sample (47,031 nodes, 99,676 edges): in the same
// run it measures
//   - the dedicated Hetionet bulk loader (the baseline: no parsing beyond tab splitting, no
//     checks, no merging);
//   - import_files() of the same files through mapping files, into a fresh file;
//   - the same import into a database that already holds the graph (every node merged, every
//     edge found already present);
//   - export of the graph as KGX TSV and JSON Lines, and the re-import of each into a fresh file.
// Prints the median of each over the runs, rows per second and the ratio to the baseline.
//
// Usage: import_hetionet [HETIONET_DIR] [RUNS]   (exits 0 with a message when the data is missing)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "loader/hetionet.h"
#include "meninx/database.h"
#include "meninx/import_export.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const std::string kMappings = std::string(MENINX_SOURCE_DIR) + "/tests/io/";

void remove_database(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

std::unique_ptr<meninx::Database> fresh(const std::string& path) {
    remove_database(path);
    meninx::Error error;
    auto db = meninx::Database::open(path, {}, &error);
    if (!db) {
        std::fprintf(stderr, "import_hetionet: cannot open %s: %s\n", path.c_str(),
                     error.message.c_str());
        std::exit(1);
    }
    return db;
}

void require(const meninx::ImportResult& r) {
    if (r.ok()) return;
    std::fprintf(stderr, "import_hetionet: import failed: %s\n", r.error->message.c_str());
    std::exit(1);
}

void require(const meninx::ExportResult& r) {
    if (r.ok()) return;
    std::fprintf(stderr, "import_hetionet: export failed: %s\n", r.error->message.c_str());
    std::exit(1);
}

double timed(const std::function<void()>& work) {
    auto start = Clock::now();
    work();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = argc > 1 ? argv[1] : MENINX_BENCH_DATA_DIR;
    int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const std::string nodes = dir + "/hetionet-v1.0-nodes.tsv";
    const std::string edges = dir + "/edges-5k.sif.gz";
    if (!fs::exists(nodes) || !fs::exists(edges)) {
        std::printf("import_hetionet: no Hetionet data in %s; skipped\n", dir.c_str());
        return 0;
    }
    fs::path work = fs::temp_directory_path() / ("meninx-import-bench-" + std::to_string(getpid()));
    fs::create_directories(work);
    auto file = [&](const std::string& name) { return (work / name).string(); };
    const std::vector<meninx::ImportFile> mapped = {
        {nodes, kMappings + "hetionet_nodes.mapping.json"},
        {edges, kMappings + "hetionet_edges.mapping.json"}};

    std::vector<double> baseline, import_fresh, import_again, export_kgx, export_jsonl, import_kgx,
        import_jsonl;
    int64_t rows = 0;
    for (int run = 0; run < runs; ++run) {
        baseline.push_back(timed([&] {
            auto db = fresh(file("baseline.meninx"));
            meninx::loader::load_hetionet(db->store(), dir);
        }));
        auto db = fresh(file("import.meninx"));
        import_fresh.push_back(timed([&] {
            auto r = meninx::import_files(*db, mapped);
            require(r);
            rows = r.rows;
        }));
        import_again.push_back(timed([&] { require(meninx::import_files(*db, mapped)); }));
        export_kgx.push_back(timed(
            [&] { require(meninx::export_graph(*db, meninx::GraphFormat::Kgx, file("kgx/"))); }));
        export_jsonl.push_back(timed([&] {
            require(meninx::export_graph(*db, meninx::GraphFormat::JsonLines, file("jsonl/")));
        }));
        import_kgx.push_back(timed([&] {
            auto target = fresh(file("kgx.meninx"));
            require(meninx::import_files(
                *target, {{file("kgx/nodes.tsv"), ""}, {file("kgx/edges.tsv"), ""}}));
        }));
        import_jsonl.push_back(timed([&] {
            auto target = fresh(file("jsonl.meninx"));
            require(meninx::import_files(
                *target, {{file("jsonl/nodes.jsonl"), ""}, {file("jsonl/edges.jsonl"), ""}}));
        }));
        std::printf("run %d: baseline %.2f s, import %.2f s, again %.2f s\n", run + 1,
                    baseline.back(), import_fresh.back(), import_again.back());
    }
    fs::remove_all(work);

    double base = median(baseline);
    auto line = [&](const char* what, const std::vector<double>& times) {
        double s = median(times);
        std::printf("  %-34s %7.2f s  %9.0f rows/s  %5.2f x baseline\n", what, s,
                    static_cast<double>(rows) / s, s / base);
    };
    std::printf("import_hetionet: %lld rows (nodes and edges), median of %d runs\n",
                static_cast<long long>(rows), runs);
    line("hetionet bulk loader (baseline)", baseline);
    line("import (mapped TSV + SIF.gz), fresh", import_fresh);
    line("import again (all merged/present)", import_again);
    line("export KGX TSV", export_kgx);
    line("export JSON Lines", export_jsonl);
    line("import KGX TSV export, fresh", import_kgx);
    line("import JSON Lines export, fresh", import_jsonl);
    return 0;
}
