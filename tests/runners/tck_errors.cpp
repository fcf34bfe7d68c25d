#include "tck_errors.h"

namespace meninx::testing {

bool tck_error_compatible(const std::string& tck_type, const std::string& detail,
                          const std::string& phase, ErrorKind kind) {
    bool compile_time = phase != "runtime";
    if (tck_type == "SyntaxError") {
        if (kind == ErrorKind::Syntax || kind == ErrorKind::Semantic) return true;
        // The TCK files argument errors that a checker can see before running under
        // SyntaxError; Meninx finds some of them while running, with the matching kind.
        if (detail == "InvalidArgumentType") {
            return kind == ErrorKind::Type || kind == ErrorKind::Argument;
        }
        return detail == "NegativeIntegerArgument" && kind == ErrorKind::Argument;
    }
    if (tck_type == "SemanticError") return kind == ErrorKind::Semantic;
    if (tck_type == "TypeError") {
        return kind == ErrorKind::Type || (compile_time && kind == ErrorKind::Semantic);
    }
    if (tck_type == "ArgumentError") return kind == ErrorKind::Argument;
    if (tck_type == "ConstraintVerificationFailed") return kind == ErrorKind::Constraint;
    if (tck_type == "EntityNotFound" || tck_type == "ProcedureError" ||
        tck_type == "ParameterMissing") {
        return kind == ErrorKind::Semantic || kind == ErrorKind::Argument;
    }
    return false;
}

}  // namespace meninx::testing
