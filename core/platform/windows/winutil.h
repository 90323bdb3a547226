#pragma once

// Helpers shared by the Windows platform files.
#include "model.h"
#include "result.h"

#include <string>
#include <vector>
#include <windows.h>

namespace vmatlas::win {

std::string toUtf8(const std::wstring &w);
std::wstring fromUtf8(const std::string &s);
std::string lastErrorText(DWORD error = GetLastError());

// One argument quoted for a command line as the C runtime (and CommandLineToArgvW) splits it again.
std::wstring quoteArgument(const std::wstring &arg);
// argv (UTF-8) as one command line for CreateProcessW.
std::wstring commandLine(const std::vector<std::string> &argv);

// Protection as r/w/x plus p/s/c: WRITECOPY is 'c', mapped and image views 's', private 'p'.
Protection protectionOf(DWORD protect, DWORD type);

class Handle
{
public:
    explicit Handle(HANDLE h = nullptr)
        : m_h(h)
    {
    }
    ~Handle()
    {
        if (m_h && m_h != INVALID_HANDLE_VALUE)
            CloseHandle(m_h);
    }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    Handle(Handle &&o) noexcept
        : m_h(o.m_h)
    {
        o.m_h = nullptr;
    }
    HANDLE get() const { return m_h; }
    explicit operator bool() const { return m_h && m_h != INVALID_HANDLE_VALUE; }
    HANDLE release()
    {
        HANDLE h = m_h;
        m_h = nullptr;
        return h;
    }

private:
    HANDLE m_h;
};

} // namespace vmatlas::win
