// meninx-seed: builds the default database from the domain model and the seed files.
//
//   meninx-seed --schema schema/model.json --data seed-data --out data/lm.meninx
//   meninx-seed --schema schema/model.json --out empty.meninx    (the model, no graph: a strict
//                                                                 database to import into)
//
// Everything is checked before the database is touched; the database is built in OUT.tmp and
// renamed to OUT only when complete, so a failed build never leaves a half-written file.
#include <chrono>
#include <iostream>
#include <string>

#include "loader/seed_loader.h"
#include "meninx/error.h"

namespace {

int usage() {
    std::cerr << "usage: meninx-seed --schema MODEL.json [--data SEED_DIR] --out DATABASE\n";
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
    if (schema.empty() || out.empty()) return usage();

    const auto start = std::chrono::steady_clock::now();
    try {
        auto build = meninx::loader::build_seed_database(schema, data, out);
        const auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        std::cout << "meninx-seed: " << out << ": " << build.counts.nodes << " nodes, "
                  << build.counts.relationships << " relationships, " << build.counts.statements
                  << " statements, " << build.categories << " categories, " << build.predicates
                  << " predicates, " << build.properties << " properties in " << ms << " ms\n";
        return 0;
    } catch (const meninx::Exception& e) {
        std::cerr << "meninx-seed: " << e.error().to_string() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "meninx-seed: " << e.what() << "\n";
    }
    return 1;
}
