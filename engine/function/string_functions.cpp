// Functions over strings: toLower, toUpper (for Latin, Greek and Cyrillic letters), trim, ltrim,
// rtrim, substring, left, right, replace, split. Positions and lengths count UTF-8 characters, not
// bytes.
#include <cctype>
#include <cstdint>

#include "function/builtin_functions.h"

namespace meninx::function {

std::vector<std::string_view> utf8_characters(std::string_view s) {
    std::vector<std::string_view> out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        auto lead = static_cast<unsigned char>(s[i]);
        size_t len = lead < 0x80           ? 1
                     : (lead >> 5) == 0x6  ? 2
                     : (lead >> 4) == 0xe  ? 3
                     : (lead >> 3) == 0x1e ? 4
                                           : 1;
        if (i + len > s.size()) len = 1;
        for (size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) {
                len = 1;
                break;
            }
        }
        out.push_back(s.substr(i, len));
        i += len;
    }
    return out;
}

namespace {

using expression::EvalContext;

// Simple case mapping of one code point for the scripts our data uses: ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic. Other code points map to themselves.
uint32_t map_case(uint32_t c, bool upper) {
    auto shift = [&](uint32_t lower_first, uint32_t upper_first, uint32_t count) -> bool {
        if (upper && c >= lower_first && c < lower_first + count) {
            c = c - lower_first + upper_first;
            return true;
        }
        if (!upper && c >= upper_first && c < upper_first + count) {
            c = c - upper_first + lower_first;
            return true;
        }
        return false;
    };
    if (c < 0x80) {
        shift('a', 'A', 26);
        return c;
    }
    if (c == 0xd7 || c == 0xf7) return c;  // multiplication and division signs
    if (shift(0xe0, 0xc0, 0x1f)) return c;
    // Latin Extended-A: upper and lower case alternate; which comes first depends on the block.
    bool even_upper = (c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177);
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e);
    if (even_upper || odd_upper) {
        bool is_upper = (c % 2 == 0) == even_upper;
        if (upper && !is_upper) return c - 1;
        if (!upper && is_upper) return c + 1;
        return c;
    }
    if (upper && c == 0x3c2) return 0x3a3;  // final sigma
    if (c != 0x3a2 && c != 0x3c2 && shift(0x3b1, 0x391, 25)) return c;
    if (shift(0x430, 0x410, 32)) return c;
    if (shift(0x450, 0x400, 16)) return c;
    return c;
}

// Decodes a well-formed UTF-8 character (as split by utf8_characters).
uint32_t decode(std::string_view ch) {
    auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(ch[i])); };
    switch (ch.size()) {
        case 1:
            return byte(0);
        case 2:
            return ((byte(0) & 0x1f) << 6) | (byte(1) & 0x3f);
        case 3:
            return ((byte(0) & 0x0f) << 12) | ((byte(1) & 0x3f) << 6) | (byte(2) & 0x3f);
        default:
            return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3f) << 12) | ((byte(2) & 0x3f) << 6) |
                   (byte(3) & 0x3f);
    }
}

void encode(uint32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

Value change_case(const Value& v, const char* fn, bool upper) {
    if (v.is_null()) return Value();
    const std::string& s = string_arg(fn, v);
    std::string out;
    out.reserve(s.size());
    for (std::string_view ch : utf8_characters(s)) {
        bool malformed = ch.size() == 1 && static_cast<unsigned char>(ch[0]) >= 0x80;
        if (malformed) {
            out += ch;
        } else {
            encode(map_case(decode(ch), upper), out);
        }
    }
    return out;
}

Value fn_to_lower(std::vector<Value>& args, EvalContext&) {
    return change_case(args[0], "toLower", false);
}

Value fn_to_upper(std::vector<Value>& args, EvalContext&) {
    return change_case(args[0], "toUpper", true);
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

Value trim(const Value& v, const char* fn, bool left, bool right) {
    if (v.is_null()) return Value();
    const std::string& s = string_arg(fn, v);
    size_t begin = 0;
    size_t end = s.size();
    if (left) {
        while (begin < end && is_space(s[begin])) ++begin;
    }
    if (right) {
        while (end > begin && is_space(s[end - 1])) --end;
    }
    return s.substr(begin, end - begin);
}

Value fn_trim(std::vector<Value>& args, EvalContext&) { return trim(args[0], "trim", true, true); }

Value fn_ltrim(std::vector<Value>& args, EvalContext&) {
    return trim(args[0], "ltrim", true, false);
}

Value fn_rtrim(std::vector<Value>& args, EvalContext&) {
    return trim(args[0], "rtrim", false, true);
}

// The characters [start, start + length) of `s`, clamped to its end.
std::string char_range(const std::string& s, uint64_t start, uint64_t length) {
    auto chars = utf8_characters(s);
    std::string out;
    for (uint64_t i = start; i < chars.size() && i - start < length; ++i) out += chars[i];
    return out;
}

int64_t non_negative(const char* fn, const char* what, const Value& v) {
    int64_t n = int_arg(fn, v);
    if (n < 0) {
        argument_error(std::string(fn) + "() expects a non-negative " + what + ", got " +
                       std::to_string(n));
    }
    return n;
}

// substring(s, start[, length]): start is 0-based.
Value fn_substring(std::vector<Value>& args, EvalContext&) {
    if (args[0].is_null()) return Value();
    const std::string& s = string_arg("substring", args[0]);
    auto start = static_cast<uint64_t>(non_negative("substring", "start", args[1]));
    uint64_t length = UINT64_MAX;
    if (args.size() > 2)
        length = static_cast<uint64_t>(non_negative("substring", "length", args[2]));
    return char_range(s, start, length);
}

Value fn_left(std::vector<Value>& args, EvalContext&) {
    if (args[0].is_null()) return Value();
    const std::string& s = string_arg("left", args[0]);
    return char_range(s, 0, static_cast<uint64_t>(non_negative("left", "length", args[1])));
}

Value fn_right(std::vector<Value>& args, EvalContext&) {
    if (args[0].is_null()) return Value();
    const std::string& s = string_arg("right", args[0]);
    auto length = static_cast<uint64_t>(non_negative("right", "length", args[1]));
    uint64_t size = utf8_characters(s).size();
    return char_range(s, length >= size ? 0 : size - length, length);
}

// replace(s, search, replacement): every occurrence; an empty search matches between
// characters.
Value fn_replace(std::vector<Value>& args, EvalContext&) {
    for (const Value& v : args) {
        if (v.is_null()) return Value();
    }
    const std::string& s = string_arg("replace", args[0]);
    const std::string& search = string_arg("replace", args[1]);
    const std::string& replacement = string_arg("replace", args[2]);
    std::string out;
    if (search.empty()) {
        out += replacement;
        for (std::string_view c : utf8_characters(s)) {
            out += c;
            out += replacement;
        }
        return out;
    }
    size_t pos = 0;
    while (true) {
        size_t hit = s.find(search, pos);
        if (hit == std::string::npos) break;
        out.append(s, pos, hit - pos);
        out += replacement;
        pos = hit + search.size();
    }
    out.append(s, pos, std::string::npos);
    return out;
}

// split(s, delimiter): the pieces between delimiters, empty pieces kept; an empty delimiter
// splits into characters.
Value fn_split(std::vector<Value>& args, EvalContext&) {
    if (args[0].is_null() || args[1].is_null()) return Value();
    const std::string& s = string_arg("split", args[0]);
    const std::string& delimiter = string_arg("split", args[1]);
    List out;
    if (delimiter.empty()) {
        for (std::string_view c : utf8_characters(s)) out.emplace_back(c);
        return out;
    }
    size_t pos = 0;
    while (true) {
        size_t hit = s.find(delimiter, pos);
        if (hit == std::string::npos) break;
        out.emplace_back(s.substr(pos, hit - pos));
        pos = hit + delimiter.size();
    }
    out.emplace_back(s.substr(pos));
    return out;
}

}  // namespace

void add_string_functions(std::vector<FunctionDef>& table) {
    table.push_back({"toLower", 1, 1, fn_to_lower});
    table.push_back({"toUpper", 1, 1, fn_to_upper});
    table.push_back({"trim", 1, 1, fn_trim});
    table.push_back({"ltrim", 1, 1, fn_ltrim});
    table.push_back({"rtrim", 1, 1, fn_rtrim});
    table.push_back({"substring", 2, 3, fn_substring});
    table.push_back({"left", 2, 2, fn_left});
    table.push_back({"right", 2, 2, fn_right});
    table.push_back({"replace", 3, 3, fn_replace});
    table.push_back({"split", 2, 2, fn_split});
}

}  // namespace meninx::function
