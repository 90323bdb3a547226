#include "csv.h"

#include "platform.h"
#include "textcodec.h"
#include "usage.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <system_error>

namespace vmatlas {

namespace {

const std::vector<std::string_view> kExtraCounters = {
    "pss_dirty",
    "referenced",
    "ksm",
    "lazy_free",
    "anon_huge_pages",
    "shmem_pmd_mapped",
    "file_pmd_mapped",
    "shared_hugetlb",
    "private_hugetlb",
    "swap_pss",
};

const std::vector<std::string_view> &columns()
{
    static const std::vector<std::string_view> cols = [] {
        std::vector<std::string_view> c = { "start", "end", "size", "type", "state", "protection", "offset", "device",
            "inode", "path", "label", "rss", "pss", "swap", "shared_clean", "shared_dirty", "private_clean",
            "private_dirty", "anonymous", "locked" };
        c.insert(c.end(), kExtraCounters.begin(), kExtraCounters.end());
        for (std::string_view extra : { "kernel_page_size", "mmu_page_size", "thp_eligible", "protection_key",
                 "vm_flags", "label_kind", "tid", "use", "host", "counters_read_ms" })
            c.push_back(extra);
        return c;
    }();
    return cols;
}

Counter counterForKey(std::string_view key)
{
    for (std::size_t i = 0; i < kCounterCount; ++i)
        if (counterKey(static_cast<Counter>(i)) == key)
            return static_cast<Counter>(i);
    return Counter::Count;
}

bool needsQuotes(std::string_view cell)
{
    return cell.find_first_of(",\"\n\r") != std::string_view::npos;
}

template <typename T> bool parseInt(std::string_view s, T &out)
{
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parseDevice(std::string_view s, Region &r)
{
    auto colon = s.find(':');
    if (colon == std::string_view::npos)
        return false;
    auto a = std::from_chars(s.data(), s.data() + colon, r.devMajor, 16);
    auto b = std::from_chars(s.data() + colon + 1, s.data() + s.size(), r.devMinor, 16);
    return a.ec == std::errc() && a.ptr == s.data() + colon && b.ec == std::errc() && b.ptr == s.data() + s.size();
}

} // namespace

const std::vector<std::string_view> &regionCsvColumns()
{
    return columns();
}

std::string escapeCsvText(std::string_view text)
{
    static const char digits[] = "0123456789abcdef";
    // Whether the byte at j is written as \xHH.
    auto escaped = [&text](std::size_t j) {
        const auto c = static_cast<unsigned char>(text[j]);
        if (c < 0x80)
            return (c < 0x20 && c != '\n') || c == 0x7f;
        return utf8SequenceLength(text, j) == 0;
    };
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    std::string out;
    out.reserve(text.size() + 2);
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\''))
        out += '\'';
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\') {
            // Doubled only where a reader could take it for an escape: when what is written after it
            // starts with a backslash (another one, or an escaped byte) or with x and two hex digits.
            // Windows paths (C:\dir\file) stay as they are.
            const std::size_t j = i + 1;
            const bool ambiguous = j < text.size()
                && (text[j] == '\\' || escaped(j)
                    || (text[j] == 'x' && j + 2 < text.size() && hex(text[j + 1]) && hex(text[j + 2])));
            out += ambiguous ? "\\\\" : "\\";
            ++i;
        } else if (escaped(i)) {
            out += "\\x";
            out += digits[c >> 4];
            out += digits[c & 15];
            ++i;
        } else {
            const std::size_t n = c < 0x80 ? 1 : utf8SequenceLength(text, i);
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

bool unescapeCsvText(std::string_view cell, std::string &out)
{
    out.clear();
    if (!cell.empty() && cell[0] == '\'')
        cell.remove_prefix(1);
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] != '\\') {
            out += cell[i];
            continue;
        }
        if (i + 1 < cell.size() && cell[i + 1] == '\\') {
            out += '\\';
            ++i;
        } else if (i + 3 < cell.size() && cell[i + 1] == 'x' && std::isxdigit(static_cast<unsigned char>(cell[i + 2]))
            && std::isxdigit(static_cast<unsigned char>(cell[i + 3]))) {
            std::string byte;
            fromHex(cell.substr(i + 2, 2), byte);
            out += byte;
            i += 3;
        } else {
            out += '\\'; // a backslash that escapes nothing is itself
        }
    }
    return true;
}

void appendCsvCell(std::string &out, std::string_view cell)
{
    if (!needsQuotes(cell)) {
        out.append(cell);
        return;
    }
    out += '"';
    for (char c : cell) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::string regionsToCsv(const Snapshot &snapshot)
{
    std::string all;
    all.reserve(snapshot.regions.size() * 200 + 512);
    writeRegionsCsv(snapshot, [&all](std::string_view chunk) {
        all.append(chunk);
        return true;
    });
    return all;
}

namespace {

// A buffer written through a cursor: each row checks the room it may need once, then its cells are copied
// in without std::string's checks at every append (the region CSV of 60,000 mappings is 10 MB of text).
// With a sink, a full buffer is handed to it; without one, the buffer grows and keeps the whole text.
class CsvBuffer
{
public:
    explicit CsvBuffer(const ChunkSink *sink, std::size_t capacity)
        : m_sink(sink)
        , m_data(std::make_unique_for_overwrite<char[]>(capacity))
        , m_capacity(capacity)
    {
    }
    // A cursor with at least n bytes of room (the buffer is handed out to the sink first when needed); false
    // when the sink failed.
    bool room(std::size_t n, char *&cursor)
    {
        if (m_capacity - m_used < n) {
            if (!m_sink) {
                const std::size_t capacity = std::max(m_capacity * 2, m_used + n);
                auto grown = std::make_unique_for_overwrite<char[]>(capacity);
                std::memcpy(grown.get(), m_data.get(), m_used);
                m_data = std::move(grown);
                m_capacity = capacity;
            } else {
                if (!flush())
                    return false;
                if (n > m_capacity) { // a row longer than the buffer (a path of thousands of bytes)
                    m_data = std::make_unique_for_overwrite<char[]>(n);
                    m_capacity = n;
                }
            }
        }
        cursor = m_data.get() + m_used;
        return true;
    }
    void commit(const char *cursor) { m_used = std::size_t(cursor - m_data.get()); }
    std::string_view text() const { return std::string_view(m_data.get(), m_used); }
    bool flush()
    {
        const bool ok = m_used == 0 || !m_sink || (*m_sink)(text());
        m_used = 0;
        return ok;
    }

private:
    const ChunkSink *m_sink;
    std::unique_ptr<char[]> m_data;
    std::size_t m_capacity = 0;
    std::size_t m_used = 0;
};

char *put(char *p, std::string_view text)
{
    std::memcpy(p, text.data(), text.size());
    return p + text.size();
}

char *putNumber(char *p, std::uint64_t v)
{
    if (v < 10) { // most counters of most regions are 0
        *p = char('0' + v);
        return p + 1;
    }
    return std::to_chars(p, p + 20, v).ptr;
}

char *putHex(char *p, std::uint64_t v)
{
    *p++ = '0';
    *p++ = 'x';
    return std::to_chars(p, p + 16, v, 16).ptr;
}

// An escaped cell, quoted as appendCsvCell quotes (at most 2 * size + 2 bytes).
char *putCell(char *p, std::string_view cell)
{
    if (!needsQuotes(cell))
        return put(p, cell);
    *p++ = '"';
    for (char c : cell) {
        if (c == '"')
            *p++ = '"';
        *p++ = c;
    }
    *p++ = '"';
    return p;
}

} // namespace

namespace {

const std::vector<Counter> &csvCounters()
{
    static const std::vector<Counter> counters = [] {
        std::vector<Counter> c = { Counter::Rss, Counter::Pss, Counter::Swap, Counter::SharedClean,
            Counter::SharedDirty, Counter::PrivateClean, Counter::PrivateDirty, Counter::Anonymous, Counter::Locked };
        for (std::string_view k : kExtraCounters)
            c.push_back(counterForKey(k));
        return c;
    }();
    return counters;
}

// The rows of regions [from, to) into buffer.
bool writeRegionRows(const Snapshot &snapshot, std::size_t from, std::size_t to, CsvBuffer &buffer)
{
    const std::vector<Counter> &counters = csvCounters();
    char *p = nullptr;
    std::string host; // the same on every row: the machine it was read on, empty for this one
    appendCsvCell(host, escapeCsvText(snapshot.host));
    // A live tick's carried counters (PSS, shared, private, dirty...) were read at this time (ms since the epoch):
    // the same on every row, empty when every counter was read with the snapshot.
    const std::string countersRead
        = snapshot.countersReadMs > 0 ? std::to_string(snapshot.countersReadMs) : std::string();
    const std::string *lastPath = nullptr;
    std::string escapedPath, escapedLabel;
    std::uint64_t lastFlags = 0;
    std::string flagsText;
    bool flagsKnown = false;
    // Every cell but the texts: 5 hex addresses and numbers of at most 20 digits, 19 counters, the short
    // names and keys, the commas; well under this.
    constexpr std::size_t kFixedRowBytes = 1024;
    for (std::size_t i = from; i < to; ++i) {
        const Region &r = snapshot.regions[i];
        if (r.pathPtr.get() != lastPath) {
            lastPath = r.pathPtr.get();
            escapedPath = r.pathPtr ? escapeCsvText(*r.pathPtr) : std::string {};
        }
        escapedLabel.clear();
        if (r.labelKind != LabelKind::None)
            escapedLabel = escapeCsvText(r.label());
        std::string_view flags;
        if (r.vmFlagsPtr) {
            flags = *r.vmFlagsPtr; // the kernel's text: mnemonics and spaces, nothing to quote
        } else {
            if (r.vmFlags != lastFlags || !flagsKnown) {
                lastFlags = r.vmFlags;
                flagsText = vmFlagsToString(r.vmFlags);
                flagsKnown = true;
            }
            flags = flagsText;
        }
        const std::size_t need
            = kFixedRowBytes + 2 * (escapedPath.size() + escapedLabel.size()) + 4 + flags.size() + host.size() + 24;
        if (!buffer.room(need, p))
            return false;
        p = putHex(p, r.start);
        *p++ = ',';
        p = putHex(p, r.end);
        *p++ = ',';
        p = putNumber(p, r.size());
        *p++ = ',';
        p = put(p, regionTypeName(r.type));
        *p++ = ',';
        p = put(p, regionStateName(r.state));
        *p++ = ',';
        *p++ = r.protection.read ? 'r' : '-';
        *p++ = r.protection.write ? 'w' : '-';
        *p++ = r.protection.execute ? 'x' : '-';
        *p++ = r.protection.sharing;
        *p++ = ',';
        p = putHex(p, r.offset);
        *p++ = ',';
        p = put(p, r.device());
        *p++ = ',';
        p = putNumber(p, r.inode);
        *p++ = ',';
        p = putCell(p, escapedPath);
        *p++ = ',';
        p = putCell(p, escapedLabel);
        for (Counter c : counters) {
            *p++ = ',';
            if (r.hasCounter(c))
                p = putNumber(p, r.counter(c));
        }
        *p++ = ',';
        p = putNumber(p, r.kernelPageSize());
        *p++ = ',';
        p = putNumber(p, r.mmuPageSize());
        *p++ = ',';
        p = putNumber(p, std::uint64_t(r.thpEligible));
        *p++ = ',';
        if (r.protectionKey >= 0)
            p = std::to_chars(p, p + 20, std::int64_t(r.protectionKey)).ptr;
        *p++ = ',';
        p = put(p, flags);
        *p++ = ',';
        p = put(p, labelKindKey(r.labelKind));
        *p++ = ',';
        p = std::to_chars(p, p + 20, std::int64_t(r.tid)).ptr;
        *p++ = ',';
        p = put(p, regionUseKey(r.use));
        *p++ = ',';
        p = put(p, host);
        *p++ = ',';
        p = put(p, countersRead);
        *p++ = '\n';
        buffer.commit(p);
    }
    return true;
}

// From this many rows the second half is formatted on a helper thread. A one-shot command's helper, lingering from
// the read, takes it at once: 2,000 rows took 0.26 ms in one thread and 0.18 ms in two.
constexpr std::size_t kCsvParallelRows = 1024;

} // namespace

bool writeRegionsCsv(const Snapshot &snapshot, const ChunkSink &sink)
{
    CsvBuffer buffer(&sink, std::min<std::size_t>(1 << 20, snapshot.regions.size() * 256 + 4096));
    char *p = nullptr;
    std::string header;
    const auto &cols = columns();
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (i)
            header += ',';
        header.append(cols[i]);
    }
    header += '\n';
    if (!buffer.room(header.size(), p))
        return false;
    buffer.commit(put(p, header));

    // A big snapshot's second half is formatted on a helper thread meanwhile (60,000 mappings: 10 MB of text).
    const std::size_t n = snapshot.regions.size();
    if (n < kCsvParallelRows)
        return writeRegionRows(snapshot, 0, n, buffer) && buffer.flush();
    const std::size_t mid = n / 2;
    CsvBuffer second(nullptr, (n - mid) * 200);
    bool secondOk = false;
    std::optional<BesideTask> helper;
    try {
        helper.emplace(runBesideCaller([&] { secondOk = writeRegionRows(snapshot, mid, n, second); }));
    } catch (const std::system_error &) {
        return writeRegionRows(snapshot, 0, n, buffer) && buffer.flush(); // no thread to be had: all here
    }
    const bool firstOk = writeRegionRows(snapshot, 0, mid, buffer) && buffer.flush();
    helper->wait();
    return firstOk && secondOk && sink(second.text());
}

Result<std::vector<std::vector<std::string>>> parseCsv(std::string_view text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    std::size_t line = 1;
    std::size_t i = 0;
    bool rowHasContent = false;
    while (i < text.size()) {
        char c = text[i];
        if (c == '"' && cell.empty()) {
            std::size_t startLine = line;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (text[i] == '\n')
                    ++line;
                cell += text[i++];
            }
            if (!closed)
                return makeError(
                    ErrorCode::BadInput, "line " + std::to_string(startLine) + ": a quoted cell is never closed");
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                return makeError(ErrorCode::BadInput, "line " + std::to_string(line) + ": text after a closing quote");
            rowHasContent = true;
            continue;
        }
        if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
            rowHasContent = true;
            ++i;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            ++i;
            if (rowHasContent || !cell.empty()) {
                row.push_back(std::move(cell));
                rows.push_back(std::move(row));
            }
            row.clear();
            cell.clear();
            rowHasContent = false;
            ++line;
        } else {
            if (c == '"')
                return makeError(
                    ErrorCode::BadInput, "line " + std::to_string(line) + ": a quote inside an unquoted cell");
            cell += c;
            rowHasContent = true;
            ++i;
        }
    }
    if (rowHasContent || !cell.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<std::vector<Region>> regionsFromCsv(std::string_view text)
{
    auto parsed = parseCsv(text);
    if (!parsed)
        return parsed.error();
    auto &rows = *parsed;
    if (rows.empty())
        return makeError(ErrorCode::BadInput, "the file is empty: no header row");
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < rows[0].size(); ++i)
        index[rows[0][i]] = i;
    const auto &cols = columns();
    for (std::size_t i = 0; i < 20; ++i)
        if (!index.count(cols[i]))
            return makeError(ErrorCode::BadInput, "the header lacks the column '" + std::string(cols[i]) + "'");

    std::vector<Region> regions;
    std::map<std::string, std::shared_ptr<const std::string>> paths, flagTexts;
    for (std::size_t rowNo = 1; rowNo < rows.size(); ++rowNo) {
        const auto &row = rows[rowNo];
        auto bad = [&](std::string_view col) {
            return makeError(ErrorCode::BadInput,
                "row " + std::to_string(rowNo + 1) + ": bad value in column '" + std::string(col) + "'");
        };
        auto get = [&](std::string_view col) -> const std::string * {
            auto it = index.find(col);
            return it == index.end() || it->second >= row.size() ? nullptr : &row[it->second];
        };
        if (row.size() != rows[0].size())
            return makeError(ErrorCode::BadInput,
                "row " + std::to_string(rowNo + 1) + " has " + std::to_string(row.size()) + " cells, the header "
                    + std::to_string(rows[0].size()));
        Region r;
        std::uint64_t size = 0;
        if (!parseAddress(*get("start"), r.start))
            return bad("start");
        if (!parseAddress(*get("end"), r.end) || r.end <= r.start)
            return bad("end");
        if (!parseInt(*get("size"), size) || size != r.size())
            return bad("size");
        if (!regionTypeFromString(*get("type"), r.type))
            return bad("type");
        if (!regionStateFromString(*get("state"), r.state))
            return bad("state");
        if (!Protection::fromString(*get("protection"), r.protection))
            return bad("protection");
        if (!parseAddress(*get("offset"), r.offset))
            return bad("offset");
        if (!parseDevice(*get("device"), r))
            return bad("device");
        if (!parseInt(*get("inode"), r.inode))
            return bad("inode");
        std::string path;
        if (!unescapeCsvText(*get("path"), path))
            return bad("path");
        if (!path.empty()) {
            auto it = paths.find(path);
            if (it == paths.end())
                it = paths.emplace(path, std::make_shared<const std::string>(path)).first;
            r.pathPtr = it->second;
        }
        for (std::size_t i = 0; i < kCounterCount; ++i) {
            auto c = static_cast<Counter>(i);
            if (const std::string *cell = get(counterKey(c))) {
                if (cell->empty()) { // not read by the source that wrote the file
                    r.setCounterKnown(c, false);
                    continue;
                }
                std::uint64_t v = 0;
                if (!parseInt(*cell, v))
                    return bad(counterKey(c));
                r.setCounter(c, v);
            }
        }
        std::uint64_t pageBytes = 0;
        if (const std::string *cell = get("kernel_page_size");
            cell && (!parseInt(*cell, pageBytes) || !r.setKernelPageSize(pageBytes)))
            return bad("kernel_page_size");
        if (const std::string *cell = get("mmu_page_size");
            cell && (!parseInt(*cell, pageBytes) || !r.setMmuPageSize(pageBytes)))
            return bad("mmu_page_size");
        if (const std::string *cell = get("thp_eligible"); cell && !parseInt(*cell, r.thpEligible))
            return bad("thp_eligible");
        if (const std::string *cell = get("protection_key"); cell && !cell->empty()) {
            int key = -1;
            if (!parseInt(*cell, key) || key < 0 || key > 127)
                return bad("protection_key");
            r.protectionKey = static_cast<std::int8_t>(key);
        }
        if (const std::string *cell = get("vm_flags")) {
            if (!parseVmFlagsText(*cell, r.vmFlags))
                return bad("vm_flags");
            if (!cell->empty()) {
                auto it = flagTexts.find(*cell);
                if (it == flagTexts.end())
                    it = flagTexts.emplace(*cell, std::make_shared<const std::string>(*cell)).first;
                r.vmFlagsPtr = it->second;
            }
        }
        if (const std::string *cell = get("label_kind"); cell && !labelKindFromKey(*cell, r.labelKind))
            return bad("label_kind");
        if (const std::string *cell = get("tid"); cell && !parseInt(*cell, r.tid))
            return bad("tid");
        if (const std::string *cell = get("use"); cell && !regionUseFromKey(*cell, r.use))
            return bad("use");
        if (!regions.empty() && r.start < regions.back().end)
            return makeError(ErrorCode::BadInput, "row " + std::to_string(rowNo + 1) + ": regions out of order");
        regions.push_back(std::move(r));
    }
    if (!index.count("use")) {
        // Written before the use column: computed from what the rows hold.
        Snapshot snap;
        snap.regions = std::move(regions);
        assignUses(snap, factsFromSnapshot(snap));
        regions = std::move(snap.regions);
    }
    return regions;
}

std::string pagesToCsv(const std::vector<PageInfo> &pages, std::string_view host)
{
    std::string hostCell;
    appendCsvCell(hostCell, escapeCsvText(host));
    std::string out = "address,state,exclusive,host\n";
    out.reserve(pages.size() * (29 + hostCell.size()) + 32);
    for (const PageInfo &p : pages) {
        appendHex(out, p.address);
        out += ',';
        out.append(pageStateName(p.state));
        out += p.exclusive ? ",1," : ",0,";
        out.append(hostCell);
        out += '\n';
    }
    return out;
}

std::string withHostColumn(std::string_view csv, std::string_view host)
{
    auto rows = parseCsv(csv);
    if (!rows || rows->empty())
        return std::string(csv);
    const bool hasColumn = rows->front().back() == "host";
    std::string out;
    out.reserve(csv.size() + rows->size() * (host.size() + 1) + 8);
    for (std::size_t i = 0; i < rows->size(); ++i) {
        auto &row = (*rows)[i];
        if (!hasColumn)
            row.push_back(i == 0 ? "host" : std::string());
        if (i > 0 && !row.empty())
            row.back() = escapeCsvText(host);
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c)
                out += ',';
            appendCsvCell(out, row[c]);
        }
        out += '\n';
    }
    return out;
}

Result<std::vector<PageInfo>> pagesFromCsv(std::string_view text)
{
    auto parsed = parseCsv(text);
    if (!parsed)
        return parsed.error();
    auto &rows = *parsed;
    if (rows.empty() || rows[0].size() < 3 || rows[0][0] != "address" || rows[0][1] != "state"
        || rows[0][2] != "exclusive")
        return makeError(ErrorCode::BadInput, "the header is not 'address,state,exclusive'");
    std::vector<PageInfo> pages;
    pages.reserve(rows.size() - 1);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        PageInfo p;
        if (rows[i].size() < 3 || !parseAddress(rows[i][0], p.address) || !pageStateFromString(rows[i][1], p.state)
            || (rows[i][2] != "0" && rows[i][2] != "1"))
            return makeError(ErrorCode::BadInput, "row " + std::to_string(i + 1) + " is not a page");
        p.exclusive = rows[i][2] == "1";
        pages.push_back(p);
    }
    return pages;
}

} // namespace vmatlas
