// Vocabulary: how the categories and predicates of KGX files (Biolink CURIEs such as
// `biolink:Drug` and `biolink:treats`) become the labels and relationship types of a database,
// and back. See docs/import-export.md for the rules.
//
// Reading, with a model: a model name is taken as it is (`Drug`, `TREATS`); `biolink:X` and
// `MENINX:X` name the model's category X or predicate upper(X); otherwise a Biolink CURIE that
// exactly one category or predicate of the model maps to names it; `biolink:NamedThing` (the
// root every category falls under) is dropped. Anything else is an error in a strict database.
// Without a model (or when a permissive database's model does not know the name): `biolink:Foo`
// and `MENINX:Foo` become the label `Foo`, `biolink:foo_bar` and `MENINX:FOO_BAR` the type
// `FOO_BAR`; other values are taken as they are. An edge's `original_predicate` of the form
// `MENINX:TYPE` names its type exactly (it is how Meninx writes types the Biolink predicate
// alone does not identify).
//
// Writing: a label whose model category maps to `biolink:<label>` (or, outside a model, a label
// shaped like a Biolink class name) is written `biolink:<label>`, any other `MENINX:<label>`. A
// type is written as its model predicate's Biolink CURIE (outside a model: `biolink:<lower
// case>` for UPPER_SNAKE names, else `biolink:related_to`), with `original_predicate`
// `MENINX:<type>` when that CURIE does not name the type back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace meninx::loader {

// The local namespace prefix of Meninx's own names and identifiers.
inline constexpr std::string_view kLocalPrefix = "MENINX";

// An edge's predicate as written to a KGX file.
struct WrittenPredicate {
    std::string predicate;           // a Biolink CURIE
    std::string original_predicate;  // "MENINX:<type>", or empty when not needed
};

class Vocabulary {
  public:
    // `catalog` may be null (a database without a model); it must outlive the Vocabulary.
    // `strict`: names the model does not know are errors rather than taken as given.
    Vocabulary(const catalog::Catalog* catalog, bool strict);

    // The label a category value names, or nullopt with `*problem` set (strict: unknown or
    // ambiguous), or nullopt with an empty `*problem` when the value is to be skipped
    // (`biolink:NamedThing` under a model, an empty value).
    std::optional<std::string> label(std::string_view category, std::string* problem) const;
    // The labels a node with `label` carries: the label and its model ancestors.
    std::vector<std::string> with_ancestors(const std::string& label) const;
    // The relationship type a predicate (and optional original_predicate) names, or nullopt
    // with `*problem` set.
    std::optional<std::string> type(std::string_view predicate, std::string_view original,
                                    std::string* problem) const;

    // A node's KGX categories for its labels, most specific first.
    std::vector<std::string> categories(const std::vector<std::string>& labels) const;
    WrittenPredicate predicate(const std::string& type) const;
    // The model's Biolink CURIE for a label or type, or empty when the model has none.
    std::string biolink_class(const std::string& label) const;
    std::string biolink_predicate(const std::string& type) const;

  private:
    const catalog::Catalog* catalog_;
    bool strict_;
};

}  // namespace meninx::loader
