// Internal to the function folder: the groups of built-in scalar functions, each defined in
// its own file and collected into the registry's table, and the helpers they share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "function/function_registry.h"

namespace meninx::function {

void add_graph_functions(std::vector<FunctionDef>& table);
void add_list_functions(std::vector<FunctionDef>& table);
void add_string_functions(std::vector<FunctionDef>& table);
void add_math_functions(std::vector<FunctionDef>& table);
void add_conversion_functions(std::vector<FunctionDef>& table);

// Throws a Type error "<fn>() expects <expected>, got <TYPE>".
[[noreturn]] void type_error(std::string_view fn, std::string_view expected, const Value& got);
// Throws an Argument error with `message`.
[[noreturn]] void argument_error(std::string message);

// The integer argument `v` of `fn`, or a Type error.
int64_t int_arg(std::string_view fn, const Value& v);
// The numeric argument `v` of `fn` as a double, or a Type error.
double number_arg(std::string_view fn, const Value& v);
// The string argument `v` of `fn`, or a Type error.
const std::string& string_arg(std::string_view fn, const Value& v);

}  // namespace meninx::function

namespace meninx::function {

// The UTF-8 characters (code points) of `s`, each as a view into `s`. Bytes that do not start
// a valid sequence count as one character each.
std::vector<std::string_view> utf8_characters(std::string_view s);

}  // namespace meninx::function
