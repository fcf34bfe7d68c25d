#include "parser/syntax_error.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <vector>

#include "CypherParser.h"

namespace meninx::parser {

using meninx_antlr::CypherParser;

namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The text of line `line` (1-based) without its line break; empty when out of range.
std::string_view line_of(std::string_view text, int line) {
    size_t begin = 0;
    for (int current = 1; current < line; ++current) {
        size_t next = text.find('\n', begin);
        if (next == std::string_view::npos) return {};
        begin = next + 1;
    }
    size_t end = text.find('\n', begin);
    std::string_view result = text.substr(begin, end == std::string_view::npos ? end : end - begin);
    if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
    return result;
}

// Shortens a token's text for a message, cutting on a code point boundary.
std::string shorten(const std::string& text) {
    constexpr size_t kMaxBytes = 40;
    if (text.size() <= kMaxBytes) return text;
    size_t cut = kMaxBytes;
    while (cut > 0 && is_continuation_byte(text[cut])) --cut;
    return text.substr(0, cut) + "...";
}

// The first code point of a UTF-8 string, or U+FFFD when it is malformed.
char32_t first_code_point(const std::string& text) {
    if (text.empty()) return 0xFFFD;
    auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(0);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (length > text.size()) return 0xFFFD;
    char32_t cp = length == 1   ? lead
                  : length == 2 ? (lead & 0x1F)
                  : length == 3 ? (lead & 0x0F)
                                : (lead & 0x07);
    for (size_t i = 1; i < length; ++i) cp = (cp << 6) | (byte(i) & 0x3F);
    return cp;
}

const std::set<size_t>& clause_starts() {
    static const std::set<size_t> tokens = {
        CypherParser::K_MATCH,  CypherParser::K_OPTIONAL, CypherParser::K_UNWIND,
        CypherParser::K_WITH,   CypherParser::K_RETURN,   CypherParser::K_CREATE,
        CypherParser::K_MERGE,  CypherParser::K_SET,      CypherParser::K_REMOVE,
        CypherParser::K_DELETE, CypherParser::K_DETACH,   CypherParser::K_CALL};
    return tokens;
}

// Tokens that can only begin an expression (beyond names, which are handled separately).
const std::set<size_t>& expression_starts() {
    static const std::set<size_t> tokens = {
        CypherParser::DECIMAL_INTEGER, CypherParser::HEX_INTEGER,
        CypherParser::OCTAL_INTEGER,   CypherParser::FLOAT,
        CypherParser::STRING,          CypherParser::PARAMETER,
        CypherParser::LPAREN,          CypherParser::LBRACK,
        CypherParser::LBRACE,          CypherParser::PLUS,
        CypherParser::MINUS,           CypherParser::K_NOT,
        CypherParser::K_TRUE,          CypherParser::K_FALSE,
        CypherParser::K_NULL,          CypherParser::K_CASE,
        CypherParser::K_ALL,           CypherParser::K_EXISTS};
    return tokens;
}

// Keywords that are also names (see `symbolicName` in the grammar).
const std::set<size_t>& soft_keywords() {
    static const std::set<size_t> tokens = {
        CypherParser::K_COUNT,     CypherParser::K_ANY,
        CypherParser::K_NONE,      CypherParser::K_SINGLE,
        CypherParser::K_REDUCE,    CypherParser::K_SHORTESTPATH,
        CypherParser::K_EXPLAIN,   CypherParser::K_ALLSHORTESTPATHS,
        CypherParser::K_PROFILE,   CypherParser::K_END,
        CypherParser::K_ASC,       CypherParser::K_ASCENDING,
        CypherParser::K_DESC,      CypherParser::K_DESCENDING,
        CypherParser::K_BY,        CypherParser::K_ON,
        CypherParser::K_DETACH,    CypherParser::K_YIELD,
        CypherParser::ESCAPED_NAME};
    return tokens;
}

// Operators that may follow an expression.
const std::set<size_t>& operators() {
    static const std::set<size_t> tokens = {
        CypherParser::EQ,          CypherParser::NE,      CypherParser::LT,
        CypherParser::LE,          CypherParser::GT,      CypherParser::GE,
        CypherParser::PLUS,        CypherParser::MINUS,   CypherParser::STAR,
        CypherParser::SLASH,       CypherParser::PERCENT, CypherParser::CARET,
        CypherParser::REGEX_MATCH, CypherParser::K_AND,   CypherParser::K_OR,
        CypherParser::K_XOR,       CypherParser::K_IN,    CypherParser::K_IS,
        CypherParser::K_STARTS,    CypherParser::K_ENDS,  CypherParser::K_CONTAINS,
        CypherParser::DOT,         CypherParser::LBRACK,  CypherParser::COLON};
    return tokens;
}

// How one token type reads in a message: a keyword in capitals, punctuation quoted.
std::string describe_token(size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
    switch (type) {
        case antlr4::Token::EOF:
            return "end of input";
        case CypherParser::IDENTIFIER:
            return "a name";
        case CypherParser::ESCAPED_NAME:
            return "a name";
        case CypherParser::DECIMAL_INTEGER:
        case CypherParser::HEX_INTEGER:
        case CypherParser::OCTAL_INTEGER:
            return "an integer";
        case CypherParser::FLOAT:
            return "a number";
        case CypherParser::STRING:
            return "a string";
        case CypherParser::PARAMETER:
            return "a parameter";
        case CypherParser::K_SHORTESTPATH:
            return "shortestPath";
        case CypherParser::K_ALLSHORTESTPATHS:
            return "allShortestPaths";
        default:
            break;
    }
    std::string literal = vocabulary.getLiteralName(type);
    if (!literal.empty()) return literal;
    std::string symbolic = vocabulary.getSymbolicName(type);
    if (symbolic.rfind("K_", 0) == 0) return symbolic.substr(2);
    return symbolic;
}

// Joins items as "a, b or c".
std::string join_alternatives(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? " or " : ", ";
        out += items[i];
    }
    return out;
}

// Describes an expected-token set in words, collapsing the large groups (clause keywords,
// expression starts, names, operators) into a phrase each.
std::string describe_expected(const antlr4::misc::IntervalSet& expected,
                              const antlr4::dfa::Vocabulary& vocabulary) {
    std::set<size_t> types;
    for (ssize_t type : expected.toList()) types.insert(static_cast<size_t>(type));
    auto count_of = [&](const std::set<size_t>& group) {
        return std::count_if(group.begin(), group.end(),
                             [&](size_t t) { return types.count(t) > 0; });
    };
    auto remove = [&](const std::set<size_t>& group) {
        for (size_t t : group) types.erase(t);
    };
    std::vector<std::string> phrases;
    bool name = types.count(CypherParser::IDENTIFIER) > 0;
    auto is_keyword = [&](size_t t) { return vocabulary.getSymbolicName(t).rfind("K_", 0) == 0; };
    // Where any word is a valid name (labels, property keys), every keyword is expected too:
    // list none of them.
    auto is_reserved = [&](size_t t) { return is_keyword(t) && soft_keywords().count(t) == 0; };
    if (name && std::count_if(types.begin(), types.end(), is_reserved) >= 20) {
        std::erase_if(types, is_keyword);
    }
    bool clause = count_of(clause_starts()) >= 3;
    bool expression =
        types.count(CypherParser::DECIMAL_INTEGER) > 0 && types.count(CypherParser::STRING) > 0;
    bool operator_group = count_of(operators()) >= 6;
    bool end = types.count(antlr4::Token::EOF) > 0;
    if (clause) {
        remove(clause_starts());
        types.erase(CypherParser::K_EXPLAIN);
        types.erase(CypherParser::K_PROFILE);
        types.erase(CypherParser::K_UNION);
        types.erase(CypherParser::SEMI);
        types.erase(antlr4::Token::EOF);
        end = false;
    }
    if (operator_group) {
        remove(operators());
        phrases.push_back("an operator");
    }
    if (expression) {
        remove(expression_starts());
        phrases.push_back("an expression");
    }
    if (name) {
        remove(soft_keywords());
        types.erase(CypherParser::IDENTIFIER);
        if (!expression) phrases.push_back("a name");
    }
    if (clause) phrases.push_back("a clause such as MATCH, RETURN, WITH, CREATE");
    types.erase(antlr4::Token::EOF);

    std::vector<std::string> items;
    constexpr size_t kMaxItems = 8;
    for (size_t type : types) {
        if (items.size() == kMaxItems) {
            items.push_back("...");
            break;
        }
        items.push_back(describe_token(type, vocabulary));
    }
    items.insert(items.end(), phrases.begin(), phrases.end());
    if (end) items.push_back("end of input");
    return join_alternatives(items);
}

// Token types tried in place of the offending token, to complete ANTLR's own expected set: that
// set forgets what the optional parts of rules already left could have taken, and for a failed
// decision it describes where the decision began rather than the offending token.
const std::vector<size_t>& continuation_candidates() {
    static const std::vector<size_t> tokens = {
        CypherParser::K_MATCH,  CypherParser::K_OPTIONAL, CypherParser::K_UNWIND,
        CypherParser::K_WITH,   CypherParser::K_RETURN,   CypherParser::K_CREATE,
        CypherParser::K_MERGE,  CypherParser::K_SET,      CypherParser::K_REMOVE,
        CypherParser::K_DELETE, CypherParser::K_DETACH,   CypherParser::K_CALL,
        CypherParser::K_WHERE,  CypherParser::COMMA,      CypherParser::K_UNION,
        CypherParser::K_AS,     CypherParser::K_ORDER,    CypherParser::K_SKIP,
        CypherParser::K_LIMIT,  CypherParser::K_ON,       CypherParser::K_YIELD,
        CypherParser::K_DESC,   CypherParser::K_ASC,      CypherParser::PLUS,
        CypherParser::EQ,       CypherParser::K_AND,      CypherParser::K_OR,
        CypherParser::K_XOR,    CypherParser::K_IS,       CypherParser::K_IN,
        CypherParser::DOT,      CypherParser::LBRACK,     CypherParser::COLON,
        CypherParser::LT,       CypherParser::MINUS,      CypherParser::STAR,
        CypherParser::K_STARTS, CypherParser::K_CONTAINS, CypherParser::LPAREN,
        CypherParser::RPAREN,   CypherParser::RBRACK,     CypherParser::RBRACE,
        CypherParser::DOTDOT,   CypherParser::PIPE,       CypherParser::K_BY,
        CypherParser::K_WHEN,   CypherParser::K_THEN,     CypherParser::K_ELSE,
        CypherParser::K_END,    CypherParser::IDENTIFIER, CypherParser::DECIMAL_INTEGER,
        CypherParser::STRING,   CypherParser::GT,         CypherParser::LBRACE};
    return tokens;
}

// Whether the statement could go on with a token of `type` at token index `index`: parses the
// tokens before it, then that token, then the end, and checks that the first error (if any)
// comes after it.
bool continues_with(antlr4::TokenStream& stream, size_t index, size_t type) {
    std::vector<std::unique_ptr<antlr4::Token>> tokens;
    for (size_t i = 0; i < index; ++i) {
        antlr4::Token* token = stream.get(i);
        if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
            tokens.push_back(std::make_unique<antlr4::CommonToken>(token));
        }
    }
    const size_t candidate = tokens.size();
    tokens.push_back(std::make_unique<antlr4::CommonToken>(type, "x"));
    tokens.push_back(std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF, "<EOF>"));
    antlr4::ListTokenSource source(std::move(tokens));
    antlr4::CommonTokenStream trial_stream(&source);
    CypherParser trial(&trial_stream);
    trial.removeErrorListeners();
    trial.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    trial.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
    try {
        trial.statement();
        return true;
    } catch (const antlr4::ParseCancellationException& cancel) {
        try {
            std::rethrow_if_nested(cancel);
        } catch (const antlr4::RecognitionException& error) {
            antlr4::Token* offending = error.getOffendingToken();
            return offending != nullptr && offending->getTokenIndex() > candidate;
        } catch (...) {
        }
        return false;
    }
}

// What could stand at the offending token: ANTLR's expected set for the error, completed by
// trial parses (see continuation_candidates).
antlr4::misc::IntervalSet expected_at(antlr4::Parser& parser, antlr4::Token& offending,
                                      std::exception_ptr error) {
    antlr4::misc::IntervalSet expected;
    bool decided_earlier = false;
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const antlr4::NoViableAltException& no_viable) {
            expected = no_viable.getExpectedTokens();
            decided_earlier =
                no_viable.getStartToken() != nullptr &&
                no_viable.getStartToken()->getTokenIndex() < offending.getTokenIndex();
        } catch (const antlr4::RecognitionException& recognition) {
            expected = recognition.getExpectedTokens();
        } catch (...) {
            expected = parser.getExpectedTokens();
        }
    } else {
        expected = parser.getExpectedTokens();
    }
    // Each trial re-parses everything before the offending token: past a few thousand tokens,
    // ANTLR's set has to do.
    constexpr size_t kMaxTrialTokens = 2000;
    if (offending.getTokenIndex() > kMaxTrialTokens) return expected;
    antlr4::misc::IntervalSet viable;
    for (size_t type : continuation_candidates()) {
        if (continues_with(*parser.getTokenStream(), offending.getTokenIndex(), type)) {
            viable.add(type);
        }
    }
    if (viable.contains(static_cast<size_t>(CypherParser::IDENTIFIER))) {
        // Where a name fits, so does nearly every keyword: list none of them.
        for (size_t type : continuation_candidates()) {
            if (parser.getVocabulary().getSymbolicName(type).rfind("K_", 0) == 0) {
                viable.remove(type);
            }
        }
    }
    // A failed decision's own set describes where it began, not the offending token.
    if (decided_earlier && !viable.isEmpty()) return viable;
    expected.addAll(viable);
    return expected;
}

// Line and 1-based column just after the last visible token before `token` (for errors at the
// end of the input, which ANTLR places after any trailing blank lines).
std::pair<int, int> end_of_previous_token(antlr4::Parser& parser, antlr4::Token& token) {
    antlr4::TokenStream* stream = parser.getTokenStream();
    for (size_t index = token.getTokenIndex(); index-- > 0;) {
        antlr4::Token* previous = stream->get(index);
        if (previous->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
        int line = static_cast<int>(previous->getLine());
        int column = static_cast<int>(previous->getCharPositionInLine()) + 1;
        for (char c : previous->getText()) {
            if (c == '\n') {
                ++line;
                column = 1;
            } else if (!is_continuation_byte(c)) {
                ++column;
            }
        }
        return {line, column};
    }
    return {1, 1};
}

}  // namespace

Exception make_syntax_error(std::string_view text, int line, int column, std::string message) {
    std::string_view source_line = line_of(text, line);
    std::string caret;
    int position = 1;
    for (size_t i = 0; i < source_line.size() && position < column; ++i) {
        if (is_continuation_byte(source_line[i])) continue;
        caret += source_line[i] == '\t' ? '\t' : ' ';
        ++position;
    }
    for (; position < column; ++position) caret += ' ';
    caret += '^';
    Error error{ErrorKind::Syntax, std::move(message), line, column, {}};
    error.excerpt = std::string(source_line) + "\n" + caret;
    return Exception(std::move(error));
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer,
                                      antlr4::Token* offending_symbol, size_t line,
                                      size_t char_position_in_line, const std::string& message,
                                      std::exception_ptr error) {
    int error_line = static_cast<int>(line);
    int error_column = static_cast<int>(char_position_in_line) + 1;
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    if (parser == nullptr || offending_symbol == nullptr) {
        throw make_syntax_error(text_, error_line, error_column, "Invalid input: " + message);
    }
    const std::string found = offending_symbol->getText();
    switch (offending_symbol->getType()) {
        case CypherParser::UNTERMINATED_STRING:
            throw make_syntax_error(text_, error_line, error_column,
                                    "Unterminated string literal: expected a closing quote (" +
                                        found.substr(0, 1) + ")");
        case CypherParser::UNTERMINATED_NAME:
            throw make_syntax_error(text_, error_line, error_column,
                                    "Unterminated escaped name: expected a closing backtick (`)");
        case CypherParser::UNTERMINATED_COMMENT:
            throw make_syntax_error(text_, error_line, error_column,
                                    "Unterminated comment: expected '*/'");
        case CypherParser::BAD_NUMBER:
            throw make_syntax_error(text_, error_line, error_column,
                                    "Invalid number literal '" + shorten(found) + "'");
        default:
            break;
    }

    if (offending_symbol->getType() == CypherParser::UNKNOWN_CHARACTER && found == "!") {
        antlr4::Token* next = parser->getTokenStream()->get(offending_symbol->getTokenIndex() + 1);
        if (next->getType() == CypherParser::EQ &&
            next->getStartIndex() == offending_symbol->getStopIndex() + 1) {
            throw make_syntax_error(text_, error_line, error_column,
                                    "Invalid input '!=': Cypher writes 'not equal' as <>");
        }
    }
    std::string wanted =
        describe_expected(expected_at(*parser, *offending_symbol, error), parser->getVocabulary());
    std::string tail = wanted.empty() ? "" : ": expected " + wanted;

    if (offending_symbol->getType() == antlr4::Token::EOF) {
        auto [end_line, end_column] = end_of_previous_token(*parser, *offending_symbol);
        throw make_syntax_error(text_, end_line, end_column, "Unexpected end of input" + tail);
    }
    if (offending_symbol->getType() == CypherParser::UNKNOWN_CHARACTER) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(first_code_point(found)));
        throw make_syntax_error(text_, error_line, error_column,
                                "Invalid character '" + found + "' (" + code + ")" + tail);
    }
    throw make_syntax_error(text_, error_line, error_column,
                            "Invalid input '" + shorten(found) + "'" + tail);
}

}  // namespace meninx::parser
