#include "meninx/value.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "common/text_escape.h"

namespace meninx {

std::string_view type_name(ValueType type) {
    switch (type) {
        case ValueType::Null:
            return "NULL";
        case ValueType::Bool:
            return "BOOLEAN";
        case ValueType::Int:
            return "INTEGER";
        case ValueType::Float:
            return "FLOAT";
        case ValueType::String:
            return "STRING";
        case ValueType::List:
            return "LIST";
        case ValueType::Map:
            return "MAP";
        case ValueType::Node:
            return "NODE";
        case ValueType::Relationship:
            return "RELATIONSHIP";
        case ValueType::Path:
            return "PATH";
    }
    return "UNKNOWN";
}

namespace {

// Shortest text that reads back as the same double, always with a '.' or an exponent:
// plain digits for magnitudes from 1e-7 to 1e21, scientific ("1.5e300") outside.
std::string format_float(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    double magnitude = std::fabs(d);
    bool fixed = magnitude == 0.0 || (magnitude >= 1e-7 && magnitude < 1e21);
    auto res = std::to_chars(buf, buf + sizeof buf, d,
                             fixed ? std::chars_format::fixed : std::chars_format::scientific);
    std::string text(buf, res.ptr);
    if (fixed) {
        if (text.find('.') == std::string::npos) text += ".0";
        return text;
    }
    // to_chars writes "1.5e+300" / "1e-08": drop the '+' and the exponent's leading zeros.
    size_t e = text.find('e');
    std::string mantissa = text.substr(0, e);
    std::string exponent = text.substr(e + 1);
    bool negative = exponent[0] == '-';
    size_t digits = exponent.find_first_not_of("+-0");
    std::string exp_digits = digits == std::string::npos ? "0" : exponent.substr(digits);
    return mantissa + "e" + (negative ? "-" : "") + exp_digits;
}

std::string quote_string(const std::string& s) {
    return "'" + escape_quoted(s, '\'', ControlChars::Raw) + "'";
}

bool is_plain_identifier(const std::string& s) {
    if (s.empty()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool ok = c == '_' || std::isalpha(c) || (i > 0 && std::isdigit(c));
        if (!ok) return false;
    }
    return true;
}

std::string render_key(const std::string& key) {
    return is_plain_identifier(key) ? key : "`" + key + "`";
}

std::string render_map(const Map& map) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : map) {
        if (!first) out += ", ";
        first = false;
        out += render_key(k) + ": " + v.to_cypher();
    }
    out += "}";
    return out;
}

// " {k: v}" for a non-empty property map, nothing otherwise.
std::string render_properties(const std::shared_ptr<const Map>& props) {
    if (!props || props->empty()) return "";
    return " " + render_map(*props);
}

std::string render_node(const Node& n) {
    std::string out = "(";
    for (const auto& l : n.labels) out += ":" + render_key(l);
    std::string props = render_properties(n.properties);
    out += n.labels.empty() && !props.empty() ? props.substr(1) : props;
    out += ")";
    return out;
}

std::string render_relationship(const Relationship& r) {
    std::string out = "[";
    if (!r.type.empty()) out += ":" + render_key(r.type);
    std::string props = render_properties(r.properties);
    out += r.type.empty() && !props.empty() ? props.substr(1) : props;
    out += "]";
    return out;
}

std::string render_path(const Path& p) {
    std::string out = "<";
    for (size_t i = 0; i < p.nodes.size(); ++i) {
        out += render_node(p.nodes[i]);
        if (i >= p.relationships.size()) break;
        const Relationship& r = p.relationships[i];
        bool forward = r.start == p.nodes[i].id;
        out += forward ? "-" : "<-";
        out += render_relationship(r);
        out += forward ? "->" : "-";
    }
    out += ">";
    return out;
}

}  // namespace

std::string Value::to_cypher() const {
    switch (type()) {
        case ValueType::Null:
            return "null";
        case ValueType::Bool:
            return as_bool() ? "true" : "false";
        case ValueType::Int:
            return std::to_string(as_int());
        case ValueType::Float:
            return format_float(as_float());
        case ValueType::String:
            return quote_string(as_string());
        case ValueType::List: {
            std::string out = "[";
            const List& list = as_list();
            for (size_t i = 0; i < list.size(); ++i) {
                if (i) out += ", ";
                out += list[i].to_cypher();
            }
            return out + "]";
        }
        case ValueType::Map:
            return render_map(as_map());
        case ValueType::Node:
            return render_node(as_node());
        case ValueType::Relationship:
            return render_relationship(as_relationship());
        case ValueType::Path:
            return render_path(as_path());
    }
    return "null";
}

}  // namespace meninx
