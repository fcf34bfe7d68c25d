// Graph writers: the export formats, each writing a set of nodes and relationships (as a query
// returns them) to streams. docs/import-export.md describes each format and what it keeps.
//
//   - KGX TSV and JSON Lines: a nodes file (id, category, properties) and an edges file
//     (subject, predicate, object, original_predicate when needed, properties, evidence: the
//     relationship's evidence records as a JSON list). Nodes are named
//     by their `id` property, which must be a unique string or integer; nodes without one get a
//     file-local id "_:n<number>", which an import does not store.
//   - N-Triples: nodes as IRIs from their CURIEs (see curie_iri), labels as rdf:type, properties
//     as literals, relationships as triples and, with their properties, as RDF reifications.
//   - Cypher: UNWIND ... CREATE statements that rebuild the graph in an empty database, with
//     db.evidence.add for evidence records (which then get the running user and time).
//
// The writers throw meninx::Exception (Constraint) when the graph cannot be written in the
// format without losing its identity (duplicate ids, a property with a column's name); values
// they have to change (a tab inside a TSV cell, NaN in JSON) are counted in `warnings`.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "loader/vocabulary.h"
#include "meninx/value.h"

namespace meninx::loader {

// What to write: nodes and relationships, each once; every relationship's end nodes are among
// the nodes.
struct GraphExtract {
    std::vector<Node> nodes;
    std::vector<Relationship> relationships;
    // The evidence records of relationships (by relationship id), oldest first.
    std::map<int64_t, std::vector<Map>> evidence;
};

// Warnings by kind, each with how often it happened ("tabs or line breaks inside TSV cells
// replaced by spaces (3)").
class ExportWarnings {
  public:
    void add(const std::string& what) { ++counts_[what]; }
    std::vector<std::string> lines() const;

  private:
    std::map<std::string, int64_t> counts_;
};

void write_kgx_tsv(const GraphExtract& graph, const Vocabulary& vocabulary, std::ostream& nodes,
                   std::ostream& edges, ExportWarnings& warnings);

void write_json_lines(const GraphExtract& graph, const Vocabulary& vocabulary, std::ostream& nodes,
                      std::ostream& edges, ExportWarnings& warnings);

void write_ntriples(const GraphExtract& graph, const Vocabulary& vocabulary, std::ostream& out,
                    ExportWarnings& warnings);

void write_cypher(const GraphExtract& graph, std::ostream& out, ExportWarnings& warnings);

// The IRI for a CURIE: known prefixes (biolink, DRUGBANK, HGNC, UBERON, PMID, ...) expand to
// their usual namespaces; MENINX and any other prefix (or none) go to the local namespace
// "urn:meninx:" ("urn:meninx:MENINX:csf_brain_barrier" stays readable and unique). Characters
// IRIs do not allow are percent-encoded.
std::string curie_iri(const std::string& curie);

}  // namespace meninx::loader
