// Command-line parsing: options, values, and the usage errors that give exit status 2.
#include "arguments.h"

#include <catch2/catch.hpp>

using namespace meninx;
using namespace meninx::shell;

TEST_CASE("Arguments: inputs keep their order, options their values", "[shell]") {
    std::string error;
    auto cl = parse_arguments({"-c", "RETURN 1", "--format", "jsonl", "-f", "q.cypher", "--param",
                               "n=3", "--param", "s=\"x\"", "--read-only", "--bail", "db.meninx"},
                              &error);
    REQUIRE(cl);
    REQUIRE(cl->inputs.size() == 2);
    CHECK_FALSE(cl->inputs[0].is_file);
    CHECK(cl->inputs[0].text == "RETURN 1");
    CHECK(cl->inputs[1].is_file);
    CHECK(cl->shell.mode == OutputMode::Jsonl);
    CHECK(cl->shell.parameters.at("n").as_int() == 3);
    CHECK(cl->shell.parameters.at("s").as_string() == "x");
    CHECK(cl->shell.read_only);
    CHECK(cl->shell.bail);
    CHECK(cl->database == "db.meninx");
}

TEST_CASE("Arguments: usage errors say what is wrong", "[shell]") {
    std::string error;
    CHECK_FALSE(parse_arguments({"--frobnicate"}, &error));
    CHECK(error.find("--frobnicate") != std::string::npos);
    CHECK_FALSE(parse_arguments({"--format", "xml"}, &error));
    CHECK(error.find("xml") != std::string::npos);
    CHECK_FALSE(parse_arguments({"-c"}, &error));
    CHECK_FALSE(parse_arguments({"--param", "x=notjson"}, &error));
    CHECK_FALSE(parse_arguments({"a.db", "b.db"}, &error));
}

TEST_CASE("Arguments: --help names every option", "[shell]") {
    std::string text = usage_text();
    for (const char* option : {"--command", "--file", "--format", "--param", "--read-only",
                               "--bail", "--ascii", "--history", "--version", "--help"}) {
        CHECK(text.find(option) != std::string::npos);
    }
}

TEST_CASE("A --param integer beyond the 64-bit range becomes a float, not a wrapped integer",
          "[shell]") {
    std::string error;
    auto cl = parse_arguments({"--param", "big=18446744073709551615", "--param",
                               "list=[1, 18446744073709551615]", "db.meninx"},
                              &error);
    REQUIRE(cl);
    const Value& big = cl->shell.parameters.at("big");
    REQUIRE(big.is_float());
    CHECK(big.as_float() == 18446744073709551615.0);
    const Value& list = cl->shell.parameters.at("list");
    REQUIRE(list.is_list());
    CHECK(list.as_list()[0].as_int() == 1);
    CHECK(list.as_list()[1].is_float());
}
