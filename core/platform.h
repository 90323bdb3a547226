#pragma once

#include "model.h"
#include "result.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

// What each platform's source provides. One implementation is compiled in (platform/linux or
// platform/windows), chosen by CMake: no #ifdefs outside the platform folders.
namespace vmatlas {

std::string_view platformName();
Pid currentPid();
std::uint32_t systemPageSize();
// The running program's own file (to start lab targets from it).
std::string currentExecutable();

// The process a thread belongs to: on Linux a thread ID (TID) names a /proc entry of its own, and its Tgid is the
// process. pid itself when it is a process (or unknown; on Windows thread and process IDs differ).
Pid processOfThread(Pid pid);

// The whole address space with counters, classified, gaps included.
Result<Snapshot> readSnapshot(Pid pid);

// The layout only (bounds, protection, backing file), without counters or classification; cheaper than
// readSnapshot. Linux uses the PROCMAP_QUERY ioctl where the kernel has it (6.11+) and /proc/PID/maps
// otherwise. The labs call it to tell reserved pages from pages not in RAM; the tests and diagnostics compare
// the two Linux paths with it. Errors come back as a Result; it throws nothing.
Result<std::vector<Region>> readMappings(Pid pid);

// The live tier's read (livetier.h): the layout, classified, with only the counters a page-table walk gives
// fresh (RSS, anonymous, swap; the others absent). Linux: maps or PROCMAP_QUERY plus PAGEMAP_SCAN; Unsupported
// where the kernel lacks PAGEMAP_SCAN. Windows: the full read, which costs no more.
Result<Snapshot> readLiveSnapshot(Pid pid);

// One entry per page of [start, end) (rounded out to whole pages).
Result<std::vector<PageInfo>> readPages(Pid pid, Address start, Address end);

// What can be read of a process without ptrace access (Linux: /proc/PID/status), as name/value pairs:
// shown when the address space itself is off limits.
Result<std::vector<std::pair<std::string, std::string>>> readProcessSummary(Pid pid);

// Fills p.cgroup and p.namespacePid for p.pid (Linux: /proc/PID/cgroup and NSpid in /proc/PID/status); leaves
// them empty and 0 where the platform has no such thing or the process is gone.
void readContainer(ProcessInfo &p);

// Every process with an address space; processes that vanish while listed are skipped.
Result<std::vector<ProcessInfo>> listProcesses();
// The name of the account with this user ID; the number when there is none (Windows: the number).
std::string userNameOf(std::uint32_t uid);

// Writes a Windows minidump of the process to path (through a temporary file renamed over it): the regions
// (MiniDumpWithFullMemoryInfo), the modules, and with memory every committed page's contents. Unsupported on
// Linux, where gcore (from gdb) writes a core file.
Status writeMinidump(Pid pid, const std::string &path, bool withMemory);

// A program started with pipes to its standard input, output and error (the ssh of a remote host).
class ChildProcess
{
public:
    virtual ~ChildProcess() = default;
    virtual bool write(std::string_view data) = 0; // false once the pipe is closed
    // Up to and without the newline; false at end of output.
    bool readLine(std::string &line);
    bool readExact(std::size_t n, std::string &out);
    // Closes its input, waits for it (killing it after timeoutMs) and returns its exit code (-1: a signal).
    virtual int finish(int timeoutMs) = 0;
    virtual std::string errorText() = 0; // what it wrote on standard error so far (read without blocking)

protected:
    // Appends what the program writes next on its standard output, waiting for it; false at its end.
    virtual bool fill(std::string &buffer) = 0;

private:
    std::string m_buffer; // read from its output and not yet handed out
    std::size_t m_scanned = 0; // how much of m_buffer holds no newline
};
// Starts argv[0] (searched in PATH) with argv; Unsupported where not available (Windows, for now).
Result<std::unique_ptr<ChildProcess>> startChildProcess(const std::vector<std::string> &argv);

// How pages and mappings were read, for diagnostics and tests.
struct SourceFeatures
{
    bool procmapQuery = false; // PROCMAP_QUERY ioctl used by readMappings
    bool pagemapScan = false; // PAGEMAP_SCAN ioctl used by readPages
};
SourceFeatures sourceFeatures(Pid pid);

// Tests can force the plain-read fallbacks to compare both paths.
void setFastPathsEnabled(bool enabled);

// For a command that reads once and exits: memory freed is kept for the next allocation instead of being
// given back to the system, so a snapshot's buffers (the parser's growing array, the read chunks, the CSV)
// reuse pages already touched rather than faulting in new ones. Not for long-running processes (the window,
// `vmatlas serve`): their memory would stay at its peak.
void tuneMemoryForShortRun();

// Work handed to another thread by runBesideCaller. wait() returns once the work is done and throws what the
// work threw; the destructor waits too (and drops what was thrown).
class BesideTask
{
public:
    struct State; // per platform
    explicit BesideTask(std::shared_ptr<State> state)
        : m_state(std::move(state))
    {
    }
    BesideTask(BesideTask &&) noexcept = default;
    BesideTask &operator=(BesideTask &&) = delete;
    ~BesideTask()
    {
        try {
            wait();
        } catch (...) {
        }
    }
    void wait();

private:
    std::shared_ptr<State> m_state;
};

// Runs work beside the caller, on another CPU than the caller's where there is one: on a helper thread that
// finished earlier work and still lingers (see setHelperLinger), which then starts at once, or else on a new
// thread. Linux starts a new thread on its parent's CPU, and leaves it waiting there while the parent runs: it
// is started elsewhere, then may go anywhere again. Throws std::system_error when no thread can be started.
BesideTask runBesideCaller(std::function<void()> work);

// How long a helper thread that finished its work stays, spinning on its CPU, for more work before it ends, and
// how long a waiter spins before it sleeps. Starting a thread and waking one on the other CPU each cost 0.05-0.1
// ms here; a one-shot command (tuneMemoryForShortRun) sets 2 ms. 0, the default (the window): helpers end at
// once and waiters sleep.
void setHelperLinger(std::chrono::microseconds linger);

} // namespace vmatlas
