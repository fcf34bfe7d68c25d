#include "common/json_value.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "meninx/error.h"

namespace meninx {

using nlohmann::json;

Value value_from_json(const json& j, UnreadableJson unreadable) {
    switch (j.type()) {
        case json::value_t::null:
            return Value();
        case json::value_t::boolean:
            return Value(j.get<bool>());
        case json::value_t::number_integer:
            return Value(j.get<int64_t>());
        case json::value_t::number_unsigned: {
            auto u = j.get<uint64_t>();
            if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
                return Value(static_cast<double>(u));
            }
            return Value(static_cast<int64_t>(u));
        }
        case json::value_t::number_float:
            return Value(j.get<double>());
        case json::value_t::string:
            return Value(j.get<std::string>());
        case json::value_t::array: {
            List out;
            out.reserve(j.size());
            for (const auto& item : j) out.push_back(value_from_json(item, unreadable));
            return Value(std::move(out));
        }
        case json::value_t::object: {
            Map out;
            for (const auto& [key, item] : j.items()) {
                out.emplace(key, value_from_json(item, unreadable));
            }
            return Value(std::move(out));
        }
        default:
            if (unreadable == UnreadableJson::StorageError) {
                throw Exception(ErrorKind::Storage,
                                "a stored list or map holds an unreadable value");
            }
            return Value();
    }
}

}  // namespace meninx
