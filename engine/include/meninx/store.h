// Store: the triple store under the graph, one SQLite file.
//
// Every term (a node, a label, a relationship type, a property key, a literal value) is
// dictionary-encoded to an integer id; every fact is a statement (id, subject, predicate, object)
// of term ids, indexed in the spo, pos and osp orders. How graph elements map to statements:
//   - a node is a term of kind Node;
//   - a label:            (node, <label>, Label term)      where <label> is Store::kLabelPredicate
//   - a property:         (node, PropertyKey term, literal term)
//   - a relationship:     (start node, RelationshipType term, end node); its statement id is the
//                          relationship's identity
//   - a relationship's property or evidence: (-relationship id, PropertyKey term, literal term);
//     subjects of relationship properties are negated statement ids, so the two id spaces
//     never meet.
//
// A Store is owned by one thread at a time. Writes happen inside a transaction (an explicit
// Transaction, or an implicit one per call); a failed write leaves the file as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "meninx/value.h"

namespace meninx {

using TermId = int64_t;
using StatementId = int64_t;

enum class TermKind : int {
    System = 0,  // reserved predicates such as <label>
    Node = 1,    // a graph node; its value is null
    Label = 2,   // a node label / category, value is its name
    RelationshipType = 3,
    PropertyKey = 4,
    Bool = 10,
    Int = 11,
    Float = 12,
    String = 13,
    List = 14,  // value is the list, stored as canonical JSON
    Map = 15,   // value is the map, stored as canonical JSON
};

// A dictionary entry: a kind and a value (null for nodes; a string for names; the literal).
struct Term {
    TermKind kind = TermKind::Node;
    Value value;
};

struct Statement {
    StatementId id = 0;
    TermId subject = 0;
    TermId predicate = 0;
    TermId object = 0;
};

// A pattern over statements: unset positions match anything. Any pattern with a bound position is
// answered by an index seek.
struct StatementPattern {
    std::optional<TermId> subject;
    std::optional<TermId> predicate;
    std::optional<TermId> object;
};

class BulkLoader;

class Store {
  public:
    // The id of the reserved <label> predicate (fixed in every database).
    static constexpr TermId kLabelPredicate = 1;

    virtual ~Store() = default;

    // Returns the id of `term`, adding it to the dictionary when absent. Literal terms are
    // canonical: the same kind and value always give the same id. Each call to intern() with a
    // Node term creates a new node.
    virtual TermId intern(const Term& term) = 0;
    // Returns the id of `term` when it is in the dictionary (never for Node terms).
    virtual std::optional<TermId> find(const Term& term) const = 0;
    // Returns the term with id `id`; throws meninx::Exception when there is none.
    virtual Term term(TermId id) const = 0;

    // Adds a statement and returns its id.
    virtual StatementId add(TermId subject, TermId predicate, TermId object) = 0;
    // Removes the statement; returns false when there was none with that id.
    virtual bool remove(StatementId id) = 0;
    // Calls `visit` for each statement matching `pattern` until it returns false.
    virtual void match(const StatementPattern& pattern,
                       const std::function<bool(const Statement&)>& visit) const = 0;
    virtual int64_t statement_count() const = 0;
    virtual int64_t term_count() const = 0;

    // Starts a bulk load (see BulkLoader). Only one may be open at a time.
    virtual std::unique_ptr<BulkLoader> bulk_loader() = 0;

    // Names what causes the writes that follow, until the next call or the end of the
    // transaction: history records it with the transaction ("seed", "import nodes.tsv"; Cypher
    // statements name themselves). A bulk load without a name is recorded as "bulk load".
    virtual void set_change_text(std::string text) = 0;
};

// Loads many statements fast: prepared statements, term-id caching, batched transactions. Terms
// are interned through the loader's cache. Nothing is visible to other connections before
// commit(); destroying a loader without commit() rolls everything back.
class BulkLoader {
  public:
    virtual ~BulkLoader() = default;
    virtual TermId intern(const Term& term) = 0;
    virtual StatementId add(TermId subject, TermId predicate, TermId object) = 0;
    virtual void commit() = 0;
};

}  // namespace meninx
