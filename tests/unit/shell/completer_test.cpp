// Completer: which words Tab offers, by what precedes the word.
#include "completer.h"

#include <catch2/catch.hpp>

using meninx::shell::Completer;

namespace {

Completer sample() {
    Completer c;
    c.set_commands({"help", "history", "quit"});
    c.set_catalog({"Drug", "Disease"}, {"TREATS"}, {"name", "orr_pct"});
    c.set_parameters({"drug"});
    return c;
}

std::vector<std::string> at_end(const Completer& c, std::string_view line, size_t start) {
    return c.complete(line, start, line.size());
}

}  // namespace

TEST_CASE("Completion of commands at the start of a line", "[shell]") {
    auto c = sample();
    CHECK(at_end(c, ":h", 1) == std::vector<std::string>{"help", "history"});
    CHECK(at_end(c, "  :q", 3) == std::vector<std::string>{"quit"});
}

TEST_CASE("Completion of labels, types, property keys and parameters", "[shell]") {
    auto c = sample();
    CHECK(at_end(c, "MATCH (d:D", 9) == std::vector<std::string>{"Disease", "Drug"});
    CHECK(at_end(c, "MATCH (d)-[:T", 12) == std::vector<std::string>{"TREATS"});
    CHECK(at_end(c, "RETURN d.n", 9) == std::vector<std::string>{"name"});
    CHECK(at_end(c, "RETURN $d", 8) == std::vector<std::string>{"drug"});
}

TEST_CASE("Completion of keywords follows the case typed; functions too", "[shell]") {
    auto c = sample();
    CHECK(at_end(c, "MAT", 0) == std::vector<std::string>{"MATCH"});
    CHECK(at_end(c, "mat", 0) == std::vector<std::string>{"match"});
    auto words = at_end(c, "RETURN toL", 7);
    CHECK(words == std::vector<std::string>{"toLower"});
    CHECK(at_end(c, "RETURN zz", 7).empty());
}
