// The Linux readers of issue 12: the facts the use rules need (/proc/PID/{status,cmdline,exe,mountinfo},
// /proc/meminfo, the cgroup's memory.max) and the limits (/proc/sys/vm, /proc/PID/limits, cgroup v2).
#include "inspect.h"
#include "processlimits.h"
#include "platform.h"
#include "usage.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace vmatlas {

namespace {

// A whole small file; nullopt with errno set when it cannot be opened or read.
std::optional<std::string> slurp(const std::string &path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    std::string out;
    char buf[16384];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int err = errno;
            ::close(fd);
            errno = err;
            return std::nullopt;
        }
        if (n == 0)
            break;
        out.append(buf, std::size_t(n));
    }
    ::close(fd);
    return out;
}

std::string procFile(Pid pid, const char *leaf)
{
    return "/proc/" + std::to_string(pid) + "/" + leaf;
}

std::optional<std::uint64_t> numberFile(const std::string &path, bool *unlimited = nullptr)
{
    auto text = slurp(path);
    if (!text)
        return std::nullopt;
    std::string_view s = *text;
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.remove_suffix(1);
    if (s == "max") {
        if (unlimited)
            *unlimited = true;
        return std::nullopt;
    }
    std::uint64_t v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc())
        return std::nullopt;
    return v;
}

// Go executables carry a .go.buildinfo section: found by name in the ELF section header string table.
bool isGoExecutable(Pid pid)
{
    int fd = ::open(procFile(pid, "exe").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool found = false;
    unsigned char eh[64];
    if (::pread(fd, eh, sizeof eh, 0) == sizeof eh && std::memcmp(eh, "\x7f" "ELF", 4) == 0 && eh[4] == 2) {
        std::uint64_t shoff;
        std::uint16_t shentsize, shnum, shstrndx;
        std::memcpy(&shoff, eh + 0x28, 8);
        std::memcpy(&shentsize, eh + 0x3a, 2);
        std::memcpy(&shnum, eh + 0x3c, 2);
        std::memcpy(&shstrndx, eh + 0x3e, 2);
        unsigned char sh[64];
        if (shentsize == 64 && shstrndx < shnum
            && ::pread(fd, sh, 64, off_t(shoff + std::uint64_t(shstrndx) * 64)) == 64) {
            std::uint64_t strOff, strSize;
            std::memcpy(&strOff, sh + 0x18, 8);
            std::memcpy(&strSize, sh + 0x20, 8);
            if (strSize < (1 << 20)) {
                std::string names(strSize, '\0');
                if (::pread(fd, names.data(), strSize, off_t(strOff)) == ssize_t(strSize))
                    found = names.find(std::string_view(".go.buildinfo\0", 14)) != std::string::npos;
            }
        }
    }
    ::close(fd);
    return found;
}

Error factsError(Pid pid, const std::string &path, int err)
{
    if (err == ENOENT || err == ESRCH)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    if (err == EACCES || err == EPERM)
        return makeError(ErrorCode::PermissionDenied,
            "permission denied reading process " + std::to_string(pid) + " (" + path + ")");
    return makeError(ErrorCode::Io, "cannot read " + path + ": " + std::strerror(err));
}

std::string cgroupDir(const std::string &cgroupPath)
{
    return "/sys/fs/cgroup" + (cgroupPath == "/" ? std::string() : cgroupPath);
}

} // namespace

Result<ProcessFacts> readProcessFacts(Pid pid)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    ProcessFacts f;
    f.pid = pid;
    f.platform = "linux";
    const std::string statusPath = procFile(pid, "status");
    auto status = slurp(statusPath);
    if (!status)
        return factsError(pid, statusPath, errno);
    parseStatusFacts(*status, f);
    if (auto counters = readProcessCounters(pid, false)) {
        f.haveFaults = true;
        f.minorFaults = counters->minorFaults;
        f.majorFaults = counters->majorFaults;
    }
    if (auto comm = slurp(procFile(pid, "comm"))) {
        f.processName = *comm;
        if (!f.processName.empty() && f.processName.back() == '\n')
            f.processName.pop_back();
    }
    if (auto cmd = slurp(procFile(pid, "cmdline"))) {
        std::string_view s = *cmd;
        while (!s.empty()) {
            auto nul = s.find('\0');
            f.arguments.emplace_back(s.substr(0, nul));
            if (nul == std::string_view::npos)
                break;
            s.remove_prefix(nul + 1);
        }
    }
    char buf[4096];
    ssize_t n = ::readlink(procFile(pid, "exe").c_str(), buf, sizeof buf);
    if (n > 0)
        f.executablePath.assign(buf, std::size_t(n));
    if (auto mounts = slurp(procFile(pid, "mountinfo")))
        parseShmemMounts(*mounts, f);
    CommitLimits mem;
    if (auto meminfo = slurp("/proc/meminfo"))
        parseMeminfo(*meminfo, mem);
    f.ramBytes = mem.ramTotal;
    // In a container the JVM (and others) size themselves by the cgroup's limit.
    if (auto cg = slurp(procFile(pid, "cgroup"))) {
        std::string path = parseCgroupV2Path(*cg);
        if (!path.empty())
            if (auto max = numberFile(cgroupDir(path) + "/memory.max"); max && *max < f.ramBytes)
                f.ramBytes = *max;
    }
    f.goRuntime = isGoExecutable(pid);
    return f;
}

Result<Limits> readLimits(const Snapshot &snapshot)
{
    Limits l;
    l.pid = snapshot.pid;
    l.platform = "linux";
    const Pid pid = snapshot.pid;
    // User space: from vm.mmap_min_addr to TASK_SIZE (47-bit, or 56-bit when something is mapped above).
    Address userStart = numberFile("/proc/sys/vm/mmap_min_addr").value_or(4096);
    Address userEnd = 0x7ffffffff000ULL;
    for (const Region &r : snapshot.regions)
        if (r.type != RegionType::Free && r.end > userEnd && r.labelKind != LabelKind::Vsyscall)
            userEnd = 0x00fffffffffff000ULL;
    l.space = addressSpaceLimits(snapshot, userStart, userEnd);
    l.maxMapCount = numberFile("/proc/sys/vm/max_map_count").value_or(0);

    CommitLimits &c = l.commit;
    if (auto meminfo = slurp("/proc/meminfo"))
        parseMeminfo(*meminfo, c);
    c.overcommitMode = static_cast<int>(numberFile("/proc/sys/vm/overcommit_memory").value_or(~0ULL));
    c.overcommitRatio = numberFile("/proc/sys/vm/overcommit_ratio").value_or(0);
    c.overcommitKbytes = numberFile("/proc/sys/vm/overcommit_kbytes").value_or(0);
    c.processCommit = accountableBytes(snapshot);

    const std::string limitsPath = procFile(pid, "limits");
    auto limits = slurp(limitsPath);
    if (!limits && (errno == ENOENT || errno == ESRCH))
        return factsError(pid, limitsPath, errno);
    if (limits)
        l.rlimitKnown = parseRlimitAs(*limits, l.rlimitAsSoft, l.rlimitAsHard);

    if (auto cg = slurp(procFile(pid, "cgroup"))) {
        CgroupLimits &g = l.cgroup;
        g.path = parseCgroupV2Path(*cg);
        g.known = !g.path.empty();
        if (g.known) {
            const std::string dir = cgroupDir(g.path);
            g.memoryCurrent = numberFile(dir + "/memory.current");
            g.memoryMax = numberFile(dir + "/memory.max", &g.memoryMaxUnlimited);
            g.swapCurrent = numberFile(dir + "/memory.swap.current");
            g.swapMax = numberFile(dir + "/memory.swap.max", &g.swapMaxUnlimited);
            g.container = containerOfCgroup(g.path);
        }
    }
    return l;
}

} // namespace vmatlas
