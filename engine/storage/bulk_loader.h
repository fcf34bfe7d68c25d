// SqliteBulkLoader: the BulkLoader of a SqliteStore, for loading many statements at once.
//
// The whole load is one transaction (a savepoint when the store already has one open), so it is
// all or nothing. Terms go through an in-memory cache keyed by kind and value. The loader holds
// the write lock, so it hands out term and statement ids itself (the next after the largest) and
// inserts rows in batches through multi-row prepared INSERTs; rows still in a batch are not yet
// visible to the store's own queries, only after commit(). A load into a store without statements
// takes a faster path: the dictionary cache is filled from the store up front (so it knows every
// term), the indexes of `term` and `stmt` are dropped and rebuilt at commit, and the file leaves
// WAL mode for a rollback journal during the load, so the new pages are written once instead of to
// the WAL and again by the checkpoint (it returns to WAL at the end; when another connection has
// the file open, it simply stays in WAL). The loader borrows its store and must not outlive it.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "meninx/store.h"
#include "storage/query.h"

namespace meninx::storage {

class SqliteStore;

class SqliteBulkLoader final : public BulkLoader {
  public:
    explicit SqliteBulkLoader(SqliteStore& store);
    // Rolls the load back unless commit() succeeded.
    ~SqliteBulkLoader() override;
    SqliteBulkLoader(const SqliteBulkLoader&) = delete;
    SqliteBulkLoader& operator=(const SqliteBulkLoader&) = delete;

    TermId intern(const Term& term) override;
    StatementId add(TermId subject, TermId predicate, TermId object) override;
    // Rebuilds dropped indexes and commits; the loader cannot be used afterwards.
    void commit() override;

  private:
    void start_fast_path();
    // The history of a load is one row of bulk_change (the ranges of node and statement ids it
    // added; see schema/migrations/005_bulk_history.sql) instead of a row per fact: drops the
    // recording triggers of additions for the load; write_history() records the ranges and
    // creates the triggers again.
    void record_history_at_commit();
    void write_history();
    // Triggers listed in the table bulk_deferred_trigger (the search index's) are dropped for the
    // load; catch_up_deferred() runs each one's catch-up SQL once over the new statements and
    // creates the trigger again.
    void defer_triggers();
    void catch_up_deferred();
    void require_open() const;
    void finish_statements();
    void flush_terms();
    void flush_statements();
    void abandon() noexcept;
    // Back to WAL mode after a load that left it; a failure leaves the rollback journal, which
    // the next open turns back into WAL.
    void restore_journal() noexcept;
    // Clears the change text "bulk load" when the loader set it.
    void restore_text() noexcept;

    SqliteStore& store_;
    bool own_transaction_ = false;
    bool open_ = true;
    // True when terms_ holds every term of the store, so a miss means the term is new.
    bool cache_complete_ = false;
    bool left_wal_ = false;
    // The PRAGMA that gives the connection its page cache size back after the load.
    std::string restore_cache_size_;
    // True when the caller named no cause for the load, so the loader named it "bulk load".
    bool named_by_loader_ = false;
    std::unordered_map<std::string, TermId> terms_;
    // CREATE INDEX statements of the indexes dropped for the load, to run again at commit.
    std::vector<std::string> dropped_indexes_;
    // CREATE TRIGGER statements of the recording triggers dropped for the load.
    std::vector<std::string> dropped_triggers_;
    // Deferred triggers: their CREATE TRIGGER statement and their catch-up SQL.
    std::vector<std::pair<std::string, std::string>> deferred_;
    // The first ids of the load: every term and statement from them on is new.
    StatementId first_statement_ = 0;
    // The nodes the load added: how many, and the first and last of their ids.
    int64_t nodes_added_ = 0;
    TermId first_node_ = 0;
    TermId last_node_ = 0;
    TermId next_term_ = 0;
    StatementId next_statement_ = 0;
    // Rows waiting for the next batch insert.
    struct TermRow {
        TermId id;
        TermKind kind;
        Value stored;  // as encode_term_value gives it
    };
    std::vector<TermRow> term_rows_;
    std::vector<Statement> statement_rows_;
    std::unique_ptr<Query> find_term_;
    std::unique_ptr<Query> insert_term_;
    std::unique_ptr<Query> insert_terms_;
    std::unique_ptr<Query> insert_statement_;
    std::unique_ptr<Query> insert_statements_;
};

}  // namespace meninx::storage
