#pragma once

#include "diff.h"
#include "model.h"
#include "totals.h"
#include "usage.h"

#include <memory>

namespace vmatlas {

// A snapshot as a viewer receives it: with what it is compared against, the diff between the two and its
// totals, all computed once where the snapshot arrives (the sampler's thread or a worker), so every view
// uses the same diff and nobody recomputes totals on the GUI thread.
struct SnapshotFrame
{
    SnapshotPtr snapshot;
    SnapshotPtr before; // the previous snapshot of the same process, or the one being compared; may be null
    SnapshotDiff diff; // before -> snapshot; empty without before
    Totals totals;
    // What the memory is for: VMMap's columns per use (the Page table row from the process's VmPTE) and how
    // they add up to the kernel's counters; without process facts (a saved file) those rows say unknown.
    UseTotals useTotals;
    std::vector<ReconciliationLine> reconciliation;
    // Each region's start, in order: views that merge their rows by address walk this, not the regions (63k
    // regions are 15 MB; their starts 0.5 MB).
    std::vector<Address> starts;
    // The process's page faults so far when the snapshot was read (live only): the timeline shows their rate.
    bool haveFaults = false;
    std::uint64_t minorFaults = 0;
    std::uint64_t majorFaults = 0;
};
using FramePtr = std::shared_ptr<const SnapshotFrame>;

// Computes the diff (when before is given) and the totals. snapshot must not be null; facts (the process's
// status counters) are read by the caller when the snapshot comes from a live process.
FramePtr makeFrame(SnapshotPtr snapshot, SnapshotPtr before, const ProcessFacts *facts = nullptr);

// The diff's regions whose layout changed (bounds, protection, state, type or path), as opposed to a change
// of counters only: the map outlines those.
bool isLayoutChange(const RegionChange &change);

} // namespace vmatlas
