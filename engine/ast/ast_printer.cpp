#include "ast/ast_printer.h"

#include <charconv>

#include "common/text_escape.h"

namespace meninx::ast {

namespace {

std::string quote(const std::string& text) {
    return "'" + escape_quoted(text, '\'', ControlChars::Raw) + "'";
}

std::string print_double(double value) {
    char buffer[64];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string out(buffer, error == std::errc() ? end : buffer);
    if (out.find_first_of(".eni") == std::string::npos) out += ".0";
    return out;
}

std::string print_value(const Value& value) {
    switch (value.type()) {
        case ValueType::Null:
            return "null";
        case ValueType::Bool:
            return value.as_bool() ? "true" : "false";
        case ValueType::Int:
            return std::to_string(value.as_int());
        case ValueType::Float:
            return print_double(value.as_float());
        case ValueType::String:
            return quote(value.as_string());
        default:
            return "<" + std::string(value.is_list() ? "list" : "value") + ">";
    }
}

std::string print(const ExprPtr& expression) {
    return expression == nullptr ? "_" : to_string(*expression);
}

std::string op_name(Op op) {
    switch (op) {
        case Op::And:
            return "and";
        case Op::Or:
            return "or";
        case Op::Xor:
            return "xor";
        case Op::Not:
            return "not";
        case Op::Eq:
            return "=";
        case Op::Ne:
            return "<>";
        case Op::Lt:
            return "<";
        case Op::Le:
            return "<=";
        case Op::Gt:
            return ">";
        case Op::Ge:
            return ">=";
        case Op::Add:
            return "+";
        case Op::Sub:
            return "-";
        case Op::Mul:
            return "*";
        case Op::Div:
            return "/";
        case Op::Mod:
            return "%";
        case Op::Pow:
            return "^";
        case Op::Negate:
            return "neg";
        case Op::Plus:
            return "pos";
        case Op::StartsWith:
            return "starts_with";
        case Op::EndsWith:
            return "ends_with";
        case Op::Contains:
            return "contains";
        case Op::RegexMatch:
            return "=~";
        case Op::In:
            return "in";
    }
    return "?";
}

std::string quantifier_name(QuantifierKind kind) {
    switch (kind) {
        case QuantifierKind::All:
            return "all";
        case QuantifierKind::Any:
            return "any";
        case QuantifierKind::None:
            return "none";
        case QuantifierKind::Single:
            return "single";
    }
    return "?";
}

// "(head a b c)" from a head and already printed arguments.
std::string form(const std::string& head, const std::vector<std::string>& arguments) {
    std::string out = "(" + head;
    for (const auto& argument : arguments) out += " " + argument;
    return out + ")";
}

std::string print_labels(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& label : labels) out += ":" + label;
    return out;
}

std::string print_node(const NodePattern& node) {
    std::string out = "(" + node.variable + print_labels(node.labels);
    if (node.properties != nullptr) {
        out += (node.variable.empty() && node.labels.empty() ? "" : " ") + print(node.properties);
    }
    return out + ")";
}

std::string print_relationship(const RelationshipPattern& relationship) {
    std::string detail = relationship.variable;
    for (size_t i = 0; i < relationship.types.size(); ++i) {
        detail += (i == 0 ? ":" : "|") + relationship.types[i];
    }
    if (relationship.variable_length) {
        detail += "*";
        const auto& min = relationship.min_hops;
        const auto& max = relationship.max_hops;
        if (min && max && *min == *max) {
            detail += std::to_string(*min);
        } else if (min || max) {
            detail += (min ? std::to_string(*min) : "") + ".." + (max ? std::to_string(*max) : "");
        }
    }
    if (relationship.properties != nullptr) {
        detail += (detail.empty() ? "" : " ") + print(relationship.properties);
    }
    std::string body = detail.empty() ? "--" : "-[" + detail + "]-";
    if (relationship.direction == Direction::Left) return "<" + body;
    if (relationship.direction == Direction::Right) return body + ">";
    return body;
}

std::string print_projection(const Projection& projection) {
    std::string out = projection.distinct ? " DISTINCT" : "";
    std::string separator = " ";
    if (projection.star) {
        out += " *";
        separator = ", ";
    }
    for (const auto& item : projection.items) {
        out += separator + print(item.expression);
        if (item.has_alias) out += " AS " + item.alias;
        separator = ", ";
    }
    if (projection.where != nullptr) out += " WHERE " + print(projection.where);
    for (size_t i = 0; i < projection.order_by.size(); ++i) {
        out += (i == 0 ? " ORDER BY " : ", ") + print(projection.order_by[i].expression);
        if (projection.order_by[i].descending) out += " DESC";
    }
    if (projection.skip != nullptr) out += " SKIP " + print(projection.skip);
    if (projection.limit != nullptr) out += " LIMIT " + print(projection.limit);
    return out;
}

std::string print_set_items(const std::vector<SetItem>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        const SetItem& item = items[i];
        out += i == 0 ? " " : ", ";
        switch (item.kind) {
            case SetItemKind::Property:
                out += print(item.target) + " = " + print(item.value);
                break;
            case SetItemKind::Replace:
                out += print(item.target) + " = " + print(item.value);
                break;
            case SetItemKind::Merge:
                out += print(item.target) + " += " + print(item.value);
                break;
            case SetItemKind::Labels:
                out += print(item.target) + print_labels(item.labels);
                break;
        }
    }
    return out;
}

std::string print_pattern(const Pattern& pattern) {
    std::string out;
    for (size_t i = 0; i < pattern.parts.size(); ++i) {
        out += (i == 0 ? " " : ", ") + to_string(pattern.parts[i]);
    }
    return out;
}

}  // namespace

std::string to_string(const Expression& e) {
    std::vector<std::string> children;
    for (const auto& child : e.children) children.push_back(print(child));
    switch (e.kind) {
        case ExprKind::Literal:
            return print_value(e.value);
        case ExprKind::Parameter:
            return "$" + e.name;
        case ExprKind::Variable:
            return e.name;
        case ExprKind::Property:
            return form(".", {children[0], e.name});
        case ExprKind::List: {
            std::string out = "[";
            for (size_t i = 0; i < children.size(); ++i) out += (i ? ", " : "") + children[i];
            return out + "]";
        }
        case ExprKind::Map: {
            std::string out = "{";
            for (size_t i = 0; i < children.size(); ++i) {
                out += (i ? ", " : "") + e.keys[i] + ": " + children[i];
            }
            return out + "}";
        }
        case ExprKind::FunctionCall: {
            std::vector<std::string> arguments = {e.name};
            if (e.distinct) arguments.push_back("distinct");
            arguments.insert(arguments.end(), children.begin(), children.end());
            return form("call", arguments);
        }
        case ExprKind::CountStar:
            return "(count*)";
        case ExprKind::Unary:
        case ExprKind::Binary:
            return form(op_name(e.op), children);
        case ExprKind::IsNull:
            return form("is_null", children);
        case ExprKind::IsNotNull:
            return form("is_not_null", children);
        case ExprKind::HasLabels:
            return form("labels", {children[0], print_labels(e.labels)});
        case ExprKind::Subscript:
            return form("index", children);
        case ExprKind::Slice:
            return form("slice", children);
        case ExprKind::Case: {
            std::vector<std::string> parts;
            size_t i = 0;
            if (e.case_has_test) parts.push_back(children[i++]);
            size_t end = children.size() - (e.case_has_else ? 1 : 0);
            for (; i + 1 < end; i += 2) {
                parts.push_back(form("when", {children[i], children[i + 1]}));
            }
            if (e.case_has_else) parts.push_back(form("else", {children.back()}));
            return form("case", parts);
        }
        case ExprKind::ListComprehension:
            return form("list_comp", {e.name, children[0], children[1], children[2]});
        case ExprKind::Quantifier:
            return form(quantifier_name(e.quantifier), {e.name, children[0], children[1]});
        case ExprKind::Reduce:
            return form("reduce", {e.keys[0], children[0], e.name, children[1], children[2]});
        case ExprKind::PatternPredicate:
            return form("pattern", {to_string(*e.pattern)});
        case ExprKind::PatternComprehension:
            return form("pattern_comp", {to_string(*e.pattern), children[0], children[1]});
        case ExprKind::Exists: {
            std::vector<std::string> parts;
            if (e.pattern != nullptr) parts.push_back(to_string(*e.pattern));
            parts.insert(parts.end(), children.begin(), children.end());
            return form("exists", parts);
        }
        case ExprKind::CountSubquery: {
            std::vector<std::string> parts;
            if (e.pattern != nullptr) parts.push_back(to_string(*e.pattern));
            parts.insert(parts.end(), children.begin(), children.end());
            return form("count_subquery", parts);
        }
    }
    return "?";
}

std::string to_string(const PatternPart& part) {
    std::string chain = print_node(part.nodes[0]);
    for (size_t i = 0; i < part.relationships.size(); ++i) {
        chain += print_relationship(part.relationships[i]) + print_node(part.nodes[i + 1]);
    }
    if (part.function == PathFunction::ShortestPath) chain = "shortestPath(" + chain + ")";
    if (part.function == PathFunction::AllShortestPaths) chain = "allShortestPaths(" + chain + ")";
    return part.path_variable.empty() ? chain : part.path_variable + " = " + chain;
}

std::string to_string(const Clause& clause) {
    switch (clause.kind) {
        case ClauseKind::Match:
            return std::string(clause.optional ? "OPTIONAL MATCH" : "MATCH") +
                   print_pattern(clause.pattern) +
                   (clause.where ? " WHERE " + print(clause.where) : "");
        case ClauseKind::Unwind:
            return "UNWIND " + print(clause.expression) + " AS " + clause.alias;
        case ClauseKind::With:
            return "WITH" + print_projection(clause.projection);
        case ClauseKind::Return:
            return "RETURN" + print_projection(clause.projection);
        case ClauseKind::Create:
            return "CREATE" + print_pattern(clause.pattern);
        case ClauseKind::Merge: {
            std::string out = "MERGE" + print_pattern(clause.pattern);
            if (!clause.on_create.empty())
                out += " ON CREATE SET" + print_set_items(clause.on_create);
            if (!clause.on_match.empty()) out += " ON MATCH SET" + print_set_items(clause.on_match);
            return out;
        }
        case ClauseKind::Set:
            return "SET" + print_set_items(clause.set_items);
        case ClauseKind::Remove: {
            std::string out = "REMOVE";
            for (size_t i = 0; i < clause.remove_items.size(); ++i) {
                const RemoveItem& item = clause.remove_items[i];
                out += (i == 0 ? " " : ", ") + print(item.target) + print_labels(item.labels);
            }
            return out;
        }
        case ClauseKind::Delete: {
            std::string out = clause.detach ? "DETACH DELETE" : "DELETE";
            for (size_t i = 0; i < clause.delete_expressions.size(); ++i) {
                out += (i == 0 ? " " : ", ") + print(clause.delete_expressions[i]);
            }
            return out;
        }
        case ClauseKind::Call: {
            if (clause.subquery) {
                std::string out = "CALL {";
                const auto& query = *clause.subquery;
                for (size_t p = 0; p < query.parts.size(); ++p) {
                    if (p > 0) out += query.union_all[p - 1] ? " UNION ALL" : " UNION";
                    for (const auto& inner : query.parts[p].clauses) out += " " + to_string(inner);
                }
                return out + " }";
            }
            std::string out = "CALL " + clause.procedure;
            if (!clause.implicit_arguments) {
                out += "(";
                for (size_t i = 0; i < clause.arguments.size(); ++i) {
                    out += (i == 0 ? "" : ", ") + print(clause.arguments[i]);
                }
                out += ")";
            }
            if (clause.yield_star) out += " YIELD *";
            for (size_t i = 0; i < clause.yield_items.size(); ++i) {
                const YieldItem& item = clause.yield_items[i];
                out += (i == 0 ? " YIELD " : ", ") + item.field;
                if (item.alias != item.field) out += " AS " + item.alias;
            }
            if (clause.where != nullptr) out += " WHERE " + print(clause.where);
            return out;
        }
    }
    return "?";
}

std::string to_string(const Statement& statement) {
    std::string out;
    if (statement.mode == ExplainMode::Explain) out += "EXPLAIN ";
    if (statement.mode == ExplainMode::Profile) out += "PROFILE ";
    for (size_t p = 0; p < statement.query.parts.size(); ++p) {
        if (p > 0) out += statement.query.union_all[p - 1] ? " UNION ALL " : " UNION ";
        const auto& clauses = statement.query.parts[p].clauses;
        for (size_t c = 0; c < clauses.size(); ++c)
            out += (c == 0 ? "" : " ") + to_string(clauses[c]);
    }
    return out;
}

}  // namespace meninx::ast
