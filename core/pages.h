#pragma once

#include "model.h"
#include "result.h"

#include <array>
#include <cstdint>
#include <vector>

namespace vmatlas {

// /proc/PID/pagemap: one 64-bit entry per page.
namespace pagemap {
constexpr std::uint64_t Present = std::uint64_t(1) << 63;
constexpr std::uint64_t Swapped = std::uint64_t(1) << 62;
constexpr std::uint64_t FileOrShared = std::uint64_t(1) << 61;
constexpr std::uint64_t Guard = std::uint64_t(1) << 58; // MADV_GUARD_INSTALL; the kernel sets bit 62 too
constexpr std::uint64_t Exclusive = std::uint64_t(1) << 56;
constexpr std::uint64_t SoftDirty = std::uint64_t(1) << 55; // compiled out of some kernels: never relied on
constexpr std::uint64_t PfnMask = (std::uint64_t(1) << 55) - 1; // bits 0-54: the page frame (0 without CAP_SYS_ADMIN)
} // namespace pagemap

// Rounds [start, end) out to whole pages and checks it: not empty, at most 64 Mi pages, its end not rounded
// past 2^64.
Status roundPageRange(Address &start, Address &end, std::uint32_t pageSize);

// One pagemap entry as a page state. A guard region sets bits 58 and 62: that is a guard, not swap. A present
// anonymous page whose frame is zeroPfn is the shared zero page (zeroPfn 0: not known, such a page is anon).
PageInfo decodePagemapEntry(Address address, std::uint64_t entry, std::uint64_t zeroPfn = 0);

struct PageCounts
{
    std::array<std::uint64_t, kPageStateCount> byState {}; // indexed by PageState
    std::uint64_t exclusive = 0;
    std::uint64_t of(PageState s) const { return byState[static_cast<std::size_t>(s)]; }
};
PageCounts countPages(const std::vector<PageInfo> &pages);

struct PageChange
{
    Address address = 0;
    PageInfo before;
    PageInfo after;
};
// Pages whose state or exclusive bit differs between two scans of the same range.
std::vector<PageChange> diffPages(const std::vector<PageInfo> &before, const std::vector<PageInfo> &after);

} // namespace vmatlas
