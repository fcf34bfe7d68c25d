#include "function/function_registry.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "function/builtin_functions.h"
#include "meninx/error.h"

namespace meninx::function {

namespace {

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const char* const kAggregateNames[] = {
    "count",          "sum",           "avg", "min", "max", "collect", "stdev", "stdevp",
    "percentilecont", "percentiledisc"};

// The table of scalar functions and its index by lowercase name, built once.
struct Registry {
    std::vector<FunctionDef> table;
    std::unordered_map<std::string, int> by_name;

    Registry() {
        add_graph_functions(table);
        add_list_functions(table);
        add_string_functions(table);
        add_math_functions(table);
        add_conversion_functions(table);
        for (size_t i = 0; i < table.size(); ++i) {
            by_name.emplace(lowercase(table[i].name), static_cast<int>(i));
        }
    }
};

const Registry& registry() {
    static const Registry instance;
    return instance;
}

}  // namespace

int find_function(std::string_view name) {
    const Registry& r = registry();
    auto it = r.by_name.find(lowercase(name));
    return it == r.by_name.end() ? -1 : it->second;
}

const FunctionDef& function_at(int id) {
    const Registry& r = registry();
    if (id < 0 || static_cast<size_t>(id) >= r.table.size()) {
        throw Exception(ErrorKind::Internal, "no function with id " + std::to_string(id));
    }
    return r.table[static_cast<size_t>(id)];
}

std::vector<std::string> function_names() {
    std::vector<std::string> names;
    for (const auto& [name, id] : registry().by_name) names.push_back(name);
    for (const char* name : kAggregateNames) names.emplace_back(name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

bool is_aggregate(std::string_view name) {
    // Called for every evaluated function call: compare in place, without building a string.
    auto same = [](std::string_view a, std::string_view lower) {
        if (a.size() != lower.size()) return false;
        for (size_t i = 0; i < a.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(a[i])) != lower[i]) return false;
        }
        return true;
    };
    for (const char* aggregate : kAggregateNames) {
        if (same(name, aggregate)) return true;
    }
    return false;
}

[[noreturn]] void type_error(std::string_view fn, std::string_view expected, const Value& got) {
    throw Exception(ErrorKind::Type, std::string(fn) + "() expects " + std::string(expected) +
                                         ", got " + std::string(type_name(got.type())));
}

[[noreturn]] void argument_error(std::string message) {
    throw Exception(ErrorKind::Argument, std::move(message));
}

int64_t int_arg(std::string_view fn, const Value& v) {
    if (!v.is_int()) type_error(fn, "an INTEGER", v);
    return v.as_int();
}

double number_arg(std::string_view fn, const Value& v) {
    if (!v.is_number()) type_error(fn, "a number", v);
    return v.as_number();
}

const std::string& string_arg(std::string_view fn, const Value& v) {
    if (!v.is_string()) type_error(fn, "a STRING", v);
    return v.as_string();
}

}  // namespace meninx::function
