// Numeric functions: abs, ceil, floor, round, sign, sqrt, exp, log, log10, e, pi, rand, the
// trigonometric functions, degrees and radians. Results are floats except where noted
// (abs keeps integers, sign returns an integer).
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <random>

#include "function/builtin_functions.h"

namespace meninx::function {

namespace {

using expression::EvalContext;

Value fn_abs(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (v.is_int()) {
        if (v.as_int() == std::numeric_limits<int64_t>::min()) {
            argument_error("abs() overflows: " + std::to_string(v.as_int()));
        }
        return v.as_int() < 0 ? -v.as_int() : v.as_int();
    }
    return std::fabs(number_arg("abs", v));
}

Value fn_sign(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (v.is_int()) return static_cast<int64_t>((v.as_int() > 0) - (v.as_int() < 0));
    double d = number_arg("sign", v);
    return static_cast<int64_t>((d > 0) - (d < 0));
}

// round(x[, precision]): halves round up (towards positive infinity) without a precision,
// away from zero with one.
Value fn_round(std::vector<Value>& args, EvalContext&) {
    if (args[0].is_null()) return Value();
    double d = number_arg("round", args[0]);
    if (args.size() == 1) return std::floor(d + 0.5);
    if (args[1].is_null()) return Value();
    int64_t precision = int_arg("round", args[1]);
    if (precision < 0) argument_error("round() expects a non-negative precision");
    if (precision > 15 || !std::isfinite(d)) return d;
    double scale = std::pow(10.0, static_cast<double>(precision));
    return std::round(d * scale) / scale;
}

// A function of one number that returns a float; null in, null out.
Value unary(std::vector<Value>& args, const char* name, double (*f)(double)) {
    if (args[0].is_null()) return Value();
    return f(number_arg(name, args[0]));
}

Value fn_atan2(std::vector<Value>& args, EvalContext&) {
    if (args[0].is_null() || args[1].is_null()) return Value();
    return std::atan2(number_arg("atan2", args[0]), number_arg("atan2", args[1]));
}

Value fn_is_nan(std::vector<Value>& args, EvalContext&) {
    if (args[0].is_null()) return Value();
    double d = number_arg("isNaN", args[0]);
    return std::isnan(d);
}

Value fn_e(std::vector<Value>&, EvalContext&) { return std::numbers::e; }

Value fn_pi(std::vector<Value>&, EvalContext&) { return std::numbers::pi; }

// rand(): uniform in [0, 1), from a generator per thread seeded from the system.
Value fn_rand(std::vector<Value>&, EvalContext&) {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

void add_math_functions(std::vector<FunctionDef>& table) {
    using expression::EvalContext;
    table.push_back({"abs", 1, 1, fn_abs});
    table.push_back({"ceil", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "ceil", [](double x) { return std::ceil(x); });
                     }});
    table.push_back({"floor", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "floor", [](double x) { return std::floor(x); });
                     }});
    table.push_back({"round", 1, 2, fn_round});
    table.push_back({"sign", 1, 1, fn_sign});
    table.push_back({"isNaN", 1, 1, fn_is_nan});
    table.push_back({"sqrt", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "sqrt", [](double x) { return std::sqrt(x); });
                     }});
    table.push_back({"exp", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "exp", [](double x) { return std::exp(x); });
                     }});
    table.push_back({"log", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "log", [](double x) { return std::log(x); });
                     }});
    table.push_back({"log10", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "log10", [](double x) { return std::log10(x); });
                     }});
    table.push_back({"e", 0, 0, fn_e});
    table.push_back({"pi", 0, 0, fn_pi});
    table.push_back({"rand", 0, 0, fn_rand});
    table.push_back({"sin", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "sin", [](double x) { return std::sin(x); });
                     }});
    table.push_back({"cos", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "cos", [](double x) { return std::cos(x); });
                     }});
    table.push_back({"tan", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "tan", [](double x) { return std::tan(x); });
                     }});
    table.push_back({"cot", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "cot", [](double x) { return std::cos(x) / std::sin(x); });
                     }});
    table.push_back({"asin", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "asin", [](double x) { return std::asin(x); });
                     }});
    table.push_back({"acos", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "acos", [](double x) { return std::acos(x); });
                     }});
    table.push_back({"atan", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "atan", [](double x) { return std::atan(x); });
                     }});
    table.push_back({"atan2", 2, 2, fn_atan2});
    table.push_back({"haversin", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "haversin",
                                      [](double x) { return (1.0 - std::cos(x)) / 2.0; });
                     }});
    table.push_back({"degrees", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "degrees",
                                      [](double x) { return x * 180.0 / std::numbers::pi; });
                     }});
    table.push_back({"radians", 1, 1, [](std::vector<Value>& a, EvalContext&) {
                         return unary(a, "radians",
                                      [](double x) { return x * std::numbers::pi / 180.0; });
                     }});
}

}  // namespace meninx::function
