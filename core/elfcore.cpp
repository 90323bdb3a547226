// ELF core files: regions from the PT_LOAD segments and the NT_FILE note, the process from NT_PRPSINFO,
// its threads from NT_PRSTATUS, the program and the vDSO from NT_AUXV.
#include "classify.h"
#include "dumpbytes.h"
#include "postmortem.h"
#include "usage.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace vmatlas {

namespace {

using namespace dumpbytes;

constexpr std::uint32_t PtLoad = 1;
constexpr std::uint32_t PtNote = 4;
constexpr std::uint32_t NtPrstatus = 1;
constexpr std::uint32_t NtPrpsinfo = 3;
constexpr std::uint32_t NtAuxv = 6;
constexpr std::uint32_t NtFile = 0x46494c45;
constexpr std::uint64_t AtPhdr = 3;
constexpr std::uint64_t AtSysinfoEhdr = 33;
constexpr std::uint16_t EmX86_64 = 62;
constexpr std::uint64_t kMaxSegments = std::uint64_t(1) << 22;
constexpr std::uint64_t kMaxNoteBytes = std::uint64_t(64) << 20;
constexpr Address kVsyscall = 0xffffffffff600000ULL;

struct Segment
{
    Address start = 0, end = 0;
    std::uint64_t offset = 0, fileSize = 0;
    std::uint32_t flags = 0;
};

struct FileMapping
{
    Address start = 0, end = 0;
    std::uint64_t offset = 0;
    std::string path;
};

struct Thread
{
    std::int32_t tid = 0;
    Address sp = 0;
};

struct Notes
{
    Pid pid = 0;
    std::string name, args;
    std::vector<Thread> threads;
    std::vector<FileMapping> files;
    std::uint64_t filePageSize = 0;
    Address phdr = 0, vdso = 0;
};

Error bad(const std::string &name, const std::string &what)
{
    return makeError(ErrorCode::BadInput, name + ": " + what);
}

std::string hex(std::uint64_t v)
{
    return hexAddress(v);
}

Status parseNotes(const unsigned char *p, std::size_t n, bool x86_64, const std::string &name, Notes &notes)
{
    std::size_t pos = 0;
    while (pos + 12 <= n) {
        const std::uint64_t namesz = u32(p + pos), descsz = u32(p + pos + 4);
        const std::uint32_t type = u32(p + pos + 8);
        const std::uint64_t nameAt = pos + 12, descAt = nameAt + ((namesz + 3) & ~std::uint64_t(3));
        const std::uint64_t next = descAt + ((descsz + 3) & ~std::uint64_t(3));
        if (descAt > n || descsz > n - descAt)
            return bad(name, "a note at byte " + std::to_string(pos) + " of the notes runs past their end (truncated)");
        const std::string owner = fixedText(p + nameAt, std::size_t(namesz));
        const unsigned char *d = p + descAt;
        if (owner == "CORE") {
            if (type == NtPrpsinfo && descsz >= 136) {
                notes.pid = std::int32_t(u32(d + 24));
                notes.name = fixedText(d + 40, 15); // comm: at most 15 characters, as /proc says it
                // The kernel puts spaces between the arguments, gdb leaves the NULs of /proc/PID/cmdline.
                notes.args.assign(reinterpret_cast<const char *>(d + 56), 80);
                while (!notes.args.empty() && (notes.args.back() == ' ' || notes.args.back() == '\0'))
                    notes.args.pop_back();
                std::replace(notes.args.begin(), notes.args.end(), '\0', ' ');
            } else if (type == NtPrstatus && descsz >= 40) {
                Thread t;
                t.tid = std::int32_t(u32(d + 32));
                if (x86_64 && descsz >= 272)
                    t.sp = u64(d + 112 + 19 * 8); // pr_reg: user_regs_struct, rsp is its 20th field
                notes.threads.push_back(t);
            } else if (type == NtAuxv) {
                for (std::uint64_t i = 0; i + 16 <= descsz; i += 16) {
                    const std::uint64_t key = u64(d + i), value = u64(d + i + 8);
                    if (key == AtPhdr)
                        notes.phdr = value;
                    else if (key == AtSysinfoEhdr)
                        notes.vdso = value;
                }
            } else if (type == NtFile) {
                if (descsz < 16)
                    return bad(name, "the NT_FILE note is " + std::to_string(descsz) + " bytes, too short");
                const std::uint64_t count = u64(d), pageSize = u64(d + 8);
                if (count > (descsz - 16) / 24)
                    return bad(name,
                        "the NT_FILE note claims " + std::to_string(count) + " files but holds room for "
                            + std::to_string((descsz - 16) / 24));
                if (pageSize == 0 || (pageSize & (pageSize - 1)) || pageSize > (std::uint64_t(1) << 30))
                    return bad(name, "the NT_FILE note gives a page size of " + std::to_string(pageSize));
                notes.filePageSize = pageSize;
                std::size_t text = std::size_t(16 + count * 24);
                for (std::uint64_t i = 0; i < count; ++i) {
                    FileMapping f;
                    f.start = u64(d + 16 + i * 24);
                    f.end = u64(d + 16 + i * 24 + 8);
                    const std::uint64_t pages = u64(d + 16 + i * 24 + 16);
                    if (f.end <= f.start || pages > ~std::uint64_t(0) / pageSize)
                        return bad(name, "the NT_FILE note's file " + std::to_string(i + 1) + " has a bad range");
                    f.offset = pages * pageSize;
                    std::size_t len = 0;
                    while (text + len < descsz && d[text + len])
                        ++len;
                    if (text + len >= descsz)
                        return bad(name,
                            "the NT_FILE note's names end early (truncated at file " + std::to_string(i + 1) + ")");
                    f.path.assign(reinterpret_cast<const char *>(d + text), len);
                    // "[vsyscall]", "[stack]"…: names of the kernel's own mappings, never of a file.
                    if (!f.path.empty() && f.path.front() == '[')
                        return bad(name,
                            "the NT_FILE note names a file '" + f.path.substr(0, 40)
                                + "', a name only the kernel's own mappings have");
                    text += len + 1;
                    notes.files.push_back(std::move(f));
                }
            }
        }
        if (next <= pos)
            break;
        pos = std::size_t(std::min<std::uint64_t>(next, n));
    }
    return Ok {};
}

// The program headers of an ELF file mapped at offset 0 and held in the core: their flags say the protections of
// that file's mappings the core holds no contents of (gdb leaves unmodified code out; its header page is kept).
std::vector<std::pair<std::uint64_t, std::uint32_t>> elfLoadFlags(const ByteSource &src, const HeldRange &held)
{
    std::vector<std::pair<std::uint64_t, std::uint32_t>> out;
    unsigned char h[64];
    const std::uint64_t heldBytes = held.end - held.start;
    if (heldBytes < 64 || !src.read(held.fileOffset, h, 64)
        || std::memcmp(h,
               "\x7f"
               "ELF",
               4)
            != 0
        || h[4] != 2)
        return out;
    const std::uint64_t phoff = u64(h + 32);
    const std::uint16_t phentsize = u16(h + 54), phnum = u16(h + 56);
    if (phentsize != 56 || phoff > heldBytes || std::uint64_t(phnum) * 56 > heldBytes - phoff)
        return out;
    std::vector<unsigned char> ph(std::size_t(phnum) * 56);
    if (!src.read(held.fileOffset + phoff, ph.data(), ph.size()))
        return out;
    for (std::size_t i = 0; i < phnum; ++i) {
        const unsigned char *e = ph.data() + i * 56;
        if (u32(e) == PtLoad)
            out.emplace_back(u64(e + 8), u32(e + 4));
    }
    return out;
}

Protection protectionOfFlags(std::uint32_t flags)
{
    Protection p;
    p.execute = flags & 1;
    p.write = flags & 2;
    p.read = flags & 4;
    p.sharing = 'p'; // a core does not say private or shared
    return p;
}

} // namespace

Result<PostMortem> readElfCore(const ByteSource &src, const std::string &name)
{
    unsigned char h[64];
    if (!src.read(0, h, sizeof h))
        return bad(name, "too short for an ELF header (" + std::to_string(src.size()) + " bytes)");
    if (std::memcmp(h,
            "\x7f"
            "ELF",
            4)
        != 0)
        return bad(name, "not an ELF file");
    if (h[4] != 2 || h[5] != 1)
        return bad(name,
            "only 64-bit little-endian cores are read; this one is "
                + std::string(h[4] == 1 ? "32-bit" : "of another class") + (h[5] == 2 ? ", big-endian" : ""));
    if (u16(h + 16) != 4)
        return bad(name, "an ELF file but not a core dump (e_type " + std::to_string(u16(h + 16)) + ")");
    const bool x86_64 = u16(h + 18) == EmX86_64;
    const std::uint64_t phoff = u64(h + 32), shoff = u64(h + 40);
    const std::uint16_t phentsize = u16(h + 54);
    std::uint64_t phnum = u16(h + 56);
    if (phentsize != 56)
        return bad(name, "program headers of " + std::to_string(phentsize) + " bytes (64-bit ELF has 56)");
    if (phnum == 0xffff) { // PN_XNUM: the count is in section header 0
        unsigned char sh[64];
        if (!src.read(shoff, sh, sizeof sh))
            return bad(name, "the section header holding the segment count is past the end of the file (truncated)");
        phnum = u32(sh + 44);
    }
    if (phnum > kMaxSegments)
        return bad(name, "claims " + std::to_string(phnum) + " segments, more than any process has");
    if (phoff > src.size() || phnum * 56 > src.size() - phoff)
        return bad(name,
            "claims " + std::to_string(phnum) + " program headers at byte " + std::to_string(phoff)
                + ", past the end of its " + std::to_string(src.size()) + " bytes (truncated?)");
    std::vector<unsigned char> ph(std::size_t(phnum * 56));
    if (!src.read(phoff, ph.data(), ph.size()))
        return makeError(ErrorCode::Io, name + ": cannot read the program headers");

    std::vector<Segment> segments;
    Notes notes;
    for (std::uint64_t i = 0; i < phnum; ++i) {
        const unsigned char *e = ph.data() + i * 56;
        const std::uint32_t type = u32(e);
        const std::uint64_t offset = u64(e + 8), vaddr = u64(e + 16), filesz = u64(e + 32), memsz = u64(e + 40);
        if (type == PtNote) {
            if (filesz > kMaxNoteBytes)
                return bad(name, "a note segment of " + std::to_string(filesz) + " bytes, too large");
            if (offset > src.size() || filesz > src.size() - offset)
                return bad(name, "the notes run past the end of the file (truncated)");
            std::vector<unsigned char> buf(static_cast<std::size_t>(filesz));
            if (!src.read(offset, buf.data(), buf.size()))
                return makeError(ErrorCode::Io, name + ": cannot read the notes");
            if (auto st = parseNotes(buf.data(), buf.size(), x86_64, name, notes); !st)
                return st.error();
        } else if (type == PtLoad && memsz > 0) {
            if (vaddr + memsz < vaddr)
                return bad(name,
                    "segment " + std::to_string(i) + " at " + hex(vaddr) + " wraps past the end of the address space");
            if (vaddr % 4096)
                return bad(name, "segment " + std::to_string(i) + " at " + hex(vaddr) + " does not start on a page");
            if (filesz > memsz)
                return bad(
                    name, "segment " + std::to_string(i) + " at " + hex(vaddr) + " holds more bytes than it spans");
            if (offset > src.size() || filesz > src.size() - offset)
                return bad(name,
                    "segment " + std::to_string(i) + " at " + hex(vaddr) + " holds " + std::to_string(filesz)
                        + " bytes at byte " + std::to_string(offset) + ", past the end of the file of "
                        + std::to_string(src.size()) + " bytes (truncated core)");
            segments.push_back({ vaddr, vaddr + memsz, offset, filesz, u32(e + 4) });
        }
    }
    std::sort(segments.begin(), segments.end(), [](const Segment &a, const Segment &b) { return a.start < b.start; });
    for (std::size_t i = 1; i < segments.size(); ++i)
        if (segments[i].start < segments[i - 1].end)
            return bad(
                name, "segments at " + hex(segments[i - 1].start) + " and " + hex(segments[i].start) + " overlap");
    std::sort(notes.files.begin(), notes.files.end(),
        [](const FileMapping &a, const FileMapping &b) { return a.start < b.start; });
    for (std::size_t i = 1; i < notes.files.size(); ++i)
        if (notes.files[i].start < notes.files[i - 1].end)
            return bad(name,
                "the NT_FILE note's files at " + hex(notes.files[i - 1].start) + " and " + hex(notes.files[i].start)
                    + " overlap");

    PostMortem dump;
    dump.format = DumpFormat::ElfCore;
    // NT_FILE's unit for offsets is no page size: gdb writes 1. The cores read here are x86-64 ones or alike.
    const std::uint32_t pageSize = 4096;
    for (const Segment &s : segments)
        if (s.fileSize)
            dump.held.push_back({ s.start, s.start + s.fileSize, s.offset });

    // Regions: the segments, then the files' ranges no segment covers (mapped, contents not in the core).
    std::map<std::string, std::shared_ptr<const std::string>> paths;
    auto pathPtr = [&](const std::string &p) {
        auto it = paths.find(p);
        if (it == paths.end())
            it = paths.emplace(p, std::make_shared<const std::string>(p)).first;
        return it->second;
    };
    std::vector<Region> regions;
    std::vector<bool> assumed; // protection not in the core
    for (const Segment &s : segments) {
        Region r;
        r.start = s.start;
        r.end = s.end;
        r.protection = protectionOfFlags(s.flags);
        regions.push_back(r);
        assumed.push_back(false);
    }
    std::vector<Region> fileOnly; // added after the walk: pushing onto regions would move what it walks
    for (const FileMapping &f : notes.files) {
        Address a = f.start;
        auto it = std::upper_bound(regions.begin(), regions.begin() + std::ptrdiff_t(segments.size()), f.start,
            [](Address x, const Region &r) { return x < r.start; });
        if (it != regions.begin() && std::prev(it)->end > f.start)
            --it;
        for (; it != regions.begin() + std::ptrdiff_t(segments.size()) && it->start < f.end; ++it) {
            if (it->start > a) {
                Region gap;
                gap.start = a;
                gap.end = it->start;
                gap.offset = f.offset + (a - f.start);
                gap.pathPtr = pathPtr(f.path);
                fileOnly.push_back(gap);
            }
            if (it->start >= f.start) {
                it->pathPtr = pathPtr(f.path);
                it->offset = f.offset + (it->start - f.start);
            }
            a = std::max(a, it->end);
        }
        if (a < f.end) {
            Region rest;
            rest.start = a;
            rest.end = f.end;
            rest.offset = f.offset + (a - f.start);
            rest.pathPtr = pathPtr(f.path);
            fileOnly.push_back(rest);
        }
    }
    for (Region &r : fileOnly) {
        regions.push_back(std::move(r));
        assumed.push_back(true);
    }
    // Protections of the file ranges without contents, from the ELF program headers of their file's first page.
    std::map<std::string, std::vector<std::pair<std::uint64_t, std::uint32_t>>> elfFlags;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Region &r = regions[i];
        if (!r.pathPtr || r.offset != 0 || elfFlags.count(r.path()))
            continue;
        auto held
            = std::find_if(dump.held.begin(), dump.held.end(), [&](const HeldRange &h) { return h.start == r.start; });
        if (held != dump.held.end())
            elfFlags[r.path()] = elfLoadFlags(src, *held);
    }
    ParsedMaps parsed;
    std::vector<std::size_t> order(regions.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return regions[a].start < regions[b].start; });
    std::map<std::string, std::uint64_t> fileIds;
    for (std::size_t i : order) {
        Region r = regions[i];
        if (assumed[i]) {
            bool found = false;
            if (auto flags = elfFlags.find(r.path()); flags != elfFlags.end()) {
                for (const auto &[fileOffset, f] : flags->second) {
                    if (fileOffset / pageSize * pageSize == r.offset) {
                        r.protection = protectionOfFlags(f);
                        found = true;
                        break;
                    }
                }
            }
            if (!found) {
                r.protection = protectionOfFlags(4); // read-only: what a mapped file usually is
                parsed.extras.push_back(
                    { std::uint32_t(parsed.mappings.size()), "Protection", "not in the core (assumed r--)" });
            }
        }
        // Names only shared memory has: shared anonymous memory and SysV segments (a memfd may be mapped either way).
        if (r.pathPtr
            && (r.path() == "/dev/zero (deleted)"
                || (r.path().rfind("/SYSV", 0) == 0 && r.path().size() > 10
                    && r.path().compare(r.path().size() - 10, 10, " (deleted)") == 0)))
            r.protection.sharing = 's';
        if (r.start == notes.vdso && notes.vdso && !r.pathPtr)
            r.pathPtr = pathPtr("[vdso]");
        if (r.start == kVsyscall && !r.pathPtr && i == order.back()) {
            r.pathPtr = pathPtr("[vsyscall]");
            r.protection.read = false; // execute-only, as the kernel maps it; a core reads it out regardless
        }
        for (const Thread &t : notes.threads)
            if (t.tid == notes.pid && r.contains(t.sp) && !r.pathPtr)
                r.pathPtr = pathPtr("[stack]");
        // classify() tells files by inode: a core has none, so each path gets a stand-in, cleared after.
        if (r.pathPtr && r.path().front() != '[')
            r.inode = fileIds.emplace(r.path(), fileIds.size() + 1).first->second;
        r.setKernelPageSize(pageSize);
        r.setMmuPageSize(pageSize);
        parsed.mappings.push_back(std::move(r));
    }

    ProcessContext ctx;
    ctx.pid = notes.pid;
    ctx.processName = notes.name;
    ctx.commandLine = notes.args;
    ctx.pageSize = pageSize;
    ctx.userSpaceTop = x86_64 ? 0x7ffffffff000ULL : 0;
    // A mapping above the usual top (another layout, or a damaged core): no Free row up to it.
    for (const Region &r : parsed.mappings)
        if (r.start != kVsyscall && r.end > ctx.userSpaceTop)
            ctx.userSpaceTop = 0;
    for (const FileMapping &f : notes.files)
        if (notes.phdr >= f.start && notes.phdr < f.end)
            ctx.executablePath = f.path;
    for (const Thread &t : notes.threads)
        if (t.tid != notes.pid)
            ctx.threads.push_back({ t.tid, t.sp });
    Snapshot snap = classify(std::move(parsed), ctx);
    for (Region &r : snap.regions) {
        r.inode = 0;
        if (r.type != RegionType::Free)
            for (std::size_t c = 0; c < kCounterCount; ++c)
                r.setCounterKnown(Counter(c), false);
    }
    assignUses(snap, factsFromSnapshot(snap));
    dump.snapshot = std::move(snap);
    return dump;
}

} // namespace vmatlas
