// Output formats on hand-made results: tables, CSV (RFC 4180), TSV, JSON, JSON lines, Markdown.
#include "output_format.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "value_text.h"

using namespace meninx;
using namespace meninx::shell;

namespace {

Node drug() {
    return Node{7, {"Drug"}, std::make_shared<const Map>(Map{{"name", Value("osimertinib")}})};
}

Relationship treats() {
    return Relationship{3, 7, 9, "TREATS",
                        std::make_shared<const Map>(Map{{"orr_pct", Value(80.3)}})};
}

Node disease() {
    return Node{9, {"Disease"}, std::make_shared<const Map>(Map{{"name", Value("LM")}})};
}

QueryResult sample() {
    QueryResult r;
    r.columns = {"name", "n", "note"};
    r.rows = {{Value("osimertinib"), Value(int64_t{80}), Value()},
              {Value("a,\"b\""), Value(1.5), Value("line\nbreak")}};
    return r;
}

std::string render(OutputMode mode, const QueryResult& r, FormatOptions options = {}) {
    std::ostringstream out;
    make_formatter(mode, options)->write(r, out);
    return out.str();
}

}  // namespace

TEST_CASE("Values read like Cypher patterns", "[shell]") {
    CHECK(value_text(Value(drug())) == "(:Drug {name: \"osimertinib\"})");
    CHECK(value_text(Value(treats())) == "[:TREATS {orr_pct: 80.3}]");
    CHECK(value_text(Value(Path{{drug(), disease()}, {treats()}})) ==
          "(:Drug {name: \"osimertinib\"})-[:TREATS {orr_pct: 80.3}]->(:Disease {name: \"LM\"})");
    CHECK(value_text(Value(Path{{disease(), drug()}, {treats()}})) ==
          "(:Disease {name: \"LM\"})<-[:TREATS {orr_pct: 80.3}]-(:Drug {name: \"osimertinib\"})");
    CHECK(value_text(Value()) == "NULL");
    CHECK(value_text(Value(List{Value(), Value("x"), Value(2.0)})) == "[null, \"x\", 2.0]");
    CHECK(value_text(Value(Map{{"two words", Value(true)}})) == "{`two words`: true}");
}

TEST_CASE("Table: header, right-aligned numbers, NULL, footer", "[shell]") {
    FormatOptions options;
    options.ascii = true;
    std::string text = render(OutputMode::Table, sample(), options);
    CHECK(text ==
          "+-------------+-----+-------------+\n"
          "| name        | n   | note        |\n"
          "+-------------+-----+-------------+\n"
          "| osimertinib |  80 | NULL        |\n"
          "| a,\"b\"       | 1.5 | line\\nbreak |\n"
          "+-------------+-----+-------------+\n"
          "2 rows\n");
}

TEST_CASE("Table: cut to the width with a mark, row limit with a note", "[shell]") {
    QueryResult r;
    r.columns = {"text"};
    for (int i = 0; i < 5; ++i) r.rows.push_back({Value(std::string(50, 'x'))});
    FormatOptions options;
    options.width = 20;
    options.row_limit = 2;
    std::string text = render(OutputMode::Table, r, options);
    CHECK(text.find("│ xxxxxxxxxxxxxxx… │\n") != std::string::npos);
    CHECK(text.find("… 3 more rows not shown") != std::string::npos);
    CHECK(text.find("5 rows\n") != std::string::npos);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("│")) CHECK(display_width(line) <= 20);
    }
}

TEST_CASE("Table: write counters and timer in the footer, NULL dimmed in colour", "[shell]") {
    QueryResult r;
    r.stats.nodes_created = 1;
    r.stats.properties_set = 2;
    r.elapsed = std::chrono::microseconds(1500);
    FormatOptions options;
    options.timer = true;
    CHECK(render(OutputMode::Table, r, options) == "created 1 node, set 2 properties (1.5 ms)\n");

    options.color = true;
    CHECK(render(OutputMode::Table, sample(), options).find("\033[2mNULL\033[0m") !=
          std::string::npos);
}

TEST_CASE("CSV follows RFC 4180", "[shell]") {
    CHECK(render(OutputMode::Csv, sample()) ==
          "name,n,note\r\nosimertinib,80,\r\n\"a,\"\"b\"\"\",1.5,\"line\nbreak\"\r\n");
}

TEST_CASE("TSV escapes tabs and line breaks", "[shell]") {
    CHECK(render(OutputMode::Tsv, sample()) ==
          "name\tn\tnote\nosimertinib\t80\t\na,\"b\"\t1.5\tline\\nbreak\n");
}

TEST_CASE("JSON is one document with typed values; JSON lines one object per row", "[shell]") {
    QueryResult r = sample();
    r.rows.push_back({Value(drug()), Value(Path{{drug(), disease()}, {treats()}}), Value(true)});
    auto doc = nlohmann::json::parse(render(OutputMode::Json, r));
    REQUIRE(doc.is_array());
    REQUIRE(doc.size() == 3);
    CHECK(doc[0]["n"] == 80);
    CHECK(doc[0]["note"].is_null());
    CHECK(doc[1]["n"] == 1.5);
    CHECK(doc[2]["name"]["labels"][0] == "Drug");
    CHECK(doc[2]["name"]["properties"]["name"] == "osimertinib");
    CHECK(doc[2]["n"]["relationships"][0]["type"] == "TREATS");
    CHECK(doc[2]["n"]["relationships"][0]["properties"]["orr_pct"] == 80.3);

    std::istringstream lines(render(OutputMode::Jsonl, r));
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        CHECK(nlohmann::json::parse(line).is_object());
    }
    CHECK(count == 3);
    CHECK(render(OutputMode::Json, QueryResult{}) == "[]\n");
}

TEST_CASE("Markdown tables escape pipes", "[shell]") {
    QueryResult r;
    r.columns = {"a"};
    r.rows = {{Value("x|y")}};
    CHECK(render(OutputMode::Markdown, r) == "| a |\n| --- |\n| x\\|y |\n");
}

TEST_CASE("Output modes are named in one place", "[shell]") {
    for (auto name : output_mode_names()) {
        auto mode = parse_output_mode(name);
        REQUIRE(mode);
        CHECK(output_mode_name(*mode) == name);
    }
    CHECK_FALSE(parse_output_mode("xml"));
}
