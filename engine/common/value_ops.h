// value_ops: the openCypher semantics of comparing values, shared by expressions (=, <, IN),
// sorting (ORDER BY), and grouping (DISTINCT, aggregation keys, UNION).
//
// Three relations are kept apart, as openCypher does:
// - equality (`=`) is three-valued: null when either side is or contains null where it matters;
// - comparability (`<`, `<=`, ...) is null for values of different kinds or for nulls;
// - orderability is a total order over all values, used only for sorting;
// - equivalence is equality where null ~ null and NaN ~ NaN, used for grouping.
// Integers and floats compare by numeric value, exactly (1 = 1.0, 2^53 + 1 <> 2.0^53).
// All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "ast/ast.h"
#include "meninx/value.h"

namespace meninx::value_ops {

// Cypher `=`: true, false or null. Lists and maps compare element-wise; nodes and
// relationships by id; values of different types are unequal.
Value equals(const Value& a, const Value& b);

// Cypher `<`, `<=`, `>`, `>=` (op is one of Lt, Le, Gt, Ge): true/false, or null when the
// values are not comparable (nulls, different types, maps, nodes, ...). NaN compares false.
Value compare(const Value& a, const Value& b, ast::Op op);

// Total order for ORDER BY: negative, zero or positive. Ascending order is
// map < node < relationship < list < path < string < boolean < number < null,
// with NaN after every other number.
int order_compare(const Value& a, const Value& b);

// Equivalence for DISTINCT, grouping keys and UNION: like `=`, but null ~ null and NaN ~ NaN.
bool equivalent(const Value& a, const Value& b);

// A hash consistent with `equivalent` (1 and 1.0 hash alike).
size_t hash(const Value& v);

// Hash and equality over rows of values, for unordered containers keyed by grouping keys.
struct ValueHash {
    size_t operator()(const std::vector<Value>& values) const;
};
struct ValueEq {
    bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

// Cypher arithmetic (op is Add, Sub, Mul, Div, Mod or Pow): null when either side is null.
// Integers stay integers except for `^`; a float on either side gives a float. `+` also
// concatenates lists (list + list, list + element, element + list) and strings (a string
// with a string, number or boolean). Integer overflow and integer division by zero raise an
// Argument error; other type combinations raise a Type error. Errors carry no position.
Value arithmetic(ast::Op op, const Value& a, const Value& b);

// Unary minus: null for null, an Argument error for the smallest integer, a Type error for
// non-numbers.
Value negate(const Value& a);

}  // namespace meninx::value_ops
