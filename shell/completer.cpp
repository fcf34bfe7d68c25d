#include "completer.h"

#include <algorithm>
#include <cctype>

namespace meninx::shell {

namespace {

constexpr std::string_view kKeywords[] = {
    "ALL",      "AND",     "AS",     "ASC",    "ASCENDING", "BY",         "CALL",     "CASE",
    "CONTAINS", "COUNT",   "CREATE", "DELETE", "DESC",      "DESCENDING", "DETACH",   "DISTINCT",
    "ELSE",     "END",     "ENDS",   "EXISTS", "EXPLAIN",   "FALSE",      "IN",       "IS",
    "LIMIT",    "MATCH",   "MERGE",  "NOT",    "NULL",      "ON",         "OPTIONAL", "OR",
    "ORDER",    "PROFILE", "REMOVE", "RETURN", "SET",       "SKIP",       "STARTS",   "THEN",
    "TRUE",     "UNION",   "UNWIND", "WHEN",   "WHERE",     "WITH",       "XOR",      "YIELD",
};

constexpr std::string_view kFunctions[] = {
    "abs",           "avg",       "ceil",      "coalesce",  "collect", "count",      "endNode",
    "exists",        "floor",     "head",      "id",        "keys",    "labels",     "last",
    "left",          "length",    "max",       "min",       "nodes",   "properties", "range",
    "relationships", "replace",   "reverse",   "right",     "round",   "sign",       "size",
    "split",         "sqrt",      "startNode", "substring", "sum",     "tail",       "toBoolean",
    "toFloat",       "toInteger", "toLower",   "toString",  "toUpper", "trim",       "type",
};

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (prefix.size() > text.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

bool has_lowercase(std::string_view word) {
    return std::any_of(word.begin(), word.end(),
                       [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

}  // namespace

void Completer::set_catalog(std::vector<std::string> labels, std::vector<std::string> types,
                            std::vector<std::string> property_keys) {
    labels_ = std::move(labels);
    types_ = std::move(types);
    property_keys_ = std::move(property_keys);
}

const char* Completer::word_breaks() { return " \t\n\"'`@$><=;|&{(,)[]:.+-*/%"; }

std::vector<std::string> Completer::complete(std::string_view line, size_t start,
                                             size_t end) const {
    start = std::min(start, line.size());
    end = std::clamp(end, start, line.size());
    std::string_view word = line.substr(start, end - start);
    char before = start > 0 ? line[start - 1] : '\0';
    std::vector<std::string> out;
    auto add_from = [&](const auto& words) {
        for (const auto& w : words) {
            if (starts_with_nocase(w, word)) out.emplace_back(w);
        }
    };

    if (before == ':') {
        bool line_start = line.substr(0, start - 1).find_first_not_of(" \t") == std::string::npos;
        if (line_start) {
            add_from(commands_);
        } else {
            add_from(labels_);
            add_from(types_);
        }
    } else if (before == '.') {
        add_from(property_keys_);
    } else if (before == '$') {
        add_from(parameters_);
    } else {
        bool lower = has_lowercase(word);
        for (std::string_view k : kKeywords) {
            if (!starts_with_nocase(k, word)) continue;
            std::string s(k);
            if (lower) {
                for (char& c : s)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            out.push_back(std::move(s));
        }
        add_from(kFunctions);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace meninx::shell
