// Importing graph files: reading, merging nodes by id, checking against the model, bulk writing.
#include "loader/graph_importer.h"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "catalog/evidence.h"
#include "loader/record_readers.h"
#include "loader/vocabulary.h"
#include "meninx/error.h"
#include "storage/graph_reads.h"
#include "storage/sqlite_store.h"

namespace meninx::loader {

namespace {

using Kind = GraphRecord::Kind;
using Clock = std::chrono::steady_clock;
using storage::SqliteStore;

// Thrown inside the importer when the problem limit is reached: reading stops.
struct StopReading {};

enum class FileType { Table, JsonLines };

std::optional<FileType> file_type(const std::string& path) {
    std::string plain = without_gzip_suffix(path);
    size_t dot = plain.find_last_of('.');
    size_t slash = plain.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
        return std::nullopt;
    }
    std::string ext = plain.substr(dot);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".jsonl" || ext == ".ndjson") return FileType::JsonLines;
    if (ext == ".tsv" || ext == ".csv" || ext == ".txt" || ext == ".sif") return FileType::Table;
    return std::nullopt;
}

// Nodes are identified by the kind and text of their id: "s<text>" or "i<digits>".
std::string key_text(const Value& id) {
    return id.is_string() ? "s" + id.as_string() : "i" + std::to_string(id.as_int());
}

std::string id_text(const Value& id) {
    return id.is_string() ? id.as_string() : std::to_string(id.as_int());
}

// Ids starting with "_:" only link the rows of the files; they are not stored.
bool blank_id(const Value& id) { return id.is_string() && id.as_string().rfind("_:", 0) == 0; }

struct Source {
    ImportFile file;
    FileType type = FileType::Table;
    std::optional<TableMapping> mapping;
    std::optional<Kind> kind;  // nullopt: a JSON Lines file that may mix nodes and edges
};

// A node of the files, its rows merged, before it is written.
struct PendingNode {
    Value id;
    std::vector<std::string> labels;
    Map properties;
    std::string file;
    int64_t line = 0;
};

// A node edges may refer to: written by this import or already in the database.
struct KnownNode {
    TermId term = 0;
    bool existed = false;
    std::vector<std::string> labels;  // kept in strict databases, for the endpoint rules
};

void add_unique(std::vector<std::string>& into, const std::string& item) {
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}

class Importer {
  public:
    Importer(SqliteStore& store, const catalog::Catalog* catalog, const ImportOptions& options,
             ImportResult& result)
        : store_(store),
          catalog_(catalog),
          strict_(catalog && catalog->mode() == catalog::SchemaMode::Strict),
          options_(options),
          result_(result),
          vocabulary_(catalog, strict_),
          typer_(catalog, strict_),
          start_(Clock::now()),
          last_progress_(start_) {}

    void run(const std::vector<ImportFile>& files) {
        prepare(files);
        read_pass(Kind::Node);
        if (!result_.problems.empty()) fail();
        std::string cause = "import";
        for (const auto& f : files) cause += " " + f.path;
        store_.set_change_text(cause);
        bulk_ = store_.bulk_loader();
        try {
            write_nodes();
        } catch (const StopReading&) {
        }
        if (!result_.problems.empty()) fail();
        read_pass(Kind::Edge);
        if (!result_.problems.empty()) fail();
        bulk_->commit();
        bulk_.reset();
        progress(true);
    }

  private:
    // --- files ---------------------------------------------------------------------------------

    void prepare(const std::vector<ImportFile>& files) {
        if (files.empty()) throw Exception(ErrorKind::Usage, "no file to import");
        bool compressed = false;
        for (const auto& f : files) {
            Source s;
            s.file = f;
            auto type = file_type(f.path);
            if (!type) {
                throw Exception(ErrorKind::Usage,
                                f.path +
                                    ": unknown kind of file; import reads .tsv, .csv, .txt, "
                                    ".sif (tables) and .jsonl, .ndjson (JSON Lines), each "
                                    "optionally .gz");
            }
            s.type = *type;
            if (!f.mapping.empty()) {
                if (s.type == FileType::JsonLines) {
                    throw Exception(ErrorKind::Usage, f.path +
                                                          ": a mapping file applies to "
                                                          "tables, not to JSON Lines");
                }
                s.mapping = read_table_mapping(f.mapping);
            }
            auto reader = open(s);
            s.kind = reader->kind();
            compressed = compressed || reader->lines().compressed();
            bytes_total_ += reader->lines().file_size() * (s.kind ? 1 : 2);
            sources_.push_back(std::move(s));
        }
        if (compressed) bytes_total_ = 0;
        had_data_ = store_.statement_count() > 0;
        if (had_data_) {
            id_key_ = store_.find(Term{TermKind::PropertyKey, Value("id")});
            auto& q = store_.cached("SELECT coalesce(max(id), 0) FROM stmt");
            q.step();
            last_old_statement_ = q.get_int(0);
            q.reset();
        }
    }

    std::unique_ptr<RecordReader> open(const Source& s) {
        if (s.type == FileType::JsonLines) return open_json_lines(s.file.path, typer_);
        return open_table(s.file.path, s.mapping ? &*s.mapping : nullptr, typer_);
    }

    void read_pass(Kind want) {
        try {
            for (const auto& source : sources_) {
                if (source.kind && *source.kind != want) continue;
                read_file(source, want);
            }
        } catch (const StopReading&) {
        }
    }

    void read_file(const Source& source, Kind want) {
        auto reader = open(source);
        current_file_ = source.file.path;
        GraphRecord record;
        while (reader->next(record)) {
            current_bytes_ = reader->lines().bytes_read();
            tick();
            if (!source.kind) {
                // A mixed file is read twice: nodes, then edges; its malformed lines once.
                if (record.problem.empty() ? record.kind != want : want == Kind::Edge) continue;
            }
            ++result_.rows;
            if (!record.problem.empty()) {
                report(source.file.path, record.line, record.problem);
            } else if (want == Kind::Node) {
                add_node(source, record);
            } else {
                add_edge(source, record);
            }
        }
        bytes_done_ += reader->lines().bytes_read();
        current_bytes_ = 0;
    }

    // --- problems, progress, cancellation ------------------------------------------------------

    void report(const std::string& file, int64_t line, const std::string& problem) {
        if (result_.problems.empty()) {
            first_kind_ = problem.rfind("row shape", 0) == 0 ? ErrorKind::Io : ErrorKind::Schema;
        }
        result_.problems.push_back(file + ":" + std::to_string(line) + ": " + problem);
        if (result_.problems.size() >= std::max<size_t>(1, options_.max_problems)) {
            throw StopReading{};
        }
    }

    [[noreturn]] void fail() {
        const auto& problems = result_.problems;
        std::string message = problems.front();
        if (problems.size() > 1) {
            message += " (and " + std::to_string(problems.size() - 1) + " more problem" +
                       (problems.size() > 2 ? "s" : "") + ")";
        }
        throw Exception(first_kind_, message + "; nothing was imported");
    }

    void tick() {
        if ((++ticks_ & 255) != 0) return;
        if (options_.cancel && options_.cancel->load()) {
            throw Exception(ErrorKind::Interrupted,
                            "the import was interrupted; nothing was imported");
        }
        if (options_.progress && Clock::now() - last_progress_ >= options_.progress_interval) {
            progress(false);
        }
    }

    void progress(bool done) {
        last_progress_ = Clock::now();
        if (!options_.progress) return;
        ImportProgress p;
        p.file = current_file_;
        p.bytes_done = bytes_done_ + current_bytes_;
        p.bytes_total = bytes_total_;
        p.rows = result_.rows;
        p.elapsed = last_progress_ - start_;
        p.done = done;
        options_.progress(p);
    }

    // --- nodes ---------------------------------------------------------------------------------

    void add_node(const Source& source, GraphRecord& record) {
        std::vector<std::string> labels;
        for (const auto& category : record.categories) {
            std::string problem;
            auto label = vocabulary_.label(category, &problem);
            if (!problem.empty()) return report(source.file.path, record.line, problem);
            if (!label) continue;
            for (const auto& l : vocabulary_.with_ancestors(*label)) add_unique(labels, l);
        }
        auto [it, fresh] = pending_index_.emplace(key_text(record.id), pending_.size());
        if (fresh) {
            pending_.push_back(PendingNode{record.id, std::move(labels),
                                           std::move(record.properties), source.file.path,
                                           record.line});
            return;
        }
        PendingNode& node = pending_[it->second];
        for (const auto& l : labels) add_unique(node.labels, l);
        for (auto& [key, value] : record.properties) node.properties[key] = std::move(value);
    }

    void write_nodes() {
        for (auto& node : pending_) {
            tick();
            write_node(node);
            node.properties.clear();
        }
    }

    void write_node(const PendingNode& p) {
        Map properties = p.properties;
        if (!blank_id(p.id)) properties["id"] = p.id;
        std::optional<TermId> existing;
        if (had_data_ && !find_node(p.id, p.file, p.line, &existing)) return;
        if (!existing) {
            if (strict_) {
                if (auto why = catalog_->check_node(p.labels, properties)) {
                    return report(p.file, p.line, "model: node '" + id_text(p.id) + "': " + *why);
                }
            }
            if (!result_.problems.empty()) return;
            TermId node = bulk_->intern(Term{TermKind::Node, Value()});
            for (const auto& label : p.labels) add(node, Store::kLabelPredicate, label_term(label));
            for (const auto& [key, value] : properties) add(node, key_term(key), literal(value));
            nodes_[key_text(p.id)] =
                KnownNode{node, false, strict_ ? p.labels : std::vector<std::string>{}};
            ++result_.nodes_created;
            return;
        }
        std::vector<std::string> labels = storage::node_labels(store_, *existing);
        std::vector<storage::StoredProperty> stored = storage::stored_properties(store_, *existing);
        std::vector<std::string> merged_labels = labels;
        for (const auto& l : p.labels) add_unique(merged_labels, l);
        if (strict_) {
            Map merged;
            for (const auto& s : stored) merged[s.key] = s.value;
            for (const auto& [key, value] : properties) merged[key] = value;
            if (auto why = catalog_->check_node(merged_labels, merged)) {
                return report(p.file, p.line, "model: node '" + id_text(p.id) + "': " + *why);
            }
        }
        if (!result_.problems.empty()) return;
        bool changed = false;
        for (const auto& label : p.labels) {
            if (std::find(labels.begin(), labels.end(), label) != labels.end()) continue;
            add(*existing, Store::kLabelPredicate, label_term(label));
            changed = true;
        }
        for (const auto& [key, value] : properties) {
            TermId object = literal(value);
            bool same = false;
            for (const auto& s : stored) {
                if (s.key != key) continue;
                if (s.object == object && !same) {
                    same = true;
                    continue;
                }
                store_.remove(s.statement);
                ++result_.statements_removed;
            }
            if (same) continue;
            add(*existing, key_term(key), object);
            changed = true;
        }
        ++(changed ? result_.nodes_updated : result_.nodes_unchanged);
        nodes_[key_text(p.id)] =
            KnownNode{*existing, true, strict_ ? merged_labels : std::vector<std::string>{}};
    }

    // The node of the database with property id = `id`, in `*node` (nullopt when none). False,
    // with a problem reported, when several nodes have it.
    bool find_node(const Value& id, const std::string& file, int64_t line,
                   std::optional<TermId>* node) {
        node->reset();
        if (!id_key_) return true;
        auto literal_id = store_.find(SqliteStore::literal(id));
        if (!literal_id) return true;
        auto& q = store_.cached(
            "SELECT DISTINCT s FROM stmt WHERE p = ?1 AND o = ?2 AND s > 0 AND id <= ?3");
        q.bind(1, *id_key_).bind(2, *literal_id).bind(3, last_old_statement_);
        std::vector<TermId> found;
        while (q.step()) found.push_back(q.get_int(0));
        q.reset();
        if (found.size() > 1) {
            report(file, line,
                   "duplicate id: the database has " + std::to_string(found.size()) +
                       " nodes with id '" + id_text(id) + "', so the row cannot name one");
            return false;
        }
        if (!found.empty()) *node = found[0];
        return true;
    }

    // --- edges ---------------------------------------------------------------------------------

    const KnownNode* resolve(const Value& id, const std::string& file, int64_t line) {
        std::string key = key_text(id);
        if (auto it = nodes_.find(key); it != nodes_.end()) return &it->second;
        std::optional<TermId> node;
        if (!had_data_) {
            report(file, line,
                   "unknown node: '" + id_text(id) + "' is the id of no node of the files");
            return nullptr;
        }
        if (!find_node(id, file, line, &node)) return nullptr;
        if (!node) {
            report(file, line,
                   "unknown node: '" + id_text(id) +
                       "' is the id of no node of the files or of the database");
            return nullptr;
        }
        KnownNode known{*node, true,
                        strict_ ? storage::node_labels(store_, *node) : std::vector<std::string>{}};
        return &nodes_.emplace(key, std::move(known)).first->second;
    }

    void add_edge(const Source& source, const GraphRecord& record) {
        const std::string& file = source.file.path;
        const KnownNode* subject = resolve(record.subject, file, record.line);
        if (!subject) return;
        const KnownNode* object = resolve(record.object, file, record.line);
        if (!object) return;
        std::string problem;
        auto type = vocabulary_.type(record.predicate, record.original_predicate, &problem);
        if (!type) return report(file, record.line, problem);
        if (strict_) {
            if (auto why = catalog_->check_relationship(*type, subject->labels, object->labels,
                                                        record.properties)) {
                return report(file, record.line, "model: " + *why);
            }
        }
        std::vector<Map> evidence;
        for (const auto& item : record.evidence) {
            Map fields = catalog::complete_evidence(item.as_map(), store_.user());
            if (auto why = catalog::check_evidence(fields, strict_ ? catalog_ : nullptr)) {
                return report(file, record.line, "evidence: " + *why);
            }
            evidence.push_back(std::move(fields));
        }
        if (!result_.problems.empty()) return;
        TermId type_id = type_term(*type);
        std::vector<std::pair<TermId, TermId>> properties;
        for (const auto& [key, value] : record.properties) {
            properties.emplace_back(key_term(key), literal(value));
        }
        std::sort(properties.begin(), properties.end());
        StatementId relationship = 0;
        if (subject->existed && object->existed) {
            relationship = already_there(subject->term, type_id, object->term, properties);
        }
        if (relationship != 0) {
            ++result_.relationships_unchanged;
        } else {
            relationship = bulk_->add(subject->term, type_id, object->term);
            ++result_.statements_added;
            for (const auto& [key, value] : properties) add(-relationship, key, value);
            ++result_.relationships_created;
        }
        for (const auto& fields : evidence) add_evidence(relationship, fields);
    }

    // Links an evidence record to a relationship, unless it already has an identical one.
    void add_evidence(StatementId relationship, const Map& fields) {
        TermId predicate = bulk_->intern(catalog::evidence_predicate_term());
        TermId record = literal(Value(fields));
        if (relationship <= last_old_statement_) {
            auto& q = store_.cached("SELECT 1 FROM stmt WHERE s = ?1 AND p = ?2 AND o = ?3");
            q.bind(1, -relationship).bind(2, predicate).bind(3, record);
            bool present = q.step();
            q.reset();
            if (present) return;
        }
        add(-relationship, predicate, record);
        ++result_.evidence_records;
    }

    // The relationship the database had, before this import, from `start` to `end` of `type`
    // with exactly `properties` (key and value term ids, sorted); 0 when there is none.
    StatementId already_there(TermId start, TermId type, TermId end,
                              const std::vector<std::pair<TermId, TermId>>& properties) {
        auto& q =
            store_.cached("SELECT id FROM stmt WHERE s = ?1 AND p = ?2 AND o = ?3 AND id <= ?4");
        q.bind(1, start).bind(2, type).bind(3, end).bind(4, last_old_statement_);
        std::vector<StatementId> candidates;
        while (q.step()) candidates.push_back(q.get_int(0));
        q.reset();
        for (StatementId candidate : candidates) {
            auto& p = store_.cached(
                "SELECT s.p, s.o FROM stmt s JOIN term k ON k.id = s.p AND k.kind = 4 "
                "WHERE s.s = ?1 ORDER BY s.p, s.o");
            p.bind(1, -candidate);
            std::vector<std::pair<TermId, TermId>> stored;
            while (p.step()) stored.emplace_back(p.get_int(0), p.get_int(1));
            p.reset();
            if (stored == properties) return candidate;
        }
        return 0;
    }

    // --- terms and statements ------------------------------------------------------------------

    TermId name_term(std::unordered_map<std::string, TermId>& cache, TermKind kind,
                     const std::string& name) {
        auto it = cache.find(name);
        if (it == cache.end())
            it = cache.emplace(name, bulk_->intern(Term{kind, Value(name)})).first;
        return it->second;
    }
    TermId label_term(const std::string& name) { return name_term(labels_, TermKind::Label, name); }
    TermId key_term(const std::string& name) {
        return name_term(keys_, TermKind::PropertyKey, name);
    }
    TermId type_term(const std::string& name) {
        return name_term(types_, TermKind::RelationshipType, name);
    }
    TermId literal(const Value& value) { return bulk_->intern(SqliteStore::literal(value)); }

    void add(TermId subject, TermId predicate, TermId object) {
        bulk_->add(subject, predicate, object);
        ++result_.statements_added;
    }

    SqliteStore& store_;
    const catalog::Catalog* catalog_;
    bool strict_;
    const ImportOptions& options_;
    ImportResult& result_;
    Vocabulary vocabulary_;
    PropertyTyper typer_;

    std::vector<Source> sources_;
    std::unique_ptr<BulkLoader> bulk_;
    bool had_data_ = false;
    std::optional<TermId> id_key_;
    StatementId last_old_statement_ = 0;

    std::vector<PendingNode> pending_;
    std::unordered_map<std::string, size_t> pending_index_;
    std::unordered_map<std::string, KnownNode> nodes_;
    std::unordered_map<std::string, TermId> labels_, keys_, types_;

    ErrorKind first_kind_ = ErrorKind::Schema;
    Clock::time_point start_;
    Clock::time_point last_progress_;
    uint64_t ticks_ = 0;
    std::string current_file_;
    uint64_t bytes_total_ = 0;
    uint64_t bytes_done_ = 0;
    uint64_t current_bytes_ = 0;
};

}  // namespace

void import_graph(storage::SqliteStore& store, const catalog::Catalog* catalog,
                  const std::vector<ImportFile>& files, const ImportOptions& options,
                  ImportResult& result) {
    Importer(store, catalog, options, result).run(files);
}

}  // namespace meninx::loader
