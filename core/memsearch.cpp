#include "memsearch.h"

#include "platform.h"
#include "units.h"

#include <algorithm>
#include <functional>

namespace vmatlas {

std::string_view textEncodingName(TextEncoding e)
{
    switch (e) {
    case TextEncoding::Ascii:
        return "ascii";
    case TextEncoding::Utf16:
        return "utf16";
    case TextEncoding::Both:
        return "both";
    }
    return "both";
}

bool textEncodingFromString(std::string_view text, TextEncoding &out)
{
    for (TextEncoding e : { TextEncoding::Ascii, TextEncoding::Utf16, TextEncoding::Both })
        if (text == textEncodingName(e)) {
            out = e;
            return true;
        }
    return false;
}

bool parseHexBytes(std::string_view text, std::string &out)
{
    out.clear();
    int pending = -1;
    auto digit = [](char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == ',' || c == ':' || c == '\t') {
            if (pending >= 0)
                return false; // a lone digit
            continue;
        }
        if (c == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X') && pending < 0) {
            ++i;
            continue;
        }
        const int d = digit(c);
        if (d < 0)
            return false;
        if (pending < 0) {
            pending = d;
        } else {
            out += char(pending * 16 + d);
            pending = -1;
        }
    }
    return pending < 0 && !out.empty();
}

bool utf8ToUtf16le(std::string_view text, std::string &out)
{
    out.clear();
    auto put = [&out](std::uint32_t u) {
        out += char(u & 0xff);
        out += char(u >> 8);
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::uint32_t cp = 0;
        std::size_t n = 0;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if ((c & 0xe0) == 0xc0) {
            cp = c & 0x1f;
            n = 2;
        } else if ((c & 0xf0) == 0xe0) {
            cp = c & 0x0f;
            n = 3;
        } else if ((c & 0xf8) == 0xf0) {
            cp = c & 0x07;
            n = 4;
        } else {
            return false;
        }
        if (i + n > text.size())
            return false;
        for (std::size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(0xd800 + (cp >> 10));
            put(0xdc00 + (cp & 0x3ff));
        } else {
            put(cp);
        }
        i += n;
    }
    return true;
}

namespace {

bool printableChar(unsigned char c)
{
    return (c >= 0x20 && c < 0x7f) || c == '\t';
}

// Scans bytes fed in address order; a gap in the addresses ends every run.
class Scanner
{
public:
    Scanner(const SearchOptions &options, const std::function<bool(const SearchHit &)> &onHit, SearchSummary &summary)
        : m_options(options)
        , m_onHit(onHit)
        , m_summary(summary)
    {
        for (const std::string &p : options.patterns)
            m_maxPattern = std::max(m_maxPattern, p.size());
        for (const std::string &p : options.patterns)
            m_searchers.emplace_back(p.begin(), p.end());
    }

    bool stopped() const { return m_stop; }
    void setRegion(std::size_t region) { m_region = region; }

    // data must be preceded in memory by room for m_maxPattern - 1 bytes (the carried tail).
    void feed(Address base, const char *data, std::size_t n)
    {
        if (base != m_next)
            breakRun();
        if (m_options.mode == SearchOptions::Mode::Strings)
            strings(base, data, n);
        else
            bytes(base, data, n);
        m_next = base + n;
    }

    void breakRun()
    {
        endAscii();
        endUtf16();
        m_tail.clear();
        m_next = 0;
    }

private:
    struct Run
    {
        Address start = 0;
        std::uint64_t length = 0; // characters
        std::string text;
    };

    void emit(SearchHit hit)
    {
        if (m_stop)
            return;
        hit.region = m_region;
        ++m_summary.hits;
        if (!m_onHit(hit)) {
            m_stop = true;
            m_summary.stopped = true;
        }
    }

    void endAscii()
    {
        if (m_ascii.length >= m_options.minLength && m_ascii.length > 0)
            emit({ m_ascii.start, m_ascii.length, TextEncoding::Ascii, 0, 0, std::move(m_ascii.text), {}, {} });
        m_ascii = {};
    }
    void endUtf16()
    {
        if (m_utf16.length >= m_options.minLength && m_utf16.length > 0)
            emit({ m_utf16.start, m_utf16.length * 2, TextEncoding::Utf16, 0, 0, std::move(m_utf16.text), {}, {} });
        m_utf16 = {};
    }

    void add(Run &run, Address a, char c)
    {
        if (run.length == 0)
            run.start = a;
        ++run.length;
        if (run.text.size() < m_options.maxTextLength)
            run.text += c;
    }

    void strings(Address base, const char *data, std::size_t n)
    {
        const bool ascii = m_options.encoding != TextEncoding::Utf16;
        const bool utf16 = m_options.encoding != TextEncoding::Ascii;
        for (std::size_t i = 0; i < n && !m_stop; ++i) {
            const auto c = static_cast<unsigned char>(data[i]);
            if (ascii) {
                if (printableChar(c))
                    add(m_ascii, base + i, char(c));
                else
                    endAscii();
            }
            if (utf16 && ((base + i) & 1) == 0) {
                const bool wide = i + 1 < n && printableChar(c) && data[i + 1] == 0;
                if (wide)
                    add(m_utf16, base + i, char(c));
                else
                    endUtf16();
            }
        }
    }

    void bytes(Address base, const char *data, std::size_t n)
    {
        // The tail of the previous piece, so that a match across the boundary is found once.
        const std::size_t t = m_tail.size();
        m_buffer.assign(m_tail);
        m_buffer.append(data, n);
        const Address bufBase = base - t;
        for (std::size_t k = 0; k < m_options.patterns.size() && !m_stop; ++k) {
            const std::string &p = m_options.patterns[k];
            auto it = m_buffer.cbegin();
            for (;;) {
                it = std::search(it, m_buffer.cend(), m_searchers[k]);
                if (it == m_buffer.cend())
                    break;
                const std::size_t at = std::size_t(it - m_buffer.cbegin());
                if (at + p.size() > t) { // not wholly in the tail: not found before
                    SearchHit hit { bufBase + at, p.size(), TextEncoding::Ascii, k, 0, {}, {}, {} };
                    if (const std::size_t context = m_options.hitContext) {
                        const std::size_t from = at - std::min(at, context), end = at + p.size();
                        hit.before.assign(m_buffer, from, at - from);
                        hit.after.assign(m_buffer, end, std::min(context, m_buffer.size() - end));
                    }
                    emit(std::move(hit));
                }
                if (m_stop)
                    break;
                ++it;
            }
        }
        const std::size_t keep = m_maxPattern > 0 ? std::min(m_buffer.size(), m_maxPattern - 1) : 0;
        m_tail.assign(m_buffer, m_buffer.size() - keep, keep);
    }

    const SearchOptions &m_options;
    const std::function<bool(const SearchHit &)> &m_onHit;
    SearchSummary &m_summary;
    std::vector<std::boyer_moore_horspool_searcher<std::string::const_iterator>> m_searchers;
    std::size_t m_maxPattern = 0;
    std::size_t m_region = 0;
    Address m_next = 0;
    Run m_ascii, m_utf16;
    std::string m_tail, m_buffer;
    bool m_stop = false;
};

bool wanted(const Region &r, const SearchOptions &o)
{
    if (r.type == RegionType::Free || r.state != RegionState::Committed || !r.protection.read)
        return false;
    if (!o.types.empty() && std::find(o.types.begin(), o.types.end(), r.type) == o.types.end())
        return false;
    if (!o.uses.empty() && std::find(o.uses.begin(), o.uses.end(), r.use) == o.uses.end())
        return false;
    return r.end > o.rangeStart && r.start < o.rangeEnd;
}

} // namespace

Result<SearchSummary> searchMemory(Pid pid, const std::vector<Region> &regions, const SearchOptions &options,
    const std::function<bool(const SearchHit &)> &onHit, const std::atomic<bool> *cancel,
    const std::function<void(const SearchProgress &)> &progress)
{
    if (options.mode == SearchOptions::Mode::Bytes) {
        if (options.patterns.empty())
            return makeError(ErrorCode::BadInput, "nothing to search for: no pattern");
        for (const std::string &p : options.patterns)
            if (p.empty() || p.size() > 4096)
                return makeError(ErrorCode::BadInput, "a search pattern must be 1 to 4096 bytes long");
    } else if (options.minLength == 0 || options.minLength > 4096) {
        return makeError(ErrorCode::BadInput, "the minimum string length must be 1 to 4096");
    }
    const std::uint32_t ps = systemPageSize();
    const std::size_t chunk = std::max<std::size_t>(ps, options.chunkBytes - options.chunkBytes % ps);
    auto memory = ProcessMemory::open(pid);
    if (!memory)
        return memory.error();

    SearchSummary summary;
    SearchProgress prog;
    std::vector<AddressRange> ranges;
    std::vector<std::size_t> rangeRegion;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const Region &r = regions[i];
        if (!wanted(r, options))
            continue;
        Address lo = std::max(r.start, options.rangeStart), hi = std::min(r.end, options.rangeEnd);
        lo -= lo % ps;
        if (hi % ps)
            hi += ps - hi % ps;
        hi = std::min(hi, r.end);
        ranges.push_back({ lo, hi });
        rangeRegion.push_back(i);
        prog.bytesTotal += hi - lo;
    }
    summary.regions = ranges.size();

    Scanner scanner(options, onHit, summary);
    std::string buffer(chunk, '\0');
    auto exited = [&](const Error &e) -> Error {
        if (e.code == ErrorCode::ProcessExited || e.code == ErrorCode::NoAddressSpace
            || e.code == ErrorCode::NoSuchProcess)
            return makeError(ErrorCode::ProcessExited,
                "process " + std::to_string(pid) + " exited during the search (after " + formatBytes(prog.bytesDone)
                    + " of " + formatBytes(prog.bytesTotal) + ")");
        return e;
    };
    for (std::size_t ri = 0; ri < ranges.size() && !scanner.stopped(); ++ri) {
        scanner.breakRun();
        scanner.setRegion(rangeRegion[ri]);
        for (Address a = ranges[ri].start; a < ranges[ri].end && !scanner.stopped(); a += chunk) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                summary.cancelled = true;
                return summary;
            }
            const Address b = std::min<Address>(a + chunk, ranges[ri].end);
            auto pages = readPages(pid, a, b);
            if (!pages && pages.error().code == ErrorCode::Unsupported && options.readNotPresent)
                pages = std::vector<PageInfo>(); // residency unknown: every page is read, as asked
            else if (!pages)
                return exited(unknownResidency(pages.error()));
            const std::size_t count = (b - a) / ps;
            for (std::size_t i = 0; i < count && !scanner.stopped();) {
                auto readable = [&](std::size_t k) {
                    const PageState st = k < pages->size() ? (*pages)[k].state : PageState::None;
                    if (st == PageState::File || st == PageState::Anon || st == PageState::Zero)
                        return 1;
                    if (st == PageState::Guard)
                        return -1;
                    return options.readNotPresent ? 1 : 0;
                };
                const int kind = readable(i);
                std::size_t j = i + 1;
                while (j < count && readable(j) == kind)
                    ++j;
                if (kind == 0) {
                    summary.bytesNotInRam += (j - i) * ps;
                    scanner.breakRun();
                } else if (kind < 0) {
                    summary.bytesUnreadable += (j - i) * ps;
                    scanner.breakRun();
                } else {
                    // Read the run; a short read leaves its first unreadable page out and goes on after it.
                    std::size_t k = i;
                    while (k < j && !scanner.stopped()) {
                        const Address from = a + k * ps;
                        const std::size_t len = (j - k) * ps;
                        auto got = (*memory)->read(from, buffer.data(), len);
                        if (!got)
                            return exited(got.error());
                        const std::size_t whole = *got - *got % ps;
                        if (whole > 0) {
                            scanner.feed(from, buffer.data(), whole);
                            summary.bytesRead += whole;
                            k += whole / ps;
                        }
                        if (whole < len) {
                            summary.bytesUnreadable += ps;
                            scanner.breakRun();
                            ++k;
                        }
                    }
                }
                i = j;
            }
            prog.bytesDone += b - a;
            prog.hits = summary.hits;
            if (progress)
                progress(prog);
        }
    }
    scanner.breakRun();
    return summary;
}

} // namespace vmatlas
