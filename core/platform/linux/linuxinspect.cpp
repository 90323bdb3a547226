// Linux half of inspect.h: /proc/PID/mem (falling back to process_vm_readv), process_madvise, clear_refs and the
// fault counters of /proc/PID/stat.
#include "inspect.h"
#include "platform.h"
#include "units.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <string_view>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_process_madvise
#define SYS_process_madvise 440
#endif
#ifndef MADV_COLD
#define MADV_COLD 20
#endif
#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

namespace vmatlas {

namespace {

std::string procPath(Pid pid, const char *leaf)
{
    return "/proc/" + std::to_string(pid) + "/" + leaf;
}

bool processGone(Pid pid)
{
    // A zombie keeps its /proc entry but no memory: its stat says Z.
    int fd = ::open(procPath(pid, "stat").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return true;
    char buf[512];
    ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return true;
    std::string_view s(buf, std::size_t(n));
    auto paren = s.rfind(')');
    if (paren == std::string_view::npos || paren + 2 >= s.size())
        return true;
    return s[paren + 2] == 'Z' || s[paren + 2] == 'X';
}

Error goneError(Pid pid)
{
    return makeError(ErrorCode::ProcessExited, "process " + std::to_string(pid) + " exited while being read");
}

Error accessError(Pid pid, const std::string &what)
{
    return makeError(ErrorCode::PermissionDenied,
        "permission denied reading the memory of process " + std::to_string(pid) + " (" + what
            + "): it needs ptrace-read access; run VM Atlas as the process's user or as root, or give it "
              "CAP_SYS_PTRACE"
            + (::access("/proc/sys/kernel/yama/ptrace_scope", F_OK) == 0
                    ? " (and check /proc/sys/kernel/yama/ptrace_scope)"
                    : ""));
}

class LinuxMemory final : public ProcessMemory
{
public:
    explicit LinuxMemory(Pid pid)
        : ProcessMemory(pid)
    {
    }
    ~LinuxMemory() override
    {
        if (m_memFd >= 0)
            ::close(m_memFd);
    }

    Result<std::size_t> read(Address address, char *out, std::size_t len) override
    {
        // /proc/PID/mem first: it copies each page out as it finds it. process_vm_readv pins the pages, and the
        // kernel gives a process an own copy of an anonymous page pinned while shared copy-on-write (after fork):
        // reading would break the very sharing a user looks at. It serves when /proc/PID/mem cannot be opened
        // for another reason than access or the process's end.
        if (m_useVm)
            return readVm(address, out, len);
        if (m_memFd < 0) {
            m_memFd = ::open(procPath(m_pid, "mem").c_str(), O_RDONLY | O_CLOEXEC);
            if (m_memFd < 0) {
                if (errno == ENOENT || errno == ESRCH)
                    return goneError(m_pid);
                if (errno == EACCES || errno == EPERM)
                    return accessError(m_pid, procPath(m_pid, "mem"));
                m_useVm = true;
                return readVm(address, out, len);
            }
        }
        std::size_t done = 0;
        while (done < len) {
            ssize_t n = ::pread(m_memFd, out + done, len - done, off_t(address + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EIO || errno == EFAULT))
                break;
            if (n == 0 && done == 0 && processGone(m_pid))
                return goneError(m_pid);
            if (n < 0) {
                if (processGone(m_pid))
                    return goneError(m_pid);
                return makeError(ErrorCode::Io, "cannot read " + procPath(m_pid, "mem") + ": " + std::strerror(errno));
            }
            if (n == 0)
                break;
            done += std::size_t(n);
        }
        return done;
    }

private:
    Result<std::size_t> readVm(Address address, char *out, std::size_t len)
    {
        iovec local { out, len };
        iovec remote { reinterpret_cast<void *>(address), len };
        for (;;) {
            ssize_t n = ::process_vm_readv(pid_t(m_pid), &local, 1, &remote, 1, 0);
            if (n >= 0)
                return std::size_t(n);
            if (errno == EINTR)
                continue;
            if (errno == EFAULT)
                return std::size_t(0);
            if (errno == ESRCH || (errno == EPERM && processGone(m_pid)))
                return goneError(m_pid);
            if (errno == EPERM)
                return accessError(m_pid, "process_vm_readv");
            return makeError(
                ErrorCode::Io, std::string("cannot read memory: process_vm_readv: ") + std::strerror(errno));
        }
    }

    bool m_useVm = false;
    int m_memFd = -1;
};

Error noProcess(Pid pid)
{
    return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
}

} // namespace

Result<std::unique_ptr<ProcessMemory>> ProcessMemory::open(Pid pid)
{
    if (pid <= 0 || ::access(("/proc/" + std::to_string(pid)).c_str(), F_OK) != 0)
        return noProcess(pid);
    // Access is checked the way the reads will be: one byte of nothing (a zero-length read) says nothing, so
    // the first real read reports a refusal.
    return std::unique_ptr<ProcessMemory>(std::make_unique<LinuxMemory>(pid));
}

Result<TrimReport> trimWorkingSet(Pid pid, const std::vector<AddressRange> &ranges, TrimMode mode)
{
    if (pid <= 0 || ::access(("/proc/" + std::to_string(pid)).c_str(), F_OK) != 0)
        return noProcess(pid);
    std::vector<AddressRange> targets = ranges;
    std::vector<std::string> names(ranges.size());
    if (targets.empty()) {
        auto maps = readMappings(pid);
        if (!maps)
            return maps.error();
        for (const Region &r : *maps) {
            // [vsyscall] lies above user space and is no VMA; no-access reservations hold no pages.
            if (!r.protection.accessible() || r.path() == "[vsyscall]")
                continue;
            targets.push_back({ r.start, r.end });
            names.push_back(r.path());
        }
    }
    const int pidfd = int(::syscall(SYS_pidfd_open, pid_t(pid), 0));
    if (pidfd < 0) {
        if (errno == ESRCH)
            return noProcess(pid);
        if (errno == ENOSYS)
            return makeError(ErrorCode::Unsupported, "this kernel has no pidfd_open (Linux 5.3+): trim is unavailable");
        return makeError(ErrorCode::Io, "pidfd_open of process " + std::to_string(pid) + ": " + std::strerror(errno));
    }
    TrimReport report;
    const int advice = mode == TrimMode::Cold ? MADV_COLD : MADV_PAGEOUT;
    const std::size_t ps = systemPageSize();
    std::optional<Error> error;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        Address start = targets[i].start - targets[i].start % ps;
        Address end = targets[i].end;
        if (end <= start)
            continue;
        iovec iov { reinterpret_cast<void *>(start), end - start };
        ssize_t n = ::syscall(SYS_process_madvise, pidfd, &iov, 1UL, advice, 0U);
        if (n >= 0) {
            report.bytesAdvised += std::uint64_t(n);
            ++report.ranges;
            continue;
        }
        const int err = errno;
        const std::string what = formatAddress(start) + "-" + formatAddress(end);
        if (err == EPERM || err == EACCES) {
            // EACCES: no ptrace access to the process; EPERM: CAP_SYS_NICE missing.
            error = makeError(ErrorCode::PermissionDenied,
                "permission denied trimming process " + std::to_string(pid) + ": process_madvise needs "
                    + (err == EACCES ? std::string("ptrace access to the process (its user or root) and CAP_SYS_NICE")
                                     : std::string("CAP_SYS_NICE (run VM Atlas as root)"))
                    + "");
            break;
        }
        if (err == ESRCH) {
            error = goneError(pid);
            break;
        }
        if (err == ENOSYS) {
            error = makeError(ErrorCode::Unsupported,
                "this kernel has no process_madvise (Linux 5.10+; MADV_COLD/MADV_PAGEOUT 5.4+): trim is unavailable");
            break;
        }
        if (err == EINVAL && ranges.empty()) {
            // Locked, huge-TLB or special (VM_PFNMAP) mappings cannot be paged out: said, not fatal.
            report.skipped.push_back(what + (i < names.size() && !names[i].empty() ? " " + names[i] : std::string())
                + ": " + std::strerror(err));
            continue;
        }
        if (err == ENOMEM) {
            error = makeError(ErrorCode::BadInput,
                "the range " + what + " of process " + std::to_string(pid) + " is not mapped (wholly)");
            break;
        }
        error = makeError(ErrorCode::Io,
            "process_madvise on " + what + " of process " + std::to_string(pid) + ": " + std::strerror(err));
        break;
    }
    ::close(pidfd);
    if (error)
        return *error;
    // No swap: the kernel has nowhere to put anonymous pages, so they stay.
    std::uint64_t swapTotal = 0;
    if (auto mi = ::open("/proc/meminfo", O_RDONLY | O_CLOEXEC); mi >= 0) {
        char buf[4096];
        ssize_t n = ::read(mi, buf, sizeof buf - 1);
        ::close(mi);
        std::string_view s(buf, n > 0 ? std::size_t(n) : 0);
        if (auto pos = s.find("SwapTotal:"); pos != std::string_view::npos) {
            s.remove_prefix(pos + 10);
            while (!s.empty() && s.front() == ' ')
                s.remove_prefix(1);
            std::from_chars(s.data(), s.data() + s.size(), swapTotal);
        }
    }
    if (mode == TrimMode::Cold)
        report.note = "MADV_COLD only marks the pages as the first to reclaim under memory pressure; RSS drops later, "
                      "if at all.";
    else if (swapTotal == 0)
        report.note = "This system has no swap: file-backed pages were dropped (they come back from their files on "
                      "access), but anonymous pages (heap, stacks, private data) have nowhere to go and stay in RAM. "
                      "Pages other processes map too (shared libraries) stay as well.";
    else
        report.note = "File-backed pages were dropped (they come back from their files on access); anonymous pages "
                      "were written to swap. Pages other processes map too (shared libraries) stay.";
    return report;
}

Status markReferenced(Pid pid)
{
    if (pid <= 0 || ::access(("/proc/" + std::to_string(pid)).c_str(), F_OK) != 0)
        return noProcess(pid);
    const std::string path = procPath(pid, "clear_refs");
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == EACCES || errno == EPERM)
            return makeError(ErrorCode::PermissionDenied,
                "permission denied writing " + path
                    + ": marking clears the process's referenced bits and needs write access to its /proc files "
                      "(the process's user or root)");
        if (errno == ENOENT || errno == ESRCH)
            return noProcess(pid);
        return makeError(ErrorCode::Io, "cannot open " + path + ": " + std::strerror(errno));
    }
    ssize_t n = ::write(fd, "1", 1);
    const int err = errno;
    ::close(fd);
    if (n != 1) {
        if (err == ESRCH)
            return goneError(pid);
        if (err == EACCES || err == EPERM)
            return makeError(ErrorCode::PermissionDenied,
                "permission denied writing " + path + ": marking needs ptrace access to the process");
        return makeError(ErrorCode::Io, "cannot write " + path + ": " + std::strerror(err));
    }
    return Ok {};
}

Result<ProcessCounters> readProcessCounters(Pid pid, bool exactRss)
{
    const std::string path = procPath(pid, "stat");
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return noProcess(pid);
    char buf[1024];
    ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return goneError(pid);
    std::string_view s(buf, std::size_t(n));
    auto paren = s.rfind(')');
    if (paren == std::string_view::npos)
        return makeError(ErrorCode::BadInput, "cannot parse " + path);
    s.remove_prefix(paren + 2);
    // Fields from 3 (state) on: minflt is 10, majflt 12, rss (pages) 24.
    std::vector<std::string_view> fields;
    while (!s.empty()) {
        auto sp = s.find(' ');
        fields.push_back(s.substr(0, sp));
        if (sp == std::string_view::npos)
            break;
        s.remove_prefix(sp + 1);
    }
    auto field = [&](std::size_t k) -> std::uint64_t {
        std::uint64_t v = 0;
        if (k - 3 < fields.size())
            std::from_chars(fields[k - 3].data(), fields[k - 3].data() + fields[k - 3].size(), v);
        return v;
    };
    if (fields.size() < 22)
        return makeError(ErrorCode::BadInput, "cannot parse " + path);
    ProcessCounters c;
    c.minorFaults = field(10);
    c.majorFaults = field(12);
    c.rss = field(24) * systemPageSize();
    // stat's RSS is the kernel's per-CPU estimate; smaps_rollup's is exact (when the process may be read).
    if (int rfd = exactRss ? ::open(procPath(pid, "smaps_rollup").c_str(), O_RDONLY | O_CLOEXEC) : -1; rfd >= 0) {
        char text[4096];
        ssize_t m = ::read(rfd, text, sizeof text - 1);
        ::close(rfd);
        std::string_view t(text, m > 0 ? std::size_t(m) : 0);
        if (auto pos = t.find("\nRss:"); pos != std::string_view::npos) {
            t.remove_prefix(pos + 5);
            while (!t.empty() && t.front() == ' ')
                t.remove_prefix(1);
            std::uint64_t kb = 0;
            if (std::from_chars(t.data(), t.data() + t.size(), kb).ec == std::errc())
                c.rss = kb * 1024;
        }
    }
    return c;
}

} // namespace vmatlas
