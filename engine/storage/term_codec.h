// Term codec: how terms are written into the `term` table's value column and read back.
//
// Names (labels, relationship types, property keys) and strings are TEXT, integers INTEGER,
// floats REAL (NaN, which SQLite cannot hold as REAL, is the TEXT 'NaN'), booleans INTEGER 0/1,
// lists and maps canonical JSON TEXT (integers without a decimal point, floats always with one,
// map keys sorted). The kind column keeps 1, 1.0, '1' and true apart. Free functions, no state.
#pragma once

#include <string>

#include "meninx/store.h"

namespace meninx::storage {

// The literal term for a value: Bool/Int/Float/String/List/Map. Null, nodes, relationships and
// paths (also inside lists and maps) are a Type error.
Term literal_term(const Value& value);

// The value to store in term.value for `term` (null for nodes).
Value encode_term_value(const Term& term);

// The inverse of encode_term_value: the Value of a term of `kind` whose stored column is `stored`.
Value decode_term_value(TermKind kind, const Value& stored);

// A byte string that identifies a non-node term of `kind` by its stored value (as given by
// encode_term_value): equal keys exactly when the terms are equal.
std::string term_key(TermKind kind, const Value& stored);

// The openCypher name of a value type, for messages ("INTEGER", "NODE", ...). Storage keeps its
// own copy so that it depends on nothing above meninx_common.
const char* value_type_name(ValueType type);

// True for the kinds that are literals (Bool, Int, Float, String, List, Map).
bool is_literal_kind(TermKind kind);

}  // namespace meninx::storage
