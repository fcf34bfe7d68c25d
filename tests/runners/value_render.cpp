#include "value_render.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace meninx::testing {
namespace {

void append_string_literal(std::string& out, const std::string& text) {
    out += '\'';
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    out += '\'';
}

void append_properties(std::string& out, const std::shared_ptr<const Map>& properties,
                       bool unordered_lists);

void append_map(std::string& out, const Map& map, bool unordered_lists) {
    out += '{';
    bool first = true;
    for (const auto& [key, value] : map) {
        if (!first) out += ", ";
        first = false;
        out += key;
        out += ": ";
        out += render_literal(value, unordered_lists);
    }
    out += '}';
}

void append_properties(std::string& out, const std::shared_ptr<const Map>& properties,
                       bool unordered_lists) {
    if (!properties || properties->empty()) return;
    out += ' ';
    append_map(out, *properties, unordered_lists);
}

void append_node(std::string& out, const Node& node, bool unordered_lists) {
    std::vector<std::string> labels = node.labels;
    std::sort(labels.begin(), labels.end());
    out += '(';
    for (const auto& label : labels) {
        out += ':';
        out += label;
    }
    std::string props;
    append_properties(props, node.properties, unordered_lists);
    // "( {k: v})" reads badly: drop the separating space when there are no labels.
    out += labels.empty() && !props.empty() ? props.substr(1) : props;
    out += ')';
}

void append_relationship(std::string& out, const Relationship& rel, bool unordered_lists) {
    out += "[:";
    out += rel.type;
    append_properties(out, rel.properties, unordered_lists);
    out += ']';
}

}  // namespace

std::string render_float(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    if (value == 0) return "0.0";  // -0.0 equals 0.0 in Cypher, so it is written the same
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, end);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

std::string render_literal(const Value& value, bool unordered_lists) {
    std::string out;
    switch (value.type()) {
        case ValueType::Null:
            return "NULL";
        case ValueType::Bool:
            return value.as_bool() ? "true" : "false";
        case ValueType::Int:
            return std::to_string(value.as_int());
        case ValueType::Float:
            return render_float(value.as_float());
        case ValueType::String:
            append_string_literal(out, value.as_string());
            return out;
        case ValueType::List: {
            std::vector<std::string> items;
            for (const auto& item : value.as_list()) {
                items.push_back(render_literal(item, unordered_lists));
            }
            if (unordered_lists) std::sort(items.begin(), items.end());
            out += '[';
            for (size_t i = 0; i < items.size(); ++i) {
                if (i > 0) out += ", ";
                out += items[i];
            }
            out += ']';
            return out;
        }
        case ValueType::Map:
            append_map(out, value.as_map(), unordered_lists);
            return out;
        case ValueType::Node:
            append_node(out, value.as_node(), unordered_lists);
            return out;
        case ValueType::Relationship:
            append_relationship(out, value.as_relationship(), unordered_lists);
            return out;
        case ValueType::Path: {
            const Path& path = value.as_path();
            out += '<';
            for (size_t i = 0; i < path.nodes.size(); ++i) {
                if (i > 0) {
                    const Relationship& rel = path.relationships[i - 1];
                    bool forward = rel.start == path.nodes[i - 1].id;
                    out += forward ? "-" : "<-";
                    append_relationship(out, rel, unordered_lists);
                    out += forward ? "->" : "-";
                }
                append_node(out, path.nodes[i], unordered_lists);
            }
            out += '>';
            return out;
        }
    }
    return out;
}

std::string render_cell(const Value& value) {
    return value.is_string() ? value.as_string() : render_literal(value);
}

std::string render_row(const std::vector<Value>& row) {
    std::string out;
    for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out += '\t';
        out += render_cell(row[i]);
    }
    return out;
}

}  // namespace meninx::testing
