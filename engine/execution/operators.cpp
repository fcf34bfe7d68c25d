#include "execution/operators.h"

#include <algorithm>
#include <unordered_map>

#include "expression/expression_evaluator.h"
#include "function/function_registry.h"
#include "meninx/error.h"

namespace meninx::execution {

using expression::evaluate;
using expression::evaluate_predicate;

bool Once::next(Row& row) {
    if (done_) return false;
    done_ = true;
    row.assign(width_, Value());
    return true;
}

bool Argument::next(Row& row) {
    if (done_) return false;
    done_ = true;
    row = std::move(row_);
    return true;
}

Apply::Apply(ExecContext& ctx, OperatorPtr input, Factory factory,
             std::vector<std::pair<int, int>> copies)
    : Operator(ctx), factory_(std::move(factory)), copies_(std::move(copies)) {
    children_.push_back(std::move(input));
}

bool Apply::next(Row& row) {
    while (true) {
        if (inner_) {
            Row inner_row;
            while (inner_->pull(inner_row)) {
                if (copies_.empty()) continue;
                row = outer_;
                for (const auto& [from, to] : copies_) row[to] = inner_row[from];
                return true;
            }
            inner_.reset();
            if (copies_.empty()) {
                row = outer_;
                return true;
            }
        }
        if (!child()->pull(outer_)) return false;
        inner_ = factory_(outer_);
    }
}

// --- MATCH ------------------------------------------------------------------------------------

MatchOp::MatchOp(ExecContext& ctx, OperatorPtr input, PatternMatcher matcher, bool optional)
    : Operator(ctx), matcher_(std::move(matcher)), optional_(optional) {
    children_.push_back(std::move(input));
}

bool MatchOp::next(Row& row) {
    while (pos_ >= buffer_.size()) {
        buffer_.clear();
        pos_ = 0;
        if (!child()->pull(row)) return false;
        matcher_.match(row, [&](Row& r) {
            buffer_.push_back(r);
            return true;
        });
        if (buffer_.empty() && optional_) {
            for (int slot : matcher_.new_slots()) row[slot] = Value();
            buffer_.push_back(row);
        }
    }
    row = std::move(buffer_[pos_++]);
    return true;
}

// --- Filter, Unwind, Project ------------------------------------------------------------------

Filter::Filter(ExecContext& ctx, OperatorPtr input, const ast::Expression& predicate)
    : Operator(ctx), predicate_(predicate) {
    children_.push_back(std::move(input));
}

bool Filter::next(Row& row) {
    while (child()->pull(row)) {
        ctx_.check_interrupt();
        if (evaluate_predicate(predicate_, row, ctx_)) return true;
    }
    return false;
}

Unwind::Unwind(ExecContext& ctx, OperatorPtr input, const ast::Expression& list, int slot)
    : Operator(ctx), list_(list), slot_(slot) {
    children_.push_back(std::move(input));
}

bool Unwind::next(Row& row) {
    while (pos_ >= items_.size()) {
        if (!child()->pull(input_)) return false;
        Value v = evaluate(list_, input_, ctx_);
        pos_ = 0;
        if (v.is_null()) {
            items_.clear();
        } else if (v.is_list()) {
            items_ = v.as_list();
        } else {
            items_ = List{v};
        }
    }
    ctx_.check_interrupt();
    row = input_;
    row[slot_] = items_[pos_++];
    return true;
}

Project::Project(ExecContext& ctx, OperatorPtr input, std::vector<Item> items)
    : Operator(ctx), items_(std::move(items)) {
    children_.push_back(std::move(input));
}

std::string Project::detail() const {
    std::string out;
    for (const auto& item : items_) {
        if (!out.empty()) out += ", ";
        out += item.expression->text;
    }
    return out;
}

bool Project::next(Row& row) {
    if (!child()->pull(row)) return false;
    for (const auto& item : items_) row[item.slot] = evaluate(*item.expression, row, ctx_);
    return true;
}

// --- Aggregate --------------------------------------------------------------------------------

Aggregate::Aggregate(ExecContext& ctx, OperatorPtr input, std::vector<Key> keys,
                     std::vector<Agg> aggs, int width)
    : Operator(ctx), keys_(std::move(keys)), aggs_(std::move(aggs)), width_(width) {
    children_.push_back(std::move(input));
}

std::string Aggregate::detail() const {
    std::string out = "keys: ";
    for (size_t i = 0; i < keys_.size(); ++i) {
        out += (i ? ", " : "") + keys_[i].expression->text;
    }
    out += "; aggregates: ";
    for (size_t i = 0; i < aggs_.size(); ++i) out += (i ? ", " : "") + aggs_[i].call->text;
    return out;
}

void Aggregate::consume() {
    struct Group {
        Row first;
        std::vector<std::unique_ptr<function::Aggregator>> aggs;
    };
    std::unordered_map<std::vector<Value>, size_t, value_ops::ValueHash, value_ops::ValueEq> index;
    std::vector<Group> groups;
    auto make_group = [&](const Row& row) {
        Group g;
        g.first = row;
        for (const auto& a : aggs_) {
            bool star = a.call->kind == ast::ExprKind::CountStar;
            g.aggs.push_back(
                function::make_aggregator(star ? "count" : a.call->name, a.call->distinct, star));
        }
        groups.push_back(std::move(g));
        return groups.size() - 1;
    };
    Row row;
    std::vector<Value> key(keys_.size());
    std::vector<Value> args;
    while (child()->pull(row)) {
        ctx_.check_interrupt();
        for (size_t i = 0; i < keys_.size(); ++i)
            key[i] = evaluate(*keys_[i].expression, row, ctx_);
        size_t gi;
        auto it = index.find(key);
        if (it == index.end()) {
            gi = make_group(row);
            index.emplace(key, gi);
        } else {
            gi = it->second;
        }
        for (size_t a = 0; a < aggs_.size(); ++a) {
            args.clear();
            for (const auto& c : aggs_[a].call->children) args.push_back(evaluate(*c, row, ctx_));
            groups[gi].aggs[a]->add(args);
        }
    }
    // Without grouping keys, an empty input still gives one row (count(*) = 0).
    if (groups.empty() && keys_.empty()) {
        make_group(Row(static_cast<size_t>(width_)));
    }
    for (auto& [k, gi] : index) {
        Row& r = groups[gi].first;
        for (size_t i = 0; i < keys_.size(); ++i) r[keys_[i].slot] = k[i];
    }
    for (auto& g : groups) {
        for (size_t a = 0; a < aggs_.size(); ++a) g.first[aggs_[a].slot] = g.aggs[a]->result();
        groups_.push_back(std::move(g.first));
    }
}

bool Aggregate::next(Row& row) {
    if (!consumed_) {
        consume();
        consumed_ = true;
    }
    if (pos_ >= groups_.size()) return false;
    row = std::move(groups_[pos_++]);
    return true;
}

// --- Distinct, Sort, Skip, Limit --------------------------------------------------------------

Distinct::Distinct(ExecContext& ctx, OperatorPtr input, std::vector<int> slots)
    : Operator(ctx), slots_(std::move(slots)) {
    children_.push_back(std::move(input));
}

bool Distinct::next(Row& row) {
    std::vector<Value> key(slots_.size());
    while (child()->pull(row)) {
        for (size_t i = 0; i < slots_.size(); ++i) key[i] = row[slots_[i]];
        if (seen_.insert(key).second) return true;
    }
    return false;
}

Sort::Sort(ExecContext& ctx, OperatorPtr input, std::vector<Key> keys)
    : Operator(ctx), keys_(std::move(keys)) {
    children_.push_back(std::move(input));
}

std::string Sort::detail() const {
    std::string out;
    for (const auto& k : keys_) {
        if (!out.empty()) out += ", ";
        out += k.expression->text + (k.descending ? " DESC" : "");
    }
    return out;
}

bool Sort::next(Row& row) {
    if (!sorted_) {
        sorted_ = true;
        std::vector<std::pair<std::vector<Value>, Row>> keyed;
        Row r;
        while (child()->pull(r)) {
            ctx_.check_interrupt();
            std::vector<Value> k;
            k.reserve(keys_.size());
            for (const auto& key : keys_) k.push_back(evaluate(*key.expression, r, ctx_));
            keyed.emplace_back(std::move(k), r);
        }
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
            for (size_t i = 0; i < keys_.size(); ++i) {
                int c = value_ops::order_compare(a.first[i], b.first[i]);
                if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
            }
            return false;
        });
        rows_.reserve(keyed.size());
        for (auto& kv : keyed) rows_.push_back(std::move(kv.second));
    }
    if (pos_ >= rows_.size()) return false;
    row = std::move(rows_[pos_++]);
    return true;
}

int64_t evaluate_count(ExecContext& ctx, const ast::Expression& e, const char* clause) {
    Row empty;
    Value v = evaluate(e, empty, ctx);
    if (v.is_float() && v.as_float() == static_cast<double>(static_cast<int64_t>(v.as_float()))) {
        // Only integers are accepted, as in openCypher.
    }
    if (!v.is_int()) {
        throw Exception(
            ErrorKind::Argument,
            std::string(clause) + " expects a non-negative integer, got " + v.to_cypher(),
            e.pos.line, e.pos.column);
    }
    if (v.as_int() < 0) {
        throw Exception(ErrorKind::Argument,
                        std::string(clause) + " expects a non-negative integer, got " +
                            std::to_string(v.as_int()),
                        e.pos.line, e.pos.column);
    }
    return v.as_int();
}

Skip::Skip(ExecContext& ctx, OperatorPtr input, const ast::Expression& count)
    : Operator(ctx), count_(count) {
    children_.push_back(std::move(input));
}

bool Skip::next(Row& row) {
    if (!remaining_) remaining_ = evaluate_count(ctx_, count_, "SKIP");
    while (*remaining_ > 0) {
        if (!child()->pull(row)) return false;
        --*remaining_;
    }
    return child()->pull(row);
}

Limit::Limit(ExecContext& ctx, OperatorPtr input, const ast::Expression& count, bool drain_input)
    : Operator(ctx), count_(count), drain_input_(drain_input) {
    children_.push_back(std::move(input));
}

bool Limit::next(Row& row) {
    if (!remaining_) remaining_ = evaluate_count(ctx_, count_, "LIMIT");
    if (*remaining_ <= 0) {
        if (drain_input_) {
            drain_input_ = false;
            while (child()->pull(row)) {
            }
        }
        return false;
    }
    if (!child()->pull(row)) return false;
    --*remaining_;
    return true;
}

// --- Union, Eager -----------------------------------------------------------------------------

Union::Union(ExecContext& ctx, std::vector<OperatorPtr> parts, std::vector<std::vector<int>> slots,
             bool all, std::vector<int> widths)
    : Operator(ctx), slots_(std::move(slots)), all_(all), widths_(std::move(widths)) {
    children_ = std::move(parts);
}

bool Union::next(Row& row) {
    while (current_ < children_.size()) {
        if (!child(current_)->pull(scratch_)) {
            ++current_;
            continue;
        }
        std::vector<Value> out;
        out.reserve(slots_[current_].size());
        for (int s : slots_[current_]) out.push_back(scratch_[s]);
        if (!all_ && !seen_.insert(out).second) continue;
        row = std::move(out);
        return true;
    }
    return false;
}

Eager::Eager(ExecContext& ctx, OperatorPtr input) : Operator(ctx) {
    children_.push_back(std::move(input));
}

bool Eager::next(Row& row) {
    if (!filled_) {
        filled_ = true;
        Row r;
        while (child()->pull(r)) rows_.push_back(r);
    }
    if (pos_ >= rows_.size()) return false;
    row = std::move(rows_[pos_++]);
    return true;
}

}  // namespace meninx::execution
