// db.search: full-text search over what nodes are called (name, synonyms, the id and xrefs
// identifiers, description), answered from the node_search FTS5 index that migration 004 keeps in
// step with the stmt table.
//
// The user's text never reaches FTS5 as query syntax: it is cut into words at white space (a
// "double-quoted" stretch stays one phrase), each word becomes a quoted FTS5 phrase, and a
// trailing * makes the last token of a word a prefix. A node matches when it has every word, in
// any of its indexed properties; its score is that of its best property (bm25, higher is better,
// with a name or identifier weighing more than a synonym, and a synonym more than a description).
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "execution/exec_context.h"
#include "execution/procedures.h"
#include "meninx/error.h"
#include "storage/sqlite_store.h"

namespace meninx::execution {

namespace {

constexpr const char* kProcedure = "db.search";

[[noreturn]] void argument_error(const std::string& message) {
    throw Exception(ErrorKind::Argument, std::string(kProcedure) + ": " + message);
}

// True when `word` has a character FTS5's unicode61 tokenizer keeps (ASCII letters and digits;
// any non-ASCII character is given the benefit of the doubt).
bool has_token_character(std::string_view word) {
    for (unsigned char c : word) {
        if (std::isalnum(c) || c >= 0x80) return true;
    }
    return false;
}

// One word of the user's query as an FTS5 phrase: "text" or, for a prefix, "text" *.
std::string fts_phrase(std::string_view word, bool prefix) {
    std::string out = "\"";
    for (char c : word) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    if (prefix) out += " *";
    return out;
}

// The FTS5 MATCH expression for what the user typed: every word must occur (implicit AND).
// Throws an Argument error when nothing searchable is left.
std::string match_expression(const std::string& text) {
    std::vector<std::string> phrases;
    size_t i = 0;
    while (i < text.size()) {
        if (std::isspace(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::string word;
        if (text[i] == '"') {
            size_t close = text.find('"', i + 1);
            size_t end = close == std::string::npos ? text.size() : close;
            word = text.substr(i + 1, end - i - 1);
            i = close == std::string::npos ? text.size() : close + 1;
        } else {
            size_t end = i;
            while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
                   text[end] != '"') {
                ++end;
            }
            word = text.substr(i, end - i);
            i = end;
        }
        bool prefix = false;
        for (; i < text.size() && text[i] == '*'; ++i) prefix = true;
        for (; !word.empty() && word.back() == '*'; word.pop_back()) prefix = true;
        if (has_token_character(word)) phrases.push_back(fts_phrase(word, prefix));
    }
    if (phrases.empty()) {
        argument_error("nothing to search for in '" + text +
                       "'; give a word of a name, synonym, identifier or description, such as "
                       "'osimertinib', 'Tagrisso', 'DB09330' or 'osim*'");
    }
    std::string out;
    for (const auto& p : phrases) out += (out.empty() ? "" : " ") + p;
    return out;
}

struct SearchOptions {
    int64_t limit = -1;  // -1: every match
    std::optional<std::string> label;
};

int64_t limit_argument(const Value& v, const char* what) {
    if (!v.is_int()) {
        argument_error(std::string(what) + " must be an INTEGER, got " +
                       std::string(type_name(v.type())));
    }
    if (v.as_int() < 0) {
        argument_error(std::string(what) + " must not be negative, got " +
                       std::to_string(v.as_int()));
    }
    return v.as_int();
}

// The optional second argument: a limit, or a map {limit: N, label: 'Drug'}.
SearchOptions search_options(const std::vector<Value>& args) {
    SearchOptions options;
    if (args.size() < 2 || args[1].is_null()) return options;
    const Value& arg = args[1];
    if (arg.is_int()) {
        options.limit = limit_argument(arg, "the limit");
        return options;
    }
    if (!arg.is_map()) {
        argument_error(
            "the second argument must be a limit (INTEGER) or an options map "
            "{limit, label}, got " +
            std::string(type_name(arg.type())));
    }
    for (const auto& [key, value] : arg.as_map()) {
        if (key == "limit") {
            if (!value.is_null()) options.limit = limit_argument(value, "the option limit");
        } else if (key == "label") {
            if (value.is_null()) continue;
            if (!value.is_string()) {
                argument_error("the option label must be a STRING, got " +
                               std::string(type_name(value.type())));
            }
            options.label = value.as_string();
        } else {
            argument_error("unknown option '" + key + "' (the options are limit and label)");
        }
    }
    return options;
}

// The hits, best node first. bm25 weighs node_search's columns (name, synonyms, identifiers,
// description); the CTE is materialised because FTS5 evaluates bm25 only in a query on its own
// table. A node's score is its best property's; the sum over its properties breaks ties.
constexpr const char* kRankedHits =
    "WITH h AS MATERIALIZED ("
    "  SELECT rowid AS id, -bm25(node_search, 10.0, 8.0, 10.0, 1.0) AS score"
    "  FROM node_search WHERE node_search MATCH ?1) "
    "SELECT st.s, max(h.score) AS best, k.value, sum(h.score) AS total "
    "FROM h JOIN stmt AS st ON st.id = h.id JOIN term AS k ON k.id = st.p "
    "WHERE ?2 IS NULL OR EXISTS (SELECT 1 FROM stmt AS l WHERE l.s = st.s AND l.p = 1 AND "
    "l.o = ?2) "
    "GROUP BY st.s ORDER BY best DESC, total DESC, st.s LIMIT ?3";

// A file opened read-only before its upgrade to schema version 4 has no index to search.
void require_index(ExecContext& ctx) {
    auto& q = ctx.graph().store().cached(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'node_search'");
    const bool present = q.step() && q.get_int(0) > 0;
    q.reset();
    if (!present) {
        throw Exception(ErrorKind::Usage,
                        std::string(kProcedure) +
                            ": this database has no search index yet (it was made by an older "
                            "Meninx); open it once without --read-only to add it");
    }
}

ProcedureRows search(ExecContext& ctx, const std::vector<Value>& args) {
    const Value& text = args[0];
    if (text.is_null()) return {};
    if (!text.is_string()) {
        argument_error("the query must be a STRING, got " + std::string(type_name(text.type())));
    }
    const std::string match = match_expression(text.as_string());
    const SearchOptions options = search_options(args);
    ProcedureRows rows;
    if (options.limit == 0) return rows;
    require_index(ctx);
    auto& q = ctx.graph().store().cached(kRankedHits);
    q.bind(1, match);
    if (options.label) {
        auto label = ctx.graph().label_id(*options.label);
        if (!label) {
            q.reset();
            return rows;
        }
        q.bind(2, *label);
    } else {
        q.bind_null(2);
    }
    q.bind(3, options.limit);
    try {
        while (q.step()) {
            ctx.check_interrupt();
            Node node;
            node.id = q.get_int(0);
            rows.push_back({Value(std::move(node)), Value(q.get_double(1)), q.get_value(2)});
        }
    } catch (...) {
        q.reset();
        throw;
    }
    q.reset();
    return rows;
}

}  // namespace

std::vector<Procedure> search_procedures() {
    return {
        {kProcedure,
         {"node", "score", "property"},
         1,
         2,
         false,
         "db.search(text :: STRING, limit :: INTEGER or {limit, label} :: MAP) :: (node, score, "
         "property) -- nodes whose name, synonyms, id, xrefs or description contain every word "
         "of text (case and accents ignored, word* for a prefix), best match first",
         search},
    };
}

}  // namespace meninx::execution
