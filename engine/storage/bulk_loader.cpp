#include "storage/bulk_loader.h"

#include <sqlite3.h>

#include "meninx/error.h"
#include "storage/sqlite_store.h"
#include "storage/term_codec.h"

namespace meninx::storage {

namespace {

constexpr const char* kSavepoint = "meninx_bulk_load";

}  // namespace

SqliteBulkLoader::SqliteBulkLoader(SqliteStore& store) : store_(store) {
    own_transaction_ = !store_.in_transaction();
    if (own_transaction_) {
        store_.begin(true);
    } else {
        store_.savepoint(kSavepoint);
    }
    try {
        find_term_ =
            store_.prepare("SELECT id FROM term WHERE kind = ?1 AND value = ?2 AND kind <> 1");
        insert_term_ = store_.prepare("INSERT INTO term(kind, value) VALUES (?1, ?2)");
        insert_statement_ = store_.prepare("INSERT INTO stmt(s, p, o) VALUES (?1, ?2, ?3)");
        if (own_transaction_ && store_.statement_count() == 0) {
            auto indexes = store_.prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'stmt' "
                "AND sql IS NOT NULL ORDER BY name");
            std::vector<std::string> names;
            while (indexes->step()) {
                names.push_back(indexes->get_text(0));
                dropped_indexes_.push_back(indexes->get_text(1));
            }
            indexes.reset();
            for (const auto& name : names) store_.execute("DROP INDEX \"" + name + "\"");
        }
    } catch (...) {
        abandon();
        throw;
    }
    store_.bulk_open_ = true;
}

SqliteBulkLoader::~SqliteBulkLoader() {
    if (open_) abandon();
    store_.bulk_open_ = false;
}

void SqliteBulkLoader::abandon() noexcept {
    open_ = false;
    find_term_.reset();
    insert_term_.reset();
    insert_statement_.reset();
    try {
        if (own_transaction_) {
            store_.rollback();
        } else {
            store_.rollback_to(kSavepoint);
            store_.release(kSavepoint);
        }
    } catch (const Exception&) {
        // Nothing more can be done here; closing the connection rolls back what is left.
    }
}

void SqliteBulkLoader::require_open() const {
    if (!open_) throw Exception(ErrorKind::Usage, "the bulk load has already ended");
}

TermId SqliteBulkLoader::intern(const Term& term) {
    require_open();
    Value stored = encode_term_value(term);
    std::string key;
    if (term.kind != TermKind::Node) {
        key = term_key(term);
        if (auto it = terms_.find(key); it != terms_.end()) return it->second;
        find_term_->bind(1, static_cast<int64_t>(term.kind)).bind(2, stored);
        bool found = find_term_->step();
        TermId id = found ? find_term_->get_int(0) : 0;
        find_term_->reset();
        if (found) return terms_.emplace(std::move(key), id).first->second;
    }
    insert_term_->bind(1, static_cast<int64_t>(term.kind)).bind(2, stored);
    insert_term_->run();
    TermId id = store_.last_insert_id();
    if (term.kind != TermKind::Node) terms_.emplace(std::move(key), id);
    return id;
}

StatementId SqliteBulkLoader::add(TermId subject, TermId predicate, TermId object) {
    require_open();
    insert_statement_->bind(1, subject).bind(2, predicate).bind(3, object);
    insert_statement_->run();
    return store_.last_insert_id();
}

void SqliteBulkLoader::commit() {
    require_open();
    try {
        for (const auto& sql : dropped_indexes_) store_.execute(sql);
        find_term_.reset();
        insert_term_.reset();
        insert_statement_.reset();
        if (own_transaction_) {
            store_.commit();
        } else {
            store_.release(kSavepoint);
        }
    } catch (...) {
        abandon();
        throw;
    }
    open_ = false;
}

}  // namespace meninx::storage
