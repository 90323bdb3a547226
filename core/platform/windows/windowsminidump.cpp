// vmatlas.exe dump: MiniDumpWriteDump into a temporary file in the target's folder, renamed over it when whole.
// A dump always carries the region list (MemoryInfoListStream): when the system's dbghelp leaves it out (Wine's
// does), the dump is written again with the list as a user stream, built from VirtualQueryEx as dbghelp builds it.
#include "platform.h"
#include "postmortem.h"
#include "winutil.h"

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

#include <dbghelp.h>

namespace vmatlas {

namespace {

static_assert(sizeof(MINIDUMP_MEMORY_INFO_LIST) == 16 && sizeof(MINIDUMP_MEMORY_INFO) == 48);

// The open file's bytes, for the minidump reader.
class HandleSource final : public ByteSource
{
public:
    explicit HandleSource(HANDLE file)
        : m_file(file)
    {
        LARGE_INTEGER size {};
        if (GetFileSizeEx(file, &size))
            m_size = std::uint64_t(size.QuadPart);
    }
    std::uint64_t size() const override { return m_size; }
    bool read(std::uint64_t offset, void *out, std::size_t n) const override
    {
        if (offset > m_size || n > m_size - offset)
            return false;
        auto *to = static_cast<char *>(out);
        while (n > 0) {
            OVERLAPPED at {};
            at.Offset = DWORD(offset);
            at.OffsetHigh = DWORD(offset >> 32);
            DWORD got = 0;
            if (!ReadFile(m_file, to, DWORD(std::min<std::size_t>(n, 1 << 20)), &got, &at) || got == 0)
                return false;
            to += got;
            offset += got;
            n -= got;
        }
        return true;
    }

private:
    HANDLE m_file;
    std::uint64_t m_size = 0;
};

// MINIDUMP_MEMORY_INFO_LIST and its entries: every VirtualQueryEx answer from address 0 up, MEM_FREE included, as
// dbghelp writes them.
std::vector<unsigned char> memoryInfoList(HANDLE process)
{
    std::vector<MINIDUMP_MEMORY_INFO> entries;
    std::uint64_t a = 0;
    MEMORY_BASIC_INFORMATION mbi;
    while (VirtualQueryEx(process, reinterpret_cast<void *>(a), &mbi, sizeof mbi)) {
        const auto base = reinterpret_cast<std::uint64_t>(mbi.BaseAddress);
        if (base + mbi.RegionSize <= a)
            break;
        MINIDUMP_MEMORY_INFO e {};
        e.BaseAddress = base;
        e.AllocationBase = reinterpret_cast<std::uint64_t>(mbi.AllocationBase);
        e.AllocationProtect = mbi.AllocationProtect;
        e.RegionSize = mbi.RegionSize;
        e.State = mbi.State;
        e.Protect = mbi.Protect;
        e.Type = mbi.Type;
        entries.push_back(e);
        a = base + mbi.RegionSize;
    }
    MINIDUMP_MEMORY_INFO_LIST header {};
    header.SizeOfHeader = sizeof header;
    header.SizeOfEntry = sizeof(MINIDUMP_MEMORY_INFO);
    header.NumberOfEntries = entries.size();
    std::vector<unsigned char> bytes(sizeof header + entries.size() * sizeof(MINIDUMP_MEMORY_INFO));
    std::memcpy(bytes.data(), &header, sizeof header);
    if (!entries.empty())
        std::memcpy(bytes.data() + sizeof header, entries.data(), entries.size() * sizeof(MINIDUMP_MEMORY_INFO));
    return bytes;
}

bool hasMemoryInfo(HANDLE file, const std::string &path)
{
    auto types = minidumpStreamTypes(HandleSource(file), path);
    return types && std::find(types->begin(), types->end(), std::uint32_t(MemoryInfoListStream)) != types->end();
}

} // namespace

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
    BOOL ok = MiniDumpWriteDump(process, DWORD(pid), file, type, nullptr, nullptr, nullptr);
    if (ok && !hasMemoryInfo(file, temp)) {
        // Written again from the start, the region list given as a user stream of its standard type.
        std::vector<unsigned char> list = memoryInfoList(process);
        MINIDUMP_USER_STREAM stream {};
        stream.Type = MemoryInfoListStream;
        stream.BufferSize = ULONG(list.size());
        stream.Buffer = list.data();
        MINIDUMP_USER_STREAM_INFORMATION user {};
        user.UserStreamCount = 1;
        user.UserStreamArray = &stream;
        LARGE_INTEGER zero {};
        ok = SetFilePointerEx(file, zero, nullptr, FILE_BEGIN) && SetEndOfFile(file)
            && MiniDumpWriteDump(process, DWORD(pid), file, type, nullptr, &user, nullptr);
        if (ok && !hasMemoryInfo(file, temp)) {
            CloseHandle(file);
            DeleteFileW(wtemp.c_str());
            return makeError(ErrorCode::Io,
                "MiniDumpWriteDump of process " + std::to_string(pid)
                    + " wrote no region list (MemoryInfoListStream), not even when given one as a user stream");
        }
    }
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
