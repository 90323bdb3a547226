#include "processlimits.h"

#include "json.h"
#include "textcodec.h"
#include "units.h"

#include <algorithm>
#include <charconv>

namespace vmatlas {

namespace {

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

template <typename F> void forEachLine(std::string_view text, F &&f)
{
    while (!text.empty()) {
        auto nl = text.find('\n');
        f(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view {} : text.substr(nl + 1);
    }
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

std::string optionalBytes(const std::optional<std::uint64_t> &v, bool unlimited)
{
    if (unlimited)
        return "max (no limit)";
    return v ? formatBytes(*v) : std::string("not readable");
}

void jsonKey(std::string &out, std::string_view key)
{
    json::appendString(out, std::string(key));
    out += ':';
}

void jsonNumber(std::string &out, std::string_view key, std::uint64_t v)
{
    jsonKey(out, key);
    out += std::to_string(v);
}

void jsonOptional(std::string &out, std::string_view key, const std::optional<std::uint64_t> &v)
{
    jsonKey(out, key);
    out += v ? std::to_string(*v) : std::string("null");
}

void jsonText(std::string &out, std::string_view key, const std::string &v)
{
    jsonKey(out, key);
    json::appendString(out, toValidUtf8(v));
}

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
    Address lowest = userEnd, highest = userStart;
    for (const Region &r : s.regions) {
        if (r.type == RegionType::Free) {
            if (r.use != RegionUse::Unusable)
                addFree(r.start, r.end);
            continue;
        }
        if (r.start >= userEnd)
            continue; // [vsyscall]: above user space
        ++a.mapCount;
        lowest = std::min(lowest, r.start);
        highest = std::max(highest, r.end);
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
    if (std::string id = idAfter("cri-containerd-", ".scope"); !id.empty() && p.find("kubepods") != std::string_view::npos)
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
    return "no container";
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

std::string describeOvercommit(const CommitLimits &c)
{
    switch (c.overcommitMode) {
    case 0:
        return "overcommit mode 0 (heuristic): the kernel refuses only an allocation that could never fit in RAM + "
               "swap; Committed_AS may exceed CommitLimit, which is only advisory here";
    case 1:
        return "overcommit mode 1 (always): every allocation succeeds; running out shows up later as the OOM killer, "
               "never as a failed mmap";
    case 2:
        return "overcommit mode 2 (strict): CommitLimit = swap + " + std::to_string(c.overcommitRatio)
            + "% of RAM (vm.overcommit_ratio" + (c.overcommitKbytes ? ", or vm.overcommit_kbytes" : std::string())
            + ") minus huge pages; an mmap or brk that would take Committed_AS past it fails with ENOMEM, as "
              "VirtualAlloc(MEM_COMMIT) fails past Windows' commit limit";
    default:
        return "commit limit = RAM + page files: a commit past it fails";
    }
}

std::vector<std::string> describeLimits(const Limits &l)
{
    std::vector<std::string> out;
    const AddressSpaceLimits &a = l.space;
    out.push_back("address space: " + formatBytes(a.freeBytes) + " of user space free (" + formatAddress(a.userStart)
        + "-" + formatAddress(a.userEnd) + "); largest free block " + formatBytes(a.largestFree) + " at "
        + formatAddress(a.largestFreeStart));
    for (const FreeBucket &b : a.histogram) {
        if (!b.count)
            continue;
        out.push_back("  free blocks " + (b.from ? formatBytes(b.from) : std::string("0 B")) + " to "
            + (b.to ? "< " + formatBytes(b.to) : std::string("any size")) + ": " + std::to_string(b.count) + " ("
            + formatBytes(b.bytes) + ")");
    }
    if (l.platform == "windows") {
        out.push_back("mappings: " + std::to_string(a.mapCount) + " regions (Windows has no per-process limit)");
    } else {
        out.push_back("mappings: " + std::to_string(a.mapCount) + " of vm.max_map_count "
            + (l.maxMapCount ? std::to_string(l.maxMapCount) + " (" + percent(a.mapCount, l.maxMapCount) + ")"
                             : std::string("(not readable)"))
            + "; past it mmap fails with ENOMEM");
    }
    const CommitLimits &c = l.commit;
    if (l.platform == "windows") {
        out.push_back("commit charge: " + formatBytes(c.committed) + " of the commit limit " + formatBytes(c.limit)
            + " (" + percent(c.committed, c.limit) + "; peak " + formatBytes(c.peak)
            + "); commit limit = RAM " + formatBytes(c.ramTotal) + " + page files " + formatBytes(c.swapTotal));
        out.push_back("page file: " + formatBytes(c.swapTotal - std::min(c.swapTotal, c.swapFree)) + " of "
            + formatBytes(c.swapTotal) + " in use");
        out.push_back("this process: " + formatBytes(c.processCommit) + " committed private memory (its commit charge)");
    } else {
        out.push_back("commit charge: Committed_AS " + formatBytes(c.committed) + " of CommitLimit "
            + formatBytes(c.limit) + " (" + percent(c.committed, c.limit) + "); RAM " + formatBytes(c.ramTotal)
            + " + swap " + formatBytes(c.swapTotal) + " (" + formatBytes(c.swapFree) + " free)"
            + (c.swapTotal ? std::string() : std::string(": no swap, so the commit charge is backed by RAM alone")));
        out.push_back("  " + describeOvercommit(c));
        out.push_back("this process: " + formatBytes(c.processCommit)
            + " in accountable mappings (VmFlag ac: private writable memory, its share of Committed_AS)");
        std::string rl = "RLIMIT_AS (Max address space): ";
        if (!l.rlimitKnown)
            rl += "not readable";
        else
            rl += (l.rlimitAsSoft ? formatBytes(*l.rlimitAsSoft) : std::string("unlimited")) + " soft, "
                + (l.rlimitAsHard ? formatBytes(*l.rlimitAsHard) : std::string("unlimited")) + " hard";
        out.push_back(rl);
        const CgroupLimits &g = l.cgroup;
        if (!g.known) {
            out.push_back("cgroup: no cgroup v2 entry");
        } else {
            out.push_back("cgroup: " + g.path + " (" + g.container + ")");
            out.push_back("  memory.current " + optionalBytes(g.memoryCurrent, false) + " of memory.max "
                + optionalBytes(g.memoryMax, g.memoryMaxUnlimited)
                + (g.memoryMax && g.memoryCurrent ? " (" + percent(*g.memoryCurrent, *g.memoryMax) + ")" : std::string()));
            out.push_back("  memory.swap.current " + optionalBytes(g.swapCurrent, false) + " of memory.swap.max "
                + optionalBytes(g.swapMax, g.swapMaxUnlimited));
        }
    }
    return out;
}

std::string limitsToJson(const Limits &l)
{
    std::string out = "{";
    jsonNumber(out, "pid", static_cast<std::uint64_t>(l.pid));
    out += ',';
    jsonText(out, "platform", l.platform);
    out += ",\"address_space\":{";
    jsonText(out, "user_start", hexAddress(l.space.userStart));
    out += ',';
    jsonText(out, "user_end", hexAddress(l.space.userEnd));
    out += ',';
    jsonNumber(out, "free", l.space.freeBytes);
    out += ',';
    jsonNumber(out, "largest_free", l.space.largestFree);
    out += ',';
    jsonText(out, "largest_free_start", hexAddress(l.space.largestFreeStart));
    out += ',';
    jsonNumber(out, "map_count", l.space.mapCount);
    out += ',';
    jsonNumber(out, "max_map_count", l.maxMapCount);
    out += ",\"free_histogram\":[";
    for (std::size_t i = 0; i < l.space.histogram.size(); ++i) {
        const FreeBucket &b = l.space.histogram[i];
        out += i ? ",{" : "{";
        jsonNumber(out, "from", b.from);
        out += ',';
        jsonOptional(out, "to", b.to ? std::optional<std::uint64_t>(b.to) : std::nullopt);
        out += ',';
        jsonNumber(out, "count", b.count);
        out += ',';
        jsonNumber(out, "bytes", b.bytes);
        out += '}';
    }
    out += "]},\"commit\":{";
    const CommitLimits &c = l.commit;
    jsonNumber(out, "process", c.processCommit);
    out += ',';
    jsonNumber(out, "committed", c.committed);
    out += ',';
    jsonNumber(out, "limit", c.limit);
    out += ',';
    jsonNumber(out, "peak", c.peak);
    out += ',';
    jsonNumber(out, "ram_total", c.ramTotal);
    out += ',';
    jsonNumber(out, "ram_available", c.ramAvailable);
    out += ',';
    jsonNumber(out, "swap_total", c.swapTotal);
    out += ',';
    jsonNumber(out, "swap_free", c.swapFree);
    out += ',';
    jsonKey(out, "overcommit_mode");
    out += c.overcommitMode < 0 ? std::string("null") : std::to_string(c.overcommitMode);
    out += ',';
    jsonNumber(out, "overcommit_ratio", c.overcommitRatio);
    out += ',';
    jsonNumber(out, "overcommit_kbytes", c.overcommitKbytes);
    out += ',';
    jsonText(out, "policy", describeOvercommit(c));
    out += "},\"rlimit_as\":";
    if (!l.rlimitKnown) {
        out += "null";
    } else {
        out += '{';
        jsonOptional(out, "soft", l.rlimitAsSoft);
        out += ',';
        jsonOptional(out, "hard", l.rlimitAsHard);
        out += '}';
    }
    out += ",\"cgroup\":";
    if (!l.cgroup.known) {
        out += "null";
    } else {
        const CgroupLimits &g = l.cgroup;
        out += '{';
        jsonText(out, "path", g.path);
        out += ',';
        jsonText(out, "container", g.container);
        out += ',';
        jsonOptional(out, "memory_current", g.memoryCurrent);
        out += ',';
        jsonKey(out, "memory_max");
        out += g.memoryMaxUnlimited ? std::string("\"max\"")
                                    : (g.memoryMax ? std::to_string(*g.memoryMax) : std::string("null"));
        out += ',';
        jsonOptional(out, "swap_current", g.swapCurrent);
        out += ',';
        jsonKey(out, "swap_max");
        out += g.swapMaxUnlimited ? std::string("\"max\"") : (g.swapMax ? std::to_string(*g.swapMax) : std::string("null"));
        out += '}';
    }
    out += "}\n";
    return out;
}

} // namespace vmatlas
