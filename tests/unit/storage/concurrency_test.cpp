// Several processes on one file: writers in other processes commit many small transactions while
// this process reads; every read sees whole transactions only.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <vector>

#include "unit/storage/storage_test_support.h"

using namespace meninx;
using meninx::storage::SqliteStore;
using meninx::storage::testing::TempDir;

namespace {

constexpr int kTransactions = 300;

// Each transaction adds a pair: (node, first, i) and (node, second, i). Returns the exit code.
int write_pairs(const std::string& path, TermId first, TermId second) {
    try {
        auto store = SqliteStore::open(path, {});
        for (int i = 0; i < kTransactions; ++i) {
            store->begin(true);
            TermId node = store->intern(Term{TermKind::Node, Value()});
            TermId value = store->intern(SqliteStore::literal(Value(int64_t{i})));
            store->add(node, first, value);
            store->add(node, second, value);
            store->commit();
        }
        return 0;
    } catch (const std::exception& e) {
        // Said on stderr so that a failure in CI shows why the writer gave up.
        std::fprintf(stderr, "writer %d: %s\n", static_cast<int>(::getpid()), e.what());
        return 1;
    }
}

int64_t count_with_predicate(SqliteStore& store, TermId predicate) {
    int64_t n = 0;
    StatementPattern pattern;
    pattern.predicate = predicate;
    store.match(pattern, [&](const Statement&) {
        ++n;
        return true;
    });
    return n;
}

}  // namespace

TEST_CASE("Readers see whole transactions of writers in other processes",
          "[storage][concurrency]") {
    TempDir dir;
    std::string path = dir.file("shared.meninx");
    TermId first = 0;
    TermId second = 0;
    {
        auto setup = SqliteStore::open(path, {});
        first = setup->intern(Term{TermKind::PropertyKey, Value("first")});
        second = setup->intern(Term{TermKind::PropertyKey, Value("second")});
    }
    constexpr int kWriters = 2;
    std::vector<pid_t> writers;
    for (int w = 0; w < kWriters; ++w) {
        pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) _exit(write_pairs(path, first, second));
        writers.push_back(pid);
    }

    auto reader = SqliteStore::open(path, {});
    auto read_only = SqliteStore::open(path, storage::testing::read_only_options());
    int64_t last = 0;
    int reads = 0;
    bool torn = false;
    bool went_back = false;
    auto read_once = [&](SqliteStore& store) {
        store.begin(false);
        int64_t a = count_with_predicate(store, first);
        int64_t b = count_with_predicate(store, second);
        store.commit();
        if (a != b) {
            torn = true;
            UNSCOPED_INFO("torn read: " << a << " first vs " << b << " second");
        }
        if (a < last) {
            went_back = true;
            UNSCOPED_INFO("went back: " << a << " after " << last);
        }
        last = a;
        ++reads;
    };
    int running = kWriters;
    while (running > 0) {
        read_once(reads % 2 == 0 ? *reader : *read_only);
        for (pid_t& pid : writers) {
            if (pid == 0) continue;
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid) {
                CHECK(WIFEXITED(status));
                CHECK(WEXITSTATUS(status) == 0);
                pid = 0;
                --running;
            }
        }
    }
    read_once(*reader);
    read_once(*read_only);
    CHECK_FALSE(torn);
    CHECK_FALSE(went_back);
    CHECK(last == kWriters * kTransactions);
    CHECK(reads > 2);
    // Nodes created by the two writers never collided.
    auto q = reader->prepare("SELECT count(*) FROM term WHERE kind = 1");
    REQUIRE(q->step());
    CHECK(q->get_int(0) == kWriters * kTransactions);
}
