// Transformer: statements, clauses, names and the shared helpers.
#include <algorithm>

#include "parser/syntax_error.h"
#include "parser/transformer.h"

namespace meninx::parser {

namespace {

using ast::is_updating;

bool is_reading(ast::ClauseKind kind) {
    return kind == ast::ClauseKind::Match || kind == ast::ClauseKind::Unwind ||
           kind == ast::ClauseKind::Call;
}

// The clause's leading keyword(s), for messages.
std::string clause_name(const ast::Clause& clause) {
    switch (clause.kind) {
        case ast::ClauseKind::Match:
            return clause.optional ? "OPTIONAL MATCH" : "MATCH";
        case ast::ClauseKind::Unwind:
            return "UNWIND";
        case ast::ClauseKind::With:
            return "WITH";
        case ast::ClauseKind::Return:
            return "RETURN";
        case ast::ClauseKind::Create:
            return "CREATE";
        case ast::ClauseKind::Merge:
            return "MERGE";
        case ast::ClauseKind::Set:
            return "SET";
        case ast::ClauseKind::Remove:
            return "REMOVE";
        case ast::ClauseKind::Delete:
            return clause.detach ? "DETACH DELETE" : "DELETE";
        case ast::ClauseKind::Call:
            return clause.subquery ? "CALL { }" : "CALL";
    }
    return "?";
}

}  // namespace

// --- helpers -----------------------------------------------------------------------------------

ast::SourcePos Transformer::pos_of(antlr4::Token& token) const {
    return {static_cast<int>(token.getLine()), static_cast<int>(token.getCharPositionInLine()) + 1};
}

ast::SourcePos Transformer::pos_of(antlr4::ParserRuleContext& ctx) const {
    return pos_of(*ctx.getStart());
}

Transformer::Transformer(std::string_view text) : text_(text) {
    bool ascii = std::all_of(text.begin(), text.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets_.push_back(i);
    }
    offsets_.push_back(text.size());
}

std::string Transformer::text_between(antlr4::ParserRuleContext& first,
                                      antlr4::ParserRuleContext& last) const {
    antlr4::Token* start = first.getStart();
    antlr4::Token* stop = last.getStop();
    if (start == nullptr || stop == nullptr || stop->getStopIndex() < start->getStartIndex() ||
        stop->getType() == antlr4::Token::EOF) {
        return {};
    }
    size_t begin = byte_offset(start->getStartIndex());
    return std::string(text_.substr(begin, byte_offset(stop->getStopIndex() + 1) - begin));
}

std::string Transformer::token_text(antlr4::Token& token) const {
    size_t begin = byte_offset(token.getStartIndex());
    return std::string(text_.substr(begin, byte_offset(token.getStopIndex() + 1) - begin));
}

void Transformer::fail(ast::SourcePos pos, std::string message) const {
    throw make_syntax_error(text_, pos.line, pos.column, std::move(message));
}

ast::ExprPtr Transformer::seal(ast::ExprPtr expr) {
    constexpr int kMaxHeight = 1000;
    int height = 1;
    for (const auto& child : expr->children) {
        if (child == nullptr) continue;
        auto found = heights_.find(child.get());
        height = std::max(height, 1 + (found == heights_.end() ? 1 : found->second));
    }
    if (height > kMaxHeight) {
        fail(expr->pos, "Invalid input: expression nested more than " + std::to_string(kMaxHeight) +
                            " levels deep");
    }
    heights_[expr.get()] = height;
    return expr;
}

ast::ExprPtr Transformer::make(ast::ExprKind kind, antlr4::ParserRuleContext& ctx) {
    auto expr = std::make_shared<ast::Expression>();
    expr->kind = kind;
    expr->pos = pos_of(ctx);
    expr->text = text_of(ctx);
    return expr;
}

ast::ExprPtr Transformer::make_binary(ast::Op op, ast::ExprPtr lhs, ast::ExprPtr rhs,
                                      antlr4::ParserRuleContext& first,
                                      antlr4::ParserRuleContext& last) {
    auto expr = std::make_shared<ast::Expression>();
    expr->kind = ast::ExprKind::Binary;
    expr->op = op;
    expr->pos = pos_of(first);
    expr->text = text_between(first, last);
    expr->children = {std::move(lhs), std::move(rhs)};
    return seal(std::move(expr));
}

// --- names -------------------------------------------------------------------------------------

std::string Transformer::unescape_name(antlr4::Token& token) {
    const std::string raw = token_text(token);
    // Backtick-quoted segments; a doubled backtick inside stands for one backtick.
    std::string name;
    for (size_t i = 1; i + 1 < raw.size(); ++i) {
        if (raw[i] == '`') {
            name += '`';
            ++i;
        } else {
            name += raw[i];
        }
    }
    return name;
}

std::string Transformer::transform_symbolic_name(P::SymbolicNameContext& ctx) {
    if (ctx.ESCAPED_NAME() != nullptr) return unescape_name(*ctx.ESCAPED_NAME()->getSymbol());
    return token_text(*ctx.getStart());
}

std::string Transformer::transform_schema_name(P::SchemaNameContext& ctx) {
    if (ctx.symbolicName() != nullptr) return transform_symbolic_name(*ctx.symbolicName());
    return token_text(*ctx.getStart());
}

std::string Transformer::transform_qualified_name(P::QualifiedNameContext& ctx) {
    std::string name;
    for (auto* part : ctx.symbolicName()) {
        if (!name.empty()) name += '.';
        name += transform_symbolic_name(*part);
    }
    return name;
}

// --- statement and query -----------------------------------------------------------------------

ast::Statement Transformer::transform_statement(P::StatementContext& ctx) {
    ast::Statement statement;
    statement.text = std::string(text_);
    if (ctx.K_EXPLAIN() != nullptr) statement.mode = ast::ExplainMode::Explain;
    if (ctx.K_PROFILE() != nullptr) statement.mode = ast::ExplainMode::Profile;
    statement.query = transform_query(*ctx.query());
    return statement;
}

ast::Query Transformer::transform_query(P::QueryContext& ctx) {
    ast::Query query;
    query.parts.push_back(transform_single_query(*ctx.singleQuery()));
    for (auto* part : ctx.unionPart()) {
        query.union_all.push_back(part->K_ALL() != nullptr);
        query.parts.push_back(transform_single_query(*part->singleQuery()));
    }
    return query;
}

ast::SingleQuery Transformer::transform_single_query(P::SingleQueryContext& ctx) {
    ast::SingleQuery query;
    for (auto* clause : ctx.clause()) query.clauses.push_back(transform_clause(*clause));
    check_clause_order(query, ctx);
    return query;
}

// openCypher's clause order: RETURN only at the end; a reading clause after an updating one needs
// a WITH in between. A query ends with RETURN or an updating clause (or is a lone CALL); the body
// of CALL { } may also end with an updating clause (it then returns nothing); the body of
// EXISTS { } or COUNT { } only reads, and may end with any reading clause.
void Transformer::check_clause_order(const ast::SingleQuery& query, P::SingleQueryContext& ctx,
                                     ClauseOrder order) {
    const auto& clauses = query.clauses;
    const ast::Clause* last_update = nullptr;
    for (size_t i = 0; i < clauses.size(); ++i) {
        const ast::Clause& clause = clauses[i];
        auto invalid = [&](const std::string& why) {
            fail(clause.pos,
                 "Invalid input '" + token_text(*ctx.clause(i)->getStart()) + "': " + why);
        };
        if (i > 0 && clauses[i - 1].kind == ast::ClauseKind::Return) {
            invalid("RETURN can only be the last clause of a query");
        }
        if (order == ClauseOrder::ReadOnlyBody &&
            (is_updating(clause.kind) || clause.kind == ast::ClauseKind::Call)) {
            invalid(
                "an EXISTS or COUNT subquery can only read (MATCH, OPTIONAL MATCH, UNWIND, WITH, "
                "RETURN)");
        }
        if (is_updating(clause.kind)) last_update = &clause;
        if (clause.kind == ast::ClauseKind::With) last_update = nullptr;
        if (is_reading(clause.kind) && last_update != nullptr) {
            invalid("WITH is required between " + clause_name(*last_update) + " and " +
                    clause_name(clause));
        }
    }
    if (order == ClauseOrder::ReadOnlyBody) return;
    const ast::Clause& last = clauses.back();
    bool ends_well = last.kind == ast::ClauseKind::Return || is_updating(last.kind) ||
                     last.kind == ast::ClauseKind::Call;
    if (ends_well) return;
    if (order == ClauseOrder::CallBody) {
        fail(last.pos, "A CALL { } subquery cannot end with " + clause_name(last) +
                           ": expected RETURN, or an updating clause for a subquery that "
                           "returns nothing");
    }
    fail(last.pos, "A query cannot end with " + clause_name(last) +
                       ": expected RETURN or an updating clause after it");
}

// --- clauses -----------------------------------------------------------------------------------

ast::Clause Transformer::transform_clause(P::ClauseContext& ctx) {
    ast::Clause clause;
    if (auto* c = ctx.matchClause()) clause = transform_match(*c);
    if (auto* c = ctx.unwindClause()) clause = transform_unwind(*c);
    if (auto* c = ctx.withClause()) clause = transform_with(*c);
    if (auto* c = ctx.returnClause()) clause = transform_return(*c);
    if (auto* c = ctx.createClause()) clause = transform_create(*c);
    if (auto* c = ctx.mergeClause()) clause = transform_merge(*c);
    if (auto* c = ctx.setClause()) clause = transform_set(*c);
    if (auto* c = ctx.removeClause()) clause = transform_remove(*c);
    if (auto* c = ctx.deleteClause()) clause = transform_delete(*c);
    if (auto* c = ctx.callSubquery()) {
        clause.kind = ast::ClauseKind::Call;
        auto body = [&](P::SingleQueryContext& part) {
            ast::SingleQuery query;
            for (auto* inner : part.clause()) query.clauses.push_back(transform_clause(*inner));
            check_clause_order(query, part, ClauseOrder::CallBody);
            return query;
        };
        auto query = std::make_shared<ast::Query>();
        query->parts.push_back(body(*c->query()->singleQuery()));
        for (auto* part : c->query()->unionPart()) {
            query->union_all.push_back(part->K_ALL() != nullptr);
            query->parts.push_back(body(*part->singleQuery()));
        }
        clause.subquery = std::move(query);
    }
    if (auto* c = ctx.callClause()) clause = transform_call(*c);
    clause.pos = pos_of(ctx);
    return clause;
}

ast::Clause Transformer::transform_match(P::MatchClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Match;
    clause.optional = ctx.K_OPTIONAL() != nullptr;
    clause.pattern = transform_pattern(*ctx.pattern());
    if (ctx.whereClause() != nullptr) {
        clause.where = transform_expression(*ctx.whereClause()->expression());
    }
    return clause;
}

ast::Clause Transformer::transform_unwind(P::UnwindClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Unwind;
    clause.expression = transform_expression(*ctx.expression());
    clause.alias = transform_symbolic_name(*ctx.variable()->symbolicName());
    return clause;
}

ast::Clause Transformer::transform_with(P::WithClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::With;
    clause.projection = transform_projection_body(*ctx.projectionBody());
    if (ctx.whereClause() != nullptr) {
        clause.projection.where = transform_expression(*ctx.whereClause()->expression());
    }
    return clause;
}

ast::Clause Transformer::transform_return(P::ReturnClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Return;
    clause.projection = transform_projection_body(*ctx.projectionBody());
    return clause;
}

ast::Projection Transformer::transform_projection_body(P::ProjectionBodyContext& ctx) {
    ast::Projection projection;
    projection.distinct = ctx.K_DISTINCT() != nullptr;
    projection.star = ctx.projectionItems()->STAR() != nullptr;
    for (auto* item : ctx.projectionItems()->projectionItem()) {
        projection.items.push_back(transform_projection_item(*item));
    }
    if (auto* order = ctx.orderClause()) {
        for (auto* item : order->sortItem())
            projection.order_by.push_back(transform_sort_item(*item));
    }
    if (auto* skip = ctx.skipClause()) projection.skip = transform_expression(*skip->expression());
    if (auto* limit = ctx.limitClause()) {
        projection.limit = transform_expression(*limit->expression());
    }
    return projection;
}

ast::ProjectionItem Transformer::transform_projection_item(P::ProjectionItemContext& ctx) {
    ast::ProjectionItem item;
    item.expression = transform_expression(*ctx.expression());
    if (ctx.variable() != nullptr) {
        item.alias = transform_symbolic_name(*ctx.variable()->symbolicName());
        item.has_alias = true;
    } else {
        item.alias = item.expression->text;
    }
    return item;
}

ast::SortItem Transformer::transform_sort_item(P::SortItemContext& ctx) {
    ast::SortItem item;
    item.expression = transform_expression(*ctx.expression());
    item.descending = ctx.K_DESC() != nullptr || ctx.K_DESCENDING() != nullptr;
    return item;
}

ast::Clause Transformer::transform_create(P::CreateClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Create;
    clause.pattern = transform_pattern(*ctx.pattern());
    return clause;
}

ast::Clause Transformer::transform_merge(P::MergeClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Merge;
    clause.pattern.parts.push_back(transform_pattern_part(*ctx.patternPart()));
    for (auto* action : ctx.mergeAction()) {
        auto& target = action->K_MATCH() != nullptr ? clause.on_match : clause.on_create;
        for (auto* item : action->setItem()) target.push_back(transform_set_item(*item));
    }
    return clause;
}

ast::Clause Transformer::transform_set(P::SetClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Set;
    for (auto* item : ctx.setItem()) clause.set_items.push_back(transform_set_item(*item));
    return clause;
}

ast::SetItem Transformer::transform_set_item(P::SetItemContext& ctx) {
    ast::SetItem item;
    item.pos = pos_of(ctx);
    if (ctx.propertyExpression() != nullptr) {
        item.kind = ast::SetItemKind::Property;
        item.target = transform_property_expression(*ctx.propertyExpression());
        item.value = transform_expression(*ctx.expression());
        return item;
    }
    item.target = transform_variable(*ctx.variable());
    if (ctx.nodeLabels() != nullptr) {
        item.kind = ast::SetItemKind::Labels;
        item.labels = transform_node_labels(*ctx.nodeLabels());
        return item;
    }
    item.kind = ctx.PLUS_EQ() != nullptr ? ast::SetItemKind::Merge : ast::SetItemKind::Replace;
    item.value = transform_expression(*ctx.expression());
    return item;
}

ast::Clause Transformer::transform_remove(P::RemoveClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Remove;
    for (auto* item : ctx.removeItem()) clause.remove_items.push_back(transform_remove_item(*item));
    return clause;
}

ast::RemoveItem Transformer::transform_remove_item(P::RemoveItemContext& ctx) {
    ast::RemoveItem item;
    item.pos = pos_of(ctx);
    if (ctx.propertyExpression() != nullptr) {
        item.kind = ast::RemoveItemKind::Property;
        item.target = transform_property_expression(*ctx.propertyExpression());
        return item;
    }
    item.kind = ast::RemoveItemKind::Labels;
    item.target = transform_variable(*ctx.variable());
    item.labels = transform_node_labels(*ctx.nodeLabels());
    return item;
}

ast::Clause Transformer::transform_delete(P::DeleteClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Delete;
    clause.detach = ctx.K_DETACH() != nullptr;
    for (auto* expression : ctx.expression()) {
        clause.delete_expressions.push_back(transform_expression(*expression));
    }
    return clause;
}

ast::Clause Transformer::transform_call(P::CallClauseContext& ctx) {
    ast::Clause clause;
    clause.kind = ast::ClauseKind::Call;
    clause.procedure = transform_qualified_name(*ctx.procedureName()->qualifiedName());
    if (auto* arguments = ctx.procedureArguments()) {
        for (auto* argument : arguments->expression()) {
            clause.arguments.push_back(transform_expression(*argument));
        }
    } else {
        clause.implicit_arguments = true;
    }
    if (auto* yield = ctx.yieldClause()) {
        clause.yield_star = yield->STAR() != nullptr;
        for (auto* item : yield->yieldItem())
            clause.yield_items.push_back(transform_yield_item(*item));
        if (yield->whereClause() != nullptr) {
            clause.where = transform_expression(*yield->whereClause()->expression());
        }
    }
    return clause;
}

ast::YieldItem Transformer::transform_yield_item(P::YieldItemContext& ctx) {
    ast::YieldItem item;
    item.field = transform_symbolic_name(*ctx.symbolicName());
    item.alias = ctx.variable() != nullptr
                     ? transform_symbolic_name(*ctx.variable()->symbolicName())
                     : item.field;
    return item;
}

}  // namespace meninx::parser
