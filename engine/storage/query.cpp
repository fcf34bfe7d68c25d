#include "storage/query.h"

#include <sqlite3.h>

#include "meninx/error.h"
#include "storage/sqlite_error.h"
#include "storage/term_codec.h"

namespace meninx::storage {

Query::Query(sqlite3* db, const std::string& sql) : db_(db), sql_(sql) {
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        throw_sqlite_error(db_, rc, "preparing SQL `" + sql + "`");
    }
    if (stmt_ == nullptr) {
        throw Exception(ErrorKind::Usage, "the SQL text `" + sql + "` holds no statement");
    }
}

Query::~Query() { sqlite3_finalize(stmt_); }

void Query::check_bind(int rc, int index) {
    if (rc != SQLITE_OK) {
        throw_sqlite_error(db_, rc, "binding parameter " + std::to_string(index));
    }
}

Query& Query::bind(int index, int64_t v) {
    check_bind(sqlite3_bind_int64(stmt_, index, v), index);
    return *this;
}

Query& Query::bind(int index, int v) { return bind(index, static_cast<int64_t>(v)); }

Query& Query::bind(int index, bool v) { return bind(index, static_cast<int64_t>(v ? 1 : 0)); }

Query& Query::bind(int index, double v) {
    check_bind(sqlite3_bind_double(stmt_, index, v), index);
    return *this;
}

Query& Query::bind(int index, std::string_view v) {
    check_bind(sqlite3_bind_text64(stmt_, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
               index);
    return *this;
}

Query& Query::bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }

Query& Query::bind(int index, const char* v) { return bind(index, std::string_view(v)); }

Query& Query::bind_null(int index) {
    check_bind(sqlite3_bind_null(stmt_, index), index);
    return *this;
}

Query& Query::bind(int index, const Value& v) {
    switch (v.type()) {
        case ValueType::Null:
            return bind_null(index);
        case ValueType::Bool:
            return bind(index, v.as_bool());
        case ValueType::Int:
            return bind(index, v.as_int());
        case ValueType::Float:
            return bind(index, v.as_float());
        case ValueType::String:
            return bind(index, std::string_view(v.as_string()));
        default:
            throw Exception(ErrorKind::Usage, "a " + std::string(value_type_name(v.type())) +
                                                  " cannot be bound as an SQL parameter");
    }
}

bool Query::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Report the failure of the step itself, and leave the statement reusable.
    try {
        throw_sqlite_error(db_, rc, "running SQL `" + sql_ + "`");
    } catch (...) {
        sqlite3_reset(stmt_);
        throw;
    }
}

void Query::run() {
    while (step()) {
    }
    reset();
}

void Query::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int Query::columns() const { return sqlite3_column_count(stmt_); }

int64_t Query::get_int(int col) const { return sqlite3_column_int64(stmt_, col); }

double Query::get_double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Query::get_text(int col) const {
    const auto* text = sqlite3_column_text(stmt_, col);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

bool Query::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Value Query::get_value(int col) const {
    switch (sqlite3_column_type(stmt_, col)) {
        case SQLITE_INTEGER:
            return Value(get_int(col));
        case SQLITE_FLOAT:
            return Value(get_double(col));
        case SQLITE_TEXT:
        case SQLITE_BLOB:
            return Value(get_text(col));
        default:
            return Value();
    }
}

}  // namespace meninx::storage
