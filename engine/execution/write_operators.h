// The updating operators: CREATE, MERGE, SET, REMOVE, DELETE. Each applies its clause to every
// input row (its input is materialised first, see Eager) and passes the row on, counting what it
// changed in the context's QueryStats.
#pragma once

#include <vector>

#include "ast/ast.h"
#include "execution/operator.h"
#include "execution/pattern_matcher.h"

namespace meninx::execution {

class CreateOp final : public Operator {
  public:
    CreateOp(ExecContext& ctx, OperatorPtr input, const ast::Pattern& pattern);
    std::string name() const override { return "Create"; }

  protected:
    bool next(Row& row) override;

  private:
    const ast::Pattern& pattern_;
};

class MergeOp final : public Operator {
  public:
    MergeOp(ExecContext& ctx, OperatorPtr input, const ast::Clause& clause);
    std::string name() const override { return "Merge"; }
    std::string detail() const override { return matcher_.describe(); }

  protected:
    bool next(Row& row) override;

  private:
    const ast::Clause& clause_;
    PatternMatcher matcher_;
    std::vector<Row> buffer_;
    size_t pos_ = 0;
};

class SetOp final : public Operator {
  public:
    SetOp(ExecContext& ctx, OperatorPtr input, const std::vector<ast::SetItem>& items);
    std::string name() const override { return "Set"; }

  protected:
    bool next(Row& row) override;

  private:
    const std::vector<ast::SetItem>& items_;
};

class RemoveOp final : public Operator {
  public:
    RemoveOp(ExecContext& ctx, OperatorPtr input, const std::vector<ast::RemoveItem>& items);
    std::string name() const override { return "Remove"; }

  protected:
    bool next(Row& row) override;

  private:
    const std::vector<ast::RemoveItem>& items_;
};

class DeleteOp final : public Operator {
  public:
    DeleteOp(ExecContext& ctx, OperatorPtr input, const ast::Clause& clause);
    std::string name() const override { return clause_.detach ? "DetachDelete" : "Delete"; }

  protected:
    bool next(Row& row) override;

  private:
    const ast::Clause& clause_;
};

// Applies SET items to one row (shared by SET and MERGE's ON CREATE / ON MATCH).
void apply_set_items(ExecContext& ctx, const std::vector<ast::SetItem>& items, Row& row);

// Creates the elements of `part` that `row` does not bind yet, binding them in `row`.
void create_part(ExecContext& ctx, const ast::PatternPart& part, Row& row,
                 std::vector<char>& bound);

}  // namespace meninx::execution
