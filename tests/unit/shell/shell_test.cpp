// The Shell's input loop in-process: streams in, streams out, on an in-memory database.
#include "shell.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

using namespace meninx;
using namespace meninx::shell;

namespace {

// A shell on a fresh in-memory database, writing into strings.
struct Session {
    std::ostringstream out;
    std::ostringstream err;
    Shell shell;

    explicit Session(ShellOptions options = {}) : shell(std::move(options), out, err) {
        REQUIRE(shell.open(":memory:"));
    }
    bool run(const std::string& text, const std::string& name = "-c") {
        TextLineSource source(text);
        return shell.run(source, name);
    }
};

ShellOptions csv() {
    ShellOptions options;
    options.mode = OutputMode::Csv;
    return options;
}

// A terminal stand-in: hands out scripted lines and records prompts and history.
class ScriptedTerminal : public LineSource {
  public:
    explicit ScriptedTerminal(std::vector<std::string> lines) : lines_(std::move(lines)) {}
    std::optional<std::string> read_line(const std::string& prompt) override {
        prompts.push_back(prompt);
        if (next_ >= lines_.size()) return std::nullopt;
        return lines_[next_++];
    }
    bool interactive() const override { return true; }
    void add_history(const std::string& entry) override { entries.push_back(entry); }
    std::vector<std::string> history() const override { return entries; }

    std::vector<std::string> prompts;
    std::vector<std::string> entries;

  private:
    std::vector<std::string> lines_;
    size_t next_ = 0;
};

std::string temp_file(const std::string& name, const std::string& content) {
    auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << content;
    return path.string();
}

}  // namespace

TEST_CASE("Shell runs statements over several lines and writes results", "[shell]") {
    Session s(csv());
    CHECK(
        s.run("CREATE (:Drug {name: 'osimertinib', orr: 80.3});\n"
              "MATCH (d:Drug)\n"
              "RETURN d.name AS name, d.orr AS orr;"));
    CHECK(s.out.str() == "name,orr\r\nosimertinib,80.3\r\n");
    CHECK(s.err.str().empty());
    CHECK_FALSE(s.shell.any_failed());
}

TEST_CASE("Shell reports errors as FILE:LINE:COLUMN on stderr and goes on", "[shell]") {
    Session s(csv());
    CHECK_FALSE(s.run("RETURN 1 AS a;\n\n  RETURN 2 +;\nRETURN 3 AS b;", "q.cypher"));
    CHECK(s.out.str() ==
          "a\r\n1\r\n"
          "b\r\n3\r\n");
    CHECK(s.err.str().starts_with("q.cypher:3:"));
    CHECK(s.err.str().find(": error: ") != std::string::npos);
    CHECK(s.shell.any_failed());
}

TEST_CASE("Shell names -c positions by line", "[shell]") {
    Session s;
    CHECK_FALSE(s.run("RETURN 1 AS a; RETURN nope("));
    CHECK(s.err.str().starts_with("line 1:"));
}

TEST_CASE("Shell with bail stops at the first failure", "[shell]") {
    ShellOptions options = csv();
    options.bail = true;
    Session s(options);
    CHECK_FALSE(s.run("RETURN x;\nRETURN 1 AS a;"));
    CHECK(s.out.str().empty());
}

TEST_CASE("Shell: parameters from options and :param", "[shell]") {
    ShellOptions options = csv();
    options.parameters["n"] = Value(int64_t{41});
    Session s(options);
    CHECK(
        s.run(":param name => \"osimertinib\"\n"
              ":param list => [1, 2]\n"
              "RETURN $n + 1 AS a, $name AS b, size($list) AS c;\n"
              ":params\n"));
    CHECK(s.out.str() ==
          "a,b,c\r\n42,osimertinib,2\r\n"
          "$list => [1, 2]\n$n => 41\n$name => \"osimertinib\"\n");
    s.out.str("");
    CHECK(s.run(":param clear\n:params"));
    CHECK(s.out.str().empty());
}

TEST_CASE("Shell: :mode switches formats; bad arguments fail", "[shell]") {
    Session s;
    CHECK(s.run(":mode jsonl\nRETURN 1 AS a, 'x' AS b;"));
    CHECK(nlohmann::json::parse(s.out.str()) == nlohmann::json{{"a", 1}, {"b", "x"}});
    CHECK_FALSE(s.run(":mode xml"));
    CHECK_FALSE(s.run(":frobnicate"));
    CHECK(s.err.str().find("unknown command :frobnicate") != std::string::npos);
}

TEST_CASE("Shell: a command is recognised only at the start of a statement", "[shell]") {
    Session s(csv());
    CHECK(s.run("RETURN\n:x AS a;") == false);
    CHECK(s.err.str().find("unknown command") == std::string::npos);
}

TEST_CASE("Shell: :help lists every command of the table", "[shell]") {
    Session s;
    CHECK(s.run(":help"));
    for (const auto& c : Shell::commands()) {
        CHECK(s.out.str().find(":" + std::string(c.name)) != std::string::npos);
    }
    s.out.str("");
    CHECK(s.run(":help mode"));
    CHECK(s.out.str().find(":mode") != std::string::npos);
    CHECK(s.out.str().find(":quit") == std::string::npos);
}

TEST_CASE("Shell: :quit stops reading", "[shell]") {
    Session s(csv());
    CHECK(s.run("RETURN 1 AS a;\n:quit\nRETURN 2 AS b;"));
    CHECK(s.out.str() == "a\r\n1\r\n");
    CHECK(s.shell.quit_requested());
}

TEST_CASE("Shell: :begin / :rollback / :commit group statements", "[shell]") {
    Session s(csv());
    CHECK(
        s.run(":begin\nCREATE (:Drug {name: 'a'});\n:rollback\n"
              ":begin\nCREATE (:Drug {name: 'b'});\n:commit\n"
              "MATCH (d:Drug) RETURN d.name AS name;"));
    CHECK(s.out.str() == "name\r\nb\r\n");
    CHECK_FALSE(s.run(":commit"));
}

TEST_CASE("Shell: :read runs a file, :output redirects results", "[shell]") {
    std::string script = temp_file("meninx_shell_read.cypher", "RETURN 7 AS seven;\n");
    std::string output = (std::filesystem::temp_directory_path() / "meninx_shell_out.csv").string();
    Session s(csv());
    CHECK(s.run(":output " + output + "\n:read " + script + "\n:output\nRETURN 1 AS one;"));
    CHECK(s.out.str() == "one\r\n1\r\n");
    std::ifstream in(output);
    std::string written((std::istreambuf_iterator<char>(in)), {});
    CHECK(written == "seven\r\n7\r\n");
    CHECK_FALSE(s.run(":read /nonexistent/file.cypher"));
    std::remove(script.c_str());
    std::remove(output.c_str());
}

TEST_CASE("Shell: :schema shows categories, predicates and properties", "[shell]") {
    Session s;
    CHECK(s.run("CREATE (:Drug {name: 'osimertinib'})-[:TREATS]->(:Disease {name: 'LM'});"));
    s.out.str("");
    CHECK(s.run(":schema"));
    std::string text = s.out.str();
    CHECK(text.find("Categories") != std::string::npos);
    CHECK(text.find("Drug") != std::string::npos);
    CHECK(text.find("TREATS") != std::string::npos);
    CHECK(text.find("name") != std::string::npos);
}

TEST_CASE("Shell: completion learns labels and types after a write", "[shell]") {
    Session s;
    CHECK(s.run("CREATE (:Drug {name: 'x'})-[:TREATS]->(:Disease);"));
    CHECK(s.shell.completer().complete("MATCH (n:Dr", 9, 11) == std::vector<std::string>{"Drug"});
    CHECK(s.shell.completer().complete("MATCH ()-[:T", 11, 12) ==
          std::vector<std::string>{"TREATS"});
    CHECK(s.shell.completer().complete(":sch", 1, 4) == std::vector<std::string>{"schema"});
}

TEST_CASE("Shell: a terminal session shows prompts, keeps history, survives errors", "[shell]") {
    Session s(csv());
    ScriptedTerminal terminal({"RETURN", "", "1 AS a;", "RETURN x;", ":history", "RETURN 2 AS b;"});
    s.shell.run(terminal, "");
    CHECK(terminal.prompts[0] == "memory> ");
    CHECK(terminal.prompts[1] == "......> ");
    CHECK(terminal.prompts[2] == "......> ");
    CHECK(terminal.prompts[3] == "memory> ");
    REQUIRE(terminal.entries.size() == 4);
    CHECK(terminal.entries[0] == "RETURN\n\n1 AS a;");
    CHECK(terminal.entries[2] == ":history");
    CHECK(s.out.str().find("b\r\n2\r\n") != std::string::npos);
    CHECK(s.out.str().find("    2  RETURN x;") != std::string::npos);
}

TEST_CASE("Shell: interrupt stops a long query promptly and leaves the data unchanged", "[shell]") {
    Session s(csv());
    auto start = std::chrono::steady_clock::now();
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        s.shell.interrupt();
    });
    bool ok =
        s.run("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS x CREATE (:Tmp {x: x});");
    stopper.join();
    auto took = std::chrono::steady_clock::now() - start;
    CHECK_FALSE(ok);
    CHECK(s.err.str().find("Interrupted") != std::string::npos);
    CHECK(took < std::chrono::seconds(10));
    s.out.str("");
    CHECK(s.run("MATCH (n:Tmp) RETURN count(n) AS n;"));
    CHECK(s.out.str() == "n\r\n0\r\n");
}

TEST_CASE("Shell: :explain shows plans instead of results", "[shell]") {
    Session s(csv());
    CHECK(s.run(":explain on\nRETURN 1 AS a;\n:explain off"));
    CHECK(s.out.str().find("explain on") != std::string::npos);
    CHECK(s.out.str().find("a\r\n1\r\n") == std::string::npos);
}

TEST_CASE("Shell: a read-only database refuses writes", "[shell]") {
    auto path = (std::filesystem::temp_directory_path() / "meninx_shell_ro.meninx").string();
    std::filesystem::remove(path);
    {
        std::ostringstream out, err;
        Shell writer(ShellOptions{}, out, err);
        REQUIRE(writer.open(path));
        TextLineSource source("CREATE (:Drug {name: 'a'});");
        REQUIRE(writer.run(source, "-c"));
    }
    ShellOptions options = csv();
    options.read_only = true;
    std::ostringstream out, err;
    Shell reader(options, out, err);
    REQUIRE(reader.open(path));
    TextLineSource source("CREATE (:Drug {name: 'b'});\nMATCH (d:Drug) RETURN count(d) AS n;");
    CHECK_FALSE(reader.run(source, "-c"));
    CHECK(out.str() == "n\r\n1\r\n");
    CHECK(err.str().find("read-only") != std::string::npos);
    std::filesystem::remove(path);
}

TEST_CASE("Shell: :limit caps table rows and says how many were left out", "[shell]") {
    ShellOptions options;
    options.format.ascii = true;
    Session s(options);
    CHECK(s.run(":limit 2\nUNWIND [1, 2, 3, 4, 5] AS x RETURN x, null AS nothing;"));
    std::string text = s.out.str();
    CHECK(text.find("| 2 | NULL    |") != std::string::npos);
    CHECK(text.find("| 3 |") == std::string::npos);
    CHECK(text.find("... 3 more rows not shown") != std::string::npos);
    CHECK(text.find("5 rows") != std::string::npos);
    CHECK_FALSE(s.run(":limit many"));
}

TEST_CASE("Shell: :param takes a Cypher expression when the value is not JSON", "[shell]") {
    Session s(csv());
    CHECK(
        s.run(":param ids => range(1, 3)\n:param $who => toUpper('lm')\n"
              "RETURN size($ids) AS n, $who AS who;"));
    CHECK(s.out.str() == "n,who\r\n3,LM\r\n");
    CHECK_FALSE(s.run(":param broken => (1 +"));
    CHECK_FALSE(s.run(":param nothing"));
}
