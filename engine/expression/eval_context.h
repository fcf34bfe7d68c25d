// EvalContext: what evaluating an expression needs from the running query: parameters and
// access to the graph for property lookups, labels and pattern predicates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "meninx/value.h"

namespace meninx::expression {

// A row of the query: one Value per bound variable slot.
using Row = std::vector<Value>;

class EvalContext {
  public:
    virtual ~EvalContext() = default;

    virtual const Map& parameters() const = 0;
    // The value of property `key` of a node or relationship; null when it has none.
    virtual Value node_property(int64_t node, std::string_view key) = 0;
    virtual Value relationship_property(int64_t relationship, std::string_view key) = 0;
    virtual std::vector<std::string> node_labels(int64_t node) = 0;
    virtual Map node_properties(int64_t node) = 0;
    virtual Map relationship_properties(int64_t relationship) = 0;
    // The evidence records of a relationship, as maps (see catalog/evidence.h); none by default.
    virtual List relationship_evidence(int64_t relationship) {
        (void)relationship;
        return {};
    }
    // The node or relationship with its labels/type and properties filled in (see value.h).
    virtual Value hydrate(const Value& value) = 0;
    // True when `pattern` has at least one match, with the pattern's already-bound variables
    // taken from `row`, for which `where` (when given) holds (PatternPredicate, Exists).
    virtual bool pattern_exists(const ast::PatternPart& pattern, const Row& row,
                                const ast::Expression* where) = 0;
    // The number of rows of the subquery of an Exists or CountSubquery expression, run with the
    // variables of `row`, counting no further than `limit` (-1: all).
    virtual int64_t subquery_rows(const ast::Expression& expression, const Row& row,
                                  int64_t limit) = 0;
    // The number of matches of `pattern` for `row` for which `where` (when given) holds.
    virtual int64_t pattern_count(const ast::PatternPart& pattern, const Row& row,
                                  const ast::Expression* where) = 0;
    // The list of paths or projected values of a PatternComprehension.
    virtual List pattern_comprehension(const ast::Expression& expression, const Row& row) = 0;
    // Throws ErrorKind::Interrupted / ErrorKind::Limit when the query must stop. Long loops in
    // functions call it now and then.
    virtual void check_interrupt() = 0;
};

}  // namespace meninx::expression
