#include "livetier.h"

#include <chrono>

namespace vmatlas {

namespace {

bool sameMapping(const Region &a, const Region &b)
{
    return a.start == b.start && a.end == b.end && a.offset == b.offset && a.inode == b.inode
        && a.devMajor == b.devMajor && a.devMinor == b.devMinor && a.protection == b.protection
        && (a.pathPtr == b.pathPtr || a.path() == b.path());
}

std::int64_t steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

void carryFullCounters(Snapshot &live, const Snapshot &full)
{
    live.countersReadMs = full.countersReadMs ? full.countersReadMs : full.timestampMs;
    std::size_t j = 0;
    for (Region &r : live.regions) {
        if (r.type == RegionType::Free)
            continue;
        while (j < full.regions.size() && full.regions[j].end <= r.start)
            ++j;
        if (j == full.regions.size() || !sameMapping(r, full.regions[j]))
            continue;
        const Region &f = full.regions[j];
        for (std::size_t c = 0; c < kCounterCount; ++c) {
            const auto counter = static_cast<Counter>(c);
            if (r.hasCounter(counter) || !f.hasCounter(counter))
                continue;
            r.setCounterKnown(counter, true);
            r.setCounter(counter, f.counter(counter));
        }
        r.vmFlags = f.vmFlags;
        r.vmFlagsPtr = f.vmFlagsPtr;
        r.kernelPageShift = f.kernelPageShift;
        r.mmuPageShift = f.mmuPageShift;
        r.thpEligible = f.thpEligible;
        r.protectionKey = f.protectionKey;
        // A hugetlb mapping (its pages bigger than the base page): smaps counts its pages apart from RSS
        // (Shared_/Private_Hugetlb, carried above); the page-table walk cannot tell, the full read's page size can.
        if (live.pageSize && r.kernelPageSize() > live.pageSize) {
            r.setCounter(Counter::Rss, f.counter(Counter::Rss));
            r.setCounter(Counter::Anonymous, f.counter(Counter::Anonymous));
        }
    }
}

TieredReader::TieredReader(Pid pid, Reader full, Reader live)
    : TieredReader(pid, std::move(full), std::move(live), Options {})
{
}

TieredReader::TieredReader(Pid pid, Reader full, Reader live, Options options)
    : m_pid(pid)
    , m_full(std::move(full))
    , m_live(std::move(live))
    , m_options(options)
{
}

void TieredReader::seed(const Snapshot &full, std::int64_t tookMs)
{
    std::lock_guard lock(m_mutex);
    m_lastFull = std::make_shared<const Snapshot>(full);
    m_lastFullTook = tookMs;
    m_sinceFull = 0;
    m_wantFull = false;
}

void TieredReader::requestFull()
{
    std::lock_guard lock(m_mutex);
    m_wantFull = true;
}

bool TieredReader::lastWasFull() const
{
    std::lock_guard lock(m_mutex);
    return m_lastWasFull;
}

std::int64_t TieredReader::lastFullMs() const
{
    std::lock_guard lock(m_mutex);
    return m_lastFullTook;
}

Result<Snapshot> TieredReader::read()
{
    std::shared_ptr<const Snapshot> base;
    bool full;
    {
        std::lock_guard lock(m_mutex);
        full = m_wantFull || !m_lastFull || !m_live || m_sinceFull + 1 >= m_options.fullEvery
            || m_lastFullTook < m_options.alwaysFullBelowMs;
        m_wantFull = false;
        base = m_lastFull;
    }
    if (!full) {
        auto live = m_live(m_pid);
        if (live) {
            carryFullCounters(*live, *base);
            std::lock_guard lock(m_mutex);
            ++m_sinceFull;
            m_lastWasFull = false;
            return live;
        }
        if (live.error().code != ErrorCode::Unsupported)
            return live;
        // No live tier on this system (no PAGEMAP_SCAN): every tick is a full read.
        std::lock_guard lock(m_mutex);
        m_live = nullptr;
    }
    const std::int64_t t0 = steadyMs();
    auto snap = m_full(m_pid);
    if (snap) {
        std::lock_guard lock(m_mutex);
        m_lastFull = std::make_shared<const Snapshot>(*snap);
        m_lastFullTook = steadyMs() - t0;
        m_sinceFull = 0;
        m_lastWasFull = true;
    }
    return snap;
}

} // namespace vmatlas
