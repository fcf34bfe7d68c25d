// The abstract syntax tree of a Cypher statement: plain structs, no parser types.
//
// The parser builds it from the ANTLR parse tree; the binder checks it and fills in the
// resolution fields of expressions (marked "bound:"), which the planner and the executor read.
// A tree is owned by its Statement; subtrees are shared pointers so that the binder and planner
// may reuse an expression in several places.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "meninx/value.h"

namespace meninx::ast {

// 1-based line and column of the first character of a construct in the query text.
struct SourcePos {
    int line = 0;
    int column = 0;
};

struct Expression;
using ExprPtr = std::shared_ptr<Expression>;
struct PatternPart;
struct SingleQuery;
struct Query;

enum class ExprKind {
    Literal,            // value
    Parameter,          // name ($name)
    Variable,           // name
    Property,           // children[0].name  (name is the key)
    List,               // [children...]
    Map,                // {keys[i]: children[i]}
    FunctionCall,       // name(children...), distinct for aggregates: count(DISTINCT x)
    CountStar,          // count(*)
    Unary,              // op children[0]: Not, Negate, Plus
    Binary,             // children[0] op children[1]
    IsNull,             // children[0] IS NULL
    IsNotNull,          // children[0] IS NOT NULL
    HasLabels,          // children[0]:labels[0]:labels[1]...
    Subscript,          // children[0][children[1]]
    Slice,              // children[0][children[1]..children[2]]; absent bounds are null pointers
    Case,               // CASE [children[0]] WHEN w THEN t ... [ELSE e] END (see case_* fields)
    ListComprehension,  // [name IN children[0] WHERE children[1] | children[2]] (null when absent)
    Quantifier,         // all/any/none/single(name IN children[0] WHERE children[1])
    Reduce,             // reduce(keys[0] = children[0], name IN children[1] | children[2])
    PatternPredicate,   // a relationship pattern used as a boolean: (a)-[:X]->()
    PatternComprehension,  // [path = pattern WHERE children[0] | children[1]]
    Exists,                // exists(children[0]) on a property, or EXISTS { pattern }
    CountSubquery,         // COUNT { pattern [WHERE children[0]] } or COUNT { subquery }
};

enum class Op {
    // boolean
    And,
    Or,
    Xor,
    Not,
    // comparison
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    // arithmetic
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Negate,
    Plus,
    // string and list
    StartsWith,
    EndsWith,
    Contains,
    RegexMatch,
    In,
};

enum class QuantifierKind { All, Any, None, Single };

struct Expression {
    ExprKind kind = ExprKind::Literal;
    SourcePos pos;
    Op op = Op::And;
    QuantifierKind quantifier = QuantifierKind::All;
    Value value;                      // Literal
    std::string name;                 // Parameter, Variable, Property key, FunctionCall name
                                      // (as written), comprehension/quantifier/reduce variable
    std::vector<std::string> keys;    // Map keys (parallel to children)
    std::vector<std::string> labels;  // HasLabels
    bool distinct = false;            // FunctionCall
    std::vector<ExprPtr> children;
    // Case: `children[0]` is the test expression when case_has_test; then pairs (when, then)
    // follow, and the last child is the ELSE when case_has_else.
    bool case_has_test = false;
    bool case_has_else = false;
    // PatternPredicate / PatternComprehension / Exists { } / Count { }: the pattern.
    std::shared_ptr<PatternPart> pattern;
    // Exists { MATCH ... } / Count { MATCH ... }: the subquery, which sees the variables of the
    // enclosing scope.
    std::shared_ptr<SingleQuery> subquery;
    // The exact query text of this expression (used to name RETURN columns without an alias).
    std::string text;

    // bound: the row slot of a Variable (and of the iteration variable of comprehensions,
    // quantifiers and reduce: `slot` is that variable's slot, `slot2` the accumulator's).
    int slot = -1;
    int slot2 = -1;
    // bound: for a FunctionCall, the resolved function (an index into the function registry),
    // or, for an aggregate replaced by the planner, the slot that holds its value.
    int function_id = -1;
};

// --- patterns ---------------------------------------------------------------------------------

enum class Direction { Right, Left, Both };  // -[]->, <-[]-, -[]-

struct NodePattern {
    SourcePos pos;
    std::string variable;  // empty when anonymous
    std::vector<std::string> labels;
    ExprPtr properties;  // a Map or Parameter expression, or null
    int slot = -1;       // bound
};

struct RelationshipPattern {
    SourcePos pos;
    std::string variable;            // empty when anonymous
    std::vector<std::string> types;  // alternatives (:A|B); empty means any
    Direction direction = Direction::Both;
    bool variable_length = false;
    std::optional<int64_t> min_hops;  // when variable_length; absent means 1
    std::optional<int64_t> max_hops;  // when variable_length; absent means the default bound
    ExprPtr properties;
    int slot = -1;  // bound
};

enum class PathFunction { None, ShortestPath, AllShortestPaths };

// One comma-separated part of a pattern: an optional path variable and a chain
// nodes[0] rels[0] nodes[1] ... rels[n-1] nodes[n].
struct PatternPart {
    SourcePos pos;
    std::string path_variable;  // empty when unnamed
    PathFunction function = PathFunction::None;
    std::vector<NodePattern> nodes;
    std::vector<RelationshipPattern> relationships;
    int path_slot = -1;  // bound
    // bound: the first slot given out while binding the pattern this part belongs to; elements
    // whose slot is below it were bound before the pattern is matched.
    int first_new_slot = -1;
};

struct Pattern {
    std::vector<PatternPart> parts;
};

// --- clauses ----------------------------------------------------------------------------------

struct ProjectionItem {
    ExprPtr expression;
    std::string alias;  // the column name: the alias, or the expression's text
    bool has_alias = false;
};

struct SortItem {
    ExprPtr expression;
    bool descending = false;
};

// RETURN and WITH share one shape.
struct Projection {
    bool distinct = false;
    bool star = false;  // RETURN * / WITH *: all variables in scope, then `items`
    std::vector<ProjectionItem> items;
    std::vector<SortItem> order_by;
    ExprPtr skip;
    ExprPtr limit;
    ExprPtr where;  // WITH ... WHERE only
};

enum class SetItemKind {
    Property,  // target.key = value      (target: an expression, usually a variable)
    Replace,   // variable = map
    Merge,     // variable += map
    Labels,    // variable:Label:Label
};

struct SetItem {
    SetItemKind kind = SetItemKind::Property;
    SourcePos pos;
    ExprPtr target;  // Property: the Property expression (target.key); others: the Variable
    ExprPtr value;
    std::vector<std::string> labels;
};

enum class RemoveItemKind { Property, Labels };

struct RemoveItem {
    RemoveItemKind kind = RemoveItemKind::Property;
    SourcePos pos;
    ExprPtr target;  // Property: the Property expression; Labels: the Variable
    std::vector<std::string> labels;
};

struct YieldItem {
    std::string field;  // the procedure's output column
    std::string alias;  // the variable it is bound to (== field when not renamed)
    int slot = -1;      // bound
};

enum class ClauseKind { Match, Unwind, With, Return, Create, Merge, Set, Remove, Delete, Call };

struct Clause {
    ClauseKind kind = ClauseKind::Match;
    SourcePos pos;
    // Match
    bool optional = false;
    Pattern pattern;  // Match, Create; Merge uses pattern.parts[0]
    ExprPtr where;    // Match, Call (after YIELD)
    // Unwind
    ExprPtr expression;
    std::string alias;
    int alias_slot = -1;  // bound
    // With, Return
    Projection projection;
    // Merge
    std::vector<SetItem> on_create;
    std::vector<SetItem> on_match;
    // Set
    std::vector<SetItem> set_items;
    // Remove
    std::vector<RemoveItem> remove_items;
    // Delete
    bool detach = false;
    std::vector<ExprPtr> delete_expressions;
    // Call: procedure name as written (dotted), arguments, YIELD items (empty with yield_star
    // false means the procedure's default columns).
    std::string procedure;
    std::vector<ExprPtr> arguments;
    // Call written without parentheses (`CALL db.labels`): the arguments are taken from the
    // parameters named like the procedure's inputs.
    bool implicit_arguments = false;
    bool yield_star = false;
    std::vector<YieldItem> yield_items;
    // Call { ... } (a subquery run for each row; `procedure` is empty): its query, which may be
    // a UNION. It sees the enclosing variables through an importing WITH at the start of each
    // part, and adds what it returns.
    std::shared_ptr<Query> subquery;
};

struct SingleQuery {
    std::vector<Clause> clauses;
};

// CREATE, MERGE, SET, REMOVE and DELETE.
inline bool is_updating(ClauseKind kind) {
    switch (kind) {
        case ClauseKind::Create:
        case ClauseKind::Merge:
        case ClauseKind::Set:
        case ClauseKind::Remove:
        case ClauseKind::Delete:
            return true;
        default:
            return false;
    }
}

// part[0] UNION [ALL] part[1] UNION [ALL] part[2] ...; union_all[i] joins part[i] and part[i+1].
struct Query {
    std::vector<SingleQuery> parts;
    std::vector<bool> union_all;
};

enum class ExplainMode { None, Explain, Profile };

struct Statement {
    ExplainMode mode = ExplainMode::None;
    Query query;
    std::string text;  // the whole statement as given
};

}  // namespace meninx::ast
