#include "line_source.h"

namespace meninx::shell {

namespace {

std::optional<std::string> next_line(std::istream& in) {
    std::string line;
    if (!std::getline(in, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

std::optional<std::string> StreamLineSource::read_line(const std::string&) {
    return next_line(in_);
}

std::optional<std::string> TextLineSource::read_line(const std::string&) {
    return next_line(stream_);
}

}  // namespace meninx::shell
