#include "postmortem.h"

#include "pages.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace vmatlas {

namespace {

class MemorySource final : public ByteSource
{
public:
    explicit MemorySource(std::string_view bytes)
        : m_bytes(bytes)
    {
    }
    std::uint64_t size() const override { return m_bytes.size(); }
    bool read(std::uint64_t offset, void *out, std::size_t n) const override
    {
        if (offset > m_bytes.size() || n > m_bytes.size() - offset)
            return false;
        if (n)
            std::memcpy(out, m_bytes.data() + offset, n);
        return true;
    }

private:
    std::string_view m_bytes;
};

class FileSource final : public ByteSource
{
public:
    FileSource(std::ifstream file, std::uint64_t size)
        : m_file(std::move(file))
        , m_size(size)
    {
    }
    std::uint64_t size() const override { return m_size; }
    bool read(std::uint64_t offset, void *out, std::size_t n) const override
    {
        if (offset > m_size || n > m_size - offset)
            return false;
        std::lock_guard lock(m_mutex);
        m_file.clear();
        m_file.seekg(std::streamoff(offset));
        m_file.read(static_cast<char *>(out), std::streamsize(n));
        return m_file.gcount() == std::streamsize(n);
    }

private:
    mutable std::ifstream m_file;
    mutable std::mutex m_mutex;
    std::uint64_t m_size;
};

} // namespace

std::unique_ptr<ByteSource> memorySource(std::string_view bytes)
{
    return std::make_unique<MemorySource>(bytes);
}

Result<std::unique_ptr<ByteSource>> fileSource(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return makeError(ErrorCode::Io, "cannot open " + path + ": " + std::strerror(errno));
    file.seekg(0, std::ios::end);
    const std::streamoff end = file.tellg();
    if (end < 0)
        return makeError(ErrorCode::Io, "cannot read " + path + ": it is not a regular file");
    return std::unique_ptr<ByteSource>(std::make_unique<FileSource>(std::move(file), std::uint64_t(end)));
}

std::optional<DumpFormat> detectDumpFormat(const ByteSource &source)
{
    unsigned char head[18] = {};
    if (source.read(0, head, 4) && std::memcmp(head, "MDMP", 4) == 0)
        return DumpFormat::Minidump;
    if (source.read(0, head, sizeof head)
        && std::memcmp(head,
               "\x7f"
               "ELF",
               4)
            == 0
        && head[16] == 4 && head[17] == 0)
        return DumpFormat::ElfCore;
    return std::nullopt;
}

bool isDumpFile(const std::string &path)
{
    auto source = fileSource(path);
    return source && detectDumpFormat(**source).has_value();
}

Result<PostMortem> loadPostMortem(const std::string &path)
{
    auto source = fileSource(path);
    if (!source)
        return source.error();
    auto format = detectDumpFormat(**source);
    if (!format)
        return makeError(ErrorCode::BadInput,
            path
                + ": not an ELF core file or a Windows minidump (it starts with neither \"\\x7fELF\" of type core nor "
                  "\"MDMP\")");
    auto dump = *format == DumpFormat::ElfCore ? readElfCore(**source, path) : readMinidump(**source, path);
    // An ELF core carries no time: the file's is when the process was dumped.
    if (dump && dump->snapshot.timestampMs == 0) {
        std::error_code ec;
        const auto written = std::filesystem::last_write_time(path, ec);
        if (!ec)
            dump->snapshot.timestampMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::file_clock::to_sys(written).time_since_epoch())
                                             .count();
    }
    return dump;
}

Result<std::vector<PageInfo>> postMortemPages(const PostMortem &dump, Address start, Address end)
{
    const std::uint32_t ps = dump.snapshot.pageSize ? dump.snapshot.pageSize : 4096;
    if (auto range = roundPageRange(start, end, ps); !range)
        return range.error();
    std::vector<PageInfo> out;
    const auto &regions = dump.snapshot.regions;
    auto held = dump.held.begin();
    std::size_t ri = 0;
    // Page by page, each in the region holding its first byte: one entry a page at most.
    for (Address a = start; a < end; a += ps) {
        while (ri < regions.size() && regions[ri].end <= a)
            ++ri;
        if (ri == regions.size())
            break;
        const Region &r = regions[ri];
        if (r.start > a || r.type == RegionType::Free)
            continue;
        while (held != dump.held.end() && held->end <= a)
            ++held;
        PageInfo p;
        p.address = a;
        if (held != dump.held.end() && held->start <= a) {
            // Private memory is this process's own; whether a file page was shared, a dump does not say.
            p.state = r.type == RegionType::Private ? PageState::Anon : PageState::File;
            p.exclusive = r.type == RegionType::Private;
        }
        out.push_back(p);
    }
    return out;
}

} // namespace vmatlas
