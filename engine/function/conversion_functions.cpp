// Type conversions: toString, toInteger, toFloat, toBoolean, their *OrNull forms, which
// return null where the plain form raises a Type error, and their *List forms, which convert
// each element of a list as the *OrNull form does.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "function/builtin_functions.h"

namespace meninx::function {

namespace {

using expression::EvalContext;

// Parses all of `s` as a double; false when `s` is not a decimal number.
bool parse_double(const std::string& s, double& out) {
    if (s.empty() || s.find_first_of("xX") != std::string::npos) return false;
    const char* begin = s.c_str();
    char* end = nullptr;
    out = std::strtod(begin, &end);
    return end == begin + s.size();
}

// The integer part of a finite double that fits an int64_t; false otherwise.
bool truncate_double(double d, int64_t& out) {
    if (!std::isfinite(d)) return false;
    double t = std::trunc(d);
    if (t < -9223372036854775808.0 || t >= 9223372036854775808.0) return false;
    out = static_cast<int64_t>(t);
    return true;
}

// The result of a conversion; `ok` is false when the argument's type cannot be converted at
// all, which the plain form raises as a Type error and the *OrNull form turns into null.
struct Converted {
    Value value;
    bool ok = true;
};

Converted to_string(const Value& v) {
    switch (v.type()) {
        case ValueType::Null:
            return {Value()};
        case ValueType::String:
            return {v};
        case ValueType::Int:
            return {std::to_string(v.as_int())};
        case ValueType::Float:
            return {v.to_cypher()};
        case ValueType::Bool:
            return {v.as_bool() ? "true" : "false"};
        default:
            return {Value(), false};
    }
}

Converted to_integer(const Value& v) {
    switch (v.type()) {
        case ValueType::Null:
        case ValueType::Int:
            return {v};
        case ValueType::Bool:
            return {static_cast<int64_t>(v.as_bool() ? 1 : 0)};
        case ValueType::Float: {
            int64_t i = 0;
            return {truncate_double(v.as_float(), i) ? Value(i) : Value()};
        }
        case ValueType::String: {
            const std::string& s = v.as_string();
            int64_t i = 0;
            auto res = std::from_chars(s.data(), s.data() + s.size(), i);
            if (res.ec == std::errc() && res.ptr == s.data() + s.size() && !s.empty()) return {i};
            double d = 0;
            if (parse_double(s, d) && truncate_double(d, i)) return {i};
            return {Value()};
        }
        default:
            return {Value(), false};
    }
}

Converted to_float(const Value& v) {
    switch (v.type()) {
        case ValueType::Null:
        case ValueType::Float:
            return {v};
        case ValueType::Int:
            return {static_cast<double>(v.as_int())};
        case ValueType::String: {
            double d = 0;
            return {parse_double(v.as_string(), d) ? Value(d) : Value()};
        }
        default:
            return {Value(), false};
    }
}

bool equals_ignoring_case(const std::string& s, std::string_view word) {
    if (s.size() != word.size()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
    }
    return true;
}

Converted to_boolean(const Value& v) {
    switch (v.type()) {
        case ValueType::Null:
        case ValueType::Bool:
            return {v};
        case ValueType::Int:
            return {v.as_int() != 0};
        case ValueType::String: {
            if (equals_ignoring_case(v.as_string(), "true")) return {true};
            if (equals_ignoring_case(v.as_string(), "false")) return {false};
            return {Value()};
        }
        default:
            return {Value(), false};
    }
}

Value strict(Converted c, const char* fn, const char* accepted, const Value& arg) {
    if (!c.ok) type_error(fn, accepted, arg);
    return std::move(c.value);
}

Value lenient(Converted c) { return c.ok ? std::move(c.value) : Value(); }

constexpr const char* kScalar = "a STRING, a number or a BOOLEAN";

Value fn_to_string(std::vector<Value>& args, EvalContext&) {
    return strict(to_string(args[0]), "toString", kScalar, args[0]);
}
Value fn_to_integer(std::vector<Value>& args, EvalContext&) {
    return strict(to_integer(args[0]), "toInteger", kScalar, args[0]);
}
Value fn_to_float(std::vector<Value>& args, EvalContext&) {
    return strict(to_float(args[0]), "toFloat", "a STRING or a number", args[0]);
}
Value fn_to_boolean(std::vector<Value>& args, EvalContext&) {
    return strict(to_boolean(args[0]), "toBoolean", "a STRING, an INTEGER or a BOOLEAN", args[0]);
}
Value fn_to_string_or_null(std::vector<Value>& args, EvalContext&) {
    return lenient(to_string(args[0]));
}
Value fn_to_integer_or_null(std::vector<Value>& args, EvalContext&) {
    return lenient(to_integer(args[0]));
}
Value fn_to_float_or_null(std::vector<Value>& args, EvalContext&) {
    return lenient(to_float(args[0]));
}
Value fn_to_boolean_or_null(std::vector<Value>& args, EvalContext&) {
    return lenient(to_boolean(args[0]));
}

// toXList(list): each element converted as by toXOrNull; null for a null list.
Value convert_list(const Value& v, const char* fn, Converted (*convert)(const Value&)) {
    if (v.is_null()) return Value();
    if (!v.is_list()) type_error(fn, "a LIST", v);
    List out;
    out.reserve(v.as_list().size());
    for (const Value& element : v.as_list()) out.push_back(lenient(convert(element)));
    return out;
}

Value fn_to_string_list(std::vector<Value>& args, EvalContext&) {
    return convert_list(args[0], "toStringList", to_string);
}
Value fn_to_integer_list(std::vector<Value>& args, EvalContext&) {
    return convert_list(args[0], "toIntegerList", to_integer);
}
Value fn_to_float_list(std::vector<Value>& args, EvalContext&) {
    return convert_list(args[0], "toFloatList", to_float);
}
Value fn_to_boolean_list(std::vector<Value>& args, EvalContext&) {
    return convert_list(args[0], "toBooleanList", to_boolean);
}

}  // namespace

void add_conversion_functions(std::vector<FunctionDef>& table) {
    table.push_back({"toString", 1, 1, fn_to_string});
    table.push_back({"toInteger", 1, 1, fn_to_integer});
    table.push_back({"toFloat", 1, 1, fn_to_float});
    table.push_back({"toBoolean", 1, 1, fn_to_boolean});
    table.push_back({"toStringOrNull", 1, 1, fn_to_string_or_null});
    table.push_back({"toIntegerOrNull", 1, 1, fn_to_integer_or_null});
    table.push_back({"toFloatOrNull", 1, 1, fn_to_float_or_null});
    table.push_back({"toBooleanOrNull", 1, 1, fn_to_boolean_or_null});
    table.push_back({"toStringList", 1, 1, fn_to_string_list});
    table.push_back({"toIntegerList", 1, 1, fn_to_integer_list});
    table.push_back({"toFloatList", 1, 1, fn_to_float_list});
    table.push_back({"toBooleanList", 1, 1, fn_to_boolean_list});
}

}  // namespace meninx::function
