#pragma once

#include "model.h"
#include "smapsparser.h"

#include <string>
#include <vector>

namespace vmatlas {

struct ThreadStackPointer
{
    std::int32_t tid = 0;
    Address sp = 0;
};

// What classification needs besides the mappings.
struct ProcessContext
{
    Pid pid = 0;
    std::string processName;
    std::string commandLine;
    std::string executablePath; // /proc/PID/exe, to label the program image
    std::vector<ThreadStackPointer> threads; // for thread-stack labels
    // Threads whose stack pointer could not be read: running on a CPU (their syscall file says "running"). Their
    // stacks are found by glibc's layout: a guard page right below a private anonymous rw-p mapping of
    // threadStackSize bytes (the default thread stack: RLIMIT_STACK; 0: not known, not looked for).
    std::vector<std::int32_t> runningThreads;
    std::uint64_t threadStackSize = 0;
    std::int64_t timestampMs = 0;
    std::uint32_t pageSize = 4096;
    std::string platform = "linux";
    // The end of the user address space (x86-64 Linux: 0x7ffffffff000): a Free row runs from the highest
    // mapping up to it. 0: not known, no such row.
    Address userSpaceTop = 0;
    // Whether the snapshot gives back the room the parser's array has beyond its rows (each region then moves
    // once more): a snapshot that is kept (the window's history) should; a short-lived reader (the command
    // line) need not.
    bool trimCapacity = true;
};

// Turns parsed mappings into a snapshot: types, states and labels as in the README's "The words it
// uses", with Free rows for the gaps: from address 0 to the first mapping, between mappings, and from the
// highest mapping to context.userSpaceTop; none between that top and [vsyscall].
Snapshot classify(ParsedMaps parsed, const ProcessContext &context);

} // namespace vmatlas
