#include "planner/planner.h"

#include <cstdio>

#include "execution/operators.h"
#include "execution/write_operators.h"

namespace meninx::planner {

using namespace execution;

namespace {

OperatorPtr plan_projection(ExecContext& ctx, OperatorPtr op, const ast::Clause& clause,
                            const binder::BoundProjection& bound, int width, bool after_write) {
    const auto& proj = clause.projection;
    if (bound.aggregating) {
        std::vector<Aggregate::Key> keys;
        std::vector<Project::Item> rest;
        for (size_t i = 0; i < proj.items.size(); ++i) {
            if (bound.item_is_key[i]) {
                keys.push_back({proj.items[i].expression.get(), bound.item_slots[i]});
            } else {
                rest.push_back({proj.items[i].expression.get(), bound.item_slots[i]});
            }
        }
        std::vector<Aggregate::Agg> aggs;
        for (const auto& [call, slot] : bound.aggregates) aggs.push_back({call.get(), slot});
        op = std::make_unique<Aggregate>(ctx, std::move(op), std::move(keys), std::move(aggs),
                                         width);
        if (!rest.empty()) op = std::make_unique<Project>(ctx, std::move(op), std::move(rest));
    } else {
        std::vector<Project::Item> items;
        for (size_t i = 0; i < proj.items.size(); ++i) {
            items.push_back({proj.items[i].expression.get(), bound.item_slots[i]});
        }
        op = std::make_unique<Project>(ctx, std::move(op), std::move(items));
    }
    if (proj.distinct) op = std::make_unique<Distinct>(ctx, std::move(op), bound.item_slots);
    if (!proj.order_by.empty()) {
        std::vector<Sort::Key> keys;
        for (const auto& s : proj.order_by) keys.push_back({s.expression.get(), s.descending});
        op = std::make_unique<Sort>(ctx, std::move(op), std::move(keys));
    }
    if (proj.skip) op = std::make_unique<Skip>(ctx, std::move(op), *proj.skip);
    if (proj.limit) op = std::make_unique<Limit>(ctx, std::move(op), *proj.limit, after_write);
    if (proj.where) op = std::make_unique<Filter>(ctx, std::move(op), *proj.where);
    return op;
}

bool has_update(const ast::SingleQuery& query) {
    for (const auto& clause : query.clauses) {
        if (ast::is_updating(clause.kind)) return true;
        if (clause.subquery) {
            for (const auto& part : clause.subquery->parts) {
                if (has_update(part)) return true;
            }
        }
    }
    return false;
}

// The clauses of `query` (of `statement`) over the rows of `leaf`.
OperatorPtr plan_clauses(ExecContext& ctx, const binder::BoundStatement& statement,
                         const ast::SingleQuery& query, const binder::BoundPart& bound,
                         OperatorPtr leaf) {
    OperatorPtr op = std::move(leaf);
    bool after_write = false;
    for (const auto& clause : query.clauses) {
        // A clause that reads the graph after an earlier clause wrote it sees all of those
        // writes: the rows before it are materialised first, so that the writes of the first
        // rows are not interleaved with the reads of the next ones.
        const bool wrote_before = after_write;
        auto read_input = [&](OperatorPtr input) -> OperatorPtr {
            if (!wrote_before) return input;
            return std::make_unique<Eager>(ctx, std::move(input));
        };
        if (ast::is_updating(clause.kind)) after_write = true;
        switch (clause.kind) {
            case ast::ClauseKind::Match: {
                std::vector<const ast::PatternPart*> parts;
                for (const auto& p : clause.pattern.parts) parts.push_back(&p);
                PatternMatcher matcher(ctx, std::move(parts), clause.where.get());
                op = std::make_unique<MatchOp>(ctx, read_input(std::move(op)), std::move(matcher),
                                               clause.optional);
                break;
            }
            case ast::ClauseKind::Unwind:
                op = std::make_unique<Unwind>(ctx, std::move(op), *clause.expression,
                                              clause.alias_slot);
                break;
            case ast::ClauseKind::With:
            case ast::ClauseKind::Return:
                op = plan_projection(ctx, std::move(op), clause, bound.projections.at(&clause),
                                     bound.width, after_write);
                break;
            case ast::ClauseKind::Create:
                op = std::make_unique<CreateOp>(ctx, std::make_unique<Eager>(ctx, std::move(op)),
                                                clause.pattern);
                break;
            case ast::ClauseKind::Merge:
                op = std::make_unique<MergeOp>(ctx, std::make_unique<Eager>(ctx, std::move(op)),
                                               clause);
                break;
            case ast::ClauseKind::Set:
                op = std::make_unique<SetOp>(ctx, std::make_unique<Eager>(ctx, std::move(op)),
                                             clause.set_items);
                break;
            case ast::ClauseKind::Remove:
                op = std::make_unique<RemoveOp>(ctx, std::make_unique<Eager>(ctx, std::move(op)),
                                                clause.remove_items);
                break;
            case ast::ClauseKind::Delete:
                op = std::make_unique<DeleteOp>(ctx, std::make_unique<Eager>(ctx, std::move(op)),
                                                clause);
                break;
            case ast::ClauseKind::Call:
                if (clause.subquery) {
                    const binder::BoundCall& call = statement.call_subqueries.at(&clause);
                    const ast::Query& sub = *clause.subquery;
                    // A subquery that writes runs after every input row has been read.
                    bool writes = false;
                    for (const auto& part : sub.parts) writes = writes || has_update(part);
                    OperatorPtr input = read_input(std::move(op));
                    if (writes && !wrote_before) {
                        input = std::make_unique<Eager>(ctx, std::move(input));
                    }
                    if (writes) after_write = true;
                    std::vector<std::pair<int, int>> copies;
                    for (size_t i = 0; i < call.column_slots.size(); ++i) {
                        // One part returns into the row's own slots; a UNION gives its columns
                        // in order.
                        int from =
                            sub.parts.size() == 1 ? call.column_slots[i] : static_cast<int>(i);
                        copies.emplace_back(from, call.column_slots[i]);
                    }
                    auto factory = [&ctx, &statement, &sub, &call](Row row) -> OperatorPtr {
                        if (sub.parts.size() == 1) {
                            return plan_clauses(ctx, statement, sub.parts[0], call.parts[0],
                                                std::make_unique<Argument>(ctx, std::move(row)));
                        }
                        std::vector<OperatorPtr> parts;
                        std::vector<std::vector<int>> slots;
                        std::vector<int> widths;
                        bool all = true;
                        for (bool a : sub.union_all) all = all && a;
                        for (size_t p = 0; p < sub.parts.size(); ++p) {
                            parts.push_back(plan_clauses(ctx, statement, sub.parts[p],
                                                         call.parts[p],
                                                         std::make_unique<Argument>(ctx, row)));
                            slots.push_back(call.parts[p].output_slots);
                            widths.push_back(static_cast<int>(row.size()));
                        }
                        return std::make_unique<Union>(ctx, std::move(parts), std::move(slots), all,
                                                       std::move(widths));
                    };
                    op = std::make_unique<Apply>(ctx, std::move(input), factory, std::move(copies));
                    break;
                }
                op = std::make_unique<ProcedureCall>(ctx, read_input(std::move(op)), clause);
                if (clause.where) op = std::make_unique<Filter>(ctx, std::move(op), *clause.where);
                break;
        }
    }
    return op;
}

OperatorPtr plan_part(ExecContext& ctx, const binder::BoundStatement& statement,
                      const ast::SingleQuery& query, const binder::BoundPart& bound) {
    return plan_clauses(ctx, statement, query, bound, std::make_unique<Once>(ctx, bound.width));
}

// Lets `ctx` answer EXISTS { MATCH ... } and COUNT { MATCH ... } for the subqueries of
// `statement`: each evaluation plans the subquery over a copy of the enclosing row and counts its
// rows (EXISTS asks for the first only).
void install_subqueries(const binder::BoundStatement& statement, ExecContext& ctx) {
    if (statement.subqueries.empty()) {
        ctx.set_subquery_runner(nullptr);
        return;
    }
    ctx.set_subquery_runner([&statement, &ctx](const ast::Expression& e, const Row& row,
                                               int64_t limit) -> int64_t {
        const binder::BoundPart& bound = statement.subqueries.at(&e);
        OperatorPtr op =
            plan_clauses(ctx, statement, *e.subquery, bound, std::make_unique<Argument>(ctx, row));
        Row out;
        int64_t n = 0;
        while ((limit < 0 || n < limit) && op->pull(out)) ++n;
        return n;
    });
}

void describe_into(const Operator& op, bool profile, int depth, std::string& out) {
    out += std::string(static_cast<size_t>(depth) * 2, ' ');
    out += op.name();
    std::string detail = op.detail();
    if (!detail.empty()) out += " (" + detail + ")";
    if (profile) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "  rows=%llu time=%.3f ms",
                      static_cast<unsigned long long>(op.rows()),
                      static_cast<double>(op.time().count()) / 1e6);
        out += buf;
    }
    out += "\n";
    for (const auto& c : op.children()) describe_into(*c, profile, depth + 1, out);
}

}  // namespace

PhysicalPlan plan(const binder::BoundStatement& statement, ExecContext& ctx) {
    const auto& query = statement.statement.query;
    PhysicalPlan out;
    install_subqueries(statement, ctx);
    if (query.parts.size() == 1) {
        out.root = plan_part(ctx, statement, query.parts[0], statement.parts[0]);
        out.output_slots = statement.parts[0].output_slots;
        return out;
    }
    // UNION: each part's rows are reduced to the output columns; UNION (without ALL) anywhere in
    // the chain removes duplicates from the whole result.
    bool all = true;
    for (bool a : query.union_all) all = all && a;
    std::vector<OperatorPtr> parts;
    std::vector<std::vector<int>> slots;
    std::vector<int> widths;
    for (size_t i = 0; i < query.parts.size(); ++i) {
        parts.push_back(plan_part(ctx, statement, query.parts[i], statement.parts[i]));
        slots.push_back(statement.parts[i].output_slots);
        widths.push_back(statement.parts[i].width);
    }
    out.root =
        std::make_unique<Union>(ctx, std::move(parts), std::move(slots), all, std::move(widths));
    for (size_t i = 0; i < statement.columns.size(); ++i) {
        out.output_slots.push_back(static_cast<int>(i));
    }
    return out;
}

std::string describe(const Operator& root, bool profile) {
    std::string out;
    describe_into(root, profile, 0, out);
    return out;
}

}  // namespace meninx::planner
