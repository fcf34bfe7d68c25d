// The catalog of built-in procedures (CALL db.labels() ...), as the binder needs it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meninx::execution {

// The names of a procedure's output columns, or nullopt when there is no such procedure.
std::optional<std::vector<std::string>> procedure_columns(std::string_view name);
// Every procedure's name, for completion and documentation.
std::vector<std::string> procedure_names();

}  // namespace meninx::execution
