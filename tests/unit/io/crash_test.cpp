// Crash safety: a writer process killed with SIGKILL in the middle of a large import leaves a
// database that passes PRAGMA integrity_check and holds exactly the transactions it committed
// before the import, none of the import. The writer is a forked child; it reports through a pipe
// when the import has started and when it has committed, and the parent kills it after delays
// spread over the time a whole import takes (so that kills land in the reading, writing and
// committing phases).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "io_test_support.h"

using namespace io_test;

namespace {

constexpr int kNodes = 100000;

struct BigFiles {
    std::string nodes;
    std::string edges;
};

BigFiles write_big_files(const TempDir& dir) {
    std::string nodes = "id\tcategory\tname\n";
    std::string edges = "subject\tpredicate\tobject\tweight\n";
    nodes.reserve(kNodes * 32);
    edges.reserve(kNodes * 40);
    for (int64_t i = 0; i < kNodes; ++i) {
        std::string id = "N:" + std::to_string(i);
        nodes += id + "\tThing\tthing number " + std::to_string(i) + "\n";
        edges += id + "\tLINKS\tN:" + std::to_string((i * 7919 + 13) % kNodes) + "\t" +
                 std::to_string(i % 100) + ".5\n";
    }
    return {dir.write("big_nodes.tsv", nodes), dir.write("big_edges.tsv", edges)};
}

// The child: `committed` small transactions, then the import. Writes 'I' on `fd` once the import
// has read its first rows and 'C' once it has committed, then waits to be killed.
[[noreturn]] void writer(const std::string& db_path, const BigFiles& files, int committed, int fd) {
    meninx::Error error;
    auto db = meninx::Database::open(db_path, {}, &error);
    if (!db) _exit(3);
    for (int i = 0; i < committed; ++i) {
        if (!db->query("CREATE (:Committed {n: " + std::to_string(i) + "})").ok()) _exit(4);
    }
    bool told = false;
    meninx::ImportOptions options;
    options.progress_interval = std::chrono::milliseconds(0);
    options.progress = [&](const meninx::ImportProgress&) {
        if (told) return;
        told = true;
        char c = 'I';
        if (write(fd, &c, 1) != 1) _exit(5);
    };
    if (!meninx::import_files(*db, {{files.nodes, ""}, {files.edges, ""}}, options).ok()) {
        _exit(6);
    }
    char c = 'C';
    if (write(fd, &c, 1) != 1) _exit(5);
    while (true) pause();
}

struct Outcome {
    std::string integrity;
    int64_t committed = -1;
    int64_t imported = -1;
    int64_t relationships = -1;
    int64_t transactions = -1;
};

Outcome inspect(const std::string& db_path) {
    Outcome out;
    {
        // Read-write, so that SQLite rolls back what the killed writer left in its journal.
        SQLite::Database raw(db_path, SQLite::OPEN_READWRITE);
        out.integrity = raw.execAndGet("PRAGMA integrity_check").getString();
    }
    auto db = open_db(db_path);
    out.committed = must(*db, "MATCH (n:Committed) RETURN count(n)").rows[0][0].as_int();
    out.imported = must(*db, "MATCH (n:Thing) RETURN count(n)").rows[0][0].as_int();
    out.relationships = must(*db, "MATCH ()-[r]->() RETURN count(r)").rows[0][0].as_int();
    out.transactions =
        must(*db, "CALL db.transactions() YIELD tx RETURN count(tx)").rows[0][0].as_int();
    return out;
}

// Runs the writer on a fresh database and kills it `kill_after` after the import started (never,
// when zero). Returns how long the import took when it committed, zero when it did not.
std::chrono::milliseconds run_writer(const std::string& db_path, const BigFiles& files,
                                     int committed, std::chrono::milliseconds kill_after) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        writer(db_path, files, committed, fds[1]);
    }
    close(fds[1]);
    char c = 0;
    REQUIRE(read(fds[0], &c, 1) == 1);
    REQUIRE(c == 'I');
    auto start = std::chrono::steady_clock::now();
    if (kill_after.count() > 0) {
        std::this_thread::sleep_for(kill_after);
    } else {
        REQUIRE(read(fds[0], &c, 1) == 1);  // wait for the commit
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    // Whether the import committed before the kill.
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    bool done = c == 'C' || (read(fds[0], &c, 1) == 1 && c == 'C');
    close(fds[0]);
    return done ? took : std::chrono::milliseconds(0);
}

}  // namespace

TEST_CASE("SIGKILL during an import leaves only the transactions committed before it",
          "[io][crash]") {
    TempDir dir("crash");
    BigFiles files = write_big_files(dir);
    int run = 0;
    for (int committed : {0, 3}) {
        // How long a whole import takes here, then kills spread over that time: while reading,
        // writing, and committing (index rebuild, history).
        std::string full = dir.file("full" + std::to_string(committed) + ".meninx");
        auto duration = run_writer(full, files, committed, std::chrono::milliseconds(0));
        REQUIRE(duration.count() > 0);
        Outcome complete = inspect(full);
        CHECK(complete.integrity == "ok");
        CHECK(complete.imported == kNodes);
        CHECK(complete.transactions == committed + 1);
        for (double fraction : {0.05, 0.4, 0.75, 0.95}) {
            std::string db_path = dir.file("crash" + std::to_string(run++) + ".meninx");
            auto kill_after = std::chrono::milliseconds(
                std::max<int64_t>(1, static_cast<int64_t>(duration.count() * fraction)));
            INFO("committed " << committed << ", killed " << kill_after.count()
                              << " ms after the import started (a whole import: "
                              << duration.count() << " ms)");
            bool reported = run_writer(db_path, files, committed, kill_after).count() > 0;
            Outcome outcome = inspect(db_path);
            CHECK(outcome.integrity == "ok");
            CHECK(outcome.committed == committed);
            // All of the import or none of it: all when the writer reported its commit (it may
            // also have committed just before the kill without having said so yet).
            bool present = outcome.imported == kNodes;
            if (reported) CHECK(present);
            CHECK(outcome.imported == (present ? kNodes : 0));
            CHECK(outcome.relationships == (present ? kNodes : 0));
            CHECK(outcome.transactions == committed + (present ? 1 : 0));
        }
    }
}
