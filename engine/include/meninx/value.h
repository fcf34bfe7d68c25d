// Value: the typed values that flow through queries and come back to the caller.
//
// A Value is null, a boolean, a 64-bit integer, a double, a string, a list, a map, a node, a
// relationship or a path. Composite values are held through shared pointers to immutable data, so
// copying a Value is cheap and a Value may be shared between rows. Values are not thread-safe to
// mutate, but immutable Values may be read from several threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace meninx {

class Value;
using List = std::vector<Value>;
// Maps keep their keys sorted, which makes output and comparison deterministic.
using Map = std::map<std::string, Value, std::less<>>;

// A node as returned to the caller. Inside the engine a node may travel with only its id set;
// labels and properties are filled in ("hydrated") before a result leaves the engine.
struct Node {
    int64_t id = 0;
    std::vector<std::string> labels;
    std::shared_ptr<const Map> properties;  // never null once hydrated
};

// A relationship: its id is the id of the statement (start, type, end) in the triple store.
struct Relationship {
    int64_t id = 0;
    int64_t start = 0;
    int64_t end = 0;
    std::string type;
    std::shared_ptr<const Map> properties;  // never null once hydrated
};

// A path alternates nodes and relationships: nodes.size() == relationships.size() + 1.
struct Path {
    std::vector<Node> nodes;
    std::vector<Relationship> relationships;
};

enum class ValueType : uint8_t {
    Null,
    Bool,
    Int,
    Float,
    String,
    List,
    Map,
    Node,
    Relationship,
    Path,
};

// Returns the openCypher name of a type ("INTEGER", "STRING", "NODE", ...), for messages.
std::string_view type_name(ValueType type);

class Value {
  public:
    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : data_(b) {}
    Value(int v) : data_(static_cast<int64_t>(v)) {}
    Value(int64_t v) : data_(v) {}
    Value(double v) : data_(v) {}
    Value(std::string s) : data_(std::move(s)) {}
    Value(std::string_view s) : data_(std::string(s)) {}
    Value(const char* s) : data_(std::string(s)) {}
    Value(List l) : data_(std::make_shared<const List>(std::move(l))) {}
    Value(Map m) : data_(std::make_shared<const Map>(std::move(m))) {}
    Value(Node n) : data_(std::make_shared<const Node>(std::move(n))) {}
    Value(Relationship r) : data_(std::make_shared<const Relationship>(std::move(r))) {}
    Value(Path p) : data_(std::make_shared<const Path>(std::move(p))) {}

    ValueType type() const { return static_cast<ValueType>(data_.index()); }
    bool is_null() const { return type() == ValueType::Null; }
    bool is_bool() const { return type() == ValueType::Bool; }
    bool is_int() const { return type() == ValueType::Int; }
    bool is_float() const { return type() == ValueType::Float; }
    bool is_number() const { return is_int() || is_float(); }
    bool is_string() const { return type() == ValueType::String; }
    bool is_list() const { return type() == ValueType::List; }
    bool is_map() const { return type() == ValueType::Map; }
    bool is_node() const { return type() == ValueType::Node; }
    bool is_relationship() const { return type() == ValueType::Relationship; }
    bool is_path() const { return type() == ValueType::Path; }

    // Accessors; calling one for the wrong type is a programming error (std::bad_variant_access).
    bool as_bool() const { return std::get<bool>(data_); }
    int64_t as_int() const { return std::get<int64_t>(data_); }
    double as_float() const { return std::get<double>(data_); }
    // Integer or float as a double.
    double as_number() const { return is_int() ? static_cast<double>(as_int()) : as_float(); }
    const std::string& as_string() const { return std::get<std::string>(data_); }
    const List& as_list() const { return *std::get<std::shared_ptr<const List>>(data_); }
    const Map& as_map() const { return *std::get<std::shared_ptr<const Map>>(data_); }
    const Node& as_node() const { return *std::get<std::shared_ptr<const Node>>(data_); }
    const Relationship& as_relationship() const {
        return *std::get<std::shared_ptr<const Relationship>>(data_);
    }
    const Path& as_path() const { return *std::get<std::shared_ptr<const Path>>(data_); }

    // A Cypher literal rendering: strings quoted with ', maps as {k: v}, nodes as
    // (:Label {k: v}), relationships as [:TYPE {k: v}], paths as <(a)-[r]->(b)>.
    std::string to_cypher() const;

  private:
    std::variant<std::monostate, bool, int64_t, double, std::string, std::shared_ptr<const List>,
                 std::shared_ptr<const Map>, std::shared_ptr<const Node>,
                 std::shared_ptr<const Relationship>, std::shared_ptr<const Path>>
        data_;
};

}  // namespace meninx
