// json_value: graph values from JSON documents, for the rows of JSON input files and for the
// lists and maps the store keeps as JSON text.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "meninx/value.h"

namespace meninx {

// What value_from_json does with a JSON value that has no graph counterpart (binary data, or a
// value discarded by a parser callback).
enum class UnreadableJson {
    AsNull,        // the value becomes null and the rest of the document is still read
    StorageError,  // the conversion throws Exception(ErrorKind::Storage, ...)
};

// A JSON value as a graph value: null, booleans and strings as themselves, integers as integers
// (unsigned ones above INT64_MAX as floats), other numbers as floats, arrays as lists and objects
// as maps, converted item by item.
Value value_from_json(const nlohmann::json& j, UnreadableJson unreadable = UnreadableJson::AsNull);

}  // namespace meninx
