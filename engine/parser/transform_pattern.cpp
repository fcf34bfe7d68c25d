// Transformer: graph patterns (MATCH, CREATE, MERGE, pattern predicates and comprehensions).
#include "parser/transformer.h"

namespace meninx::parser {

ast::Pattern Transformer::transform_pattern(P::PatternContext& ctx) {
    ast::Pattern pattern;
    for (auto* part : ctx.patternPart()) pattern.parts.push_back(transform_pattern_part(*part));
    return pattern;
}

ast::PatternPart Transformer::transform_pattern_part(P::PatternPartContext& ctx) {
    ast::PatternPart part;
    part.pos = pos_of(ctx);
    if (ctx.variable() != nullptr) {
        part.path_variable = transform_symbolic_name(*ctx.variable()->symbolicName());
    }
    auto* anonymous = ctx.anonymousPatternPart();
    if (auto* shortest = anonymous->shortestPathPattern()) {
        part.function = shortest->K_SHORTESTPATH() != nullptr ? ast::PathFunction::ShortestPath
                                                              : ast::PathFunction::AllShortestPaths;
        transform_pattern_element(*shortest->patternElement(), part);
    } else {
        transform_pattern_element(*anonymous->patternElement(), part);
    }
    return part;
}

void Transformer::transform_pattern_element(P::PatternElementContext& ctx, ast::PatternPart& part) {
    if (ctx.patternElement() != nullptr) {
        transform_pattern_element(*ctx.patternElement(), part);
        return;
    }
    part.nodes.push_back(transform_node_pattern(*ctx.nodePattern()));
    for (auto* chain : ctx.patternElementChain()) transform_pattern_element_chain(*chain, part);
}

void Transformer::transform_pattern_element_chain(P::PatternElementChainContext& ctx,
                                                  ast::PatternPart& part) {
    part.relationships.push_back(transform_relationship_pattern(*ctx.relationshipPattern()));
    part.nodes.push_back(transform_node_pattern(*ctx.nodePattern()));
}

ast::NodePattern Transformer::transform_node_pattern(P::NodePatternContext& ctx) {
    ast::NodePattern node;
    node.pos = pos_of(ctx);
    if (ctx.variable() != nullptr) {
        node.variable = transform_symbolic_name(*ctx.variable()->symbolicName());
    }
    if (ctx.nodeLabels() != nullptr) node.labels = transform_node_labels(*ctx.nodeLabels());
    if (ctx.properties() != nullptr) node.properties = transform_properties(*ctx.properties());
    return node;
}

ast::RelationshipPattern Transformer::transform_relationship_pattern(
    P::RelationshipPatternContext& ctx) {
    ast::RelationshipPattern relationship;
    relationship.pos = pos_of(ctx);
    bool left = ctx.LT() != nullptr;
    bool right = ctx.GT() != nullptr;
    // <-[]-> points both ways, which openCypher reads as undirected.
    relationship.direction = left == right ? ast::Direction::Both
                             : left        ? ast::Direction::Left
                                           : ast::Direction::Right;
    auto* detail = ctx.relationshipDetail();
    if (detail == nullptr) return relationship;
    if (detail->variable() != nullptr) {
        relationship.variable = transform_symbolic_name(*detail->variable()->symbolicName());
    }
    if (auto* types = detail->relationshipTypes()) {
        for (auto* name : types->schemaName()) {
            relationship.types.push_back(transform_schema_name(*name));
        }
    }
    if (detail->rangeLiteral() != nullptr) transform_range(*detail->rangeLiteral(), relationship);
    if (detail->properties() != nullptr) {
        relationship.properties = transform_properties(*detail->properties());
    }
    return relationship;
}

// `*` alone, `*n` (exactly n), `*n..`, `*..m`, `*n..m`.
void Transformer::transform_range(P::RangeLiteralContext& ctx,
                                  ast::RelationshipPattern& relationship) {
    relationship.variable_length = true;
    auto bounds = ctx.rangeBound();
    if (ctx.DOTDOT() == nullptr) {
        if (!bounds.empty()) {
            relationship.min_hops = transform_range_bound(*bounds[0]);
            relationship.max_hops = relationship.min_hops;
        }
        return;
    }
    // With '..', a bound before it is the minimum, one after it the maximum.
    for (auto* bound : bounds) {
        bool before =
            bound->getStart()->getTokenIndex() < ctx.DOTDOT()->getSymbol()->getTokenIndex();
        (before ? relationship.min_hops : relationship.max_hops) = transform_range_bound(*bound);
    }
}

int64_t Transformer::transform_range_bound(P::RangeBoundContext& ctx) {
    return integer_value(*ctx.getStart(), nullptr);
}

ast::ExprPtr Transformer::transform_properties(P::PropertiesContext& ctx) {
    if (ctx.mapLiteral() != nullptr) return transform_map(*ctx.mapLiteral());
    return transform_parameter(*ctx.parameter());
}

std::vector<std::string> Transformer::transform_node_labels(P::NodeLabelsContext& ctx) {
    std::vector<std::string> labels;
    for (auto* label : ctx.nodeLabel())
        labels.push_back(transform_schema_name(*label->schemaName()));
    return labels;
}

ast::PatternPart Transformer::transform_relationships_pattern(P::RelationshipsPatternContext& ctx) {
    ast::PatternPart part;
    part.pos = pos_of(ctx);
    part.nodes.push_back(transform_node_pattern(*ctx.nodePattern()));
    for (auto* chain : ctx.patternElementChain()) transform_pattern_element_chain(*chain, part);
    return part;
}

}  // namespace meninx::parser
