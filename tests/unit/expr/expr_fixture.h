// Test helpers for the expression stage: builders for hand-made expression trees and an
// in-memory EvalContext holding a few nodes and relationships.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ast/ast.h"
#include "expression/eval_context.h"
#include "expression/expression_evaluator.h"
#include "meninx/error.h"
#include "meninx/value.h"

namespace meninx::test {

using ast::ExprKind;
using ast::ExprPtr;
using ast::Op;

inline ExprPtr make(ExprKind kind, std::vector<ExprPtr> children = {}) {
    auto e = std::make_shared<ast::Expression>();
    e->kind = kind;
    e->pos = {1, 1};
    e->children = std::move(children);
    return e;
}

inline ExprPtr lit(Value v) {
    ExprPtr e = make(ExprKind::Literal);
    e->value = std::move(v);
    return e;
}

inline ExprPtr var(std::string name, int slot) {
    ExprPtr e = make(ExprKind::Variable);
    e->name = std::move(name);
    e->slot = slot;
    return e;
}

inline ExprPtr param(std::string name) {
    ExprPtr e = make(ExprKind::Parameter);
    e->name = std::move(name);
    return e;
}

inline ExprPtr prop(ExprPtr base, std::string key) {
    ExprPtr e = make(ExprKind::Property, {std::move(base)});
    e->name = std::move(key);
    return e;
}

inline ExprPtr bin(Op op, ExprPtr a, ExprPtr b) {
    ExprPtr e = make(ExprKind::Binary, {std::move(a), std::move(b)});
    e->op = op;
    return e;
}

inline ExprPtr un(Op op, ExprPtr a) {
    ExprPtr e = make(ExprKind::Unary, {std::move(a)});
    e->op = op;
    return e;
}

inline ExprPtr call(std::string name, std::vector<ExprPtr> args = {}) {
    ExprPtr e = make(ExprKind::FunctionCall, std::move(args));
    e->name = std::move(name);
    return e;
}

inline ExprPtr list_of(std::vector<ExprPtr> items) {
    return make(ExprKind::List, std::move(items));
}

inline ExprPtr map_of(std::vector<std::pair<std::string, ExprPtr>> entries) {
    ExprPtr e = make(ExprKind::Map);
    for (auto& [k, v] : entries) {
        e->keys.push_back(k);
        e->children.push_back(std::move(v));
    }
    return e;
}

// The literal list of `values`.
inline Value vlist(std::initializer_list<Value> values) { return List(values); }

// A graph of a few nodes and relationships, held in maps, answering EvalContext calls.
class FakeContext : public expression::EvalContext {
  public:
    struct NodeData {
        std::vector<std::string> labels;
        Map properties;
    };
    struct RelData {
        int64_t start;
        int64_t end;
        std::string type;
        Map properties;
    };

    Map params;
    std::map<int64_t, NodeData> nodes;
    std::map<int64_t, RelData> relationships;
    bool pattern_answer = false;
    int pattern_calls = 0;
    int interrupt_checks = 0;

    const Map& parameters() const override { return params; }
    Value node_property(int64_t node, std::string_view key) override {
        const Map& props = nodes.at(node).properties;
        auto it = props.find(key);
        return it == props.end() ? Value() : it->second;
    }
    Value relationship_property(int64_t rel, std::string_view key) override {
        const Map& props = relationships.at(rel).properties;
        auto it = props.find(key);
        return it == props.end() ? Value() : it->second;
    }
    std::vector<std::string> node_labels(int64_t node) override { return nodes.at(node).labels; }
    Map node_properties(int64_t node) override { return nodes.at(node).properties; }
    Map relationship_properties(int64_t rel) override { return relationships.at(rel).properties; }
    Value hydrate(const Value& value) override {
        if (value.is_node()) {
            Node n = value.as_node();
            n.labels = nodes.at(n.id).labels;
            n.properties = std::make_shared<const Map>(nodes.at(n.id).properties);
            return n;
        }
        if (value.is_relationship()) {
            Relationship r = value.as_relationship();
            const RelData& d = relationships.at(r.id);
            r.type = d.type;
            r.start = d.start;
            r.end = d.end;
            r.properties = std::make_shared<const Map>(d.properties);
            return r;
        }
        return value;
    }
    bool pattern_exists(const ast::PatternPart&, const expression::Row&,
                        const ast::Expression*) override {
        ++pattern_calls;
        return pattern_answer;
    }
    int64_t subquery_rows(const ast::Expression&, const expression::Row&, int64_t) override {
        ++pattern_calls;
        return pattern_answer ? 1 : 0;
    }
    int64_t pattern_count(const ast::PatternPart&, const expression::Row&,
                          const ast::Expression*) override {
        ++pattern_calls;
        return pattern_answer ? 1 : 0;
    }
    List pattern_comprehension(const ast::Expression&, const expression::Row&) override {
        return List{Value(int64_t{1}), Value(int64_t{2})};
    }
    void check_interrupt() override { ++interrupt_checks; }

    // A node value carrying only its id, as nodes travel inside the engine.
    Value node(int64_t id) const {
        Node n;
        n.id = id;
        return n;
    }
    Value relationship(int64_t id) const {
        Relationship r;
        r.id = id;
        const RelData& d = relationships.at(id);
        r.start = d.start;
        r.end = d.end;
        r.type = d.type;
        return r;
    }
};

// Evaluates `e` with `row` (default: empty) in `ctx`.
inline Value eval(const ExprPtr& e, FakeContext& ctx, expression::Row row = {}) {
    return expression::evaluate(*e, row, ctx);
}

inline Value eval(const ExprPtr& e) {
    FakeContext ctx;
    return eval(e, ctx);
}

// The kind of error evaluating `e` raises, or nothing when it succeeds.
inline std::optional<ErrorKind> error_of(const ExprPtr& e, FakeContext& ctx,
                                         expression::Row row = {}) {
    try {
        expression::evaluate(*e, row, ctx);
    } catch (const Exception& ex) {
        return ex.error().kind;
    }
    return std::nullopt;
}

inline std::optional<ErrorKind> error_of(const ExprPtr& e) {
    FakeContext ctx;
    return error_of(e, ctx);
}

// The message of the error evaluating `e` raises, or "" if none.
inline std::string message_of(const ExprPtr& e) {
    FakeContext ctx;
    expression::Row row;
    try {
        expression::evaluate(*e, row, ctx);
    } catch (const Exception& ex) {
        return ex.error().message;
    }
    return "";
}

// Value equality for assertions: same type and same rendering (so 1 and 1.0 differ).
inline bool same(const Value& a, const Value& b) {
    return a.type() == b.type() && a.to_cypher() == b.to_cypher();
}

}  // namespace meninx::test
