#include "processlimits.h"

#include "json.h"
#include "lines.h"
#include "platform.h"
#include "textcodec.h"
#include "units.h"

#include <algorithm>
#include <charconv>

// Marks text the window translates (lupdate reads this file); the core keeps the English.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace vmatlas {

namespace {

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::uint64_t number(std::string_view s)
{
    s = trim(s);
    std::uint64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string percent(std::uint64_t part, std::uint64_t whole)
{
    if (!whole)
        return "?";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

// A JSON object written key by key, commas included.
class JsonObject
{
public:
    JsonObject &raw(std::string_view key, std::string_view json)
    {
        if (!m_body.empty())
            m_body += ',';
        json::appendString(m_body, key);
        m_body += ':';
        m_body.append(json);
        return *this;
    }
    JsonObject &number(std::string_view key, std::uint64_t v) { return raw(key, std::to_string(v)); }
    JsonObject &optional(std::string_view key, const std::optional<std::uint64_t> &v)
    {
        return raw(key, v ? std::to_string(*v) : std::string("null"));
    }
    // A limit: a number, "max" when unlimited, null when not known.
    JsonObject &limit(std::string_view key, const std::optional<std::uint64_t> &v, bool unlimited)
    {
        return unlimited ? raw(key, "\"max\"") : optional(key, v);
    }
    JsonObject &text(std::string_view key, const std::string &v)
    {
        std::string quoted;
        json::appendString(quoted, toValidUtf8(v));
        return raw(key, quoted);
    }
    std::string str() const { return "{" + m_body + "}"; }

private:
    std::string m_body;
};

} // namespace

AddressSpaceLimits addressSpaceLimits(const Snapshot &s, Address userStart, Address userEnd)
{
    AddressSpaceLimits a;
    a.userStart = userStart;
    a.userEnd = userEnd;
    for (std::uint64_t from = 4096, k = 0; k < 17; ++k, from *= 4)
        a.histogram.push_back({ k == 0 ? 0 : from, from * 4, 0, 0 });
    a.histogram.back().to = 0;
    auto addFree = [&](Address start, Address end) {
        start = std::max(start, userStart);
        end = std::min(end, userEnd);
        if (end <= start)
            return;
        const std::uint64_t size = end - start;
        a.freeBytes += size;
        if (size > a.largestFree) {
            a.largestFree = size;
            a.largestFreeStart = start;
        }
        for (FreeBucket &b : a.histogram) {
            if (size >= b.from && (b.to == 0 || size < b.to)) {
                ++b.count;
                b.bytes += size;
                break;
            }
        }
    };
    // Snapshots cover user space from 0 to its top with Free rows; older ones start and end at a mapping,
    // and then what they leave out is free too.
    Address lowest = userEnd, highest = userStart;
    for (const Region &r : s.regions) {
        if (r.start >= userEnd)
            continue; // [vsyscall]: above user space
        lowest = std::min(lowest, r.start);
        highest = std::max(highest, r.end);
        if (r.type == RegionType::Free) {
            if (r.use != RegionUse::Unusable)
                addFree(r.start, r.end);
            continue;
        }
        ++a.mapCount;
    }
    if (lowest >= highest) {
        addFree(userStart, userEnd);
    } else {
        addFree(userStart, lowest);
        addFree(highest, userEnd);
    }
    return a;
}

void parseMeminfo(std::string_view text, CommitLimits &c)
{
    forEachLine(text, [&](std::string_view line) {
        auto colon = line.find(':');
        if (colon == std::string_view::npos)
            return;
        std::string_view key = line.substr(0, colon), value = trim(line.substr(colon + 1));
        std::uint64_t v = number(value) * (value.ends_with("kB") ? 1024 : 1);
        if (key == "MemTotal")
            c.ramTotal = v;
        else if (key == "MemAvailable")
            c.ramAvailable = v;
        else if (key == "SwapTotal")
            c.swapTotal = v;
        else if (key == "SwapFree")
            c.swapFree = v;
        else if (key == "CommitLimit")
            c.limit = v;
        else if (key == "Committed_AS")
            c.committed = v;
        else if (key == "Hugetlb")
            c.hugetlbBytes = v;
    });
}

bool parseRlimitAs(std::string_view text, std::optional<std::uint64_t> &soft, std::optional<std::uint64_t> &hard)
{
    bool found = false;
    forEachLine(text, [&](std::string_view line) {
        if (!startsWith(line, "Max address space"))
            return;
        // "Max address space         unlimited            unlimited            bytes"
        std::string_view rest = trim(line.substr(17));
        std::string_view fields[2];
        for (auto &f : fields) {
            auto sp = rest.find(' ');
            f = rest.substr(0, sp);
            rest = sp == std::string_view::npos ? std::string_view {} : trim(rest.substr(sp));
        }
        auto value = [](std::string_view f) -> std::optional<std::uint64_t> {
            if (f == "unlimited")
                return std::nullopt;
            return number(f);
        };
        soft = value(fields[0]);
        hard = value(fields[1]);
        found = true;
    });
    return found;
}

std::string parseCgroupV2Path(std::string_view text)
{
    std::string path;
    forEachLine(text, [&](std::string_view line) {
        if (startsWith(line, "0::"))
            path = std::string(trim(line.substr(3)));
    });
    return path;
}

std::string containerOfCgroup(std::string_view p)
{
    auto idAfter = [&](std::string_view marker, std::string_view stop) -> std::string {
        auto at = p.find(marker);
        if (at == std::string_view::npos)
            return {};
        std::string_view id = p.substr(at + marker.size());
        id = id.substr(0, std::min(id.find(stop), id.find('/')));
        return std::string(id.substr(0, 12));
    };
    if (std::string id = idAfter("docker-", ".scope"); !id.empty())
        return "docker " + id;
    if (std::string id = idAfter("/docker/", "/"); !id.empty())
        return "docker " + id;
    if (std::string id = idAfter("libpod-", ".scope"); !id.empty())
        return "podman " + id;
    if (std::string id = idAfter("cri-containerd-", ".scope");
        !id.empty() && p.find("kubepods") != std::string_view::npos)
        return "kubernetes containerd " + id;
    if (p.find("kubepods") != std::string_view::npos) {
        auto at = p.find("pod");
        std::string_view pod = p.substr(p.find("pod", at + 4) == std::string_view::npos ? at : p.find("pod", at + 4));
        pod = pod.substr(0, pod.find_first_of("/."));
        return "kubernetes " + std::string(pod);
    }
    if (std::string id = idAfter("lxc.payload.", "/"); !id.empty())
        return "lxc " + id;
    if (std::string id = idAfter("machine-", ".scope"); !id.empty())
        return "machine " + id;
    return QT_TRANSLATE_NOOP("Limits", "no container");
}

std::uint64_t accountableBytes(const Snapshot &s)
{
    const int ac = vmFlagBit("ac");
    std::uint64_t total = 0;
    for (const Region &r : s.regions)
        if (ac >= 0 && (r.vmFlags >> ac) & 1)
            total += r.size();
    return total;
}

namespace {

LimitLine overcommitLine(const CommitLimits &c)
{
    switch (c.overcommitMode) {
    case 0:
        return { true,
            QT_TRANSLATE_NOOP("Limits",
                "overcommit mode 0 (heuristic): the kernel refuses only an allocation that could never fit in RAM + "
                "swap; Committed_AS may exceed CommitLimit, which is only advisory here"),
            {} };
    case 1:
        return { true,
            QT_TRANSLATE_NOOP("Limits",
                "overcommit mode 1 (always): every allocation succeeds; running out shows up later as the OOM "
                "killer, never as a failed mmap"),
            {} };
    case 2:
        return { true,
            c.overcommitKbytes
                ? QT_TRANSLATE_NOOP("Limits",
                    "overcommit mode 2 (strict): CommitLimit = swap + %1% of RAM (vm.overcommit_ratio, or "
                    "vm.overcommit_kbytes) minus huge pages; an mmap or brk that would take Committed_AS past it fails "
                    "with ENOMEM, as VirtualAlloc(MEM_COMMIT) fails past Windows' commit limit")
                : QT_TRANSLATE_NOOP("Limits",
                    "overcommit mode 2 (strict): CommitLimit = swap + %1% of RAM (vm.overcommit_ratio) minus huge "
                    "pages; an mmap or brk that would take Committed_AS past it fails with ENOMEM, as "
                    "VirtualAlloc(MEM_COMMIT) fails past Windows' commit limit"),
            { std::to_string(c.overcommitRatio) } };
    default:
        return { true, QT_TRANSLATE_NOOP("Limits", "commit limit = RAM + page files: a commit past it fails"), {} };
    }
}

// A byte count that may be unknown or unlimited, as a word the window translates.
std::string limitBytes(const std::optional<std::uint64_t> &v, bool unlimited)
{
    if (unlimited)
        return QT_TRANSLATE_NOOP("Limits", "max (no limit)");
    return v ? formatBytes(*v) : std::string(QT_TRANSLATE_NOOP("Limits", "not readable"));
}

} // namespace

std::string LimitLine::text() const
{
    return fillPattern(pattern, args);
}

std::string describeOvercommit(const CommitLimits &c)
{
    return overcommitLine(c).text();
}

std::vector<LimitLine> limitLines(const Limits &l)
{
    std::vector<LimitLine> out;
    auto line = [&out](const char *pattern, std::vector<std::string> args = {}) {
        out.push_back({ false, pattern, std::move(args) });
    };
    auto detail = [&out](const char *pattern, std::vector<std::string> args = {}) {
        out.push_back({ true, pattern, std::move(args) });
    };
    const AddressSpaceLimits &a = l.space;
    line(QT_TRANSLATE_NOOP("Limits", "address space: %1 of user space free (%2-%3); largest free block %4 at %5"),
        { formatBytes(a.freeBytes), formatAddress(a.userStart), formatAddress(a.userEnd), formatBytes(a.largestFree),
            formatAddress(a.largestFreeStart) });
    for (const FreeBucket &b : a.histogram) {
        if (!b.count)
            continue;
        const std::string from = b.from ? formatBytes(b.from) : std::string("0 B");
        if (b.to)
            detail(QT_TRANSLATE_NOOP("Limits", "free blocks %1 to < %2: %3 (%4)"),
                { from, formatBytes(b.to), std::to_string(b.count), formatBytes(b.bytes) });
        else
            detail(QT_TRANSLATE_NOOP("Limits", "free blocks %1 to any size: %2 (%3)"),
                { from, std::to_string(b.count), formatBytes(b.bytes) });
    }
    if (l.platform == "windows") {
        line(QT_TRANSLATE_NOOP("Limits", "mappings: %1 regions (Windows has no per-process limit)"),
            { std::to_string(a.mapCount) });
    } else if (l.maxMapCount) {
        line(QT_TRANSLATE_NOOP("Limits", "mappings: %1 of vm.max_map_count %2 (%3); past it mmap fails with ENOMEM"),
            { std::to_string(a.mapCount), std::to_string(l.maxMapCount), percent(a.mapCount, l.maxMapCount) });
    } else {
        line(QT_TRANSLATE_NOOP(
                 "Limits", "mappings: %1 of vm.max_map_count (not readable); past it mmap fails with ENOMEM"),
            { std::to_string(a.mapCount) });
    }
    const CommitLimits &c = l.commit;
    if (l.platform == "windows") {
        line(QT_TRANSLATE_NOOP("Limits",
                 "commit charge: %1 of the commit limit %2 (%3; peak %4); commit limit = RAM %5 + page files %6"),
            { formatBytes(c.committed), formatBytes(c.limit), percent(c.committed, c.limit), formatBytes(c.peak),
                formatBytes(c.ramTotal), formatBytes(c.swapTotal) });
        line(QT_TRANSLATE_NOOP("Limits", "page file: %1 of %2 in use"),
            { formatBytes(c.swapTotal - std::min(c.swapTotal, c.swapFree)), formatBytes(c.swapTotal) });
        line(QT_TRANSLATE_NOOP("Limits", "this process: %1 committed private memory (its commit charge)"),
            { formatBytes(c.processCommit) });
        return out;
    }
    const std::vector<std::string> commit { formatBytes(c.committed), formatBytes(c.limit),
        percent(c.committed, c.limit), formatBytes(c.ramTotal), formatBytes(c.swapTotal), formatBytes(c.swapFree) };
    if (c.swapTotal)
        line(QT_TRANSLATE_NOOP(
                 "Limits", "commit charge: Committed_AS %1 of CommitLimit %2 (%3); RAM %4 + swap %5 (%6 free)"),
            commit);
    else
        line(QT_TRANSLATE_NOOP("Limits",
                 "commit charge: Committed_AS %1 of CommitLimit %2 (%3); RAM %4 + swap %5 (%6 free): no swap, so the "
                 "commit charge is backed by RAM alone"),
            commit);
    out.push_back(overcommitLine(c));
    line(QT_TRANSLATE_NOOP("Limits",
             "this process: %1 in accountable mappings (VmFlag ac: private writable memory, its share of "
             "Committed_AS)"),
        { formatBytes(c.processCommit) });
    if (!l.rlimitKnown)
        line(QT_TRANSLATE_NOOP("Limits", "RLIMIT_AS (Max address space): not readable"));
    else
        line(QT_TRANSLATE_NOOP("Limits", "RLIMIT_AS (Max address space): %1 soft, %2 hard"),
            { l.rlimitAsSoft ? formatBytes(*l.rlimitAsSoft) : std::string(QT_TRANSLATE_NOOP("Limits", "unlimited")),
                l.rlimitAsHard ? formatBytes(*l.rlimitAsHard)
                               : std::string(QT_TRANSLATE_NOOP("Limits", "unlimited")) });
    const CgroupLimits &g = l.cgroup;
    if (!g.known) {
        line(QT_TRANSLATE_NOOP("Limits", "cgroup: no cgroup v2 entry"));
        return out;
    }
    line(QT_TRANSLATE_NOOP("Limits", "cgroup: %1 (%2)"), { g.path, g.container });
    // "memory.current: 12.0 MiB; memory.max: 512 MiB (2.3%)", or "not readable" for either.
    if (g.memoryMax && g.memoryCurrent)
        detail(QT_TRANSLATE_NOOP("Limits", "memory.current: %1; memory.max: %2 (%3)"),
            { limitBytes(g.memoryCurrent, false), limitBytes(g.memoryMax, g.memoryMaxUnlimited),
                percent(*g.memoryCurrent, *g.memoryMax) });
    else
        detail(QT_TRANSLATE_NOOP("Limits", "memory.current: %1; memory.max: %2"),
            { limitBytes(g.memoryCurrent, false), limitBytes(g.memoryMax, g.memoryMaxUnlimited) });
    detail(QT_TRANSLATE_NOOP("Limits", "memory.swap.current: %1; memory.swap.max: %2"),
        { limitBytes(g.swapCurrent, false), limitBytes(g.swapMax, g.swapMaxUnlimited) });
    return out;
}

std::vector<std::string> describeLimits(const Limits &l)
{
    std::vector<std::string> out;
    for (const LimitLine &line : limitLines(l))
        out.push_back((line.detail ? "  " : "") + line.text());
    return out;
}

std::string limitsToJson(const Limits &l)
{
    const AddressSpaceLimits &a = l.space;
    std::string histogram = "[";
    for (const FreeBucket &b : a.histogram) {
        histogram += histogram.size() > 1 ? "," : "";
        histogram += JsonObject()
                         .number("from", b.from)
                         .optional("to", b.to ? std::optional<std::uint64_t>(b.to) : std::nullopt)
                         .number("count", b.count)
                         .number("bytes", b.bytes)
                         .str();
    }
    histogram += "]";
    const std::string space = JsonObject()
                                  .text("user_start", hexAddress(a.userStart))
                                  .text("user_end", hexAddress(a.userEnd))
                                  .number("free", a.freeBytes)
                                  .number("largest_free", a.largestFree)
                                  .text("largest_free_start", hexAddress(a.largestFreeStart))
                                  .number("map_count", a.mapCount)
                                  .number("max_map_count", l.maxMapCount)
                                  .raw("free_histogram", histogram)
                                  .str();
    const CommitLimits &c = l.commit;
    const std::string commit
        = JsonObject()
              .number("process", c.processCommit)
              .number("committed", c.committed)
              .number("limit", c.limit)
              .number("peak", c.peak)
              .number("ram_total", c.ramTotal)
              .number("ram_available", c.ramAvailable)
              .number("swap_total", c.swapTotal)
              .number("swap_free", c.swapFree)
              .raw("overcommit_mode", c.overcommitMode < 0 ? std::string("null") : std::to_string(c.overcommitMode))
              .number("overcommit_ratio", c.overcommitRatio)
              .number("overcommit_kbytes", c.overcommitKbytes)
              .text("policy", describeOvercommit(c))
              .str();
    const std::string rlimit = l.rlimitKnown
        ? JsonObject().optional("soft", l.rlimitAsSoft).optional("hard", l.rlimitAsHard).str()
        : std::string("null");
    const CgroupLimits &g = l.cgroup;
    const std::string cgroup = g.known ? JsonObject()
                                             .text("path", g.path)
                                             .text("container", g.container)
                                             .optional("memory_current", g.memoryCurrent)
                                             .limit("memory_max", g.memoryMax, g.memoryMaxUnlimited)
                                             .optional("swap_current", g.swapCurrent)
                                             .limit("swap_max", g.swapMax, g.swapMaxUnlimited)
                                             .str()
                                       : std::string("null");
    return JsonObject()
               .number("pid", static_cast<std::uint64_t>(l.pid))
               .text("platform", l.platform)
               .raw("address_space", space)
               .raw("commit", commit)
               .raw("rlimit_as", rlimit)
               .raw("cgroup", cgroup)
               .str()
        + "\n";
}

Result<Limits> readLimits(Pid pid)
{
    auto snap = readSnapshot(pid);
    if (!snap)
        return snap.error();
    return readLimits(*snap);
}

} // namespace vmatlas
