// The aggregate functions: count, sum, avg, min, max, collect, stDev, stDevP, percentileCont,
// percentileDisc, each optionally DISTINCT. Nulls are ignored by all of them (count(*) counts
// rows). On no input: count and sum give 0, collect gives [], stDev and stDevP give 0.0, the
// others null.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_set>

#include "common/value_ops.h"
#include "function/builtin_functions.h"
#include "meninx/error.h"

namespace meninx::function {

namespace {

// Hash and equivalence over single values, for DISTINCT.
struct SingleHash {
    size_t operator()(const Value& v) const { return value_ops::hash(v); }
};
struct SingleEq {
    bool operator()(const Value& a, const Value& b) const { return value_ops::equivalent(a, b); }
};

// Wraps an aggregator so that each distinct non-null first argument reaches it once.
class DistinctAggregator : public Aggregator {
  public:
    explicit DistinctAggregator(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}
    void add(const std::vector<Value>& args) override {
        if (args.empty() || args[0].is_null()) return;
        if (seen_.insert(args[0]).second) inner_->add(args);
    }
    Value result() const override { return inner_->result(); }

  private:
    std::unique_ptr<Aggregator> inner_;
    std::unordered_set<Value, SingleHash, SingleEq> seen_;
};

class CountAggregator : public Aggregator {
  public:
    explicit CountAggregator(bool star) : star_(star) {}
    void add(const std::vector<Value>& args) override {
        if (star_ || (!args.empty() && !args[0].is_null())) ++count_;
    }
    Value result() const override { return count_; }

  private:
    bool star_;
    int64_t count_ = 0;
};

const Value& first_arg(const std::vector<Value>& args, const char* fn) {
    if (args.empty()) {
        throw Exception(ErrorKind::Internal, std::string(fn) + "() received no argument");
    }
    return args[0];
}

// Sums integers exactly while every input is an integer; switches to float on the first float.
class SumAggregator : public Aggregator {
  public:
    void add(const std::vector<Value>& args) override {
        const Value& v = first_arg(args, "sum");
        if (v.is_null()) return;
        if (!v.is_number()) type_error("sum", "numbers", v);
        if (v.is_int() && !is_float_) {
            if (__builtin_add_overflow(int_sum_, v.as_int(), &int_sum_)) {
                argument_error("sum() overflows the INTEGER range");
            }
            return;
        }
        if (!is_float_) {
            is_float_ = true;
            float_sum_ = static_cast<double>(int_sum_);
        }
        float_sum_ += v.as_number();
    }
    Value result() const override { return is_float_ ? Value(float_sum_) : Value(int_sum_); }

  private:
    bool is_float_ = false;
    int64_t int_sum_ = 0;
    double float_sum_ = 0;
};

class AvgAggregator : public Aggregator {
  public:
    void add(const std::vector<Value>& args) override {
        const Value& v = first_arg(args, "avg");
        if (v.is_null()) return;
        if (!v.is_number()) type_error("avg", "numbers", v);
        ++count_;
        // Running mean: stays accurate and finite for large integers.
        mean_ += (v.as_number() - mean_) / static_cast<double>(count_);
    }
    Value result() const override { return count_ == 0 ? Value() : Value(mean_); }

  private:
    int64_t count_ = 0;
    double mean_ = 0;
};

// min and max by the orderability of values.
class ExtremumAggregator : public Aggregator {
  public:
    explicit ExtremumAggregator(bool max) : max_(max) {}
    void add(const std::vector<Value>& args) override {
        const Value& v = first_arg(args, max_ ? "max" : "min");
        if (v.is_null()) return;
        if (best_.is_null()) {
            best_ = v;
            return;
        }
        int c = value_ops::order_compare(v, best_);
        if (max_ ? c > 0 : c < 0) best_ = v;
    }
    Value result() const override { return best_; }

  private:
    bool max_;
    Value best_;
};

class CollectAggregator : public Aggregator {
  public:
    void add(const std::vector<Value>& args) override {
        const Value& v = first_arg(args, "collect");
        if (!v.is_null()) values_.push_back(v);
    }
    Value result() const override { return values_; }

  private:
    List values_;
};

// Standard deviation with Welford's update; `sample` divides by n - 1, otherwise by n.
class StDevAggregator : public Aggregator {
  public:
    explicit StDevAggregator(bool sample) : sample_(sample) {}
    void add(const std::vector<Value>& args) override {
        const Value& v = first_arg(args, sample_ ? "stDev" : "stDevP");
        if (v.is_null()) return;
        if (!v.is_number()) type_error(sample_ ? "stDev" : "stDevP", "numbers", v);
        double x = v.as_number();
        ++count_;
        double delta = x - mean_;
        mean_ += delta / static_cast<double>(count_);
        m2_ += delta * (x - mean_);
    }
    Value result() const override {
        int64_t denominator = sample_ ? count_ - 1 : count_;
        if (denominator <= 0) return 0.0;
        return std::sqrt(m2_ / static_cast<double>(denominator));
    }

  private:
    bool sample_;
    int64_t count_ = 0;
    double mean_ = 0;
    double m2_ = 0;
};

// percentileCont (interpolated, a float) and percentileDisc (the nearest value at or above
// the percentile's rank, of the values' own type). The percentile is the second argument of
// the first row and must lie in [0, 1].
class PercentileAggregator : public Aggregator {
  public:
    explicit PercentileAggregator(bool continuous) : continuous_(continuous) {}
    void add(const std::vector<Value>& args) override {
        const char* fn = continuous_ ? "percentileCont" : "percentileDisc";
        if (args.size() < 2) {
            throw Exception(ErrorKind::Semantic, std::string(fn) + "() expects 2 arguments");
        }
        if (!have_percentile_) {
            if (args[1].is_null()) type_error(fn, "a number as percentile", args[1]);
            double p = number_arg(fn, args[1]);
            if (!(p >= 0.0 && p <= 1.0)) {
                argument_error(std::string(fn) +
                               "() expects a percentile between 0.0 and 1.0, got " +
                               args[1].to_cypher());
            }
            percentile_ = p;
            have_percentile_ = true;
        }
        const Value& v = args[0];
        if (v.is_null()) return;
        if (!v.is_number()) type_error(fn, "numbers", v);
        values_.push_back(v);
    }
    Value result() const override {
        if (values_.empty()) return Value();
        std::vector<Value> sorted = values_;
        std::sort(sorted.begin(), sorted.end(), [](const Value& a, const Value& b) {
            return value_ops::order_compare(a, b) < 0;
        });
        size_t n = sorted.size();
        if (continuous_) {
            double rank = percentile_ * static_cast<double>(n - 1);
            auto lower = static_cast<size_t>(std::floor(rank));
            auto upper = static_cast<size_t>(std::ceil(rank));
            double lo = sorted[lower].as_number();
            double hi = sorted[upper].as_number();
            return lo + (hi - lo) * (rank - static_cast<double>(lower));
        }
        double rank = std::ceil(percentile_ * static_cast<double>(n));
        size_t index = rank <= 1.0 ? 0 : static_cast<size_t>(rank) - 1;
        return sorted[std::min(index, n - 1)];
    }

  private:
    bool continuous_;
    bool have_percentile_ = false;
    double percentile_ = 0;
    std::vector<Value> values_;
};

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::unique_ptr<Aggregator> make_plain(const std::string& name, bool star) {
    if (name == "count") return std::make_unique<CountAggregator>(star);
    if (name == "sum") return std::make_unique<SumAggregator>();
    if (name == "avg") return std::make_unique<AvgAggregator>();
    if (name == "min") return std::make_unique<ExtremumAggregator>(false);
    if (name == "max") return std::make_unique<ExtremumAggregator>(true);
    if (name == "collect") return std::make_unique<CollectAggregator>();
    if (name == "stdev") return std::make_unique<StDevAggregator>(true);
    if (name == "stdevp") return std::make_unique<StDevAggregator>(false);
    if (name == "percentilecont") return std::make_unique<PercentileAggregator>(true);
    if (name == "percentiledisc") return std::make_unique<PercentileAggregator>(false);
    return nullptr;
}

}  // namespace

std::unique_ptr<Aggregator> make_aggregator(std::string_view name, bool distinct, bool star) {
    std::unique_ptr<Aggregator> agg = make_plain(lowercase(name), star);
    if (!agg) {
        throw Exception(ErrorKind::Semantic,
                        "Unknown aggregate function '" + std::string(name) + "'");
    }
    if (distinct && !star) return std::make_unique<DistinctAggregator>(std::move(agg));
    return agg;
}

}  // namespace meninx::function
