// A stand-in for ssh in the Windows tests: "connects" to this same machine. It skips ssh's options (checking that a
// -F file exists, as ssh does) and the destination, then runs the remaining words joined by spaces, as ssh hands
// them to the remote shell, with its own standard input, output and error, and exits with that command's code.
// Some destinations act out failures:
//   refused@...  writes ssh's "Permission denied (publickey)." and exits 255 at once
//   stall@...    writes a line on standard error and never answers (until killed)
#include <cstdio>
#include <string>

#include <windows.h>

#include <shellapi.h>

namespace {

void say(HANDLE h, const std::wstring &text)
{
    const int n = WideCharToMultiByte(CP_UTF8, 0, text.data(), int(text.size()), nullptr, 0, nullptr, nullptr);
    std::string bytes(std::size_t(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text.data(), int(text.size()), bytes.data(), n, nullptr, nullptr);
    DWORD written = 0;
    WriteFile(h, bytes.data(), DWORD(bytes.size()), &written, nullptr);
}

} // namespace

int main()
{
    int argc = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    const HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    int i = 1;
    // ssh's options that take a value; the others are single letters alone.
    const std::wstring withValue = L"BbcDEeFIiJLlmOopQRSWw";
    for (; i < argc && argv[i][0] == L'-'; ++i) {
        const std::wstring option = argv[i];
        if (option.size() == 2 && withValue.find(option[1]) != std::wstring::npos) {
            if (i + 1 >= argc) {
                say(err, L"option requires an argument -- " + option.substr(1) + L"\r\n");
                return 255;
            }
            const std::wstring value = argv[++i];
            if (option == L"-F" && GetFileAttributesW(value.c_str()) == INVALID_FILE_ATTRIBUTES) {
                say(err, L"Can't open user config file " + value + L": No such file or directory\r\n");
                return 255;
            }
        }
    }
    if (i >= argc) {
        say(err, L"usage: ssh [options] destination [command]\r\n");
        return 255;
    }
    const std::wstring destination = argv[i++];
    if (destination.rfind(L"refused@", 0) == 0) {
        say(err, destination + L": Permission denied (publickey).\r\n");
        return 255;
    }
    if (destination.rfind(L"stall@", 0) == 0) {
        say(err, L"stalling\r\n");
        Sleep(INFINITE);
    }
    std::wstring command;
    for (; i < argc; ++i)
        command += (command.empty() ? L"" : L" ") + std::wstring(argv[i]);
    if (command.empty()) {
        say(err, L"fakessh: no command (an interactive shell is not faked)\r\n");
        return 255;
    }
    STARTUPINFOW si {};
    si.cb = sizeof si;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = err;
    PROCESS_INFORMATION pi {};
    if (!CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &si, &pi)) {
        // What a POSIX shell says and returns for a command it cannot find.
        say(err, L"sh: 1: " + command.substr(0, command.find(L' ')) + L": not found\r\n");
        return 127;
    }
    CloseHandle(pi.hThread);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 0;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    LocalFree(argv);
    return int(code);
}
