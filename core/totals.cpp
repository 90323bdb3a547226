#include "totals.h"

#include <algorithm>

namespace vmatlas {

namespace {

void add(TypeTotals &t, const Region &r, std::uint64_t bytes)
{
    t.size += bytes;
    if (r.state == RegionState::Committed)
        t.committed += bytes;
    t.rss += r.counter(Counter::Rss);
    t.pss += r.counter(Counter::Pss);
    t.swap += r.counter(Counter::Swap);
    t.blocks += 1;
    t.largest = std::max(t.largest, bytes);
}

} // namespace

Totals computeTotals(const Snapshot &snapshot)
{
    Totals totals;
    for (const Region &r : snapshot.regions) {
        add(totals.byType[static_cast<std::size_t>(r.type)], r, r.size());
        if (r.type != RegionType::Free)
            add(totals.all, r, r.size());
    }
    return totals;
}

TypeTotals rangeTotals(const Snapshot &snapshot, Address start, Address end)
{
    TypeTotals t;
    for (const Region &r : snapshot.regionsTouching(start, end))
        if (r.type != RegionType::Free)
            add(t, r, std::min(r.end, end) - std::max(r.start, start));
    return t;
}

} // namespace vmatlas
