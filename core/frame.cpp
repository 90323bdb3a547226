#include "frame.h"

namespace vmatlas {

FramePtr makeFrame(SnapshotPtr snapshot, SnapshotPtr before, const ProcessFacts *facts)
{
    auto frame = std::make_shared<SnapshotFrame>();
    frame->totals = computeTotals(*snapshot);
    const ProcessFacts known = facts ? *facts : factsFromSnapshot(*snapshot);
    frame->useTotals = computeUseTotals(*snapshot, known);
    frame->reconciliation = reconcile(*snapshot, frame->useTotals, known);
    frame->haveFaults = known.haveFaults;
    frame->minorFaults = known.minorFaults;
    frame->majorFaults = known.majorFaults;
    if (before)
        frame->diff = diffSnapshots(*before, *snapshot);
    frame->starts.reserve(snapshot->regions.size());
    for (const Region &r : snapshot->regions)
        frame->starts.push_back(r.start);
    frame->snapshot = std::move(snapshot);
    frame->before = std::move(before);
    return frame;
}

bool isLayoutChange(const RegionChange &change)
{
    return change.kind != ChangeKind::Changed || (change.fields & ~std::uint32_t(ChangedCounters)) != 0;
}

} // namespace vmatlas
