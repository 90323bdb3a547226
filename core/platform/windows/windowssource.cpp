// The Windows source: VirtualQueryEx for regions, GetMappedFileNameW for names, QueryWorkingSetEx
// for pages, Toolhelp32 for the process list. Built with MinGW-w64 and tested under Wine.
#include "classify.h"
#include "pages.h"
#include "platform.h"
#include "usage.h"
#include "winmemory.h"
#include "winutil.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <tuple>
#include <vector>

#include <psapi.h>
#include <tlhelp32.h>

namespace vmatlas {

namespace win {

std::string toUtf8(const std::wstring &w)
{
    if (w.empty())
        return {};
    int n = WideCharToMultiByte(CP_UTF8, 0, w.data(), int(w.size()), nullptr, 0, nullptr, nullptr);
    std::string s(std::size_t(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w.data(), int(w.size()), s.data(), n, nullptr, nullptr);
    return s;
}

std::wstring fromUtf8(const std::string &s)
{
    if (s.empty())
        return {};
    int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), int(s.size()), nullptr, 0);
    std::wstring w(std::size_t(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.data(), int(s.size()), w.data(), n);
    return w;
}

std::string lastErrorText(DWORD error)
{
    wchar_t *buf = nullptr;
    FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
        error, 0, reinterpret_cast<wchar_t *>(&buf), 0, nullptr);
    std::wstring w = buf ? buf : L"";
    if (buf)
        LocalFree(buf);
    while (!w.empty() && (w.back() == L'\n' || w.back() == L'\r' || w.back() == L'.'))
        w.pop_back();
    std::string s = toUtf8(w);
    return s.empty() ? "error " + std::to_string(error) : s;
}

Protection protectionOf(DWORD protect, DWORD type)
{
    return winmem::protectionOf(protect, type);
}

} // namespace win

namespace {

using win::Handle;

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Error openError(Pid pid, DWORD error)
{
    if (error == ERROR_INVALID_PARAMETER)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    if (error == ERROR_ACCESS_DENIED)
        return makeError(ErrorCode::PermissionDenied,
            "permission denied reading process " + std::to_string(pid)
                + ": reading another process needs PROCESS_QUERY_INFORMATION and PROCESS_VM_READ access; "
                  "run VM Atlas as the same user or as administrator (SeDebugPrivilege)");
    return makeError(ErrorCode::Io, "cannot open process " + std::to_string(pid) + ": " + win::lastErrorText(error));
}

Result<Handle> openProcess(Pid pid)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    HANDLE h = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, DWORD(pid));
    if (!h)
        return openError(pid, GetLastError());
    DWORD code = 0;
    if (GetExitCodeProcess(h, &code) && code != STILL_ACTIVE) {
        CloseHandle(h);
        return makeError(ErrorCode::ProcessExited, "process " + std::to_string(pid) + " has exited");
    }
    return Handle(h);
}

bool stillRunning(HANDLE h)
{
    DWORD code = 0;
    return GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
}

// "\Device\HarddiskVolume3\x" -> "C:\x"; Wine's "\??\Z:\x" -> "Z:\x".
std::string driveLetterPath(const std::wstring &device)
{
    if (device.rfind(L"\\??\\", 0) == 0)
        return win::toUtf8(device.substr(4));
    wchar_t drives[512];
    DWORD n = GetLogicalDriveStringsW(511, drives);
    for (const wchar_t *d = drives; n && *d; d += wcslen(d) + 1) {
        const std::wstring drive(d, 2); // "C:"
        wchar_t target[MAX_PATH];
        if (!QueryDosDeviceW(drive.c_str(), target, MAX_PATH))
            continue;
        const std::wstring t(target);
        if (device.size() > t.size() && device.compare(0, t.size(), t) == 0 && device[t.size()] == L'\\')
            return win::toUtf8(drive + device.substr(t.size()));
    }
    return win::toUtf8(device);
}

std::string mappedName(HANDLE process, const void *address)
{
    wchar_t buf[32768];
    DWORD n = GetMappedFileNameW(process, const_cast<void *>(address), buf, 32767);
    while (n > 0 && buf[n - 1] == L'\0') // Wine counts the terminator
        --n;
    if (!n)
        return {};
    return driveLetterPath(std::wstring(buf, n));
}

std::string exePath(HANDLE process)
{
    wchar_t buf[32768];
    DWORD size = 32767;
    if (!QueryFullProcessImageNameW(process, 0, buf, &size))
        return {};
    return win::toUtf8(std::wstring(buf, size));
}

// Working-set attributes of [start, end), a chunk at a time.
Status workingSet(HANDLE process, Pid pid, Address start, Address end, std::uint32_t pageSize,
    std::vector<PSAPI_WORKING_SET_EX_INFORMATION> &out)
{
    // Wine answers QueryWorkingSetEx only for the calling process, through its pseudo-handle.
    if (pid == Pid(GetCurrentProcessId()))
        process = GetCurrentProcess();
    constexpr std::size_t kChunk = 16384;
    for (Address a = start; a < end;) {
        const std::size_t n = std::min<std::uint64_t>(kChunk, (end - a) / pageSize);
        const std::size_t base = out.size();
        out.resize(base + n);
        for (std::size_t i = 0; i < n; ++i)
            out[base + i].VirtualAddress = reinterpret_cast<void *>(a + i * pageSize);
        if (!QueryWorkingSetEx(process, out.data() + base, DWORD(n * sizeof(PSAPI_WORKING_SET_EX_INFORMATION)))) {
            const DWORD err = GetLastError();
            if (err == ERROR_INVALID_PARAMETER)
                return makeError(ErrorCode::Unsupported,
                    "the page states of process " + std::to_string(pid)
                        + " are not available: QueryWorkingSetEx refused them (" + win::lastErrorText(err)
                        + "; Wine answers it only for the calling process)");
            return makeError(ErrorCode::Io, "QueryWorkingSetEx failed: " + win::lastErrorText(err));
        }
        a += n * pageSize;
    }
    return Ok {};
}

PageInfo pageOf(const PSAPI_WORKING_SET_EX_INFORMATION &w)
{
    PageInfo p;
    p.address = reinterpret_cast<Address>(w.VirtualAddress);
    if (w.VirtualAttributes.Valid) {
        p.state = w.VirtualAttributes.Shared ? PageState::File : PageState::Anon;
        p.exclusive = !w.VirtualAttributes.Shared || w.VirtualAttributes.ShareCount <= 1;
    }
    return p;
}

Result<std::vector<Region>> queryRegions(
    HANDLE process, Pid pid, bool counters, std::uint32_t pageSize, std::vector<ExtraField> *extras)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    std::vector<Region> out;
    std::map<std::string, std::shared_ptr<const std::string>> names;
    auto a = reinterpret_cast<Address>(si.lpMinimumApplicationAddress);
    const auto maxAddress = reinterpret_cast<Address>(si.lpMaximumApplicationAddress);
    Address lastBase = ~Address(0);
    while (a < maxAddress) {
        MEMORY_BASIC_INFORMATION mbi;
        if (!VirtualQueryEx(process, reinterpret_cast<void *>(a), &mbi, sizeof mbi))
            break;
        const auto start = reinterpret_cast<Address>(mbi.BaseAddress);
        const Address end = start + mbi.RegionSize;
        if (end <= a)
            break;
        a = end;
        if (mbi.State == MEM_FREE)
            continue; // gaps come back as Free rows in classify()
        winmem::BasicInfo info;
        info.base = start;
        info.allocationBase = reinterpret_cast<Address>(mbi.AllocationBase);
        info.allocationProtect = mbi.AllocationProtect;
        info.size = mbi.RegionSize;
        info.state = mbi.State;
        info.protect = mbi.Protect;
        info.type = mbi.Type;
        Region r = winmem::regionOf(info, pageSize);
        if (r.type != RegionType::Private) {
            std::string name = mappedName(process, mbi.BaseAddress);
            if (!name.empty()) {
                auto it = names.find(name);
                if (it == names.end())
                    it = names.emplace(name, std::make_shared<const std::string>(name)).first;
                r.pathPtr = it->second;
            }
        }
        if (counters && r.state == RegionState::Committed) {
            std::vector<PSAPI_WORKING_SET_EX_INFORMATION> ws;
            if (workingSet(process, pid, start, end, pageSize, ws)) {
                std::uint64_t rss = 0, shared = 0, privateBytes = 0, pss = 0;
                for (const auto &w : ws) {
                    if (!w.VirtualAttributes.Valid)
                        continue;
                    rss += pageSize;
                    if (w.VirtualAttributes.Shared) {
                        shared += pageSize;
                        pss += pageSize / std::max<std::uint64_t>(1, w.VirtualAttributes.ShareCount);
                    } else {
                        privateBytes += pageSize;
                        pss += pageSize;
                    }
                }
                r.setCounter(Counter::Rss, rss);
                r.setCounter(Counter::Pss, pss);
                // The working set tells shared from private, not clean from dirty: counted as clean.
                r.setCounter(Counter::SharedClean, shared);
                r.setCounter(Counter::PrivateClean, privateBytes);
                if (r.type == RegionType::Private)
                    r.setCounter(Counter::Anonymous, privateBytes);
            }
        }
        if (extras)
            winmem::noteAllocationBase(*extras, std::uint32_t(out.size()), info.allocationBase, lastBase);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace

std::string_view platformName()
{
    return "windows";
}

Pid currentPid()
{
    return Pid(GetCurrentProcessId());
}

std::uint32_t systemPageSize()
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return si.dwPageSize;
}

std::string currentExecutable()
{
    wchar_t buf[32768];
    DWORD n = GetModuleFileNameW(nullptr, buf, 32767);
    return win::toUtf8(std::wstring(buf, n));
}

// Windows reads one way (VirtualQueryEx, QueryWorkingSetEx): there is no fast path to switch.
void setFastPathsEnabled(bool) { }

void tuneMemoryForShortRun() { } // left as it is: the figures this serves are measured on Linux

// A thread per task, placed by Windows' scheduler: the lingering helpers serve figures measured on Linux.
struct BesideTask::State
{
    std::thread thread;
    std::exception_ptr thrown;
};

void BesideTask::wait()
{
    if (!m_state || !m_state->thread.joinable())
        return;
    m_state->thread.join();
    if (std::exception_ptr e = std::exchange(m_state->thrown, nullptr))
        std::rethrow_exception(e);
}

BesideTask runBesideCaller(std::function<void()> work)
{
    auto state = std::make_shared<BesideTask::State>();
    state->thread = std::thread([s = state.get(), work = std::move(work)] {
        try {
            work();
        } catch (...) {
            s->thrown = std::current_exception();
        }
    });
    return BesideTask(std::move(state));
}

void setHelperLinger(std::chrono::microseconds) { }

SourceFeatures sourceFeatures(Pid)
{
    return {};
}

Result<Snapshot> readSnapshot(Pid pid)
{
    auto process = openProcess(pid);
    if (!process)
        return process.error();
    const HANDLE h = process->get();
    ParsedMaps parsed;
    auto regions = queryRegions(h, pid, true, systemPageSize(), &parsed.extras);
    if (!regions)
        return regions.error();
    if (!stillRunning(h))
        return makeError(ErrorCode::ProcessExited, "process " + std::to_string(pid) + " exited while being read");
    parsed.mappings = std::move(regions).value();
    ProcessContext ctx;
    ctx.pid = pid;
    ctx.platform = "windows";
    ctx.timestampMs = nowMs();
    ctx.pageSize = systemPageSize();
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    ctx.userSpaceTop = reinterpret_cast<Address>(si.lpMaximumApplicationAddress) + 1; // its last byte, + 1
    ctx.executablePath = exePath(h);
    auto slash = ctx.executablePath.find_last_of("\\/");
    ctx.processName = slash == std::string::npos ? ctx.executablePath : ctx.executablePath.substr(slash + 1);
    ctx.commandLine = ctx.executablePath;
    auto facts = readProcessFacts(pid);
    return winmem::finishSnapshot(std::move(parsed), ctx,
        si.dwAllocationGranularity ? si.dwAllocationGranularity : 64 * 1024, facts ? &*facts : nullptr);
}

// Windows has no cgroups or PID namespaces: nothing to fill.
void readContainer(ProcessInfo &) { }

Pid processOfThread(Pid pid)
{
    return pid; // thread IDs are not process IDs on Windows: OpenProcess refuses them as it should
}

Result<Snapshot> readLiveSnapshot(Pid pid)
{
    return readSnapshot(pid); // VirtualQueryEx and the working set are the whole read: there is no cheaper tier
}

Result<std::vector<Region>> readMappings(Pid pid)
{
    auto process = openProcess(pid);
    if (!process)
        return process.error();
    return queryRegions(process->get(), pid, false, systemPageSize(), nullptr);
}

Result<std::vector<PageInfo>> readPages(Pid pid, Address start, Address end)
{
    const std::uint32_t ps = systemPageSize();
    if (auto range = roundPageRange(start, end, ps); !range)
        return range.error();
    auto process = openProcess(pid);
    if (!process)
        return process.error();
    std::vector<PSAPI_WORKING_SET_EX_INFORMATION> ws;
    auto st = workingSet(process->get(), pid, start, end, ps, ws);
    if (!st)
        return st.error();
    std::vector<PageInfo> pages;
    pages.reserve(ws.size());
    for (const auto &w : ws)
        pages.push_back(pageOf(w));
    return pages;
}

Result<std::vector<std::pair<std::string, std::string>>> readProcessSummary(Pid pid)
{
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!h)
        return openError(pid, GetLastError());
    Handle process(h);
    PROCESS_MEMORY_COUNTERS_EX pmc {};
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("Image", exePath(h));
    if (GetProcessMemoryInfo(h, reinterpret_cast<PROCESS_MEMORY_COUNTERS *>(&pmc), sizeof pmc)) {
        out.emplace_back("WorkingSetSize", std::to_string(pmc.WorkingSetSize / 1024) + " kB");
        out.emplace_back("PeakWorkingSetSize", std::to_string(pmc.PeakWorkingSetSize / 1024) + " kB");
        out.emplace_back("PagefileUsage", std::to_string(pmc.PagefileUsage / 1024) + " kB");
        out.emplace_back("PrivateUsage", std::to_string(pmc.PrivateUsage / 1024) + " kB");
    }
    return out;
}

std::string userNameOf(std::uint32_t uid)
{
    return std::to_string(uid); // Windows names accounts by SID, not by a number
}

Result<std::vector<ProcessInfo>> listProcesses()
{
    Handle snap(CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0));
    if (!snap)
        return makeError(ErrorCode::Io, "cannot list processes: " + win::lastErrorText());
    std::vector<ProcessInfo> out;
    PROCESSENTRY32W e;
    e.dwSize = sizeof e;
    for (BOOL ok = Process32FirstW(snap.get(), &e); ok; ok = Process32NextW(snap.get(), &e)) {
        if (e.th32ProcessID == 0)
            continue;
        ProcessInfo p;
        p.pid = Pid(e.th32ProcessID);
        p.name = win::toUtf8(e.szExeFile);
        HANDLE h = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, e.th32ProcessID);
        p.readable = h != nullptr;
        if (!h)
            h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, e.th32ProcessID);
        if (h) {
            PROCESS_MEMORY_COUNTERS pmc {};
            if (GetProcessMemoryInfo(h, &pmc, sizeof pmc))
                p.rss = pmc.WorkingSetSize;
            p.commandLine = exePath(h);
            HANDLE token = nullptr;
            if (OpenProcessToken(h, TOKEN_QUERY, &token)) {
                char buf[512];
                DWORD len = 0;
                if (GetTokenInformation(token, TokenUser, buf, sizeof buf, &len)) {
                    wchar_t name[256], domain[256];
                    DWORD nn = 256, dn = 256;
                    SID_NAME_USE use;
                    if (LookupAccountSidW(
                            nullptr, reinterpret_cast<TOKEN_USER *>(buf)->User.Sid, name, &nn, domain, &dn, &use))
                        p.user = win::toUtf8(name);
                }
                CloseHandle(token);
            }
            CloseHandle(h);
        }
        if (p.commandLine.empty())
            p.commandLine = p.name;
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const ProcessInfo &a, const ProcessInfo &b) { return a.pid < b.pid; });
    return out;
}

} // namespace vmatlas
