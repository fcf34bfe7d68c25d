#include "statement_splitter.h"

#include <cctype>

namespace meninx::shell {

void StatementSplitter::add_line(std::string_view line, int line_number) {
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        char next = i + 1 < line.size() ? line[i + 1] : '\0';
        switch (state_) {
            case State::BlockComment:
                if (c == '*' && next == '/') {
                    state_ = State::Code;
                    ++i;
                    if (has_content_) buffer_ += "  ";
                } else if (has_content_) {
                    buffer_ += ' ';
                }
                continue;
            case State::SingleQuoted:
            case State::DoubleQuoted:
                buffer_ += c;
                if (c == '\\' && i + 1 < line.size()) {
                    buffer_ += next;
                    ++i;
                } else if ((c == '\'' && state_ == State::SingleQuoted) ||
                           (c == '"' && state_ == State::DoubleQuoted)) {
                    state_ = State::Code;
                }
                continue;
            case State::Backticked:
                buffer_ += c;
                if (c == '`') state_ = State::Code;
                continue;
            case State::Code:
                break;
        }
        if (c == '/' && next == '/') break;
        if (c == '/' && next == '*') {
            state_ = State::BlockComment;
            ++i;
            if (has_content_) buffer_ += "  ";
            continue;
        }
        if (c == ';') {
            complete();
            continue;
        }
        if (!has_content_) {
            if (std::isspace(static_cast<unsigned char>(c))) continue;
            has_content_ = true;
            start_line_ = line_number;
            start_column_ = static_cast<int>(i) + 1;
        }
        buffer_ += c;
        if (c == '\'') state_ = State::SingleQuoted;
        if (c == '"') state_ = State::DoubleQuoted;
        if (c == '`') state_ = State::Backticked;
    }
    if (has_content_) buffer_ += '\n';
}

void StatementSplitter::complete() {
    if (has_content_) {
        while (!buffer_.empty() && std::isspace(static_cast<unsigned char>(buffer_.back()))) {
            buffer_.pop_back();
        }
        ready_.push_back(Statement{std::move(buffer_), start_line_, start_column_});
    }
    buffer_.clear();
    has_content_ = false;
}

std::vector<Statement> StatementSplitter::take() {
    std::vector<Statement> out = std::move(ready_);
    ready_.clear();
    return out;
}

void StatementSplitter::finish() {
    state_ = State::Code;
    complete();
}

void StatementSplitter::clear() {
    state_ = State::Code;
    buffer_.clear();
    has_content_ = false;
}

}  // namespace meninx::shell
