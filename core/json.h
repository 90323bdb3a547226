#pragma once

#include "result.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vmatlas::json {

// A small JSON document model: enough for VM Atlas's own files, exact for 64-bit integers.
class Value
{
public:
    enum class Kind
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object
    };

    Value() = default;
    static Value makeBool(bool b);
    static Value makeNumber(std::string text); // the literal, kept exact
    static Value makeString(std::string s);
    static Value makeArray();
    static Value makeObject();

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool boolean() const { return m_bool; }
    const std::string &text() const { return m_text; } // string contents or number literal
    bool toUInt64(std::uint64_t &out) const;
    bool toInt64(std::int64_t &out) const;

    const std::vector<Value> &array() const { return m_array; }
    std::vector<Value> &array() { return m_array; }
    const std::vector<std::pair<std::string, Value>> &object() const { return m_object; }
    std::vector<std::pair<std::string, Value>> &object() { return m_object; }
    const Value *find(std::string_view key) const;

private:
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    std::string m_text;
    std::vector<Value> m_array;
    std::vector<std::pair<std::string, Value>> m_object;
};

// Parses a JSON text; errors say "line L, column C: what".
Result<Value> parse(std::string_view text, int maxDepth = 64);

// Appends a JSON string literal (text must be valid UTF-8; control characters are escaped).
void appendString(std::string &out, std::string_view text);

} // namespace vmatlas::json
