#include "storage/term_codec.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/json_value.h"
#include "meninx/error.h"

namespace meninx::storage {

namespace {

using nlohmann::json;

constexpr const char* kNanText = "NaN";

[[noreturn]] void not_storable(const Value& value, const char* where) {
    throw Exception(ErrorKind::Type, "a " + std::string(value_type_name(value.type())) +
                                         " cannot be stored " + where);
}

json to_json(const Value& value) {
    switch (value.type()) {
        case ValueType::Null:
            return json(nullptr);
        case ValueType::Bool:
            return json(value.as_bool());
        case ValueType::Int:
            return json(value.as_int());
        case ValueType::Float:
            if (!std::isfinite(value.as_float())) {
                throw Exception(ErrorKind::Type,
                                "NaN and infinite floats cannot be stored inside a list or map");
            }
            return json(value.as_float());
        case ValueType::String:
            return json(value.as_string());
        case ValueType::List: {
            json out = json::array();
            for (const Value& item : value.as_list()) out.push_back(to_json(item));
            return out;
        }
        case ValueType::Map: {
            json out = json::object();
            for (const auto& [key, item] : value.as_map()) out[key] = to_json(item);
            return out;
        }
        default:
            not_storable(value, "inside a list or map");
    }
}

std::string canonical_json(const Value& value) {
    try {
        return to_json(value).dump(-1, ' ', false, json::error_handler_t::strict);
    } catch (const json::exception&) {
        throw Exception(ErrorKind::Type, "a string inside a list or map is not valid UTF-8");
    }
}

}  // namespace

const char* value_type_name(ValueType type) {
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
    return "VALUE";
}

bool is_literal_kind(TermKind kind) {
    return kind == TermKind::Bool || kind == TermKind::Int || kind == TermKind::Float ||
           kind == TermKind::String || kind == TermKind::List || kind == TermKind::Map;
}

Term literal_term(const Value& value) {
    switch (value.type()) {
        case ValueType::Bool:
            return Term{TermKind::Bool, value};
        case ValueType::Int:
            return Term{TermKind::Int, value};
        case ValueType::Float:
            return Term{TermKind::Float, value};
        case ValueType::String:
            return Term{TermKind::String, value};
        case ValueType::List:
            canonical_json(value);  // refuses what cannot be stored, early
            return Term{TermKind::List, value};
        case ValueType::Map:
            canonical_json(value);
            return Term{TermKind::Map, value};
        default:
            not_storable(value, "as a literal");
    }
}

Value encode_term_value(const Term& term) {
    switch (term.kind) {
        case TermKind::Node:
            return Value();
        case TermKind::Bool:
            if (!term.value.is_bool()) break;
            return Value(static_cast<int64_t>(term.value.as_bool() ? 1 : 0));
        case TermKind::Int:
            if (!term.value.is_int()) break;
            return term.value;
        case TermKind::Float:
            if (!term.value.is_number()) break;
            if (std::isnan(term.value.as_number())) return Value(kNanText);
            return Value(term.value.as_number());
        case TermKind::List:
            if (!term.value.is_list()) break;
            return Value(canonical_json(term.value));
        case TermKind::Map:
            if (!term.value.is_map()) break;
            return Value(canonical_json(term.value));
        case TermKind::System:
        case TermKind::Label:
        case TermKind::RelationshipType:
        case TermKind::PropertyKey:
        case TermKind::String:
            if (!term.value.is_string()) break;
            return term.value;
    }
    throw Exception(ErrorKind::Usage,
                    "a term of kind " + std::to_string(static_cast<int>(term.kind)) +
                        " cannot hold a " + std::string(value_type_name(term.value.type())));
}

Value decode_term_value(TermKind kind, const Value& stored) {
    bool readable = true;
    switch (kind) {
        case TermKind::Node:
            return Value();
        case TermKind::Bool:
            return Value(stored.is_int() && stored.as_int() != 0);
        case TermKind::Float:
            if (stored.is_string()) return Value(std::numeric_limits<double>::quiet_NaN());
            if (stored.is_number()) return Value(stored.as_number());
            readable = false;
            break;
        case TermKind::Int:
            if (stored.is_int()) return stored;
            readable = false;
            break;
        case TermKind::List:
        case TermKind::Map:
            readable = stored.is_string();
            break;
        default:
            return stored;
    }
    if (readable) {
        try {
            return value_from_json(json::parse(stored.as_string()), UnreadableJson::StorageError);
        } catch (const json::exception&) {
            // Reported below, like any other unreadable value.
        }
    }
    throw Exception(ErrorKind::Storage, "a stored term of kind " +
                                            std::to_string(static_cast<int>(kind)) +
                                            " has an unreadable value");
}

std::string term_key(TermKind kind, const Value& stored) {
    std::string key(1, static_cast<char>(static_cast<int>(kind)));
    if (stored.is_int()) {
        int64_t v = stored.as_int();
        key.append(reinterpret_cast<const char*>(&v), sizeof v);
    } else if (stored.is_float()) {
        // SQLite treats 0.0 and -0.0 as equal, so the key does too.
        double v = stored.as_float() == 0.0 ? 0.0 : stored.as_float();
        key.append(reinterpret_cast<const char*>(&v), sizeof v);
    } else if (stored.is_string()) {
        key += stored.as_string();
    }
    return key;
}

}  // namespace meninx::storage
