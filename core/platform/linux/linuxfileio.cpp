#include "fileio.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace vmatlas {

struct AtomicFile::Impl
{
    int fd = -1;
    bool direct = false; // writing the target itself (a device or FIFO)
    std::string tempPath;
    int error = 0;
    bool committed = false;
};

namespace {

Error fileError(const std::string &path, int err)
{
    return makeError(
        ErrorCode::Io, "cannot write " + path + ": " + std::error_code(err, std::generic_category()).message());
}

} // namespace

AtomicFile::AtomicFile(std::string path)
    : m_path(std::move(path))
    , m_impl(std::make_unique<Impl>())
{
}

AtomicFile::~AtomicFile()
{
    if (m_impl->fd >= 0)
        ::close(m_impl->fd);
    if (!m_impl->committed && !m_impl->direct && !m_impl->tempPath.empty())
        ::unlink(m_impl->tempPath.c_str());
}

Status AtomicFile::open()
{
    namespace fs = std::filesystem;
    if (m_path.empty())
        return makeError(ErrorCode::BadInput, "no output file name given");
    struct stat st;
    if (::stat(m_path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return makeError(ErrorCode::Io, "cannot write " + m_path + ": it is a folder");
        if (!S_ISREG(st.st_mode)) {
            m_impl->direct = true;
            m_impl->fd = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC);
            if (m_impl->fd < 0)
                return fileError(m_path, errno);
            return Ok {};
        }
    }
    fs::path target(m_path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    m_impl->fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
    if (m_impl->fd < 0) {
        int err = errno;
        std::error_code ec;
        if (err == ENOENT && !fs::is_directory(dir, ec))
            return makeError(
                ErrorCode::Io, "cannot write " + m_path + ": the folder " + dir.string() + " does not exist");
        return fileError(m_path, err);
    }
    m_impl->tempPath = tmpl;
    // mkstemp makes 0600; give the file the usual 0666 & ~umask (a replaced file keeps its mode).
    mode_t mode = 0;
    if (::stat(m_path.c_str(), &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    ::fchmod(m_impl->fd, mode);
    return Ok {};
}

bool AtomicFile::write(std::string_view data)
{
    if (m_impl->fd < 0 || m_impl->error)
        return false;
    while (!data.empty()) {
        ssize_t n = ::write(m_impl->fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            m_impl->error = errno;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

Status AtomicFile::commit()
{
    if (m_impl->fd < 0)
        return fileError(m_path, m_impl->error ? m_impl->error : EBADF);
    int err = m_impl->error;
    if (!err && !m_impl->direct && ::fsync(m_impl->fd) != 0 && errno != EINVAL && errno != EROFS)
        err = errno;
    if (::close(m_impl->fd) != 0 && !err)
        err = errno;
    m_impl->fd = -1;
    if (!err && !m_impl->direct && ::rename(m_impl->tempPath.c_str(), m_path.c_str()) != 0)
        err = errno;
    if (err)
        return fileError(m_path, err); // the destructor removes the temporary
    m_impl->committed = true;
    return Ok {};
}

} // namespace vmatlas
