#include "relucert/io/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace relucert::io {

JsonValue JsonValue::number(double x) {
    if (!std::isfinite(x)) return JsonValue(std::string(std::isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf")));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return number_text(buf);
}
JsonValue JsonValue::number_text(std::string text) {
    JsonValue v;
    v.kind_ = Kind::Number;
    v.text_ = std::move(text);
    return v;
}

namespace {
[[noreturn]] void kind_error(const char* want) { throw JsonError(std::string("JSON: expected ") + want); }
}  // namespace

const std::string& JsonValue::as_string() const {
    if (kind_ != Kind::String) kind_error("a string");
    return text_;
}
bool JsonValue::as_bool() const {
    if (kind_ != Kind::Bool) kind_error("true or false");
    return bool_;
}
double JsonValue::as_double() const {
    if (kind_ != Kind::Number) kind_error("a number");
    return std::strtod(text_.c_str(), nullptr);
}
long long JsonValue::as_integer() const {
    if (kind_ != Kind::Number) kind_error("an integer");
    long long v = 0;
    const char* b = text_.data();
    const char* e = b + text_.size();
    auto [p, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || p != e) kind_error("an integer");
    return v;
}
const JsonValue::Array& JsonValue::as_array() const {
    if (kind_ != Kind::Array) kind_error("an array");
    return array_;
}
JsonValue::Array& JsonValue::as_array() {
    if (kind_ != Kind::Array) kind_error("an array");
    return array_;
}
const JsonValue::Object& JsonValue::as_object() const {
    if (kind_ != Kind::Object) kind_error("an object");
    return object_;
}
const JsonValue* JsonValue::find(std::string_view key) const {
    if (kind_ != Kind::Object) return nullptr;
    for (const auto& [k, v] : object_)
        if (k == key) return &v;
    return nullptr;
}
JsonValue* JsonValue::find_mutable(std::string_view key) {
    if (kind_ != Kind::Object) return nullptr;
    for (auto& [k, v] : object_)
        if (k == key) return &v;
    return nullptr;
}
const JsonValue& JsonValue::at(std::string_view key) const {
    if (kind_ != Kind::Object) kind_error("an object");
    const JsonValue* v = find(key);
    if (!v) throw JsonError("JSON: missing key '" + std::string(key) + "'");
    return *v;
}
const JsonValue& JsonValue::at(std::size_t i) const {
    const auto& a = as_array();
    if (i >= a.size()) throw JsonError("JSON: array index out of range");
    return a[i];
}
std::size_t JsonValue::size() const {
    if (kind_ == Kind::Array) return array_.size();
    if (kind_ == Kind::Object) return object_.size();
    kind_error("an array or object");
}
JsonValue& JsonValue::push_back(JsonValue v) {
    if (kind_ == Kind::Null) kind_ = Kind::Array;
    if (kind_ != Kind::Array) kind_error("an array");
    array_.push_back(std::move(v));
    return array_.back();
}
JsonValue& JsonValue::set(std::string key, JsonValue v) {
    if (kind_ == Kind::Null) kind_ = Kind::Object;
    if (kind_ != Kind::Object) kind_error("an object");
    for (auto& [k, old] : object_)
        if (k == key) return old = std::move(v);
    object_.emplace_back(std::move(key), std::move(v));
    return object_.back().second;
}

std::string json_escape(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

void JsonValue::dump_to(std::string& out, int indent, int level) const {
    auto newline = [&](int lv) {
        if (indent < 0) return;
        out += '\n';
        out.append(static_cast<std::size_t>(indent * lv), ' ');
    };
    switch (kind_) {
        case Kind::Null: out += "null"; break;
        case Kind::Bool: out += bool_ ? "true" : "false"; break;
        case Kind::Number: out += text_; break;
        case Kind::String: out += json_escape(text_); break;
        case Kind::Array: {
            out += '[';
            // Arrays of scalars stay on one line (boxes, points).
            bool flat = true;
            for (const auto& v : array_) flat = flat && !(v.is_array() && v.size() > 2) && !v.is_object();
            for (std::size_t i = 0; i < array_.size(); ++i) {
                if (i) out += indent >= 0 && flat ? ", " : ",";
                if (!flat) newline(level + 1);
                array_[i].dump_to(out, indent, level + 1);
            }
            if (!flat && !array_.empty()) newline(level);
            out += ']';
            break;
        }
        case Kind::Object: {
            out += '{';
            for (std::size_t i = 0; i < object_.size(); ++i) {
                if (i) out += ',';
                newline(level + 1);
                out += json_escape(object_[i].first);
                out += indent >= 0 ? ": " : ":";
                object_[i].second.dump_to(out, indent, level + 1);
            }
            if (!object_.empty()) newline(level);
            out += '}';
            break;
        }
    }
}
std::string JsonValue::dump(int indent) const {
    std::string out;
    dump_to(out, indent, 0);
    return out;
}

namespace {
class Parser {
public:
    explicit Parser(std::string_view t) : t_(t) {}
    JsonValue parse_document() {
        if (t_.size() > (std::size_t{1} << 30)) fail("input too large");
        skip_ws();
        JsonValue v = parse_value(0);
        skip_ws();
        if (i_ != t_.size()) fail("trailing characters");
        return v;
    }

private:
    [[noreturn]] void fail(const char* why) const {
        throw JsonError("JSON parse error at byte " + std::to_string(i_) + ": " + why);
    }
    void skip_ws() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\t' || t_[i_] == '\r')) ++i_;
    }
    bool eat(char c) {
        if (i_ < t_.size() && t_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    void expect_word(std::string_view w) {
        if (t_.substr(i_, w.size()) != w) fail("invalid literal");
        i_ += w.size();
    }
    JsonValue parse_value(int depth) {
        if (depth > 512) fail("nesting too deep");
        if (i_ >= t_.size()) fail("unexpected end of input");
        const char c = t_[i_];
        if (c == '{') return parse_object(depth);
        if (c == '[') return parse_array(depth);
        if (c == '"') return JsonValue(parse_string());
        if (c == 't') { expect_word("true"); return JsonValue(true); }
        if (c == 'f') { expect_word("false"); return JsonValue(false); }
        if (c == 'n') { expect_word("null"); return JsonValue(); }
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number();
        fail("unexpected character");
    }
    JsonValue parse_number() {
        const std::size_t start = i_;
        auto digits = [&] {
            const std::size_t s = i_;
            while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
            return i_ - s;
        };
        eat('-');
        if (i_ < t_.size() && t_[i_] == '0') ++i_;
        else if (digits() == 0) fail("bad number");
        if (eat('.') && digits() == 0) fail("bad fraction");
        if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
            ++i_;
            if (!eat('+')) eat('-');
            if (digits() == 0) fail("bad exponent");
        }
        return JsonValue::number_text(std::string(t_.substr(start, i_ - start)));
    }
    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    unsigned hex4() {
        if (i_ + 4 > t_.size()) fail("bad \\u escape");
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = t_[i_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else fail("bad \\u escape");
        }
        return v;
    }
    std::string parse_string() {
        ++i_;  // opening quote
        std::string out;
        while (true) {
            if (i_ >= t_.size()) fail("unterminated string");
            const unsigned char c = static_cast<unsigned char>(t_[i_++]);
            if (c == '"') return out;
            if (c < 0x20) fail("control character in string");
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            if (i_ >= t_.size()) fail("unterminated escape");
            const char e = t_[i_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00) {
                        if (!(eat('\\') && eat('u'))) fail("lone surrogate");
                        const unsigned lo = hex4();
                        if (lo < 0xDC00 || lo >= 0xE000) fail("bad surrogate pair");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp < 0xE000) {
                        fail("lone surrogate");
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: fail("bad escape");
            }
        }
    }
    JsonValue parse_array(int depth) {
        ++i_;
        JsonValue v = JsonValue::array();
        skip_ws();
        if (eat(']')) return v;
        while (true) {
            skip_ws();
            v.push_back(parse_value(depth + 1));
            skip_ws();
            if (eat(']')) return v;
            if (!eat(',')) fail("expected ',' or ']'");
        }
    }
    JsonValue parse_object(int depth) {
        ++i_;
        JsonValue v = JsonValue::object();
        skip_ws();
        if (eat('}')) return v;
        while (true) {
            skip_ws();
            if (i_ >= t_.size() || t_[i_] != '"') fail("expected a key");
            std::string key = parse_string();
            if (v.find(key)) fail("duplicate key");
            skip_ws();
            if (!eat(':')) fail("expected ':'");
            skip_ws();
            v.set(std::move(key), parse_value(depth + 1));
            skip_ws();
            if (eat('}')) return v;
            if (!eat(',')) fail("expected ',' or '}'");
        }
    }
    std::string_view t_;
    std::size_t i_ = 0;
};
}  // namespace

JsonValue parse_json(std::string_view text) { return Parser(text).parse_document(); }

}  // namespace relucert::io
