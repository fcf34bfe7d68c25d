// PatternMatcher: finds the matches of a MATCH pattern (or of a pattern predicate) that extend a
// row, by depth-first search over index seeks.
//
// openCypher semantics: within one pattern a relationship is traversed at most once; a variable
// that appears twice denotes the same node; an undirected relationship matches in both
// directions; variable-length relationships bind lists; named paths bind Path values;
// shortestPath/allShortestPaths search breadth-first. The matcher borrows the pattern (owned by the
// plan's AST) and the execution context.
#pragma once

#include <functional>
#include <vector>

#include "ast/ast.h"
#include "execution/exec_context.h"

namespace meninx::execution {

class PatternMatcher {
  public:
    // `parts` are the comma-separated parts of one pattern, all bound with the same
    // first_new_slot; `where` (may be null) is checked on each complete match.
    PatternMatcher(ExecContext& ctx, std::vector<const ast::PatternPart*> parts,
                   const ast::Expression* where);
    ~PatternMatcher();
    PatternMatcher(PatternMatcher&&) noexcept;

    // Calls `emit` with `row` extended by each match; stops early when emit returns false.
    // Returns false when stopped early.
    bool match(Row& row, const std::function<bool(Row&)>& emit);

    // The slots this pattern binds (set to null by OPTIONAL MATCH when nothing matches).
    const std::vector<int>& new_slots() const { return new_slots_; }

    // A one-line description of the search order, for EXPLAIN.
    std::string describe() const;

  private:
    struct Step;
    struct PartPlan;
    struct Search;

    ExecContext& ctx_;
    std::vector<PartPlan> plans_;
    const ast::Expression* where_;
    std::vector<int> new_slots_;
    int first_new_slot_ = 0;
};

}  // namespace meninx::execution
