// The TCK's queries as parser input: how many parse as they are, and a deterministic fuzz that
// mutates them and checks that parse() only ever returns or throws meninx::Exception.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <thread>

#include "parser_test_support.h"
#include "tck_queries.h"

namespace {

using meninx::parser::testing::load_tck_queries;
using meninx::parser::testing::TckQuery;

const std::vector<TckQuery>& tck_queries() {
    static const std::vector<TckQuery> queries =
        load_tck_queries(std::string(MENINX_SHARED_DIR) + "/tck/features");
    return queries;
}

// A small deterministic generator (SplitMix64), so that every run mutates the same way.
class Random {
  public:
    explicit Random(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    size_t below(size_t bound) { return bound == 0 ? 0 : next() % bound; }

  private:
    uint64_t state_;
};

// Pieces of Cypher inserted by the mutations: tokens, fragments and troublesome characters.
const std::vector<std::string>& insertions() {
    static const std::vector<std::string> pieces = {"(",
                                                    ")",
                                                    "[",
                                                    "]",
                                                    "{",
                                                    "}",
                                                    "-",
                                                    "->",
                                                    "<-",
                                                    "--",
                                                    ":",
                                                    ",",
                                                    ".",
                                                    "..",
                                                    "*",
                                                    "|",
                                                    "'",
                                                    "\"",
                                                    "`",
                                                    "\\",
                                                    "$",
                                                    "=",
                                                    "<>",
                                                    "=~",
                                                    "+=",
                                                    "^",
                                                    "%",
                                                    "/*",
                                                    "//",
                                                    "\n",
                                                    " ",
                                                    "MATCH",
                                                    "RETURN",
                                                    "WITH",
                                                    "WHERE",
                                                    "CASE",
                                                    "END",
                                                    "NOT",
                                                    "IN",
                                                    "IS NULL",
                                                    "count(*)",
                                                    "9223372036854775808",
                                                    "-9223372036854775808",
                                                    "0x",
                                                    "1e999",
                                                    ".5",
                                                    "'\\u12'",
                                                    "é",
                                                    "\xe2\x80\x94",
                                                    "\xff",
                                                    std::string(1, '\0'),
                                                    "[x IN l | x]",
                                                    "exists {",
                                                    "shortestPath(",
                                                    "*..",
                                                    "UNION",
                                                    "ALL",
                                                    "DISTINCT",
                                                    "ORDER BY",
                                                    "LIMIT",
                                                    "SKIP",
                                                    "AS",
                                                    "YIELD",
                                                    "CALL"};
    return pieces;
}

// Applies one random edit: delete, insert or swap characters, or delete/duplicate a word.
std::string mutate(const std::string& text, Random& random) {
    std::string out = text;
    size_t at = random.below(out.size() + 1);
    switch (random.below(6)) {
        case 0:  // delete a few characters
            if (!out.empty()) out.erase(std::min(at, out.size() - 1), 1 + random.below(3));
            break;
        case 1:  // insert a piece
            out.insert(at, insertions()[random.below(insertions().size())]);
            break;
        case 2:  // swap two characters
            if (out.size() > 1)
                std::swap(out[random.below(out.size())], out[random.below(out.size())]);
            break;
        case 3: {  // delete a word
            size_t begin = out.find_first_of(" \n", at);
            size_t end = begin == std::string::npos ? begin : out.find_first_of(" \n", begin + 1);
            if (begin != std::string::npos)
                out.erase(begin, end == std::string::npos ? end : end - begin);
            break;
        }
        case 4: {  // duplicate a span
            size_t length = random.below(12);
            out.insert(at, out.substr(std::min(at, out.size()), length));
            break;
        }
        default:  // cut the text short
            out.resize(at);
            break;
    }
    return out;
}

}  // namespace

TEST_CASE("At least 95% of the unmutated TCK queries parse", "[parser][tck]") {
    const auto& queries = tck_queries();
    if (queries.empty()) {
        WARN("no TCK features under " MENINX_SHARED_DIR "/tck/features: skipped");
        return;
    }
    size_t parsed = 0;
    for (const auto& query : queries) {
        try {
            meninx::parser::parse(query.text);
            ++parsed;
        } catch (const meninx::Exception&) {
        }
    }
    std::cout << "TCK queries parsed: " << parsed << " of " << queries.size() << " ("
              << (100.0 * parsed / queries.size()) << "%)\n";
    CHECK(parsed * 100 >= queries.size() * 95);
}

TEST_CASE("Mutated TCK queries either parse or raise a meninx::Exception", "[parser][fuzz]") {
    const auto& queries = tck_queries();
    if (queries.empty()) {
        WARN("no TCK features: skipped");
        return;
    }
    Random random(20261126);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    size_t attempts = 0;
    size_t errors = 0;
    for (size_t round = 0; round < 4 && std::chrono::steady_clock::now() < deadline; ++round) {
        for (const auto& query : queries) {
            if (std::chrono::steady_clock::now() >= deadline) break;
            std::string text = query.text;
            size_t edits = 1 + random.below(3);
            for (size_t i = 0; i < edits; ++i) text = mutate(text, random);
            ++attempts;
            try {
                meninx::parser::parse(text);
            } catch (const meninx::Exception& e) {
                ++errors;
                // Every error the parser raises is a positioned syntax error.
                REQUIRE(e.error().kind == meninx::ErrorKind::Syntax);
                REQUIRE(e.error().line >= 1);
                REQUIRE(e.error().column >= 1);
            } catch (const std::exception& e) {
                FAIL("unexpected " << typeid(e).name() << " (" << e.what() << ") for: " << text);
            } catch (...) {
                FAIL("unexpected non-standard exception for: " << text);
            }
        }
    }
    std::cout << "Fuzzed parses: " << attempts << ", syntax errors: " << errors << "\n";
    CHECK(attempts >= 50);
}

TEST_CASE("parse() may run in several threads at once", "[parser][threads]") {
    const auto& queries = tck_queries();
    if (queries.empty()) {
        WARN("no TCK features: skipped");
        return;
    }
    // Each thread parses the same queries while ANTLR's shared caches are still cold; all must
    // agree with a single-threaded run afterwards.
    const size_t count = std::min<size_t>(queries.size(), 300);
    auto run = [&](std::vector<std::string>& out) {
        for (size_t i = 0; i < count; ++i) {
            try {
                out.push_back(meninx::ast::to_string(meninx::parser::parse(queries[i].text)));
            } catch (const meninx::Exception& e) {
                out.push_back(e.what());
            }
        }
    };
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results) threads.emplace_back(run, std::ref(result));
    for (auto& thread : threads) thread.join();
    std::vector<std::string> expected;
    run(expected);
    REQUIRE(expected.size() == count);
    for (const auto& result : results) CHECK(result == expected);
}
