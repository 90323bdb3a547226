#pragma once

// Use: what each region is for (DESIGN.md "Use: what a region is for"), the working-set columns per use
// (VMMap's summary) and how their totals reconcile with the kernel's own per-process counters.
//
// A snapshot carries the use of every region in Region::use and the evidence of guessed ones in
// Snapshot::useNotes; readSnapshot() fills both, and loading a file written before uses existed
// computes them from what the file holds (factsFromSnapshot).
#include "model.h"
#include "regionuse.h"
#include "result.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace vmatlas {

// What the use rules need to know about the process besides its mappings. Read by the platform
// (readProcessFacts); core never reads /proc itself.
struct ProcessFacts
{
    Pid pid = 0;
    std::string platform = "linux";
    std::string processName; // comm
    std::string executablePath; // /proc/PID/exe
    std::vector<std::string> arguments; // argv, exactly (/proc/PID/cmdline)
    std::uint64_t ramBytes = 0; // physical memory, or the cgroup's memory.max when lower (the JVM's base)
    // Devices of tmpfs/shmem mounts in the process's mount namespace: a file on one is Shareable and its
    // pages are counted in RssShmem. (memfd, SysV shm and /dev/zero live on the kernel's internal mount
    // and are recognised by name.)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> shmemDevices;
    bool goRuntime = false; // the executable has a .go.buildinfo section (a Go program)

    // /proc/PID/status, in bytes; haveStatus false when not read (a loaded snapshot).
    bool haveStatus = false;
    std::uint64_t vmRss = 0; // what ps calls RSS
    std::uint64_t rssAnon = 0;
    std::uint64_t rssFile = 0;
    std::uint64_t rssShmem = 0;
    std::uint64_t vmSwap = 0;
    std::uint64_t vmPte = 0; // the page tables: the Page table row
    std::uint64_t vmLck = 0;

    // Page faults so far (/proc/PID/stat minflt and majflt), for the timeline; haveFaults false when not read.
    bool haveFaults = false;
    std::uint64_t minorFaults = 0;
    std::uint64_t majorFaults = 0;
};

// The platform's reader (linuxlimits.cpp / windowslimits.cpp). Errors as readSnapshot.
Result<ProcessFacts> readProcessFacts(Pid pid);
// What a snapshot alone tells: name, command line (split at spaces, so lossy), platform; no status.
ProcessFacts factsFromSnapshot(const Snapshot &snapshot);
// /proc/PID/status text into facts (the Vm*/Rss* lines); false when none was found.
bool parseStatusFacts(std::string_view statusText, ProcessFacts &facts);
// /proc/PID/mountinfo text: the devices of tmpfs mounts, into facts.shmemDevices.
void parseShmemMounts(std::string_view mountinfoText, ProcessFacts &facts);

enum class UseConfidence : std::uint8_t
{
    Certain, // the kernel or the runtime says so (a name, a label, the type)
    Likely, // a rule's guess from sizes, alignment and the process's runtime; evidence says which
};

struct UseInfo
{
    RegionUse use = RegionUse::Free;
    UseConfidence confidence = UseConfidence::Certain;
    std::string evidence; // empty when certain
    std::int32_t tid = 0; // Stack / StackGuard: the thread (0: the main thread or not known)
};

// Computes the use of every region (without changing the snapshot).
std::vector<UseInfo> classifyUse(const Snapshot &snapshot, const ProcessFacts &facts);
// Stores classifyUse's answer in the snapshot: Region::use and Snapshot::useNotes.
void assignUses(Snapshot &snapshot, const ProcessFacts &facts);
// The stored use of region index, with its confidence and evidence.
UseInfo useInfo(const Snapshot &snapshot, std::size_t index);

// Windows: free space from a region's end up to the next allocation-granularity boundary cannot be
// allocated (VirtualAlloc places allocations at 64 KiB boundaries). Splits each Free region that starts
// off a boundary into that slack (use Unusable) and the rest (use Free); extras and notes follow.
void splitUnusableSlack(Snapshot &snapshot, std::uint64_t granularity = 64 * 1024);

// True when the region's pages are shmem (RssShmem): memfd, SysV shm, /dev/shm and other tmpfs files,
// shared anonymous memory.
bool isShmemBacked(const Region &region, const ProcessFacts &facts);

// VMMap's columns, in bytes (blocks: a count).
struct UseColumns
{
    std::uint64_t size = 0;
    std::uint64_t committed = 0; // accessible bytes (Linux: every mapping with some access)
    std::uint64_t privateBytes = 0; // USS: private clean + private dirty (resident; = privateWs on Linux)
    std::uint64_t totalWs = 0; // RSS
    std::uint64_t privateWs = 0; // private clean + private dirty: pages only this process maps
    std::uint64_t shareableWs = 0; // resident pages that can be shared: RSS minus anonymous pages
    std::uint64_t sharedWs = 0; // shared clean + shared dirty: pages another process maps too, now
    std::uint64_t lockedWs = 0; // mlocked
    std::uint64_t blocks = 0; // regions
    std::uint64_t largest = 0; // largest region
    std::uint64_t pss = 0;
    std::uint64_t swap = 0;
    bool operator==(const UseColumns &) const = default;
};

struct UseTotals
{
    std::array<UseColumns, kRegionUseCount> byUse {}; // indexed by RegionUse; PageTable from VmPTE
    UseColumns total {}; // every region but Free and Unusable; the page table is NOT included
    bool pageTableKnown = false; // VmPTE was read (not for a loaded snapshot)

    const UseColumns &of(RegionUse u) const { return byUse[static_cast<std::size_t>(u)]; }
};

// The columns of one region (PageTable: none).
UseColumns useColumnsOf(const Region &region);
// Totals per use; facts supplies VmPTE for the Page table row (haveStatus false: row left empty).
UseTotals computeUseTotals(const Snapshot &snapshot, const ProcessFacts &facts);

// How the totals add up to the kernel's counters in /proc/PID/status.
struct ReconciliationLine
{
    std::string name; // "RssAnon"
    std::string ours; // what was summed: "anonymous pages of every region"
    std::uint64_t regions = 0; // our sum
    std::uint64_t kernel = 0; // the kernel's counter
    bool kernelKnown = false; // false: not read (loaded snapshot)
    std::string explanation; // words: why they agree or differ
    // The explanation as a pattern ("… PSS here is %1 …", marked for translation in context "Usage") and what
    // goes for %1, %2…: the window shows it in the user's language.
    std::string pattern;
    std::vector<std::string> args;
    std::int64_t difference() const { return std::int64_t(regions) - std::int64_t(kernel); }
};

std::vector<ReconciliationLine> reconcile(const Snapshot &snapshot, const UseTotals &totals, const ProcessFacts &facts);

// The summary as CSV: use,name,size,committed,private,total_ws,private_ws,shareable_ws,shared_ws,locked_ws,
// blocks,largest,pss,swap — one row per use (Page table included), then "total".
// Its last column, host, names the machine read over ssh (empty: this one).
std::string useTotalsToCsv(const UseTotals &totals, std::string_view host = {});
const std::vector<std::string_view> &useTotalsCsvColumns();

} // namespace vmatlas
