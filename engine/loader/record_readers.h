// Record readers: the import file formats, each turning the lines of one file into GraphRecords.
//
//   - Tables (KGX TSV, CSV): a header line names the columns. Without a mapping the KGX columns
//     apply: a file with `subject` and `object` columns holds edges (`predicate`,
//     `original_predicate`, `evidence`: a JSON list of evidence records), otherwise one with an
//     `id` column holds nodes (`category`, a |-separated list); every other column is a
//     property. TSV cells are taken as written (KGX
//     quotes nothing); CSV follows RFC 4180 (quoted fields may hold separators, quotes and line
//     breaks). With a mapping (TableMapping) any table can be read.
//   - JSON Lines: one JSON object per line, a node (`id`, `category`) or an edge (`subject`,
//     `predicate`, `object`, `evidence`), other members being properties with their JSON types.
//
// Every reader owns its file. Malformed rows come back as records with `problem` set, so that
// the importer can report several; files that cannot be read at all throw meninx::Exception (Io).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loader/graph_records.h"
#include "loader/line_reader.h"

namespace meninx::loader {

// How a table's columns map to nodes or edges, read from a small JSON file:
//   {"kind": "nodes", "delimiter": "\t", "id_column": "id", "category_column": "kind",
//    "properties": {"name": "name"}, "types": {"year": "INTEGER"}}
//   {"kind": "edges", "subject_column": "source", "predicate_column": "metaedge",
//    "object_column": "target"}
// `category` / `predicate` give one fixed value for every row instead of a column. Without
// `properties` every other column is a property under its own name; `ignore` lists columns to
// skip; `list_separator` (default "|") splits LIST<STRING> cells; `types` types properties the
// database's model does not declare (INTEGER, FLOAT, STRING, BOOLEAN, LIST<STRING>). A mapping
// that names no columns (only `types`, `ignore`, `properties`, ...) keeps the KGX columns:
//   {"types": {"synonyms": "LIST<STRING>", "xrefs": "LIST<STRING>"}}
struct TableMapping {
    // True for a mapping that only refines a KGX table.
    bool kgx_columns = false;
    GraphRecord::Kind kind = GraphRecord::Kind::Node;
    std::optional<char> delimiter;
    std::string id_column;
    std::string category_column;
    std::string category;
    std::string subject_column;
    std::string predicate_column;
    std::string predicate;
    std::string object_column;
    // Column -> property name; empty with `all_properties` meaning "every other column".
    std::map<std::string, std::string> properties;
    bool all_properties = true;
    std::vector<std::string> ignore;
    char list_separator = '|';
    std::map<std::string, catalog::PropertyType> types;
};

// Reads a mapping file. Throws meninx::Exception (Io when unreadable, Usage when malformed, with
// the file's name and what was expected).
TableMapping read_table_mapping(const std::string& path);

class RecordReader {
  public:
    virtual ~RecordReader() = default;
    // The next record, false at the end of the file.
    virtual bool next(GraphRecord& record) = 0;
    // Nodes or edges, when the file holds only one kind; nullopt for a mixed file.
    virtual std::optional<GraphRecord::Kind> kind() const = 0;
    const LineReader& lines() const { return lines_; }

  protected:
    explicit RecordReader(const std::string& path) : lines_(path) {}
    LineReader lines_;
};

// A table file (.tsv, .csv, .txt, .sif; optionally .gz). `mapping` may be null (KGX columns).
// Reads the header at once; throws meninx::Exception (Io) when it has none or when it fits
// neither nodes nor edges.
std::unique_ptr<RecordReader> open_table(const std::string& path, const TableMapping* mapping,
                                         const PropertyTyper& typer);

// A JSON Lines file (.jsonl, .ndjson; optionally .gz). A file whose name contains "nodes" or
// "edges" holds only that kind; otherwise it may mix both.
std::unique_ptr<RecordReader> open_json_lines(const std::string& path, const PropertyTyper& typer);

}  // namespace meninx::loader
