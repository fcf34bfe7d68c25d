#include "meninx/error.h"

namespace meninx {

std::string_view error_kind_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Syntax:
            return "Syntax";
        case ErrorKind::Semantic:
            return "Semantic";
        case ErrorKind::Type:
            return "Type";
        case ErrorKind::Argument:
            return "Argument";
        case ErrorKind::Schema:
            return "Schema";
        case ErrorKind::Constraint:
            return "Constraint";
        case ErrorKind::Storage:
            return "Storage";
        case ErrorKind::Limit:
            return "Limit";
        case ErrorKind::Interrupted:
            return "Interrupted";
        case ErrorKind::Io:
            return "I/O";
        case ErrorKind::Usage:
            return "Usage";
        case ErrorKind::Internal:
            return "Internal";
    }
    return "Internal";
}

std::string Error::to_string() const {
    std::string out;
    out += error_kind_name(kind);
    out += " error: ";
    out += message;
    if (line > 0) {
        out += " (line " + std::to_string(line) + ", column " + std::to_string(column) + ")";
    }
    if (!excerpt.empty()) {
        out += "\n";
        out += excerpt;
    }
    return out;
}

Exception::Exception(Error error)
    : std::runtime_error(error.to_string()), error_(std::move(error)) {}

Exception::Exception(ErrorKind kind, std::string message, int line, int column)
    : Exception(Error{kind, std::move(message), line, column, {}}) {}

}  // namespace meninx
