// Loads the Hetionet files (nodes TSV: id, name, kind; edges SIF: source, metaedge, target,
// optionally gzip-compressed; LF or CRLF line ends) into a store, in one bulk load: each node
// gets its kind as label and properties `id` and `name`; each edge becomes a relationship typed
// by its metaedge abbreviation (CtD, CbG, ...).
#pragma once

#include <cstdint>
#include <string>

#include "meninx/store.h"

namespace meninx::loader {

struct LoadCounts {
    int64_t nodes = 0;
    int64_t edges = 0;
    int64_t statements = 0;
};

// Loads `dir`/hetionet-v1.0-nodes.tsv and `dir`/edges-5k.sif.gz (or the file named by
// `edges_file`, relative to `dir`). All or nothing: throws meninx::Exception (Io, with file and
// line) and leaves the store unchanged when a file is missing or malformed.
LoadCounts load_hetionet(Store& store, const std::string& dir,
                         const std::string& edges_file = "edges-5k.sif.gz");

}  // namespace meninx::loader
