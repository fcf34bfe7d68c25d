#include "value_text.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "common/json_value.h"

namespace meninx::shell {

namespace {

using ordered_json = nlohmann::ordered_json;

std::string float_text(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, end);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
        }
    }
    return out + '"';
}

bool is_identifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    return true;
}

std::string name_text(const std::string& s) { return is_identifier(s) ? s : "`" + s + "`"; }

std::string map_text(const Map& map) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, value] : map) {
        if (!first) out += ", ";
        first = false;
        out += name_text(key) + ": " + value_text(value, false);
    }
    return out + "}";
}

std::string node_text(const Node& node) {
    std::string out = "(";
    for (const auto& label : node.labels) out += ":" + name_text(label);
    if (node.properties && !node.properties->empty()) {
        if (!node.labels.empty()) out += ' ';
        out += map_text(*node.properties);
    }
    return out + ")";
}

std::string relationship_body(const Relationship& rel) {
    std::string out = "[:" + name_text(rel.type);
    if (rel.properties && !rel.properties->empty()) out += " " + map_text(*rel.properties);
    return out + "]";
}

std::string path_text(const Path& path) {
    std::string out;
    for (size_t i = 0; i < path.nodes.size(); ++i) {
        out += node_text(path.nodes[i]);
        if (i >= path.relationships.size()) break;
        const Relationship& rel = path.relationships[i];
        bool forward = rel.start == path.nodes[i].id;
        out += forward ? "-" : "<-";
        out += relationship_body(rel);
        out += forward ? "->" : "-";
    }
    return out;
}

ordered_json to_json(const Value& value);

ordered_json map_json(const Map& map) {
    ordered_json out = ordered_json::object();
    for (const auto& [key, v] : map) out[key] = to_json(v);
    return out;
}

ordered_json node_json(const Node& node) {
    ordered_json out = ordered_json::object();
    out["id"] = node.id;
    out["labels"] = node.labels;
    out["properties"] = node.properties ? map_json(*node.properties) : ordered_json::object();
    return out;
}

ordered_json relationship_json(const Relationship& rel) {
    ordered_json out = ordered_json::object();
    out["id"] = rel.id;
    out["type"] = rel.type;
    out["start"] = rel.start;
    out["end"] = rel.end;
    out["properties"] = rel.properties ? map_json(*rel.properties) : ordered_json::object();
    return out;
}

ordered_json to_json(const Value& value) {
    switch (value.type()) {
        case ValueType::Null:
            return nullptr;
        case ValueType::Bool:
            return value.as_bool();
        case ValueType::Int:
            return value.as_int();
        case ValueType::Float:
            if (!std::isfinite(value.as_float())) return nullptr;
            return value.as_float();
        case ValueType::String:
            return value.as_string();
        case ValueType::List: {
            ordered_json out = ordered_json::array();
            for (const auto& v : value.as_list()) out.push_back(to_json(v));
            return out;
        }
        case ValueType::Map:
            return map_json(value.as_map());
        case ValueType::Node:
            return node_json(value.as_node());
        case ValueType::Relationship:
            return relationship_json(value.as_relationship());
        case ValueType::Path: {
            ordered_json out = ordered_json::object();
            out["nodes"] = ordered_json::array();
            out["relationships"] = ordered_json::array();
            for (const auto& n : value.as_path().nodes) out["nodes"].push_back(node_json(n));
            for (const auto& r : value.as_path().relationships) {
                out["relationships"].push_back(relationship_json(r));
            }
            return out;
        }
    }
    return nullptr;
}

}  // namespace

std::string value_text(const Value& value, bool top_level) {
    switch (value.type()) {
        case ValueType::Null:
            return top_level ? "NULL" : "null";
        case ValueType::Bool:
            return value.as_bool() ? "true" : "false";
        case ValueType::Int:
            return std::to_string(value.as_int());
        case ValueType::Float:
            return float_text(value.as_float());
        case ValueType::String:
            return top_level ? value.as_string() : quoted(value.as_string());
        case ValueType::List: {
            std::string out = "[";
            bool first = true;
            for (const auto& v : value.as_list()) {
                if (!first) out += ", ";
                first = false;
                out += value_text(v, false);
            }
            return out + "]";
        }
        case ValueType::Map:
            return map_text(value.as_map());
        case ValueType::Node:
            return node_text(value.as_node());
        case ValueType::Relationship:
            return relationship_body(value.as_relationship());
        case ValueType::Path:
            return path_text(value.as_path());
    }
    return {};
}

std::string value_json(const Value& value) {
    return to_json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string row_json(const std::vector<std::string>& columns, const std::vector<Value>& row) {
    ordered_json out = ordered_json::object();
    for (size_t i = 0; i < columns.size() && i < row.size(); ++i) out[columns[i]] = to_json(row[i]);
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool parse_json_value(const std::string& text, Value* out) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return false;
    *out = value_from_json(j);
    return true;
}

}  // namespace meninx::shell
