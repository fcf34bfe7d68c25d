#include "storage/graph_reads.h"

#include "storage/sqlite_store.h"

namespace meninx::storage {

std::vector<std::string> node_labels(SqliteStore& store, int64_t node) {
    auto& q = store.cached(
        "SELECT t.value FROM stmt s JOIN term t ON t.id = s.o WHERE s.s = ?1 AND s.p = 1 "
        "ORDER BY s.id");
    q.bind(1, node);
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.get_text(0));
    q.reset();
    return out;
}

std::vector<StoredProperty> stored_properties(SqliteStore& store, int64_t subject) {
    auto& q = store.cached(
        "SELECT s.id, k.value, s.o, o.kind, o.value FROM stmt s "
        "JOIN term k ON k.id = s.p AND k.kind = 4 JOIN term o ON o.id = s.o WHERE s.s = ?1");
    q.bind(1, subject);
    std::vector<StoredProperty> out;
    while (q.step()) {
        out.push_back(StoredProperty{
            q.get_int(0), q.get_text(1), q.get_int(2),
            SqliteStore::literal_value(static_cast<TermKind>(q.get_int(3)), q.get_value(4))});
    }
    q.reset();
    return out;
}

}  // namespace meninx::storage
