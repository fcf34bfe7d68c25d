// Functions over lists (and the list-like uses of strings): size, head, last, tail, range,
// reverse, coalesce, isEmpty.
#include <cstdint>

#include "function/builtin_functions.h"

namespace meninx::function {

namespace {

using expression::EvalContext;

Value fn_size(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (v.is_list()) return static_cast<int64_t>(v.as_list().size());
    if (v.is_string()) return static_cast<int64_t>(utf8_characters(v.as_string()).size());
    type_error("size", "a LIST or a STRING", v);
}

Value fn_head(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (!v.is_list()) type_error("head", "a LIST", v);
    return v.as_list().empty() ? Value() : v.as_list().front();
}

Value fn_last(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (!v.is_list()) type_error("last", "a LIST", v);
    return v.as_list().empty() ? Value() : v.as_list().back();
}

Value fn_tail(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (!v.is_list()) type_error("tail", "a LIST", v);
    const List& list = v.as_list();
    if (list.empty()) return List{};
    return List(list.begin() + 1, list.end());
}

int64_t range_arg(const Value& v, const char* what) {
    if (!v.is_int()) {
        argument_error(std::string("range() expects an INTEGER ") + what + ", got " +
                       std::string(type_name(v.type())));
    }
    return v.as_int();
}

// range(start, end[, step]): the integers from start to end inclusive, step apart.
Value fn_range(std::vector<Value>& args, EvalContext& ctx) {
    int64_t start = range_arg(args[0], "start");
    int64_t end = range_arg(args[1], "end");
    int64_t step = args.size() > 2 ? range_arg(args[2], "step") : 1;
    if (step == 0) argument_error("range() step must not be zero");
    List out;
    if ((step > 0 && start > end) || (step < 0 && start < end)) return out;
    // Count in unsigned arithmetic: end - start may not fit in int64_t.
    uint64_t span = step > 0 ? static_cast<uint64_t>(end) - static_cast<uint64_t>(start)
                             : static_cast<uint64_t>(start) - static_cast<uint64_t>(end);
    uint64_t stride = step > 0 ? static_cast<uint64_t>(step) : 0 - static_cast<uint64_t>(step);
    uint64_t count = span / stride + 1;
    constexpr uint64_t kMaxElements = 100'000'000;
    if (count > kMaxElements) {
        argument_error("range() would produce " + std::to_string(count) +
                       " elements, more than the limit of " + std::to_string(kMaxElements));
    }
    out.reserve(count);
    uint64_t value = static_cast<uint64_t>(start);
    for (uint64_t i = 0; i < count; ++i) {
        if ((i & 0xffff) == 0xffff) ctx.check_interrupt();
        out.emplace_back(static_cast<int64_t>(value));
        value += static_cast<uint64_t>(step);
    }
    return out;
}

Value fn_reverse(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (v.is_list()) return List(v.as_list().rbegin(), v.as_list().rend());
    if (v.is_string()) {
        auto chars = utf8_characters(v.as_string());
        std::string out;
        out.reserve(v.as_string().size());
        for (auto it = chars.rbegin(); it != chars.rend(); ++it) out += *it;
        return out;
    }
    type_error("reverse", "a LIST or a STRING", v);
}

Value fn_coalesce(std::vector<Value>& args, EvalContext&) {
    for (Value& v : args) {
        if (!v.is_null()) return std::move(v);
    }
    return Value();
}

Value fn_is_empty(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (v.is_list()) return v.as_list().empty();
    if (v.is_string()) return v.as_string().empty();
    if (v.is_map()) return v.as_map().empty();
    type_error("isEmpty", "a LIST, a STRING or a MAP", v);
}

}  // namespace

void add_list_functions(std::vector<FunctionDef>& table) {
    table.push_back({"size", 1, 1, fn_size});
    table.push_back({"char_length", 1, 1, fn_size});
    table.push_back({"character_length", 1, 1, fn_size});
    table.push_back({"head", 1, 1, fn_head});
    table.push_back({"last", 1, 1, fn_last});
    table.push_back({"tail", 1, 1, fn_tail});
    table.push_back({"range", 2, 3, fn_range});
    table.push_back({"reverse", 1, 1, fn_reverse});
    table.push_back({"coalesce", 1, -1, fn_coalesce});
    table.push_back({"isEmpty", 1, 1, fn_is_empty});
}

}  // namespace meninx::function
