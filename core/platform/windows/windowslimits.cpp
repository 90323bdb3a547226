// The Windows readers of issue 12: the process facts the use rules need and the limits (address space
// from VirtualQueryEx's snapshot, commit charge and limit from GetPerformanceInfo / GlobalMemoryStatusEx).
#include "processlimits.h"
#include "platform.h"
#include "usage.h"
#include "winutil.h"

#include <psapi.h>

namespace vmatlas {

Result<ProcessFacts> readProcessFacts(Pid pid)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    ProcessFacts f;
    f.pid = pid;
    f.platform = "windows";
    win::Handle h(OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid)));
    if (!h) {
        const DWORD err = GetLastError();
        if (err == ERROR_ACCESS_DENIED)
            return makeError(ErrorCode::PermissionDenied, "permission denied reading process " + std::to_string(pid));
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    }
    wchar_t buf[MAX_PATH * 4];
    DWORD size = DWORD(std::size(buf));
    if (QueryFullProcessImageNameW(h.get(), 0, buf, &size)) {
        f.executablePath = win::toUtf8(std::wstring(buf, size));
        auto slash = f.executablePath.find_last_of("\\/");
        f.processName = slash == std::string::npos ? f.executablePath : f.executablePath.substr(slash + 1);
        f.arguments.push_back(f.executablePath);
    }
    MEMORYSTATUSEX ms {};
    ms.dwLength = sizeof ms;
    if (GlobalMemoryStatusEx(&ms))
        f.ramBytes = ms.ullTotalPhys;
    return f;
}

Result<Limits> readLimits(const Snapshot &snapshot)
{
    Limits l;
    l.pid = snapshot.pid;
    l.platform = "windows";
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    l.space = addressSpaceLimits(snapshot, reinterpret_cast<Address>(si.lpMinimumApplicationAddress),
        reinterpret_cast<Address>(si.lpMaximumApplicationAddress) + 1);

    CommitLimits &c = l.commit;
    PERFORMANCE_INFORMATION pi {};
    pi.cb = sizeof pi;
    if (GetPerformanceInfo(&pi, sizeof pi)) {
        const std::uint64_t page = pi.PageSize;
        c.committed = std::uint64_t(pi.CommitTotal) * page;
        c.limit = std::uint64_t(pi.CommitLimit) * page;
        c.peak = std::uint64_t(pi.CommitPeak) * page;
        c.ramTotal = std::uint64_t(pi.PhysicalTotal) * page;
        c.ramAvailable = std::uint64_t(pi.PhysicalAvailable) * page;
    }
    MEMORYSTATUSEX ms {};
    ms.dwLength = sizeof ms;
    if (GlobalMemoryStatusEx(&ms)) {
        if (!c.limit)
            c.limit = ms.ullTotalPageFile; // "total page file" is the commit limit: RAM + page files
        if (!c.ramTotal)
            c.ramTotal = ms.ullTotalPhys;
    }
    // The page files are what the commit limit holds beyond RAM; in use: what is committed beyond RAM.
    c.swapTotal = c.limit > c.ramTotal ? c.limit - c.ramTotal : 0;
    const std::uint64_t used = c.committed > c.ramTotal ? c.committed - c.ramTotal : 0;
    c.swapFree = c.swapTotal - std::min(c.swapTotal, used);
    // The process's commit charge: its committed private memory (MEM_PRIVATE) and copy-on-write views.
    for (const Region &r : snapshot.regions)
        if (r.state == RegionState::Committed && (r.type == RegionType::Private || r.protection.sharing == 'c'))
            c.processCommit += r.size();
    return l;
}

} // namespace vmatlas
