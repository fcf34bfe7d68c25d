// Errors: every failure a user can cause is described by an Error value (what kind, what
// happened, and where in the query text). Inside the engine an Error travels as a
// meninx::Exception; the public query API turns it back into a value, so callers never catch.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace meninx {

enum class ErrorKind {
    Syntax,       // the query text does not parse
    Semantic,     // parses, but is not a valid query (unknown variable, aggregate in WHERE, ...)
    Type,         // a value of the wrong type at run time (e.g. 1 + 'a' is fine, 'a' - 1 is not)
    Argument,     // a function or clause argument outside its domain (e.g. LIMIT -1)
    Schema,       // a write that breaks the schema (unknown category, wrong endpoints, ...)
    Constraint,   // a write that breaks an integrity rule (e.g. DELETE of a node with edges)
    Storage,      // the database file could not be read or written
    Limit,        // a query hit its time or row limit
    Interrupted,  // the query was cancelled
    Io,           // a file named by the user could not be read or written
    Usage,        // the API or the shell was called the wrong way
    Internal,     // a bug: an invariant of the engine did not hold
};

// The fixed name of an error kind, as it appears in messages: "Syntax", "Semantic", ...
std::string_view error_kind_name(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;
    // 1-based position in the query text, or 0 when the error has no position.
    int line = 0;
    int column = 0;
    // For errors with a position: the offending line of the query and a caret line under the
    // column, ready to print. Empty otherwise.
    std::string excerpt;

    // "<Kind> error: <message>" followed, where known, by " (line L, column C)" and the excerpt.
    std::string to_string() const;
};

// The exception that carries an Error inside the engine.
class Exception : public std::runtime_error {
  public:
    explicit Exception(Error error);
    Exception(ErrorKind kind, std::string message, int line = 0, int column = 0);
    const Error& error() const { return error_; }

  private:
    Error error_;
};

}  // namespace meninx
