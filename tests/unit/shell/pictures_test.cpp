// Pictures from the shell in-process: :mode dot, :show with Graphviz, and their errors.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "shell.h"

using namespace meninx;
using namespace meninx::shell;

namespace {

struct Session {
    std::ostringstream out;
    std::ostringstream err;
    Shell shell;

    explicit Session(ShellOptions options = {}) : shell(std::move(options), out, err) {
        REQUIRE(shell.open(":memory:"));
    }
    bool run(const std::string& text) {
        TextLineSource source(text);
        return shell.run(source, "-c");
    }
};

ShellOptions dot_mode() {
    ShellOptions options;
    options.mode = OutputMode::Dot;
    return options;
}

constexpr const char* kPath =
    "CREATE p = (:Drug {name: 'osimertinib'})-[:TREATS {orr_pct: 80.3}]->"
    "(:Disease {name: 'leptomeningeal metastasis'}) RETURN p;\n";

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A private directory for the files a test writes, removed afterwards.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("meninx-pictures-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// Sets an environment variable for the lifetime of the object.
struct ScopedEnv {
    std::string name;
    ScopedEnv(const char* n, const char* value) : name(n) { ::setenv(n, value, 1); }
    ~ScopedEnv() { ::unsetenv(name.c_str()); }
};

bool have_dot() { return std::system("dot -V >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("pictures: :mode dot writes one DOT document per result", "[pictures]") {
    Session s;
    REQUIRE(s.run(":mode dot\n" + std::string(kPath)));
    const std::string out = s.out.str();
    INFO(out);
    REQUIRE(out.starts_with("digraph result {"));
    REQUIRE(out.find("[label=\"osimertinib\"") != std::string::npos);
    REQUIRE(out.find("[label=\"TREATS · ORR 80.3%\"") != std::string::npos);
    REQUIRE(out.find("subgraph cluster_legend") != std::string::npos);
    REQUIRE(s.err.str().empty());
}

TEST_CASE("pictures: a result with nothing to draw is an error in dot mode", "[pictures]") {
    Session s(dot_mode());
    REQUIRE_FALSE(s.run("RETURN 1 AS one;"));
    REQUIRE(s.err.str().find("error: dot: the result holds no nodes, relationships or paths") !=
            std::string::npos);
    REQUIRE(s.out.str().empty());
    REQUIRE(s.shell.any_failed());

    Session empty(dot_mode());
    REQUIRE_FALSE(empty.run("MATCH (n:Nothing) RETURN n;"));
    REQUIRE(empty.err.str().find("no rows") != std::string::npos);

    // A write without RETURN has no result to draw, and is not an error.
    Session write(dot_mode());
    REQUIRE(write.run("CREATE (:Drug {name: 'x'});"));
    REQUIRE(write.out.str().empty());
    REQUIRE(write.err.str().empty());
}

TEST_CASE("pictures: relationships alone are drawn with their endpoints", "[pictures]") {
    Session s;
    REQUIRE(s.run(std::string(kPath) + ":mode dot\nMATCH ()-[r:TREATS]->() RETURN r;"));
    const std::string out = s.out.str();
    const std::string picture = out.substr(out.rfind("digraph result {"));
    INFO(picture);
    REQUIRE(picture.find("[label=\"osimertinib\"") != std::string::npos);
    REQUIRE(picture.find("[label=\"leptomeningeal\\nmetastasis\"") != std::string::npos);
    REQUIRE(picture.find("label=\"#") == std::string::npos);  // no placeholder nodes
}

TEST_CASE("pictures: :schema still shows tables in dot mode", "[pictures]") {
    Session s(dot_mode());
    REQUIRE(s.run("CREATE (:Drug {name: 'x'});\n:schema"));
    REQUIRE(s.out.str().find("Categories") != std::string::npos);
    REQUIRE(s.out.str().find("Drug") != std::string::npos);
}

TEST_CASE("pictures: :show needs a result with graph elements", "[pictures]") {
    Session s;
    REQUIRE_FALSE(s.run(":show"));
    REQUIRE(s.err.str().find("there is none yet") != std::string::npos);
    s.err.str("");
    REQUIRE_FALSE(s.run("RETURN 1 AS one;\n:show"));
    REQUIRE(s.err.str().find(":show: the result holds no nodes") != std::string::npos);
}

TEST_CASE("pictures: :show FILE.dot writes the DOT source", "[pictures]") {
    TempDir dir;
    const auto file = dir.path / "result.dot";
    Session s;
    REQUIRE(s.run(std::string(kPath) + ":show " + file.string()));
    REQUIRE(s.out.str().find("wrote " + file.string() + " (2 nodes, 1 relationship)") !=
            std::string::npos);
    const std::string text = read(file);
    REQUIRE(text.starts_with("digraph result {"));
    REQUIRE(text.find("TREATS · ORR 80.3%") != std::string::npos);
}

TEST_CASE("pictures: :show renders SVG and PNG with Graphviz", "[pictures]") {
    if (!have_dot()) {
        WARN("Graphviz dot is not installed (scripts/setup.sh installs it); skipped");
        return;
    }
    TempDir dir;
    Session s;
    REQUIRE(s.run(std::string(kPath) + ":show " + (dir.path / "a.svg").string() + "\n:show " +
                  (dir.path / "b.png").string()));
    const std::string svg = read(dir.path / "a.svg");
    REQUIRE(svg.find("<svg") != std::string::npos);
    REQUIRE(svg.find(">osimertinib</text>") != std::string::npos);
    REQUIRE(svg.find("TREATS · ORR 80.3%") != std::string::npos);
    REQUIRE(svg.find(">Categories</text>") != std::string::npos);
    REQUIRE(read(dir.path / "b.png").starts_with("\x89PNG"));
    // No intermediate files are left next to the pictures.
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path)) {
        (void)entry;
        ++files;
    }
    REQUIRE(files == 2);

    // Without a file name, the picture goes to a temporary directory and its path is printed.
    s.out.str("");
    REQUIRE(s.run(":show"));
    const std::string said = s.out.str();
    REQUIRE(said.starts_with("wrote "));
    const std::string path = said.substr(6, said.find(" (") - 6);
    REQUIRE(path.ends_with(".svg"));
    REQUIRE(read(path).find("<svg") != std::string::npos);
    std::filesystem::remove(path);
    std::error_code ec;
    std::filesystem::remove(std::filesystem::path(path).parent_path(), ec);  // when empty
}

TEST_CASE("pictures: :show says why when dot is missing or fails", "[pictures]") {
    TempDir dir;
    Session s;
    REQUIRE(s.run(kPath));
    {
        ScopedEnv env("MENINX_DOT", "/nonexistent/dot");
        REQUIRE_FALSE(s.run(":show " + (dir.path / "x.svg").string()));
        REQUIRE(s.err.str().find("error: :show: cannot run /nonexistent/dot") != std::string::npos);
        REQUIRE(s.err.str().find("graphviz") != std::string::npos);
    }
    s.err.str("");
    {
        ScopedEnv env("MENINX_DOT", "false");
        REQUIRE_FALSE(s.run(":show " + (dir.path / "x.svg").string()));
        REQUIRE(s.err.str().find("error: :show: false failed (exit status 1)") !=
                std::string::npos);
    }
    s.err.str("");
    REQUIRE_FALSE(s.run(":show " + (dir.path / "x.txt").string()));
    REQUIRE(s.err.str().find(".svg, .png, .pdf or .dot") != std::string::npos);
    REQUIRE(std::filesystem::is_empty(dir.path));
}
