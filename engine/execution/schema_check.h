// The schema check at the end of a writing statement: in a strict database every node and
// relationship the statement created or changed must fit the domain model (catalog/catalog.h),
// or the statement fails and nothing it wrote is kept.
#pragma once

namespace meninx::catalog {
class Catalog;
}

namespace meninx::execution {

class GraphAccess;

// Checks what the statement wrote (GraphAccess::touched()): each written node must fit
// Catalog::check_node; each written relationship, and each relationship of a node whose labels
// changed, Catalog::check_relationship. Throws meninx::Exception (ErrorKind::Schema) naming the
// element, the rule and the value.
void check_schema(GraphAccess& graph, const catalog::Catalog& catalog);

}  // namespace meninx::execution
