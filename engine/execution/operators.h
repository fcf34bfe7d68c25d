// The physical operators. Each one is small and pulls rows from its children (see operator.h).
// Reading: Once, MatchOp, Filter, Unwind, Project, Aggregate, Distinct, Sort, Skip, Limit,
// Union, ProcedureCall. Writing (write_operators.cpp): Create, Merge, SetOp, RemoveOp, DeleteOp,
// Eager.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "ast/ast.h"
#include "common/value_ops.h"
#include "execution/operator.h"
#include "execution/pattern_matcher.h"
#include "execution/procedures.h"

namespace meninx::execution {

// Produces one row (all slots null), once.
class Once final : public Operator {
  public:
    Once(ExecContext& ctx, int width) : Operator(ctx), width_(width) {}
    std::string name() const override { return "Once"; }

  protected:
    bool next(Row& row) override;

  private:
    int width_;
    bool done_ = false;
};

// The leaf of a subquery's plan: one row, a copy of the enclosing query's row.
class Argument final : public Operator {
  public:
    Argument(ExecContext& ctx, Row row) : Operator(ctx), row_(std::move(row)) {}
    std::string name() const override { return "Argument"; }

  protected:
    bool next(Row& row) override;

  private:
    Row row_;
    bool done_ = false;
};

// CALL { ... }: for each input row, runs the subquery planned over that row and gives the row
// extended by each of the subquery's rows (`copies`: from a slot of the subquery's row to a slot
// of the row), or, for a subquery that returns nothing, the row itself once the subquery has run.
class Apply final : public Operator {
  public:
    using Factory = std::function<OperatorPtr(Row)>;
    Apply(ExecContext& ctx, OperatorPtr input, Factory factory,
          std::vector<std::pair<int, int>> copies);
    std::string name() const override { return "Apply"; }

  protected:
    bool next(Row& row) override;

  private:
    Factory factory_;
    std::vector<std::pair<int, int>> copies_;
    OperatorPtr inner_;
    Row outer_;
};

// MATCH and OPTIONAL MATCH: extends each input row by every match of the pattern.
class MatchOp final : public Operator {
  public:
    MatchOp(ExecContext& ctx, OperatorPtr input, PatternMatcher matcher, bool optional);
    std::string name() const override { return optional_ ? "OptionalMatch" : "Match"; }
    std::string detail() const override { return matcher_.describe(); }

  protected:
    bool next(Row& row) override;

  private:
    PatternMatcher matcher_;
    bool optional_;
    std::vector<Row> buffer_;
    size_t pos_ = 0;
};

class Filter final : public Operator {
  public:
    Filter(ExecContext& ctx, OperatorPtr input, const ast::Expression& predicate);
    std::string name() const override { return "Filter"; }
    std::string detail() const override { return predicate_.text; }

  protected:
    bool next(Row& row) override;

  private:
    const ast::Expression& predicate_;
};

class Unwind final : public Operator {
  public:
    Unwind(ExecContext& ctx, OperatorPtr input, const ast::Expression& list, int slot);
    std::string name() const override { return "Unwind"; }
    std::string detail() const override { return list_.text; }

  protected:
    bool next(Row& row) override;

  private:
    const ast::Expression& list_;
    int slot_;
    Row input_;
    List items_;
    size_t pos_ = 0;
};

// Computes expressions into slots (RETURN and WITH items).
class Project final : public Operator {
  public:
    struct Item {
        const ast::Expression* expression;
        int slot;
    };
    Project(ExecContext& ctx, OperatorPtr input, std::vector<Item> items);
    std::string name() const override { return "Project"; }
    std::string detail() const override;

  protected:
    bool next(Row& row) override;

  private:
    std::vector<Item> items_;
};

// Hash aggregation: groups rows by the key expressions and computes the aggregates per group.
// Emits, per group, the group's first row with key and aggregate slots filled in.
class Aggregate final : public Operator {
  public:
    struct Key {
        const ast::Expression* expression;
        int slot;
    };
    struct Agg {
        const ast::Expression* call;  // FunctionCall or CountStar
        int slot;
    };
    Aggregate(ExecContext& ctx, OperatorPtr input, std::vector<Key> keys, std::vector<Agg> aggs,
              int width);
    std::string name() const override { return "Aggregate"; }
    std::string detail() const override;

  protected:
    bool next(Row& row) override;

  private:
    void consume();
    std::vector<Key> keys_;
    std::vector<Agg> aggs_;
    int width_;
    bool consumed_ = false;
    std::vector<Row> groups_;
    size_t pos_ = 0;
};

// Drops rows whose values in `slots` were seen before.
class Distinct final : public Operator {
  public:
    Distinct(ExecContext& ctx, OperatorPtr input, std::vector<int> slots);
    std::string name() const override { return "Distinct"; }

  protected:
    bool next(Row& row) override;

  private:
    std::vector<int> slots_;
    std::unordered_set<std::vector<Value>, value_ops::ValueHash, value_ops::ValueEq> seen_;
};

class Sort final : public Operator {
  public:
    struct Key {
        const ast::Expression* expression;
        bool descending;
    };
    Sort(ExecContext& ctx, OperatorPtr input, std::vector<Key> keys);
    std::string name() const override { return "Sort"; }
    std::string detail() const override;

  protected:
    bool next(Row& row) override;

  private:
    std::vector<Key> keys_;
    bool sorted_ = false;
    std::vector<Row> rows_;
    size_t pos_ = 0;
};

class Skip final : public Operator {
  public:
    Skip(ExecContext& ctx, OperatorPtr input, const ast::Expression& count);
    std::string name() const override { return "Skip"; }
    std::string detail() const override { return count_.text; }

  protected:
    bool next(Row& row) override;

  private:
    const ast::Expression& count_;
    std::optional<int64_t> remaining_;
};

class Limit final : public Operator {
  public:
    // With `drain_input`, the input is still pulled to its end once the limit is reached: it
    // carries writes, whose side effects a LIMIT must not cut short.
    Limit(ExecContext& ctx, OperatorPtr input, const ast::Expression& count, bool drain_input);
    std::string name() const override { return "Limit"; }
    std::string detail() const override { return count_.text; }

  protected:
    bool next(Row& row) override;

  private:
    const ast::Expression& count_;
    std::optional<int64_t> remaining_;
    bool drain_input_;
};

// Evaluates SKIP / LIMIT counts: a non-negative integer.
int64_t evaluate_count(ExecContext& ctx, const ast::Expression& e, const char* clause);

// Runs each part in turn and emits rows of the output columns only; without ALL, drops
// duplicate rows.
class Union final : public Operator {
  public:
    Union(ExecContext& ctx, std::vector<OperatorPtr> parts, std::vector<std::vector<int>> slots,
          bool all, std::vector<int> widths);
    std::string name() const override { return all_ ? "UnionAll" : "Union"; }

  protected:
    bool next(Row& row) override;

  private:
    std::vector<std::vector<int>> slots_;
    bool all_;
    std::vector<int> widths_;
    size_t current_ = 0;
    Row scratch_;
    std::unordered_set<std::vector<Value>, value_ops::ValueHash, value_ops::ValueEq> seen_;
};

// Materialises its input before emitting it, so that writes later in the plan never affect the
// reads earlier in it.
class Eager final : public Operator {
  public:
    Eager(ExecContext& ctx, OperatorPtr input);
    std::string name() const override { return "Eager"; }

  protected:
    bool next(Row& row) override;

  private:
    bool filled_ = false;
    std::vector<Row> rows_;
    size_t pos_ = 0;
};

// CALL of a built-in procedure; see procedures.cpp for the list.
class ProcedureCall final : public Operator {
  public:
    ProcedureCall(ExecContext& ctx, OperatorPtr input, const ast::Clause& clause);
    std::string name() const override { return "ProcedureCall"; }
    std::string detail() const override { return clause_.procedure; }

  protected:
    bool next(Row& row) override;

  private:
    const ast::Clause& clause_;
    Row input_;
    std::vector<std::vector<Value>> results_;
    std::vector<int> field_index_;  // for each YIELD item, the procedure column it takes
    size_t pos_ = 0;
};

}  // namespace meninx::execution
