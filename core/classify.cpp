#include "classify.h"

#include <algorithm>
#include <set>
#include <utility>

namespace vmatlas {

namespace {

bool isKernelCodePage(const std::string &path)
{
    return path == "[vdso]" || path == "[vvar]" || path == "[vvar_vclock]" || path == "[vsyscall]";
}

bool startsWith(const std::string &s, std::string_view prefix)
{
    return s.size() >= prefix.size() && std::string_view(s).substr(0, prefix.size()) == prefix;
}

bool endsWith(const std::string &s, std::string_view suffix)
{
    return s.size() >= suffix.size() && std::string_view(s).substr(s.size() - suffix.size()) == suffix;
}

// The label of a mapping of a file (inode != 0) that is not the program. Page-file-backed sections (shmem)
// are named " (deleted)" by the kernel: that is what they are, not a file that was lost.
LabelKind fileLabel(const std::string &path, bool shared, bool anonHuge)
{
    if (startsWith(path, "/memfd:"))
        return LabelKind::Memfd;
    if (startsWith(path, "/SYSV") && endsWith(path, " (deleted)"))
        return LabelKind::SysvShm;
    if (shared && (path == "/dev/zero (deleted)" || anonHuge))
        return LabelKind::SharedAnon;
    if (!anonHuge && endsWith(path, " (deleted)"))
        return LabelKind::Deleted;
    return LabelKind::None;
}

} // namespace

Snapshot classify(ParsedMaps parsed, const ProcessContext &context)
{
    std::vector<Region> &maps = parsed.mappings;

    // Image: every private mapping of a file the process maps executable (privately) anywhere, and the program
    // itself. Mapped: every MAP_SHARED mapping, even of such a file (a view of a section, as Windows'
    // MapViewOfFile of an exe without SEC_IMAGE), and private mappings of other files. Private: anonymous
    // private memory, private hugetlb memory ("/anon_hugepage (deleted)") included.
    auto fileKey = [](const Region &r) {
        return std::pair { (std::uint64_t(r.devMajor) << 32) | r.devMinor, r.inode };
    };
    std::set<std::pair<std::uint64_t, std::uint64_t>> imageFiles;
    for (const Region &r : maps) {
        if (r.protection.execute && r.protection.sharing != 's' && r.inode != 0)
            imageFiles.insert(fileKey(r));
    }

    for (Region &r : maps) {
        const std::string &path = r.path();
        const bool shared = r.protection.sharing == 's';
        const bool program = !context.executablePath.empty() && path == context.executablePath;
        const bool anonHuge = path == "/anon_hugepage (deleted)" || path == "/anon_hugepage";
        r.state = r.protection.accessible() ? RegionState::Committed : RegionState::Reserved;
        if (isKernelCodePage(path) || (!shared && (program || (r.inode != 0 && imageFiles.count(fileKey(r))))))
            r.type = RegionType::Image;
        else if (shared || (!anonHuge && (r.inode != 0 || (!path.empty() && path.front() != '['))))
            r.type = RegionType::Mapped;
        else
            r.type = RegionType::Private;

        if (path == "[heap]")
            r.labelKind = LabelKind::Heap;
        else if (path == "[stack]")
            r.labelKind = LabelKind::MainStack;
        else if (path == "[vdso]")
            r.labelKind = LabelKind::Vdso;
        else if (path == "[vvar]" || path == "[vvar_vclock]")
            r.labelKind = LabelKind::Vvar;
        else if (path == "[vsyscall]")
            r.labelKind = LabelKind::Vsyscall;
        else if (startsWith(path, "[anon:") || startsWith(path, "[anon_shmem:"))
            r.labelKind = LabelKind::AnonName;
        else if (program)
            r.labelKind = LabelKind::Program; // also when run from a memfd ("/memfd:NAME (deleted)")
        else if (r.inode != 0)
            r.labelKind = fileLabel(path, shared, anonHuge);
    }

    // Thread stacks: the mapping holding each thread's stack pointer.
    for (const ThreadStackPointer &t : context.threads) {
        if (t.sp == 0)
            continue;
        auto it
            = std::upper_bound(maps.begin(), maps.end(), t.sp, [](Address a, const Region &r) { return a < r.start; });
        if (it == maps.begin())
            continue;
        --it;
        if (!it->contains(t.sp) || it->labelKind == LabelKind::MainStack)
            continue;
        if (it->labelKind == LabelKind::None || it->labelKind == LabelKind::AnonName) {
            it->labelKind = LabelKind::ThreadStack;
            it->tid = t.tid;
        }
    }

    // Stacks of running threads, by pattern: glibc maps a thread's stack as a no-access guard (a page, by default)
    // right below a private anonymous rw-p mapping of the default stack size. Other mappings may match too
    // (stacks glibc keeps cached after their threads exited), so the TID is given only when one running thread
    // and one match leave no doubt; the label says the stack was found by pattern either way.
    if (!context.runningThreads.empty() && context.threadStackSize) {
        std::vector<std::size_t> matches;
        for (std::size_t i = 1; i < maps.size(); ++i) {
            const Region &r = maps[i], &g = maps[i - 1];
            const Protection rw { true, true, false, 'p' };
            if (r.labelKind == LabelKind::None && r.inode == 0 && !r.pathPtr && r.protection == rw
                && r.size() == context.threadStackSize && g.end == r.start && g.inode == 0 && !g.pathPtr
                && !g.protection.accessible() && g.labelKind == LabelKind::None && g.size() <= 1024 * 1024)
                matches.push_back(i);
        }
        const bool sure = matches.size() == 1 && context.runningThreads.size() == 1;
        for (std::size_t i : matches) {
            maps[i].labelKind = LabelKind::ThreadStackByPattern;
            maps[i].tid = sure ? context.runningThreads.front() : 0;
        }
    }

    // No-access anonymous mappings: a guard directly below a stack, otherwise a reservation.
    for (std::size_t i = 0; i < maps.size(); ++i) {
        Region &r = maps[i];
        if (r.state != RegionState::Reserved || r.inode != 0 || r.labelKind != LabelKind::None)
            continue;
        bool belowStack = i + 1 < maps.size() && maps[i + 1].start == r.end
            && (maps[i + 1].labelKind == LabelKind::ThreadStack || maps[i + 1].labelKind == LabelKind::MainStack
                || maps[i + 1].labelKind == LabelKind::ThreadStackByPattern);
        r.labelKind = belowStack ? LabelKind::Guard : LabelKind::Reservation;
        if (belowStack)
            r.tid = maps[i + 1].tid;
    }

    Snapshot snap;
    snap.pid = context.pid;
    snap.processName = context.processName;
    snap.commandLine = context.commandLine;
    snap.platform = context.platform;
    snap.timestampMs = context.timestampMs;
    snap.pageSize = context.pageSize;

    // Free gaps are inserted in place when the parser's array has room, moving mappings towards the end. The rows
    // run from address 0 to the top of the user address space without a hole; [vsyscall], the kernel's page
    // past that top, follows the last row (no Free row up to it).
    const std::size_t n = maps.size();
    const bool vsyscallLast = n > 0 && maps[n - 1].labelKind == LabelKind::Vsyscall;
    const std::size_t userEnd = vsyscallLast ? n - 1 : n; // the Free row up to the top goes before this index
    // The gap before mapping i (i == n: after the last one), or an empty range.
    auto gapBefore = [&](std::size_t i) -> std::pair<Address, Address> {
        const Address gapStart = i == 0 ? 0 : maps[i - 1].end;
        const Address gapEnd = i < userEnd ? maps[i].start : (i == userEnd ? context.userSpaceTop : 0);
        return { gapStart, std::max(gapStart, gapEnd) };
    };
    std::size_t gaps = 0;
    for (std::size_t i = 0; i <= n && n > 0; ++i) {
        auto [gs, ge] = gapBefore(i);
        gaps += gs < ge;
    }
    std::vector<std::uint32_t> newIndex(n);
    const std::size_t rowCount = n + gaps;
    const bool tooMuchRoom = context.trimCapacity && maps.capacity() > rowCount + rowCount / 8;
    if (gaps && (maps.capacity() < rowCount || tooMuchRoom)) {
        // Too little room, or more than is kept: each mapping moves once, into an array of the exact size, its
        // gap before it.
        std::vector<Region> rows;
        rows.reserve(n + gaps);
        for (std::size_t i = 0; i <= n; ++i) {
            const auto [gs, ge] = gapBefore(i); // maps[i - 1].end stays readable once moved from
            if (gs < ge) {
                Region &g = rows.emplace_back();
                g.start = gs;
                g.end = ge;
                g.protection.sharing = '-';
            }
            if (i < n) {
                newIndex[i] = static_cast<std::uint32_t>(rows.size());
                rows.push_back(std::move(maps[i]));
            }
        }
        maps = std::move(rows);
    } else if (gaps) {
        const auto [topStart, topEnd] = gapBefore(n); // read before the mappings move
        maps.resize(n + gaps);
        std::size_t j = n + gaps;
        auto putGap = [&](Address gs, Address ge) {
            Region &g = maps[--j];
            g = Region {};
            g.start = gs;
            g.end = ge;
            g.protection.sharing = '-';
        };
        if (topStart < topEnd)
            putGap(topStart, topEnd);
        for (std::size_t i = n; i-- > 0;) {
            const auto [gs, ge] = gapBefore(i);
            if (--j != i)
                maps[j] = std::move(maps[i]);
            newIndex[i] = static_cast<std::uint32_t>(j);
            if (gs < ge)
                putGap(gs, ge);
        }
    } else {
        for (std::size_t i = 0; i < n; ++i)
            newIndex[i] = static_cast<std::uint32_t>(i);
    }
    if (context.trimCapacity && maps.capacity() > maps.size() + maps.size() / 8)
        maps.shrink_to_fit(); // no gaps, and the parser left much room
    snap.regions = std::move(maps);
    snap.extras = std::move(parsed.extras);
    for (ExtraField &e : snap.extras)
        e.region = newIndex[e.region];
    return snap;
}

} // namespace vmatlas
