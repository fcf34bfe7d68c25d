#include "common/value_ops.h"

#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "meninx/error.h"

namespace meninx::value_ops {

namespace {

// The outcome of comparing two values: ordered, or not comparable.
enum class Cmp { Less, Equal, Greater, Undefined };

Cmp from_int(int c) { return c < 0 ? Cmp::Less : (c > 0 ? Cmp::Greater : Cmp::Equal); }

// Exact comparison of an integer with a (non-NaN) double.
int compare_int_double(int64_t i, double d) {
    if (d >= 9223372036854775808.0) return -1;
    if (d < -9223372036854775808.0) return 1;
    double floor_d = std::floor(d);
    auto t = static_cast<int64_t>(floor_d);
    if (i < t) return -1;
    if (i > t) return 1;
    return d > floor_d ? -1 : 0;
}

// Numeric comparison of two numbers, neither NaN.
int compare_numbers(const Value& a, const Value& b) {
    if (a.is_int() && b.is_int()) {
        return a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
    }
    if (a.is_int()) return compare_int_double(a.as_int(), b.as_float());
    if (b.is_int()) return -compare_int_double(b.as_int(), a.as_float());
    double x = a.as_float();
    double y = b.as_float();
    return x < y ? -1 : (x > y ? 1 : 0);
}

bool is_nan(const Value& v) { return v.is_float() && std::isnan(v.as_float()); }

// Comparability as used by `<` and friends.
Cmp comparability(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Cmp::Undefined;
    if (a.is_number() && b.is_number()) {
        if (is_nan(a) || is_nan(b)) return Cmp::Undefined;
        return from_int(compare_numbers(a, b));
    }
    if (a.type() != b.type()) return Cmp::Undefined;
    switch (a.type()) {
        case ValueType::String:
            return from_int(a.as_string().compare(b.as_string()));
        case ValueType::Bool:
            return from_int(static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool()));
        case ValueType::List: {
            const List& x = a.as_list();
            const List& y = b.as_list();
            for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
                Cmp c = comparability(x[i], y[i]);
                if (c != Cmp::Equal) return c;
            }
            return from_int(x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0));
        }
        default:
            return Cmp::Undefined;
    }
}

// Folds element-wise equality results: false wins, then null, then true.
struct EqualityFold {
    bool saw_null = false;
    // Returns false when the fold is decided (an element was unequal).
    bool add(const Value& r) {
        if (r.is_null()) {
            saw_null = true;
            return true;
        }
        return r.as_bool();
    }
    Value result() const { return saw_null ? Value() : Value(true); }
};

bool same_path(const Path& x, const Path& y) {
    if (x.nodes.size() != y.nodes.size() || x.relationships.size() != y.relationships.size()) {
        return false;
    }
    for (size_t i = 0; i < x.nodes.size(); ++i) {
        if (x.nodes[i].id != y.nodes[i].id) return false;
    }
    for (size_t i = 0; i < x.relationships.size(); ++i) {
        if (x.relationships[i].id != y.relationships[i].id) return false;
    }
    return true;
}

int type_rank(const Value& v) {
    switch (v.type()) {
        case ValueType::Map:
            return 0;
        case ValueType::Node:
            return 1;
        case ValueType::Relationship:
            return 2;
        case ValueType::List:
            return 3;
        case ValueType::Path:
            return 4;
        case ValueType::String:
            return 5;
        case ValueType::Bool:
            return 6;
        case ValueType::Int:
        case ValueType::Float:
            return 7;
        case ValueType::Null:
            return 8;
    }
    return 8;
}

int compare_ids(int64_t a, int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

size_t combine(size_t seed, size_t h) {
    return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

}  // namespace

Value equals(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_number() && b.is_number()) {
        if (is_nan(a) || is_nan(b)) return false;
        return compare_numbers(a, b) == 0;
    }
    if (a.type() != b.type()) return false;
    switch (a.type()) {
        case ValueType::Bool:
            return a.as_bool() == b.as_bool();
        case ValueType::String:
            return a.as_string() == b.as_string();
        case ValueType::List: {
            const List& x = a.as_list();
            const List& y = b.as_list();
            if (x.size() != y.size()) return false;
            EqualityFold fold;
            for (size_t i = 0; i < x.size(); ++i) {
                if (!fold.add(equals(x[i], y[i]))) return false;
            }
            return fold.result();
        }
        case ValueType::Map: {
            const Map& x = a.as_map();
            const Map& y = b.as_map();
            if (x.size() != y.size()) return false;
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
                if (i->first != j->first) return false;
            }
            EqualityFold fold;
            for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
                if (!fold.add(equals(i->second, j->second))) return false;
            }
            return fold.result();
        }
        case ValueType::Node:
            return a.as_node().id == b.as_node().id;
        case ValueType::Relationship:
            return a.as_relationship().id == b.as_relationship().id;
        case ValueType::Path:
            return same_path(a.as_path(), b.as_path());
        default:
            return false;
    }
}

Value compare(const Value& a, const Value& b, ast::Op op) {
    if (a.is_number() && b.is_number() && (is_nan(a) || is_nan(b))) return false;
    Cmp c = comparability(a, b);
    if (c == Cmp::Undefined) return Value();
    switch (op) {
        case ast::Op::Lt:
            return c == Cmp::Less;
        case ast::Op::Le:
            return c != Cmp::Greater;
        case ast::Op::Gt:
            return c == Cmp::Greater;
        case ast::Op::Ge:
            return c != Cmp::Less;
        default:
            return Value();
    }
}

int order_compare(const Value& a, const Value& b) {
    int ra = type_rank(a);
    int rb = type_rank(b);
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (a.type()) {
        case ValueType::Null:
            return 0;
        case ValueType::Int:
        case ValueType::Float: {
            bool na = is_nan(a);
            bool nb = is_nan(b);
            if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
            return compare_numbers(a, b);
        }
        case ValueType::Bool:
            return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
        case ValueType::String: {
            int c = a.as_string().compare(b.as_string());
            return c < 0 ? -1 : (c > 0 ? 1 : 0);
        }
        case ValueType::List: {
            const List& x = a.as_list();
            const List& y = b.as_list();
            for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
                int c = order_compare(x[i], y[i]);
                if (c != 0) return c;
            }
            return compare_ids(static_cast<int64_t>(x.size()), static_cast<int64_t>(y.size()));
        }
        case ValueType::Map: {
            const Map& x = a.as_map();
            const Map& y = b.as_map();
            auto i = x.begin();
            auto j = y.begin();
            for (; i != x.end() && j != y.end(); ++i, ++j) {
                int c = i->first.compare(j->first);
                if (c != 0) return c < 0 ? -1 : 1;
                c = order_compare(i->second, j->second);
                if (c != 0) return c;
            }
            return compare_ids(static_cast<int64_t>(x.size()), static_cast<int64_t>(y.size()));
        }
        case ValueType::Node:
            return compare_ids(a.as_node().id, b.as_node().id);
        case ValueType::Relationship:
            return compare_ids(a.as_relationship().id, b.as_relationship().id);
        case ValueType::Path: {
            const Path& x = a.as_path();
            const Path& y = b.as_path();
            for (size_t i = 0; i < x.nodes.size() && i < y.nodes.size(); ++i) {
                int c = compare_ids(x.nodes[i].id, y.nodes[i].id);
                if (c != 0) return c;
                if (i < x.relationships.size() && i < y.relationships.size()) {
                    c = compare_ids(x.relationships[i].id, y.relationships[i].id);
                    if (c != 0) return c;
                }
            }
            return compare_ids(static_cast<int64_t>(x.nodes.size()),
                               static_cast<int64_t>(y.nodes.size()));
        }
    }
    return 0;
}

bool equivalent(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
    if (a.is_number() && b.is_number()) {
        bool na = is_nan(a);
        bool nb = is_nan(b);
        if (na || nb) return na && nb;
        return compare_numbers(a, b) == 0;
    }
    if (a.type() != b.type()) return false;
    if (a.is_list()) {
        const List& x = a.as_list();
        const List& y = b.as_list();
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < x.size(); ++i) {
            if (!equivalent(x[i], y[i])) return false;
        }
        return true;
    }
    if (a.is_map()) {
        const Map& x = a.as_map();
        const Map& y = b.as_map();
        if (x.size() != y.size()) return false;
        for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
            if (i->first != j->first || !equivalent(i->second, j->second)) return false;
        }
        return true;
    }
    Value eq = equals(a, b);
    return eq.is_bool() && eq.as_bool();
}

size_t hash(const Value& v) {
    switch (v.type()) {
        case ValueType::Null:
            return 0x6e756c6cULL;
        case ValueType::Bool:
            return v.as_bool() ? 0x74727565ULL : 0x66616c73ULL;
        case ValueType::Int:
            return std::hash<int64_t>{}(v.as_int());
        case ValueType::Float: {
            double d = v.as_float();
            if (std::isnan(d)) return 0x4e614eULL;
            // Integral floats hash like the integer they equal, so that 1 ~ 1.0 share a bucket.
            if (d == std::floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
                return std::hash<int64_t>{}(static_cast<int64_t>(d));
            }
            return std::hash<double>{}(d);
        }
        case ValueType::String:
            return std::hash<std::string>{}(v.as_string());
        case ValueType::List: {
            size_t h = 0x6c697374ULL;
            for (const Value& e : v.as_list()) h = combine(h, hash(e));
            return h;
        }
        case ValueType::Map: {
            size_t h = 0x6d6170ULL;
            for (const auto& [k, e] : v.as_map()) {
                h = combine(h, std::hash<std::string>{}(k));
                h = combine(h, hash(e));
            }
            return h;
        }
        case ValueType::Node:
            return combine(0x6e6f6465ULL, std::hash<int64_t>{}(v.as_node().id));
        case ValueType::Relationship:
            return combine(0x72656cULL, std::hash<int64_t>{}(v.as_relationship().id));
        case ValueType::Path: {
            size_t h = 0x70617468ULL;
            for (const Node& n : v.as_path().nodes) h = combine(h, std::hash<int64_t>{}(n.id));
            for (const Relationship& r : v.as_path().relationships) {
                h = combine(h, std::hash<int64_t>{}(r.id));
            }
            return h;
        }
    }
    return 0;
}

size_t ValueHash::operator()(const std::vector<Value>& values) const {
    size_t h = values.size();
    for (const Value& v : values) h = combine(h, hash(v));
    return h;
}

bool ValueEq::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (!equivalent(a[i], b[i])) return false;
    }
    return true;
}

// --- arithmetic ---------------------------------------------------------------------------

namespace {

const char* op_symbol(ast::Op op) {
    switch (op) {
        case ast::Op::Add:
            return "+";
        case ast::Op::Sub:
            return "-";
        case ast::Op::Mul:
            return "*";
        case ast::Op::Div:
            return "/";
        case ast::Op::Mod:
            return "%";
        case ast::Op::Pow:
            return "^";
        default:
            return "?";
    }
}

[[noreturn]] void mismatch(ast::Op op, const Value& a, const Value& b) {
    throw Exception(ErrorKind::Type, std::string("Cannot apply '") + op_symbol(op) + "' to " +
                                         std::string(type_name(a.type())) + " and " +
                                         std::string(type_name(b.type())));
}

[[noreturn]] void overflow(ast::Op op, int64_t a, int64_t b) {
    throw Exception(ErrorKind::Argument, "Integer overflow: " + std::to_string(a) + " " +
                                             op_symbol(op) + " " + std::to_string(b) +
                                             " does not fit in 64 bits");
}

// The text a number or boolean contributes to string concatenation.
std::string concat_text(const Value& v) {
    if (v.is_string()) return v.as_string();
    if (v.is_int()) return std::to_string(v.as_int());
    if (v.is_float()) return v.to_cypher();
    return v.as_bool() ? "true" : "false";
}

bool concatenable(const Value& v) { return v.is_string() || v.is_number() || v.is_bool(); }

Value integer_arithmetic(ast::Op op, int64_t x, int64_t y) {
    int64_t r = 0;
    switch (op) {
        case ast::Op::Add:
            if (__builtin_add_overflow(x, y, &r)) overflow(op, x, y);
            return r;
        case ast::Op::Sub:
            if (__builtin_sub_overflow(x, y, &r)) overflow(op, x, y);
            return r;
        case ast::Op::Mul:
            if (__builtin_mul_overflow(x, y, &r)) overflow(op, x, y);
            return r;
        case ast::Op::Div:
            if (y == 0) throw Exception(ErrorKind::Argument, "Division by zero");
            if (y == -1 && x == std::numeric_limits<int64_t>::min()) overflow(op, x, y);
            return x / y;
        case ast::Op::Mod:
            if (y == 0) throw Exception(ErrorKind::Argument, "Division by zero");
            if (y == -1) return int64_t{0};
            return x % y;
        case ast::Op::Pow:
            return std::pow(static_cast<double>(x), static_cast<double>(y));
        default:
            throw Exception(ErrorKind::Internal, "not an arithmetic operator");
    }
}

Value float_arithmetic(ast::Op op, double x, double y) {
    switch (op) {
        case ast::Op::Add:
            return x + y;
        case ast::Op::Sub:
            return x - y;
        case ast::Op::Mul:
            return x * y;
        case ast::Op::Div:
            return x / y;
        case ast::Op::Mod:
            return std::fmod(x, y);
        case ast::Op::Pow:
            return std::pow(x, y);
        default:
            throw Exception(ErrorKind::Internal, "not an arithmetic operator");
    }
}

}  // namespace

Value arithmetic(ast::Op op, const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return Value();
    if (op == ast::Op::Add) {
        if (a.is_list() && b.is_list()) {
            List out = a.as_list();
            out.insert(out.end(), b.as_list().begin(), b.as_list().end());
            return out;
        }
        if (a.is_list()) {
            List out = a.as_list();
            out.push_back(b);
            return out;
        }
        if (b.is_list()) {
            List out;
            out.reserve(b.as_list().size() + 1);
            out.push_back(a);
            out.insert(out.end(), b.as_list().begin(), b.as_list().end());
            return out;
        }
        if ((a.is_string() || b.is_string()) && concatenable(a) && concatenable(b)) {
            return concat_text(a) + concat_text(b);
        }
    }
    if (!a.is_number() || !b.is_number()) mismatch(op, a, b);
    if (a.is_int() && b.is_int()) return integer_arithmetic(op, a.as_int(), b.as_int());
    return float_arithmetic(op, a.as_number(), b.as_number());
}

Value negate(const Value& a) {
    if (a.is_null()) return Value();
    if (a.is_int()) {
        if (a.as_int() == std::numeric_limits<int64_t>::min()) {
            throw Exception(ErrorKind::Argument,
                            "Integer overflow: -(" + std::to_string(a.as_int()) + ")");
        }
        return -a.as_int();
    }
    if (a.is_float()) return -a.as_float();
    throw Exception(ErrorKind::Type,
                    "Cannot negate a " + std::string(type_name(a.type())) + ", expected a number");
}

}  // namespace meninx::value_ops
