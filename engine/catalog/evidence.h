// Evidence: the sources behind a fact. A relationship (a fact) may carry any number of evidence
// records; each says where the fact comes from (source: PMID, PMCID, DOI or URL), what the source
// says (supporting_text), how strong it is (level, CIViC-style A-E), the values it reports (a map
// of the model's relationship properties: orr_pct, median_os_months, ...), the review's fact id
// when there is one, and who recorded it when (curator, created).
//
// Storage: a record is an immutable map literal (a Map term, so an identical record is stored
// once), linked to its relationship by the statement (-relationship id, <evidence>, record), where
// <evidence> is a system term. The link's statement id is the record's identity. Adding evidence
// never changes the relationship or its other evidence; retracting a record removes its link (the
// history of the database keeps it). Deleting a relationship retracts its evidence with it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "meninx/store.h"
#include "meninx/value.h"

namespace meninx::storage {
class SqliteStore;
}

namespace meninx::catalog {

class Catalog;

struct EvidenceRecord {
    StatementId id = 0;            // the link statement: the record's identity
    StatementId relationship = 0;  // the fact it supports
    Map fields;
};

// The fields a record may have, in display order.
const std::vector<std::string>& evidence_fields();

// The system term of the link predicate.
Term evidence_predicate_term();

// nullopt when `fields` is a well-formed record (before completion): `source` and
// `supporting_text` present, `level` one of A-E, `values` a map of relationship properties that
// the model (when given) declares with the right types, no unknown field. Otherwise the problem.
std::optional<std::string> check_evidence(const Map& fields, const Catalog* catalog);

// `fields` with `curator` and `created` (UTC, ISO 8601) filled in when absent.
Map complete_evidence(Map fields, const std::string& curator);

// The records of a relationship, oldest first.
std::vector<EvidenceRecord> list_evidence(storage::SqliteStore& store, StatementId relationship);
// Every record of the database, by relationship then age.
std::vector<EvidenceRecord> all_evidence(storage::SqliteStore& store);

// Links a complete, checked record to a relationship. Returns the record's id and whether it was
// added (false when the relationship already has an identical record).
std::pair<StatementId, bool> add_evidence(storage::SqliteStore& store, StatementId relationship,
                                          const Map& fields);

// Removes a record's link; false when `id` is not an evidence record.
bool retract_evidence(storage::SqliteStore& store, StatementId id);

}  // namespace meninx::catalog
