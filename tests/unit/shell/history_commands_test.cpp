// The shell's history commands in-process: --user, :log, :undo, :asof and --as-of, with the
// prompt that shows which past is being read.
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <sstream>

#include "arguments.h"
#include "shell.h"

using namespace meninx;
using namespace meninx::shell;

namespace {

// A shell writing CSV into strings, on a database file of its own.
struct FileSession {
    std::filesystem::path dir;
    std::ostringstream out;
    std::ostringstream err;
    std::unique_ptr<Shell> shell;

    explicit FileSession(ShellOptions options = {}) {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() /
              ("meninx-shell-history-" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
        options.mode = OutputMode::Csv;
        shell = std::make_unique<Shell>(std::move(options), out, err);
    }
    ~FileSession() {
        shell.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::string path() const { return (dir / "h.meninx").string(); }
    bool open() { return shell->open(path()); }
    bool run(const std::string& text) {
        TextLineSource source(text);
        return shell->run(source, "-c");
    }
    std::string take_out() {
        std::string s = out.str();
        out.str("");
        return s;
    }
};

}  // namespace

TEST_CASE("Options --user and --as-of are parsed into the shell's options", "[shell][history]") {
    std::string error;
    auto cl = parse_arguments({"--user", "alice", "--as-of", "2026-03-01T10:00", "db"}, &error);
    REQUIRE(cl);
    CHECK(cl->shell.user == "alice");
    CHECK(cl->shell.as_of == "2026-03-01T10:00");
    CHECK_FALSE(parse_arguments({"--user"}, &error));
    CHECK_THAT(error, Catch::Contains("--user needs a value"));
    CHECK_FALSE(parse_arguments({"--as-of", ""}, &error));
    CHECK_THAT(error, Catch::Contains("--as-of needs a transaction id or a UTC time"));
}

TEST_CASE(":log lists the newest transactions first, with their author", "[shell][history]") {
    ShellOptions options;
    options.user = "alice";
    FileSession s(options);
    REQUIRE(s.open());
    REQUIRE(s.run("CREATE (:A {x: 1});\nMATCH (a:A) SET a.x = 2;\n"));
    s.take_out();
    REQUIRE(s.run(":log"));
    std::string log = s.take_out();
    CHECK_THAT(log, Catch::StartsWith("tx,user,time,text,undoOf,added,retracted\r\n2,alice,"));
    CHECK_THAT(log, Catch::Contains(",MATCH (a:A) SET a.x = 2,,1,1\r\n1,alice,"));
    REQUIRE(s.run(":log 1"));
    const std::string last = s.take_out();
    CHECK(std::count(last.begin(), last.end(), '\n') == 2);
    CHECK_FALSE(s.run(":log many"));
    CHECK_THAT(s.err.str(), Catch::Contains("usage: :log [N]"));
}

TEST_CASE(":undo reverses a transaction and is itself recorded", "[shell][history]") {
    FileSession s;
    REQUIRE(s.open());
    REQUIRE(s.run("CREATE (:A {x: 1});\nMATCH (a:A) SET a.x = 2;\n"));
    s.take_out();
    REQUIRE(s.run(":undo 2"));
    CHECK(s.take_out() == "tx,undone,added,retracted\r\n3,2,1,1\r\n");
    REQUIRE(s.run("MATCH (a:A) RETURN a.x;\n:log 1\n"));
    std::string out = s.take_out();
    CHECK_THAT(out, Catch::Contains("a.x\r\n1\r\n"));
    CHECK_THAT(out, Catch::Contains(",CALL db.undo(2),2,1,1\r\n"));
    REQUIRE(s.run("MATCH (a:A) SET a.x = 5;"));
    CHECK_FALSE(s.run(":undo 1"));
    CHECK_THAT(s.err.str(), Catch::Contains("Cannot undo transaction 1") &&
                                Catch::Contains("later transactions changed the same facts: 4"));
    CHECK_FALSE(s.run(":undo"));
    CHECK_THAT(s.err.str(), Catch::Contains("usage: :undo TX"));
}

TEST_CASE(":asof reads the past read-only, the prompt says which, and now goes back",
          "[shell][history]") {
    FileSession s;
    REQUIRE(s.open());
    REQUIRE(s.run("CREATE (:A {x: 1});\nMATCH (a:A) SET a.x = 2;\n"));
    s.take_out();
    CHECK(s.shell->prompt(false) == "h> ");
    REQUIRE(s.run(":asof 1\nMATCH (a:A) RETURN a.x;\n"));
    CHECK(s.take_out() == "a.x\r\n1\r\n");
    CHECK(s.shell->prompt(false) == "h@1> ");
    CHECK_FALSE(s.run("CREATE (:B);"));
    CHECK_THAT(s.err.str(), Catch::Contains("as of transaction 1 is opened read-only"));
    CHECK_FALSE(s.run(":undo 2"));
    CHECK_THAT(s.err.str(), Catch::Contains("go back with :asof now first"));
    // Another point is taken from the database itself, not from the past being shown.
    REQUIRE(s.run(":asof 2\nMATCH (a:A) RETURN a.x;\n"));
    CHECK(s.take_out() == "a.x\r\n2\r\n");
    REQUIRE(s.run(":asof\n"));
    CHECK_THAT(s.take_out(), Catch::Contains("as it was after transaction 2"));
    REQUIRE(s.run(":asof now\nMATCH (a:A) RETURN a.x;\n:asof\n"));
    CHECK(s.take_out() == "a.x\r\n2\r\nreading " + s.path() + " as it is now\n");
    CHECK(s.shell->prompt(false) == "h> ");
    CHECK_FALSE(s.run(":asof someday"));
    CHECK_THAT(s.err.str(), Catch::Contains("error: :asof: 'someday' is not a point of history"));
}

TEST_CASE("Option --as-of opens the database at a point of its history", "[shell][history]") {
    std::string path;
    {
        FileSession s;
        REQUIRE(s.open());
        REQUIRE(s.run("CREATE (:A {x: 1});\nMATCH (a:A) SET a.x = 2;\n"));
        ShellOptions options;
        options.as_of = "1";
        options.mode = OutputMode::Csv;
        std::ostringstream out, err;
        Shell past(options, out, err);
        REQUIRE(past.open(s.path()));
        TextLineSource source("MATCH (a:A) RETURN a.x;\n:asof now\nMATCH (a:A) RETURN a.x;\n");
        REQUIRE(past.run(source, "-c"));
        CHECK(out.str() == "a.x\r\n1\r\na.x\r\n2\r\n");

        options.as_of = "7";
        Shell nowhere(options, out, err);
        CHECK_FALSE(nowhere.open(s.path()));
        CHECK_THAT(err.str(), Catch::Contains("error: --as-of: there is no transaction 7"));
    }
}
