// The evidence procedures: list, add and retract the evidence records of a fact (a relationship),
// find facts whose sources report different values, and show the evidence behind each step of a
// path (db.why). See catalog/evidence.h for the model.
#include <algorithm>
#include <map>

#include "catalog/catalog.h"
#include "catalog/evidence.h"
#include "common/value_ops.h"
#include "execution/exec_context.h"
#include "execution/procedures.h"
#include "meninx/error.h"

namespace meninx::execution {

namespace {

// The relationship id of an argument: a relationship value or its integer id.
StatementId relationship_argument(ExecContext& ctx, const Value& v, const char* procedure) {
    StatementId id = 0;
    if (v.is_relationship()) {
        id = v.as_relationship().id;
    } else if (v.is_int()) {
        id = v.as_int();
    } else {
        throw Exception(ErrorKind::Type, std::string(procedure) +
                                             " expects a relationship (or its id) as its first "
                                             "argument, got " +
                                             std::string(type_name(v.type())));
    }
    if (!ctx.graph().relationship(id)) {
        throw Exception(
            ErrorKind::Semantic,
            std::string(procedure) + ": there is no relationship " + std::to_string(id));
    }
    return id;
}

Value field(const Map& fields, const char* key) {
    auto it = fields.find(key);
    return it == fields.end() ? Value() : it->second;
}

std::vector<Value> record_row(const catalog::EvidenceRecord& record) {
    return {Value(record.id),
            field(record.fields, "source"),
            field(record.fields, "level"),
            field(record.fields, "fact_id"),
            field(record.fields, "supporting_text"),
            field(record.fields, "values"),
            field(record.fields, "note"),
            field(record.fields, "curator"),
            field(record.fields, "created")};
}

ProcedureRows list_records(ExecContext& ctx, const std::vector<Value>& args) {
    ProcedureRows rows;
    if (args[0].is_null()) return rows;
    StatementId rel = relationship_argument(ctx, args[0], "db.evidence");
    for (const auto& record : catalog::list_evidence(ctx.graph().store(), rel)) {
        rows.push_back(record_row(record));
    }
    return rows;
}

ProcedureRows add_record(ExecContext& ctx, const std::vector<Value>& args) {
    StatementId rel = relationship_argument(ctx, args[0], "db.evidence.add");
    if (!args[1].is_map()) {
        throw Exception(ErrorKind::Type,
                        "db.evidence.add expects a map of evidence fields as its second argument "
                        "({source: 'PMID:…', supporting_text: '…', level: 'B', values: {…}})");
    }
    const Map& given = args[1].as_map();
    for (const char* automatic : {"curator", "created"}) {
        if (given.count(automatic)) {
            throw Exception(ErrorKind::Schema, std::string("evidence field '") + automatic +
                                                   "' is recorded automatically; leave it out");
        }
    }
    if (auto problem = catalog::check_evidence(given, ctx.catalog)) {
        throw Exception(ErrorKind::Schema, "db.evidence.add: " + *problem);
    }
    // An identical record (same fields apart from who and when) is not added twice.
    for (const auto& record : catalog::list_evidence(ctx.graph().store(), rel)) {
        Map same = record.fields;
        same.erase("curator");
        same.erase("created");
        Map candidate = given;
        for (auto it = candidate.begin(); it != candidate.end();) {
            it = it->second.is_null() ? candidate.erase(it) : std::next(it);
        }
        if (value_ops::equivalent(Value(same), Value(candidate)))
            return {{Value(record.id), Value(false)}};
    }
    auto [id, added] = catalog::add_evidence(ctx.graph().store(), rel,
                                             catalog::complete_evidence(given, ctx.user));
    return {{Value(id), Value(added)}};
}

ProcedureRows retract_record(ExecContext& ctx, const std::vector<Value>& args) {
    if (!args[0].is_int()) {
        throw Exception(ErrorKind::Type,
                        "db.evidence.retract expects an evidence id (an INTEGER from db.evidence)");
    }
    bool retracted = catalog::retract_evidence(ctx.graph().store(), args[0].as_int());
    if (!retracted) {
        throw Exception(ErrorKind::Semantic, "db.evidence.retract: there is no evidence record " +
                                                 std::to_string(args[0].as_int()));
    }
    return {{args[0], Value(true)}};
}

// Facts whose evidence records report different values for one property: one row per fact and
// property, with the distinct values and, for each, the sources that report it.
ProcedureRows conflicts(ExecContext& ctx, const std::vector<Value>&) {
    ProcedureRows rows;
    auto records = catalog::all_evidence(ctx.graph().store());
    size_t i = 0;
    while (i < records.size()) {
        size_t j = i;
        std::map<std::string, std::vector<std::pair<Value, Value>>> reported;
        while (j < records.size() && records[j].relationship == records[i].relationship) {
            auto values = field(records[j].fields, "values");
            if (values.is_map()) {
                for (const auto& [key, value] : values.as_map()) {
                    reported[key].emplace_back(value, field(records[j].fields, "source"));
                }
            }
            ++j;
        }
        for (const auto& [key, list] : reported) {
            List distinct;
            List sources;
            for (const auto& [value, source] : list) {
                auto same = [&](const Value& seen) { return value_ops::equivalent(seen, value); };
                if (std::none_of(distinct.begin(), distinct.end(), same)) distinct.push_back(value);
                sources.push_back(Value(Map{{"value", value}, {"source", source}}));
            }
            if (distinct.size() < 2) continue;
            auto edge = ctx.graph().relationship(records[i].relationship);
            if (!edge) continue;
            rows.push_back({ctx.graph().relationship_value(*edge), Value(key),
                            Value(std::move(distinct)), Value(std::move(sources))});
        }
        i = j;
    }
    return rows;
}

// How a node is named in db.why: its `name`, else its first label and id.
Value node_name(ExecContext& ctx, int64_t node) {
    Value name = ctx.graph().property(node, "name");
    if (name.is_string()) return name;
    auto labels = ctx.graph().labels(node);
    return Value((labels.empty() ? std::string("node") : labels.front()) + " " +
                 std::to_string(node));
}

// "Why is X linked to Y?": for each step of a path (or for one relationship), the step and every
// evidence record behind it, in path order. A step without evidence still gets a row, with its
// provenance properties, so that no step is silently missing.
ProcedureRows why(ExecContext& ctx, const std::vector<Value>& args) {
    const Value& v = args[0];
    ProcedureRows rows;
    if (v.is_null()) return rows;
    std::vector<std::pair<int64_t, bool>> steps;  // relationship, traversed forwards
    std::vector<int64_t> from_nodes;
    if (v.is_path()) {
        const Path& path = v.as_path();
        for (size_t i = 0; i < path.relationships.size(); ++i) {
            const auto& r = path.relationships[i];
            bool forwards = r.start == path.nodes[i].id;
            steps.emplace_back(r.id, forwards);
        }
    } else if (v.is_relationship()) {
        steps.emplace_back(v.as_relationship().id, true);
    } else {
        throw Exception(ErrorKind::Type, "db.why expects a path or a relationship, got " +
                                             std::string(type_name(v.type())));
    }
    int64_t number = 0;
    for (const auto& [id, forwards] : steps) {
        ++number;
        auto edge = ctx.graph().relationship(id);
        if (!edge) continue;
        const std::string type = ctx.graph().type_name(edge->type);
        Value from = node_name(ctx, forwards ? edge->start : edge->end);
        Value to = node_name(ctx, forwards ? edge->end : edge->start);
        Value link(forwards ? "-[:" + type + "]->" : "<-[:" + type + "]-");
        auto records = catalog::list_evidence(ctx.graph().store(), id);
        if (records.empty()) {
            rows.push_back({Value(number), from, link, to, ctx.graph().property(-id, "fact_id"),
                            Value(), Value(), ctx.graph().property(-id, "supporting_text"),
                            Value()});
        }
        for (const auto& record : records) {
            rows.push_back({Value(number), from, link, to, field(record.fields, "fact_id"),
                            field(record.fields, "source"), field(record.fields, "level"),
                            field(record.fields, "supporting_text"),
                            field(record.fields, "values")});
        }
    }
    return rows;
}

}  // namespace

std::vector<Procedure> evidence_procedures() {
    const std::vector<std::string> record_columns = {"evidence", "source",          "level",
                                                     "fact_id",  "supporting_text", "values",
                                                     "note",     "curator",         "created"};
    return {
        {"db.evidence", record_columns, 1, 1, false,
         "db.evidence(relationship) :: (evidence, source, level, fact_id, supporting_text, values, "
         "note, curator, created) -- the evidence records of a fact, oldest first",
         list_records},
        {"db.evidence.add",
         {"evidence", "added"},
         2,
         2,
         true,
         "db.evidence.add(relationship, {source, supporting_text, level, fact_id, values, note}) "
         ":: (evidence, added) -- adds a source to a fact; an identical record is not added twice",
         add_record},
        {"db.evidence.retract",
         {"evidence", "retracted"},
         1,
         1,
         true,
         "db.evidence.retract(evidenceId) :: (evidence, retracted) -- withdraws a record (history "
         "keeps it)",
         retract_record},
        {"db.evidence.conflicts",
         {"relationship", "property", "values", "reports"},
         0,
         0,
         false,
         "db.evidence.conflicts() :: (relationship, property, values, reports) -- facts whose "
         "sources report different values",
         conflicts},
        {"db.why",
         {"step", "from", "link", "to", "fact_id", "source", "level", "supporting_text", "values"},
         1,
         1,
         false,
         "db.why(pathOrRelationship) :: (step, from, link, to, fact_id, source, level, "
         "supporting_text, values) -- each step of a path with the evidence behind it",
         why},
    };
}

}  // namespace meninx::execution
