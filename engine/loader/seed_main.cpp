// meninx-seed: builds the default database from the domain model and the seed files.
//
//   meninx-seed --schema schema/model.json --data seed-data --out data/lm.meninx
//
// Everything is checked before the database is touched; the database is built in OUT.tmp and
// renamed to OUT only when complete, so a failed build never leaves a half-written file.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

#include "catalog/catalog.h"
#include "loader/seed_loader.h"
#include "loader/seed_reader.h"
#include "meninx/database.h"
#include "meninx/error.h"
#include "storage/sqlite_store.h"

namespace {

namespace fs = std::filesystem;

void remove_database_files(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ignored;
        fs::remove(path + suffix, ignored);
    }
}

int usage() {
    std::cerr << "usage: meninx-seed --schema MODEL.json --data SEED_DIR --out DATABASE\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string schema, data, out;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (i + 1 >= argc) return usage();
        if (arg == "--schema") {
            schema = argv[++i];
        } else if (arg == "--data") {
            data = argv[++i];
        } else if (arg == "--out") {
            out = argv[++i];
        } else {
            return usage();
        }
    }
    if (schema.empty() || data.empty() || out.empty()) return usage();

    const auto start = std::chrono::steady_clock::now();
    const std::string tmp = out + ".tmp";
    try {
        auto catalog = meninx::catalog::Catalog::from_json_file(schema);
        catalog.set_mode(meninx::catalog::SchemaMode::Strict);
        auto graph = meninx::loader::read_seed(catalog, data);

        if (fs::path(out).has_parent_path()) fs::create_directories(fs::path(out).parent_path());
        remove_database_files(tmp);
        meninx::loader::SeedCounts counts;
        {
            meninx::OpenOptions options;
            options.create = true;
            auto store = meninx::storage::SqliteStore::open(tmp, options);
            catalog.save(*store);
            counts = meninx::loader::write_seed(*store, graph);
        }
        remove_database_files(out);
        fs::rename(tmp, out);

        const auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        std::cout << "meninx-seed: " << out << ": " << counts.nodes << " nodes, "
                  << counts.relationships << " relationships, " << counts.statements
                  << " statements, " << catalog.categories().size() << " categories, "
                  << catalog.predicates().size() << " predicates, " << catalog.properties().size()
                  << " properties in " << ms << " ms\n";
        return 0;
    } catch (const meninx::Exception& e) {
        remove_database_files(tmp);
        std::cerr << "meninx-seed: " << e.error().to_string() << "\n";
    } catch (const std::exception& e) {
        remove_database_files(tmp);
        std::cerr << "meninx-seed: " << e.what() << "\n";
    }
    return 1;
}
