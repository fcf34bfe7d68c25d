// ExecContext: the state of one running statement: the graph, parameters, limits, counters.
//
// It implements the expression evaluator's EvalContext on top of GraphAccess. One is created per
// statement execution and owned by the caller of the plan; operators borrow it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "execution/graph_access.h"
#include "expression/eval_context.h"
#include "meninx/database.h"

namespace meninx::catalog {
class Catalog;
}

namespace meninx::execution {

using expression::Row;
class PatternMatcher;

class ExecContext : public expression::EvalContext {
  public:
    ExecContext(GraphAccess& graph, const Map& parameters, const QueryOptions& options,
                const std::atomic<bool>& cancelled);
    ~ExecContext() override;

    GraphAccess& graph() { return graph_; }
    const QueryOptions& options() const { return options_; }
    QueryStats& stats() { return stats_; }
    bool profiling = false;
    // The database's domain model, or nullptr when it has none.
    const catalog::Catalog* catalog = nullptr;
    // Who runs the statement (recorded as the curator of evidence it adds).
    std::string user;

    // EvalContext
    const Map& parameters() const override { return parameters_; }
    Value node_property(int64_t node, std::string_view key) override;
    Value relationship_property(int64_t relationship, std::string_view key) override;
    std::vector<std::string> node_labels(int64_t node) override;
    Map node_properties(int64_t node) override;
    Map relationship_properties(int64_t relationship) override;
    List relationship_evidence(int64_t relationship) override;
    Value hydrate(const Value& value) override;
    bool pattern_exists(const ast::PatternPart& pattern, const Row& row,
                        const ast::Expression* where) override;
    List pattern_comprehension(const ast::Expression& expression, const Row& row) override;
    int64_t subquery_rows(const ast::Expression& expression, const Row& row,
                          int64_t limit) override;
    int64_t pattern_count(const ast::PatternPart& pattern, const Row& row,
                          const ast::Expression* where) override;
    void check_interrupt() override;

    // How subquery_rows runs a subquery (installed by the planner, which knows its plan).
    using SubqueryRunner = std::function<int64_t(const ast::Expression&, const Row&, int64_t)>;
    void set_subquery_runner(SubqueryRunner runner) { subquery_runner_ = std::move(runner); }

  private:
    // The matcher of a pattern predicate or comprehension, planned once per statement.
    PatternMatcher& matcher_for(const ast::PatternPart& pattern, const ast::Expression* where);

    GraphAccess& graph_;
    const Map& parameters_;
    QueryOptions options_;
    const std::atomic<bool>& cancelled_;
    std::chrono::steady_clock::time_point deadline_;
    bool has_deadline_ = false;
    uint32_t ticks_ = 0;
    QueryStats stats_;
    std::unordered_map<const ast::PatternPart*, std::unique_ptr<PatternMatcher>> matchers_;
    SubqueryRunner subquery_runner_;
};

}  // namespace meninx::execution
