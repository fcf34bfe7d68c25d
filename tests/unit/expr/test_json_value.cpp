// value_from_json: graph values from JSON documents (input files and stored lists and maps).
#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/json_value.h"
#include "meninx/error.h"

using namespace meninx;
using nlohmann::json;

TEST_CASE("JSON scalars become graph scalars", "[json_value]") {
    CHECK(value_from_json(json(nullptr)).is_null());
    Value t = value_from_json(json(true));
    REQUIRE(t.is_bool());
    CHECK(t.as_bool());
    Value s = value_from_json(json("héllo"));
    REQUIRE(s.is_string());
    CHECK(s.as_string() == "héllo");
}

TEST_CASE("JSON integers stay integers up to INT64_MAX", "[json_value]") {
    Value negative = value_from_json(json::parse("-42"));
    REQUIRE(negative.is_int());
    CHECK(negative.as_int() == -42);
    Value smallest = value_from_json(json::parse("-9223372036854775808"));
    REQUIRE(smallest.is_int());
    CHECK(smallest.as_int() == std::numeric_limits<int64_t>::min());
    // The parser reads non-negative integers as unsigned.
    Value largest = value_from_json(json::parse("9223372036854775807"));
    REQUIRE(largest.is_int());
    CHECK(largest.as_int() == std::numeric_limits<int64_t>::max());
    Value unsigned_small = value_from_json(json(uint64_t{7}));
    REQUIRE(unsigned_small.is_int());
    CHECK(unsigned_small.as_int() == 7);
}

TEST_CASE("JSON unsigned integers above INT64_MAX become floats", "[json_value]") {
    Value just_above = value_from_json(json::parse("9223372036854775808"));
    REQUIRE(just_above.is_float());
    CHECK(just_above.as_float() == 9223372036854775808.0);
    Value largest = value_from_json(json(std::numeric_limits<uint64_t>::max()));
    REQUIRE(largest.is_float());
    CHECK(largest.as_float() == static_cast<double>(std::numeric_limits<uint64_t>::max()));
}

TEST_CASE("JSON numbers with a fraction or an exponent are floats", "[json_value]") {
    Value half = value_from_json(json::parse("-0.5"));
    REQUIRE(half.is_float());
    CHECK(half.as_float() == -0.5);
    Value one = value_from_json(json::parse("1.0"));
    REQUIRE(one.is_float());
    CHECK(one.as_float() == 1.0);
    Value big = value_from_json(json::parse("1e300"));
    REQUIRE(big.is_float());
    CHECK(big.as_float() == 1e300);
}

TEST_CASE("JSON arrays and objects become lists and maps, nested", "[json_value]") {
    Value v = value_from_json(json::parse(
        R"({"b": [1, 2.5, "x", null, [true]], "a": {"k": {"deep": 18446744073709551615}},
                        "e": [], "o": {}})"));
    REQUIRE(v.is_map());
    const Map& map = v.as_map();
    REQUIRE(map.size() == 4);

    const Value& b = map.at("b");
    REQUIRE(b.is_list());
    const List& items = b.as_list();
    REQUIRE(items.size() == 5);
    REQUIRE(items[0].is_int());
    CHECK(items[0].as_int() == 1);
    REQUIRE(items[1].is_float());
    CHECK(items[1].as_float() == 2.5);
    REQUIRE(items[2].is_string());
    CHECK(items[2].as_string() == "x");
    CHECK(items[3].is_null());
    REQUIRE(items[4].is_list());
    REQUIRE(items[4].as_list().size() == 1);
    CHECK(items[4].as_list()[0].as_bool());

    const Value& a = map.at("a");
    REQUIRE(a.is_map());
    const Value& k = a.as_map().at("k");
    REQUIRE(k.is_map());
    const Value& deep = k.as_map().at("deep");
    REQUIRE(deep.is_float());
    CHECK(deep.as_float() == 18446744073709551615.0);

    REQUIRE(map.at("e").is_list());
    CHECK(map.at("e").as_list().empty());
    REQUIRE(map.at("o").is_map());
    CHECK(map.at("o").as_map().empty());
    CHECK(map.at("b").to_cypher() == "[1, 2.5, 'x', null, [true]]");
}

TEST_CASE("JSON values with no graph counterpart become null or a storage error", "[json_value]") {
    json with_binary = json::array({1, json::binary({0x01, 0x02})});

    Value lenient = value_from_json(with_binary);
    REQUIRE(lenient.is_list());
    REQUIRE(lenient.as_list().size() == 2);
    CHECK(lenient.as_list()[0].as_int() == 1);
    CHECK(lenient.as_list()[1].is_null());
    CHECK(value_from_json(with_binary, UnreadableJson::AsNull).as_list()[1].is_null());

    try {
        value_from_json(with_binary, UnreadableJson::StorageError);
        FAIL("no exception");
    } catch (const Exception& e) {
        CHECK(e.error().kind == ErrorKind::Storage);
    }
    // Readable documents read the same either way.
    Value strict = value_from_json(json::parse(R"([1, {"x": "y"}])"), UnreadableJson::StorageError);
    CHECK(strict.to_cypher() == "[1, {x: 'y'}]");
}
