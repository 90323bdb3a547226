#pragma once

#include "model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vmatlas {

enum class ChangeKind : std::uint8_t
{
    Added,
    Removed,
    Changed
};
std::string_view changeKindName(ChangeKind kind);

// What differs in a changed region (bit set).
enum ChangeField : std::uint32_t
{
    ChangedBounds = 1,
    ChangedProtection = 2,
    ChangedState = 4,
    ChangedType = 8,
    ChangedPath = 16,
    ChangedCounters = 32,
};
std::string changeFieldsToString(std::uint32_t fields); // "bounds protection"

struct RegionChange
{
    ChangeKind kind = ChangeKind::Changed;
    Region before; // empty for Added
    Region after; // empty for Removed
    std::uint32_t fields = 0;
    const Region &current() const { return kind == ChangeKind::Removed ? before : after; }
};

struct SnapshotDiff
{
    std::vector<RegionChange> changes; // sorted by address
    std::string hostBefore, hostAfter; // the snapshots' hosts (empty: this machine)
    std::size_t count(ChangeKind kind) const;
};

// Regions (Free gaps aside) added, removed and changed from a to b. A region is the same one in both
// when it keeps its start address (a heap growing) or its end address (a stack growing down).
SnapshotDiff diffSnapshots(const Snapshot &a, const Snapshot &b);

// The diff as CSV: change,start,end,size,type,state,protection,path,changed,before_start,before_end,
// before_protection,before_state,rss_before,rss,swap_before,swap,pss_before,pss,host. A counter of a side that
// has no region (added, removed) or did not read it is empty.
std::string diffToCsv(const SnapshotDiff &diff);
// A readable report, one line per change.
std::string diffToText(const SnapshotDiff &diff);

} // namespace vmatlas
