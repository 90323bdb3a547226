#include "fileio.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace vmatlas {

namespace {

Error fileError(const std::string &path, const std::string &what, const std::error_code &ec)
{
    return makeError(ErrorCode::Io, "cannot " + what + " " + path + ": " + ec.message());
}

} // namespace

Status writeFileAtomically(const std::string &path, std::string_view data)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (path.empty())
        return makeError(ErrorCode::BadInput, "no output file name given");
    fs::path target(path);
    auto st = fs::status(target, ec);
    bool direct = !ec && fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st);
    if (!ec && fs::is_directory(st))
        return makeError(ErrorCode::Io, "cannot write " + path + ": it is a folder");

    if (direct) {
        std::FILE *f = std::fopen(path.c_str(), "wb");
        if (!f)
            return fileError(path, "write", std::error_code(errno, std::generic_category()));
        bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
        int err = errno;
        ok = (std::fclose(f) == 0) && ok;
        if (!ok)
            return fileError(path, "write", std::error_code(err ? err : EIO, std::generic_category()));
        return Ok {};
    }

    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return fileError(path, "write", std::error_code(errno, std::generic_category()));
    auto cleanup = [&](int err) {
        ::close(fd);
        ::unlink(tmpl.c_str());
        return fileError(path, "write", std::error_code(err, std::generic_category()));
    };
    // mkstemp makes 0600; give the file the usual 0666 & ~umask.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    const char *p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return cleanup(errno);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS)
        return cleanup(errno);
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmpl.c_str());
        return fileError(path, "write", std::error_code(err, std::generic_category()));
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmpl.c_str());
        return fileError(path, "write", std::error_code(err, std::generic_category()));
    }
    return Ok {};
}

} // namespace vmatlas
