// Aggregate functions: results over rows, DISTINCT, empty input and argument errors.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>

#include "expr_fixture.h"
#include "function/function_registry.h"

using namespace meninx;
using meninx::test::vlist;

namespace {

// Feeds each value as the single argument of one row and renders the result.
std::string aggregate(const std::string& name, std::vector<Value> values, bool distinct = false) {
    auto agg = function::make_aggregator(name, distinct);
    for (Value& v : values) agg->add({v});
    return agg->result().to_cypher();
}

std::string percentile(const std::string& name, std::vector<Value> values, Value p) {
    auto agg = function::make_aggregator(name, false);
    for (Value& v : values) agg->add({v, p});
    return agg->result().to_cypher();
}

ErrorKind failure(const std::function<void()>& action) {
    try {
        action();
    } catch (const Exception& e) {
        return e.error().kind;
    }
    return ErrorKind::Internal;
}

}  // namespace

TEST_CASE("count counts non-null values, count(*) counts rows", "[aggregates]") {
    CHECK(aggregate("count", {1, Value(), 2, 2}) == "3");
    CHECK(aggregate("count", {1, Value(), 2, 2}, true) == "2");
    CHECK(aggregate("COUNT", {}) == "0");
    auto star = function::make_aggregator("count", false, true);
    star->add({});
    star->add({});
    CHECK(star->result().to_cypher() == "2");
}

TEST_CASE("sum keeps integers, widens to floats, and reports overflow", "[aggregates]") {
    CHECK(aggregate("sum", {1, 2, Value(), 3}) == "6");
    CHECK(aggregate("sum", {1, 2.5}) == "3.5");
    CHECK(aggregate("sum", {1, 1, 2}, true) == "3");
    CHECK(aggregate("sum", {}) == "0");
    CHECK(failure([] { aggregate("sum", {1, "a"}); }) == ErrorKind::Type);
    CHECK(failure([] {
              aggregate("sum", {std::numeric_limits<int64_t>::max(), 1});
          }) == ErrorKind::Argument);
}

TEST_CASE("avg", "[aggregates]") {
    CHECK(aggregate("avg", {1, 2, Value()}) == "1.5");
    CHECK(aggregate("avg", {2, 2, 5}, true) == "3.5");
    CHECK(aggregate("avg", {}) == "null");
    CHECK(failure([] { aggregate("avg", {true}); }) == ErrorKind::Type);
}

TEST_CASE("min and max follow orderability and skip nulls", "[aggregates]") {
    CHECK(aggregate("min", {3, 1.5, Value(), 2}) == "1.5");
    CHECK(aggregate("max", {3, 1.5, Value(), 2}) == "3");
    CHECK(aggregate("max", {"a", "c", "b"}) == "'c'");
    CHECK(aggregate("min", {"a", 1}) == "'a'");
    CHECK(aggregate("max", {"a", 1}) == "1");
    CHECK(aggregate("max", {vlist({1, 2}), vlist({1, 3})}) == "[1, 3]");
    CHECK(aggregate("min", {}) == "null");
    CHECK(aggregate("max", {Value()}) == "null");
}

TEST_CASE("collect skips nulls", "[aggregates]") {
    CHECK(aggregate("collect", {1, Value(), "a", 1}) == "[1, 'a', 1]");
    CHECK(aggregate("collect", {1, Value(), "a", 1.0}, true) == "[1, 'a']");
    CHECK(aggregate("collect", {}) == "[]");
}

TEST_CASE("stDev and stDevP", "[aggregates]") {
    std::vector<Value> values = {2, 4, 4, 4, 5, 5, 7, 9};
    CHECK(aggregate("stDevP", values) == "2.0");
    double sample = std::stod(aggregate("stDev", values));
    CHECK(sample == Approx(std::sqrt(32.0 / 7.0)));
    CHECK(aggregate("stDev", {1}) == "0.0");
    CHECK(aggregate("stDevP", {}) == "0.0");
}

TEST_CASE("percentileCont and percentileDisc", "[aggregates]") {
    std::vector<Value> values = {10, 20, 30, Value()};
    CHECK(percentile("percentileDisc", values, 0.0) == "10");
    CHECK(percentile("percentileDisc", values, 0.5) == "20");
    CHECK(percentile("percentileDisc", values, 1.0) == "30");
    CHECK(percentile("percentileDisc", {10.0, 20.0}, 0.5) == "10.0");
    CHECK(percentile("percentileCont", values, 0.0) == "10.0");
    CHECK(percentile("percentileCont", values, 0.5) == "20.0");
    CHECK(percentile("percentileCont", values, 0.25) == "15.0");
    CHECK(percentile("percentileCont", values, 1.0) == "30.0");
    CHECK(percentile("percentileCont", {}, 0.5) == "null");
    CHECK(failure([] { percentile("percentileCont", {1}, 1.5); }) == ErrorKind::Argument);
    CHECK(failure([] { percentile("percentileDisc", {1}, -0.1); }) == ErrorKind::Argument);
    CHECK(failure([] { percentile("percentileDisc", {1}, "half"); }) == ErrorKind::Type);
    CHECK(failure([] { percentile("percentileDisc", {"x"}, 0.5); }) == ErrorKind::Type);
}

TEST_CASE("unknown aggregate names are rejected", "[aggregates]") {
    CHECK(failure([] { function::make_aggregator("median", false); }) == ErrorKind::Semantic);
}
