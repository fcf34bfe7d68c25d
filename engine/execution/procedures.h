// The built-in procedures (CALL db.labels() ...): one registry that drives the binder's lookup of
// output columns, the planner's choice of a write transaction, and execution.
//
// Procedures come in families, each defined in its own file and listed in procedures.cpp:
//   procedures.cpp           db.labels, db.relationshipTypes, db.propertyKeys, db.schema
//   procedures_evidence.cpp  db.evidence, db.evidence.add, db.evidence.retract,
//                            db.evidence.conflicts, db.why
//   procedures_search.cpp    db.search
//   procedures_history.cpp   db.transactions, db.changes, db.history, db.undo
// A family is a function returning its procedures; adding one means declaring it below and adding
// it to the list in procedures.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meninx/value.h"

namespace meninx::execution {

class ExecContext;

using ProcedureRows = std::vector<std::vector<Value>>;

struct Procedure {
    std::string name;
    std::vector<std::string> columns;
    // Argument count accepted: min_arguments..max_arguments.
    size_t min_arguments = 0;
    size_t max_arguments = 0;
    // True when the procedure changes the graph (the statement then runs in a write transaction
    // and is refused on a read-only database).
    bool writes = false;
    // One line for :help and documentation: the signature and what it returns.
    std::string description;
    std::function<ProcedureRows(ExecContext&, const std::vector<Value>&)> run;
};

// The procedure named `name`, or nullptr.
const Procedure* find_procedure(std::string_view name);
// The names of a procedure's output columns, or nullopt when there is no such procedure.
std::optional<std::vector<std::string>> procedure_columns(std::string_view name);
// Every procedure, sorted by name, for completion and documentation.
const std::vector<Procedure>& all_procedures();
std::vector<std::string> procedure_names();

// Families.
std::vector<Procedure> database_procedures();
std::vector<Procedure> search_procedures();
std::vector<Procedure> evidence_procedures();
std::vector<Procedure> history_procedures();

}  // namespace meninx::execution
