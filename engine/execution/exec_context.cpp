#include "execution/exec_context.h"

#include <memory>
#include <unordered_map>

#include "catalog/evidence.h"
#include "execution/pattern_matcher.h"
#include "expression/expression_evaluator.h"
#include "meninx/error.h"

namespace meninx::execution {

ExecContext::ExecContext(GraphAccess& graph, const Map& parameters, const QueryOptions& options,
                         const std::atomic<bool>& cancelled)
    : graph_(graph), parameters_(parameters), options_(options), cancelled_(cancelled) {
    if (options_.timeout.count() > 0) {
        has_deadline_ = true;
        deadline_ = std::chrono::steady_clock::now() + options_.timeout;
    }
}

namespace {

[[noreturn]] void deleted_entity(const char* what, int64_t id) {
    throw Exception(ErrorKind::Semantic, std::string("The ") + what + " " + std::to_string(id) +
                                             " was deleted by this query; its labels and "
                                             "properties can no longer be read");
}

}  // namespace

// A deleted node or relationship has no statements left, so its reads come back empty; only
// then is it worth asking whether it still exists.
Value ExecContext::node_property(int64_t node, std::string_view key) {
    Value v = graph_.property(node, key);
    if (v.is_null() && !graph_.node_exists(node)) deleted_entity("node", node);
    return v;
}

Value ExecContext::relationship_property(int64_t relationship, std::string_view key) {
    Value v = graph_.property(-relationship, key);
    if (v.is_null() && !graph_.relationship(relationship)) {
        deleted_entity("relationship", relationship);
    }
    return v;
}

std::vector<std::string> ExecContext::node_labels(int64_t node) {
    auto labels = graph_.labels(node);
    if (labels.empty() && !graph_.node_exists(node)) deleted_entity("node", node);
    return labels;
}

Map ExecContext::node_properties(int64_t node) {
    Map properties = graph_.properties(node);
    if (properties.empty() && !graph_.node_exists(node)) deleted_entity("node", node);
    return properties;
}

List ExecContext::relationship_evidence(int64_t relationship) {
    List out;
    for (auto& record : catalog::list_evidence(graph_.store(), relationship)) {
        Map m = std::move(record.fields);
        m["id"] = Value(record.id);
        out.push_back(Value(std::move(m)));
    }
    return out;
}

Map ExecContext::relationship_properties(int64_t relationship) {
    Map properties = graph_.properties(-relationship);
    if (properties.empty() && !graph_.relationship(relationship)) {
        deleted_entity("relationship", relationship);
    }
    return properties;
}

Value ExecContext::hydrate(const Value& value) { return graph_.hydrate(value); }

PatternMatcher& ExecContext::matcher_for(const ast::PatternPart& pattern,
                                         const ast::Expression* where) {
    auto it = matchers_.find(&pattern);
    if (it == matchers_.end()) {
        auto m = std::make_unique<PatternMatcher>(
            *this, std::vector<const ast::PatternPart*>{&pattern}, where);
        it = matchers_.emplace(&pattern, std::move(m)).first;
    }
    return *it->second;
}

bool ExecContext::pattern_exists(const ast::PatternPart& pattern, const Row& row,
                                 const ast::Expression* where) {
    Row scratch = row;
    bool found = false;
    matcher_for(pattern, where).match(scratch, [&](Row&) {
        found = true;
        return false;
    });
    return found;
}

List ExecContext::pattern_comprehension(const ast::Expression& expression, const Row& row) {
    const ast::Expression* where =
        expression.children.size() > 0 ? expression.children[0].get() : nullptr;
    const ast::Expression* projection =
        expression.children.size() > 1 ? expression.children[1].get() : nullptr;
    Row scratch = row;
    List out;
    matcher_for(*expression.pattern, where).match(scratch, [&](Row& r) {
        if (projection) out.push_back(expression::evaluate(*projection, r, *this));
        return true;
    });
    return out;
}

int64_t ExecContext::subquery_rows(const ast::Expression& expression, const Row& row,
                                   int64_t limit) {
    if (!subquery_runner_) {
        throw Exception(ErrorKind::Internal, "a subquery was evaluated without its plan");
    }
    return subquery_runner_(expression, row, limit);
}

int64_t ExecContext::pattern_count(const ast::PatternPart& pattern, const Row& row,
                                   const ast::Expression* where) {
    Row scratch = row;
    int64_t n = 0;
    matcher_for(pattern, where).match(scratch, [&](Row&) {
        ++n;
        return true;
    });
    return n;
}

void ExecContext::check_interrupt() {
    if (cancelled_.load(std::memory_order_relaxed)) {
        throw Exception(ErrorKind::Interrupted, "The query was interrupted");
    }
    if (has_deadline_ && (++ticks_ & 255) == 0 && std::chrono::steady_clock::now() > deadline_) {
        throw Exception(ErrorKind::Limit, "The query ran longer than its time limit of " +
                                              std::to_string(options_.timeout.count()) +
                                              " ms (see the timeout option)");
    }
}

ExecContext::~ExecContext() = default;

}  // namespace meninx::execution
