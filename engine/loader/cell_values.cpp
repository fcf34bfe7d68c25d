// Typing the text of TSV and CSV cells.
#include "loader/cell_values.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace meninx::loader {

namespace {

using catalog::PropertyType;

bool parse_int(const std::string& text, int64_t* out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return ec == std::errc() && end == text.data() + text.size();
}

bool parse_float(const std::string& text, double* out) {
    if (text == "NaN") {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == "Infinity" || text == "-Infinity") {
        *out = text[0] == '-' ? -std::numeric_limits<double>::infinity()
                              : std::numeric_limits<double>::infinity();
        return true;
    }
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
    return ec == std::errc() && end == text.data() + text.size();
}

// Digits with an optional leading '-', and no leading zero unless the number is 0: "007" and
// "+1" are kept as text (identifiers, codes).
bool integer_shape(const std::string& text) {
    size_t start = !text.empty() && text[0] == '-' ? 1 : 0;
    if (start == text.size()) return false;
    if (text[start] == '0' && text.size() > start + 1) return false;
    for (size_t i = start; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
}

// A decimal number with a '.' or an exponent, digits on both sides of the '.' ("1.5", "-0.25",
// "2e-3"); not "1.", ".5", "inf" or "nan", which stay text.
bool float_shape(const std::string& text) {
    size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
    auto digits = [&] {
        size_t from = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        return i > from;
    };
    if (!digits()) return false;
    bool point = false, exponent = false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (!digits()) return false;
        point = true;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        if (!digits()) return false;
        exponent = true;
    }
    return i == text.size() && (point || exponent);
}

Value string_list(const std::string& text, char separator) {
    List items;
    for (const auto& item : split(text, separator)) {
        std::string t = trim(item);
        if (!t.empty()) items.push_back(Value(t));
    }
    return Value(std::move(items));
}

}  // namespace

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t end = text.find(separator, start);
        out.push_back(
            text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

std::string trim(const std::string& text) {
    size_t begin = text.find_first_not_of(" \r");
    if (begin == std::string::npos) return "";
    size_t end = text.find_last_not_of(" \r");
    return text.substr(begin, end - begin + 1);
}

std::optional<Value> typed_value(PropertyType type, const std::string& text, char list_separator) {
    switch (type) {
        case PropertyType::String:
            return Value(text);
        case PropertyType::Integer: {
            int64_t v = 0;
            if (!parse_int(text, &v)) return std::nullopt;
            return Value(v);
        }
        case PropertyType::Float: {
            double v = 0;
            if (!parse_float(text, &v)) return std::nullopt;
            return Value(v);
        }
        case PropertyType::Boolean:
            if (text == "true") return Value(true);
            if (text == "false") return Value(false);
            return std::nullopt;
        case PropertyType::StringList:
            return string_list(text, list_separator);
    }
    return std::nullopt;
}

Value inferred_value(const std::string& text, char list_separator, bool list_column) {
    if (list_column || text.find(list_separator) != std::string::npos) {
        return string_list(text, list_separator);
    }
    if (text == "true") return Value(true);
    if (text == "false") return Value(false);
    int64_t i = 0;
    if (integer_shape(text) && parse_int(text, &i)) return Value(i);
    double d = 0;
    if ((float_shape(text) || text == "NaN" || text == "Infinity" || text == "-Infinity") &&
        parse_float(text, &d)) {
        return Value(d);
    }
    return Value(text);
}

bool is_kgx_list_column(std::string_view name) {
    static const char* const kLists[] = {"category",
                                         "provided_by",
                                         "publications",
                                         "xref",
                                         "synonym",
                                         "same_as",
                                         "knowledge_source",
                                         "aggregator_knowledge_source",
                                         "supporting_data_source"};
    for (const char* list : kLists) {
        if (name == list) return true;
    }
    return false;
}

}  // namespace meninx::loader
