// graph_reads: reading a node's labels and a node's or relationship's properties from the triple
// store, for query execution and for imports that merge into existing nodes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "meninx/store.h"
#include "meninx/value.h"

namespace meninx::storage {

class SqliteStore;

// One property statement of a subject: (subject, key, literal).
struct StoredProperty {
    StatementId statement = 0;  // the statement's id
    std::string key;            // the property key's name
    TermId object = 0;          // the literal term's id
    Value value;                // the literal's value
};

// The labels of `node`, in the order they were added.
std::vector<std::string> node_labels(SqliteStore& store, int64_t node);

// The property statements of `subject`: a node id, or the negated id of a relationship. In no
// particular order.
std::vector<StoredProperty> stored_properties(SqliteStore& store, int64_t subject);

}  // namespace meninx::storage
