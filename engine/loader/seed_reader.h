// SeedReader: reads the seed graph's KGX-style TSV files (nodes.tsv, edges.tsv) and checks every
// row against the catalog before anything is written.
//
// Format (see schema/README.md): lines starting with '#' are comments; the first other line is
// the header. In nodes.tsv the columns `id` and `category` are required; in edges.tsv `subject`,
// `predicate` and `object`. Every other column is a property named by its header and typed by the
// catalog (list properties are |-separated); the optional `properties` column holds further
// name=value pairs separated by | (list items by ;). An empty cell means "no value".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "meninx/value.h"

namespace meninx::loader {

struct SeedNode {
    std::string id;                   // the primary CURIE, also stored as property `id`
    std::vector<std::string> labels;  // the category and its ancestors
    Map properties;
};

struct SeedEdge {
    size_t subject = 0;  // index into SeedGraph::nodes
    size_t object = 0;
    std::string predicate;
    Map properties;
    // The evidence level of the edge's fact (evidence_levels.tsv), for its evidence record.
    std::string evidence_level;
};

// A checked, in-memory copy of the seed files: every node's category exists, every edge's
// endpoints exist and fit its predicate's rules, every property is declared and well typed, and
// every edge carries the required provenance.
struct SeedGraph {
    std::vector<SeedNode> nodes;
    std::vector<SeedEdge> edges;
};

// Reads `dir`/nodes.tsv, `dir`/edges.tsv and `dir`/evidence_levels.tsv (every fact of an edge
// needs a level). Throws meninx::Exception: Io when a file cannot be
// read, Schema for a row that breaks a rule, with the message "<file>:<line>: <rule>: <detail>".
SeedGraph read_seed(const catalog::Catalog& catalog, const std::string& dir);

}  // namespace meninx::loader
