// The lab target on Windows: VirtualAlloc/VirtualFree, named sections with CreateFileMapping and
// MapViewOfFile, PAGE_WRITECOPY views of files. Started with CreateProcess in a job object that kills
// it when its parent goes.
#include "labs/labprotocol.h"
#include "labs/labtarget.h"
#include "textcodec.h"
#include "winutil.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace vmatlas {

namespace {

using labprotocol::parseNumber;
using labprotocol::splitWords;

std::string failed(const char *what)
{
    return std::string("error ") + what + ": " + win::lastErrorText();
}

void *ptr(std::uint64_t a)
{
    return reinterpret_cast<void *>(a);
}

struct Server
{
    std::map<std::uint64_t, std::string> readOnlyViews; // view -> section name
    std::vector<HANDLE> keep; // section handles kept open
    long pageSize = [] {
        SYSTEM_INFO si;
        GetSystemInfo(&si);
        return long(si.dwPageSize);
    }();

    std::string handle(const std::vector<std::string> &w)
    {
        auto need = [&](std::size_t n) { return w.size() >= n; };
        std::uint64_t a = 0, n = 0;
        const std::string &cmd = w[0];
        if (cmd == "pagesize")
            return "ok " + std::to_string(pageSize);
        if (cmd == "reserve" && need(2) && parseNumber(w[1], n)) {
            void *p = VirtualAlloc(nullptr, n, MEM_RESERVE, PAGE_NOACCESS);
            return p ? "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p)) : failed("VirtualAlloc(MEM_RESERVE)");
        }
        if (cmd == "allocate" && need(2) && parseNumber(w[1], n)) {
            void *p = VirtualAlloc(nullptr, n, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            return p ? "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p)) : failed("VirtualAlloc");
        }
        if (cmd == "protect" && need(4) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            if (w[3] == "none") {
                DWORD old;
                return VirtualProtect(ptr(a), n, PAGE_NOACCESS, &old) ? "ok" : failed("VirtualProtect");
            }
            // Committing is what gives a reserved range access.
            return VirtualAlloc(ptr(a), n, MEM_COMMIT, w[3] == "rw" ? PAGE_READWRITE : PAGE_READONLY)
                ? "ok"
                : failed("VirtualAlloc(MEM_COMMIT)");
        }
        if (cmd == "touch" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            for (std::uint64_t off = 0; off < n; off += std::uint64_t(pageSize))
                static_cast<volatile char *>(ptr(a))[off] = 1;
            return "ok";
        }
        if (cmd == "read" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            volatile char sink = 0;
            for (std::uint64_t off = 0; off < n; off += std::uint64_t(pageSize))
                sink = sink + static_cast<volatile char *>(ptr(a))[off];
            (void)sink;
            return "ok";
        }
        if (cmd == "decommit" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n))
            return VirtualFree(ptr(a), n, MEM_DECOMMIT) ? "ok" : failed("VirtualFree(MEM_DECOMMIT)");
        if (cmd == "release" && need(3) && parseNumber(w[1], a))
            return VirtualFree(ptr(a), 0, MEM_RELEASE) ? "ok" : failed("VirtualFree(MEM_RELEASE)");
        if (cmd == "section-create" && need(3) && parseNumber(w[2], n)) {
            const std::string name = "Local\\vmatlas-" + std::to_string(GetCurrentProcessId()) + "-" + w[1];
            HANDLE s = CreateFileMappingW(
                INVALID_HANDLE_VALUE, nullptr, PAGE_READWRITE, DWORD(n >> 32), DWORD(n), win::fromUtf8(name).c_str());
            if (!s)
                return failed("CreateFileMapping");
            void *p = MapViewOfFile(s, FILE_MAP_ALL_ACCESS, 0, 0, n);
            if (!p) {
                CloseHandle(s);
                return failed("MapViewOfFile");
            }
            keep.push_back(s);
            return "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p)) + " " + name;
        }
        if (cmd == "section-open" && need(5) && parseNumber(w[3], n)) {
            // By name, as another process would: OpenFileMapping.
            const bool rw = w[4] == "rw";
            const DWORD access = rw ? FILE_MAP_ALL_ACCESS : FILE_MAP_READ;
            HANDLE s = OpenFileMappingW(access, FALSE, win::fromUtf8(w[2]).c_str());
            if (!s)
                return failed("OpenFileMapping");
            void *p = MapViewOfFile(s, access, 0, 0, n);
            if (!p) {
                CloseHandle(s);
                return failed("MapViewOfFile");
            }
            keep.push_back(s);
            if (!rw)
                readOnlyViews[reinterpret_cast<std::uint64_t>(p)] = w[2];
            return "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p));
        }
        if (cmd == "poke" && need(3) && parseNumber(w[1], a)) {
            std::string bytes;
            if (!fromHex(w[2], bytes))
                return "error poke takes hex bytes";
            std::memcpy(ptr(a), bytes.data(), bytes.size());
            return "ok";
        }
        if (cmd == "peek" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n) && n <= 4096)
            return "ok " + toHex(std::string_view(static_cast<const char *>(ptr(a)), n));
        if (cmd == "try-write" && need(2) && parseNumber(w[1], a)) {
            auto it = readOnlyViews.find(a);
            if (it == readOnlyViews.end())
                return "error try-write works on read-only section views";
            // A disposable process opens the same view read-only and writes: its access violation is
            // reported by its exit code.
            wchar_t exe[32768];
            GetModuleFileNameW(nullptr, exe, 32767);
            std::wstring command
                = L"\"" + std::wstring(exe) + L"\" lab-target --probe-write " + win::fromUtf8(it->second);
            // Its standard handles go nowhere: nothing it says may reach our reply pipe.
            SECURITY_ATTRIBUTES sa { sizeof sa, nullptr, TRUE };
            win::Handle nul(CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa,
                OPEN_EXISTING, 0, nullptr));
            STARTUPINFOW si {};
            si.cb = sizeof si;
            si.dwFlags = STARTF_USESTDHANDLES;
            si.hStdInput = si.hStdOutput = si.hStdError = nul.get();
            PROCESS_INFORMATION pi {};
            if (!CreateProcessW(
                    nullptr, command.data(), nullptr, nullptr, TRUE, CREATE_NO_WINDOW, nullptr, nullptr, &si, &pi))
                return failed("CreateProcess");
            WaitForSingleObject(pi.hProcess, 20000);
            DWORD code = 0;
            GetExitCodeProcess(pi.hProcess, &code);
            CloseHandle(pi.hThread);
            CloseHandle(pi.hProcess);
            return code == DWORD(EXCEPTION_ACCESS_VIOLATION) ? "ok fault access-violation" : "ok written";
        }
        if (cmd == "map-file-private" && need(3) && parseNumber(w[2], n)) {
            win::Handle file(CreateFileW(
                win::fromUtf8(w[1]).c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0, nullptr));
            if (!file)
                return failed("CreateFile");
            HANDLE s = CreateFileMappingW(file.get(), nullptr, PAGE_WRITECOPY, 0, 0, nullptr);
            if (!s)
                return failed("CreateFileMapping(PAGE_WRITECOPY)");
            void *p = MapViewOfFile(s, FILE_MAP_COPY, 0, 0, n);
            CloseHandle(s);
            return p ? "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p)) : failed("MapViewOfFile(FILE_MAP_COPY)");
        }
        if ((cmd == "drop" || cmd == "pageout") && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            // Unlocking pages that are not locked takes them out of the working set.
            VirtualUnlock(ptr(a), n);
            return "ok";
        }
        if (cmd == "swap-total") {
            MEMORYSTATUSEX ms {};
            ms.dwLength = sizeof ms;
            GlobalMemoryStatusEx(&ms);
            return "ok "
                + std::to_string(ms.ullTotalPageFile > ms.ullTotalPhys ? ms.ullTotalPageFile - ms.ullTotalPhys : 0);
        }
        if (cmd == "image-data")
            return "ok " + hexAddress(reinterpret_cast<std::uint64_t>(labprotocol::imageData())) + " "
                + std::to_string(kLabImageDataSize);
        if (cmd == "fork-hold" || cmd == "child-touch" || cmd == "child-poke" || cmd == "map-file-fixed")
            return "error '" + cmd + "' needs Linux";
        return "error unknown or malformed command '" + cmd + "'";
    }

    ~Server()
    {
        for (HANDLE h : keep)
            CloseHandle(h);
    }
};

LONG CALLBACK exitOnAccessViolation(EXCEPTION_POINTERS *info)
{
    if (info->ExceptionRecord->ExceptionCode == EXCEPTION_ACCESS_VIOLATION)
        ExitProcess(DWORD(EXCEPTION_ACCESS_VIOLATION)); // the answer: the write was refused
    return EXCEPTION_CONTINUE_SEARCH;
}

int probeWrite(const std::string &section)
{
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    AddVectoredExceptionHandler(1, exitOnAccessViolation);
    HANDLE s = OpenFileMappingW(FILE_MAP_READ, FALSE, win::fromUtf8(section).c_str());
    if (!s)
        return 2;
    auto *p = static_cast<volatile char *>(MapViewOfFile(s, FILE_MAP_READ, 0, 0, 0));
    if (!p)
        return 3;
    p[0] = 'X'; // access violation: the view is read-only
    return 0;
}

} // namespace

int runLabTargetServer(const std::vector<std::string> &args)
{
    if (args.size() == 2 && args[0] == "--probe-write")
        return probeWrite(args[1]);
    Server server;
    return labprotocol::serve(static_cast<long long>(GetCurrentProcessId()),
        [&server](const std::vector<std::string> &words) { return server.handle(words); });
}

struct LabTarget::Impl
{
    Pid pid = 0;
    HANDLE process = nullptr;
    HANDLE job = nullptr; // kills the target when closed
    HANDLE in = nullptr; // we write commands
    HANDLE out = nullptr; // we read replies
    std::string buffer; // replies read but not yet taken
};

LabTarget::LabTarget(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}

Result<std::unique_ptr<LabTarget>> LabTarget::start(const std::string &executable)
{
    SECURITY_ATTRIBUTES sa { sizeof sa, nullptr, TRUE };
    HANDLE inRead, inWrite, outRead, outWrite;
    if (!CreatePipe(&inRead, &inWrite, &sa, 0) || !CreatePipe(&outRead, &outWrite, &sa, 0))
        return makeError(ErrorCode::Io, "cannot make pipes: " + win::lastErrorText());
    SetHandleInformation(inWrite, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(outRead, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOW si {};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = inRead;
    si.hStdOutput = outWrite;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    std::wstring command = L"\"" + win::fromUtf8(executable) + L"\" lab-target";
    PROCESS_INFORMATION pi {};
    const BOOL ok
        = CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, CREATE_SUSPENDED, nullptr, nullptr, &si, &pi);
    CloseHandle(inRead);
    CloseHandle(outWrite);
    if (!ok) {
        const DWORD err = GetLastError();
        CloseHandle(inWrite);
        CloseHandle(outRead);
        return makeError(
            ErrorCode::Io, "the lab target (" + executable + " lab-target) did not start: " + win::lastErrorText(err));
    }
    // The job kills the target when its last handle closes, that is when we exit, however we exit.
    HANDLE job = CreateJobObjectW(nullptr, nullptr);
    if (job) {
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits {};
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
        AssignProcessToJobObject(job, pi.hProcess);
    }
    ResumeThread(pi.hThread);
    CloseHandle(pi.hThread);
    auto impl = std::make_unique<Impl>();
    impl->pid = Pid(pi.dwProcessId);
    impl->process = pi.hProcess;
    impl->job = job;
    impl->in = inWrite;
    impl->out = outRead;
    return awaitReady(std::unique_ptr<LabTarget>(new LabTarget(std::move(impl))), executable);
}

LabTarget::~LabTarget()
{
    stop();
}

Pid LabTarget::pid() const
{
    return d->pid;
}

bool LabTarget::alive() const
{
    if (!d->process)
        return false;
    DWORD code = 0;
    return GetExitCodeProcess(d->process, &code) && code == STILL_ACTIVE;
}

void LabTarget::stop()
{
    if (!d->process)
        return;
    if (d->in) {
        DWORD written = 0;
        WriteFile(d->in, "quit\n", 5, &written, nullptr);
        CloseHandle(d->in);
        d->in = nullptr;
    }
    if (WaitForSingleObject(d->process, 2000) != WAIT_OBJECT_0)
        TerminateProcess(d->process, 1);
    CloseHandle(d->process);
    d->process = nullptr;
    if (d->job) {
        CloseHandle(d->job);
        d->job = nullptr;
    }
    if (d->out) {
        CloseHandle(d->out);
        d->out = nullptr;
    }
    d->pid = 0;
}

Result<std::vector<std::string>> LabTarget::call(const std::string &command)
{
    if (d->pid <= 0 || !d->in)
        return makeError(ErrorCode::ProcessExited, "the lab target is not running");
    if (!command.empty()) {
        const std::string line = command + "\n";
        DWORD written = 0;
        if (!WriteFile(d->in, line.data(), DWORD(line.size()), &written, nullptr) || written != line.size())
            return labprotocol::targetExited(d->pid);
    }
    // Read one reply line; anonymous pipes cannot time out, so peek until the deadline.
    const ULONGLONG deadline = GetTickCount64() + labprotocol::kReplyTimeoutMs;
    std::string reply;
    while (!labprotocol::takeLine(d->buffer, reply)) {
        DWORD available = 0;
        if (!PeekNamedPipe(d->out, nullptr, 0, nullptr, &available, nullptr))
            return labprotocol::targetExited(d->pid);
        if (!available) {
            if (GetTickCount64() > deadline)
                return makeError(ErrorCode::Io, "the lab target did not answer '" + command + "'");
            Sleep(2);
            continue;
        }
        char buf[1024];
        DWORD got = 0;
        if (!ReadFile(d->out, buf, std::min<DWORD>(available, sizeof buf), &got, nullptr) || got == 0)
            return labprotocol::targetExited(d->pid);
        d->buffer.append(buf, got);
    }
    return labprotocol::parseReply(reply, command);
}

} // namespace vmatlas
