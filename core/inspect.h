#pragma once

// Looking inside a process (issue 13): its bytes, read without changing what is looked at, and acting on its
// working set (trim, mark). The platform halves live in platform/linux/linuxinspect.cpp and
// platform/windows/windowsinspect.cpp; this header and inspect.cpp hold what both share.
#include "model.h"
#include "result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vmatlas {

// What became of one page of a read.
enum class PageRead : std::uint8_t
{
    Read, // its bytes are in the block
    NotInRam, // not present (never touched, dropped, swapped): left unread so as not to fault it in
    Unreadable, // no access, a guard page, no mapping, a file hole past its end: the bytes are zero
};
std::string_view pageReadName(PageRead r); // "read", "not in RAM (not read)", "unreadable"

struct ReadOptions
{
    // Read pages that are not in RAM too: this faults them in (the process's RSS grows), which changes what is
    // looked at. Off by default; a caller that turns it on says so to the user.
    bool readNotPresent = false;
};

// Bytes [start, start + bytes.size()) of a process. Pages that were not read hold zeros.
struct MemoryBlock
{
    Address start = 0;
    std::string bytes;
    std::uint32_t pageSize = 4096;
    Address firstPage = 0; // the page holding start
    std::vector<PageRead> pages; // one per page overlapping the block, from firstPage
    bool faultedIn = false; // readNotPresent was on and at least one page was not in RAM before

    Address end() const { return start + bytes.size(); }
    PageRead stateAt(Address a) const;
    std::uint64_t bytesIn(PageRead r) const; // bytes of the block in pages of that state
};

// Reads at most this much at once.
constexpr std::uint64_t kMaxReadLength = std::uint64_t(64) << 20;

// What a read says when the platform cannot tell which pages are present (Wine for another process): how to read
// anyway.
Error unknownResidency(const Error &e);

// Reads length bytes at start. Only pages the platform says are present are read unless options say otherwise;
// pages without read access are never touched. Never writes to the process or stops it.
Result<MemoryBlock> readMemory(Pid pid, Address start, std::uint64_t length, const ReadOptions &options = {});

// A hex dump: "ADDRESS  16 hex bytes  |text|" lines (12 hex digits of address, 16 above 2^48); utf16 shows the text
// column as UTF-16LE characters. Runs of pages not read are one line each ("0x... - 0x...  not in RAM (not read)").
// textFirst puts the text column before the bytes ("ADDRESS  |text|  16 hex bytes"), for a view too narrow for
// the whole line: the text, which says what the bytes are, is then in view.
std::string hexDump(const MemoryBlock &block, bool utf16 = false, bool textFirst = false);

// Where an address lies: its region (from a snapshot), the page's state and the file behind it.
struct AddressInfo
{
    Address address = 0;
    std::ptrdiff_t region = -1; // index in the snapshot, -1: outside every region
    PageInfo page;
    bool pageKnown = false;
    std::string file; // the backing file (empty: none)
    std::uint64_t fileOffset = 0; // valid when file is not empty
};
AddressInfo describeAddress(const Snapshot &snap, Address address, const std::vector<PageInfo> &page);
std::string addressInfoText(const Snapshot &snap, const AddressInfo &info);

// ---- The platform part -------------------------------------------------------------------------------------------

// An open process whose memory can be read (/proc/PID/mem, which leaves fork-shared pages shared; ReadProcessMemory).
class ProcessMemory
{
public:
    static Result<std::unique_ptr<ProcessMemory>> open(Pid pid);
    virtual ~ProcessMemory() = default;
    // Reads up to len bytes at address: the count read before the first byte that could not be read (0: none).
    // An error when the process went away or access is refused.
    virtual Result<std::size_t> read(Address address, char *out, std::size_t len) = 0;
    Pid pid() const { return m_pid; }

protected:
    explicit ProcessMemory(Pid pid)
        : m_pid(pid)
    {
    }
    Pid m_pid;
};

struct AddressRange
{
    Address start = 0;
    Address end = 0;
};

enum class TrimMode : std::uint8_t
{
    PageOut, // MADV_PAGEOUT: reclaim now (Windows: EmptyWorkingSet)
    Cold, // MADV_COLD: only move the pages to the inactive list, the first to go under pressure
};

struct TrimReport
{
    std::uint64_t bytesAdvised = 0; // what the kernel accepted
    std::size_t ranges = 0; // ranges advised
    std::vector<std::string> skipped; // ranges the kernel refused, with why
    std::string note; // what the user should know (no swap: anonymous pages stay)
};

// Trims the working set: ranges (empty: every accessible mapping). Linux: process_madvise(pidfd, ...), which
// needs CAP_SYS_NICE besides ptrace access; without swap, anonymous pages cannot go and stay.
Result<TrimReport> trimWorkingSet(Pid pid, const std::vector<AddressRange> &ranges, TrimMode mode);

// Clears the process's referenced bits (/proc/PID/clear_refs "1"): each region's Referenced then counts what it
// touched since. Writes to the process's page-reclaim state; needs write access to its /proc files.
Status markReferenced(Pid pid);

struct ProcessCounters
{
    std::uint64_t rss = 0; // bytes
    std::uint64_t minorFaults = 0;
    std::uint64_t majorFaults = 0; // on Windows every fault is counted as minor (no split)
    bool faultsSplit = true;
};
// exactRss: Linux reads RSS from smaps_rollup (exact, but the kernel walks every page) instead of stat's estimate.
Result<ProcessCounters> readProcessCounters(Pid pid, bool exactRss = true);

} // namespace vmatlas
