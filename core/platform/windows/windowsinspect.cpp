// Windows half of inspect.h: ReadProcessMemory, EmptyWorkingSet and the fault count of GetProcessMemoryInfo.
// Limits: a trim is of the whole working set (EmptyWorkingSet; ranges and MADV_COLD's gentle choice have no
// equivalent for another process), there is no mark (Windows keeps no referenced bits a program may clear),
// and faults are not split into minor and major.
#include "inspect.h"
#include "platform.h"
#include "winutil.h"

#include <psapi.h>

namespace vmatlas {

namespace {

Error openFailed(Pid pid, DWORD error, const char *need)
{
    if (error == ERROR_INVALID_PARAMETER)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    if (error == ERROR_ACCESS_DENIED)
        return makeError(ErrorCode::PermissionDenied,
            "permission denied opening process " + std::to_string(pid) + ": it needs " + need
                + " access; run VM Atlas as the same user or as administrator (SeDebugPrivilege)");
    return makeError(ErrorCode::Io, "cannot open process " + std::to_string(pid) + ": " + win::lastErrorText(error));
}

bool running(HANDLE h)
{
    DWORD code = 0;
    return GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
}

class WindowsMemory final : public ProcessMemory
{
public:
    WindowsMemory(Pid pid, HANDLE h)
        : ProcessMemory(pid)
        , m_handle(h)
    {
    }
    Result<std::size_t> read(Address address, char *out, std::size_t len) override
    {
        SIZE_T got = 0;
        if (ReadProcessMemory(m_handle.get(), reinterpret_cast<LPCVOID>(address), out, len, &got))
            return std::size_t(got);
        if (!running(m_handle.get()))
            return makeError(ErrorCode::ProcessExited, "process " + std::to_string(m_pid) + " exited while being read");
        // ERROR_PARTIAL_COPY / ERROR_NOACCESS: the part before the first unreadable byte.
        return std::size_t(got);
    }

private:
    win::Handle m_handle;
};

} // namespace

Result<std::unique_ptr<ProcessMemory>> ProcessMemory::open(Pid pid)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    HANDLE h = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, DWORD(pid));
    if (!h)
        return openFailed(pid, GetLastError(), "PROCESS_VM_READ");
    if (!running(h)) {
        CloseHandle(h);
        return makeError(ErrorCode::ProcessExited, "process " + std::to_string(pid) + " has exited");
    }
    return std::unique_ptr<ProcessMemory>(std::make_unique<WindowsMemory>(pid, h));
}

Result<TrimReport> trimWorkingSet(Pid pid, const std::vector<AddressRange> &ranges, TrimMode mode)
{
    if (!ranges.empty())
        return makeError(ErrorCode::Unsupported,
            "on Windows only the whole working set can be trimmed (EmptyWorkingSet); drop the range");
    if (mode == TrimMode::Cold)
        return makeError(ErrorCode::Unsupported, "Windows has no gentle trim of another process (MADV_COLD)");
    HANDLE h = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_SET_QUOTA, FALSE, DWORD(pid));
    if (!h)
        return openFailed(pid, GetLastError(), "PROCESS_SET_QUOTA");
    win::Handle process(h);
    PROCESS_MEMORY_COUNTERS before {};
    GetProcessMemoryInfo(h, &before, sizeof before);
    if (!EmptyWorkingSet(h))
        return makeError(
            ErrorCode::Io, "EmptyWorkingSet on process " + std::to_string(pid) + ": " + win::lastErrorText());
    TrimReport report;
    report.ranges = 1;
    report.bytesAdvised = before.WorkingSetSize;
    report.note = "EmptyWorkingSet moved the pages to the standby and modified lists: they come back on access, "
                  "as soft faults while they are still in RAM.";
    return report;
}

Status markReferenced(Pid)
{
    return makeError(ErrorCode::Unsupported,
        "Windows keeps no referenced bits a program may clear: 'mark' is Linux-only (/proc/PID/clear_refs)");
}

Result<ProcessCounters> readProcessCounters(Pid pid, bool)
{
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!h)
        return openFailed(pid, GetLastError(), "PROCESS_QUERY_LIMITED_INFORMATION");
    win::Handle process(h);
    PROCESS_MEMORY_COUNTERS pmc {};
    if (!GetProcessMemoryInfo(h, &pmc, sizeof pmc))
        return makeError(ErrorCode::Io, "GetProcessMemoryInfo: " + win::lastErrorText());
    ProcessCounters c;
    c.rss = pmc.WorkingSetSize;
    c.minorFaults = pmc.PageFaultCount;
    c.faultsSplit = false;
    return c;
}

} // namespace vmatlas
