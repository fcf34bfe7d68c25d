// The importer: reads graph files (see record_readers.h) and writes them into a store in one
// bulk load, merging nodes by id, checking every row against the model in a strict database,
// and writing nothing when any row is refused. Node files are read first (their rows are merged
// in memory, then written), edge files after (streamed). docs/import-export.md has the rules.
#pragma once

#include <vector>

#include "catalog/catalog.h"
#include "meninx/import_export.h"

namespace meninx::storage {
class SqliteStore;
}

namespace meninx::loader {

// Imports `files` into `store`, whose model is `catalog` (null when it has none). Fills
// `result`'s counts and problems. Throws meninx::Exception when nothing was imported: Schema or
// Io for refused rows (the first ones are in result.problems), Io for unreadable files, Usage for
// unknown file types or malformed mapping files, Interrupted when options.cancel was set.
void import_graph(storage::SqliteStore& store, const catalog::Catalog* catalog,
                  const std::vector<ImportFile>& files, const ImportOptions& options,
                  ImportResult& result);

}  // namespace meninx::loader
