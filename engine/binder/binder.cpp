#include "binder/binder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "execution/procedures.h"
#include "function/function_registry.h"
#include "meninx/error.h"

namespace meninx::binder {

namespace {

// What the binder knows of a variable's type. Value: a known non-graph value (a number, string,
// boolean or map), which can never be used as a node or relationship; List: a list, which may
// be used as a list of relationships only.
enum class VarType { Any, Node, Relationship, RelationshipList, Path, Value, List };

std::string_view var_type_name(VarType t) {
    switch (t) {
        case VarType::Node:
            return "a node";
        case VarType::Relationship:
            return "a relationship";
        case VarType::RelationshipList:
            return "a list of relationships";
        case VarType::Path:
            return "a path";
        case VarType::List:
            return "a list";
        case VarType::Value:
        case VarType::Any:
            return "a value";
    }
    return "a value";
}

struct Variable {
    int slot = -1;
    VarType type = VarType::Any;
};

// Visible variables, in the order they were introduced.
struct Scope {
    std::map<std::string, Variable> vars;
    std::vector<std::string> order;

    const Variable* find(const std::string& name) const {
        auto it = vars.find(name);
        return it == vars.end() ? nullptr : &it->second;
    }
    void add(const std::string& name, Variable v) {
        if (vars.emplace(name, v).second)
            order.push_back(name);
        else
            vars[name] = v;
    }
};

[[noreturn]] void fail(const std::string& message, ast::SourcePos pos) {
    throw Exception(ErrorKind::Semantic, message, pos.line, pos.column);
}

bool contains_aggregate(const ast::Expression& e) {
    if (e.kind == ast::ExprKind::CountStar) return true;
    if (e.kind == ast::ExprKind::FunctionCall && function::is_aggregate(e.name)) return true;
    for (const auto& c : e.children) {
        if (c && contains_aggregate(*c)) return true;
    }
    return false;
}

bool is_constant(const ast::Expression& e) {
    switch (e.kind) {
        case ast::ExprKind::Variable:
        case ast::ExprKind::PatternPredicate:
        case ast::ExprKind::PatternComprehension:
        case ast::ExprKind::CountStar:
            return false;
        case ast::ExprKind::Exists:
            if (e.pattern || e.subquery) return false;
            break;
        case ast::ExprKind::CountSubquery:
            return false;
        case ast::ExprKind::FunctionCall:
            if (function::is_aggregate(e.name)) return false;
            break;
        default:
            break;
    }
    for (const auto& c : e.children) {
        if (c && !is_constant(*c)) return false;
    }
    return true;
}

class Binder {
  public:
    explicit Binder(BoundStatement& out) : out_(out) {}

    void bind_statement() {
        auto& query = out_.statement.query;
        for (size_t i = 1; i < query.union_all.size(); ++i) {
            if (query.union_all[i] != query.union_all[0]) {
                fail("UNION and UNION ALL cannot be mixed in one query",
                     query.parts[i + 1].clauses.front().pos);
            }
        }
        std::vector<std::string> first_columns;
        for (size_t i = 0; i < query.parts.size(); ++i) {
            BoundPart part;
            part_ = &part;
            next_slot_ = 0;
            returned_ = false;
            Scope scope;
            auto& clauses = query.parts[i].clauses;
            for (size_t c = 0; c < clauses.size(); ++c) {
                bool last = c + 1 == clauses.size();
                bind_clause(clauses[c], scope, last);
            }
            if (!clauses.empty() && clauses.back().kind != ast::ClauseKind::Return) {
                auto k = clauses.back().kind;
                if (k == ast::ClauseKind::With || k == ast::ClauseKind::Unwind ||
                    (k == ast::ClauseKind::Match && !out_.writes)) {
                    fail("A query cannot end with " + clause_name(k) +
                             ": add a RETURN clause (or an updating clause)",
                         clauses.back().pos);
                }
            }
            if (query.parts.size() > 1 && !part.has_return) {
                fail("Each part of a UNION must end with RETURN", clauses.front().pos);
            }
            part.width = next_slot_;
            if (i == 0) {
                first_columns = columns_;
            } else if (columns_ != first_columns) {
                fail("All sub queries in a UNION must have the same return column names",
                     clauses.front().pos);
            }
            columns_.clear();
            out_.parts.push_back(std::move(part));
        }
        out_.columns = first_columns;
    }

  private:
    static std::string clause_name(ast::ClauseKind k) {
        switch (k) {
            case ast::ClauseKind::Match:
                return "MATCH";
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
                return "DELETE";
            case ast::ClauseKind::Call:
                return "CALL";
        }
        return "?";
    }

    int new_slot() { return next_slot_++; }

    // --- clauses --------------------------------------------------------------------------

    void bind_clause(ast::Clause& clause, Scope& scope, bool last) {
        if (returned_) fail("RETURN must be the last clause of a query", clause.pos);
        switch (clause.kind) {
            case ast::ClauseKind::Match:
                bind_pattern(clause.pattern, scope, /*create=*/false);
                if (clause.where) {
                    bind_expr(*clause.where, scope, false, "WHERE");
                    require_predicate(*clause.where, static_type(*clause.where, scope));
                }
                break;
            case ast::ClauseKind::Unwind: {
                bind_expr(*clause.expression, scope, false, "UNWIND");
                if (scope.find(clause.alias)) {
                    fail("Variable `" + clause.alias + "` already declared", clause.pos);
                }
                clause.alias_slot = new_slot();
                scope.add(clause.alias, {clause.alias_slot, VarType::Any});
                break;
            }
            case ast::ClauseKind::With:
            case ast::ClauseKind::Return:
                bind_projection(clause, scope, last);
                break;
            case ast::ClauseKind::Create:
                out_.writes = true;
                bind_pattern(clause.pattern, scope, /*create=*/true);
                break;
            case ast::ClauseKind::Merge:
                out_.writes = true;
                bind_pattern(clause.pattern, scope, /*create=*/true, /*merge=*/true);
                for (auto& item : clause.on_create) bind_set_item(item, scope);
                for (auto& item : clause.on_match) bind_set_item(item, scope);
                break;
            case ast::ClauseKind::Set:
                out_.writes = true;
                for (auto& item : clause.set_items) bind_set_item(item, scope);
                break;
            case ast::ClauseKind::Remove:
                out_.writes = true;
                for (auto& item : clause.remove_items) {
                    bind_expr(*item.target, scope, false, "REMOVE");
                }
                break;
            case ast::ClauseKind::Delete:
                out_.writes = true;
                for (auto& e : clause.delete_expressions) {
                    bind_expr(*e, scope, false, "DELETE");
                    if (e->kind != ast::ExprKind::Variable && e->kind != ast::ExprKind::Subscript &&
                        e->kind != ast::ExprKind::FunctionCall &&
                        e->kind != ast::ExprKind::Property) {
                        fail("DELETE expects a node, a relationship or a path, not `" + e->text +
                                 "`",
                             e->pos);
                    }
                }
                break;
            case ast::ClauseKind::Call:
                if (clause.subquery) {
                    bind_call_subquery(clause, scope, last);
                } else {
                    bind_call(clause, scope, last);
                }
                break;
        }
    }

    void bind_set_item(ast::SetItem& item, Scope& scope) {
        if (item.target) bind_expr(*item.target, scope, false, "SET");
        if (item.value) bind_expr(*item.value, scope, false, "SET");
    }

    void bind_call(ast::Clause& clause, Scope& scope, bool last) {
        for (auto& a : clause.arguments) bind_expr(*a, scope, false, "CALL");
        const execution::Procedure* procedure = execution::find_procedure(clause.procedure);
        if (!procedure) fail("There is no procedure named `" + clause.procedure + "`", clause.pos);
        if (procedure->writes) out_.writes = true;
        const auto* columns = &procedure->columns;
        bool standalone = clause.yield_items.empty() || clause.yield_star;
        if (standalone) {
            clause.yield_items.clear();
            for (const auto& c : *columns) clause.yield_items.push_back({c, c, -1});
        }
        for (auto& y : clause.yield_items) {
            if (scope.find(y.alias)) {
                fail("Variable `" + y.alias + "` already declared", clause.pos);
            }
            y.slot = new_slot();
            scope.add(y.alias, {y.slot, VarType::Any});
        }
        if (clause.where) bind_expr(*clause.where, scope, false, "WHERE");
        if (last) {
            // A query that ends with CALL returns the procedure's columns.
            for (const auto& y : clause.yield_items) {
                columns_.push_back(y.alias);
                part_->output_slots.push_back(y.slot);
            }
            part_->has_return = true;
        }
    }

    // --- patterns -------------------------------------------------------------------------

    void declare(const std::string& name, VarType type, int& slot, Scope& scope, ast::SourcePos pos,
                 bool create, bool bound_allowed) {
        if (name.empty()) {
            slot = new_slot();
            return;
        }
        if (const Variable* v = scope.find(name)) {
            bool fits = v->type == type || v->type == VarType::Any ||
                        (v->type == VarType::List && type == VarType::RelationshipList);
            if (!fits) {
                fail("Variable `" + name + "` is " + std::string(var_type_name(v->type)) +
                         ", it cannot be used as " + std::string(var_type_name(type)),
                     pos);
            }
            if (create && !bound_allowed) {
                fail("Variable `" + name + "` already declared", pos);
            }
            slot = v->slot;
            return;
        }
        slot = new_slot();
        scope.add(name, {slot, type});
    }

    void bind_pattern(ast::Pattern& pattern, Scope& scope, bool create, bool merge = false) {
        std::set<std::string> rels_in_clause;
        int first_new = next_slot_;
        for (auto& part : pattern.parts) {
            part.first_new_slot = first_new;
            bind_pattern_part(part, scope, create, merge, rels_in_clause);
        }
    }

    // A parameter standing for a whole property map may create (CREATE (n $props)) but not
    // match: which keys it holds is known only when it runs.
    static void refuse_parameter_map(const ast::Expression& properties, bool create, bool merge) {
        if (properties.kind != ast::ExprKind::Parameter || (create && !merge)) return;
        fail(std::string("A parameter cannot stand for the properties of a pattern in ") +
                 (merge ? "MERGE" : "MATCH") + ": write them out ({name: $" + properties.name +
                 ".name}) or test them in WHERE",
             properties.pos);
    }

    // An aggregate over rand() would give a different answer for the same rows.
    static void refuse_random(const ast::Expression& arg, const ast::Expression& aggregate) {
        if (arg.kind == ast::ExprKind::FunctionCall) {
            std::string name = arg.name;
            for (auto& ch : name) {
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            }
            if (name == "rand") {
                fail("rand() cannot be used inside an aggregate function: `" + aggregate.text +
                         "` (compute it in an earlier WITH)",
                     arg.pos);
            }
        }
        for (const auto& c : arg.children) {
            if (c) refuse_random(*c, aggregate);
        }
    }

    [[noreturn]] static void pattern_as_value(const ast::Expression& pattern) {
        fail("A pattern such as `" + pattern.text +
                 "` is a predicate (true when it has a match); for its matches as a value write "
                 "COUNT { " +
                 pattern.text + " } or a pattern comprehension [p = " + pattern.text + " | p]",
             pattern.pos);
    }

    // WHERE needs a truth value: a node, relationship or path there is a mistake (`WHERE (n)`).
    static void require_predicate(const ast::Expression& where, VarType type) {
        if (type == VarType::Node || type == VarType::Relationship || type == VarType::Path ||
            type == VarType::RelationshipList) {
            fail("WHERE expects a boolean, but `" + where.text + "` is " +
                     std::string(var_type_name(type)),
                 where.pos);
        }
    }

    void bind_pattern_part(ast::PatternPart& part, Scope& scope, bool create, bool merge,
                           std::set<std::string>& rels_in_clause) {
        for (size_t i = 0; i < part.nodes.size(); ++i) {
            auto& node = part.nodes[i];
            bool bound_before = !node.variable.empty() && scope.find(node.variable);
            // A node variable bound earlier may be reused in CREATE only as a bare reference.
            bool reuse_ok = !create || merge ? true
                                             : node.labels.empty() && !node.properties &&
                                                   (part.nodes.size() > 1);
            if (create && bound_before && !reuse_ok) {
                fail("Variable `" + node.variable + "` already declared", node.pos);
            }
            if (merge && bound_before &&
                (part.nodes.size() == 1 || !node.labels.empty() || node.properties)) {
                fail("Variable `" + node.variable + "` already declared", node.pos);
            }
            declare(node.variable, VarType::Node, node.slot, scope, node.pos, false, true);
            if (node.properties) {
                refuse_parameter_map(*node.properties, create, merge);
                bind_expr(*node.properties, scope, false, "pattern");
            }
        }
        for (auto& rel : part.relationships) {
            if (create) {
                if (rel.types.size() != 1) {
                    fail("A relationship created by " + std::string(merge ? "MERGE" : "CREATE") +
                             " must have exactly one type",
                         rel.pos);
                }
                if (rel.direction == ast::Direction::Both && !merge) {
                    fail("A relationship created by CREATE must have a direction", rel.pos);
                }
                if (rel.variable_length) {
                    fail("Variable length relationships cannot be created", rel.pos);
                }
                if (!rel.variable.empty() && scope.find(rel.variable)) {
                    fail("Variable `" + rel.variable + "` already declared", rel.pos);
                }
            }
            if (!rel.variable.empty()) {
                if (!rels_in_clause.insert(rel.variable).second) {
                    fail("Cannot use the same relationship variable `" + rel.variable +
                             "` for multiple relationships",
                         rel.pos);
                }
            }
            VarType type = rel.variable_length ? VarType::RelationshipList : VarType::Relationship;
            if (rel.variable_length && !rel.variable.empty()) {
                if (const Variable* v = scope.find(rel.variable)) {
                    if (v->type == VarType::Relationship || v->type == VarType::Node) {
                        fail("Variable `" + rel.variable + "` is " +
                                 std::string(var_type_name(v->type)) +
                                 ", it cannot be used as a variable length relationship",
                             rel.pos);
                    }
                }
            }
            declare(rel.variable, type, rel.slot, scope, rel.pos, false, true);
            if (rel.properties) {
                refuse_parameter_map(*rel.properties, create, merge);
                bind_expr(*rel.properties, scope, false, "pattern");
            }
            if (rel.variable_length && rel.min_hops && rel.max_hops &&
                *rel.min_hops > *rel.max_hops) {
                // An empty range matches nothing; openCypher allows it.
            }
        }
        if (!part.path_variable.empty()) {
            if (scope.find(part.path_variable)) {
                fail("Variable `" + part.path_variable + "` already declared", part.pos);
            }
            part.path_slot = new_slot();
            scope.add(part.path_variable, {part.path_slot, VarType::Path});
        }
        if (part.function != ast::PathFunction::None) {
            if (part.relationships.size() != 1) {
                fail("shortestPath requires a pattern with exactly one relationship", part.pos);
            }
        }
    }

    // --- projections ----------------------------------------------------------------------

    void bind_projection(ast::Clause& clause, Scope& scope, bool last) {
        auto& proj = clause.projection;
        bool is_return = clause.kind == ast::ClauseKind::Return;
        if (is_return) {
            if (!last) fail("RETURN must be the last clause of a query", clause.pos);
            returned_ = true;
            part_->has_return = true;
        }
        if (proj.star) {
            std::vector<std::string> names;
            for (const auto& name : scope.order) names.push_back(name);
            std::sort(names.begin(), names.end());
            if (names.empty() && is_return) {
                fail("RETURN * is not allowed when there are no variables in scope", clause.pos);
            }
            std::vector<ast::ProjectionItem> items;
            for (const auto& name : names) {
                auto e = std::make_shared<ast::Expression>();
                e->kind = ast::ExprKind::Variable;
                e->name = name;
                e->text = name;
                e->pos = clause.pos;
                items.push_back({e, name, true});
            }
            for (auto& item : proj.items) items.push_back(std::move(item));
            proj.items = std::move(items);
            proj.star = false;
        }
        BoundProjection bound;
        std::set<std::string> aliases;
        for (auto& item : proj.items) {
            if (!is_return && !item.has_alias && item.expression->kind != ast::ExprKind::Variable) {
                fail("Expression in WITH must be aliased (use AS): `" + item.expression->text + "`",
                     item.expression->pos);
            }
            if (!aliases.insert(item.alias).second) {
                fail("Multiple result columns with the same name `" + item.alias +
                         "` are not supported",
                     item.expression->pos);
            }
        }
        // Items, with aggregates collected.
        for (auto& item : proj.items) {
            if (item.expression->kind == ast::ExprKind::PatternPredicate) {
                pattern_as_value(*item.expression);
            }
            bind_expr(*item.expression, scope, true, is_return ? "RETURN" : "WITH");
            bool agg = contains_aggregate(*item.expression);
            bound.item_is_key.push_back(!agg);
            if (agg) bound.aggregating = true;
        }
        if (bound.aggregating) {
            std::set<std::string> keys;
            for (size_t i = 0; i < proj.items.size(); ++i) {
                if (bound.item_is_key[i]) keys.insert(proj.items[i].expression->text);
            }
            for (size_t i = 0; i < proj.items.size(); ++i) {
                if (!bound.item_is_key[i]) check_unambiguous(*proj.items[i].expression, keys);
            }
        }
        // New scope: the projected names.
        Scope next;
        for (size_t i = 0; i < proj.items.size(); ++i) {
            auto& item = proj.items[i];
            int slot = new_slot();
            bound.item_slots.push_back(slot);
            VarType type = static_type(*item.expression, scope);
            next.add(item.alias, {slot, type});
        }
        if (bound.aggregating) {
            for (auto& item : proj.items) extract_aggregates(item.expression, bound);
        }
        // ORDER BY and WHERE see the projected names and, without aggregation or DISTINCT, the
        // old ones.
        Scope order_scope = next;
        if (!bound.aggregating && !proj.distinct) {
            for (const auto& name : scope.order) {
                if (!order_scope.find(name)) order_scope.add(name, scope.vars.at(name));
            }
        }
        for (auto& sort : proj.order_by) {
            if (replace_projected(sort.expression, proj, bound)) continue;
            if (contains_aggregate(*sort.expression)) {
                fail("Aggregation in ORDER BY must also be projected: `" + sort.expression->text +
                         "`",
                     sort.expression->pos);
            }
            bind_expr(*sort.expression, order_scope, false, "ORDER BY");
        }
        for (ast::ExprPtr* e : {&proj.skip, &proj.limit}) {
            if (!*e) continue;
            if (!is_constant(**e)) {
                fail("SKIP and LIMIT expect a constant expression, not `" + (*e)->text + "`",
                     (*e)->pos);
            }
            Scope empty;
            bind_expr(**e, empty, false, "SKIP/LIMIT");
        }
        // WHERE sees what ORDER BY sees.
        if (proj.where) {
            replace_projected(proj.where, proj, bound);
            bind_expr(*proj.where, order_scope, false, "WHERE");
            require_predicate(*proj.where, static_type(*proj.where, order_scope));
        }
        if (is_return) {
            for (size_t i = 0; i < proj.items.size(); ++i) {
                columns_.push_back(proj.items[i].alias);
                part_->output_slots.push_back(bound.item_slots[i]);
            }
        }
        part_->projections.emplace(&clause, std::move(bound));
        scope = std::move(next);
    }

    // Replaces `e`, or else each largest part of it, that is one of the projection's items (the
    // same text, or the item's alias) by a read of the item's slot: after a projection, ORDER BY
    // and WHERE may name what was projected (`WITH DISTINCT a.x AS x WHERE a.x > 1`,
    // `ORDER BY avg(p.age) + 1` when avg(p.age) is projected). Returns true when `e` itself was
    // replaced. Bound reads are left alone.
    // Within an expression that aggregates, only variables, property reads and aggregate calls
    // are replaced: a larger projected expression there is ambiguous (openCypher's
    // AmbiguousAggregationExpression), so its parts must stand on their own.
    bool replace_projected(ast::ExprPtr& e, const ast::Projection& proj,
                           const BoundProjection& bound, std::optional<bool> aggregating = {}) {
        if (!e || e->slot >= 0) return false;
        if (!aggregating) aggregating = contains_aggregate(*e);
        bool simple = e->kind == ast::ExprKind::Variable || e->kind == ast::ExprKind::Property ||
                      e->kind == ast::ExprKind::CountStar ||
                      (e->kind == ast::ExprKind::FunctionCall && function::is_aggregate(e->name));
        for (size_t i = 0; i < proj.items.size() && (simple || !*aggregating); ++i) {
            const auto& item = proj.items[i];
            bool same = e->text == item.expression->text ||
                        (e->kind == ast::ExprKind::Variable && e->name == item.alias);
            if (!same) continue;
            auto read = std::make_shared<ast::Expression>();
            read->kind = ast::ExprKind::Variable;
            read->name = item.alias;
            read->text = e->text;
            read->pos = e->pos;
            read->slot = bound.item_slots[i];
            e = read;
            return true;
        }
        // Inside comprehensions and pattern predicates, names may be local: leave them.
        if (e->kind == ast::ExprKind::Variable || e->pattern ||
            e->kind == ast::ExprKind::ListComprehension || e->kind == ast::ExprKind::Quantifier ||
            e->kind == ast::ExprKind::Reduce) {
            return false;
        }
        for (auto& c : e->children) replace_projected(c, proj, bound, aggregating);
        return false;
    }

    // In an item that aggregates, what is outside the aggregate calls must be fixed per group:
    // constants, parameters, grouping keys (the other items, by their text) or properties of
    // them. `RETURN me.age, me.age + count(*)` groups well; `RETURN me.age + you.age + count(*)`
    // does not say what `you` is per group (openCypher's AmbiguousAggregationExpression).
    void check_unambiguous(const ast::Expression& e, const std::set<std::string>& keys) {
        using K = ast::ExprKind;
        if (e.kind == K::CountStar ||
            (e.kind == K::FunctionCall && function::is_aggregate(e.name))) {
            return;
        }
        // A grouping key may be reused next to an aggregate only when it is a variable or a
        // property: `a + b + count(*)` next to the key `a + b` is refused as in openCypher.
        if (keys.count(e.text) && (e.kind == K::Variable || e.kind == K::Property)) return;
        if (e.kind == K::Variable) {
            fail("Ambiguous aggregation expression: `" + e.name +
                     "` is used next to an aggregate but is not a grouping key (project it as "
                     "its own item, or aggregate it)",
                 e.pos);
        }
        if (e.pattern || e.kind == K::ListComprehension || e.kind == K::Quantifier ||
            e.kind == K::Reduce) {
            return;  // local names inside; checked when bound
        }
        for (const auto& c : e.children) {
            if (c) check_unambiguous(*c, keys);
        }
    }

    // Replaces every aggregate call under `e` by a read of a fresh slot, remembering the call.
    void extract_aggregates(ast::ExprPtr& e, BoundProjection& bound) {
        if (!e) return;
        bool agg = e->kind == ast::ExprKind::CountStar ||
                   (e->kind == ast::ExprKind::FunctionCall && function::is_aggregate(e->name));
        if (agg) {
            for (auto& c : e->children) {
                if (c && contains_aggregate(*c)) {
                    fail("Cannot nest aggregate functions: `" + e->text + "`", e->pos);
                }
            }
            int slot = new_slot();
            auto call = std::make_shared<ast::Expression>(*e);
            bound.aggregates.emplace_back(call, slot);
            auto read = std::make_shared<ast::Expression>();
            read->kind = ast::ExprKind::Variable;
            read->name = e->text;
            read->text = e->text;
            read->pos = e->pos;
            read->slot = slot;
            e = read;
            return;
        }
        for (auto& c : e->children) extract_aggregates(c, bound);
    }

    // --- expressions ----------------------------------------------------------------------

    // What the binder knows of an expression's type: a variable's declared type, or Value for
    // literals, list and map expressions.
    static VarType static_type(const ast::Expression& e, const Scope& scope) {
        switch (e.kind) {
            case ast::ExprKind::Variable:
                if (const Variable* v = scope.find(e.name)) return v->type;
                return VarType::Any;
            case ast::ExprKind::Literal:
                if (e.value.is_null()) return VarType::Any;
                return e.value.is_list() ? VarType::List : VarType::Value;
            case ast::ExprKind::List:
                return VarType::List;
            case ast::ExprKind::Map:
                return VarType::Value;
            default:
                return VarType::Any;
        }
    }

    // Compile-time argument checks of the graph functions whose argument type is known here:
    // type() of a relationship, length() of a path, size() of a list or string, never of a path
    // or a pattern.
    void check_argument_type(const ast::Expression& call, const ast::Expression& arg,
                             const Scope& scope) {
        std::string name = call.name;
        for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        VarType t = static_type(arg, scope);
        auto refuse = [&](const char* expected) {
            fail("Type mismatch: " + call.name + "() expects " + expected + ", but `" + arg.text +
                     "` is " + std::string(var_type_name(t)),
                 call.pos);
        };
        if (name == "type" && (t == VarType::Node || t == VarType::Path || t == VarType::Value)) {
            refuse("a relationship");
        }
        if (name == "length" && (t == VarType::Node || t == VarType::Relationship)) {
            refuse("a path");
        }
        if (name == "size") {
            if (t == VarType::Path || t == VarType::Node || t == VarType::Relationship) {
                refuse("a list or a string");
            }
        }
        if (arg.kind == ast::ExprKind::PatternPredicate && name != "exists") pattern_as_value(arg);
    }

    void bind_expr(ast::Expression& e, Scope& scope, bool allow_aggregates, const char* where) {
        using K = ast::ExprKind;
        switch (e.kind) {
            case K::Variable: {
                const Variable* v = scope.find(e.name);
                if (!v) fail("Variable `" + e.name + "` not defined", e.pos);
                e.slot = v->slot;
                return;
            }
            case K::CountStar:
                if (!allow_aggregates) {
                    fail(std::string("Aggregation is not allowed in ") + where + ": `" + e.text +
                             "`",
                         e.pos);
                }
                return;
            case K::FunctionCall: {
                if (function::is_aggregate(e.name)) {
                    if (!allow_aggregates) {
                        fail(std::string("Aggregation is not allowed in ") + where + ": `" +
                                 e.text + "`",
                             e.pos);
                    }
                } else {
                    e.function_id = function::find_function(e.name);
                    if (e.function_id < 0) fail("Unknown function '" + e.name + "'", e.pos);
                    const auto& def = function::function_at(e.function_id);
                    int n = static_cast<int>(e.children.size());
                    if (n < def.min_args || (def.max_args >= 0 && n > def.max_args)) {
                        fail("Function " + e.name + "() called with " + std::to_string(n) +
                                 " argument(s); it takes " + arg_count_text(def),
                             e.pos);
                    }
                    if (e.distinct) fail("DISTINCT is only allowed in aggregate functions", e.pos);
                }
                const bool aggregate = function::is_aggregate(e.name);
                for (auto& c : e.children) {
                    if (!c) continue;
                    if (aggregate) {
                        bind_expr(*c, scope, false, "an aggregate function's argument");
                        refuse_random(*c, e);
                    } else {
                        bind_expr(*c, scope, allow_aggregates, where);
                    }
                }
                if (!aggregate && e.children.size() == 1 && e.children[0]) {
                    check_argument_type(e, *e.children[0], scope);
                }
                return;
            }
            case K::ListComprehension:
            case K::Quantifier: {
                bind_expr(*e.children[0], scope, allow_aggregates, where);
                Scope inner = scope;
                e.slot = new_slot();
                inner.add(e.name, {e.slot, VarType::Any});
                for (size_t i = 1; i < e.children.size(); ++i) {
                    if (e.children[i]) bind_expr(*e.children[i], inner, false, where);
                }
                return;
            }
            case K::Reduce: {
                // children: [0] initial accumulator, [1] list, [2] expression.
                bind_expr(*e.children[0], scope, false, where);
                bind_expr(*e.children[1], scope, false, where);
                Scope inner = scope;
                e.slot = new_slot();
                e.slot2 = new_slot();
                inner.add(e.name, {e.slot, VarType::Any});
                if (!e.keys.empty()) inner.add(e.keys[0], {e.slot2, VarType::Any});
                bind_expr(*e.children[2], inner, false, where);
                return;
            }
            case K::PatternPredicate:
            case K::Exists:
            case K::CountSubquery:
            case K::PatternComprehension: {
                if (e.subquery) {
                    bind_subquery(e, scope);
                    return;
                }
                if (e.pattern) {
                    if (e.kind == K::PatternPredicate) {
                        // A pattern used as a predicate may only name variables bound before.
                        auto check = [&](const std::string& name, ast::SourcePos pos) {
                            if (!name.empty() && !scope.find(name)) {
                                fail("Variable `" + name +
                                         "` not defined (a pattern predicate cannot introduce "
                                         "new variables)",
                                     pos);
                            }
                        };
                        for (const auto& n : e.pattern->nodes) check(n.variable, n.pos);
                        for (const auto& r : e.pattern->relationships) check(r.variable, r.pos);
                    }
                    Scope inner = scope;
                    std::set<std::string> rels;
                    e.pattern->first_new_slot = next_slot_;
                    bind_pattern_part(*e.pattern, inner, false, false, rels);
                    for (auto& c : e.children) {
                        if (c) bind_expr(*c, inner, false, where);
                    }
                    return;
                }
                break;
            }
            case K::Property:
                if (e.children[0] && static_type(*e.children[0], scope) == VarType::Path) {
                    fail("Type mismatch: `" + e.children[0]->text +
                             "` is a path, which has no properties",
                         e.pos);
                }
                break;
            default:
                break;
        }
        for (auto& c : e.children) {
            if (c) bind_expr(*c, scope, allow_aggregates, where);
        }
    }

    // Binds the clauses of a subquery as a part of their own, starting from `inner`, and gives
    // the enclosing part its state back; `returned` receives the names the subquery returns.
    BoundPart bind_sub_part(std::vector<ast::Clause>& clauses, Scope& inner,
                            std::vector<std::string>* returned) {
        BoundPart* outer_part = part_;
        const bool outer_returned = returned_;
        std::vector<std::string> outer_columns = std::move(columns_);
        BoundPart sub;
        part_ = &sub;
        returned_ = false;
        columns_.clear();
        for (size_t c = 0; c < clauses.size(); ++c) {
            bind_clause(clauses[c], inner, c + 1 == clauses.size());
        }
        if (returned != nullptr) *returned = std::move(columns_);
        part_ = outer_part;
        returned_ = outer_returned;
        columns_ = std::move(outer_columns);
        return sub;
    }

    // CALL { ... }: the subquery is bound as a part of its own. Only an importing WITH at its
    // start sees the enclosing variables; what it returns joins the enclosing scope, with the
    // slots the subquery's RETURN gave it (in the enclosing row, like every slot it uses).
    void bind_call_subquery(ast::Clause& clause, Scope& scope, bool last) {
        auto& query = *clause.subquery;
        for (size_t i = 1; i < query.union_all.size(); ++i) {
            if (query.union_all[i] != query.union_all[0]) {
                fail("UNION and UNION ALL cannot be mixed in one query",
                     query.parts[i + 1].clauses.front().pos);
            }
        }
        BoundCall call;
        std::vector<std::string> columns;
        for (size_t p = 0; p < query.parts.size(); ++p) {
            auto& clauses = query.parts[p].clauses;
            Scope inner = clauses.front().kind == ast::ClauseKind::With ? scope : Scope{};
            std::vector<std::string> returned;
            call.parts.push_back(bind_sub_part(clauses, inner, &returned));
            if (query.parts.size() > 1 && !call.parts.back().has_return) {
                fail("Each part of a UNION must end with RETURN", clauses.front().pos);
            }
            if (p == 0) {
                columns = std::move(returned);
            } else if (returned != columns) {
                fail("All sub queries in a UNION must have the same return column names",
                     clauses.front().pos);
            }
        }
        if (last && !columns.empty()) {
            fail(
                "A query cannot end with a CALL { } subquery that returns values: add a RETURN "
                "clause",
                clause.pos);
        }
        for (size_t i = 0; i < columns.size(); ++i) {
            if (scope.find(columns[i])) {
                fail("Variable `" + columns[i] +
                         "` already declared: a CALL { } subquery cannot return a variable of "
                         "the enclosing query (rename it with AS)",
                     clause.pos);
            }
            // One part returns into its own slots; the rows of a UNION get slots of their own.
            int slot = query.parts.size() == 1 ? call.parts[0].output_slots[i] : new_slot();
            call.column_slots.push_back(slot);
            scope.add(columns[i], {slot, VarType::Any});
        }
        out_.call_subqueries.emplace(&clause, std::move(call));
    }

    // EXISTS { MATCH ... }: the subquery's clauses are bound as a part of their own that starts
    // from the enclosing scope; its slots are taken from the enclosing part's row, so that its
    // plan runs on a copy of the enclosing row.
    void bind_subquery(ast::Expression& e, Scope& scope) {
        Scope inner = scope;
        BoundPart sub = bind_sub_part(e.subquery->clauses, inner, nullptr);
        out_.subqueries.emplace(&e, std::move(sub));
    }

    static std::string arg_count_text(const function::FunctionDef& def) {
        if (def.min_args == def.max_args) return std::to_string(def.min_args);
        if (def.max_args < 0) return "at least " + std::to_string(def.min_args);
        return std::to_string(def.min_args) + " to " + std::to_string(def.max_args);
    }

    BoundStatement& out_;
    BoundPart* part_ = nullptr;
    int next_slot_ = 0;
    bool returned_ = false;
    std::vector<std::string> columns_;
};

}  // namespace

std::unique_ptr<BoundStatement> bind(ast::Statement statement) {
    auto out = std::make_unique<BoundStatement>();
    out->statement = std::move(statement);
    Binder binder(*out);
    binder.bind_statement();
    return out;
}

}  // namespace meninx::binder
