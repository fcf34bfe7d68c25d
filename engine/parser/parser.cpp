// parse(): runs the generated lexer and parser over the query text and hands the tree to the
// Transformer.
//
// Parsing is tried first with ANTLR's fast SLL prediction and an error strategy that gives up
// at the first problem; only when that fails is the text parsed again with full LL prediction,
// which either succeeds (the rare grammar decisions SLL cannot make) or reports the first error
// through SyntaxErrorListener.
#include "parser/parser.h"

#include <algorithm>
#include <string>

#include "CypherLexer.h"
#include "CypherParser.h"
#include "antlr4-runtime.h"
#include "parser/syntax_error.h"
#include "parser/transformer.h"

namespace meninx::parser {

namespace {

// Rejects text that is not valid UTF-8, pointing at the first bad byte.
void check_utf8(std::string_view text) {
    int line = 1;
    int column = 1;
    size_t i = 0;
    while (i < text.size()) {
        auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
        unsigned char lead = byte(i);
        size_t length = lead < 0x80           ? 1
                        : (lead >> 5) == 0x6  ? 2
                        : (lead >> 4) == 0xE  ? 3
                        : (lead >> 3) == 0x1E ? 4
                                              : 0;
        bool valid = length > 0 && i + length <= text.size();
        char32_t cp = length == 1   ? lead
                      : length == 2 ? lead & 0x1F
                      : length == 3 ? lead & 0x0F
                                    : lead & 0x07;
        for (size_t k = 1; valid && k < length; ++k) {
            valid = (byte(i + k) & 0xC0) == 0x80;
            cp = (cp << 6) | (byte(i + k) & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not characters.
        static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (valid && (cp < kMinimum[length] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)) {
            valid = false;
        }
        if (!valid) {
            throw make_syntax_error(text, line, column,
                                    "Invalid input: the query text is not valid UTF-8");
        }
        if (lead == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
}

// Rejects brackets and prefix operators nested so deep that the recursive descent would run
// out of stack, pointing at the token that goes too deep.
void check_nesting(std::string_view text, antlr4::CommonTokenStream& tokens) {
    constexpr int kMaxNesting = 256;
    using meninx_antlr::CypherParser;
    int depth = 0;
    int prefix_run = 0;
    for (antlr4::Token* token : tokens.getTokens()) {
        switch (token->getType()) {
            case CypherParser::LPAREN:
            case CypherParser::LBRACK:
            case CypherParser::LBRACE:
                ++depth;
                break;
            case CypherParser::RPAREN:
            case CypherParser::RBRACK:
            case CypherParser::RBRACE:
                depth = std::max(0, depth - 1);
                break;
            default:
                break;
        }
        bool prefix = token->getType() == CypherParser::K_NOT ||
                      token->getType() == CypherParser::MINUS ||
                      token->getType() == CypherParser::PLUS;
        prefix_run = prefix ? prefix_run + 1 : 0;
        if (depth + prefix_run > kMaxNesting) {
            throw make_syntax_error(text, static_cast<int>(token->getLine()),
                                    static_cast<int>(token->getCharPositionInLine()) + 1,
                                    "Invalid input '" + token->getText() + "': nested more than " +
                                        std::to_string(kMaxNesting) + " levels deep");
        }
    }
}

// The lexer, token stream and parser of one thread, reused from statement to statement:
// building them anew costs about a fifth of parsing a short query.
struct Machinery {
    antlr4::ANTLRInputStream input;
    meninx_antlr::CypherLexer lexer{&input};
    antlr4::CommonTokenStream tokens{&lexer};
    meninx_antlr::CypherParser parser{&tokens};
    SyntaxErrorListener listener;

    Machinery() {
        lexer.removeErrorListeners();
        lexer.addErrorListener(&listener);
    }
};

// Frees the parse tree of the current statement when parsing ends, normally or not.
struct TreeRelease {
    antlr4::Parser& parser;
    ~TreeRelease() { parser.getTreeTracker().reset(); }
};

}  // namespace

ast::Statement parse(std::string_view text) {
    check_utf8(text);
    thread_local Machinery machinery;
    auto& [input, lexer, tokens, parser, listener] = machinery;
    TreeRelease release{parser};
    listener.set_text(text);
    input.load(std::string(text));
    lexer.setInputStream(&input);
    tokens.setTokenSource(&lexer);
    tokens.fill();
    check_nesting(text, tokens);
    parser.setTokenStream(&tokens);
    parser.removeErrorListeners();
    auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();

    meninx_antlr::CypherParser::StatementContext* tree = nullptr;
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    try {
        tree = parser.statement();
    } catch (const antlr4::ParseCancellationException&) {
        parser.reset();
        parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
        parser.addErrorListener(&listener);
        simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
        tree = parser.statement();
    }
    Transformer transformer(text);
    return transformer.transform_statement(*tree);
}

}  // namespace meninx::parser
