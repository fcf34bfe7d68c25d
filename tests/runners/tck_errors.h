// How TCK error expectations map onto Meninx error kinds (the table in docs/testing.md).
#pragma once

#include <string>

#include "meninx/error.h"

namespace meninx::testing {

// Whether a Meninx error kind is an acceptable answer to a TCK error type ("SyntaxError", ...)
// with its detail code ("UndefinedVariable", ...) raised at `phase` ("compile time", "runtime"
// or "any time").
bool tck_error_compatible(const std::string& tck_type, const std::string& detail,
                          const std::string& phase, ErrorKind kind);

}  // namespace meninx::testing
