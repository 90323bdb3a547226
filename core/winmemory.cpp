#include "winmemory.h"

#include "classify.h"

#include <tuple>
#include <utility>

namespace vmatlas::winmem {

Protection protectionOf(std::uint32_t protect, std::uint32_t type)
{
    Protection p;
    const std::uint32_t base = protect & 0xff;
    switch (base) {
    case PageReadOnly:
        p.read = true;
        break;
    case PageReadWrite:
    case PageWriteCopy:
        p.read = p.write = true;
        break;
    case PageExecute:
        p.execute = true;
        break;
    case PageExecuteRead:
        p.read = p.execute = true;
        break;
    case PageExecuteReadWrite:
    case PageExecuteWriteCopy:
        p.read = p.write = p.execute = true;
        break;
    default:
        break; // PAGE_NOACCESS, or 0 for a reservation
    }
    if (base == PageWriteCopy || base == PageExecuteWriteCopy)
        p.sharing = 'c';
    else
        p.sharing = type == MemPrivate ? 'p' : 's';
    return p;
}

Region regionOf(const BasicInfo &info, std::uint32_t pageSize)
{
    Region r;
    r.start = info.base;
    r.end = info.base + info.size;
    r.state = info.state == MemCommit ? RegionState::Committed : RegionState::Reserved;
    r.type = info.type == MemImage ? RegionType::Image
                                   : (info.type == MemMapped ? RegionType::Mapped : RegionType::Private);
    r.protection = protectionOf(info.state == MemCommit ? info.protect : 0, info.type);
    if (info.state == MemCommit && (info.protect & PageGuard))
        r.labelKind = LabelKind::Guard;
    r.setKernelPageSize(pageSize);
    r.setMmuPageSize(pageSize);
    return r;
}

void noteAllocationBase(std::vector<ExtraField> &extras, std::uint32_t index, Address allocationBase, Address &lastBase)
{
    if (allocationBase != lastBase) {
        extras.push_back({ index, "AllocationBase", hexAddress(allocationBase) });
        lastBase = allocationBase;
    }
}

Snapshot finishSnapshot(
    ParsedMaps parsed, const ProcessContext &context, std::uint64_t allocationGranularity, const ProcessFacts *facts)
{
    // Windows already says what is Image, Mapped or Private: keep its types, let classify() add the gaps
    // and the labels it can.
    std::vector<std::pair<RegionType, RegionState>> kinds;
    for (const Region &r : parsed.mappings)
        kinds.emplace_back(r.type, r.state);
    Snapshot s = classify(std::move(parsed), context);
    std::size_t i = 0;
    for (Region &r : s.regions) {
        if (r.type == RegionType::Free && r.state == RegionState::Free)
            continue;
        std::tie(r.type, r.state) = kinds[i++];
        // Committed with PAGE_NOACCESS is not a reservation, whatever its access.
        if (r.state == RegionState::Committed && r.labelKind == LabelKind::Reservation)
            r.labelKind = LabelKind::None;
    }
    // Use: free space below the next 64 KiB boundary after an allocation is Unusable (VMMap's row).
    splitUnusableSlack(s, allocationGranularity ? allocationGranularity : 64 * 1024);
    assignUses(s, facts ? *facts : factsFromSnapshot(s));
    return s;
}

} // namespace vmatlas::winmem
