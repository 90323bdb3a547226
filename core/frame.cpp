#include "frame.h"

namespace vmatlas {

FramePtr makeFrame(SnapshotPtr snapshot, SnapshotPtr before)
{
    auto frame = std::make_shared<SnapshotFrame>();
    frame->totals = computeTotals(*snapshot);
    if (before)
        frame->diff = diffSnapshots(*before, *snapshot);
    frame->snapshot = std::move(snapshot);
    frame->before = std::move(before);
    return frame;
}

bool isLayoutChange(const RegionChange &change)
{
    return change.kind != ChangeKind::Changed || (change.fields & ~std::uint32_t(ChangedCounters)) != 0;
}

} // namespace vmatlas
