// Seed loading: builds the review's graph in a store from the seed files, after checking every
// row against the catalog (see seed_reader.h).
#pragma once

#include <cstdint>
#include <string>

#include "catalog/catalog.h"
#include "loader/seed_reader.h"

namespace meninx::storage {
class SqliteStore;
}

namespace meninx::loader {

struct SeedCounts {
    int64_t nodes = 0;
    int64_t relationships = 0;
    int64_t statements = 0;  // every triple written: labels, properties, relationships
};

// Writes a checked graph in one bulk load: each node with its labels and properties, each edge as
// a relationship statement with its properties on the negated statement id. All or nothing.
SeedCounts write_seed(storage::SqliteStore& store, const SeedGraph& graph);

// Reads and checks `seed_dir`/nodes.tsv and edges.tsv against `catalog`, then writes them. Throws
// meninx::Exception (Schema with "<file>:<line>: <rule>: <detail>", or Io) and writes nothing
// when any row is refused.
SeedCounts load_seed(storage::SqliteStore& store, const catalog::Catalog& catalog,
                     const std::string& seed_dir);

// What build_seed_database did: the counts written, and the model's size.
struct SeedBuild {
    SeedCounts counts;
    size_t categories = 0;
    size_t predicates = 0;
    size_t properties = 0;
};

// Builds a fresh database file `out` from the model file `schema_file` and the seed directory
// `seed_dir` (empty: the model only, no graph), in strict schema mode. Everything is checked before
// a file is touched; the database is written to `out`.tmp and renamed to `out` only when complete,
// so on any failure (an exception, as load_seed) `out` is as it was and no temporary file is left.
SeedBuild build_seed_database(const std::string& schema_file, const std::string& seed_dir,
                              const std::string& out);

}  // namespace meninx::loader
