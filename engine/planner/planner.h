// The planner: turns a bound statement into a tree of physical operators.
//
// Each clause becomes one or a few operators stacked on the previous clause's: MATCH a pattern
// search, WITH/RETURN projection (aggregation, DISTINCT, ORDER BY, SKIP, LIMIT), updating
// clauses an eager materialisation followed by the write. The plan borrows the bound statement,
// which must outlive it.
#pragma once

#include <string>
#include <vector>

#include "binder/binder.h"
#include "execution/operator.h"

namespace meninx::planner {

struct PhysicalPlan {
    execution::OperatorPtr root;
    // Where the root's rows hold each result column.
    std::vector<int> output_slots;
};

PhysicalPlan plan(const binder::BoundStatement& statement, execution::ExecContext& ctx);

// The operator tree as indented text; with `profile`, rows and time per operator.
std::string describe(const execution::Operator& root, bool profile);

}  // namespace meninx::planner
