#include "expression/expression_evaluator.h"

#include <pthread.h>

#include <cstdint>
#include <exception>
#include <regex>
#include <string>
#include <unordered_map>

#include "common/value_ops.h"
#include "function/function_registry.h"
#include "meninx/error.h"

namespace meninx::expression {

namespace {

using ast::Expression;
using ast::ExprKind;
using ast::Op;

[[noreturn]] void fail(ErrorKind kind, std::string message, const Expression& e) {
    throw Exception(kind, std::move(message), e.pos.line, e.pos.column);
}

std::string type_of(const Value& v) { return std::string(type_name(v.type())); }

// Restores a row slot to its previous value when an iteration scope ends, also on errors.
class SlotScope {
  public:
    SlotScope(Row& row, int slot, const Expression& e) : row_(row), slot_(slot) {
        if (slot < 0) fail(ErrorKind::Internal, "unbound iteration variable " + e.name, e);
        if (static_cast<size_t>(slot) >= row.size()) row.resize(static_cast<size_t>(slot) + 1);
        saved_ = row[static_cast<size_t>(slot)];
    }
    ~SlotScope() {
        if (static_cast<size_t>(slot_) < row_.size()) row_[static_cast<size_t>(slot_)] = saved_;
    }
    void set(const Value& v) { row_[static_cast<size_t>(slot_)] = v; }
    SlotScope(const SlotScope&) = delete;
    SlotScope& operator=(const SlotScope&) = delete;

  private:
    Row& row_;
    int slot_;
    Value saved_;
};

// The three-valued truth of an operand of a boolean operator: null, or a Type error.
Value boolean_operand(const Value& v, const char* op, const Expression& e) {
    if (v.is_null() || v.is_bool()) return v;
    fail(ErrorKind::Type, std::string(op) + " expects BOOLEAN operands, got " + type_of(v), e);
}

Value logical(Op op, const Value& a, const Value& b) {
    switch (op) {
        case Op::And:
            if ((a.is_bool() && !a.as_bool()) || (b.is_bool() && !b.as_bool())) return false;
            if (a.is_null() || b.is_null()) return Value();
            return true;
        case Op::Or:
            if ((a.is_bool() && a.as_bool()) || (b.is_bool() && b.as_bool())) return true;
            if (a.is_null() || b.is_null()) return Value();
            return false;
        default:  // Xor
            if (a.is_null() || b.is_null()) return Value();
            return a.as_bool() != b.as_bool();
    }
}

// Compiles a Cypher regular expression (ECMAScript syntax, matched against the whole string).
// Leading inline flags as written in Java syntax are honoured: (?i) ignores case, (?m) makes
// ^ and $ match at line breaks. Compiled patterns are cached per thread.
const std::regex& compiled_regex(const std::string& pattern, const Expression& e) {
    thread_local std::unordered_map<std::string, std::regex> cache;
    auto it = cache.find(pattern);
    if (it != cache.end()) return it->second;
    if (cache.size() >= 256) cache.clear();
    auto flags = std::regex::ECMAScript;
    size_t body = 0;
    if (pattern.rfind("(?", 0) == 0) {
        size_t close = pattern.find(')');
        std::string letters =
            close == std::string::npos ? std::string() : pattern.substr(2, close - 2);
        bool all_flags = !letters.empty() && letters.find_first_not_of("im") == std::string::npos;
        if (all_flags) {
            if (letters.find('i') != std::string::npos) flags |= std::regex::icase;
            if (letters.find('m') != std::string::npos) flags |= std::regex::multiline;
            body = close + 1;
        }
    }
    try {
        return cache.emplace(pattern, std::regex(pattern.substr(body), flags)).first->second;
    } catch (const std::regex_error& err) {
        fail(ErrorKind::Argument, "Invalid regular expression '" + pattern + "': " + err.what(), e);
    }
}

// Whole-string match of `s`. libstdc++'s matcher recurses about once per input character and
// needs up to about 1 KB of stack for each, so long inputs are matched on a thread whose stack
// is sized for them; inputs beyond kMaxRegexInput bytes are refused.
bool regex_match_whole(const std::string& s, const std::regex& re, const std::string& pattern,
                       const Expression& e) {
    constexpr size_t kInlineInput = 1000;
    constexpr size_t kMaxRegexInput = 100'000;
    if (s.size() > kMaxRegexInput) {
        fail(ErrorKind::Argument,
             "=~ accepts strings of at most " + std::to_string(kMaxRegexInput) + " bytes, got " +
                 std::to_string(s.size()),
             e);
    }
    struct Job {
        const std::string* text;
        const std::regex* re;
        bool matched = false;
        std::exception_ptr error;
    } job{&s, &re, false, nullptr};
    auto run = [](void* arg) -> void* {
        auto* j = static_cast<Job*>(arg);
        try {
            j->matched = std::regex_match(*j->text, *j->re);
        } catch (...) {
            j->error = std::current_exception();
        }
        return nullptr;
    };
    if (s.size() <= kInlineInput) {
        run(&job);
    } else {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, (size_t{8} << 20) + 2048 * s.size());
        pthread_t thread;
        int rc = pthread_create(&thread, &attr, run, &job);
        pthread_attr_destroy(&attr);
        if (rc != 0) fail(ErrorKind::Internal, "could not start the regular expression matcher", e);
        pthread_join(thread, nullptr);
    }
    if (job.error) {
        try {
            std::rethrow_exception(job.error);
        } catch (const std::regex_error& err) {
            fail(ErrorKind::Argument,
                 "Regular expression '" + pattern + "' could not be matched: " + err.what(), e);
        }
    }
    return job.matched;
}

Value string_predicate(Op op, const Value& a, const Value& b, const Expression& e) {
    if (!a.is_string() || !b.is_string()) return Value();
    const std::string& s = a.as_string();
    const std::string& t = b.as_string();
    switch (op) {
        case Op::StartsWith:
            return s.compare(0, t.size(), t) == 0 && s.size() >= t.size();
        case Op::EndsWith:
            return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
        case Op::Contains:
            return s.find(t) != std::string::npos;
        default:
            return regex_match_whole(s, compiled_regex(t, e), t, e);
    }
}

// `a IN b`: true if some element equals a, else null if some comparison was null, else false.
Value in_list(const Value& a, const Value& b, const Expression& e) {
    if (b.is_null()) return Value();
    if (!b.is_list()) fail(ErrorKind::Type, "IN expects a LIST on its right, got " + type_of(b), e);
    bool saw_null = false;
    for (const Value& element : b.as_list()) {
        Value eq = value_ops::equals(a, element);
        if (eq.is_null()) {
            saw_null = true;
        } else if (eq.as_bool()) {
            return true;
        }
    }
    return saw_null ? Value() : Value(false);
}

Value binary(const Expression& e, Row& row, EvalContext& ctx) {
    Value a = evaluate(*e.children[0], row, ctx);
    Value b = evaluate(*e.children[1], row, ctx);
    switch (e.op) {
        case Op::And:
            return logical(Op::And, boolean_operand(a, "AND", e), boolean_operand(b, "AND", e));
        case Op::Or:
            return logical(Op::Or, boolean_operand(a, "OR", e), boolean_operand(b, "OR", e));
        case Op::Xor:
            return logical(Op::Xor, boolean_operand(a, "XOR", e), boolean_operand(b, "XOR", e));
        case Op::Eq:
            return value_ops::equals(a, b);
        case Op::Ne: {
            Value eq = value_ops::equals(a, b);
            return eq.is_null() ? eq : Value(!eq.as_bool());
        }
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge:
            return value_ops::compare(a, b, e.op);
        case Op::Add:
        case Op::Sub:
        case Op::Mul:
        case Op::Div:
        case Op::Mod:
        case Op::Pow:
            return value_ops::arithmetic(e.op, a, b);
        case Op::StartsWith:
        case Op::EndsWith:
        case Op::Contains:
        case Op::RegexMatch:
            return string_predicate(e.op, a, b, e);
        case Op::In:
            return in_list(a, b, e);
        default:
            fail(ErrorKind::Internal, "not a binary operator", e);
    }
}

Value unary(const Expression& e, Row& row, EvalContext& ctx) {
    Value a = evaluate(*e.children[0], row, ctx);
    switch (e.op) {
        case Op::Not:
            if (a.is_null()) return a;
            if (!a.is_bool()) fail(ErrorKind::Type, "NOT expects a BOOLEAN, got " + type_of(a), e);
            return !a.as_bool();
        case Op::Negate:
            return value_ops::negate(a);
        case Op::Plus:
            if (a.is_null() || a.is_number()) return a;
            fail(ErrorKind::Type, "Unary '+' expects a number, got " + type_of(a), e);
        default:
            fail(ErrorKind::Internal, "not a unary operator", e);
    }
}

Value property_of(const Value& base, const std::string& key, EvalContext& ctx,
                  const Expression& e) {
    switch (base.type()) {
        case ValueType::Null:
            return Value();
        case ValueType::Node:
            return ctx.node_property(base.as_node().id, key);
        case ValueType::Relationship:
            return ctx.relationship_property(base.as_relationship().id, key);
        case ValueType::Map: {
            auto it = base.as_map().find(key);
            return it == base.as_map().end() ? Value() : it->second;
        }
        default:
            fail(ErrorKind::Type,
                 "Cannot read property '" + key + "' of a " + type_of(base) +
                     ", expected a NODE, a RELATIONSHIP or a MAP",
                 e);
    }
}

// A list index, counted from the end when negative; -1 when out of range.
int64_t list_position(int64_t index, size_t size) {
    auto n = static_cast<int64_t>(size);
    if (index < 0) index += n;
    return index < 0 || index >= n ? -1 : index;
}

Value subscript(const Expression& e, Row& row, EvalContext& ctx) {
    Value base = evaluate(*e.children[0], row, ctx);
    Value index = evaluate(*e.children[1], row, ctx);
    if (base.is_null() || index.is_null()) return Value();
    if (base.is_list()) {
        if (!index.is_int()) {
            fail(ErrorKind::Type, "A list index must be an INTEGER, got " + type_of(index), e);
        }
        int64_t pos = list_position(index.as_int(), base.as_list().size());
        return pos < 0 ? Value() : base.as_list()[static_cast<size_t>(pos)];
    }
    if (base.is_map() || base.is_node() || base.is_relationship()) {
        if (!index.is_string()) {
            fail(ErrorKind::Type, "A key must be a STRING, got " + type_of(index), e);
        }
        return property_of(base, index.as_string(), ctx, e);
    }
    fail(ErrorKind::Type, "Cannot subscript a " + type_of(base) + ", expected a LIST or a MAP", e);
}

// A slice bound: clamped into [0, size], counted from the end when negative.
size_t slice_bound(int64_t bound, size_t size) {
    auto n = static_cast<int64_t>(size);
    if (bound < 0) bound += n;
    if (bound < 0) return 0;
    return bound > n ? size : static_cast<size_t>(bound);
}

Value slice(const Expression& e, Row& row, EvalContext& ctx) {
    Value base = evaluate(*e.children[0], row, ctx);
    Value from = e.children.size() > 1 && e.children[1] ? evaluate(*e.children[1], row, ctx)
                                                        : Value(int64_t{0});
    bool has_to = e.children.size() > 2 && e.children[2];
    Value to = has_to ? evaluate(*e.children[2], row, ctx) : Value();
    if (base.is_null() || from.is_null() || (has_to && to.is_null())) return Value();
    if (!base.is_list()) fail(ErrorKind::Type, "Cannot slice a " + type_of(base), e);
    if (!from.is_int() || (has_to && !to.is_int())) {
        fail(ErrorKind::Type, "Slice bounds must be INTEGERs", e);
    }
    const List& list = base.as_list();
    size_t begin = slice_bound(from.as_int(), list.size());
    size_t end = has_to ? slice_bound(to.as_int(), list.size()) : list.size();
    if (begin >= end) return List{};
    return List(list.begin() + static_cast<std::ptrdiff_t>(begin),
                list.begin() + static_cast<std::ptrdiff_t>(end));
}

// True when a CASE or comprehension condition holds: boolean true; null counts as false.
bool holds(const Value& v, const char* where, const Expression& e) {
    if (v.is_null()) return false;
    if (!v.is_bool())
        fail(ErrorKind::Type, std::string(where) + " expects a BOOLEAN, got " + type_of(v), e);
    return v.as_bool();
}

Value case_expression(const Expression& e, Row& row, EvalContext& ctx) {
    size_t i = 0;
    size_t end = e.children.size() - (e.case_has_else ? 1 : 0);
    Value test;
    if (e.case_has_test) test = evaluate(*e.children[i++], row, ctx);
    for (; i + 1 < end; i += 2) {
        Value when = evaluate(*e.children[i], row, ctx);
        bool match = false;
        if (e.case_has_test) {
            Value eq = value_ops::equals(test, when);
            match = eq.is_bool() && eq.as_bool();
        } else {
            match = holds(when, "WHEN", *e.children[i]);
        }
        if (match) return evaluate(*e.children[i + 1], row, ctx);
    }
    return e.case_has_else ? evaluate(*e.children.back(), row, ctx) : Value();
}

// The list a comprehension, quantifier or reduce iterates over; null stays null.
Value iterated_list(const Expression& source, Row& row, EvalContext& ctx, const Expression& e) {
    Value list = evaluate(source, row, ctx);
    if (!list.is_null() && !list.is_list()) {
        fail(ErrorKind::Type, "Expected a LIST to iterate over, got " + type_of(list), e);
    }
    return list;
}

// Lets a long iteration be interrupted: asks the context every 4096 steps.
void poll_interrupt(size_t& steps, EvalContext& ctx) {
    if ((++steps & 0xfff) == 0) ctx.check_interrupt();
}

const Expression* child_or_null(const Expression& e, size_t i) {
    return i < e.children.size() ? e.children[i].get() : nullptr;
}

Value list_comprehension(const Expression& e, Row& row, EvalContext& ctx) {
    Value list = iterated_list(*e.children[0], row, ctx, e);
    if (list.is_null()) return list;
    const Expression* where = child_or_null(e, 1);
    const Expression* projection = child_or_null(e, 2);
    SlotScope scope(row, e.slot, e);
    List out;
    size_t steps = 0;
    for (const Value& element : list.as_list()) {
        poll_interrupt(steps, ctx);
        scope.set(element);
        if (where && !holds(evaluate(*where, row, ctx), "WHERE", *where)) continue;
        out.push_back(projection ? evaluate(*projection, row, ctx) : element);
    }
    return out;
}

Value quantifier(const Expression& e, Row& row, EvalContext& ctx) {
    Value list = iterated_list(*e.children[0], row, ctx, e);
    if (list.is_null()) return list;
    const Expression* where = child_or_null(e, 1);
    SlotScope scope(row, e.slot, e);
    int64_t trues = 0;
    int64_t falses = 0;
    int64_t nulls = 0;
    size_t steps = 0;
    for (const Value& element : list.as_list()) {
        poll_interrupt(steps, ctx);
        scope.set(element);
        Value v = where ? evaluate(*where, row, ctx) : element;
        if (v.is_null()) {
            ++nulls;
            continue;
        }
        if (!v.is_bool()) {
            fail(ErrorKind::Type, "A quantifier's predicate must be a BOOLEAN, got " + type_of(v),
                 where ? *where : e);
        }
        ++(v.as_bool() ? trues : falses);
        switch (e.quantifier) {
            case ast::QuantifierKind::All:
                if (falses > 0) return false;
                break;
            case ast::QuantifierKind::Any:
                if (trues > 0) return true;
                break;
            case ast::QuantifierKind::None:
                if (trues > 0) return false;
                break;
            case ast::QuantifierKind::Single:
                if (trues > 1) return false;
                break;
        }
    }
    if (nulls > 0) return Value();
    switch (e.quantifier) {
        case ast::QuantifierKind::All:
            return true;
        case ast::QuantifierKind::Any:
            return false;
        case ast::QuantifierKind::None:
            return true;
        case ast::QuantifierKind::Single:
            return trues == 1;
    }
    return Value();
}

Value reduce(const Expression& e, Row& row, EvalContext& ctx) {
    Value accumulator = evaluate(*e.children[0], row, ctx);
    Value list = iterated_list(*e.children[1], row, ctx, e);
    if (list.is_null()) return list;
    SlotScope acc_scope(row, e.slot2, e);
    SlotScope element_scope(row, e.slot, e);
    size_t steps = 0;
    for (const Value& element : list.as_list()) {
        poll_interrupt(steps, ctx);
        acc_scope.set(accumulator);
        element_scope.set(element);
        accumulator = evaluate(*e.children[2], row, ctx);
    }
    return accumulator;
}

Value function_call(const Expression& e, Row& row, EvalContext& ctx) {
    if (function::is_aggregate(e.name)) {
        fail(ErrorKind::Semantic, "aggregate function not allowed here: " + e.name + "()", e);
    }
    int id = e.function_id >= 0 ? e.function_id : function::find_function(e.name);
    if (id < 0) fail(ErrorKind::Semantic, "Unknown function '" + e.name + "'", e);
    const function::FunctionDef& def = function::function_at(id);
    auto count = static_cast<int>(e.children.size());
    if (count < def.min_args || (def.max_args >= 0 && count > def.max_args)) {
        std::string expected = std::to_string(def.min_args);
        if (def.max_args != def.min_args) {
            expected += def.max_args < 0 ? " or more" : " to " + std::to_string(def.max_args);
        }
        fail(ErrorKind::Semantic,
             def.name + "() expects " + expected + " argument" +
                 (def.max_args == 1 && def.min_args == 1 ? "" : "s") + ", got " +
                 std::to_string(count),
             e);
    }
    std::vector<Value> args;
    args.reserve(e.children.size());
    for (const auto& child : e.children) args.push_back(evaluate(*child, row, ctx));
    return def.fn(args, ctx);
}

Value has_labels(const Expression& e, Row& row, EvalContext& ctx) {
    Value v = evaluate(*e.children[0], row, ctx);
    if (v.is_null()) return v;
    if (v.is_relationship()) {
        // r:T tests the relationship's type.
        std::string type = v.as_relationship().type;
        if (type.empty()) type = ctx.hydrate(v).as_relationship().type;
        for (const std::string& wanted : e.labels) {
            if (wanted != type) return false;
        }
        return true;
    }
    if (!v.is_node()) {
        fail(ErrorKind::Type,
             "Labels can only be tested on a NODE or a RELATIONSHIP, got " + type_of(v), e);
    }
    std::vector<std::string> labels = ctx.node_labels(v.as_node().id);
    for (const std::string& wanted : e.labels) {
        bool found = false;
        for (const std::string& l : labels) found = found || l == wanted;
        if (!found) return false;
    }
    return true;
}

Value evaluate_node(const Expression& e, Row& row, EvalContext& ctx) {
    switch (e.kind) {
        case ExprKind::Literal:
            return e.value;
        case ExprKind::Parameter: {
            const Map& params = ctx.parameters();
            auto it = params.find(e.name);
            if (it == params.end()) fail(ErrorKind::Semantic, "Expected parameter $" + e.name, e);
            return it->second;
        }
        case ExprKind::Variable:
            if (e.slot < 0 || static_cast<size_t>(e.slot) >= row.size()) {
                fail(ErrorKind::Internal, "variable " + e.name + " has no slot in the row", e);
            }
            return row[static_cast<size_t>(e.slot)];
        case ExprKind::Property:
            return property_of(evaluate(*e.children[0], row, ctx), e.name, ctx, e);
        case ExprKind::List: {
            List out;
            out.reserve(e.children.size());
            for (const auto& child : e.children) out.push_back(evaluate(*child, row, ctx));
            return out;
        }
        case ExprKind::Map: {
            Map out;
            for (size_t i = 0; i < e.children.size(); ++i) {
                out.insert_or_assign(e.keys[i], evaluate(*e.children[i], row, ctx));
            }
            return out;
        }
        case ExprKind::FunctionCall:
            return function_call(e, row, ctx);
        case ExprKind::CountStar:
            fail(ErrorKind::Semantic, "aggregate function not allowed here: count(*)", e);
        case ExprKind::Unary:
            return unary(e, row, ctx);
        case ExprKind::Binary:
            return binary(e, row, ctx);
        case ExprKind::IsNull:
            return evaluate(*e.children[0], row, ctx).is_null();
        case ExprKind::IsNotNull:
            return !evaluate(*e.children[0], row, ctx).is_null();
        case ExprKind::HasLabels:
            return has_labels(e, row, ctx);
        case ExprKind::Subscript:
            return subscript(e, row, ctx);
        case ExprKind::Slice:
            return slice(e, row, ctx);
        case ExprKind::Case:
            return case_expression(e, row, ctx);
        case ExprKind::ListComprehension:
            return list_comprehension(e, row, ctx);
        case ExprKind::Quantifier:
            return quantifier(e, row, ctx);
        case ExprKind::Reduce:
            return reduce(e, row, ctx);
        case ExprKind::PatternPredicate:
            return ctx.pattern_exists(*e.pattern, row, nullptr);
        case ExprKind::PatternComprehension:
            return ctx.pattern_comprehension(e, row);
        case ExprKind::CountSubquery:
            if (e.subquery) return Value(ctx.subquery_rows(e, row, -1));
            return Value(ctx.pattern_count(*e.pattern, row,
                                           e.children.empty() ? nullptr : e.children[0].get()));
        case ExprKind::Exists:
            if (e.subquery) return ctx.subquery_rows(e, row, 1) > 0;
            if (e.pattern) {
                return ctx.pattern_exists(*e.pattern, row,
                                          e.children.empty() ? nullptr : e.children[0].get());
            }
            return !evaluate(*e.children[0], row, ctx).is_null();
    }
    fail(ErrorKind::Internal, "unknown expression kind", e);
}

bool takes_position(ErrorKind kind) {
    return kind == ErrorKind::Type || kind == ErrorKind::Argument || kind == ErrorKind::Semantic;
}

}  // namespace

Value evaluate(const Expression& e, Row& row, EvalContext& ctx) {
    try {
        return evaluate_node(e, row, ctx);
    } catch (const Exception& ex) {
        // Errors raised below without a position (functions, value operations) take the
        // position of the innermost expression that saw them.
        if (ex.error().line != 0 || e.pos.line == 0 || !takes_position(ex.error().kind)) throw;
        Error located = ex.error();
        located.line = e.pos.line;
        located.column = e.pos.column;
        throw Exception(std::move(located));
    }
}

bool evaluate_predicate(const Expression& e, Row& row, EvalContext& ctx) {
    Value v = evaluate(e, row, ctx);
    if (v.is_null()) return false;
    if (!v.is_bool()) fail(ErrorKind::Type, "A predicate must be a BOOLEAN, got " + type_of(v), e);
    return v.as_bool();
}

}  // namespace meninx::expression
