#pragma once

#include "model.h"

#include <string>
#include <string_view>

// Which container a process runs in, from what Linux says of it: its cgroup v2 path and its PID inside its own
// PID namespace. Parsers of text only (no /proc here), so they are tested and fuzzed on any platform.
namespace vmatlas {

// The cgroup v2 path of /proc/PID/cgroup: the path of its "0::PATH" line ("/system.slice/docker-1f3.scope").
// Empty when there is no such line (a cgroup v1 only system, Windows).
std::string cgroupV2Path(std::string_view cgroupText);

// The PID inside the process's innermost PID namespace: the last field of the NSpid line of /proc/PID/status
// ("NSpid:\t4242\t1" gives 1). 0 when the line is missing or malformed.
Pid namespacePidFromStatus(std::string_view statusText);

// True when the process runs in a PID namespace of its own or a cgroup other than the root: the picker's
// Container column and the window title say so.
bool inContainer(const ProcessInfo &p);

} // namespace vmatlas
