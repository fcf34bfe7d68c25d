// The built-in procedures callable with CALL, from one table that drives both the lookup of their
// output columns (at planning) and their execution.
#include <algorithm>
#include <functional>

#include "catalog/catalog.h"
#include "execution/operators.h"
#include "expression/expression_evaluator.h"
#include "meninx/error.h"
#include "storage/sqlite_store.h"

namespace meninx::execution {

namespace {

ProcedureRows single_column(ExecContext& ctx, const std::string& sql) {
    auto& q = ctx.graph().store().cached(sql);
    ProcedureRows rows;
    while (q.step()) rows.push_back({q.get_value(0)});
    q.reset();
    return rows;
}

}  // namespace

std::vector<Procedure> database_procedures() {
    return {
        {"db.labels",
         {"label"},
         0,
         0,
         false,
         "db.labels() :: (label) -- the labels in use",
         [](ExecContext& ctx, const std::vector<Value>&) {
             return single_column(ctx,
                                  "SELECT t.value FROM term t WHERE t.kind = 2 AND EXISTS "
                                  "(SELECT 1 FROM stmt WHERE p = 1 AND o = t.id) ORDER BY t.value");
         }},
        {"db.relationshipTypes",
         {"relationshipType"},
         0,
         0,
         false,
         "db.relationshipTypes() :: (relationshipType) -- the relationship types in use",
         [](ExecContext& ctx, const std::vector<Value>&) {
             return single_column(ctx,
                                  "SELECT t.value FROM term t WHERE t.kind = 3 AND EXISTS "
                                  "(SELECT 1 FROM stmt WHERE p = t.id) ORDER BY t.value");
         }},
        {"db.propertyKeys",
         {"propertyKey"},
         0,
         0,
         false,
         "db.propertyKeys() :: (propertyKey) -- the property keys in use",
         [](ExecContext& ctx, const std::vector<Value>&) {
             return single_column(ctx,
                                  "SELECT t.value FROM term t WHERE t.kind = 4 AND EXISTS "
                                  "(SELECT 1 FROM stmt WHERE p = t.id) ORDER BY t.value");
         }},
        {"db.procedures",
         {"name", "signature", "writes"},
         0,
         0,
         false,
         "db.procedures() :: (name, signature, writes) -- every procedure, with what it takes "
         "and returns",
         [](ExecContext&, const std::vector<Value>&) {
             ProcedureRows rows;
             for (const auto& p : all_procedures()) {
                 rows.push_back({Value(p.name), Value(p.description), Value(p.writes)});
             }
             return rows;
         }},
        {"db.schema", catalog::Catalog::schema_columns(), 0, 0, false,
         "db.schema() :: (kind, name, curie, detail, unit, description) -- the domain model: "
         "categories, predicates with their endpoint rules, properties with types and units",
         [](ExecContext& ctx, const std::vector<Value>&) {
             return ctx.catalog ? ctx.catalog->schema_rows() : ProcedureRows{};
         }},
    };
}

const std::vector<Procedure>& all_procedures() {
    static const std::vector<Procedure> table = [] {
        std::vector<Procedure> all;
        for (auto family :
             {database_procedures, evidence_procedures, search_procedures, history_procedures}) {
            for (auto& p : family()) all.push_back(std::move(p));
        }
        std::sort(all.begin(), all.end(),
                  [](const Procedure& a, const Procedure& b) { return a.name < b.name; });
        return all;
    }();
    return table;
}

const Procedure* find_procedure(std::string_view name) {
    for (const auto& p : all_procedures()) {
        if (name == p.name) return &p;
    }
    return nullptr;
}

std::optional<std::vector<std::string>> procedure_columns(std::string_view name) {
    if (const Procedure* p = find_procedure(name)) return p->columns;
    return std::nullopt;
}

std::vector<std::string> procedure_names() {
    std::vector<std::string> out;
    for (const auto& p : all_procedures()) out.push_back(p.name);
    return out;
}

ProcedureCall::ProcedureCall(ExecContext& ctx, OperatorPtr input, const ast::Clause& clause)
    : Operator(ctx), clause_(clause) {
    children_.push_back(std::move(input));
    const Procedure* p = find_procedure(clause.procedure);
    if (!p) {
        throw Exception(ErrorKind::Semantic,
                        "There is no procedure named `" + clause.procedure + "`", clause.pos.line,
                        clause.pos.column);
    }
    const size_t n = clause.arguments.size();
    if (n < p->min_arguments || n > p->max_arguments) {
        std::string expected = std::to_string(p->min_arguments);
        if (p->max_arguments != p->min_arguments) {
            expected += " to " + std::to_string(p->max_arguments);
        }
        throw Exception(ErrorKind::Semantic,
                        "Procedure " + clause.procedure + " takes " + expected +
                            " argument(s), got " + std::to_string(n) + ": " + p->description,
                        clause.pos.line, clause.pos.column);
    }
    for (const auto& y : clause.yield_items) {
        auto it = std::find(p->columns.begin(), p->columns.end(), y.field);
        if (it == p->columns.end()) {
            throw Exception(ErrorKind::Semantic,
                            "Procedure " + clause.procedure + " has no output `" + y.field + "`",
                            clause.pos.line, clause.pos.column);
        }
        field_index_.push_back(static_cast<int>(it - p->columns.begin()));
    }
}

bool ProcedureCall::next(Row& row) {
    const Procedure* p = find_procedure(clause_.procedure);
    while (pos_ >= results_.size()) {
        if (!child()->pull(input_)) return false;
        std::vector<Value> args;
        for (const auto& a : clause_.arguments)
            args.push_back(expression::evaluate(*a, input_, ctx_));
        results_ = p->run(ctx_, args);
        pos_ = 0;
    }
    row = input_;
    const auto& result = results_[pos_++];
    for (size_t i = 0; i < clause_.yield_items.size(); ++i) {
        row[clause_.yield_items[i].slot] = result[field_index_[i]];
    }
    return true;
}

}  // namespace meninx::execution
