#include "progress_bar.h"

#include <algorithm>
#include <cstdio>

namespace meninx::shell {

namespace {

std::string duration_text(double seconds) {
    auto s = static_cast<int64_t>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
    } else {
        std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60),
                      static_cast<long long>(s % 60));
    }
    return buf;
}

std::string base_name(const std::string& path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string group_digits(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

ProgressBar::ProgressBar(std::ostream& out, size_t width) : out_(out), width_(width) {}

ProgressBar::~ProgressBar() { clear(); }

std::string ProgressBar::line(const ImportProgress& p, size_t width) {
    double seconds = std::chrono::duration<double>(p.elapsed).count();
    std::string rate = seconds > 0 ? group_digits(static_cast<int64_t>(p.rows / seconds)) : "0";
    std::string tail = group_digits(p.rows) + " rows  " + rate + " rows/s";
    std::string head;
    if (p.bytes_total > 0) {
        double fraction =
            std::min(1.0, static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total));
        if (fraction > 0 && fraction < 1) {
            tail += "  ETA " + duration_text(seconds * (1 - fraction) / fraction);
        }
        char percent[8];
        std::snprintf(percent, sizeof percent, "%3d%% ", static_cast<int>(fraction * 100));
        head = percent;
        // The bar takes what is left of the width, between 10 and 40 columns.
        size_t used = head.size() + 3 + tail.size() + 2 + base_name(p.file).size();
        size_t bar = width > used + 10 ? std::min<size_t>(40, width - used) : 10;
        auto filled = static_cast<size_t>(fraction * static_cast<double>(bar));
        head += "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "] ";
    }
    std::string text = head + tail + "  " + base_name(p.file);
    if (width > 0 && text.size() > width) text.resize(width);
    return text;
}

void ProgressBar::update(const ImportProgress& progress) {
    if (progress.elapsed < std::chrono::milliseconds(500)) return;
    out_ << '\r' << line(progress, width_ > 0 ? width_ - 1 : 0) << "\033[K" << std::flush;
    drawn_ = true;
}

void ProgressBar::clear() {
    if (!drawn_) return;
    out_ << "\r\033[K" << std::flush;
    drawn_ = false;
}

}  // namespace meninx::shell
