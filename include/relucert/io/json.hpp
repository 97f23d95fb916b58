// A small JSON value with a writer and a strict reader (RFC 8259), for certificates and reports.
// Numbers are kept as their source text (JsonValue::number_text), so nothing is lost by parsing: the
// certificate format stores exact values as strings (hex floats, "p/q") anyway. The reader rejects
// trailing garbage, control characters in strings, nesting deeper than 512 and inputs over 1 GiB; it
// throws JsonError with a byte offset, never crashes on malformed input.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relucert::io {

struct JsonError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class JsonValue {
public:
    enum class Kind { Null, Bool, Number, String, Array, Object };
    using Array = std::vector<JsonValue>;
    using Object = std::vector<std::pair<std::string, JsonValue>>;  // insertion order kept

    JsonValue() = default;  // null
    JsonValue(bool b) : kind_(Kind::Bool), bool_(b) {}                       // NOLINT
    JsonValue(const char* s) : kind_(Kind::String), text_(s) {}              // NOLINT
    JsonValue(std::string s) : kind_(Kind::String), text_(std::move(s)) {}   // NOLINT
    JsonValue(int x) : kind_(Kind::Number), text_(std::to_string(x)) {}      // NOLINT
    JsonValue(long long x) : kind_(Kind::Number), text_(std::to_string(x)) {}// NOLINT
    JsonValue(std::size_t x) : kind_(Kind::Number), text_(std::to_string(x)) {}// NOLINT
    // A double written with 17 significant digits (round trip); non-finite values become strings.
    static JsonValue number(double x);
    static JsonValue number_text(std::string text);  // text must be a valid JSON number
    static JsonValue array() { JsonValue v; v.kind_ = Kind::Array; return v; }
    static JsonValue object() { JsonValue v; v.kind_ = Kind::Object; return v; }

    Kind kind() const { return kind_; }
    bool is_null() const { return kind_ == Kind::Null; }
    bool is_string() const { return kind_ == Kind::String; }
    bool is_array() const { return kind_ == Kind::Array; }
    bool is_object() const { return kind_ == Kind::Object; }
    bool is_number() const { return kind_ == Kind::Number; }
    bool is_bool() const { return kind_ == Kind::Bool; }

    // Accessors throw JsonError when the kind is wrong or a key is missing.
    const std::string& as_string() const;
    bool as_bool() const;
    double as_double() const;
    long long as_integer() const;  // a number without fraction/exponent that fits
    const Array& as_array() const;
    Array& as_array();
    const Object& as_object() const;
    const JsonValue& at(std::string_view key) const;
    const JsonValue* find(std::string_view key) const;  // nullptr if absent (or not an object)
    const JsonValue& at(std::size_t i) const;
    std::size_t size() const;

    // Building.
    JsonValue& push_back(JsonValue v);
    JsonValue& set(std::string key, JsonValue v);  // replaces an existing key
    JsonValue* find_mutable(std::string_view key);

    // Serialisation: compact when indent < 0, else pretty with that many spaces per level.
    std::string dump(int indent = -1) const;

private:
    void dump_to(std::string& out, int indent, int level) const;
    Kind kind_ = Kind::Null;
    bool bool_ = false;
    std::string text_;  // string contents or number text
    Array array_;
    Object object_;
};

JsonValue parse_json(std::string_view text);
std::string json_escape(std::string_view s);  // with the surrounding quotes

}  // namespace relucert::io
