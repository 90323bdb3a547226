#include "smapsparser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <limits>
#include <string>
#include <unordered_map>

namespace vmatlas {

namespace {

bool isHexDigitLower(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

// Hexadecimal as the kernel writes addresses, offsets and devices (lower case; upper case is read too), at most
// the digits T holds.
// Each byte's value as a hexadecimal digit, or 16 for a byte that is none.
constexpr std::array<std::uint8_t, 256> kHexDigits = [] {
    std::array<std::uint8_t, 256> t {};
    for (unsigned c = 0; c < 256; ++c)
        t[c] = c - '0' < 10 ? std::uint8_t(c - '0')
            : c - 'a' < 6   ? std::uint8_t(c - 'a' + 10)
            : c - 'A' < 6   ? std::uint8_t(c - 'A' + 10)
                            : std::uint8_t(16);
    return t;
}();

template <typename T> bool parseHex(std::string_view &s, T &out)
{
    std::size_t i = 0;
    std::uint64_t n = 0;
    const std::size_t limit = std::min(s.size(), sizeof(T) * 2 + 1);
    for (; i < limit; ++i) {
        const unsigned d = kHexDigits[static_cast<unsigned char>(s[i])];
        if (d > 15)
            break;
        n = n << 4 | d;
    }
    if (i == 0 || i > sizeof(T) * 2) // no digit, or more than T holds (leading zeros included: the kernel writes none)
        return false;
    out = static_cast<T>(n);
    s.remove_prefix(i);
    return true;
}

template <typename T> bool parseNumber(std::string_view &s, T &out, int base)
{
    if (base == 16)
        return parseHex(s, out);
    auto r = std::from_chars(s.data(), s.data() + s.size(), out, base);
    if (r.ec != std::errc() || r.ptr == s.data())
        return false;
    s.remove_prefix(static_cast<std::size_t>(r.ptr - s.data()));
    return true;
}

// Hand-rolled: the hot loop of a 1.5-million-line smaps. Rejects overflow.
bool parseDecimal(std::string_view &s, std::uint64_t &out)
{
    std::size_t i = 0;
    std::uint64_t n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        auto d = static_cast<std::uint64_t>(s[i] - '0');
        if (n > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
            return false;
        n = n * 10 + d;
        ++i;
    }
    if (i == 0)
        return false;
    out = n;
    s.remove_prefix(i);
    return true;
}

bool expect(std::string_view &s, char c)
{
    if (s.empty() || s.front() != c)
        return false;
    s.remove_prefix(1);
    return true;
}

void skipSpaces(std::string_view &s)
{
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    s.remove_prefix(i);
}

// Equal bytes, compared eight at a time (the names of smaps fields are short; memcmp's call costs more).
bool sameBytes(const char *a, const char *b, std::size_t n)
{
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y)
            return false;
    }
    for (; n; --n)
        if (*a++ != *b++)
            return false;
    return true;
}

std::string shortQuote(std::string_view line)
{
    std::string q(line.substr(0, 60));
    if (line.size() > 60)
        q += "...";
    return "'" + q + "'";
}

enum class FieldKind
{
    Counter,
    Size,
    KernelPageSize,
    MmuPageSize,
    ThpEligible,
    ProtectionKey,
    VmFlags,
    Unknown
};

struct FieldInfo
{
    std::string_view name;
    FieldKind kind;
    Counter counter;
    // The kernel writes a numeric field as its name and colon padded to 16 bytes, the number right-aligned in
    // 8 columns, then " kB\n": 28 bytes in all. The first 16 as two words, to compare at once.
    std::uint64_t label[2] = { 0, 0 };
    bool inKilobytes = false; // Size, the page sizes and the counters
};

// In the order the kernel prints them, so the lookup usually hits on the first probe.
const std::vector<FieldInfo> &fieldTable()
{
    static const std::vector<FieldInfo> table = [] {
        std::vector<FieldInfo> t;
        t.push_back({ "Size", FieldKind::Size, Counter::Count });
        t.push_back({ "KernelPageSize", FieldKind::KernelPageSize, Counter::Count });
        t.push_back({ "MMUPageSize", FieldKind::MmuPageSize, Counter::Count });
        for (std::size_t i = 0; i < kCounterCount; ++i) {
            auto c = static_cast<Counter>(i);
            t.push_back({ counterSmapsName(c), FieldKind::Counter, c });
        }
        t.push_back({ "THPeligible", FieldKind::ThpEligible, Counter::Count });
        t.push_back({ "ProtectionKey", FieldKind::ProtectionKey, Counter::Count });
        t.push_back({ "VmFlags", FieldKind::VmFlags, Counter::Count });
        for (FieldInfo &f : t) {
            f.inKilobytes = f.kind == FieldKind::Counter || f.kind == FieldKind::Size
                || f.kind == FieldKind::KernelPageSize || f.kind == FieldKind::MmuPageSize;
            if (f.name.size() + 1 > 16)
                continue;
            char padded[16];
            std::memset(padded, ' ', sizeof padded);
            std::memcpy(padded, f.name.data(), f.name.size());
            padded[f.name.size()] = ':';
            std::memcpy(f.label, padded, sizeof padded);
        }
        return t;
    }();
    return table;
}

} // namespace

class SmapsParser::Impl
{
public:
    // Parses whole lines; returns false at the first malformed one.
    bool lines(std::string_view text)
    {
        std::size_t pos = 0;
        while (pos < text.size()) {
            // The run of numeric lines the kernel prints next, read in one go (each counted in m_lineNo).
            if (std::size_t next = expectedNumberLines(text, pos); next != pos) {
                pos = next;
                continue;
            }
            ++m_lineNo;
            const char *nl = static_cast<const char *>(std::memchr(text.data() + pos, '\n', text.size() - pos));
            std::size_t end = nl ? static_cast<std::size_t>(nl - text.data()) : text.size();
            std::string_view line = text.substr(pos, end - pos);
            pos = end + 1;
            if (line.empty())
                continue;
            bool ok = isHexDigitLower(line.front()) ? parseHeader(line) : parseField(line);
            if (!ok) {
                m_error = "line " + std::to_string(m_lineNo) + ": " + m_error;
                m_failed = true;
                return false;
            }
        }
        return true;
    }

    Result<ParsedMaps> result()
    {
        if (m_failed)
            return makeError(ErrorCode::BadInput, m_error);
        return std::move(m_out);
    }

    bool failed() const { return m_failed; }
    void reserve(std::size_t mappings) { m_out.mappings.reserve(mappings); }

private:
    bool fail(std::string message)
    {
        m_error = std::move(message);
        return false;
    }

    bool parseHeader(std::string_view line)
    {
        std::string_view s = line;
        const bool first = m_out.mappings.empty();
        const Address previousEnd = first ? 0 : m_out.mappings.back().end;
        // Filled in place (a region is 256 bytes: no copy into the array); a bad line takes it out again.
        Region &r = m_out.mappings.emplace_back();
        auto bad = [this](std::string message) {
            m_out.mappings.pop_back();
            return fail(message);
        };
        if (!parseNumber(s, r.start, 16) || !expect(s, '-') || !parseNumber(s, r.end, 16) || !expect(s, ' '))
            return bad("bad address range in " + shortQuote(line));
        if (r.end <= r.start)
            return bad("the range ends before it starts in " + shortQuote(line));
        if (!first && r.start < previousEnd)
            return bad("the range overlaps or precedes the previous one in " + shortQuote(line));
        if (s.size() < 5 || !Protection::fromString(s.substr(0, 4), r.protection) || r.protection.sharing == 'c'
            || r.protection.sharing == '-')
            return bad("bad permissions in " + shortQuote(line));
        s.remove_prefix(4);
        if (!expect(s, ' ') || !parseNumber(s, r.offset, 16) || !expect(s, ' '))
            return bad("bad offset in " + shortQuote(line));
        if (!parseNumber(s, r.devMajor, 16) || !expect(s, ':') || !parseNumber(s, r.devMinor, 16) || !expect(s, ' '))
            return bad("bad device in " + shortQuote(line));
        if (!parseNumber(s, r.inode, 10))
            return bad("bad inode in " + shortQuote(line));
        if (!s.empty() && s.front() != ' ')
            return bad("bad inode in " + shortQuote(line));
        skipSpaces(s);
        if (!s.empty())
            r.pathPtr = intern(s);
        m_expected = 0;
        return true;
    }

    std::shared_ptr<const std::string> intern(std::string_view raw)
    {
        if (m_lastPath && m_lastRaw == raw)
            return m_lastPath;
        auto it = m_paths.find(std::string(raw));
        if (it == m_paths.end())
            it = m_paths.emplace(std::string(raw), std::make_shared<const std::string>(unescapeProcPath(raw))).first;
        m_lastRaw = it->first;
        m_lastPath = it->second;
        return m_lastPath;
    }

    // The lines from pos on while each is the numeric field the kernel prints next, whole and well-formed
    // ("Rss:                  12 kB"), applied to the mapping: the position after the last. At anything else
    // (another field, odd spacing, a value to reject with its message) it stops, for the general path to read.
    std::size_t expectedNumberLines(std::string_view text, std::size_t pos)
    {
        const auto &table = *m_table;
        if (m_out.mappings.empty())
            return pos;
        Region &r = m_out.mappings.back();
        const char *p = text.data() + pos;
        const char *const end = text.data() + text.size();
        // The 8 columns of a zero, and the 4 bytes that end every line.
        constexpr char kZero[8] = { ' ', ' ', ' ', ' ', ' ', ' ', ' ', '0' };
        constexpr char kOne[8] = { ' ', ' ', ' ', ' ', ' ', ' ', ' ', '1' };
        constexpr char kTail[4] = { ' ', 'k', 'B', '\n' };
        std::uint64_t zero;
        std::uint32_t tail;
        std::uint64_t one;
        std::memcpy(&zero, kZero, 8);
        std::memcpy(&one, kOne, 8);
        std::memcpy(&tail, kTail, 4);
        std::uint64_t head[3];
        while (m_expected < table.size()) {
            const FieldInfo &f = table[m_expected];
            if (!f.inKilobytes) {
                // "THPeligible:           0" (0 or 1, in 8 columns after the name padded to 16 bytes; before
                // Linux 6.2 right after them, "THPeligible:    0").
                if (f.kind == FieldKind::ThpEligible && end - p >= 18 && f.label[0]
                    && (std::memcpy(head, p, 16), head[0] == f.label[0] && head[1] == f.label[1])) {
                    const char *digit = p + 16;
                    if (end - p >= 25 && p[24] == '\n'
                        && (std::memcpy(&head[2], p + 16, 8), head[2] == zero || head[2] == one))
                        digit = p + 23; // the 8 columns hold 0 or 1
                    if ((*digit == '0' || *digit == '1') && digit[1] == '\n') {
                        r.thpEligible = std::uint8_t(*digit - '0');
                        ++m_expected;
                        ++m_lineNo;
                        p = digit + 2;
                        continue;
                    }
                    break;
                }
                // VmFlags ends the mapping's lines; ProtectionKey, before it, only with protection keys.
                constexpr std::string_view kVmFlags = "VmFlags:";
                if ((f.kind == FieldKind::VmFlags || f.kind == FieldKind::ProtectionKey)
                    && std::size_t(end - p) > kVmFlags.size() && sameBytes(p, kVmFlags.data(), kVmFlags.size())) {
                    if (f.kind == FieldKind::ProtectionKey) {
                        ++m_expected; // not printed: VmFlags is next
                        continue;
                    }
                    const char *nl = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
                    if (!nl)
                        break;
                    std::string_view value(p + kVmFlags.size(), std::size_t(nl - p) - kVmFlags.size());
                    skipSpaces(value);
                    parseVmFlags(r, value);
                    ++m_expected;
                    ++m_lineNo;
                    p = nl + 1;
                    continue;
                }
                break;
            }
            std::uint64_t n = 0;
            const char *q = p;
            std::uint32_t last;
            if (end - q >= 28 && f.label[0]
                && (std::memcpy(head, q, 24), head[0] == f.label[0] && head[1] == f.label[1])
                && (std::memcpy(&last, q + 24, 4), last == tail)) {
                // The kernel's own layout: the number's 8 columns, spaces then at least one digit.
                if (head[2] != zero) {
                    // The leading spaces at once: the first byte of the 8 (the lowest, read little-endian) that
                    // is not one. All spaces is no number (the loop below refuses the last).
                    const std::uint64_t others = head[2] ^ 0x2020202020202020ull;
                    const char *d = q + 16
                        + (std::endian::native == std::endian::little && others
                                ? std::min(__builtin_ctzll(others) / 8, 7)
                                : 0);
                    for (; d < q + 24; ++d) {
                        if (static_cast<unsigned>(*d - '0') >= 10)
                            return std::size_t(p - text.data());
                        n = n * 10 + static_cast<unsigned>(*d - '0');
                    }
                }
                q += 24;
            } else {
                const std::size_t nameSize = f.name.size();
                if (std::size_t(end - q) < nameSize + 6 || q[nameSize] != ':' || !sameBytes(q, f.name.data(), nameSize))
                    break;
                q += nameSize + 1;
                // Wider numbers push the column: eight spaces at a time, then the rest.
                constexpr std::uint64_t kSpaces = 0x2020202020202020ull;
                std::uint64_t word;
                while (end - q >= 8 && (std::memcpy(&word, q, 8), word == kSpaces))
                    q += 8;
                while (q < end && *q == ' ')
                    ++q;
                const char *digits = q;
                while (q < end && static_cast<unsigned>(*q - '0') < 10 && q - digits < 15) // 15 digits of kB fit
                    n = n * 10 + static_cast<unsigned>(*q++ - '0');
                if (q == digits || end - q < 4 || q[0] != ' ' || q[1] != 'k' || q[2] != 'B' || q[3] != '\n')
                    break;
            }
            n *= 1024;
            switch (f.kind) {
            case FieldKind::Counter:
                r.setCounter(f.counter, n);
                break;
            case FieldKind::Size:
                if (n != r.size())
                    return std::size_t(p - text.data());
                break;
            default:
                if (!(f.kind == FieldKind::KernelPageSize ? r.setKernelPageSize(n) : r.setMmuPageSize(n)))
                    return std::size_t(p - text.data());
                break;
            }
            ++m_expected;
            ++m_lineNo;
            p = q + 4;
        }
        return std::size_t(p - text.data());
    }

    const FieldInfo *lookup(std::string_view name)
    {
        // From the field expected on: a kernel leaves some out (ProtectionKey without protection keys), but
        // prints the others in the table's order.
        const auto &table = *m_table;
        for (std::size_t k = 0; k < table.size(); ++k) {
            const std::size_t i = (m_expected + k) % table.size();
            if (table[i].name == name) {
                m_expected = i + 1;
                return &table[i];
            }
        }
        return nullptr;
    }

    bool parseField(std::string_view line)
    {
        auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return fail("neither a mapping nor a field: " + shortQuote(line));
        std::string_view name = line.substr(0, colon);
        if (m_out.mappings.empty())
            return fail("field before the first mapping: " + shortQuote(line));
        Region &r = m_out.mappings.back();
        std::string_view value = line.substr(colon + 1);
        skipSpaces(value);

        const FieldInfo *info = lookup(name);
        if (!info) {
            // Only names the table does not know need checking.
            for (char c : name)
                if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
                    return fail("bad field name in " + shortQuote(line));
            keepExtra(name, value);
            return true;
        }
        if (info->kind == FieldKind::VmFlags)
            return parseVmFlags(r, value);

        std::string_view s = value;
        bool negative = !s.empty() && s.front() == '-';
        if (negative && info->kind != FieldKind::ProtectionKey)
            return fail("negative value in " + shortQuote(line));
        if (negative)
            s.remove_prefix(1);
        std::uint64_t n = 0;
        if (!parseDecimal(s, n))
            return fail("bad number in " + shortQuote(line));
        bool kb = false;
        if (s == " kB")
            kb = true;
        else if (!s.empty())
            return fail("unexpected text after the number in " + shortQuote(line));
        if (kb) {
            if (n > std::numeric_limits<std::uint64_t>::max() / 1024)
                return fail("value too large in " + shortQuote(line));
            n *= 1024;
        }
        switch (info->kind) {
        case FieldKind::Counter:
            r.setCounter(info->counter, n);
            break;
        case FieldKind::Size:
            if (n != r.size())
                return fail("Size disagrees with the mapping's range in " + shortQuote(line));
            break;
        case FieldKind::KernelPageSize:
        case FieldKind::MmuPageSize:
            if (!(info->kind == FieldKind::KernelPageSize ? r.setKernelPageSize(n) : r.setMmuPageSize(n)))
                return fail("page size is not a power of two in " + shortQuote(line));
            break;
        case FieldKind::ThpEligible:
            if (n > 1)
                return fail("THPeligible is neither 0 nor 1 in " + shortQuote(line));
            r.thpEligible = static_cast<std::uint8_t>(n);
            break;
        case FieldKind::ProtectionKey:
            if (negative || n > 127)
                return fail("protection key out of range in " + shortQuote(line));
            r.protectionKey = static_cast<std::int8_t>(n);
            break;
        default:
            break;
        }
        return true;
    }

    // The text is kept as the kernel wrote it (its order, letters this version does not know included); only
    // a token that is not a two-character mnemonic goes to extras.
    bool parseVmFlags(Region &r, std::string_view value)
    {
        // Most mappings carry the flags of one of the last few (code, data, stack...): the same text gives the
        // same result.
        for (const SeenFlags &seen : m_seenFlags) {
            if (seen.text && value == seen.raw) {
                r.vmFlags |= seen.bits;
                r.vmFlagsPtr = seen.text;
                return true;
            }
        }
        const std::uint64_t before = r.vmFlags;
        const std::string_view raw = value;
        std::string text, odd;
        while (!value.empty()) {
            skipSpaces(value);
            auto sp = value.find(' ');
            std::string_view flag = value.substr(0, sp);
            value = sp == std::string_view::npos ? std::string_view {} : value.substr(sp);
            if (flag.empty())
                continue;
            std::uint64_t bits = 0;
            std::string &to = parseVmFlagsText(flag, bits) ? text : odd;
            if (!to.empty())
                to += ' ';
            to += flag;
            r.vmFlags |= bits;
        }
        if (!text.empty()) {
            if (!m_lastFlags || *m_lastFlags != text) {
                auto it = m_flagTexts.find(text);
                if (it == m_flagTexts.end())
                    it = m_flagTexts.emplace(text, std::make_shared<const std::string>(text)).first;
                m_lastFlags = it->second;
            }
            r.vmFlagsPtr = m_lastFlags;
        }
        if (!odd.empty())
            keepExtra("VmFlags", odd);
        // Remembered only when it needs no extras and sets the bits alone (nothing to redo but copy).
        if (odd.empty() && before == 0 && !text.empty()) {
            SeenFlags &seen = m_seenFlags[m_nextSeen++ % m_seenFlags.size()];
            seen.raw.assign(raw.data(), raw.size());
            seen.bits = r.vmFlags;
            seen.text = m_lastFlags;
        }
        return true;
    }

    void keepExtra(std::string_view name, std::string_view value)
    {
        m_out.extras.push_back(
            { static_cast<std::uint32_t>(m_out.mappings.size() - 1), std::string(name), std::string(value) });
    }

    ParsedMaps m_out;
    std::string m_error;
    bool m_failed = false;
    std::size_t m_lineNo = 0;
    std::size_t m_expected = 0;
    const std::vector<FieldInfo> *m_table = &fieldTable();
    std::unordered_map<std::string, std::shared_ptr<const std::string>> m_paths;
    std::string_view m_lastRaw;
    std::shared_ptr<const std::string> m_lastPath;
    std::unordered_map<std::string, std::shared_ptr<const std::string>> m_flagTexts;
    std::shared_ptr<const std::string> m_lastFlags;
    struct SeenFlags
    {
        std::string raw; // a VmFlags value as the kernel wrote it
        std::uint64_t bits = 0;
        std::shared_ptr<const std::string> text; // null: unused
    };
    std::array<SeenFlags, 4> m_seenFlags;
    std::size_t m_nextSeen = 0;
};

std::string unescapeProcPath(std::string_view raw)
{
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && raw.substr(i, 4) == "\\012") {
            out += '\n';
            i += 3;
        } else {
            out += raw[i];
        }
    }
    return out;
}

SmapsParser::SmapsParser()
    : m_impl(new Impl)
{
}

SmapsParser::~SmapsParser()
{
    delete m_impl;
}

bool SmapsParser::feed(std::string_view chunk)
{
    m_bytes += chunk.size();
    if (m_impl->failed())
        return false;
    if (!m_carry.empty()) {
        const char *nl = static_cast<const char *>(std::memchr(chunk.data(), '\n', chunk.size()));
        if (!nl) {
            m_carry.append(chunk);
            return true;
        }
        std::size_t n = static_cast<std::size_t>(nl - chunk.data()) + 1;
        m_carry.append(chunk.substr(0, n));
        chunk.remove_prefix(n);
        bool ok = m_impl->lines(m_carry);
        m_carry.clear();
        if (!ok)
            return false;
    }
    std::size_t lastNl = chunk.rfind('\n');
    if (lastNl == std::string_view::npos) {
        m_carry.assign(chunk);
        return true;
    }
    m_carry.assign(chunk.substr(lastNl + 1));
    return m_impl->lines(chunk.substr(0, lastNl + 1));
}

void SmapsParser::reserve(std::size_t mappings)
{
    m_impl->reserve(mappings);
}

Result<ParsedMaps> SmapsParser::finish()
{
    if (!m_carry.empty() && !m_impl->failed()) {
        m_impl->lines(m_carry);
        m_carry.clear();
    }
    return m_impl->result();
}

Result<ParsedMaps> parseSmaps(std::string_view text)
{
    SmapsParser parser;
    parser.feed(text);
    return parser.finish();
}

} // namespace vmatlas
