#pragma once

#include "regionuse.h"

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vmatlas {

using Address = std::uint64_t;
using Pid = std::int64_t;

enum class RegionType : std::uint8_t
{
    Free,
    Image,
    Mapped,
    Private
};
enum class RegionState : std::uint8_t
{
    Free,
    Reserved,
    Committed
};

// r/w/x plus how the mapping is shared: p private, s shared, c copy-on-write view (Windows WRITECOPY).
struct Protection
{
    bool read = false;
    bool write = false;
    bool execute = false;
    char sharing = 'p'; // 'p', 's' or 'c'; '-' for Free

    bool operator==(const Protection &) const = default;
    std::string toString() const;
    static bool fromString(std::string_view text, Protection &out);
    bool accessible() const { return read || write || execute; }
};

// Byte counters of a region, as /proc/PID/smaps reports them (kB there, bytes here).
enum class Counter : std::uint8_t
{
    Rss,
    Pss,
    PssDirty,
    SharedClean,
    SharedDirty,
    PrivateClean,
    PrivateDirty,
    Referenced,
    Anonymous,
    Ksm,
    LazyFree,
    AnonHugePages,
    ShmemPmdMapped,
    FilePmdMapped,
    SharedHugetlb,
    PrivateHugetlb,
    Swap,
    SwapPss,
    Locked,
    Count
};
constexpr std::size_t kCounterCount = static_cast<std::size_t>(Counter::Count);

// The smaps field name ("Private_Dirty") and the snake_case name used in CSV/JSON ("private_dirty").
std::string_view counterSmapsName(Counter c);
std::string_view counterKey(Counter c);

// What a region is used for, beyond its type: shown in the details column.
enum class LabelKind : std::uint8_t
{
    None,
    Heap,
    MainStack,
    ThreadStack, // tid says which thread
    Guard, // no-access pages below a stack
    AnonName, // [anon:NAME] / [anon_shmem:NAME]
    Vdso,
    Vvar,
    Vsyscall,
    Reservation, // no-access address space held for later
    Program, // the main executable
    Deleted, // backing file deleted
    Memfd, // a memfd section ("/memfd:NAME (deleted)")
    SysvShm, // a SysV shared memory segment ("/SYSV0000002a (deleted)")
    SharedAnon, // MAP_SHARED | MAP_ANONYMOUS ("/dev/zero (deleted)", or "/anon_hugepage (deleted)" shared)
    ThreadStackByPattern, // a running thread's stack, found by glibc's layout (tid 0: which thread is not known)
};
std::string_view labelKindKey(LabelKind kind);
bool labelKindFromKey(std::string_view key, LabelKind &out);

// One range of the address space. Sized to stay within 256 bytes: the path is shared between regions.
struct Region
{
    Address start = 0;
    Address end = 0;
    std::uint64_t offset = 0;
    std::uint64_t inode = 0;
    std::uint32_t devMajor = 0;
    std::uint32_t devMinor = 0;
    RegionType type = RegionType::Free;
    RegionState state = RegionState::Free;
    Protection protection;
    LabelKind labelKind = LabelKind::None;
    std::uint8_t thpEligible = 0;
    std::int8_t protectionKey = -1; // -1: not reported
    std::uint8_t kernelPageShift = 0; // page size as a power of two; 0 when not reported
    std::uint8_t mmuPageShift = 0;
    RegionUse use = RegionUse::Free; // what the region is for (usage.h); fills a padding byte
    std::int32_t tid = 0; // thread owning the stack, for LabelKind::ThreadStack
    std::uint64_t vmFlags = 0; // bit set of VmFlag (below): the letters this version knows
    std::shared_ptr<const std::string> pathPtr; // null: no path
    // The kernel's VmFlags text as it printed it: its order, letters unknown here included. Null when a
    // source gave bits only (Windows, code): vmFlagsText() then spells the bits.
    std::shared_ptr<const std::string> vmFlagsPtr;
    std::array<std::uint64_t, kCounterCount> counters {};
    // Bit per Counter: counters this region's source did not read (a live tick between full reads, a core dump).
    // Such a counter is absent, not zero: the CSV writes an empty cell and the JSON null. 0: all were read.
    std::uint32_t unknownCounters = 0;

    std::uint64_t size() const { return end - start; }
    std::uint64_t kernelPageSize() const { return kernelPageShift ? std::uint64_t(1) << kernelPageShift : 0; }
    std::uint64_t mmuPageSize() const { return mmuPageShift ? std::uint64_t(1) << mmuPageShift : 0; }
    // False unless bytes is 0 or a power of two.
    bool setKernelPageSize(std::uint64_t bytes) { return shiftOf(bytes, kernelPageShift); }
    bool setMmuPageSize(std::uint64_t bytes) { return shiftOf(bytes, mmuPageShift); }
    const std::string &path() const;
    std::string vmFlagsText() const; // the kernel's text ("rd wr mr mw me ac"), or the bits spelled
    std::uint64_t counter(Counter c) const { return counters[static_cast<std::size_t>(c)]; }
    void setCounter(Counter c, std::uint64_t v) { counters[static_cast<std::size_t>(c)] = v; }
    bool hasCounter(Counter c) const { return !(unknownCounters & counterBit(c)); }
    // Marks c as not read (its value becomes 0) or as read.
    void setCounterKnown(Counter c, bool known)
    {
        if (known) {
            unknownCounters &= ~counterBit(c);
        } else {
            unknownCounters |= counterBit(c);
            setCounter(c, 0);
        }
    }
    static constexpr std::uint32_t counterBit(Counter c) { return std::uint32_t(1) << static_cast<unsigned>(c); }
    std::string label() const; // human text for the details column
    std::string device() const; // "fe:00"
    bool contains(Address a) const { return a >= start && a < end; }

    bool operator==(const Region &other) const;

private:
    static bool shiftOf(std::uint64_t bytes, std::uint8_t &shift)
    {
        if (bytes & (bytes - 1))
            return false;
        shift = 0;
        while (bytes > 1) {
            bytes >>= 1;
            ++shift;
        }
        return true;
    }
};

static_assert(sizeof(Region) <= 256, "Region is kept small: a snapshot may hold 120k of them");

// The kernel's two-letter VmFlags, as bits. Unknown letters go to Snapshot::extras.
std::string_view vmFlagName(int bit);
int vmFlagBit(std::string_view name); // -1 when unknown
int vmFlagCount();
std::string vmFlagsToString(std::uint64_t flags);
// Reads a VmFlags text: two-character mnemonics (lowercase letters, or "??" for a flag the kernel has no name
// for) separated by single spaces. bits gets the known ones. False when the text is not that.
bool parseVmFlagsText(std::string_view text, std::uint64_t &bits);

// A field the parser did not know, kept verbatim: region index, name, text value.
struct ExtraField
{
    std::uint32_t region = 0;
    std::string name;
    std::string value;
    bool operator==(const ExtraField &) const = default;
};

struct Snapshot
{
    Pid pid = 0;
    std::string processName;
    std::string commandLine;
    std::string platform; // "linux" or "windows"
    std::string host; // the machine it was read on when not this one (--host DEST); empty: here, or a dump
    std::int64_t timestampMs = 0; // wall clock, ms since the epoch
    std::uint32_t pageSize = 4096;
    // When the counters a live tick does not read (livetier.h) were read: timestampMs for a full read, an earlier
    // full read's time for a live tick that carries them; 0 means with this snapshot.
    std::int64_t countersReadMs = 0;
    std::vector<Region> regions; // sorted by start, gaps as Free regions
    std::vector<ExtraField> extras;
    std::vector<UseNote> useNotes; // regions whose use is a guess, by index, ascending (usage.h)

    bool operator==(const Snapshot &) const = default;
    // Index of the region containing a, or -1.
    std::ptrdiff_t indexOf(Address a) const;
    // The regions that overlap [start, end), Free ones included (a binary search: the window asks every frame).
    std::span<const Region> regionsTouching(Address start, Address end) const;
    // Rough heap footprint, for the sampler's history bound.
    std::size_t memoryFootprint() const;
};
using SnapshotPtr = std::shared_ptr<const Snapshot>;

std::string_view regionTypeName(RegionType t);
std::string_view regionStateName(RegionState s);
bool regionTypeFromString(std::string_view text, RegionType &out);
bool regionStateFromString(std::string_view text, RegionState &out);

// Page states, as in the README's "The words it uses".
enum class PageState : std::uint8_t
{
    None,
    File,
    Anon,
    Swap,
    Guard,
    Zero, // the shared zero page: an anonymous page only read, mapped to the kernel's page of zeros (not in RSS)
};
constexpr std::size_t kPageStateCount = 6;
std::string_view pageStateName(PageState s);
bool pageStateFromString(std::string_view text, PageState &out);

struct PageInfo
{
    Address address = 0;
    PageState state = PageState::None;
    bool exclusive = false;
    bool operator==(const PageInfo &) const = default;
};

struct ProcessInfo
{
    Pid pid = 0;
    std::string name;
    std::string commandLine;
    std::string user;
    std::uint64_t rss = 0; // bytes
    bool readable = false; // can we read its address space?
    std::string cgroup; // cgroup v2 path ("/system.slice/docker-1f3.scope"); empty: not known (containers.h)
    Pid namespacePid = 0; // the PID inside its own PID namespace (NSpid's last field); 0: not known
};

// A process's name as a user knows it: Linux keeps only the first 15 bytes of a program's name (comm: "java",
// but "vmatlas_testchi"); where the name is that long and the command line's first word (its path's last part)
// begins with it, that word, whole ("vmatlas_testchild"). Otherwise the name as it is.
std::string fullProcessName(const std::string &name, const std::string &commandLine);

// Lowercase 0x-prefixed hex.
std::string hexAddress(Address a);
bool parseAddress(std::string_view text, Address &out); // accepts 0x-prefixed or bare hex

} // namespace vmatlas
