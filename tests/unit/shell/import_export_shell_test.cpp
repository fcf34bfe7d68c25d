// The shell side of import and export: --import/--export on the command line, :import and
// :export in a session, and the progress line's text.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "arguments.h"
#include "progress_bar.h"
#include "shell.h"

using namespace meninx;
using namespace meninx::shell;

namespace {

namespace fs = std::filesystem;

std::string temp_path(const std::string& name) {
    return (fs::temp_directory_path() /
            ("meninx-shell-io-" + std::to_string(::getpid()) + "-" + name))
        .string();
}

}  // namespace

TEST_CASE("Arguments: --import and --export become :import and :export, in order", "[shell][io]") {
    std::string error;
    auto cl = parse_arguments({"db.meninx", "--import", "a_nodes.tsv", "--mapping", "m.json",
                               "my table.csv", "-c", "RETURN 1", "--export", "cypher", "-"},
                              &error);
    REQUIRE(cl);
    CHECK(cl->database == "db.meninx");
    REQUIRE(cl->inputs.size() == 3);
    CHECK(cl->inputs[0].text == ":import a_nodes.tsv --mapping m.json \"my table.csv\"");
    CHECK(cl->inputs[1].text == "RETURN 1");
    CHECK(cl->inputs[2].text == ":export cypher -");

    CHECK_FALSE(parse_arguments({"--import"}, &error));
    CHECK(error.find("at least one file") != std::string::npos);
    CHECK_FALSE(parse_arguments({"--import", "--mapping"}, &error));
    CHECK_FALSE(parse_arguments({"--export", "kgx"}, &error));
    CHECK_FALSE(parse_arguments({"--export", "csv", "x"}, &error));
    CHECK(error.find("unknown export format 'csv'") != std::string::npos);
    std::string help = usage_text();
    CHECK(help.find("--import FILE...") != std::string::npos);
    CHECK(help.find("--export FORMAT TARGET") != std::string::npos);
}

TEST_CASE(":import and :export in a session", "[shell][io]") {
    std::ostringstream out, err;
    Shell shell(ShellOptions{}, out, err);
    REQUIRE(shell.open(":memory:"));
    std::string nodes = temp_path("s_nodes.jsonl");
    std::string edges = temp_path("s_edges.jsonl");
    std::string script = temp_path("s.cypher");
    TextLineSource source(
        "CREATE (:Drug {id: 'D:1', name: 'd'})-[:TREATS]->(:Disease {id: 'X:1'});\n"
        ":export jsonl " +
        temp_path("s") +
        "\n"
        ":export cypher " +
        script +
        " MATCH (d:Drug) RETURN d\n"
        ":export cypher - MATCH (x:Disease) RETURN x\n"
        ":export xml out\n"
        ":import\n"
        ":import " +
        nodes + " " + edges + "\n");
    CHECK_FALSE(shell.run(source, "-c"));  // the two usage errors
    std::string messages = err.str();
    CHECK(messages.find("exported 2 nodes and 1 relationship to " + nodes) != std::string::npos);
    CHECK(messages.find("exported 1 node and 0 relationships to " + script) != std::string::npos);
    CHECK(messages.find(":export writes kgx, jsonl, ntriples or cypher, not 'xml'") !=
          std::string::npos);
    CHECK(messages.find("usage: :import") != std::string::npos);
    CHECK(messages.find("0 nodes created, 2 unchanged, 0 relationships created, 1 already "
                        "present") != std::string::npos);
    CHECK(out.str().find("CREATE (n:Disease) SET n = row;") != std::string::npos);
    for (const auto& f : {nodes, edges, script}) fs::remove(f);
}

TEST_CASE(":help lists :import and :export", "[shell][io]") {
    std::ostringstream out, err;
    Shell shell(ShellOptions{}, out, err);
    TextLineSource source(":help\n");
    REQUIRE(shell.run(source, "-c"));
    CHECK(out.str().find(":import [--mapping MAP] FILE...") != std::string::npos);
    CHECK(out.str().find(":export FORMAT TARGET [QUERY]") != std::string::npos);
}

TEST_CASE("The progress line: bar, percentage, rows, rate, time left", "[shell][io]") {
    ImportProgress p;
    p.file = "/data/graph_edges.tsv";
    p.bytes_total = 1000;
    p.bytes_done = 250;
    p.rows = 50000;
    p.elapsed = std::chrono::seconds(2);
    std::string line = ProgressBar::line(p, 100);
    CHECK(line.find(" 25% [") == 0);
    CHECK(line.find("50,000 rows  25,000 rows/s  ETA 0:06  graph_edges.tsv") != std::string::npos);
    CHECK(line.size() <= 100);
    p.bytes_total = 0;  // compressed: no size known
    CHECK(ProgressBar::line(p, 100) == "50,000 rows  25,000 rows/s  graph_edges.tsv");
    CHECK(ProgressBar::line(p, 20).size() == 20);
    CHECK(group_digits(1234567) == "1,234,567");
    CHECK(group_digits(999) == "999");

    std::ostringstream terminal;
    {
        ProgressBar bar(terminal, 80);
        p.elapsed = std::chrono::milliseconds(100);
        bar.update(p);
        CHECK(terminal.str().empty());  // not in the first half second
        p.elapsed = std::chrono::seconds(1);
        bar.update(p);
        CHECK(terminal.str().find("\r50,000 rows") == 0);
    }
    CHECK(terminal.str().substr(terminal.str().size() - 4) == "\r\033[K");  // erased at the end
}
