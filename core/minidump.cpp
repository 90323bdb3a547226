// Windows minidumps: MemoryInfoListStream holds VirtualQueryEx's answers for the whole address space,
// ModuleListStream the images' names, Memory64ListStream / MemoryListStream the contents the dump holds.
// Read on any platform; the regions go through the same mapping as the live Windows source (winmemory.h).
#include "dumpbytes.h"
#include "postmortem.h"
#include "winmemory.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace vmatlas {

namespace {

using namespace dumpbytes;

constexpr std::uint32_t ModuleListStream = 4;
constexpr std::uint32_t MemoryListStream = 5;
constexpr std::uint32_t SystemInfoStream = 7;
constexpr std::uint32_t Memory64ListStream = 9;
constexpr std::uint32_t MiscInfoStream = 15;
constexpr std::uint32_t MemoryInfoListStream = 16;
constexpr std::uint64_t kMaxEntries = std::uint64_t(1) << 24;

Error bad(const std::string &name, const std::string &what)
{
    return makeError(ErrorCode::BadInput, name + ": " + what);
}

std::string streamName(std::uint32_t type)
{
    switch (type) {
    case ModuleListStream:
        return "ModuleListStream";
    case MemoryListStream:
        return "MemoryListStream";
    case SystemInfoStream:
        return "SystemInfoStream";
    case Memory64ListStream:
        return "Memory64ListStream";
    case MiscInfoStream:
        return "MiscInfoStream";
    case MemoryInfoListStream:
        return "MemoryInfoListStream";
    }
    return "stream type " + std::to_string(type);
}

void appendUtf8(std::string &out, std::uint32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xc0 | (c >> 6));
        out += char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += char(0xe0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    } else {
        out += char(0xf0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3f));
        out += char(0x80 | ((c >> 6) & 0x3f));
        out += char(0x80 | (c & 0x3f));
    }
}

// A MINIDUMP_STRING (length in bytes, then UTF-16LE) as UTF-8; unpaired surrogates become U+FFFD.
bool readString(const ByteSource &src, std::uint64_t rva, std::string &out)
{
    unsigned char len[4];
    if (!src.read(rva, len, 4))
        return false;
    const std::uint32_t bytes = u32(len);
    if (bytes > 65536 || bytes % 2)
        return false;
    std::vector<unsigned char> buf(bytes);
    if (bytes && !src.read(rva + 4, buf.data(), bytes))
        return false;
    out.clear();
    for (std::size_t i = 0; i + 1 < buf.size(); i += 2) {
        std::uint32_t c = u16(buf.data() + i);
        if (c >= 0xd800 && c < 0xdc00 && i + 3 < buf.size()) {
            const std::uint32_t lo = u16(buf.data() + i + 2);
            if (lo >= 0xdc00 && lo < 0xe000) {
                c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
                i += 2;
            } else {
                c = 0xfffd;
            }
        } else if (c >= 0xd800 && c < 0xe000) {
            c = 0xfffd;
        }
        appendUtf8(out, c);
    }
    return true;
}

struct Stream
{
    std::uint64_t rva = 0, size = 0;
};

struct Module
{
    Address base = 0, end = 0;
    std::string name;
};

// The header and the stream directory: type -> where (unused entries, type 0, left out; the first of a type kept).
Result<std::map<std::uint32_t, Stream>> readDirectory(const ByteSource &src, const std::string &name)
{
    unsigned char h[32];
    if (!src.read(0, h, sizeof h))
        return bad(name, "too short for a minidump header (" + std::to_string(src.size()) + " bytes)");
    if (std::memcmp(h, "MDMP", 4) != 0)
        return bad(name, "not a minidump (it does not start with \"MDMP\")");
    if (u16(h + 4) != 0xa793)
        return bad(name, "a minidump of an unknown version (" + std::to_string(u16(h + 4)) + ")");
    const std::uint64_t count = u32(h + 8), dirRva = u32(h + 12);
    if (dirRva > src.size() || count * 12 > src.size() - dirRva)
        return bad(name,
            "claims " + std::to_string(count) + " streams at byte " + std::to_string(dirRva) + ", past the end of its "
                + std::to_string(src.size()) + " bytes (truncated?)");
    std::vector<unsigned char> dir(std::size_t(count * 12));
    if (!src.read(dirRva, dir.data(), dir.size()))
        return makeError(ErrorCode::Io, name + ": cannot read the stream directory");
    std::map<std::uint32_t, Stream> streams;
    for (std::uint64_t i = 0; i < count; ++i) {
        const unsigned char *e = dir.data() + i * 12;
        const std::uint32_t type = u32(e);
        const Stream s { u32(e + 8), u32(e + 4) };
        if (s.rva > src.size() || s.size > src.size() - s.rva)
            return bad(name,
                streamName(type) + " (" + std::to_string(s.size) + " bytes at byte " + std::to_string(s.rva)
                    + ") runs past the end of the file of " + std::to_string(src.size()) + " bytes (truncated)");
        if (type != 0)
            streams.emplace(type, s);
    }
    return streams;
}

} // namespace

Result<std::vector<std::uint32_t>> minidumpStreamTypes(const ByteSource &src, const std::string &name)
{
    auto streams = readDirectory(src, name);
    if (!streams)
        return streams.error();
    std::vector<std::uint32_t> types;
    for (const auto &entry : *streams)
        types.push_back(entry.first);
    return types;
}

Result<PostMortem> readMinidump(const ByteSource &src, const std::string &name)
{
    auto directory = readDirectory(src, name);
    if (!directory)
        return directory.error();
    const std::map<std::uint32_t, Stream> &streams = *directory;
    unsigned char stamp[4]; // TimeDateStamp, in the header readDirectory checked
    const std::int64_t timestamp = src.read(20, stamp, sizeof stamp) ? u32(stamp) : 0;
    auto streamBytes = [&](std::uint32_t type, std::vector<unsigned char> &out) -> bool {
        auto it = streams.find(type);
        if (it == streams.end())
            return false;
        out.resize(std::size_t(it->second.size));
        return src.read(it->second.rva, out.data(), out.size());
    };

    // The regions: VirtualQueryEx's answers.
    std::vector<unsigned char> info;
    if (!streamBytes(MemoryInfoListStream, info))
        return bad(name,
            "holds no MemoryInfoListStream, so no region list (a dump written with MiniDumpWithFullMemoryInfo has "
            "one)");
    if (info.size() < 16)
        return bad(
            name, "its MemoryInfoListStream is " + std::to_string(info.size()) + " bytes, too short (truncated)");
    const std::uint32_t headerSize = u32(info.data()), entrySize = u32(info.data() + 4);
    const std::uint64_t entries = u64(info.data() + 8);
    if (headerSize < 16 || headerSize > info.size() || entrySize < 48)
        return bad(name,
            "its MemoryInfoListStream has a header of " + std::to_string(headerSize) + " bytes and entries of "
                + std::to_string(entrySize) + " (expected 16 and 48)");
    if (entries > kMaxEntries || entries * entrySize > info.size() - headerSize)
        return bad(name,
            "its MemoryInfoListStream claims " + std::to_string(entries) + " regions but holds room for "
                + std::to_string((info.size() - headerSize) / entrySize) + " (truncated or corrupt)");
    std::vector<winmem::BasicInfo> answers;
    Address top = 0;
    for (std::uint64_t i = 0; i < entries; ++i) {
        const unsigned char *e = info.data() + headerSize + i * entrySize;
        winmem::BasicInfo b;
        b.base = u64(e);
        b.allocationBase = u64(e + 8);
        b.allocationProtect = u32(e + 16);
        b.size = u64(e + 24);
        b.state = u32(e + 32);
        b.protect = u32(e + 36);
        b.type = u32(e + 40);
        if (b.base % 4096 || b.size % 4096)
            return bad(name, "region " + std::to_string(i) + " at " + hexAddress(b.base) + " is not whole pages");
        if (b.size == 0 || b.base + b.size < b.base)
            return bad(name, "region " + std::to_string(i) + " at " + hexAddress(b.base) + " has a bad size");
        if (b.state != winmem::MemCommit && b.state != winmem::MemReserve && b.state != winmem::MemFree)
            return bad(name,
                "region " + std::to_string(i) + " at " + hexAddress(b.base) + " has an unknown state "
                    + std::to_string(b.state));
        top = std::max(top, b.base + b.size);
        if (b.state != winmem::MemFree)
            answers.push_back(b);
    }
    std::sort(answers.begin(), answers.end(), [](const auto &a, const auto &b) { return a.base < b.base; });
    for (std::size_t i = 1; i < answers.size(); ++i)
        if (answers[i].base < answers[i - 1].base + answers[i - 1].size)
            return bad(name,
                "regions at " + hexAddress(answers[i - 1].base) + " and " + hexAddress(answers[i].base) + " overlap");

    // The images' names.
    std::vector<Module> modules;
    std::vector<unsigned char> list;
    if (streamBytes(ModuleListStream, list)) {
        if (list.size() < 4)
            return bad(name, "its ModuleListStream is too short (truncated)");
        const std::uint64_t n = u32(list.data());
        if (n * 108 > list.size() - 4)
            return bad(name,
                "its ModuleListStream claims " + std::to_string(n) + " modules but holds room for "
                    + std::to_string((list.size() - 4) / 108));
        for (std::uint64_t i = 0; i < n; ++i) {
            const unsigned char *m = list.data() + 4 + i * 108;
            Module mod;
            mod.base = u64(m);
            mod.end = mod.base + u32(m + 8);
            if (!readString(src, u32(m + 20), mod.name))
                return bad(
                    name, "the name of module " + std::to_string(i + 1) + " lies outside the file or is malformed");
            // Linux's names for the kernel's own mappings mean something to the classification: never a module's.
            if (!mod.name.empty() && mod.name.front() == '[')
                return bad(name,
                    "module " + std::to_string(i + 1) + " is named '" + mod.name.substr(0, 40) + "', not a file path");
            modules.push_back(std::move(mod));
        }
    }

    // The contents it holds.
    PostMortem dump;
    dump.format = DumpFormat::Minidump;
    if (streamBytes(Memory64ListStream, list)) {
        if (list.size() < 16)
            return bad(name, "its Memory64ListStream is too short (truncated)");
        const std::uint64_t n = u64(list.data());
        std::uint64_t at = u64(list.data() + 8);
        if (n > kMaxEntries || n * 16 > list.size() - 16)
            return bad(name,
                "its Memory64ListStream claims " + std::to_string(n) + " ranges but holds room for "
                    + std::to_string((list.size() - 16) / 16));
        for (std::uint64_t i = 0; i < n; ++i) {
            const Address start = u64(list.data() + 16 + i * 16);
            const std::uint64_t size = u64(list.data() + 24 + i * 16);
            if (start + size < start || at > src.size() || size > src.size() - at)
                return bad(name,
                    "memory range " + std::to_string(i) + " at " + hexAddress(start) + " (" + std::to_string(size)
                        + " bytes) runs past the end of the file (truncated)");
            if (size)
                dump.held.push_back({ start, start + size, at });
            at += size;
        }
    }
    if (streamBytes(MemoryListStream, list)) {
        if (list.size() < 4)
            return bad(name, "its MemoryListStream is too short (truncated)");
        const std::uint64_t n = u32(list.data());
        if (n * 16 > list.size() - 4)
            return bad(name,
                "its MemoryListStream claims " + std::to_string(n) + " ranges but holds room for "
                    + std::to_string((list.size() - 4) / 16));
        for (std::uint64_t i = 0; i < n; ++i) {
            const unsigned char *d = list.data() + 4 + i * 16;
            const Address start = u64(d);
            const std::uint64_t size = u32(d + 8), rva = u32(d + 12);
            if (start + size < start || rva > src.size() || size > src.size() - rva)
                return bad(name,
                    "memory range " + std::to_string(i) + " at " + hexAddress(start)
                        + " of the MemoryListStream runs past the end of the file (truncated)");
            if (size)
                dump.held.push_back({ start, start + size, rva });
        }
    }
    std::sort(
        dump.held.begin(), dump.held.end(), [](const HeldRange &a, const HeldRange &b) { return a.start < b.start; });
    for (std::size_t i = 1; i < dump.held.size(); ++i)
        if (dump.held[i].start < dump.held[i - 1].end)
            return bad(name,
                "memory ranges at " + hexAddress(dump.held[i - 1].start) + " and " + hexAddress(dump.held[i].start)
                    + " overlap");

    ProcessContext ctx;
    ctx.platform = "windows";
    ctx.pageSize = 4096;
    ctx.timestampMs = timestamp * 1000;
    ctx.userSpaceTop = top;
    if (streamBytes(MiscInfoStream, list) && list.size() >= 12 && (u32(list.data() + 4) & 1))
        ctx.pid = u32(list.data() + 8);
    if (streamBytes(SystemInfoStream, list) && list.size() >= 2) {
        const std::uint16_t arch = u16(list.data());
        if (arch == 9 || arch == 12) // AMD64, ARM64: lpMaximumApplicationAddress + 1, as the live source
            ctx.userSpaceTop = 0x7fffffff0000ULL;
        else if (arch == 0)
            ctx.userSpaceTop = 0x7fff0000ULL;
    }
    if (!modules.empty()) {
        ctx.executablePath = modules.front().name; // the program comes first
        const auto slash = ctx.executablePath.find_last_of("\\/");
        ctx.processName = slash == std::string::npos ? ctx.executablePath : ctx.executablePath.substr(slash + 1);
        ctx.commandLine = ctx.executablePath;
    }
    for (const winmem::BasicInfo &b : answers)
        ctx.userSpaceTop = std::max(ctx.userSpaceTop, b.base + b.size);

    ParsedMaps parsed;
    std::map<std::string, std::shared_ptr<const std::string>> names;
    Address lastBase = ~Address(0);
    for (const winmem::BasicInfo &b : answers) {
        Region r = winmem::regionOf(b, ctx.pageSize);
        if (r.type == RegionType::Image) {
            for (const Module &m : modules) {
                if (r.start >= m.base && r.start < m.end) {
                    auto it = names.find(m.name);
                    if (it == names.end())
                        it = names.emplace(m.name, std::make_shared<const std::string>(m.name)).first;
                    r.pathPtr = it->second;
                    break;
                }
            }
        }
        if (r.state == RegionState::Committed)
            for (std::size_t c = 0; c < kCounterCount; ++c)
                r.setCounterKnown(Counter(c), false);
        winmem::noteAllocationBase(parsed.extras, std::uint32_t(parsed.mappings.size()), b.allocationBase, lastBase);
        parsed.mappings.push_back(std::move(r));
    }
    dump.snapshot = winmem::finishSnapshot(std::move(parsed), ctx, 64 * 1024, nullptr);
    for (Region &r : dump.snapshot.regions)
        if (r.type != RegionType::Free)
            for (std::size_t c = 0; c < kCounterCount; ++c)
                r.setCounterKnown(Counter(c), false);
    return dump;
}

} // namespace vmatlas
