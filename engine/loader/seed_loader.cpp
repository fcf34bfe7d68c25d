// Writing the checked seed graph through the store's bulk loader.
#include "loader/seed_loader.h"

#include <algorithm>
#include <filesystem>

#include "catalog/evidence.h"
#include "storage/sqlite_store.h"

namespace meninx::loader {

namespace {

namespace fs = std::filesystem;

// Removes a database file with its WAL, shared-memory and journal files, when present.
void remove_database_files(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::error_code ignored;
        fs::remove(path + suffix, ignored);
    }
}

// Adds one statement (subject, key, value) per property, through the loader's term cache.
void add_properties(BulkLoader& bulk, TermId subject, const Map& properties, SeedCounts& counts) {
    for (const auto& [key, value] : properties) {
        TermId key_id = bulk.intern(Term{TermKind::PropertyKey, Value(key)});
        bulk.add(subject, key_id, bulk.intern(storage::SqliteStore::literal(value)));
        ++counts.statements;
    }
}

// The evidence record of a seed relationship: the review as its source, the fact's statement and
// level, and the values the relationship states (its properties other than provenance).
Map seed_evidence(const SeedEdge& edge) {
    static const std::vector<std::string> provenance = {
        "fact_id", "supporting_text", "publications", "knowledge_level", "agent_type"};
    Map values;
    for (const auto& [key, value] : edge.properties) {
        if (std::find(provenance.begin(), provenance.end(), key) == provenance.end()) {
            values[key] = value;
        }
    }
    Map fields;
    const Value& publications = edge.properties.at("publications");
    if (publications.is_list() && !publications.as_list().empty()) {
        fields["source"] = publications.as_list().front();
    }
    fields["fact_id"] = edge.properties.at("fact_id");
    fields["supporting_text"] = edge.properties.at("supporting_text");
    fields["level"] = Value(edge.evidence_level);
    if (!values.empty()) fields["values"] = Value(std::move(values));
    return catalog::complete_evidence(std::move(fields), "seed-data");
}

}  // namespace

SeedCounts write_seed(storage::SqliteStore& store, const SeedGraph& graph) {
    SeedCounts counts;
    store.set_change_text("seed");
    auto bulk = store.bulk_loader();
    std::vector<TermId> node_ids;
    node_ids.reserve(graph.nodes.size());
    for (const auto& node : graph.nodes) {
        TermId id = bulk->intern(Term{TermKind::Node, Value()});
        node_ids.push_back(id);
        for (const auto& label : node.labels) {
            bulk->add(id, Store::kLabelPredicate,
                      bulk->intern(Term{TermKind::Label, Value(label)}));
            ++counts.statements;
        }
        add_properties(*bulk, id, node.properties, counts);
        ++counts.nodes;
    }
    for (const auto& edge : graph.edges) {
        TermId type = bulk->intern(Term{TermKind::RelationshipType, Value(edge.predicate)});
        StatementId rel = bulk->add(node_ids[edge.subject], type, node_ids[edge.object]);
        ++counts.statements;
        add_properties(*bulk, -rel, edge.properties, counts);
        bulk->add(-rel, bulk->intern(catalog::evidence_predicate_term()),
                  bulk->intern(Term{TermKind::Map, Value(seed_evidence(edge))}));
        ++counts.statements;
        ++counts.relationships;
    }
    bulk->commit();
    return counts;
}

SeedCounts load_seed(storage::SqliteStore& store, const catalog::Catalog& catalog,
                     const std::string& seed_dir) {
    return write_seed(store, read_seed(catalog, seed_dir));
}

SeedBuild build_seed_database(const std::string& schema_file, const std::string& seed_dir,
                              const std::string& out) {
    auto catalog = catalog::Catalog::from_json_file(schema_file);
    catalog.set_mode(catalog::SchemaMode::Strict);
    SeedGraph graph = seed_dir.empty() ? SeedGraph{} : read_seed(catalog, seed_dir);

    SeedBuild build;
    build.categories = catalog.categories().size();
    build.predicates = catalog.predicates().size();
    build.properties = catalog.properties().size();
    const std::string tmp = out + ".tmp";
    try {
        if (fs::path(out).has_parent_path()) fs::create_directories(fs::path(out).parent_path());
        remove_database_files(tmp);
        {
            auto store = storage::SqliteStore::open(tmp, OpenOptions{});
            catalog.save(*store);
            if (!seed_dir.empty()) build.counts = write_seed(*store, graph);
        }
        remove_database_files(out);
        fs::rename(tmp, out);
    } catch (...) {
        remove_database_files(tmp);
        throw;
    }
    return build;
}

}  // namespace meninx::loader
