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

} // namespace

Snapshot classify(ParsedMaps parsed, const ProcessContext &context)
{
    std::vector<Region> &maps = parsed.mappings;

    // Image: every mapping of a file the process maps executable anywhere.
    std::set<std::pair<std::uint64_t, std::uint64_t>> imageFiles;
    for (const Region &r : maps) {
        if (r.protection.execute && r.inode != 0)
            imageFiles.emplace((std::uint64_t(r.devMajor) << 32) | r.devMinor, r.inode);
    }

    for (Region &r : maps) {
        const std::string &path = r.path();
        r.state = r.protection.accessible() ? RegionState::Committed : RegionState::Reserved;
        if (isKernelCodePage(path)
            || (r.inode != 0 && imageFiles.count({ (std::uint64_t(r.devMajor) << 32) | r.devMinor, r.inode })))
            r.type = RegionType::Image;
        else if (r.protection.sharing == 's' || r.inode != 0 || (!path.empty() && path.front() != '['))
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
        else if (r.inode != 0 && endsWith(path, " (deleted)"))
            r.labelKind = LabelKind::Deleted;
        else if (!context.executablePath.empty() && path == context.executablePath)
            r.labelKind = LabelKind::Program;
    }

    // Thread stacks: the mapping holding each thread's stack pointer.
    for (const ThreadStackPointer &t : context.threads) {
        if (t.sp == 0)
            continue;
        auto it = std::upper_bound(maps.begin(), maps.end(), t.sp,
                                   [](Address a, const Region &r) { return a < r.start; });
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

    // No-access anonymous mappings: a guard directly below a stack, otherwise a reservation.
    for (std::size_t i = 0; i < maps.size(); ++i) {
        Region &r = maps[i];
        if (r.state != RegionState::Reserved || r.inode != 0 || r.labelKind != LabelKind::None)
            continue;
        bool belowStack = i + 1 < maps.size() && maps[i + 1].start == r.end
            && (maps[i + 1].labelKind == LabelKind::ThreadStack || maps[i + 1].labelKind == LabelKind::MainStack);
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
    std::size_t gaps = 0;
    for (std::size_t i = 1; i < maps.size(); ++i)
        gaps += maps[i - 1].end < maps[i].start && maps[i].labelKind != LabelKind::Vsyscall;
    snap.regions.reserve(maps.size() + gaps);

    std::vector<std::uint32_t> newIndex(maps.size());
    for (std::size_t i = 0; i < maps.size(); ++i) {
        if (i > 0 && maps[i - 1].end < maps[i].start && maps[i].labelKind != LabelKind::Vsyscall) {
            Region gap;
            gap.start = maps[i - 1].end;
            gap.end = maps[i].start;
            gap.protection.sharing = '-';
            snap.regions.push_back(std::move(gap));
        }
        newIndex[i] = static_cast<std::uint32_t>(snap.regions.size());
        snap.regions.push_back(std::move(maps[i]));
    }
    snap.extras = std::move(parsed.extras);
    for (ExtraField &e : snap.extras)
        e.region = newIndex[e.region];
    return snap;
}

} // namespace vmatlas
