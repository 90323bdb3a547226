#pragma once

// (Named processlimits.h, not limits.h: core/ is on the include path and <limits.h> must stay the C library's.)

// Limits: how close a process is to running out of address space, mappings, commit charge, or its
// container's memory (issue 12). The platform reads the numbers (readLimits); the arithmetic and the
// words are here, so they work on captured text too.
#include "model.h"
#include "result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vmatlas {

// Free ranges of user space by size: bucket k holds sizes in [from, to) (to 0: no upper bound).
struct FreeBucket
{
    std::uint64_t from = 0;
    std::uint64_t to = 0;
    std::uint64_t count = 0;
    std::uint64_t bytes = 0;
};

struct AddressSpaceLimits
{
    Address userStart = 0; // lowest mappable address (Linux: vm.mmap_min_addr)
    Address userEnd = 0; // end of user space (x86-64: 0x7ffffffff000; Windows: lpMaximumApplicationAddress+1)
    std::uint64_t freeBytes = 0;
    std::uint64_t largestFree = 0;
    Address largestFreeStart = 0;
    std::vector<FreeBucket> histogram; // powers of 4 from 4 KiB: <16 KiB, <64 KiB, ..., >= 64 TiB
    std::uint64_t mapCount = 0; // mappings (VMAs; [vsyscall] is not one)
};

// Free space of user space in a snapshot: its Free (and Unusable: no) gaps plus the space below the first
// and above the last mapping, within [userStart, userEnd).
AddressSpaceLimits addressSpaceLimits(const Snapshot &snapshot, Address userStart, Address userEnd);

// Commit charge: the memory the system has promised. Linux: Committed_AS against CommitLimit
// (/proc/meminfo) under the overcommit policy; Windows: commit total against the commit limit
// (RAM + page files).
struct CommitLimits
{
    std::uint64_t processCommit
        = 0; // bytes of the process's accountable mappings (VmFlag ac / Windows: committed private)
    std::uint64_t committed = 0; // Linux Committed_AS; Windows CommitTotal
    std::uint64_t limit = 0; // Linux CommitLimit; Windows CommitLimit
    std::uint64_t peak = 0; // Windows CommitPeak
    std::uint64_t ramTotal = 0; // MemTotal / PhysicalTotal
    std::uint64_t ramAvailable = 0; // MemAvailable / PhysicalAvailable
    std::uint64_t swapTotal = 0; // SwapTotal / page files' total (commit limit minus RAM)
    std::uint64_t swapFree = 0;
    int overcommitMode = -1; // vm.overcommit_memory 0, 1, 2; -1 not Linux / not read
    std::uint64_t overcommitRatio = 0; // vm.overcommit_ratio (percent)
    std::uint64_t overcommitKbytes = 0; // vm.overcommit_kbytes
    std::uint64_t hugetlbBytes = 0; // huge pages reserved (excluded from CommitLimit)
};

struct CgroupLimits
{
    bool known = false; // a cgroup v2 line was found
    std::string path; // "/user.slice/..." from /proc/PID/cgroup "0::PATH"
    std::optional<std::uint64_t> memoryCurrent;
    std::optional<std::uint64_t> memoryMax; // nullopt: "max" (no limit) or not readable
    bool memoryMaxUnlimited = false;
    std::optional<std::uint64_t> swapCurrent;
    std::optional<std::uint64_t> swapMax;
    bool swapMaxUnlimited = false;
    std::string container; // "docker 0123abcd…", "podman …", "kubernetes pod …", or "no container"
};

struct Limits
{
    Pid pid = 0;
    std::string platform;
    AddressSpaceLimits space;
    std::uint64_t maxMapCount = 0; // vm.max_map_count (0: not known / Windows)
    CommitLimits commit;
    bool rlimitKnown = false;
    std::optional<std::uint64_t> rlimitAsSoft; // nullopt: unlimited
    std::optional<std::uint64_t> rlimitAsHard;
    CgroupLimits cgroup;
};

// The platform's reader (linuxlimits.cpp / windowslimits.cpp): reads the snapshot too. Errors as
// readSnapshot (no process: NoSuchProcess; permission: PermissionDenied).
Result<Limits> readLimits(Pid pid);
// The same from a snapshot already read (system numbers read now).
Result<Limits> readLimits(const Snapshot &snapshot);

// Parsers of the Linux texts, for the platform and the tests.
void parseMeminfo(std::string_view text, CommitLimits &out);
// /proc/PID/limits: the "Max address space" line; false when missing.
bool parseRlimitAs(std::string_view text, std::optional<std::uint64_t> &soft, std::optional<std::uint64_t> &hard);
// /proc/PID/cgroup: the cgroup v2 path ("0::PATH"); empty when none.
std::string parseCgroupV2Path(std::string_view text);
// Which container a cgroup path names: docker-<id>.scope or /docker/<id> (Docker), libpod-<id> (Podman),
// kubepods (Kubernetes), lxc.payload.NAME (LXC), machine-NAME.scope (systemd-nspawn/libvirt);
// else "no container".
std::string containerOfCgroup(std::string_view cgroupPath);
// Bytes of a process's accountable mappings (the 'ac' VmFlag): its share of Committed_AS.
std::uint64_t accountableBytes(const Snapshot &snapshot);

// One line of the limits in words: a pattern marked for translation (context "Limits", %1…%9) and what goes in
// it; an argument that is itself a marked word ("unlimited", "not readable"…) is translated by the window too.
struct LimitLine
{
    bool detail = false; // explains or details the line before (indented)
    std::string pattern;
    std::vector<std::string> args;
    std::string text() const; // in English
};
std::vector<LimitLine> limitLines(const Limits &limits);
// The limits in words, one line each, as `vmatlas limits` prints them (detail lines indented by two spaces).
std::vector<std::string> describeLimits(const Limits &limits);
// The overcommit policy in the article's terms.
std::string describeOvercommit(const CommitLimits &commit);
std::string limitsToJson(const Limits &limits);

} // namespace vmatlas
