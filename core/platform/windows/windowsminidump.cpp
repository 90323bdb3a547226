// vmatlas.exe dump: MiniDumpWriteDump into a temporary file in the target's folder, renamed over it when whole.
#include "platform.h"
#include "winutil.h"

#include <random>

#include <dbghelp.h>

namespace vmatlas {

Status writeMinidump(Pid pid, const std::string &path, bool withMemory)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    HANDLE process = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, DWORD(pid));
    if (!process) {
        const DWORD err = GetLastError();
        if (err == ERROR_INVALID_PARAMETER)
            return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
        if (err == ERROR_ACCESS_DENIED)
            return makeError(ErrorCode::PermissionDenied,
                "permission denied opening process " + std::to_string(pid)
                    + ": a dump needs PROCESS_QUERY_INFORMATION and PROCESS_VM_READ access; run as the same user or "
                      "as administrator");
        return makeError(ErrorCode::Io, "cannot open process " + std::to_string(pid) + ": " + win::lastErrorText(err));
    }
    win::Handle owner(process);
    std::random_device rd;
    const std::string temp = path + ".tmp-" + std::to_string(rd());
    const std::wstring wtemp = win::fromUtf8(temp), wpath = win::fromUtf8(path);
    HANDLE file = CreateFileW(
        wtemp.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return makeError(ErrorCode::Io, "cannot write " + path + ": " + win::lastErrorText(GetLastError()));
    auto type = MINIDUMP_TYPE(MiniDumpWithFullMemoryInfo | MiniDumpWithHandleData | MiniDumpWithThreadInfo
        | MiniDumpWithUnloadedModules | (withMemory ? MiniDumpWithFullMemory : 0));
    const BOOL ok = MiniDumpWriteDump(process, DWORD(pid), file, type, nullptr, nullptr, nullptr);
    const DWORD err = ok ? 0 : GetLastError();
    const BOOL flushed = ok && FlushFileBuffers(file);
    CloseHandle(file);
    if (!ok || !flushed) {
        DeleteFileW(wtemp.c_str());
        return makeError(ErrorCode::Io,
            "MiniDumpWriteDump of process " + std::to_string(pid)
                + " failed: " + win::lastErrorText(ok ? GetLastError() : err));
    }
    if (!MoveFileExW(wtemp.c_str(), wpath.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        const DWORD moveErr = GetLastError();
        DeleteFileW(wtemp.c_str());
        return makeError(ErrorCode::Io, "cannot write " + path + ": " + win::lastErrorText(moveErr));
    }
    return Ok {};
}

} // namespace vmatlas
