// Pictures of results: the nodes, relationships and paths of a result (also inside lists and
// maps) as one Graphviz DOT document, for `--format dot`, `:mode dot` and `:show`.
//
// Each node is drawn once, labelled with its name (else its category and id), and filled and
// shaped by its top-level category; a legend lists the categories present. Each relationship is
// drawn once, labelled with its type and its key measures (`TREATS · ORR 80.3%`): the numeric
// properties the model gives a unit, ranges joined (`ORR 51.6–53%`).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "meninx/database.h"

namespace meninx::shell {

// What the domain model tells a drawing: each category's parent (to name a node by its most
// specific category) and each property's unit. Empty for a database without a model.
struct ModelHints {
    std::map<std::string, std::string, std::less<>> parents;  // category -> parent or ""
    std::map<std::string, std::string, std::less<>> units;    // property -> unit or ""
};

// A node's labels, most specific category first (the one with the most ancestors in the model;
// labels keep their order without a model).
std::vector<std::string> categories_by_specificity(const Node& node, const ModelHints* hints);

// The graph elements of a result, each once, in the order they first appear.
struct ResultGraph {
    std::vector<Node> nodes;
    std::vector<Relationship> relationships;
    bool empty() const { return nodes.empty() && relationships.empty(); }
    // Ids of relationship endpoints that are not among the nodes.
    std::vector<int64_t> missing_endpoints() const;
};

ResultGraph collect_graph(const QueryResult& result);

// Why `result` cannot be drawn (no rows, or no graph elements in them); empty when it can.
std::string nothing_to_draw(const QueryResult& result);

// The DOT document for `graph`. `hints` may be null.
std::string dot_document(const ResultGraph& graph, const ModelHints* hints);

// The label of a relationship: its type and up to three key measures.
std::string relationship_caption(const Relationship& rel, const ModelHints* hints);

}  // namespace meninx::shell
