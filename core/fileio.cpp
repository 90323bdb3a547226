#include "fileio.h"

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace vmatlas {

Status writeFileAtomically(const std::string &path, const std::function<bool(const ChunkSink &)> &produce)
{
    AtomicFile file(path);
    auto st = file.open();
    if (!st)
        return st;
    produce([&file](std::string_view chunk) { return file.write(chunk); });
    return file.commit();
}

Status writeFileAtomically(const std::string &path, std::string_view data)
{
    return writeFileAtomically(path, [data](const ChunkSink &sink) { return sink(data); });
}

Result<std::string> readWholeFile(const std::string &path)
{
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        return makeError(
            ErrorCode::Io, "cannot read " + path + ": " + std::error_code(errno, std::generic_category()).message());
    std::string out;
    char buf[1 << 16];
    for (;;) {
        std::size_t n = std::fread(buf, 1, sizeof buf, f);
        out.append(buf, n);
        if (n < sizeof buf) {
            if (std::ferror(f)) {
                int err = errno ? errno : EIO;
                std::fclose(f);
                return makeError(ErrorCode::Io,
                    "cannot read " + path + ": " + std::error_code(err, std::generic_category()).message());
            }
            break;
        }
    }
    std::fclose(f);
    return out;
}

} // namespace vmatlas
