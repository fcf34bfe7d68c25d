// Operator: one step of a physical plan, pulled row by row (the Volcano model).
//
// A plan is a tree of operators, each owning its children. next() fills the caller's row (which
// has one slot per bound variable) and returns false when the operator is exhausted. Operators
// read the row slots their children wrote and write their own; a row passed down is reused.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "execution/exec_context.h"

namespace meninx::execution {

class Operator {
  public:
    virtual ~Operator() = default;

    // Produces the next row; counts rows and, when profiling, time.
    bool pull(Row& row) {
        if (!ctx_.profiling) {
            bool ok = next(row);
            if (ok) ++rows_;
            return ok;
        }
        auto start = std::chrono::steady_clock::now();
        bool ok = next(row);
        time_ += std::chrono::steady_clock::now() - start;
        if (ok) ++rows_;
        return ok;
    }

    // The operator's name and arguments, for EXPLAIN and PROFILE.
    virtual std::string name() const = 0;
    virtual std::string detail() const { return {}; }

    const std::vector<std::unique_ptr<Operator>>& children() const { return children_; }
    uint64_t rows() const { return rows_; }
    // Time spent in this operator and its children.
    std::chrono::nanoseconds time() const { return time_; }

  protected:
    explicit Operator(ExecContext& ctx) : ctx_(ctx) {}
    virtual bool next(Row& row) = 0;
    Operator* child(size_t i = 0) { return children_[i].get(); }

    ExecContext& ctx_;
    std::vector<std::unique_ptr<Operator>> children_;

  private:
    uint64_t rows_ = 0;
    std::chrono::nanoseconds time_{0};
};

using OperatorPtr = std::unique_ptr<Operator>;

}  // namespace meninx::execution
