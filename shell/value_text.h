// How the shell spells values: readable text for tables and CSV, typed JSON for json/jsonl.
//
// Text follows Cypher literal syntax with double-quoted strings, so that nodes, relationships and
// paths read like the patterns that would match them: (:Drug {name: "osimertinib"}).
#pragma once

#include <string>
#include <vector>

#include "meninx/value.h"

namespace meninx::shell {

// Text of a value. At top level a string is shown bare and null as "NULL"; inside lists, maps
// and graph elements strings are quoted and null is "null".
std::string value_text(const Value& value, bool top_level = true);

// The value as one JSON text: numbers as numbers, NaN and infinities as null, nodes as
// {"id", "labels", "properties"}, relationships as {"id", "type", "start", "end", "properties"},
// paths as {"nodes", "relationships"}.
std::string value_json(const Value& value);

// A JSON object {"column": value, ...} for one result row (columns in their result order).
std::string row_json(const std::vector<std::string>& columns, const std::vector<Value>& row);

// Parses a JSON text into a Value (objects become maps); returns false when `text` is not JSON.
bool parse_json_value(const std::string& text, Value* out);

}  // namespace meninx::shell
