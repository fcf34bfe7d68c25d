// SQLite error translation: the one place where SQLite result codes become meninx::Exception
// values, so that no SQLite or SQLiteCpp type or message format leaks out of storage/.
#pragma once

#include <string>
#include <string_view>

struct sqlite3;

namespace meninx::storage {

// Throws meninx::Exception(ErrorKind::Storage) describing result code `rc` of connection `db`
// (db may be null). `context` names what was being done, e.g. "preparing a statement".
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, std::string_view context);

// The message used whenever a write reaches a store opened read-only.
std::string read_only_message(const std::string& path);

}  // namespace meninx::storage
