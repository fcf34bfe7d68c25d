// The function registry: every scalar function callable from Cypher, looked up by name, and
// the aggregate functions, created per group by the aggregation operator.
//
// The registry is a fixed table built on first use; lookups are thread-safe. Function ids are
// indices into that table and stay valid for the life of the process.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "expression/eval_context.h"
#include "meninx/value.h"

namespace meninx::function {

// A scalar function: receives its evaluated arguments (which it may consume) and returns the
// result; throws meninx::Exception (Type, Argument) when the arguments are not acceptable.
using ScalarFn = Value (*)(std::vector<Value>& args, expression::EvalContext& ctx);

struct FunctionDef {
    std::string name;  // canonical spelling, e.g. "toUpper"
    int min_args;
    int max_args;  // -1 means no upper bound (coalesce)
    ScalarFn fn;
};

// The id of the scalar function called `name` (case-insensitive), or -1 when there is none.
int find_function(std::string_view name);
// The definition behind an id returned by find_function.
const FunctionDef& function_at(int id);
// The lowercase names of all scalar and aggregate functions, sorted (for completion).
std::vector<std::string> function_names();

// True for count, sum, avg, min, max, collect, stDev, stDevP, percentileCont, percentileDisc
// (case-insensitive).
bool is_aggregate(std::string_view name);

// The running state of one aggregate over one group. add() is called once per input row with
// the aggregate's evaluated arguments (none for count(*)); result() may be called at any time.
class Aggregator {
  public:
    virtual ~Aggregator() = default;
    virtual void add(const std::vector<Value>& args) = 0;
    virtual Value result() const = 0;
};

// A fresh aggregator for `name` (an is_aggregate name); `distinct` skips values already seen;
// count(*) is make_aggregator("count", false, true). Throws Semantic for unknown names.
std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct,
                                            bool star = false);

}  // namespace meninx::function
