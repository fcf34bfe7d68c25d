// The binder: checks a parsed statement and resolves its names.
//
// It walks the clauses in order with a scope of visible variables, gives every variable (and every
// anonymous pattern element) a slot in the row, resolves functions, and rejects invalid queries
// with Semantic errors that name the offending thing and its position. The resolution is written
// into the AST's "bound:" fields; what does not fit there (how each projection aggregates) is in
// the BoundStatement. The BoundStatement owns the annotated AST.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ast/ast.h"

namespace meninx::binder {

// How a WITH or RETURN computes its items.
struct BoundProjection {
    // The slot that receives each item's value (parallel to Projection::items, after `*` has
    // been expanded into items).
    std::vector<int> item_slots;
    bool aggregating = false;
    // Items without aggregates are the grouping keys when aggregating.
    std::vector<bool> item_is_key;
    // Each aggregate call (a copy of the call as written) and the slot that holds its value;
    // inside the items the calls were replaced by reads of those slots.
    std::vector<std::pair<ast::ExprPtr, int>> aggregates;
};

struct BoundPart {
    int width = 0;  // number of row slots this part uses
    std::vector<int> output_slots;
    std::unordered_map<const ast::Clause*, BoundProjection> projections;
    bool has_return = false;
};

// A CALL { ... } subquery: its parts (more than one for a UNION), and the slots of the enclosing
// row that receive its columns.
struct BoundCall {
    std::vector<BoundPart> parts;
    std::vector<int> column_slots;
};

struct BoundStatement {
    ast::Statement statement;
    std::vector<BoundPart> parts;  // parallel to statement.query.parts
    // The EXISTS { MATCH ... } subqueries, by their expression; their slots lie in the row of
    // the part that contains them (see BoundPart::width).
    std::unordered_map<const ast::Expression*, BoundPart> subqueries;
    // The CALL { ... } subqueries, by their clause; also in the enclosing part's row.
    std::unordered_map<const ast::Clause*, BoundCall> call_subqueries;
    std::vector<std::string> columns;
    bool writes = false;
};

// Binds `statement` (taking ownership). Throws meninx::Exception (ErrorKind::Semantic) when the
// query is not valid.
std::unique_ptr<BoundStatement> bind(ast::Statement statement);

}  // namespace meninx::binder
