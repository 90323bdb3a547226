#include "json.h"

#include "textcodec.h"

#include <charconv>

namespace vmatlas::json {

Value Value::makeBool(bool b)
{
    Value v;
    v.m_kind = Kind::Bool;
    v.m_bool = b;
    return v;
}

Value Value::makeNumber(std::string text)
{
    Value v;
    v.m_kind = Kind::Number;
    v.m_text = std::move(text);
    return v;
}

Value Value::makeString(std::string s)
{
    Value v;
    v.m_kind = Kind::String;
    v.m_text = std::move(s);
    return v;
}

Value Value::makeArray()
{
    Value v;
    v.m_kind = Kind::Array;
    return v;
}

Value Value::makeObject()
{
    Value v;
    v.m_kind = Kind::Object;
    return v;
}

bool Value::toUInt64(std::uint64_t &out) const
{
    if (m_kind != Kind::Number)
        return false;
    auto r = std::from_chars(m_text.data(), m_text.data() + m_text.size(), out);
    return r.ec == std::errc() && r.ptr == m_text.data() + m_text.size();
}

bool Value::toInt64(std::int64_t &out) const
{
    if (m_kind != Kind::Number)
        return false;
    auto r = std::from_chars(m_text.data(), m_text.data() + m_text.size(), out);
    return r.ec == std::errc() && r.ptr == m_text.data() + m_text.size();
}

const Value *Value::find(std::string_view key) const
{
    for (const auto &[k, v] : m_object)
        if (k == key)
            return &v;
    return nullptr;
}

namespace {

class Parser
{
public:
    Parser(std::string_view text, int maxDepth)
        : m_text(text)
        , m_maxDepth(maxDepth)
    {
    }

    Result<Value> run()
    {
        skipWs();
        Value v;
        if (!parseValue(v, 0))
            return error();
        skipWs();
        if (m_pos != m_text.size()) {
            fail("unexpected text after the document");
            return error();
        }
        return v;
    }

private:
    Error error() const
    {
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i < m_errorPos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        return makeError(
            ErrorCode::BadInput, "line " + std::to_string(line) + ", column " + std::to_string(col) + ": " + m_error);
    }

    bool fail(std::string what)
    {
        if (m_error.empty()) {
            m_error = std::move(what);
            m_errorPos = m_pos;
        }
        return false;
    }

    void skipWs()
    {
        while (m_pos < m_text.size()
            && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return fail("unknown literal");
        m_pos += word.size();
        return true;
    }

    bool parseValue(Value &out, int depth)
    {
        if (depth > m_maxDepth)
            return fail("nested too deeply");
        if (m_pos >= m_text.size())
            return fail("the document ends early (truncated?)");
        char c = m_text[m_pos];
        switch (c) {
        case '{':
            return parseObject(out, depth);
        case '[':
            return parseArray(out, depth);
        case '"': {
            std::string s;
            if (!parseString(s))
                return false;
            out = Value::makeString(std::move(s));
            return true;
        }
        case 't':
            out = Value::makeBool(true);
            return literal("true");
        case 'f':
            out = Value::makeBool(false);
            return literal("false");
        case 'n':
            out = Value();
            return literal("null");
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return parseNumber(out);
            return fail(std::string("unexpected character '") + c + "'");
        }
    }

    bool parseNumber(Value &out)
    {
        std::size_t start = m_pos;
        if (m_text[m_pos] == '-')
            ++m_pos;
        auto digits = [&] {
            std::size_t s = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos > s;
        };
        if (!digits())
            return fail("bad number");
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (!digits())
                return fail("bad number");
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                ++m_pos;
            if (!digits())
                return fail("bad number");
        }
        out = Value::makeNumber(std::string(m_text.substr(start, m_pos - start)));
        return true;
    }

    static void appendUtf8(std::string &s, std::uint32_t cp)
    {
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            s += static_cast<char>(0xF0 | (cp >> 18));
            s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(std::uint32_t &cp)
    {
        if (m_pos + 4 > m_text.size())
            return fail("bad \\u escape");
        auto r = std::from_chars(m_text.data() + m_pos, m_text.data() + m_pos + 4, cp, 16);
        if (r.ec != std::errc() || r.ptr != m_text.data() + m_pos + 4)
            return fail("bad \\u escape");
        m_pos += 4;
        return true;
    }

    bool parseString(std::string &s)
    {
        ++m_pos; // opening quote
        std::size_t runStart = m_pos;
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos];
            if (c == '"') {
                s.append(m_text.substr(runStart, m_pos - runStart));
                ++m_pos;
                if (!isValidUtf8(s))
                    return fail("a string is not valid UTF-8");
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("a control character inside a string");
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            s.append(m_text.substr(runStart, m_pos - runStart));
            if (++m_pos >= m_text.size())
                break;
            char e = m_text[m_pos++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                s += e;
                break;
            case 'b':
                s += '\b';
                break;
            case 'f':
                s += '\f';
                break;
            case 'n':
                s += '\n';
                break;
            case 'r':
                s += '\r';
                break;
            case 't':
                s += '\t';
                break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    std::uint32_t lo = 0;
                    if (m_text.substr(m_pos, 2) != "\\u")
                        return fail("a lone surrogate in \\u escape");
                    m_pos += 2;
                    if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF)
                        return fail("a lone surrogate in \\u escape");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return fail("a lone surrogate in \\u escape");
                }
                appendUtf8(s, cp);
                break;
            }
            default:
                return fail("bad escape in a string");
            }
            runStart = m_pos;
        }
        return fail("a string is never closed (truncated?)");
    }

    bool parseArray(Value &out, int depth)
    {
        out = Value::makeArray();
        ++m_pos;
        skipWs();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWs();
            Value item;
            if (!parseValue(item, depth + 1))
                return false;
            out.array().push_back(std::move(item));
            skipWs();
            if (m_pos >= m_text.size())
                return fail("the document ends inside an array (truncated?)");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or ']' in an array");
        }
    }

    bool parseObject(Value &out, int depth)
    {
        out = Value::makeObject();
        ++m_pos;
        skipWs();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipWs();
            if (m_pos >= m_text.size())
                return fail("the document ends inside an object (truncated?)");
            if (m_text[m_pos] != '"')
                return fail("expected a key in an object");
            std::string key;
            if (!parseString(key))
                return false;
            skipWs();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                return fail("expected ':' after a key");
            ++m_pos;
            skipWs();
            Value item;
            if (!parseValue(item, depth + 1))
                return false;
            out.object().emplace_back(std::move(key), std::move(item));
            skipWs();
            if (m_pos >= m_text.size())
                return fail("the document ends inside an object (truncated?)");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or '}' in an object");
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_maxDepth;
    std::string m_error;
    std::size_t m_errorPos = 0;
};

} // namespace

Result<Value> parse(std::string_view text, int maxDepth)
{
    return Parser(text, maxDepth).run();
}

void appendString(std::string &out, std::string_view text)
{
    static const char digits[] = "0123456789abcdef";
    out += '"';
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += "\\u00";
                out += digits[c >> 4];
                out += digits[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
}

} // namespace vmatlas::json
