#include "fileio.h"
#include "winutil.h"

#include <filesystem>
#include <random>

namespace vmatlas {

struct AtomicFile::Impl
{
    HANDLE file = INVALID_HANDLE_VALUE;
    bool direct = false;
    std::wstring temp;
    DWORD error = 0;
    bool committed = false;
};

namespace {

Error fileError(const std::string &path, DWORD error)
{
    return makeError(ErrorCode::Io, "cannot write " + path + ": " + win::lastErrorText(error));
}

bool isDevice(const std::wstring &path)
{
    // CON, NUL and \\.\ paths are devices: written directly, never replaced.
    std::wstring upper;
    for (wchar_t c : path)
        upper += wchar_t(towupper(c));
    return upper == L"NUL" || upper == L"CON" || upper.rfind(L"\\\\.\\", 0) == 0;
}

} // namespace

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
    , m_impl(std::make_unique<Impl>())
{
}

AtomicFile::~AtomicFile()
{
    if (m_impl->file != INVALID_HANDLE_VALUE)
        CloseHandle(m_impl->file);
    if (!m_impl->committed && !m_impl->direct && !m_impl->temp.empty())
        DeleteFileW(m_impl->temp.c_str());
}

Status AtomicFile::open()
{
    namespace fs = std::filesystem;
    if (m_path.empty())
        return makeError(ErrorCode::BadInput, "no output file name given");
    const std::wstring target = win::fromUtf8(m_path);
    const DWORD attrs = GetFileAttributesW(target.c_str());
    if (attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY))
        return makeError(ErrorCode::Io, "cannot write " + m_path + ": it is a folder");
    if (isDevice(target)) {
        m_impl->direct = true;
        m_impl->file = CreateFileW(
            target.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr);
        if (m_impl->file == INVALID_HANDLE_VALUE)
            return fileError(m_path, GetLastError());
        return Ok {};
    }
    fs::path p(target);
    fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(L".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return makeError(
            ErrorCode::Io, "cannot write " + m_path + ": the folder " + win::toUtf8(dir.wstring()) + " does not exist");
    // Seeded from the clock and the PID: std::random_device may throw.
    std::minstd_rand rd(std::uint32_t(GetTickCount64()) ^ std::uint32_t(GetCurrentProcessId()));
    for (int i = 0; i < 16 && m_impl->file == INVALID_HANDLE_VALUE; ++i) {
        m_impl->temp = (dir / (L"." + p.filename().wstring() + L".tmp-" + std::to_wstring(rd()))).wstring();
        m_impl->file
            = CreateFileW(m_impl->temp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
        if (m_impl->file == INVALID_HANDLE_VALUE && GetLastError() != ERROR_FILE_EXISTS)
            break;
    }
    if (m_impl->file == INVALID_HANDLE_VALUE) {
        const DWORD err = GetLastError();
        m_impl->temp.clear();
        return fileError(m_path, err);
    }
    return Ok {};
}

bool AtomicFile::write(std::string_view data)
{
    if (m_impl->file == INVALID_HANDLE_VALUE || m_impl->error)
        return false;
    while (!data.empty()) {
        DWORD written = 0;
        const DWORD chunk = DWORD(std::min<std::size_t>(data.size(), 1 << 30));
        if (!WriteFile(m_impl->file, data.data(), chunk, &written, nullptr)) {
            m_impl->error = GetLastError();
            return false;
        }
        data.remove_prefix(written);
    }
    return true;
}

Status AtomicFile::commit()
{
    if (m_impl->file == INVALID_HANDLE_VALUE)
        return fileError(m_path, m_impl->error ? m_impl->error : ERROR_INVALID_HANDLE);
    DWORD err = m_impl->error;
    if (!err && !m_impl->direct && !FlushFileBuffers(m_impl->file))
        err = GetLastError();
    CloseHandle(m_impl->file);
    m_impl->file = INVALID_HANDLE_VALUE;
    if (!err && !m_impl->direct
        && !MoveFileExW(
            m_impl->temp.c_str(), win::fromUtf8(m_path).c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
        err = GetLastError();
    if (err)
        return fileError(m_path, err);
    m_impl->committed = true;
    return Ok {};
}

} // namespace vmatlas
