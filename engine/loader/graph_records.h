// Graph records: one node or edge row of an import file as a reader hands it to the importer,
// with its properties already typed (see PropertyTyper) but its categories and predicate still
// as written (see Vocabulary).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "meninx/value.h"

namespace meninx::loader {

struct GraphRecord {
    enum class Kind { Node, Edge };
    Kind kind = Kind::Node;
    int64_t line = 0;  // the first line of the row in its file
    // A node: its key (the `id` column) and categories.
    Value id;
    std::vector<std::string> categories;
    // An edge: the keys of its end nodes, its predicate and original_predicate.
    Value subject;
    Value object;
    std::string predicate;
    std::string original_predicate;
    Map properties;
    // An edge's evidence records (maps of evidence fields, see catalog/evidence.h).
    List evidence;
    // Set when the row is malformed: "rule: detail". The importer reports it and skips the row.
    std::string problem;
};

// Types property values for a database: by the model where it declares the property, otherwise
// by the value's shape (text cells) or as given (JSON). In a strict database a property the model
// does not declare, or a value that breaks its declaration, is a problem.
class PropertyTyper {
  public:
    // `catalog` may be null; it must outlive the typer.
    PropertyTyper(const catalog::Catalog* catalog, bool strict);

    // The value of a text cell for property `name` of `element`. `declared` is a type given by
    // a mapping file (used when the model does not declare the property); `list_column` makes an
    // undeclared property a list. On failure returns nullopt and sets `*problem`.
    std::optional<Value> from_text(const std::string& name, const std::string& text,
                                   catalog::Element element, char list_separator,
                                   std::optional<catalog::PropertyType> declared, bool list_column,
                                   std::string* problem) const;
    // A JSON value for property `name`: integers become floats for FLOAT properties.
    std::optional<Value> from_json(const std::string& name, Value value, catalog::Element element,
                                   std::string* problem) const;

  private:
    std::optional<Value> checked(const std::string& name, Value value, catalog::Element element,
                                 std::string* problem) const;

    const catalog::Catalog* catalog_;
    bool strict_;
};

}  // namespace meninx::loader
