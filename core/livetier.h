#pragma once

#include "model.h"
#include "result.h"

#include <cstdint>
#include <functional>
#include <mutex>

// The live tier: a tick that does not read smaps. The kernel computes smaps' counters by walking every page of
// every mapping with its reverse map (PSS, shared/private); on a process with tens of thousands of mappings
// that costs several times reading its layout. A live tick reads the layout (maps or PROCMAP_QUERY) and the
// page residency (PAGEMAP_SCAN): RSS, anonymous and swapped bytes per region, fresh. The other counters come
// from the last full read for the regions that are still there, unchanged, with that read's time
// (Snapshot::countersReadMs); a region that is new since has them absent (not read), never zero.
namespace vmatlas {

// The counters a live tick reads itself.
constexpr std::uint32_t kLiveCounters
    = Region::counterBit(Counter::Rss) | Region::counterBit(Counter::Anonymous) | Region::counterBit(Counter::Swap);
constexpr std::uint32_t kAllCounterBits = (std::uint32_t(1) << kCounterCount) - 1;

// Fills what live lacks from full, the last full read of the same process: for each region of live whose
// bounds, offset, inode and path match a region of full, the counters live did not read and what only smaps
// gives (VmFlags, page sizes, THP eligibility, protection key). live.countersReadMs becomes full's.
void carryFullCounters(Snapshot &live, const Snapshot &full);

// Decides, tick by tick, between a full read and a live one; the sampler's source in the window.
class TieredReader
{
public:
    using Reader = std::function<Result<Snapshot>(Pid)>;

    struct Options
    {
        // A full read at least every this many ticks (1: every tick is full).
        int fullEvery = 10;
        // A process whose full read takes less than this is always read in full: the live tier only pays off
        // where smaps is slow.
        std::int64_t alwaysFullBelowMs = 25;
    };

    TieredReader(Pid pid, Reader full, Reader live);
    TieredReader(Pid pid, Reader full, Reader live, Options options);

    // The next snapshot: full or live as decided above. Thread-safe with requestFull().
    Result<Snapshot> read();
    // The next read() is a full one (paused, a region selected, on demand).
    void requestFull();
    // Starts from a full snapshot read elsewhere (the first one, when attaching), and how long it took.
    void seed(const Snapshot &full, std::int64_t tookMs);
    bool lastWasFull() const;
    std::int64_t lastFullMs() const; // how long the last full read took

private:
    Pid m_pid;
    Reader m_full;
    Reader m_live;
    Options m_options;
    mutable std::mutex m_mutex;
    std::shared_ptr<const Snapshot> m_lastFull;
    std::int64_t m_lastFullTook = -1;
    int m_sinceFull = 0;
    bool m_wantFull = true;
    bool m_lastWasFull = false;
};

} // namespace vmatlas
