// Read-only opening: reads work, every write is refused with a clear error, and a file the user
// may not write to, in a directory where no -shm file can be created, still opens.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>

#include "unit/storage/storage_test_support.h"

using namespace meninx;
using meninx::storage::SqliteStore;
using meninx::storage::testing::read_only_options;
using meninx::storage::testing::TempDir;

namespace fs = std::filesystem;

namespace {

// Creates a small database: one node labelled Drug with name 'gefitinib'.
void create_sample(const std::string& path) {
    auto store = SqliteStore::open(path, {});
    TermId node = store->intern(Term{TermKind::Node, Value()});
    store->add(node, Store::kLabelPredicate, store->intern(Term{TermKind::Label, Value("Drug")}));
    store->add(node, store->intern(Term{TermKind::PropertyKey, Value("name")}),
               store->intern(SqliteStore::literal(Value("gefitinib"))));
}

// Runs `body` in a child process; returns its exit status (0 when body returned true).
template <typename F>
int in_child(F body) {
    pid_t pid = fork();
    if (pid == 0) {
        bool ok = false;
        try {
            ok = body();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "child: %s\n", e.what());
        }
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

bool reads_sample(const std::string& path) {
    auto store = SqliteStore::open(path, read_only_options());
    auto name = store->find(Term{TermKind::PropertyKey, Value("name")});
    return store->read_only() && store->statement_count() == 2 && name.has_value();
}

void check_refused(const std::function<void()>& write) {
    try {
        write();
        FAIL("a write through a read-only store succeeded");
    } catch (const Exception& e) {
        CHECK((e.error().kind == ErrorKind::Usage || e.error().kind == ErrorKind::Storage));
        CHECK_THAT(e.error().message, Catch::Contains("database is opened read-only"));
    }
}

}  // namespace

TEST_CASE("A read-only store reads and refuses every write", "[storage][read-only]") {
    TempDir dir;
    std::string path = dir.file("ro.meninx");
    create_sample(path);
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec |
                                    fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    std::string before = storage::testing::read_bytes(path);

    auto store = SqliteStore::open(path, read_only_options());
    CHECK(store->read_only());
    CHECK(store->statement_count() == 2);
    auto drug = store->find(Term{TermKind::Label, Value("Drug")});
    REQUIRE(drug.has_value());
    StatementPattern labelled;
    labelled.predicate = Store::kLabelPredicate;
    labelled.object = *drug;
    int found = 0;
    store->match(labelled, [&](const Statement&) {
        ++found;
        return true;
    });
    CHECK(found == 1);
    store->begin(false);
    CHECK(store->in_transaction());
    store->commit();

    check_refused([&] { store->intern(Term{TermKind::Node, Value()}); });
    check_refused([&] { store->intern(Term{TermKind::Label, Value("New")}); });
    check_refused([&] { store->add(1, 1, 1); });
    check_refused([&] { store->remove(1); });
    check_refused([&] { store->begin(true); });
    check_refused([&] { store->bulk_loader(); });
    check_refused([&] { store->execute("INSERT INTO term(kind, value) VALUES (2, 'X')"); });
    check_refused([&] {
        auto& q = store->cached("DELETE FROM stmt");
        q.step();
    });
    CHECK(store->statement_count() == 2);
    store.reset();
    CHECK(storage::testing::read_bytes(path) == before);
}

TEST_CASE("A read-only open works where the user can create no file next to the database",
          "[storage][read-only]") {
    TempDir dir;
    std::string path = dir.file("media.meninx");
    create_sample(path);
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    // Every user may enter the directory and read the file; nobody but its owner may write.
    auto read_exec = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                     fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
    fs::permissions(dir.path(), read_exec);
    REQUIRE_FALSE(fs::exists(path + "-shm"));
    if (::geteuid() != 0) {
        CHECK(reads_sample(path));
        return;
    }
    // Root may write anywhere, so read as an unprivileged user in a child process: there the
    // directory really forbids creating the -shm file a WAL reader normally needs.
    int status = in_child([&] {
        if (setgid(65534) != 0 || setuid(65534) != 0) return false;
        if (access(dir.path().c_str(), W_OK) == 0) return false;  // the premise must hold
        return reads_sample(path);
    });
    CHECK(status == 0);
    CHECK_FALSE(fs::exists(path + "-shm"));
}

TEST_CASE("A read-only open of a missing file is an error", "[storage][read-only]") {
    TempDir dir;
    std::string path = dir.file("absent.meninx");
    OpenOptions options;
    options.read_only = true;  // create stays true: read-only must still not create
    CHECK_THROWS_WITH(SqliteStore::open(path, options), Catch::Contains("does not exist"));
    CHECK_FALSE(fs::exists(path));
    CHECK_THROWS_AS(SqliteStore::open(":memory:", options), Exception);
}

TEST_CASE("A read-write open of a file the user may not write says so", "[storage][read-only]") {
    TempDir dir;
    std::string path = dir.file("locked.meninx");
    create_sample(path);
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read |
                                    fs::perms::group_exec | fs::perms::others_read |
                                    fs::perms::others_exec);
    if (::geteuid() != 0) {
        CHECK_THROWS_WITH(SqliteStore::open(path, {}), Catch::Contains("cannot be written"));
        return;
    }
    int status = in_child([&] {
        if (setgid(65534) != 0 || setuid(65534) != 0) return false;
        try {
            SqliteStore::open(path, {});
        } catch (const Exception& e) {
            return e.error().message.find("cannot be written") != std::string::npos;
        }
        return false;
    });
    CHECK(status == 0);
}
