// Reading and checking the seed TSV files.
#include "loader/seed_reader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>

#include "loader/cell_values.h"
#include "meninx/error.h"

namespace meninx::loader {

namespace {

using catalog::Catalog;
using catalog::Element;

// One TSV file being read: its rows with their line numbers, and the column index by name.
class TsvFile {
  public:
    TsvFile(const std::string& dir, const std::string& name) : name_(name) {
        std::ifstream in(dir + "/" + name);
        if (!in) throw Exception(ErrorKind::Io, "cannot read the seed file " + dir + "/" + name);
        std::string line;
        int number = 0;
        bool header = true;
        while (std::getline(in, line)) {
            ++number;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty() || line[0] == '#') continue;
            auto cells = split(line, '\t');
            if (header) {
                header_line_ = number;
                for (size_t i = 0; i < cells.size(); ++i) columns_[trim(cells[i])] = i;
                width_ = cells.size();
                header = false;
                continue;
            }
            if (cells.size() != width_) {
                fail(number, "row shape",
                     "has " + std::to_string(cells.size()) + " columns, the header has " +
                         std::to_string(width_));
            }
            rows_.push_back({number, std::move(cells)});
        }
        if (header) fail(number, "row shape", "the file has no header line");
    }

    [[noreturn]] void fail(int line, const std::string& rule, const std::string& detail) const {
        throw Exception(ErrorKind::Schema,
                        name_ + ":" + std::to_string(line) + ": " + rule + ": " + detail);
    }

    size_t require_column(const std::string& column) const {
        auto it = columns_.find(column);
        if (it == columns_.end())
            fail(header_line_, "row shape", "the header has no column '" + column + "'");
        return it->second;
    }

    struct Row {
        int line;
        std::vector<std::string> cells;
    };
    const std::vector<Row>& rows() const { return rows_; }
    const std::map<std::string, size_t>& columns() const { return columns_; }

  private:
    std::string name_;
    std::map<std::string, size_t> columns_;
    size_t width_ = 0;
    int header_line_ = 0;
    std::vector<Row> rows_;
};

// Sets property `name` from `text`, checking it against the catalog for `element`.
void set_property(const Catalog& catalog, const TsvFile& file, int line, Element element,
                  const std::string& name, const std::string& text, char list_separator,
                  Map& properties) {
    const auto* def = catalog.property(name);
    if (!def) file.fail(line, "unknown property", "'" + name + "' is not declared in the model");
    auto value = typed_value(def->type, text, list_separator);
    if (!value) {
        file.fail(line, "property type",
                  "'" + text + "' is not a " + std::string(property_type_name(def->type)) +
                      " for property '" + name + "'");
    }
    if (auto problem = catalog.check_property(name, *value, element)) {
        file.fail(line, "property type", *problem);
    }
    if (!properties.emplace(name, std::move(*value)).second) {
        file.fail(line, "duplicate property", "'" + name + "' is given twice");
    }
}

// Reads every cell of `row` except the `skip` columns as properties, then the `properties` cell.
Map row_properties(const Catalog& catalog, const TsvFile& file, const TsvFile::Row& row,
                   Element element, const std::vector<std::string>& skip) {
    Map properties;
    for (const auto& [column, index] : file.columns()) {
        if (column == "properties" || std::find(skip.begin(), skip.end(), column) != skip.end()) {
            continue;
        }
        std::string text = trim(row.cells[index]);
        if (text.empty()) continue;
        set_property(catalog, file, row.line, element, column, text, '|', properties);
    }
    auto extra = file.columns().find("properties");
    if (extra != file.columns().end()) {
        std::string text = trim(row.cells[extra->second]);
        if (!text.empty()) {
            for (const auto& pair : split(text, '|')) {
                size_t eq = pair.find('=');
                if (eq == std::string::npos) {
                    file.fail(row.line, "row shape",
                              "'" + pair + "' in the properties column is not name=value");
                }
                set_property(catalog, file, row.line, element, trim(pair.substr(0, eq)),
                             trim(pair.substr(eq + 1)), ';', properties);
            }
        }
    }
    return properties;
}

}  // namespace

SeedGraph read_seed(const Catalog& catalog, const std::string& dir) {
    SeedGraph graph;
    std::map<std::string, size_t> node_index;

    TsvFile nodes(dir, "nodes.tsv");
    size_t id_column = nodes.require_column("id");
    size_t category_column = nodes.require_column("category");
    for (const auto& row : nodes.rows()) {
        SeedNode node;
        node.id = trim(row.cells[id_column]);
        std::string category = trim(row.cells[category_column]);
        if (!catalog.is_category(category)) {
            nodes.fail(row.line, "unknown category",
                       "'" + category + "' is not a category of the model");
        }
        node.labels = catalog.ancestors(category);
        node.properties = row_properties(catalog, nodes, row, Element::Node, {"category"});
        for (const auto& field : catalog.required_node_fields()) {
            if (!node.properties.count(field)) {
                nodes.fail(row.line, "missing field", "the node has no '" + field + "'");
            }
        }
        if (!node_index.emplace(node.id, graph.nodes.size()).second) {
            nodes.fail(row.line, "duplicate id", "'" + node.id + "' is already a node");
        }
        graph.nodes.push_back(std::move(node));
    }

    TsvFile level_file(dir, "evidence_levels.tsv");
    std::map<std::string, std::string> levels;
    {
        size_t fact_column = level_file.require_column("fact_id");
        size_t level_column = level_file.require_column("level");
        for (const auto& row : level_file.rows()) {
            std::string level = trim(row.cells[level_column]);
            if (level.size() != 1 || level[0] < 'A' || level[0] > 'E') {
                level_file.fail(row.line, "evidence level",
                                "'" + level + "' is not one of A, B, C, D, E");
            }
            levels[trim(row.cells[fact_column])] = level;
        }
    }

    TsvFile edges(dir, "edges.tsv");
    size_t subject_column = edges.require_column("subject");
    size_t predicate_column = edges.require_column("predicate");
    size_t object_column = edges.require_column("object");
    for (const auto& row : edges.rows()) {
        SeedEdge edge;
        auto endpoint = [&](size_t column) {
            std::string id = trim(row.cells[column]);
            auto it = node_index.find(id);
            if (it == node_index.end()) {
                edges.fail(row.line, "unknown node", "'" + id + "' is not a node of nodes.tsv");
            }
            return it->second;
        };
        edge.subject = endpoint(subject_column);
        edge.object = endpoint(object_column);
        edge.predicate = trim(row.cells[predicate_column]);
        if (!catalog.is_predicate(edge.predicate)) {
            edges.fail(row.line, "unknown predicate",
                       "'" + edge.predicate + "' is not a predicate of the model");
        }
        if (auto problem = catalog.allowed(edge.predicate, graph.nodes[edge.subject].labels,
                                           graph.nodes[edge.object].labels)) {
            edges.fail(row.line, "endpoint rule", *problem);
        }
        edge.properties = row_properties(catalog, edges, row, Element::Relationship,
                                         {"subject", "predicate", "object"});
        for (const auto& field : catalog.required_relationship_fields()) {
            if (!edge.properties.count(field)) {
                edges.fail(row.line, "missing provenance",
                           "the relationship has no '" + field + "'");
            }
        }
        const Value& fact = edge.properties["fact_id"];
        auto level = fact.is_string() ? levels.find(fact.as_string()) : levels.end();
        if (level == levels.end()) {
            edges.fail(row.line, "evidence level",
                       "the relationship's fact has no level in evidence_levels.tsv");
        }
        edge.evidence_level = level->second;
        graph.edges.push_back(std::move(edge));
    }
    return graph;
}

}  // namespace meninx::loader
