#include "catalog/evidence.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <regex>

#include "catalog/catalog.h"
#include "storage/sqlite_store.h"

namespace meninx::catalog {

namespace {

const std::vector<std::string> kFields = {"source", "level", "fact_id", "supporting_text",
                                          "values", "note",  "curator", "created"};

bool is_source(const std::string& s) {
    static const std::regex pattern(
        R"(^(PMID:[0-9]+|PMCID:PMC[0-9]+|DOI:10\.[0-9]+/\S+|https?://\S+)$)");
    return std::regex_match(s, pattern);
}

std::string now_utc() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::optional<TermId> predicate_id(storage::SqliteStore& store) {
    return store.find(evidence_predicate_term());
}

EvidenceRecord decode(storage::SqliteStore& store, const Statement& link) {
    Term record = store.term(link.object);
    return {link.id, -link.subject, record.value.is_map() ? record.value.as_map() : Map{}};
}

}  // namespace

const std::vector<std::string>& evidence_fields() { return kFields; }

Term evidence_predicate_term() { return Term{TermKind::System, Value("evidence")}; }

std::optional<std::string> check_evidence(const Map& fields, const Catalog* catalog) {
    for (const auto& [key, value] : fields) {
        if (std::find(kFields.begin(), kFields.end(), key) == kFields.end()) {
            std::string known;
            for (const auto& f : kFields) known += (known.empty() ? "" : ", ") + f;
            return "unknown evidence field '" + key + "' (the fields are " + known + ")";
        }
        if (key != "values" && !value.is_null() && !value.is_string()) {
            return "evidence field '" + key + "' must be a STRING";
        }
    }
    auto text = [&](const char* key) -> std::string {
        auto it = fields.find(key);
        return it != fields.end() && it->second.is_string() ? it->second.as_string() : "";
    };
    if (text("source").empty()) {
        return std::string("evidence needs a 'source' (PMID:…, PMCID:PMC…, DOI:10.… or a URL)");
    }
    if (!is_source(text("source"))) {
        return "evidence source '" + text("source") +
               "' is not a PMID:…, PMCID:PMC…, DOI:10.…/… or http(s) URL";
    }
    if (text("supporting_text").empty()) {
        return std::string("evidence needs a 'supporting_text': what the source says");
    }
    if (auto it = fields.find("level"); it != fields.end() && !it->second.is_null()) {
        const std::string& level = it->second.as_string();
        if (level.size() != 1 || level[0] < 'A' || level[0] > 'E') {
            return "evidence level '" + level +
                   "' is not one of A (validated), B (clinical), C (case study), D (preclinical), "
                   "E (inferential)";
        }
    }
    if (auto it = fields.find("values"); it != fields.end() && !it->second.is_null()) {
        if (!it->second.is_map()) return std::string("evidence 'values' must be a map");
        if (catalog) {
            for (const auto& [name, value] : it->second.as_map()) {
                if (auto problem = catalog->check_property(name, value, Element::Relationship)) {
                    return "evidence values: " + *problem;
                }
            }
        }
    }
    return std::nullopt;
}

Map complete_evidence(Map fields, const std::string& curator) {
    if (fields.find("curator") == fields.end() || fields["curator"].is_null()) {
        fields["curator"] = Value(curator);
    }
    if (fields.find("created") == fields.end() || fields["created"].is_null()) {
        fields["created"] = Value(now_utc());
    }
    for (auto it = fields.begin(); it != fields.end();) {
        it = it->second.is_null() ? fields.erase(it) : std::next(it);
    }
    return fields;
}

std::vector<EvidenceRecord> list_evidence(storage::SqliteStore& store, StatementId relationship) {
    std::vector<EvidenceRecord> out;
    auto predicate = predicate_id(store);
    if (!predicate) return out;
    std::vector<Statement> links;
    store.match({-relationship, *predicate, std::nullopt}, [&](const Statement& s) {
        links.push_back(s);
        return true;
    });
    std::sort(links.begin(), links.end(),
              [](const Statement& a, const Statement& b) { return a.id < b.id; });
    for (const auto& link : links) out.push_back(decode(store, link));
    return out;
}

std::vector<EvidenceRecord> all_evidence(storage::SqliteStore& store) {
    std::vector<EvidenceRecord> out;
    auto predicate = predicate_id(store);
    if (!predicate) return out;
    std::vector<Statement> links;
    store.match({std::nullopt, *predicate, std::nullopt}, [&](const Statement& s) {
        links.push_back(s);
        return true;
    });
    std::sort(links.begin(), links.end(), [](const Statement& a, const Statement& b) {
        return std::make_pair(-a.subject, a.id) < std::make_pair(-b.subject, b.id);
    });
    for (const auto& link : links) out.push_back(decode(store, link));
    return out;
}

std::pair<StatementId, bool> add_evidence(storage::SqliteStore& store, StatementId relationship,
                                          const Map& fields) {
    TermId predicate = store.intern(evidence_predicate_term());
    TermId record = store.intern(Term{TermKind::Map, Value(fields)});
    std::optional<StatementId> existing;
    store.match({-relationship, predicate, record}, [&](const Statement& s) {
        existing = s.id;
        return false;
    });
    if (existing) return {*existing, false};
    return {store.add(-relationship, predicate, record), true};
}

bool retract_evidence(storage::SqliteStore& store, StatementId id) {
    auto predicate = predicate_id(store);
    if (!predicate) return false;
    auto& q = store.cached("SELECT p FROM stmt WHERE id = ?1");
    q.bind(1, id);
    bool is_link = q.step() && q.get_int(0) == *predicate;
    q.reset();
    return is_link && store.remove(id);
}

}  // namespace meninx::catalog
