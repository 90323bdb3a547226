#pragma once

// Helpers shared by the Windows test programs: running the CLI with its output in files.
#include <cstdio>
#include <filesystem>
#include <string>

#include <windows.h>

namespace testutil {

// Runs a command line, its standard output into outputFile and its standard error there too, or into errorFile
// when one is given; returns the exit code (-1 when it could not be started).
inline int run(const std::wstring &command, const std::wstring &outputFile, const std::wstring &errorFile = {})
{
    SECURITY_ATTRIBUTES sa { sizeof sa, nullptr, TRUE };
    HANDLE out = CreateFileW(outputFile.c_str(), GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, nullptr);
    HANDLE err = errorFile.empty()
        ? out
        : CreateFileW(errorFile.c_str(), GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, nullptr);
    STARTUPINFOW si {};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = out;
    si.hStdError = err;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    PROCESS_INFORMATION pi {};
    // CreateProcessW failed once in CI under Wine (the command's exit code read -1, with no output); it is the
    // harness's failure, not the program's: say why, and try again before giving up.
    bool started = false;
    for (int attempt = 0; attempt < 3 && !started; ++attempt) {
        std::wstring cmd = command;
        started = CreateProcessW(nullptr, cmd.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &si, &pi);
        if (!started) {
            std::printf("note: CreateProcessW failed (error %lu), attempt %d\n", GetLastError(), attempt + 1);
            Sleep(500);
        }
    }
    DWORD code = DWORD(-1);
    if (started) {
        WaitForSingleObject(pi.hProcess, 300000);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    }
    if (err != out)
        CloseHandle(err);
    CloseHandle(out);
    return int(code);
}

inline bool underWine()
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll && GetProcAddress(ntdll, "wine_get_version");
}

inline std::wstring widen(const std::string &s)
{
    return std::filesystem::path(s).wstring();
}

} // namespace testutil
