#include "execution/schema_check.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "execution/graph_access.h"
#include "meninx/error.h"

namespace meninx::execution {

namespace {

// A short way to name a node in a message: its first label and its name or id when it has them.
std::string describe_node(GraphAccess& graph, int64_t node) {
    std::string out = "(";
    auto labels = graph.labels(node);
    if (!labels.empty()) out += ":" + labels.front();
    for (const char* key : {"name", "id"}) {
        Value v = graph.property(node, key);
        if (v.is_string()) {
            out +=
                std::string(labels.empty() ? "" : " ") + "{" + key + ": '" + v.as_string() + "'}";
            break;
        }
    }
    if (out == "(") out += "node " + std::to_string(node);
    return out + ")";
}

std::string describe_relationship(GraphAccess& graph, const Edge& edge) {
    return describe_node(graph, edge.start) + "-[:" + graph.type_name(edge.type) + "]->" +
           describe_node(graph, edge.end);
}

[[noreturn]] void refuse(const std::string& element, const std::string& problem) {
    throw Exception(ErrorKind::Schema, element + " does not fit the model: " + problem +
                                           " (the database is in strict schema mode; CALL "
                                           "db.schema() lists the model)");
}

}  // namespace

void check_schema(GraphAccess& graph, const catalog::Catalog& catalog) {
    const std::set<int64_t>& touched = graph.touched();
    const std::set<int64_t>& relabelled = graph.relabelled();

    std::set<int64_t> relationships;
    for (int64_t id : touched) {
        if (id < 0) {
            relationships.insert(-id);
            continue;
        }
        if (!graph.node_exists(id)) continue;
        std::vector<std::string> labels = graph.labels(id);
        if (auto problem = catalog.check_node(labels, graph.properties(id))) {
            refuse("node " + describe_node(graph, id), *problem);
        }
    }
    for (int64_t node : relabelled) {
        if (!graph.node_exists(node)) continue;
        graph.expand(node, ExpandDirection::Both, {}, [&](const Edge& edge) {
            relationships.insert(edge.id);
            return true;
        });
    }
    for (int64_t id : relationships) {
        auto edge = graph.relationship(id);
        if (!edge) continue;  // deleted later in the same statement
        if (auto problem =
                catalog.check_relationship(graph.type_name(edge->type), graph.labels(edge->start),
                                           graph.labels(edge->end), graph.properties(-id))) {
            refuse("relationship " + describe_relationship(graph, *edge), *problem);
        }
    }
}

}  // namespace meninx::execution
