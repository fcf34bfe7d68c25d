// Transformer: expressions, from OR down to atoms and literals.
#include <charconv>
#include <limits>

#include "parser/transformer.h"

namespace meninx::parser {

namespace {

using ast::ExprKind;
using ast::ExprPtr;
using ast::Op;

Op comparison_op(Transformer::P::ComparisonOperatorContext& ctx) {
    using P = Transformer::P;
    switch (ctx.getStart()->getType()) {
        case P::EQ:
            return Op::Eq;
        case P::NE:
            return Op::Ne;
        case P::LT:
            return Op::Lt;
        case P::LE:
            return Op::Le;
        case P::GT:
            return Op::Gt;
        default:
            return Op::Ge;
    }
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Reads `count` hex digits of `raw` at `at`; false when they are not all hex digits.
bool read_hex(const std::string& raw, size_t at, size_t count, char32_t& out) {
    if (at + count > raw.size()) return false;
    out = 0;
    for (size_t i = at; i < at + count; ++i) {
        char c = raw[i];
        int digit = (c >= '0' && c <= '9')   ? c - '0'
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                             : -1;
        if (digit < 0) return false;
        out = out * 16 + static_cast<char32_t>(digit);
    }
    return true;
}

// The only child of a rule context, as the rule context type it is known to be, or null when
// the context has several children. Chain rules (a OR b, a + b, ...) almost always hold one
// operand; this skips the dynamic_casts of the generated accessors on that common path.
template <typename T>
T* single_child(antlr4::ParserRuleContext& ctx) {
    return ctx.children.size() == 1 ? static_cast<T*>(ctx.children[0]) : nullptr;
}

}  // namespace

ExprPtr Transformer::transform_expression(P::ExpressionContext& ctx) {
    return transform_or(*ctx.orExpression());
}

ExprPtr Transformer::transform_or(P::OrExpressionContext& ctx) {
    if (auto* only = single_child<P::XorExpressionContext>(ctx)) return transform_xor(*only);
    auto operands = ctx.xorExpression();
    ExprPtr result = transform_xor(*operands[0]);
    for (size_t i = 1; i < operands.size(); ++i) {
        result = make_binary(Op::Or, result, transform_xor(*operands[i]), ctx, *operands[i]);
    }
    return result;
}

ExprPtr Transformer::transform_xor(P::XorExpressionContext& ctx) {
    if (auto* only = single_child<P::AndExpressionContext>(ctx)) return transform_and(*only);
    auto operands = ctx.andExpression();
    ExprPtr result = transform_and(*operands[0]);
    for (size_t i = 1; i < operands.size(); ++i) {
        result = make_binary(Op::Xor, result, transform_and(*operands[i]), ctx, *operands[i]);
    }
    return result;
}

ExprPtr Transformer::transform_and(P::AndExpressionContext& ctx) {
    if (auto* only = single_child<P::NotExpressionContext>(ctx)) return transform_not(*only);
    auto operands = ctx.notExpression();
    ExprPtr result = transform_not(*operands[0]);
    for (size_t i = 1; i < operands.size(); ++i) {
        result = make_binary(Op::And, result, transform_not(*operands[i]), ctx, *operands[i]);
    }
    return result;
}

ExprPtr Transformer::transform_not(P::NotExpressionContext& ctx) {
    if (ctx.comparisonExpression() != nullptr)
        return transform_comparison(*ctx.comparisonExpression());
    ExprPtr expr = make(ExprKind::Unary, ctx);
    expr->op = Op::Not;
    expr->children.push_back(transform_not(*ctx.notExpression()));
    return seal(expr);
}

// a < b < c means a < b AND b < c: the middle operand is shared by both comparisons.
ExprPtr Transformer::transform_comparison(P::ComparisonExpressionContext& ctx) {
    if (auto* only = single_child<P::PredicateExpressionContext>(ctx)) {
        return transform_predicate(*only);
    }
    auto operands = ctx.predicateExpression();
    auto operators = ctx.comparisonOperator();
    std::vector<ExprPtr> values;
    for (auto* operand : operands) values.push_back(transform_predicate(*operand));
    if (operators.empty()) return values[0];
    ExprPtr result;
    for (size_t i = 0; i < operators.size(); ++i) {
        ExprPtr comparison = make_binary(comparison_op(*operators[i]), values[i], values[i + 1],
                                         *operands[i], *operands[i + 1]);
        result = result == nullptr
                     ? comparison
                     : make_binary(Op::And, result, comparison, ctx, *operands[i + 1]);
    }
    return result;
}

ExprPtr Transformer::transform_predicate(P::PredicateExpressionContext& ctx) {
    if (auto* only = single_child<P::AddSubExpressionContext>(ctx)) return transform_add_sub(*only);
    ExprPtr result = transform_add_sub(*ctx.addSubExpression());
    for (auto* suffix : ctx.predicateSuffix()) {
        if (dynamic_cast<P::IsNullPredicateContext*>(suffix) != nullptr ||
            dynamic_cast<P::IsNotNullPredicateContext*>(suffix) != nullptr) {
            auto expr = std::make_shared<ast::Expression>();
            expr->kind = dynamic_cast<P::IsNullPredicateContext*>(suffix) != nullptr
                             ? ExprKind::IsNull
                             : ExprKind::IsNotNull;
            expr->pos = pos_of(ctx);
            expr->text = text_between(ctx, *suffix);
            expr->children.push_back(result);
            result = seal(expr);
            continue;
        }
        Op op = Op::In;
        P::AddSubExpressionContext* rhs = nullptr;
        if (auto* s = dynamic_cast<P::StartsWithPredicateContext*>(suffix)) {
            op = Op::StartsWith, rhs = s->addSubExpression();
        } else if (auto* s = dynamic_cast<P::EndsWithPredicateContext*>(suffix)) {
            op = Op::EndsWith, rhs = s->addSubExpression();
        } else if (auto* s = dynamic_cast<P::ContainsPredicateContext*>(suffix)) {
            op = Op::Contains, rhs = s->addSubExpression();
        } else if (auto* s = dynamic_cast<P::RegexPredicateContext*>(suffix)) {
            op = Op::RegexMatch, rhs = s->addSubExpression();
        } else {
            rhs = dynamic_cast<P::InPredicateContext&>(*suffix).addSubExpression();
        }
        result = make_binary(op, result, transform_add_sub(*rhs), ctx, *suffix);
    }
    return result;
}

ExprPtr Transformer::transform_add_sub(P::AddSubExpressionContext& ctx) {
    if (auto* only = single_child<P::MultDivExpressionContext>(ctx))
        return transform_mult_div(*only);
    auto operands = ctx.multDivExpression();
    auto operators = ctx.addSubOperator();
    ExprPtr result = transform_mult_div(*operands[0]);
    for (size_t i = 1; i < operands.size(); ++i) {
        Op op = operators[i - 1]->PLUS() != nullptr ? Op::Add : Op::Sub;
        result = make_binary(op, result, transform_mult_div(*operands[i]), ctx, *operands[i]);
    }
    return result;
}

ExprPtr Transformer::transform_mult_div(P::MultDivExpressionContext& ctx) {
    if (auto* only = single_child<P::PowerExpressionContext>(ctx)) return transform_power(*only);
    auto operands = ctx.powerExpression();
    auto operators = ctx.multDivOperator();
    ExprPtr result = transform_power(*operands[0]);
    for (size_t i = 1; i < operands.size(); ++i) {
        Op op = operators[i - 1]->STAR() != nullptr    ? Op::Mul
                : operators[i - 1]->SLASH() != nullptr ? Op::Div
                                                       : Op::Mod;
        result = make_binary(op, result, transform_power(*operands[i]), ctx, *operands[i]);
    }
    return result;
}

// ^ associates to the left, as in openCypher: 2^3^2 is (2^3)^2.
ExprPtr Transformer::transform_power(P::PowerExpressionContext& ctx) {
    if (auto* only = single_child<P::UnaryExpressionContext>(ctx)) return transform_unary(*only);
    auto operands = ctx.unaryExpression();
    ExprPtr result = transform_unary(*operands[0]);
    for (size_t i = 1; i < operands.size(); ++i) {
        result = make_binary(Op::Pow, result, transform_unary(*operands[i]), ctx, *operands[i]);
    }
    return result;
}

ExprPtr Transformer::transform_unary(P::UnaryExpressionContext& ctx) {
    if (auto* only = single_child<P::PostfixExpressionContext>(ctx))
        return transform_postfix(*only);
    bool minus = ctx.MINUS() != nullptr;
    // A minus directly before a number literal is part of the literal.
    auto* operand = ctx.unaryExpression();
    if (minus && operand->postfixExpression() != nullptr) {
        auto* postfix = operand->postfixExpression();
        auto* literal = postfix->atom()->literal();
        if (postfix->postfixOperator().empty() && postfix->nodeLabels() == nullptr &&
            literal != nullptr && literal->numberLiteral() != nullptr) {
            const ast::SourcePos sign = pos_of(ctx);
            ExprPtr number = transform_number(*literal->numberLiteral(), &sign);
            number->pos = sign;
            number->text = text_of(ctx);
            return number;
        }
    }
    ExprPtr expr = make(ExprKind::Unary, ctx);
    expr->op = minus ? Op::Negate : Op::Plus;
    expr->children.push_back(transform_unary(*operand));
    return seal(expr);
}

ExprPtr Transformer::transform_postfix(P::PostfixExpressionContext& ctx) {
    if (auto* only = single_child<P::AtomContext>(ctx)) return transform_atom(*only);
    ExprPtr result = transform_atom(*ctx.atom());
    for (auto* op : ctx.postfixOperator()) {
        ExprPtr expr = std::make_shared<ast::Expression>();
        expr->pos = pos_of(ctx);
        expr->text = text_between(ctx, *op);
        expr->children.push_back(result);
        if (auto* property = dynamic_cast<P::PropertyPostfixContext*>(op)) {
            expr->kind = ExprKind::Property;
            expr->name = transform_schema_name(*property->propertyLookup()->schemaName());
        } else if (auto* index = dynamic_cast<P::IndexPostfixContext*>(op)) {
            expr->kind = ExprKind::Subscript;
            expr->children.push_back(transform_expression(*index->expression()));
        } else {
            auto& slice = dynamic_cast<P::SlicePostfixContext&>(*op);
            expr->kind = ExprKind::Slice;
            expr->children.push_back(slice.from != nullptr ? transform_expression(*slice.from)
                                                           : nullptr);
            expr->children.push_back(slice.to != nullptr ? transform_expression(*slice.to)
                                                         : nullptr);
        }
        result = seal(expr);
    }
    if (ctx.nodeLabels() != nullptr) {
        ExprPtr expr = make(ExprKind::HasLabels, ctx);
        expr->labels = transform_node_labels(*ctx.nodeLabels());
        expr->children.push_back(result);
        result = seal(expr);
    }
    return result;
}

ExprPtr Transformer::transform_property_expression(P::PropertyExpressionContext& ctx) {
    ExprPtr result = transform_atom(*ctx.atom());
    for (auto* lookup : ctx.propertyLookup()) {
        ExprPtr expr = std::make_shared<ast::Expression>();
        expr->kind = ExprKind::Property;
        expr->pos = pos_of(ctx);
        expr->text = text_between(ctx, *lookup);
        expr->name = transform_schema_name(*lookup->schemaName());
        expr->children.push_back(result);
        result = seal(expr);
    }
    return result;
}

ExprPtr Transformer::transform_atom(P::AtomContext& ctx) { return seal(transform_atom_kind(ctx)); }

ExprPtr Transformer::transform_atom_kind(P::AtomContext& ctx) {
    // An atom is exactly one sub-rule; dispatch on its rule index.
    auto* child = static_cast<antlr4::ParserRuleContext*>(ctx.children[0]);
    switch (child->getRuleIndex()) {
        case P::RuleListComprehension:
            return transform_list_comprehension(*static_cast<P::ListComprehensionContext*>(child));
        case P::RulePatternComprehension:
            return transform_pattern_comprehension(
                *static_cast<P::PatternComprehensionContext*>(child));
        case P::RuleLiteral:
            return transform_literal(*static_cast<P::LiteralContext*>(child));
        case P::RuleParameter:
            return transform_parameter(*static_cast<P::ParameterContext*>(child));
        case P::RuleCaseExpression:
            return transform_case(*static_cast<P::CaseExpressionContext*>(child));
        case P::RuleCountStar:
            return make(ExprKind::CountStar, ctx);
        case P::RuleQuantifierExpression:
            return transform_quantifier(*static_cast<P::QuantifierExpressionContext*>(child));
        case P::RuleReduceExpression:
            return transform_reduce(*static_cast<P::ReduceExpressionContext*>(child));
        case P::RuleExistsExpression:
            return transform_exists(*static_cast<P::ExistsExpressionContext*>(child));
        case P::RuleCountSubquery:
            return transform_count_subquery(*static_cast<P::CountSubqueryContext*>(child));
        case P::RuleRelationshipsPattern:
            return transform_pattern_predicate(
                *static_cast<P::RelationshipsPatternContext*>(child));
        case P::RuleParenthesizedExpression: {
            // The inner expression stands for the whole: its text keeps the parentheses, so that
            // a column named after it reads as written.
            auto& parenthesized = *static_cast<P::ParenthesizedExpressionContext*>(child);
            ExprPtr inner = transform_expression(*parenthesized.expression());
            inner->pos = pos_of(parenthesized);
            inner->text = text_of(parenthesized);
            return inner;
        }
        case P::RuleFunctionInvocation:
            return transform_function(*static_cast<P::FunctionInvocationContext*>(child));
        default:
            return transform_variable(*static_cast<P::VariableContext*>(child));
    }
}

ExprPtr Transformer::transform_variable(P::VariableContext& ctx) {
    ExprPtr expr = make(ExprKind::Variable, ctx);
    expr->name = transform_symbolic_name(*ctx.symbolicName());
    return expr;
}

// --- literals ----------------------------------------------------------------------------------

ExprPtr Transformer::transform_literal(P::LiteralContext& ctx) {
    if (auto* c = ctx.numberLiteral()) return transform_number(*c, nullptr);
    if (auto* c = ctx.stringLiteral()) return transform_string(*c);
    if (auto* c = ctx.listLiteral()) return transform_list(*c);
    if (auto* c = ctx.mapLiteral()) return transform_map(*c);
    ExprPtr expr = make(ExprKind::Literal, ctx);
    if (auto* c = ctx.booleanLiteral()) expr->value = Value(c->K_TRUE() != nullptr);
    return expr;
}

ExprPtr Transformer::transform_number(P::NumberLiteralContext& ctx, const ast::SourcePos* sign) {
    ExprPtr expr = make(ExprKind::Literal, ctx);
    const bool negated = sign != nullptr;
    const ast::SourcePos at = negated ? *sign : expr->pos;
    const std::string digits = token_text(*ctx.getStart());
    if (ctx.FLOAT() != nullptr) {
        double value = 0;
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (error == std::errc::result_out_of_range) {
            size_t exponent = digits.find_first_of("eE");
            bool tiny = exponent != std::string::npos && exponent + 1 < digits.size() &&
                        digits[exponent + 1] == '-';
            if (!tiny) {
                fail(at, "Invalid input '" + std::string(negated ? "-" : "") + digits +
                             "': floating point number too large");
            }
            value = 0;
        } else if (error != std::errc() || end != digits.data() + digits.size()) {
            fail(at, "Invalid number literal '" + digits + "'");
        }
        expr->value = Value(negated ? -value : value);
        return expr;
    }
    expr->value = Value(integer_value(*ctx.getStart(), sign));
    return expr;
}

int64_t Transformer::integer_value(antlr4::Token& token, const ast::SourcePos* sign) {
    const std::string digits = token_text(token);
    const bool negated = sign != nullptr;
    const ast::SourcePos at = negated ? *sign : pos_of(token);
    const std::string shown = (negated ? "-" : "") + digits;
    int base = 10;
    size_t begin = 0;
    if (token.getType() == P::HEX_INTEGER) base = 16, begin = 2;
    if (token.getType() == P::OCTAL_INTEGER) base = 8, begin = 2;
    if (base == 10 && digits.size() > 1 && digits[0] == '0') {
        fail(at, "Invalid number literal '" + shown +
                     "': a decimal integer cannot start with 0 (octal is written 0o...)");
    }
    // The magnitude may reach 2^63 only when negated.
    const uint64_t limit =
        static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + (negated ? 1 : 0);
    uint64_t value = 0;
    for (size_t i = begin; i < digits.size(); ++i) {
        char c = digits[i];
        uint64_t digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        if (value > (limit - digit) / base)
            fail(at, "Invalid input '" + shown + "': integer too large");
        value = value * base + digit;
    }
    return negated ? static_cast<int64_t>(0 - value) : static_cast<int64_t>(value);
}

// Strings: \' \" \\ \b \f \n \r \t (or upper case), \uXXXX, \UXXXXXXXX.
ExprPtr Transformer::transform_string(P::StringLiteralContext& ctx) {
    ExprPtr expr = make(ExprKind::Literal, ctx);
    antlr4::Token& token = *ctx.getStart();
    const std::string raw = token_text(token);
    std::string value;
    ast::SourcePos at = pos_of(token);
    ++at.column;  // past the opening quote
    for (size_t i = 1; i + 1 < raw.size(); ++i) {
        char c = raw[i];
        if (c != '\\') {
            value += c;
            if (c == '\n') {
                ++at.line;
                at.column = 1;
            } else if (!is_continuation_byte(c)) {
                ++at.column;
            }
            continue;
        }
        char escape = raw[i + 1];
        size_t length = 2;
        switch (escape) {
            case '\\':
                value += '\\';
                break;
            case '\'':
                value += '\'';
                break;
            case '"':
                value += '"';
                break;
            case 'b':
            case 'B':
                value += '\b';
                break;
            case 'f':
            case 'F':
                value += '\f';
                break;
            case 'n':
            case 'N':
                value += '\n';
                break;
            case 'r':
            case 'R':
                value += '\r';
                break;
            case 't':
            case 'T':
                value += '\t';
                break;
            case 'u':
            case 'U': {
                size_t count = escape == 'u' ? 4 : 8;
                char32_t cp = 0;
                bool ok = read_hex(raw, i + 2, count, cp);
                length += count;
                // A UTF-16 surrogate pair written as two \u escapes is one character.
                if (ok && escape == 'u' && cp >= 0xD800 && cp <= 0xDBFF) {
                    char32_t low = 0;
                    ok = i + 8 <= raw.size() && raw.compare(i + 6, 2, "\\u") == 0 &&
                         read_hex(raw, i + 8, 4, low) && low >= 0xDC00 && low <= 0xDFFF;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    length += 6;
                }
                if (!ok || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
                    fail(at,
                         "Invalid unicode escape in string: expected \\u and 4 hex digits or "
                         "\\U and 8 hex digits naming a character");
                }
                append_utf8(value, cp);
                break;
            }
            default: {
                std::string shown = raw.substr(i, 2);
                while (i + shown.size() < raw.size() &&
                       is_continuation_byte(raw[i + shown.size()])) {
                    shown += raw[i + shown.size()];
                }
                fail(at, "Invalid escape sequence '" + shown +
                             "' in string: expected one of \\' \\\" \\\\ \\b \\f \\n \\r \\t "
                             "\\uXXXX");
            }
        }
        i += length - 1;
        at.column += static_cast<int>(length);
    }
    expr->value = Value(std::move(value));
    return expr;
}

ExprPtr Transformer::transform_list(P::ListLiteralContext& ctx) {
    ExprPtr expr = make(ExprKind::List, ctx);
    for (auto* element : ctx.expression()) expr->children.push_back(transform_expression(*element));
    return expr;
}

ExprPtr Transformer::transform_map(P::MapLiteralContext& ctx) {
    ExprPtr expr = make(ExprKind::Map, ctx);
    for (auto* entry : ctx.mapEntry()) {
        expr->keys.push_back(transform_schema_name(*entry->schemaName()));
        expr->children.push_back(transform_expression(*entry->expression()));
    }
    return expr;
}

ExprPtr Transformer::transform_parameter(P::ParameterContext& ctx) {
    ExprPtr expr = make(ExprKind::Parameter, ctx);
    antlr4::Token& token = *ctx.getStart();
    const std::string raw = token_text(token);
    if (raw.size() > 1 && raw[1] == '`') {
        // Escaped parameter names: $`my name`; unescape as a name that starts after the '$'.
        std::string inner = raw.substr(1);
        std::string name;
        for (size_t i = 1; i + 1 < inner.size(); ++i) {
            name += inner[i];
            if (inner[i] == '`') ++i;
        }
        expr->name = name;
    } else {
        expr->name = raw.substr(1);
    }
    return expr;
}

// --- compound expressions ----------------------------------------------------------------------

ExprPtr Transformer::transform_case(P::CaseExpressionContext& ctx) {
    ExprPtr expr = make(ExprKind::Case, ctx);
    if (ctx.test != nullptr) {
        expr->case_has_test = true;
        expr->children.push_back(transform_expression(*ctx.test));
    }
    for (auto* alternative : ctx.caseAlternative()) {
        expr->children.push_back(transform_expression(*alternative->expression(0)));
        expr->children.push_back(transform_expression(*alternative->expression(1)));
    }
    if (ctx.otherwise != nullptr) {
        expr->case_has_else = true;
        expr->children.push_back(transform_expression(*ctx.otherwise));
    }
    return expr;
}

ExprPtr Transformer::transform_list_comprehension(P::ListComprehensionContext& ctx) {
    ExprPtr expr = make(ExprKind::ListComprehension, ctx);
    expr->name = transform_symbolic_name(*ctx.variable()->symbolicName());
    expr->children.push_back(transform_expression(*ctx.expression(0)));
    expr->children.push_back(ctx.where != nullptr ? transform_expression(*ctx.where) : nullptr);
    expr->children.push_back(ctx.projection != nullptr ? transform_expression(*ctx.projection)
                                                       : nullptr);
    return expr;
}

ExprPtr Transformer::transform_pattern_comprehension(P::PatternComprehensionContext& ctx) {
    ExprPtr expr = make(ExprKind::PatternComprehension, ctx);
    auto part = std::make_shared<ast::PatternPart>(
        transform_relationships_pattern(*ctx.relationshipsPattern()));
    if (ctx.variable() != nullptr) {
        part->path_variable = transform_symbolic_name(*ctx.variable()->symbolicName());
        part->pos = pos_of(*ctx.variable());
    }
    expr->pattern = std::move(part);
    expr->children.push_back(ctx.where != nullptr ? transform_expression(*ctx.where) : nullptr);
    expr->children.push_back(transform_expression(*ctx.projection));
    return expr;
}

ExprPtr Transformer::transform_quantifier(P::QuantifierExpressionContext& ctx) {
    ExprPtr expr = make(ExprKind::Quantifier, ctx);
    expr->quantifier = ctx.K_ALL() != nullptr    ? ast::QuantifierKind::All
                       : ctx.K_ANY() != nullptr  ? ast::QuantifierKind::Any
                       : ctx.K_NONE() != nullptr ? ast::QuantifierKind::None
                                                 : ast::QuantifierKind::Single;
    expr->name = transform_symbolic_name(*ctx.variable()->symbolicName());
    expr->children.push_back(transform_expression(*ctx.expression(0)));
    expr->children.push_back(ctx.where != nullptr ? transform_expression(*ctx.where) : nullptr);
    return expr;
}

ExprPtr Transformer::transform_reduce(P::ReduceExpressionContext& ctx) {
    ExprPtr expr = make(ExprKind::Reduce, ctx);
    expr->keys.push_back(transform_symbolic_name(*ctx.accumulator->symbolicName()));
    expr->name = transform_symbolic_name(*ctx.element->symbolicName());
    expr->children.push_back(transform_expression(*ctx.init));
    expr->children.push_back(transform_expression(*ctx.list));
    expr->children.push_back(transform_expression(*ctx.step));
    return expr;
}

// exists(expr) keeps its argument in children[0]; EXISTS { pattern [WHERE w] } keeps the
// pattern in `pattern` and w, when present, in children[0].
ExprPtr Transformer::transform_exists(P::ExistsExpressionContext& ctx) {
    ExprPtr expr = make(ExprKind::Exists, ctx);
    if (ctx.expression() != nullptr) {
        expr->children.push_back(transform_expression(*ctx.expression()));
        return expr;
    }
    fill_subquery(*expr, ctx.singleQuery(), ctx.patternPart(), ctx.whereClause());
    return expr;
}

// COUNT { pattern [WHERE w] } / COUNT { subquery }, kept like EXISTS { }.
ExprPtr Transformer::transform_count_subquery(P::CountSubqueryContext& ctx) {
    ExprPtr expr = make(ExprKind::CountSubquery, ctx);
    fill_subquery(*expr, ctx.singleQuery(), ctx.patternPart(), ctx.whereClause());
    return expr;
}

void Transformer::fill_subquery(ast::Expression& expr, P::SingleQueryContext* query,
                                P::PatternPartContext* pattern, P::WhereClauseContext* where) {
    if (query != nullptr) {
        ast::SingleQuery sub;
        for (auto* clause : query->clause()) sub.clauses.push_back(transform_clause(*clause));
        check_clause_order(sub, *query, ClauseOrder::ReadOnlyBody);
        expr.subquery = std::make_shared<ast::SingleQuery>(std::move(sub));
        return;
    }
    expr.pattern = std::make_shared<ast::PatternPart>(transform_pattern_part(*pattern));
    if (where != nullptr) expr.children.push_back(transform_expression(*where->expression()));
}

ExprPtr Transformer::transform_pattern_predicate(P::RelationshipsPatternContext& ctx) {
    ExprPtr expr = make(ExprKind::PatternPredicate, ctx);
    expr->pattern = std::make_shared<ast::PatternPart>(transform_relationships_pattern(ctx));
    return expr;
}

ExprPtr Transformer::transform_function(P::FunctionInvocationContext& ctx) {
    ExprPtr expr = make(ExprKind::FunctionCall, ctx);
    expr->name = transform_qualified_name(*ctx.qualifiedName());
    expr->distinct = ctx.K_DISTINCT() != nullptr;
    for (auto* argument : ctx.expression())
        expr->children.push_back(transform_expression(*argument));
    return expr;
}

}  // namespace meninx::parser
