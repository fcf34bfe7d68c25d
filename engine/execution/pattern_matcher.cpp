#include "execution/pattern_matcher.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "common/value_ops.h"
#include "expression/expression_evaluator.h"
#include "meninx/error.h"

namespace meninx::execution {

struct PatternMatcher::Step {
    int rel = 0;          // index of the relationship in the part
    int from = 0;         // node index the step leaves from
    int to = 0;           // node index it arrives at
    bool forward = true;  // traversed in the written direction (left to right)
};

struct PatternMatcher::PartPlan {
    const ast::PatternPart* part = nullptr;
    int start = 0;
    std::vector<Step> steps;
    std::vector<bool> rel_forward;
};

// Per-call search state.
struct PatternMatcher::Search {
    Row* row = nullptr;
    std::vector<char> bound;
    std::vector<int64_t> used_rels;
    // Per part, per relationship: the edges traversed, in traversal order.
    std::vector<std::vector<std::vector<Edge>>> segments;
    // Per part, per node / relationship: resolved labels/types and evaluated property maps.
    std::vector<std::vector<std::vector<TermId>>> labels;
    std::vector<std::vector<std::vector<TermId>>> types;
    std::vector<std::vector<std::vector<std::pair<TermId, Value>>>> node_props;
    std::vector<std::vector<std::vector<std::pair<TermId, Value>>>> rel_props;
    bool impossible = false;
    const std::function<bool(Row&)>* emit = nullptr;
};

namespace {

int score(const ast::NodePattern& n, const std::vector<char>& bound_static) {
    if (n.slot >= 0 && n.slot < static_cast<int>(bound_static.size()) && bound_static[n.slot]) {
        return 100;
    }
    int s = 0;
    if (n.properties) s += 50;
    if (!n.labels.empty()) s += 10;
    return s;
}

ExpandDirection step_direction(ast::Direction d, bool forward) {
    switch (d) {
        case ast::Direction::Right:
            return forward ? ExpandDirection::Outgoing : ExpandDirection::Incoming;
        case ast::Direction::Left:
            return forward ? ExpandDirection::Incoming : ExpandDirection::Outgoing;
        case ast::Direction::Both:
            return ExpandDirection::Both;
    }
    return ExpandDirection::Both;
}

}  // namespace

PatternMatcher::PatternMatcher(ExecContext& ctx, std::vector<const ast::PatternPart*> parts,
                               const ast::Expression* where)
    : ctx_(ctx), where_(where) {
    if (!parts.empty()) first_new_slot_ = parts[0]->first_new_slot;
    int max_slot = 0;
    for (const auto* p : parts) {
        for (const auto& n : p->nodes) max_slot = std::max(max_slot, n.slot + 1);
        for (const auto& r : p->relationships) max_slot = std::max(max_slot, r.slot + 1);
    }
    // Which slots are bound when each part is searched: those bound before the pattern, then
    // those bound by the parts searched earlier.
    std::vector<char> bound(max_slot, 0);
    for (int s = 0; s < std::min(max_slot, first_new_slot_); ++s) bound[s] = 1;
    std::vector<const ast::PatternPart*> remaining = parts;
    while (!remaining.empty()) {
        // Greedy order: the part whose best start node is most selective goes first.
        size_t best_part = 0;
        int best_score = -1;
        int best_start = 0;
        for (size_t i = 0; i < remaining.size(); ++i) {
            const auto& nodes = remaining[i]->nodes;
            for (size_t k = 0; k < nodes.size(); ++k) {
                int sc = score(nodes[k], bound);
                // shortestPath searches from its first node.
                if (remaining[i]->function != ast::PathFunction::None && k > 0) continue;
                if (sc > best_score) {
                    best_score = sc;
                    best_part = i;
                    best_start = static_cast<int>(k);
                }
            }
        }
        const ast::PatternPart* part = remaining[best_part];
        remaining.erase(remaining.begin() + static_cast<long>(best_part));
        PartPlan plan;
        plan.part = part;
        plan.start = best_start;
        int n = static_cast<int>(part->relationships.size());
        plan.rel_forward.assign(n, true);
        for (int i = best_start; i < n; ++i) plan.steps.push_back({i, i, i + 1, true});
        for (int i = best_start - 1; i >= 0; --i) {
            plan.steps.push_back({i, i + 1, i, false});
            plan.rel_forward[i] = false;
        }
        for (const auto& nd : part->nodes) {
            if (nd.slot >= 0) bound[nd.slot] = 1;
        }
        for (const auto& r : part->relationships) {
            if (r.slot >= 0) bound[r.slot] = 1;
        }
        plans_.push_back(std::move(plan));
    }
    auto add_new = [&](int slot) {
        if (slot >= first_new_slot_ &&
            std::find(new_slots_.begin(), new_slots_.end(), slot) == new_slots_.end()) {
            new_slots_.push_back(slot);
        }
    };
    for (const auto* p : parts) {
        for (const auto& nd : p->nodes) add_new(nd.slot);
        for (const auto& r : p->relationships) add_new(r.slot);
        if (p->path_slot >= 0) add_new(p->path_slot);
    }
}

PatternMatcher::~PatternMatcher() = default;
PatternMatcher::PatternMatcher(PatternMatcher&&) noexcept = default;

std::string PatternMatcher::describe() const {
    std::string out;
    for (const auto& plan : plans_) {
        if (!out.empty()) out += ", ";
        const auto& start = plan.part->nodes[plan.start];
        out += "from (" + (start.variable.empty() ? std::string("anon") : start.variable);
        for (const auto& l : start.labels) out += ":" + l;
        out += ")";
        for (const auto& step : plan.steps) {
            const auto& rel = plan.part->relationships[step.rel];
            const auto& to = plan.part->nodes[step.to];
            out += step.forward ? " expand " : " expand-back ";
            out += "[";
            out += rel.variable;
            for (size_t i = 0; i < rel.types.size(); ++i) out += (i ? "|" : ":") + rel.types[i];
            if (rel.variable_length) out += "*";
            out += "] to (" + to.variable;
            for (const auto& l : to.labels) out += ":" + l;
            out += ")";
        }
        if (plan.part->function == ast::PathFunction::ShortestPath) out += " shortest";
        if (plan.part->function == ast::PathFunction::AllShortestPaths) out += " all-shortest";
    }
    return out;
}

namespace {

// Evaluates a pattern element's property map into (key id, value) pairs. Returns false when it
// can never match (a key that is not in the database, or a null value).
bool resolve_properties(ExecContext& ctx, const ast::ExprPtr& expr, Row& row,
                        std::vector<std::pair<TermId, Value>>& out) {
    if (!expr) return true;
    Value map = expression::evaluate(*expr, row, ctx);
    if (map.is_null()) return true;
    if (!map.is_map()) {
        throw Exception(
            ErrorKind::Type,
            "A pattern's properties must be a map, got " + std::string(type_name(map.type())),
            expr->pos.line, expr->pos.column);
    }
    for (const auto& [k, v] : map.as_map()) {
        if (v.is_null()) return false;
        auto id = ctx.graph().key_id(k);
        if (!id) return false;
        out.emplace_back(*id, v);
    }
    return true;
}

bool properties_match(ExecContext& ctx, int64_t subject,
                      const std::vector<std::pair<TermId, Value>>& props) {
    for (const auto& [key, value] : props) {
        Value actual = ctx.graph().property(subject, key);
        Value eq = value_ops::equals(actual, value);
        if (!eq.is_bool() || !eq.as_bool()) return false;
    }
    return true;
}

}  // namespace

bool PatternMatcher::match(Row& row, const std::function<bool(Row&)>& emit) {
    Search s;
    s.row = &row;
    s.emit = &emit;
    s.bound.assign(row.size(), 0);
    for (int i = 0; i < std::min<int>(first_new_slot_, static_cast<int>(row.size())); ++i) {
        s.bound[i] = 1;
    }
    GraphAccess& g = ctx_.graph();
    size_t np = plans_.size();
    s.segments.resize(np);
    s.labels.resize(np);
    s.types.resize(np);
    s.node_props.resize(np);
    s.rel_props.resize(np);
    for (size_t p = 0; p < np; ++p) {
        const auto* part = plans_[p].part;
        s.segments[p].resize(part->relationships.size());
        s.labels[p].resize(part->nodes.size());
        s.node_props[p].resize(part->nodes.size());
        for (size_t i = 0; i < part->nodes.size(); ++i) {
            for (const auto& l : part->nodes[i].labels) {
                auto id = g.label_id(l);
                if (!id) return true;  // an unknown label matches nothing
                s.labels[p][i].push_back(*id);
            }
            if (!resolve_properties(ctx_, part->nodes[i].properties, row, s.node_props[p][i])) {
                return true;
            }
        }
        s.types[p].resize(part->relationships.size());
        s.rel_props[p].resize(part->relationships.size());
        for (size_t i = 0; i < part->relationships.size(); ++i) {
            const auto& rel = part->relationships[i];
            for (const auto& t : rel.types) {
                // A type named twice ([:T|:T]) is one alternative, not two expansions.
                auto id = g.type_id(t);
                auto& alternatives = s.types[p][i];
                if (id && std::find(alternatives.begin(), alternatives.end(), *id) ==
                              alternatives.end()) {
                    alternatives.push_back(*id);
                }
            }
            if (!rel.types.empty() && s.types[p][i].empty()) {
                // No relationship of these types exists; only a zero-length match is possible.
                bool zero_ok = rel.variable_length && rel.min_hops && *rel.min_hops == 0;
                if (!zero_ok) return true;
                s.types[p][i].push_back(-1);
            }
            if (!resolve_properties(ctx_, rel.properties, row, s.rel_props[p][i])) return true;
        }
    }

    // The recursive search, as mutually recursive lambdas over the plan.
    std::function<bool(size_t)> run_part;
    std::function<bool(size_t, size_t)> run_step;

    auto node_ok = [&](size_t p, int index, int64_t id) {
        for (TermId l : s.labels[p][index]) {
            if (!g.has_label(id, l)) return false;
        }
        return properties_match(ctx_, id, s.node_props[p][index]);
    };

    // Binds node `index` of part `p` to `id` (or checks it when already bound), then continues.
    auto with_node = [&](size_t p, int index, int64_t id, const std::function<bool()>& next) {
        const auto& np_ = plans_[p].part->nodes[index];
        int slot = np_.slot;
        if (s.bound[slot]) {
            const Value& v = row[slot];
            if (!v.is_node() || v.as_node().id != id) return true;
            if (!node_ok(p, index, id)) return true;
            return next();
        }
        if (!node_ok(p, index, id)) return true;
        Node n;
        n.id = id;
        row[slot] = Value(std::move(n));
        s.bound[slot] = 1;
        bool r = next();
        s.bound[slot] = 0;
        return r;
    };

    auto rel_ok = [&](size_t p, int rel_index, const Edge& e) {
        if (std::find(s.used_rels.begin(), s.used_rels.end(), e.id) != s.used_rels.end()) {
            return false;
        }
        return properties_match(ctx_, -e.id, s.rel_props[p][rel_index]);
    };

    auto build_path = [&](size_t p) {
        const auto* part = plans_[p].part;
        Path path;
        int64_t cur = row[part->nodes[0].slot].as_node().id;
        Node first;
        first.id = cur;
        path.nodes.push_back(first);
        for (size_t i = 0; i < part->relationships.size(); ++i) {
            std::vector<Edge> edges = s.segments[p][i];
            if (!plans_[p].rel_forward[i]) std::reverse(edges.begin(), edges.end());
            for (const Edge& e : edges) {
                cur = e.start == cur ? e.end : e.start;
                path.relationships.push_back(g.relationship_value(e).as_relationship());
                Node n;
                n.id = cur;
                path.nodes.push_back(n);
            }
        }
        return Value(std::move(path));
    };

    auto rel_list = [&](size_t p, int rel_index) {
        std::vector<Edge> edges = s.segments[p][rel_index];
        if (!plans_[p].rel_forward[rel_index]) std::reverse(edges.begin(), edges.end());
        List list;
        for (const Edge& e : edges) list.push_back(g.relationship_value(e));
        return Value(std::move(list));
    };

    // Shortest paths: breadth-first from the part's first node.
    auto run_shortest = [&](size_t p) -> bool {
        const auto* part = plans_[p].part;
        const auto& rel = part->relationships[0];
        int64_t source = row[part->nodes[0].slot].as_node().id;
        int64_t min_hops = rel.variable_length ? rel.min_hops.value_or(1) : 1;
        int64_t max_hops = rel.variable_length ? rel.max_hops.value_or(INT64_MAX) : 1;
        bool all = part->function == ast::PathFunction::AllShortestPaths;
        ExpandDirection dir = step_direction(rel.direction, true);
        std::optional<int64_t> target;
        int target_slot = part->nodes[1].slot;
        if (s.bound[target_slot]) {
            if (!row[target_slot].is_node()) return true;
            target = row[target_slot].as_node().id;
        }
        struct Visit {
            int64_t depth;
            std::vector<std::pair<int64_t, Edge>> parents;
        };
        std::unordered_map<int64_t, Visit> seen;
        seen[source] = {0, {}};
        std::vector<int64_t> frontier{source};
        std::vector<int64_t> order;  // targets in discovery order
        if (min_hops == 0) order.push_back(source);
        int64_t depth = 0;
        while (!frontier.empty() && depth < max_hops) {
            if (target && seen.count(*target) && (*target != source || depth > 0)) break;
            ++depth;
            std::vector<int64_t> next_frontier;
            for (int64_t node : frontier) {
                ctx_.check_interrupt();
                g.expand(node, dir, s.types[p][0], [&](const Edge& e) {
                    if (!properties_match(ctx_, -e.id, s.rel_props[p][0])) return true;
                    auto it = seen.find(e.other);
                    if (it == seen.end()) {
                        seen[e.other] = {depth, {{node, e}}};
                        next_frontier.push_back(e.other);
                        order.push_back(e.other);
                    } else if (all && it->second.depth == depth) {
                        it->second.parents.push_back({node, e});
                    }
                    return true;
                });
            }
            frontier = std::move(next_frontier);
        }
        for (int64_t t : order) {
            if (target && t != *target) continue;
            int64_t d = seen[t].depth;
            if (d < min_hops) continue;
            // Every shortest path to t (only the first one for shortestPath).
            std::vector<std::vector<Edge>> paths;
            std::vector<Edge> current;
            std::function<void(int64_t)> collect = [&](int64_t node) {
                if (!all && !paths.empty()) return;
                if (node == source && current.size() == static_cast<size_t>(d)) {
                    paths.emplace_back(current.rbegin(), current.rend());
                    return;
                }
                for (const auto& [parent, edge] : seen[node].parents) {
                    current.push_back(edge);
                    collect(parent);
                    current.pop_back();
                }
            };
            collect(t);
            for (const auto& edges : paths) {
                s.segments[p][0] = edges;
                bool go = with_node(p, 1, t, [&]() {
                    if (rel.slot >= 0) {
                        row[rel.slot] =
                            rel.variable_length
                                ? rel_list(p, 0)
                                : (edges.empty() ? Value() : g.relationship_value(edges[0]));
                    }
                    if (part->path_slot >= 0) row[part->path_slot] = build_path(p);
                    return run_part(p + 1);
                });
                if (!go) return false;
            }
        }
        return true;
    };

    run_part = [&](size_t p) -> bool {
        if (p == np) {
            if (where_ && !expression::evaluate_predicate(*where_, row, ctx_)) return true;
            return emit(row);
        }
        const PartPlan& plan = plans_[p];
        const auto* part = plan.part;
        int start = plan.start;
        int start_slot = part->nodes[start].slot;
        auto continue_from_start = [&]() {
            if (part->function != ast::PathFunction::None) return run_shortest(p);
            return run_step(p, 0);
        };
        if (s.bound[start_slot]) {
            const Value& v = row[start_slot];
            if (v.is_null()) return true;
            if (!v.is_node()) {
                throw Exception(ErrorKind::Type, "Variable `" + part->nodes[start].variable +
                                                     "` is not a node but " +
                                                     std::string(type_name(v.type())));
            }
            if (!node_ok(p, start, v.as_node().id)) return true;
            return continue_from_start();
        }
        bool go = true;
        auto candidate = [&](int64_t id) {
            ctx_.check_interrupt();
            go = with_node(p, start, id, continue_from_start);
            return go;
        };
        const auto& props = s.node_props[p][start];
        if (!props.empty()) {
            g.nodes_with_property(props[0].first, props[0].second, candidate);
        } else if (!s.labels[p][start].empty()) {
            g.nodes_with_label(s.labels[p][start][0], candidate);
        } else {
            g.all_nodes(candidate);
        }
        return go;
    };

    run_step = [&](size_t p, size_t si) -> bool {
        const PartPlan& plan = plans_[p];
        if (si == plan.steps.size()) {
            if (plan.part->path_slot >= 0) row[plan.part->path_slot] = build_path(p);
            return run_part(p + 1);
        }
        const Step& step = plan.steps[si];
        const auto& rel = plan.part->relationships[step.rel];
        const Value& from_value = row[plan.part->nodes[step.from].slot];
        int64_t from = from_value.as_node().id;
        ExpandDirection dir = step_direction(rel.direction, step.forward);
        const auto& types = s.types[p][step.rel];

        if (!rel.variable_length) {
            if (s.bound[rel.slot]) {
                // A relationship bound before this pattern: follow exactly it.
                const Value& rv = row[rel.slot];
                if (!rv.is_relationship()) return true;
                auto e = g.relationship(rv.as_relationship().id);
                if (!e) return true;
                if (!types.empty() &&
                    std::find(types.begin(), types.end(), e->type) == types.end()) {
                    return true;
                }
                std::vector<int64_t> others;
                if (dir != ExpandDirection::Incoming && e->start == from) others.push_back(e->end);
                if (dir != ExpandDirection::Outgoing && e->end == from &&
                    !(dir == ExpandDirection::Both && e->start == from)) {
                    others.push_back(e->start);
                }
                for (int64_t other : others) {
                    if (!rel_ok(p, step.rel, *e)) continue;
                    Edge edge = *e;
                    edge.other = other;
                    s.used_rels.push_back(edge.id);
                    s.segments[p][step.rel] = {edge};
                    bool go = with_node(p, step.to, other, [&]() { return run_step(p, si + 1); });
                    s.used_rels.pop_back();
                    if (!go) return false;
                }
                return true;
            }
            bool go = true;
            g.expand(from, dir, types, [&](const Edge& e) {
                if (!rel_ok(p, step.rel, e)) return true;
                s.used_rels.push_back(e.id);
                s.segments[p][step.rel] = {e};
                row[rel.slot] = g.relationship_value(e);
                s.bound[rel.slot] = 1;
                go = with_node(p, step.to, e.other, [&]() { return run_step(p, si + 1); });
                s.bound[rel.slot] = 0;
                s.used_rels.pop_back();
                return go;
            });
            return go;
        }

        // Variable length: depth-first over simple trails of relationships.
        int64_t min_hops = rel.min_hops.value_or(1);
        int64_t max_hops = rel.max_hops.value_or(ctx_.options().default_max_hops);
        if (s.bound[rel.slot]) {
            // A list of relationships bound before this pattern: follow exactly it, in order.
            const Value bound_value = row[rel.slot];
            if (!bound_value.is_list()) return true;
            const List& rels = bound_value.as_list();
            const auto hops = static_cast<int64_t>(rels.size());
            if (hops < min_hops || hops > max_hops) return true;
            std::vector<Edge> trail;
            size_t pushed = 0;
            auto release = [&]() {
                for (; pushed > 0; --pushed) s.used_rels.pop_back();
            };
            int64_t node = from;
            for (const Value& rv : rels) {
                if (!rv.is_relationship()) return release(), true;
                auto e = g.relationship(rv.as_relationship().id);
                if (!e || (!types.empty() &&
                           std::find(types.begin(), types.end(), e->type) == types.end())) {
                    return release(), true;
                }
                Edge edge = *e;
                if (dir != ExpandDirection::Incoming && e->start == node) {
                    edge.other = e->end;
                } else if (dir != ExpandDirection::Outgoing && e->end == node) {
                    edge.other = e->start;
                } else {
                    return release(), true;
                }
                if (!rel_ok(p, step.rel, edge)) return release(), true;
                s.used_rels.push_back(edge.id);
                ++pushed;
                trail.push_back(edge);
                node = edge.other;
            }
            s.segments[p][step.rel] = trail;
            bool go = with_node(p, step.to, node, [&]() { return run_step(p, si + 1); });
            release();
            return go;
        }
        std::vector<Edge> trail;
        std::function<bool(int64_t)> walk = [&](int64_t node) -> bool {
            ctx_.check_interrupt();
            auto depth = static_cast<int64_t>(trail.size());
            if (depth >= min_hops) {
                s.segments[p][step.rel] = trail;
                bool go = with_node(p, step.to, node, [&]() {
                    row[rel.slot] = rel_list(p, step.rel);
                    return run_step(p, si + 1);
                });
                if (!go) return false;
            }
            if (depth >= max_hops) return true;
            bool go = true;
            g.expand(node, dir, types, [&](const Edge& e) {
                if (!rel_ok(p, step.rel, e)) return true;
                s.used_rels.push_back(e.id);
                trail.push_back(e);
                go = walk(e.other);
                trail.pop_back();
                s.used_rels.pop_back();
                return go;
            });
            return go;
        };
        return walk(from);
    };

    return run_part(0);
}

}  // namespace meninx::execution
