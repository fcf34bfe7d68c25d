// Import and export: graph files in and out of a Database (docs/import-export.md).
//
// Import reads KGX TSV (`*_nodes.tsv`, `*_edges.tsv`), KGX JSON Lines and CSV/TSV tables with a
// mapping file, all in one transaction: either every row is written or, at the first problems
// (up to ImportOptions::max_problems, each "FILE:LINE: rule: detail"), nothing is. Nodes are
// identified by their `id`; a node whose id is already in the database is merged into (its
// labels gain the new ones, the file's properties replace the stored ones of the same name, the
// others stay); an edge identical to a relationship already in the database is not added again.
// In a strict database every row is checked against the model.
//
// Export writes the whole graph, or the nodes, relationships and paths of a query's result, as
// KGX TSV, JSON Lines, N-Triples or a Cypher script.
//
// Both run on the caller's thread; like Database, they are not thread-safe, except that
// ImportOptions::cancel may be set from any thread or a signal handler.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "meninx/database.h"
#include "meninx/error.h"

namespace meninx {

enum class GraphFormat {
    Kgx,        // KGX TSV: a nodes file and an edges file
    JsonLines,  // KGX JSON Lines: a nodes file and an edges file
    Csv,        // a table read through a mapping file (import only)
    NTriples,   // RDF N-Triples (export only)
    Cypher,     // a script of CREATE statements (export only; run it to import)
};

// "kgx", "jsonl", "csv", "ntriples" (also "nt"), "cypher"; nothing for other names.
std::optional<GraphFormat> parse_graph_format(std::string_view name);
std::string_view graph_format_name(GraphFormat format);

// One file to import; `mapping` names a mapping file for a table that is not in KGX form.
struct ImportFile {
    std::string path;
    std::string mapping;
};

// Where an import is, for a progress display.
struct ImportProgress {
    std::string file;          // the file being read
    uint64_t bytes_done = 0;   // over all files and passes
    uint64_t bytes_total = 0;  // 0 when unknown (compressed files)
    int64_t rows = 0;          // rows read so far
    std::chrono::steady_clock::duration elapsed{};
    bool done = false;  // the last call, once everything is read and written
};

struct ImportOptions {
    // The import stops after this many problems (and reports them); at least 1.
    size_t max_problems = 10;
    // When set (from any thread or a signal handler), the import stops with an Interrupted error
    // and writes nothing.
    const std::atomic<bool>* cancel = nullptr;
    // Called about every `progress_interval` while the import runs, and once at the end.
    std::function<void(const ImportProgress&)> progress;
    std::chrono::milliseconds progress_interval{100};
};

struct ImportResult {
    int64_t rows = 0;
    int64_t nodes_created = 0;
    int64_t nodes_updated = 0;    // existing nodes that gained labels or properties
    int64_t nodes_unchanged = 0;  // existing nodes the files said nothing new about
    int64_t relationships_created = 0;
    int64_t relationships_unchanged = 0;  // edges already in the database
    int64_t evidence_records = 0;         // evidence records linked to relationships
    int64_t statements_added = 0;
    int64_t statements_removed = 0;  // property values replaced by a merge
    // The problems found, "FILE:LINE: rule: detail", at most ImportOptions::max_problems.
    std::vector<std::string> problems;
    // Set when nothing was imported: why (the problems above, a file that cannot be read, an
    // interruption).
    std::optional<Error> error;
    std::chrono::microseconds elapsed{0};

    bool ok() const { return !error.has_value(); }
};

// Imports `files` into `db` in one transaction (a savepoint inside an explicit transaction).
// Files are read nodes first, then edges, whatever their order. The format comes from the name:
// .jsonl/.ndjson JSON Lines, .tsv/.csv/.txt/.sif tables (KGX columns, or any columns with a
// mapping), each optionally .gz.
ImportResult import_files(Database& db, const std::vector<ImportFile>& files,
                          const ImportOptions& options = {});

struct ExportOptions {
    // Empty: the whole graph. Otherwise a query whose result's nodes, relationships and paths
    // (also inside lists and maps) are exported, with the end nodes of every relationship.
    std::string query;
    Map parameters;
};

struct ExportResult {
    int64_t nodes = 0;
    int64_t relationships = 0;
    std::vector<std::string> files;     // the files written
    std::vector<std::string> warnings;  // values changed to fit the format
    std::optional<Error> error;         // set when nothing was written
    std::chrono::microseconds elapsed{0};

    bool ok() const { return !error.has_value(); }
};

// Exports to files. For Kgx and JsonLines `target` is a directory (written as
// DIR/nodes.tsv and DIR/edges.tsv, or .jsonl) when it exists or ends in '/', otherwise a prefix
// (PREFIX_nodes.tsv, PREFIX_edges.tsv); for NTriples and Cypher it is the file. Files are
// written under temporary names and renamed when complete, so a failed export leaves no file.
ExportResult export_graph(Database& db, GraphFormat format, const std::string& target,
                          const ExportOptions& options = {});

// Exports a single-file format (NTriples or Cypher) to a stream.
ExportResult export_graph(Database& db, GraphFormat format, std::ostream& out,
                          const ExportOptions& options = {});

}  // namespace meninx
