// Cell values: how the text of one cell of a TSV or CSV file becomes a property value, for the
// seed reader and the importers. A property the model declares gets the model's type; a property
// of a database without a model (or one the model does not declare) is typed by the cell's shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "meninx/value.h"

namespace meninx::loader {

// The pieces of `text` between separators (an empty text gives one empty piece).
std::vector<std::string> split(const std::string& text, char separator);

// `text` without leading and trailing spaces and carriage returns.
std::string trim(const std::string& text);

// The value of a cell for a property of declared `type`; nullopt when the text does not spell
// one. A LIST<STRING> cell is split at `list_separator`, its items trimmed, empty items dropped.
std::optional<Value> typed_value(catalog::PropertyType type, const std::string& text,
                                 char list_separator);

// The value of a cell typed by its shape: a list of strings when `list_column` or when the text
// holds `list_separator`; otherwise true/false as booleans, integers (no leading zeros, within
// 64 bits) as integers, decimal numbers with a '.' or an exponent (and NaN, Infinity,
// -Infinity) as floats, anything else as the string itself.
Value inferred_value(const std::string& text, char list_separator, bool list_column);

// True for the columns KGX writes as lists whatever their number of items: Biolink's
// multi-valued slots provided_by, publications, xref, synonym, same_as, category and the
// knowledge-source lists.
bool is_kgx_list_column(std::string_view name);

}  // namespace meninx::loader
