#pragma once

#include "model.h"

#include <array>

namespace vmatlas {

struct TypeTotals
{
    std::uint64_t size = 0;
    std::uint64_t committed = 0;
    std::uint64_t rss = 0;
    std::uint64_t pss = 0;
    std::uint64_t swap = 0;
    std::uint64_t blocks = 0;
    std::uint64_t largest = 0; // the largest block of this type (for Free: the largest free block)
    bool operator==(const TypeTotals &) const = default;
};

struct Totals
{
    std::array<TypeTotals, 4> byType {}; // indexed by RegionType
    TypeTotals all {}; // every region but Free

    const TypeTotals &of(RegionType t) const { return byType[static_cast<std::size_t>(t)]; }
};

Totals computeTotals(const Snapshot &snapshot);
// Totals of the regions overlapping [start, end), counting only the overlapping bytes of size/committed.
TypeTotals rangeTotals(const Snapshot &snapshot, Address start, Address end);

} // namespace vmatlas
