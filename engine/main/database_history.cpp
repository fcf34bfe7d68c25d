// Database: time travel, a read-only database holding the graph as it was at a point of its
// history (see storage/history.h).
#include "meninx/database.h"
#include "storage/history.h"
#include "storage/sqlite_store.h"

namespace meninx {

std::unique_ptr<Database> Database::open_as_of(const std::string& path, std::string_view point,
                                               const OpenOptions& options, Error* error) {
    try {
        OpenOptions read_only = options;
        read_only.read_only = true;
        read_only.create = false;
        auto source = storage::SqliteStore::open(path, read_only);
        const int64_t tx = storage::resolve_point(*source, point);
        return adopt(storage::SqliteStore::snapshot(*source, tx), path, true);
    } catch (const Exception& e) {
        if (error) *error = e.error();
    } catch (const std::exception& e) {
        if (error) *error = Error{ErrorKind::Storage, e.what(), 0, 0, {}};
    }
    return nullptr;
}

std::unique_ptr<Database> Database::as_of(std::string_view point, Error* error) {
    try {
        if (in_transaction()) {
            throw Exception(ErrorKind::Usage,
                            "The graph as of a past transaction cannot be read inside a "
                            "transaction; COMMIT or ROLLBACK it first");
        }
        auto& source = static_cast<storage::SqliteStore&>(store());
        const int64_t tx = storage::resolve_point(source, point);
        return adopt(storage::SqliteStore::snapshot(source, tx), path(), true);
    } catch (const Exception& e) {
        if (error) *error = e.error();
    } catch (const std::exception& e) {
        if (error) *error = Error{ErrorKind::Storage, e.what(), 0, 0, {}};
    }
    return nullptr;
}

}  // namespace meninx
