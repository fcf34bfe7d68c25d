#include "storage/sqlite_error.h"

#include <sqlite3.h>

#include "meninx/error.h"

namespace meninx::storage {

std::string read_only_message(const std::string& path) {
    return "database is opened read-only: writes to " + path + " are refused";
}

void throw_sqlite_error(sqlite3* db, int rc, std::string_view context) {
    std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    std::string message;
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            message = "the database is locked (" + detail +
                      "); another connection kept it busy past the busy timeout";
            break;
        case SQLITE_READONLY:
            message = "database is opened read-only or the file cannot be written (" + detail + ")";
            break;
        case SQLITE_NOTADB:
            message = "the file is not a database";
            break;
        case SQLITE_CORRUPT:
            message = "the database file is damaged (" + detail + ")";
            break;
        case SQLITE_FULL:
            message = "the disk is full";
            break;
        case SQLITE_CANTOPEN:
            message = "the database file cannot be opened (" + detail + ")";
            break;
        default:
            message = detail;
            break;
    }
    throw Exception(ErrorKind::Storage, std::string(context) + ": " + message);
}

}  // namespace meninx::storage
