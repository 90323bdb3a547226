#pragma once

#include "model.h"
#include "result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Post-mortem: a process as a dump saw it. ELF core files (gcore, systemd-coredump, the kernel) and Windows
// minidumps (.dmp: Task Manager, procdump, MiniDumpWriteDump) read on any platform, without Qt. The parsers read
// headers and notes only, through a ByteSource, so a core of many gigabytes opens at once; every count, offset and
// size is checked against the file before it is used, and malformed input is an Error naming the cause.
namespace vmatlas {

enum class DumpFormat : std::uint8_t
{
    ElfCore,
    Minidump
};

// Random access to a dump's bytes.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    virtual std::uint64_t size() const = 0;
    // False unless [offset, offset + n) lies wholly inside and was read.
    virtual bool read(std::uint64_t offset, void *out, std::size_t n) const = 0;
};
// A view of bytes in memory (tests, fuzzers): they must outlive the source.
std::unique_ptr<ByteSource> memorySource(std::string_view bytes);
Result<std::unique_ptr<ByteSource>> fileSource(const std::string &path);

// A range of addresses whose contents the dump holds, and where they are in the file.
struct HeldRange
{
    Address start = 0;
    Address end = 0;
    std::uint64_t fileOffset = 0;
};

struct PostMortem
{
    DumpFormat format = DumpFormat::ElfCore;
    // Regions as a live read gives them (same types, states and labels), gaps included; every counter is absent
    // (Region::hasCounter false): a dump holds contents, not residency.
    Snapshot snapshot;
    std::vector<HeldRange> held; // sorted by start, not overlapping
};

// By the first bytes: "\x7f" "ELF" with e_type ET_CORE, or "MDMP".
std::optional<DumpFormat> detectDumpFormat(const ByteSource &source);
// True when path names a file that starts like a core or a minidump.
bool isDumpFile(const std::string &path);

// name goes into messages ("FILE: ...").
Result<PostMortem> readElfCore(const ByteSource &source, const std::string &name);
Result<PostMortem> readMinidump(const ByteSource &source, const std::string &name);
// The stream types a minidump's directory lists (unused entries, type 0, left out), or an Error when its header or
// directory is malformed: `vmatlas.exe dump` checks with it that the region list (type 16) was written.
Result<std::vector<std::uint32_t>> minidumpStreamTypes(const ByteSource &source, const std::string &name);
// Either, by the file's first bytes.
Result<PostMortem> loadPostMortem(const std::string &path);

// One entry per page of [start, end) (rounded out to whole pages) that lies in a region: a page the dump holds is
// anon (and exclusive) in private memory and file in images and mapped files; a page it does not hold is none.
Result<std::vector<PageInfo>> postMortemPages(const PostMortem &dump, Address start, Address end);

} // namespace vmatlas
