// Text renderings of query values for the test runners.
//
// Two renderings share one set of rules: the row rendering used by `.test` files (top-level
// strings raw, everything else as a Cypher literal) and a canonical rendering used by the TCK
// runner to compare values (node labels sorted, ids ignored, optionally lists as multisets).
// All functions are pure; nothing here owns state.
#pragma once

#include <string>
#include <vector>

#include "meninx/value.h"

namespace meninx::testing {

// Shortest round-trip text of a double (std::to_chars), with ".0" appended when that text has
// neither a '.' nor an exponent: 12.0, 80.3, 1e+20, 1.5e-07. NaN, Infinity and -Infinity spelled
// out.
std::string render_float(double value);

// A Cypher-literal rendering: strings single-quoted with \' and \\ escaped, lists [a, b], maps
// {k: v} in key order, nodes (:A:B {k: v}) with labels sorted, relationships [:T {k: v}], paths
// <(a)-[r]->(b)> with each relationship's direction taken from its start node id.
// When `unordered_lists` is set, list elements are rendered sorted, so lists compare as multisets.
std::string render_literal(const Value& value, bool unordered_lists = false);

// One result cell as written in `.test` files: a top-level string raw, anything else as
// render_literal().
std::string render_cell(const Value& value);

// One result row as written in `.test` files: cells joined by TAB.
std::string render_row(const std::vector<Value>& row);

}  // namespace meninx::testing
