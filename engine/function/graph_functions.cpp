// Functions over nodes, relationships and paths: id, elementId, labels, type, properties, keys,
// nodes, relationships, length, startNode, endNode.
#include "function/builtin_functions.h"

namespace meninx::function {

namespace {

using expression::EvalContext;

Value fn_id(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (v.is_node()) return v.as_node().id;
    if (v.is_relationship()) return v.as_relationship().id;
    type_error("id", "a NODE or a RELATIONSHIP", v);
}

// elementId(x): the id as a string, the form newer Cypher uses for element ids.
Value fn_element_id(std::vector<Value>& args, EvalContext& ctx) {
    Value id = fn_id(args, ctx);
    return id.is_null() ? id : Value(std::to_string(id.as_int()));
}

Value fn_labels(std::vector<Value>& args, EvalContext& ctx) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (!v.is_node()) type_error("labels", "a NODE", v);
    List out;
    for (auto& label : ctx.node_labels(v.as_node().id)) out.emplace_back(std::move(label));
    return out;
}

Value fn_type(std::vector<Value>& args, EvalContext& ctx) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (!v.is_relationship()) type_error("type", "a RELATIONSHIP", v);
    if (!v.as_relationship().type.empty()) return v.as_relationship().type;
    return ctx.hydrate(v).as_relationship().type;
}

Value fn_properties(std::vector<Value>& args, EvalContext& ctx) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (v.is_map()) return v;
    if (v.is_node()) return ctx.node_properties(v.as_node().id);
    if (v.is_relationship()) return ctx.relationship_properties(v.as_relationship().id);
    type_error("properties", "a NODE, a RELATIONSHIP or a MAP", v);
}

Value fn_evidence(std::vector<Value>& args, EvalContext& ctx) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (v.is_relationship()) return ctx.relationship_evidence(v.as_relationship().id);
    type_error("evidence", "a RELATIONSHIP", v);
}

Value fn_keys(std::vector<Value>& args, EvalContext& ctx) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    Map props;
    if (v.is_map()) {
        props = v.as_map();
    } else if (v.is_node()) {
        props = ctx.node_properties(v.as_node().id);
    } else if (v.is_relationship()) {
        props = ctx.relationship_properties(v.as_relationship().id);
    } else {
        type_error("keys", "a NODE, a RELATIONSHIP or a MAP", v);
    }
    List out;
    for (const auto& entry : props) out.emplace_back(entry.first);
    return out;
}

Value fn_nodes(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (!v.is_path()) type_error("nodes", "a PATH", v);
    List out;
    for (const Node& n : v.as_path().nodes) out.emplace_back(n);
    return out;
}

Value fn_relationships(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (!v.is_path()) type_error("relationships", "a PATH", v);
    List out;
    for (const Relationship& r : v.as_path().relationships) out.emplace_back(r);
    return out;
}

Value fn_length(std::vector<Value>& args, EvalContext&) {
    const Value& v = args[0];
    if (v.is_null()) return Value();
    if (!v.is_path()) type_error("length", "a PATH", v);
    return static_cast<int64_t>(v.as_path().relationships.size());
}

Value endpoint(const Value& v, const char* fn, bool start) {
    if (v.is_null()) return Value();
    if (!v.is_relationship()) type_error(fn, "a RELATIONSHIP", v);
    Node n;
    n.id = start ? v.as_relationship().start : v.as_relationship().end;
    return n;
}

Value fn_start_node(std::vector<Value>& args, EvalContext&) {
    return endpoint(args[0], "startNode", true);
}

Value fn_end_node(std::vector<Value>& args, EvalContext&) {
    return endpoint(args[0], "endNode", false);
}

}  // namespace

void add_graph_functions(std::vector<FunctionDef>& table) {
    table.push_back({"id", 1, 1, fn_id});
    table.push_back({"elementId", 1, 1, fn_element_id});
    table.push_back({"labels", 1, 1, fn_labels});
    table.push_back({"type", 1, 1, fn_type});
    table.push_back({"properties", 1, 1, fn_properties});
    table.push_back({"keys", 1, 1, fn_keys});
    table.push_back({"evidence", 1, 1, fn_evidence});
    table.push_back({"nodes", 1, 1, fn_nodes});
    table.push_back({"relationships", 1, 1, fn_relationships});
    table.push_back({"length", 1, 1, fn_length});
    table.push_back({"startNode", 1, 1, fn_start_node});
    table.push_back({"endNode", 1, 1, fn_end_node});
}

}  // namespace meninx::function
