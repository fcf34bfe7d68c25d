// SqliteBulkLoader: the BulkLoader of a SqliteStore, for loading many statements at once.
//
// The whole load is one transaction (a savepoint when the store already has one open), so it is
// all or nothing. Terms go through an in-memory cache keyed by kind and value; statements and
// terms are inserted through prepared statements. When the load starts on a store without
// statements, the statement indexes are dropped and rebuilt at commit, which is faster than
// maintaining them row by row. The loader borrows its store and must not outlive it.
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
    void require_open() const;
    void abandon() noexcept;

    SqliteStore& store_;
    bool own_transaction_ = false;
    bool open_ = true;
    std::unordered_map<std::string, TermId> terms_;
    // CREATE INDEX statements of the indexes dropped for the load, to run again at commit.
    std::vector<std::string> dropped_indexes_;
    std::unique_ptr<Query> find_term_;
    std::unique_ptr<Query> insert_term_;
    std::unique_ptr<Query> insert_statement_;
};

}  // namespace meninx::storage
