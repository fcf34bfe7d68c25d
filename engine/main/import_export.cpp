// Import and export through the public API: finds the database's model, runs the importer or
// reads the graph with a query and runs a writer, and turns exceptions into Error values.
#include "meninx/import_export.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "catalog/catalog.h"
#include "catalog/evidence.h"
#include "loader/graph_importer.h"
#include "loader/graph_writers.h"
#include "storage/sqlite_store.h"

namespace meninx {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

storage::SqliteStore& sqlite_store(Database& db) {
    return static_cast<storage::SqliteStore&>(db.store());
}

// The model saved in the database, when it has one.
std::optional<catalog::Catalog> load_catalog(storage::SqliteStore& store) {
    auto& q = store.cached("SELECT count(*) FROM catalog_category");
    const bool present = q.step() && q.get_int(0) > 0;
    q.reset();
    if (!present) return std::nullopt;
    return catalog::Catalog::load(store);
}

// Runs `work`, turning exceptions into `*error`.
template <typename F>
void guarded(std::optional<Error>* error, F&& work) {
    try {
        work();
    } catch (const Exception& e) {
        *error = e.error();
    } catch (const std::bad_alloc&) {
        *error = Error{ErrorKind::Limit, "out of memory", 0, 0, {}};
    } catch (const std::exception& e) {
        *error = Error{ErrorKind::Internal, e.what(), 0, 0, {}};
    }
}

std::chrono::microseconds since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
}

// --- reading the graph -------------------------------------------------------------------------

class Extractor {
  public:
    void value(const Value& v) {
        switch (v.type()) {
            case ValueType::Node:
                nodes_.emplace(v.as_node().id, v.as_node());
                break;
            case ValueType::Relationship:
                relationships_.emplace(v.as_relationship().id, v.as_relationship());
                break;
            case ValueType::Path:
                for (const auto& n : v.as_path().nodes) nodes_.emplace(n.id, n);
                for (const auto& r : v.as_path().relationships) relationships_.emplace(r.id, r);
                break;
            case ValueType::List:
                for (const auto& item : v.as_list()) value(item);
                break;
            case ValueType::Map:
                for (const auto& [k, item] : v.as_map()) value(item);
                break;
            default:
                break;
        }
    }

    // The end nodes of relationships that are not among the nodes yet.
    List missing_nodes() const {
        std::set<int64_t> ids;
        for (const auto& [id, r] : relationships_) {
            for (int64_t end : {r.start, r.end}) {
                if (!nodes_.count(end)) ids.insert(end);
            }
        }
        return List(ids.begin(), ids.end());
    }

    loader::GraphExtract take() {
        loader::GraphExtract graph;
        for (auto& [id, n] : nodes_) graph.nodes.push_back(std::move(n));
        for (auto& [id, r] : relationships_) graph.relationships.push_back(std::move(r));
        return graph;
    }

  private:
    std::map<int64_t, Node> nodes_;
    std::map<int64_t, Relationship> relationships_;
};

QueryResult checked_query(Database& db, const std::string& text, const Map& parameters) {
    QueryOptions options;
    options.timeout = std::chrono::milliseconds(0);
    options.max_rows = 0;
    QueryResult result = db.query(text, parameters, options);
    if (!result.ok()) throw Exception(*result.error);
    return result;
}

loader::GraphExtract read_graph(Database& db, const ExportOptions& options) {
    Extractor extractor;
    if (options.query.empty()) {
        // One statement, so that nodes and relationships come from the same snapshot.
        QueryResult all = checked_query(
            db, "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, collect(r) AS rels", {});
        for (const auto& row : all.rows) {
            for (const auto& v : row) extractor.value(v);
        }
    } else {
        QueryResult result = checked_query(db, options.query, options.parameters);
        for (const auto& row : result.rows) {
            for (const auto& v : row) extractor.value(v);
        }
        List missing = extractor.missing_nodes();
        if (!missing.empty()) {
            QueryResult ends = checked_query(db, "MATCH (n) WHERE id(n) IN $ids RETURN n",
                                             Map{{"ids", Value(std::move(missing))}});
            for (const auto& row : ends.rows) extractor.value(row[0]);
        }
    }
    loader::GraphExtract graph = extractor.take();
    std::set<int64_t> exported;
    for (const auto& r : graph.relationships) exported.insert(r.id);
    for (auto& record : catalog::all_evidence(sqlite_store(db))) {
        if (exported.count(record.relationship)) {
            graph.evidence[record.relationship].push_back(std::move(record.fields));
        }
    }
    return graph;
}

// --- writing files -----------------------------------------------------------------------------

// A file written under a temporary name and renamed into place by commit().
class PendingFile {
  public:
    explicit PendingFile(std::string path)
        : path_(std::move(path)), temp_(path_ + ".tmp-" + std::to_string(getpid())) {
        out_.open(temp_, std::ios::binary | std::ios::trunc);
        if (!out_) throw Exception(ErrorKind::Io, "cannot write " + path_);
    }
    ~PendingFile() {
        if (!committed_) {
            out_.close();
            std::error_code ignored;
            fs::remove(temp_, ignored);
        }
    }
    std::ostream& stream() { return out_; }
    void close() {
        out_.flush();
        out_.close();
        if (!out_) throw Exception(ErrorKind::Io, "cannot write " + path_);
    }
    void commit() {
        std::error_code ec;
        fs::rename(temp_, path_, ec);
        if (ec) throw Exception(ErrorKind::Io, "cannot write " + path_ + ": " + ec.message());
        committed_ = true;
    }
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    std::string temp_;
    std::ofstream out_;
    bool committed_ = false;
};

// The nodes and edges files of a two-file format for `target` (see export_graph).
std::pair<std::string, std::string> file_pair(const std::string& target, const std::string& ext) {
    std::error_code ec;
    bool directory = !target.empty() && (target.back() == '/' || fs::is_directory(target, ec));
    if (directory) {
        fs::create_directories(target, ec);
        if (ec) throw Exception(ErrorKind::Io, "cannot create the directory " + target);
        fs::path dir(target);
        return {(dir / ("nodes" + ext)).string(), (dir / ("edges" + ext)).string()};
    }
    return {target + "_nodes" + ext, target + "_edges" + ext};
}

ExportResult run_export(
    Database& db, GraphFormat format, const ExportOptions& options,
    const std::function<void(const loader::GraphExtract&, const loader::Vocabulary&,
                             loader::ExportWarnings&, ExportResult&)>& write) {
    auto start = Clock::now();
    ExportResult result;
    guarded(&result.error, [&] {
        if (format == GraphFormat::Csv) {
            throw Exception(
                ErrorKind::Usage,
                "csv is an import format; export writes kgx, jsonl, ntriples or cypher");
        }
        auto catalog = load_catalog(sqlite_store(db));
        loader::Vocabulary vocabulary(catalog ? &*catalog : nullptr, false);
        loader::GraphExtract graph = read_graph(db, options);
        loader::ExportWarnings warnings;
        write(graph, vocabulary, warnings, result);
        result.nodes = static_cast<int64_t>(graph.nodes.size());
        result.relationships = static_cast<int64_t>(graph.relationships.size());
        result.warnings = warnings.lines();
    });
    if (result.error) result.files.clear();
    result.elapsed = since(start);
    return result;
}

}  // namespace

std::optional<GraphFormat> parse_graph_format(std::string_view name) {
    if (name == "kgx") return GraphFormat::Kgx;
    if (name == "jsonl") return GraphFormat::JsonLines;
    if (name == "csv") return GraphFormat::Csv;
    if (name == "ntriples" || name == "nt") return GraphFormat::NTriples;
    if (name == "cypher") return GraphFormat::Cypher;
    return std::nullopt;
}

std::string_view graph_format_name(GraphFormat format) {
    switch (format) {
        case GraphFormat::Kgx:
            return "kgx";
        case GraphFormat::JsonLines:
            return "jsonl";
        case GraphFormat::Csv:
            return "csv";
        case GraphFormat::NTriples:
            return "ntriples";
        case GraphFormat::Cypher:
            return "cypher";
    }
    return "kgx";
}

ImportResult import_files(Database& db, const std::vector<ImportFile>& files,
                          const ImportOptions& options) {
    auto start = Clock::now();
    ImportResult result;
    guarded(&result.error, [&] {
        if (db.read_only()) {
            throw Exception(ErrorKind::Usage,
                            "The database " + db.path() + " is opened read-only; import writes");
        }
        auto& store = sqlite_store(db);
        auto catalog = load_catalog(store);
        loader::import_graph(store, catalog ? &*catalog : nullptr, files, options, result);
    });
    if (result.error) {
        ImportResult failed;
        failed.rows = result.rows;
        failed.problems = std::move(result.problems);
        failed.error = std::move(result.error);
        result = std::move(failed);
    }
    result.elapsed = since(start);
    return result;
}

ExportResult export_graph(Database& db, GraphFormat format, const std::string& target,
                          const ExportOptions& options) {
    return run_export(db, format, options,
                      [&](const loader::GraphExtract& graph, const loader::Vocabulary& vocabulary,
                          loader::ExportWarnings& warnings, ExportResult& result) {
                          if (format == GraphFormat::Kgx || format == GraphFormat::JsonLines) {
                              std::string ext = format == GraphFormat::Kgx ? ".tsv" : ".jsonl";
                              auto [nodes_path, edges_path] = file_pair(target, ext);
                              PendingFile nodes(nodes_path), edges(edges_path);
                              if (format == GraphFormat::Kgx) {
                                  loader::write_kgx_tsv(graph, vocabulary, nodes.stream(),
                                                        edges.stream(), warnings);
                              } else {
                                  loader::write_json_lines(graph, vocabulary, nodes.stream(),
                                                           edges.stream(), warnings);
                              }
                              nodes.close();
                              edges.close();
                              nodes.commit();
                              edges.commit();
                              result.files = {nodes_path, edges_path};
                              return;
                          }
                          PendingFile file(target);
                          if (format == GraphFormat::NTriples) {
                              loader::write_ntriples(graph, vocabulary, file.stream(), warnings);
                          } else {
                              loader::write_cypher(graph, file.stream(), warnings);
                          }
                          file.close();
                          file.commit();
                          result.files = {target};
                      });
}

ExportResult export_graph(Database& db, GraphFormat format, std::ostream& out,
                          const ExportOptions& options) {
    return run_export(db, format, options,
                      [&](const loader::GraphExtract& graph, const loader::Vocabulary& vocabulary,
                          loader::ExportWarnings& warnings, ExportResult&) {
                          if (format == GraphFormat::NTriples) {
                              loader::write_ntriples(graph, vocabulary, out, warnings);
                          } else if (format == GraphFormat::Cypher) {
                              loader::write_cypher(graph, out, warnings);
                          } else {
                              throw Exception(ErrorKind::Usage,
                                              std::string(graph_format_name(format)) +
                                                  " writes two files; give a directory or a "
                                                  "file prefix rather than standard output");
                          }
                          out.flush();
                      });
}

}  // namespace meninx
