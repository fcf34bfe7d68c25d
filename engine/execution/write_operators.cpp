#include "execution/write_operators.h"

#include <algorithm>
#include <set>

#include "expression/expression_evaluator.h"
#include "meninx/error.h"

namespace meninx::execution {

using expression::evaluate;

namespace {

[[noreturn]] void fail(ErrorKind kind, const std::string& message, ast::SourcePos pos = {}) {
    throw Exception(kind, message, pos.line, pos.column);
}

// Writes the entries of a property map onto a node or relationship subject; nulls are skipped.
void write_properties(ExecContext& ctx, int64_t subject, const ast::ExprPtr& expr, Row& row) {
    if (!expr) return;
    Value map = evaluate(*expr, row, ctx);
    if (map.is_null()) return;
    if (!map.is_map()) fail(ErrorKind::Type, "Properties must be a map", expr->pos);
    for (const auto& [k, v] : map.as_map()) {
        if (v.is_null()) continue;
        ctx.graph().set_property(subject, ctx.graph().intern_key(k), v);
        ++ctx.stats().properties_set;
    }
}

void check_storable(const Value& v, ast::SourcePos pos) {
    switch (v.type()) {
        case ValueType::Node:
        case ValueType::Relationship:
        case ValueType::Path:
        case ValueType::Map:
            fail(ErrorKind::Type,
                 "Property values can only be of primitive types or lists of them, not " +
                     std::string(type_name(v.type())),
                 pos);
        case ValueType::List:
            for (const auto& e : v.as_list()) {
                if (e.is_list() || e.is_map() || e.is_node() || e.is_relationship() ||
                    e.is_path()) {
                    fail(ErrorKind::Type,
                         "Property values can only be of primitive types or lists of them", pos);
                }
            }
            return;
        default:
            return;
    }
}

int64_t subject_of(const Value& entity, ast::SourcePos pos) {
    if (entity.is_node()) return entity.as_node().id;
    if (entity.is_relationship()) return -entity.as_relationship().id;
    fail(ErrorKind::Type,
         "Expected a node or a relationship, got " + std::string(type_name(entity.type())), pos);
}

}  // namespace

void create_part(ExecContext& ctx, const ast::PatternPart& part, Row& row,
                 std::vector<char>& bound) {
    GraphAccess& g = ctx.graph();
    for (const auto& node : part.nodes) {
        if (bound[node.slot]) {
            if (!row[node.slot].is_node()) {
                fail(ErrorKind::Semantic,
                     "Failed to create a relationship: node `" + node.variable +
                         "` is null (did an OPTIONAL MATCH find nothing?)",
                     node.pos);
            }
            continue;
        }
        int64_t id = g.create_node();
        ++ctx.stats().nodes_created;
        for (const auto& l : node.labels) {
            g.add_label(id, g.intern_label(l));
            ++ctx.stats().labels_added;
        }
        if (node.properties) {
            Value map = evaluate(*node.properties, row, ctx);
            if (map.is_map()) {
                for (const auto& [k, v] : map.as_map()) check_storable(v, node.properties->pos);
            }
        }
        write_properties(ctx, id, node.properties, row);
        Node n;
        n.id = id;
        row[node.slot] = Value(std::move(n));
        bound[node.slot] = 1;
    }
    Path path;
    for (size_t i = 0; i < part.relationships.size(); ++i) {
        const auto& rel = part.relationships[i];
        int64_t left = row[part.nodes[i].slot].as_node().id;
        int64_t right = row[part.nodes[i + 1].slot].as_node().id;
        bool reversed = rel.direction == ast::Direction::Left;
        int64_t start = reversed ? right : left;
        int64_t end = reversed ? left : right;
        TermId type = g.intern_type(rel.types.at(0));
        if (rel.properties) {
            Value map = evaluate(*rel.properties, row, ctx);
            if (map.is_map()) {
                for (const auto& [k, v] : map.as_map()) check_storable(v, rel.properties->pos);
            }
        }
        int64_t id = g.create_relationship(start, type, end);
        ++ctx.stats().relationships_created;
        write_properties(ctx, -id, rel.properties, row);
        Edge e{id, start, end, type, right};
        row[rel.slot] = g.relationship_value(e);
        bound[rel.slot] = 1;
    }
    if (part.path_slot >= 0) {
        for (size_t i = 0; i < part.nodes.size(); ++i) {
            path.nodes.push_back(row[part.nodes[i].slot].as_node());
            if (i < part.relationships.size()) {
                path.relationships.push_back(row[part.relationships[i].slot].as_relationship());
            }
        }
        row[part.path_slot] = Value(std::move(path));
        bound[part.path_slot] = 1;
    }
}

// --- CREATE -----------------------------------------------------------------------------------

CreateOp::CreateOp(ExecContext& ctx, OperatorPtr input, const ast::Pattern& pattern)
    : Operator(ctx), pattern_(pattern) {
    children_.push_back(std::move(input));
}

bool CreateOp::next(Row& row) {
    if (!child()->pull(row)) return false;
    std::vector<char> bound(row.size(), 0);
    int first_new = pattern_.parts.empty() ? 0 : pattern_.parts[0].first_new_slot;
    for (int i = 0; i < std::min<int>(first_new, static_cast<int>(row.size())); ++i) bound[i] = 1;
    for (const auto& part : pattern_.parts) create_part(ctx_, part, row, bound);
    return true;
}

// --- MERGE ------------------------------------------------------------------------------------

namespace {

PatternMatcher merge_matcher(ExecContext& ctx, const ast::Clause& clause) {
    std::vector<const ast::PatternPart*> parts;
    for (const auto& p : clause.pattern.parts) parts.push_back(&p);
    return PatternMatcher(ctx, parts, nullptr);
}

}  // namespace

MergeOp::MergeOp(ExecContext& ctx, OperatorPtr input, const ast::Clause& clause)
    : Operator(ctx), clause_(clause), matcher_(merge_matcher(ctx, clause)) {
    children_.push_back(std::move(input));
}

bool MergeOp::next(Row& row) {
    while (pos_ >= buffer_.size()) {
        buffer_.clear();
        pos_ = 0;
        if (!child()->pull(row)) return false;
        // Null property values can never be matched, so MERGE refuses them.
        for (const auto& part : clause_.pattern.parts) {
            auto check = [&](const ast::ExprPtr& props) {
                if (!props) return;
                Value m = evaluate(*props, row, ctx_);
                if (!m.is_map()) return;
                for (const auto& [k, v] : m.as_map()) {
                    if (v.is_null()) {
                        fail(ErrorKind::Semantic,
                             "Cannot merge the following node or relationship because of null "
                             "property value for '" +
                                 k + "'",
                             props->pos);
                    }
                }
            };
            for (const auto& n : part.nodes) check(n.properties);
            for (const auto& r : part.relationships) check(r.properties);
        }
        matcher_.match(row, [&](Row& r) {
            buffer_.push_back(r);
            return true;
        });
        if (!buffer_.empty()) {
            for (auto& r : buffer_) apply_set_items(ctx_, clause_.on_match, r);
        } else {
            std::vector<char> bound(row.size(), 0);
            int first_new = clause_.pattern.parts[0].first_new_slot;
            for (int i = 0; i < std::min<int>(first_new, static_cast<int>(row.size())); ++i) {
                bound[i] = 1;
            }
            for (const auto& part : clause_.pattern.parts) create_part(ctx_, part, row, bound);
            apply_set_items(ctx_, clause_.on_create, row);
            buffer_.push_back(row);
        }
    }
    row = std::move(buffer_[pos_++]);
    return true;
}

// --- SET / REMOVE -----------------------------------------------------------------------------

void apply_set_items(ExecContext& ctx, const std::vector<ast::SetItem>& items, Row& row) {
    GraphAccess& g = ctx.graph();
    for (const auto& item : items) {
        switch (item.kind) {
            case ast::SetItemKind::Property: {
                const auto& target = *item.target;  // a Property expression
                Value entity = evaluate(*target.children[0], row, ctx);
                if (entity.is_null()) break;
                int64_t subject = subject_of(entity, target.pos);
                Value v = evaluate(*item.value, row, ctx);
                check_storable(v, item.value->pos);
                if (v.is_null()) {
                    if (auto key = g.key_id(target.name)) {
                        if (g.set_property(subject, *key, v)) ++ctx.stats().properties_set;
                    }
                } else {
                    g.set_property(subject, g.intern_key(target.name), v);
                    ++ctx.stats().properties_set;
                }
                break;
            }
            case ast::SetItemKind::Replace:
            case ast::SetItemKind::Merge: {
                Value entity = evaluate(*item.target, row, ctx);
                if (entity.is_null()) break;
                int64_t subject = subject_of(entity, item.target->pos);
                Value v = evaluate(*item.value, row, ctx);
                Map map;
                if (v.is_map()) {
                    map = v.as_map();
                } else if (v.is_node()) {
                    map = g.properties(v.as_node().id);
                } else if (v.is_relationship()) {
                    map = g.properties(-v.as_relationship().id);
                } else if (!v.is_null()) {
                    fail(ErrorKind::Type,
                         "SET expects a map, got " + std::string(type_name(v.type())),
                         item.value->pos);
                }
                if (item.kind == ast::SetItemKind::Replace) {
                    for (const auto& [k, old] : g.properties(subject)) {
                        auto it = map.find(k);
                        if (it == map.end() || it->second.is_null()) {
                            g.set_property(subject, g.intern_key(k), Value());
                            ++ctx.stats().properties_set;
                        }
                    }
                }
                for (const auto& [k, val] : map) {
                    check_storable(val, item.value->pos);
                    if (val.is_null()) {
                        if (auto key = g.key_id(k)) {
                            if (g.set_property(subject, *key, val)) ++ctx.stats().properties_set;
                        }
                        continue;
                    }
                    g.set_property(subject, g.intern_key(k), val);
                    ++ctx.stats().properties_set;
                }
                break;
            }
            case ast::SetItemKind::Labels: {
                Value entity = evaluate(*item.target, row, ctx);
                if (entity.is_null()) break;
                if (!entity.is_node()) {
                    fail(ErrorKind::Type, "Labels can only be set on nodes", item.pos);
                }
                for (const auto& l : item.labels) {
                    if (g.add_label_if_absent(entity.as_node().id, g.intern_label(l))) {
                        ++ctx.stats().labels_added;
                    }
                }
                break;
            }
        }
    }
}

SetOp::SetOp(ExecContext& ctx, OperatorPtr input, const std::vector<ast::SetItem>& items)
    : Operator(ctx), items_(items) {
    children_.push_back(std::move(input));
}

bool SetOp::next(Row& row) {
    if (!child()->pull(row)) return false;
    apply_set_items(ctx_, items_, row);
    return true;
}

RemoveOp::RemoveOp(ExecContext& ctx, OperatorPtr input, const std::vector<ast::RemoveItem>& items)
    : Operator(ctx), items_(items) {
    children_.push_back(std::move(input));
}

bool RemoveOp::next(Row& row) {
    if (!child()->pull(row)) return false;
    GraphAccess& g = ctx_.graph();
    for (const auto& item : items_) {
        if (item.kind == ast::RemoveItemKind::Property) {
            const auto& target = *item.target;
            Value entity = evaluate(*target.children[0], row, ctx_);
            if (entity.is_null()) continue;
            int64_t subject = subject_of(entity, target.pos);
            if (auto key = g.key_id(target.name)) {
                if (g.set_property(subject, *key, Value())) ++ctx_.stats().properties_set;
            }
        } else {
            Value entity = evaluate(*item.target, row, ctx_);
            if (entity.is_null()) continue;
            if (!entity.is_node()) fail(ErrorKind::Type, "Labels can only be removed from nodes");
            for (const auto& l : item.labels) {
                if (auto id = g.label_id(l)) {
                    if (g.remove_label(entity.as_node().id, *id)) ++ctx_.stats().labels_removed;
                }
            }
        }
    }
    return true;
}

// --- DELETE -----------------------------------------------------------------------------------

DeleteOp::DeleteOp(ExecContext& ctx, OperatorPtr input, const ast::Clause& clause)
    : Operator(ctx), clause_(clause) {
    children_.push_back(std::move(input));
}

bool DeleteOp::next(Row& row) {
    if (!child()->pull(row)) return false;
    GraphAccess& g = ctx_.graph();
    auto delete_rel = [&](int64_t id) {
        if (!g.relationship(id)) return;  // already deleted
        g.delete_relationship(id);
        ++ctx_.stats().relationships_deleted;
    };
    auto delete_node = [&](int64_t id, ast::SourcePos pos) {
        if (!g.node_exists(id)) return;
        if (clause_.detach) {
            std::vector<int64_t> rels;
            g.expand(id, ExpandDirection::Both, {}, [&](const Edge& e) {
                rels.push_back(e.id);
                return true;
            });
            for (int64_t r : rels) delete_rel(r);
        } else if (g.degree(id) > 0) {
            fail(ErrorKind::Constraint,
                 "Cannot delete node " + std::to_string(id) +
                     " because it still has relationships; use DETACH DELETE to delete them too",
                 pos);
        }
        g.delete_node(id);
        ++ctx_.stats().nodes_deleted;
    };
    // Everything the clause names, relationships apart from nodes: all the relationships go
    // first (those of paths and of lists included), so that a node whose relationships the
    // same clause deletes can be deleted without DETACH.
    std::vector<int64_t> rels;
    std::vector<std::pair<int64_t, ast::SourcePos>> nodes;
    std::function<void(const Value&, ast::SourcePos)> collect = [&](const Value& v,
                                                                    ast::SourcePos pos) {
        switch (v.type()) {
            case ValueType::Null:
                return;
            case ValueType::Node:
                nodes.emplace_back(v.as_node().id, pos);
                return;
            case ValueType::Relationship:
                rels.push_back(v.as_relationship().id);
                return;
            case ValueType::Path:
                for (const auto& r : v.as_path().relationships) rels.push_back(r.id);
                for (const auto& n : v.as_path().nodes) nodes.emplace_back(n.id, pos);
                return;
            case ValueType::List:
                for (const auto& e : v.as_list()) collect(e, pos);
                return;
            default:
                fail(ErrorKind::Type,
                     "DELETE expects a node, a relationship or a path, got " +
                         std::string(type_name(v.type())),
                     pos);
        }
    };
    for (const auto& e : clause_.delete_expressions) collect(evaluate(*e, row, ctx_), e->pos);
    for (int64_t id : rels) delete_rel(id);
    for (const auto& [id, pos] : nodes) delete_node(id, pos);
    return true;
}

}  // namespace meninx::execution
