// Transformer: turns the ANTLR parse tree of one statement into the AST of engine/ast/ast.h.
//
// One method per grammar rule, split by topic over transform_statement.cpp (statements and
// clauses), transform_pattern.cpp and transform_expression.cpp. The transformer also makes the
// checks that need no schema (number ranges, string escapes, clause order, expression height) and
// reports them as Syntax errors. It borrows the query text, which must outlive it; the AST it
// returns owns all its data.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "CypherParser.h"
#include "antlr4-runtime.h"
#include "ast/ast.h"

namespace meninx::parser {

class Transformer {
  public:
    using P = meninx_antlr::CypherParser;

    // `text` is the query, which must be valid UTF-8 and outlive the transformer.
    explicit Transformer(std::string_view text);

    ast::Statement transform_statement(P::StatementContext& ctx);

  private:
    // --- statements and clauses (transform_statement.cpp) ---
    ast::Query transform_query(P::QueryContext& ctx);
    ast::SingleQuery transform_single_query(P::SingleQueryContext& ctx);
    // Where a list of clauses stands: a query, the body of CALL { }, or the body of EXISTS { }
    // or COUNT { } (see check_clause_order).
    enum class ClauseOrder { Query, CallBody, ReadOnlyBody };
    void check_clause_order(const ast::SingleQuery& query, P::SingleQueryContext& ctx,
                            ClauseOrder order = ClauseOrder::Query);
    ast::Clause transform_clause(P::ClauseContext& ctx);
    ast::Clause transform_match(P::MatchClauseContext& ctx);
    ast::Clause transform_unwind(P::UnwindClauseContext& ctx);
    ast::Clause transform_with(P::WithClauseContext& ctx);
    ast::Clause transform_return(P::ReturnClauseContext& ctx);
    ast::Projection transform_projection_body(P::ProjectionBodyContext& ctx);
    ast::ProjectionItem transform_projection_item(P::ProjectionItemContext& ctx);
    ast::SortItem transform_sort_item(P::SortItemContext& ctx);
    ast::Clause transform_create(P::CreateClauseContext& ctx);
    ast::Clause transform_merge(P::MergeClauseContext& ctx);
    ast::SetItem transform_set_item(P::SetItemContext& ctx);
    ast::Clause transform_set(P::SetClauseContext& ctx);
    ast::RemoveItem transform_remove_item(P::RemoveItemContext& ctx);
    ast::Clause transform_remove(P::RemoveClauseContext& ctx);
    ast::Clause transform_delete(P::DeleteClauseContext& ctx);
    ast::Clause transform_call(P::CallClauseContext& ctx);
    ast::YieldItem transform_yield_item(P::YieldItemContext& ctx);

    // --- patterns (transform_pattern.cpp) ---
    ast::Pattern transform_pattern(P::PatternContext& ctx);
    ast::PatternPart transform_pattern_part(P::PatternPartContext& ctx);
    // Appends the nodes and relationships of an element (unwrapping parentheses) to `part`.
    void transform_pattern_element(P::PatternElementContext& ctx, ast::PatternPart& part);
    void transform_pattern_element_chain(P::PatternElementChainContext& ctx,
                                         ast::PatternPart& part);
    ast::NodePattern transform_node_pattern(P::NodePatternContext& ctx);
    ast::RelationshipPattern transform_relationship_pattern(P::RelationshipPatternContext& ctx);
    void transform_range(P::RangeLiteralContext& ctx, ast::RelationshipPattern& relationship);
    int64_t transform_range_bound(P::RangeBoundContext& ctx);
    ast::ExprPtr transform_properties(P::PropertiesContext& ctx);
    std::vector<std::string> transform_node_labels(P::NodeLabelsContext& ctx);
    ast::PatternPart transform_relationships_pattern(P::RelationshipsPatternContext& ctx);

    // --- expressions (transform_expression.cpp) ---
    ast::ExprPtr transform_expression(P::ExpressionContext& ctx);
    ast::ExprPtr transform_or(P::OrExpressionContext& ctx);
    ast::ExprPtr transform_xor(P::XorExpressionContext& ctx);
    ast::ExprPtr transform_and(P::AndExpressionContext& ctx);
    ast::ExprPtr transform_not(P::NotExpressionContext& ctx);
    ast::ExprPtr transform_comparison(P::ComparisonExpressionContext& ctx);
    ast::ExprPtr transform_predicate(P::PredicateExpressionContext& ctx);
    ast::ExprPtr transform_add_sub(P::AddSubExpressionContext& ctx);
    ast::ExprPtr transform_mult_div(P::MultDivExpressionContext& ctx);
    ast::ExprPtr transform_power(P::PowerExpressionContext& ctx);
    ast::ExprPtr transform_unary(P::UnaryExpressionContext& ctx);
    ast::ExprPtr transform_postfix(P::PostfixExpressionContext& ctx);
    ast::ExprPtr transform_property_expression(P::PropertyExpressionContext& ctx);
    ast::ExprPtr transform_atom(P::AtomContext& ctx);
    ast::ExprPtr transform_atom_kind(P::AtomContext& ctx);
    ast::ExprPtr transform_literal(P::LiteralContext& ctx);
    // `sign`: the position of a unary minus before the literal, folded into it (so that
    // -9223372036854775808 is representable); null when there is none.
    ast::ExprPtr transform_number(P::NumberLiteralContext& ctx, const ast::SourcePos* sign);
    // The value of an integer token (decimal, 0x hexadecimal or 0o octal), negated when `sign`
    // (the position of the minus) is given; Syntax errors for leading zeros and for values
    // outside the 64-bit range.
    int64_t integer_value(antlr4::Token& token, const ast::SourcePos* sign);
    ast::ExprPtr transform_string(P::StringLiteralContext& ctx);
    ast::ExprPtr transform_list(P::ListLiteralContext& ctx);
    ast::ExprPtr transform_map(P::MapLiteralContext& ctx);
    ast::ExprPtr transform_parameter(P::ParameterContext& ctx);
    ast::ExprPtr transform_case(P::CaseExpressionContext& ctx);
    ast::ExprPtr transform_list_comprehension(P::ListComprehensionContext& ctx);
    ast::ExprPtr transform_pattern_comprehension(P::PatternComprehensionContext& ctx);
    ast::ExprPtr transform_quantifier(P::QuantifierExpressionContext& ctx);
    ast::ExprPtr transform_reduce(P::ReduceExpressionContext& ctx);
    ast::ExprPtr transform_exists(P::ExistsExpressionContext& ctx);
    ast::ExprPtr transform_count_subquery(P::CountSubqueryContext& ctx);
    // The body of EXISTS { } or COUNT { }: a subquery (`query`) or a pattern with its WHERE.
    void fill_subquery(ast::Expression& expr, P::SingleQueryContext* query,
                       P::PatternPartContext* pattern, P::WhereClauseContext* where);
    ast::ExprPtr transform_pattern_predicate(P::RelationshipsPatternContext& ctx);
    ast::ExprPtr transform_function(P::FunctionInvocationContext& ctx);
    ast::ExprPtr transform_variable(P::VariableContext& ctx);

    // --- names and helpers (transform_statement.cpp) ---
    std::string transform_symbolic_name(P::SymbolicNameContext& ctx);
    std::string transform_schema_name(P::SchemaNameContext& ctx);
    std::string transform_qualified_name(P::QualifiedNameContext& ctx);
    // Unescapes a backtick-quoted name; `token` is where errors point.
    std::string unescape_name(antlr4::Token& token);

    // A new expression of `kind` whose position and text are those of `ctx`.
    ast::ExprPtr make(ast::ExprKind kind, antlr4::ParserRuleContext& ctx);
    // A binary expression spanning the text from `first` to `last`.
    ast::ExprPtr make_binary(ast::Op op, ast::ExprPtr lhs, ast::ExprPtr rhs,
                             antlr4::ParserRuleContext& first, antlr4::ParserRuleContext& last);
    ast::SourcePos pos_of(antlr4::ParserRuleContext& ctx) const;
    ast::SourcePos pos_of(antlr4::Token& token) const;
    // The exact query text from the start of `first` to the end of `last`.
    std::string text_between(antlr4::ParserRuleContext& first,
                             antlr4::ParserRuleContext& last) const;
    std::string text_of(antlr4::ParserRuleContext& ctx) const { return text_between(ctx, ctx); }
    // The query text of one token. (ANTLR's own getText() converts from UTF-32 each time.)
    std::string token_text(antlr4::Token& token) const;
    // The byte offset in the query text of the character with index `index`.
    size_t byte_offset(size_t index) const { return offsets_.empty() ? index : offsets_[index]; }
    [[noreturn]] void fail(ast::SourcePos pos, std::string message) const;
    // Records the height of a finished expression (1 + its tallest child) and rejects trees so
    // tall that walking or freeing them recursively could exhaust the stack. Returns `expr`.
    ast::ExprPtr seal(ast::ExprPtr expr);

    std::string_view text_;
    // Byte offset of each character and, last, the text's size; empty when the text is ASCII
    // (character index and byte offset agree).
    std::vector<size_t> offsets_;
    std::unordered_map<const ast::Expression*, int> heights_;
};

}  // namespace meninx::parser
