#include "tck_value.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace meninx::testing {
namespace {

// A recursive-descent reader over one value's text.
class TckValueReader {
  public:
    explicit TckValueReader(std::string_view text) : text_(text) {}

    Value read_all() {
        Value value = read_value();
        skip_space();
        if (pos_ != text_.size()) fail("unexpected text after the value");
        return value;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("cannot read TCK value `" + std::string(text_) + "` at " +
                                 std::to_string(pos_) + ": " + what);
    }

    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
            ++pos_;
        }
    }

    char peek() {
        skip_space();
        return pos_ < text_.size() ? text_[pos_] : '\0';
    }

    bool accept(std::string_view token) {
        skip_space();
        if (text_.substr(pos_, token.size()) != token) return false;
        pos_ += token.size();
        return true;
    }

    void expect(std::string_view token) {
        if (!accept(token)) fail("expected `" + std::string(token) + "`");
    }

    bool accept_word(std::string_view word) {
        skip_space();
        if (text_.substr(pos_, word.size()) != word) return false;
        size_t after = pos_ + word.size();
        if (after < text_.size() &&
            (std::isalnum(static_cast<unsigned char>(text_[after])) || text_[after] == '_')) {
            return false;
        }
        pos_ = after;
        return true;
    }

    std::string read_name() {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == '`') {
            size_t end = text_.find('`', pos_ + 1);
            if (end == std::string_view::npos) fail("unterminated `name`");
            std::string name(text_.substr(pos_ + 1, end - pos_ - 1));
            pos_ = end + 1;
            return name;
        }
        size_t start = pos_;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
            ++pos_;
        }
        if (start == pos_) fail("expected a name");
        return std::string(text_.substr(start, pos_ - start));
    }

    Value read_value() {
        char c = peek();
        if (c == '\'' || c == '"') return Value(read_string());
        if (c == '[') {
            size_t save = pos_;
            ++pos_;
            bool relationship = peek() == ':';
            pos_ = save;
            if (relationship) return Value(read_relationship());
            return read_list();
        }
        if (c == '{') return Value(read_map());
        if (c == '(') return Value(read_node());
        if (c == '<') return read_path();
        if (accept_word("null")) return Value();
        if (accept_word("true")) return Value(true);
        if (accept_word("false")) return Value(false);
        if (accept_word("NaN")) return Value(std::numeric_limits<double>::quiet_NaN());
        if (accept_word("Inf") || accept_word("Infinity")) {
            return Value(std::numeric_limits<double>::infinity());
        }
        if (accept_word("-Inf") || accept_word("-Infinity")) {
            return Value(-std::numeric_limits<double>::infinity());
        }
        return read_number();
    }

    std::string read_string() {
        char quote = text_[pos_++];
        std::string out;
        while (pos_ < text_.size() && text_[pos_] != quote) {
            char c = text_[pos_++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) fail("unterminated escape");
            char e = text_[pos_++];
            switch (e) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                default:
                    out += e;
            }
        }
        if (pos_ >= text_.size()) fail("unterminated string");
        ++pos_;
        return out;
    }

    Value read_number() {
        skip_space();
        size_t start = pos_;
        bool negative = false;
        if (pos_ < text_.size() && (text_[pos_] == '-' || text_[pos_] == '+')) {
            negative = text_[pos_] == '-';
            ++pos_;
        }
        if (text_.substr(pos_, 2) == "0x" || text_.substr(pos_, 2) == "0o") {
            int base = text_[pos_ + 1] == 'x' ? 16 : 8;
            pos_ += 2;
            size_t digits = pos_;
            while (pos_ < text_.size() && std::isxdigit(static_cast<unsigned char>(text_[pos_]))) {
                ++pos_;
            }
            uint64_t magnitude = 0;
            auto [ptr, ec] =
                std::from_chars(text_.data() + digits, text_.data() + pos_, magnitude, base);
            if (ec != std::errc() || ptr != text_.data() + pos_) fail("bad integer");
            return Value(negative ? static_cast<int64_t>(0 - magnitude)
                                  : static_cast<int64_t>(magnitude));
        }
        bool is_float = false;
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                ++pos_;
            } else if (c == '.' || c == 'e' || c == 'E') {
                is_float = true;
                ++pos_;
                if ((c == 'e' || c == 'E') && pos_ < text_.size() &&
                    (text_[pos_] == '-' || text_[pos_] == '+')) {
                    ++pos_;
                }
            } else {
                break;
            }
        }
        std::string number(text_.substr(start, pos_ - start));
        if (number.empty() || number == "-" || number == "+") fail("expected a value");
        if (number[0] == '+') number.erase(0, 1);
        const char* first = number.data();
        const char* last = number.data() + number.size();
        if (is_float) {
            double value = 0;
            auto [ptr, ec] = std::from_chars(first, last, value);
            if (ec != std::errc() || ptr != last) fail("bad float `" + number + "`");
            return Value(value);
        }
        int64_t value = 0;
        auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec != std::errc() || ptr != last) fail("bad integer `" + number + "`");
        return Value(value);
    }

    Value read_list() {
        expect("[");
        List list;
        if (accept("]")) return Value(std::move(list));
        do {
            list.push_back(read_value());
        } while (accept(","));
        expect("]");
        return Value(std::move(list));
    }

    Map read_map() {
        expect("{");
        Map map;
        if (accept("}")) return map;
        do {
            std::string key = read_name();
            expect(":");
            map.insert_or_assign(std::move(key), read_value());
        } while (accept(","));
        expect("}");
        return map;
    }

    Node read_node() {
        expect("(");
        Node node;
        while (accept(":")) node.labels.push_back(read_name());
        node.properties = std::make_shared<const Map>(peek() == '{' ? read_map() : Map{});
        expect(")");
        node.id = ++next_id_;
        return node;
    }

    Relationship read_relationship() {
        expect("[");
        expect(":");
        Relationship rel;
        rel.type = read_name();
        rel.properties = std::make_shared<const Map>(peek() == '{' ? read_map() : Map{});
        expect("]");
        rel.id = ++next_id_;
        return rel;
    }

    Value read_path() {
        expect("<");
        Path path;
        path.nodes.push_back(read_node());
        while (peek() == '-' || peek() == '<') {
            bool backward = accept("<");
            expect("-");
            Relationship rel = read_relationship();
            expect("-");
            bool forward = accept(">");
            if (forward == backward) fail("a path relationship needs exactly one direction");
            Node next = read_node();
            rel.start = forward ? path.nodes.back().id : next.id;
            rel.end = forward ? next.id : path.nodes.back().id;
            path.relationships.push_back(std::move(rel));
            path.nodes.push_back(std::move(next));
        }
        expect(">");
        return Value(std::move(path));
    }

    std::string_view text_;
    size_t pos_ = 0;
    int64_t next_id_ = 0;
};

}  // namespace

Value parse_tck_value(std::string_view text) { return TckValueReader(text).read_all(); }

}  // namespace meninx::testing
