// The Linux source: /proc/PID/{smaps,maps,pagemap,task} with the PROCMAP_QUERY and PAGEMAP_SCAN fast paths.
#include "classify.h"
#include "containers.h"
#include "livetier.h"
#include "pages.h"
#include "platform.h"
#include "smapsparser.h"
#include "usage.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <dirent.h>
#include <exception>
#include <fcntl.h>
#include <malloc.h>
#include <map>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <pwd.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace vmatlas {

namespace {

// The installed headers (Linux 6.1) predate these ioctls; the layouts are the kernel's uapi ones.
struct ProcmapQuery
{
    std::uint64_t size;
    std::uint64_t queryFlags;
    std::uint64_t queryAddr;
    std::uint64_t vmaStart;
    std::uint64_t vmaEnd;
    std::uint64_t vmaFlags;
    std::uint64_t vmaPageSize;
    std::uint64_t vmaOffset;
    std::uint64_t inode;
    std::uint32_t devMajor;
    std::uint32_t devMinor;
    std::uint32_t vmaNameSize;
    std::uint32_t buildIdSize;
    std::uint64_t vmaNameAddr;
    std::uint64_t buildIdAddr;
};
static_assert(sizeof(ProcmapQuery) == 104);
constexpr unsigned long kProcmapQuery = _IOWR('f', 17, ProcmapQuery);
constexpr std::uint64_t kVmaReadable = 0x01, kVmaWritable = 0x02, kVmaExecutable = 0x04, kVmaShared = 0x08;
constexpr std::uint64_t kCoveringOrNextVma = 0x10;

struct PmScanArg
{
    std::uint64_t size;
    std::uint64_t flags;
    std::uint64_t start;
    std::uint64_t end;
    std::uint64_t walkEnd;
    std::uint64_t vec;
    std::uint64_t vecLen;
    std::uint64_t maxPages;
    std::uint64_t categoryInverted;
    std::uint64_t categoryMask;
    std::uint64_t categoryAnyofMask;
    std::uint64_t returnMask;
};
struct PageRegion
{
    std::uint64_t start;
    std::uint64_t end;
    std::uint64_t categories;
};
static_assert(sizeof(PmScanArg) == 96);
constexpr unsigned long kPagemapScan = _IOWR('f', 16, PmScanArg);
constexpr std::uint64_t kPageIsFile = 1 << 2, kPageIsPresent = 1 << 3, kPageIsSwapped = 1 << 4, kPageIsGuard = 1 << 8;
// Mapped to the shared zero page (or the huge zero page): uapi/linux/fs.h's PAGE_IS_PFNZERO is bit 5 (bit 7 is
// PAGE_IS_SOFT_DIRTY).
constexpr std::uint64_t kPageIsPfnZero = 1 << 5;

std::atomic<bool> g_fastPaths { true };
// Set by tuneMemoryForShortRun: this process reads once and exits (the command line).
std::atomic<bool> g_shortRun { false };
// How long a helper thread lingers for more work, in microseconds (setHelperLinger).
std::atomic<std::int64_t> g_lingerUs { 0 };

std::chrono::microseconds lingerTime()
{
    return std::chrono::microseconds(g_lingerUs.load(std::memory_order_relaxed));
}

// The top of the user address space, the kernel's TASK_SIZE (no user-space header has it): x86-64 with
// 4-level page tables (a 5-level kernel maps above it only on request: then the highest mapping ends the
// rows), arm64 with 48-bit addresses. 0 elsewhere: the rows end at the highest mapping.
#if defined(__x86_64__)
constexpr Address kUserSpaceTop = 0x7ffffffff000;
#elif defined(__aarch64__)
constexpr Address kUserSpaceTop = Address(1) << 48;
#else
constexpr Address kUserSpaceTop = 0;
#endif

class Fd
{
public:
    explicit Fd(int fd = -1)
        : m_fd(fd)
    {
    }
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::string procPath(Pid pid, const char *leaf)
{
    return "/proc/" + std::to_string(pid) + "/" + leaf;
}

bool processExists(Pid pid)
{
    struct stat st;
    return ::stat(("/proc/" + std::to_string(pid)).c_str(), &st) == 0;
}

// 'Z' zombie, 'X' dead, or 0 when gone.
char processState(Pid pid)
{
    int fd = ::open(procPath(pid, "stat").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buf[512];
    ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return 0;
    std::string_view s(buf, static_cast<std::size_t>(n));
    auto paren = s.rfind(')');
    if (paren == std::string_view::npos || paren + 2 >= s.size())
        return 0;
    return s[paren + 2];
}

bool processAlive(Pid pid)
{
    char st = processState(pid);
    return st != 0 && st != 'Z' && st != 'X';
}

Error exitedError(Pid pid)
{
    return makeError(ErrorCode::ProcessExited, "process " + std::to_string(pid) + " exited while being read");
}

// A field of /proc/PID/status ("Uid", "Tgid"): its first number, or -1. Anyone may read status.
long statusNumber(Pid pid, std::string_view key)
{
    char buf[4096];
    int fd = ::open(procPath(pid, "status").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    if (n <= 0)
        return -1;
    std::string_view s(buf, static_cast<std::size_t>(n));
    const std::string needle = "\n" + std::string(key) + ":";
    auto pos = s.find(needle);
    if (pos == std::string_view::npos)
        return -1;
    s.remove_prefix(pos + needle.size());
    while (!s.empty() && (s.front() == '\t' || s.front() == ' '))
        s.remove_prefix(1);
    long value = -1;
    auto r = std::from_chars(s.data(), s.data() + s.size(), value);
    return r.ec == std::errc() ? value : -1;
}

Error permissionError(Pid pid, const std::string &what)
{
    const std::string head = "permission denied reading process " + std::to_string(pid) + " (" + what + "): ";
    // Yama is named only where the kernel has it.
    const bool yama = ::access("/proc/sys/kernel/yama/ptrace_scope", F_OK) == 0;
    // The process's own user (status, not the owner of /proc/PID: a non-dumpable process's files belong to root).
    const long uid = statusNumber(pid, "Uid");
    if (uid >= 0 && static_cast<uid_t>(uid) == ::geteuid())
        return makeError(ErrorCode::PermissionDenied,
            head
                + "it runs as your user, but the kernel refuses ptrace-read access: the process made itself "
                  "non-dumpable (prctl(PR_SET_DUMPABLE, 0), as setuid programs and some sandboxes do)"
                + (yama ? ", or Yama's ptrace_scope (/proc/sys/kernel/yama/ptrace_scope) lets only its ancestors read "
                          "it"
                        : "")
                + "; run VM Atlas as root or give it CAP_SYS_PTRACE");
    return makeError(ErrorCode::PermissionDenied,
        head
            + "reading another user's process needs ptrace-read access; run VM Atlas as that "
              "user or as root, or give it CAP_SYS_PTRACE"
            + (yama ? " (and check /proc/sys/kernel/yama/ptrace_scope)" : ""));
}

Error noAddressSpaceError(Pid pid);

Error openError(Pid pid, const std::string &path, int err)
{
    if (err == ENOENT || err == ESRCH)
        return processExists(pid) ? noAddressSpaceError(pid) // a kernel thread's pagemap, a zombie's
                                  : makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    if (err == EACCES || err == EPERM)
        return permissionError(pid, path);
    return makeError(ErrorCode::Io, "cannot read " + path + ": " + std::strerror(err));
}

Error readError(Pid pid, const std::string &path, int err)
{
    if (err == ESRCH || !processAlive(pid))
        return exitedError(pid);
    if (err == EACCES || err == EPERM)
        return permissionError(pid, path);
    return makeError(ErrorCode::Io, "cannot read " + path + ": " + std::strerror(err));
}

// True when the first read of a /proc/PID/maps opened earlier yields text: its address space still exists (see
// readSnapshot).
bool addressSpaceAlive(int mapsFd)
{
    char buf[256];
    for (;;) {
        ssize_t n = ::read(mapsFd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        return n > 0;
    }
}

// The text between the thread that reads a /proc file and the one that parses it: a ring the reader writes
// at head and the parser reads at tail (both count bytes from the start). Its own mapping, of small pages, that
// the parser commits while the reader starts on the first ones (a 2 MiB huge page of the heap took 0.25 ms to
// fault in, before the first read). One ring is kept for the next read: committing it again cost the window's
// live tick 0.5 ms at 1,000 mappings, and unmapping it a command's exit 0.2 ms (the other CPU's TLB is flushed
// by an interrupt).
class TextRing
{
public:
    static constexpr std::size_t kSize = 1 << 20; // a power of two
    TextRing()
        : m_data(s_spare.exchange(nullptr))
    {
        if (m_data)
            return;
        void *p = ::mmap(nullptr, kSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        m_data = static_cast<char *>(p);
        m_fresh = true;
    }
    ~TextRing()
    {
        if (char *other = s_spare.exchange(m_data))
            ::munmap(other, kSize); // two reads at once: one ring is enough
    }
    TextRing(const TextRing &) = delete;
    TextRing &operator=(const TextRing &) = delete;

    char *at(std::size_t pos) const { return m_data + (pos & (kSize - 1)); }
    // Bytes from pos to the ring's end.
    static std::size_t toEnd(std::size_t pos) { return kSize - (pos & (kSize - 1)); }
    // Commits a new ring's pages from offset on, as writes would, without writing (a no-op where the kernel
    // lacks it: the reader then faults them in).
    void populateFrom(std::size_t offset) const
    {
        constexpr int kPopulateWrite = 23; // MADV_POPULATE_WRITE, Linux 5.14; the 6.1 headers here have it
        if (m_fresh)
            ::madvise(m_data + offset, kSize - offset, kPopulateWrite);
    }

private:
    static inline std::atomic<char *> s_spare { nullptr };
    char *m_data = nullptr;
    bool m_fresh = false;
};

// How the parser waits for text. A one-shot command spins a while before it sleeps: a read() of smaps takes
// 10-20 us here, and waking a sleeping thread on the other CPU costs the waker tens of us; the parser then
// follows the reader read by read, and at the text's end little is left to parse (up to 256 KiB was, 0.2 ms at
// 1,000 mappings). The window's reads never spin: the parser sleeps until 256 KiB are there.
struct ParseWait
{
    std::chrono::microseconds spin;
    std::size_t wakeAfter; // bytes
};

ParseWait parseWait()
{
    using namespace std::chrono_literals;
    static_assert((256 << 10) < TextRing::kSize, "a sleeping parser waits for less than the ring holds");
    // Spinning needs a CPU of its own: a command that has one CPU does not linger either (tuneMemoryForShortRun).
    return g_shortRun && g_lingerUs.load(std::memory_order_relaxed) > 0 ? ParseWait { 300us, 1 }
                                                                        : ParseWait { 0us, 256 << 10 };
}

inline void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

// Spins until ready() or for the time given; true when ready.
template <typename Ready> bool spinFor(std::chrono::microseconds time, Ready &&ready)
{
    if (time.count() <= 0)
        return ready();
    const auto until = std::chrono::steady_clock::now() + time;
    for (;;) {
        for (int i = 0; i < 64; ++i) {
            if (ready())
                return true;
            cpuRelax();
        }
        if (std::chrono::steady_clock::now() > until)
            return ready();
    }
}

// Reads fd on the calling thread while a helper thread parses: the kernel's time to produce smaps and ours to
// parse it overlap. The read starts at once: the helper's start (a wake-up of the other CPU, 0.1-0.5 ms here)
// and what it does before parsing (beforeParse: room for the regions, the process's other files) happen
// meanwhile. Where no thread can be started, it reads and parses here, a piece after the other. Returns the read
// error, if any (0 otherwise); what beforeParse or the parser throw is thrown here, after the read.
template <typename BeforeParse> int readAndParse(int fd, SmapsParser &parser, BeforeParse &&beforeParse)
{
    constexpr std::size_t kMaxRead = 64 << 10; // the kernel fills about a page per read() anyway
    constexpr std::size_t kMaxFeed = 256 << 10; // the parser gives room back at least this often
    const ParseWait wait = parseWait();
    TextRing ring;
    std::atomic<std::size_t> head { 0 }, tail { 0 };
    std::atomic<bool> ended { false }, stop { false };
    std::atomic<bool> parserSleeps { false }, readerSleeps { false };
    std::mutex mutex;
    std::condition_variable cv;
    std::exception_ptr thrown;
    // Wakes the other thread if it sleeps and what it waits for is there (called after the store it waits for:
    // the sleeper sets its flag before it checks, the waker stores before it reads the flag).
    const auto wakeUp = [&] {
        {
            std::lock_guard lock(mutex);
        }
        cv.notify_all();
    };
    const auto wakeReader = [&] {
        if (readerSleeps.load())
            wakeUp();
    };
    const auto wakeParser = [&] {
        if (parserSleeps.load() && (head.load() - tail.load() >= wait.wakeAfter || ended.load() || stop.load()))
            wakeUp();
    };

    std::optional<BesideTask> parse;
    try {
        parse.emplace(runBesideCaller([&] {
            try {
                ring.populateFrom(kMaxRead);
                beforeParse();
                std::size_t t = 0;
                for (;;) {
                    std::size_t h = head.load(std::memory_order_acquire);
                    if (h == t || (h - t < wait.wakeAfter && !ended.load())) {
                        const bool arrived = spinFor(wait.spin, [&] {
                            return head.load(std::memory_order_acquire) != t || ended.load()
                                || stop.load(std::memory_order_relaxed);
                        });
                        if (arrived && wait.spin.count() && head.load(std::memory_order_acquire) != t)
                            continue; // came while spinning
                        std::unique_lock lock(mutex);
                        parserSleeps.store(true);
                        cv.wait(lock, [&] { return head.load() - t >= wait.wakeAfter || ended.load() || stop.load(); });
                        parserSleeps.store(false);
                        h = head.load(std::memory_order_acquire);
                        if (stop.load() || (h == t && ended.load()))
                            return;
                    }
                    const std::size_t n = std::min({ h - t, TextRing::toEnd(t), kMaxFeed });
                    const bool ok = parser.feed(std::string_view(ring.at(t), n));
                    t += n;
                    if (!ok)
                        stop.store(true);
                    tail.store(t);
                    wakeReader();
                    if (!ok)
                        return;
                }
            } catch (...) {
                {
                    std::lock_guard lock(mutex);
                    thrown = std::current_exception();
                    stop.store(true);
                }
                cv.notify_all();
            }
        }));
    } catch (const std::system_error &) {
        // No thread to be had (the process or user is at its limit): read, then parse, here.
        beforeParse();
        for (;;) {
            const ssize_t n = ::read(fd, ring.at(0), TextRing::kSize);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return n < 0 ? errno : 0;
            if (!parser.feed(std::string_view(ring.at(0), std::size_t(n))))
                return 0;
        }
    }

    int error = 0;
    std::size_t h = 0;
    try {
        while (!stop.load(std::memory_order_relaxed)) {
            if (TextRing::kSize - (h - tail.load(std::memory_order_acquire)) == 0) {
                std::unique_lock lock(mutex);
                readerSleeps.store(true);
                cv.wait(lock, [&] { return h - tail.load() < TextRing::kSize || stop.load(); });
                readerSleeps.store(false);
                continue;
            }
            const std::size_t room = TextRing::kSize - (h - tail.load(std::memory_order_acquire));
            const ssize_t n = ::read(fd, ring.at(h), std::min({ room, TextRing::toEnd(h), kMaxRead }));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                error = n < 0 ? errno : 0;
                break;
            }
            h += static_cast<std::size_t>(n);
            head.store(h);
            wakeParser();
        }
    } catch (...) {
        // The parser must not wait for text that will not come: parse's destructor waits for it.
        stop.store(true);
        ended.store(true);
        wakeUp();
        throw;
    }
    ended.store(true);
    wakeParser();
    parse->wait();
    if (thrown)
        std::rethrow_exception(thrown);
    return error;
}

// Reads a whole /proc file in large chunks (the kernel fills as much of each read as it can).
Result<std::string> readProcFile(Pid pid, const char *leaf, std::size_t chunk = 1 << 20)
{
    std::string path = procPath(pid, leaf);
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return openError(pid, path, errno);
    std::string out;
    std::size_t used = 0;
    for (;;) {
        if (out.size() - used < chunk)
            out.resize(std::max(out.size() * 2, used + chunk));
        ssize_t n = ::read(fd.get(), out.data() + used, out.size() - used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return readError(pid, path, errno);
        }
        if (n == 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    out.resize(used);
    return out;
}

std::string readSmallFile(Pid pid, const char *leaf)
{
    auto r = readProcFile(pid, leaf, 4096);
    return r ? std::move(r).value() : std::string {};
}

std::string commandLineOf(Pid pid)
{
    std::string cmd = readSmallFile(pid, "cmdline");
    while (!cmd.empty() && cmd.back() == '\0')
        cmd.pop_back();
    std::replace(cmd.begin(), cmd.end(), '\0', ' ');
    return cmd;
}

std::string commOf(Pid pid)
{
    std::string comm = readSmallFile(pid, "comm");
    if (!comm.empty() && comm.back() == '\n')
        comm.pop_back();
    return comm;
}

std::string exePathOf(Pid pid)
{
    char buf[4096];
    ssize_t n = ::readlink(procPath(pid, "exe").c_str(), buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string {};
}

template <typename F> void forEachNumericEntry(const std::string &dir, F &&f)
{
    DIR *d = ::opendir(dir.c_str());
    if (!d)
        return;
    while (dirent *e = ::readdir(d)) {
        Pid id = 0;
        std::string_view name(e->d_name);
        auto r = std::from_chars(name.data(), name.data() + name.size(), id);
        if (r.ec == std::errc() && r.ptr == name.data() + name.size())
            f(id);
    }
    ::closedir(d);
}

// Each thread's stack pointer from /proc/PID/task/TID/syscall ("nr args... sp pc"). A thread on a CPU says
// "running" there: it goes to running (the main thread aside: its stack is [stack]).
void threadStacks(Pid pid, std::vector<ThreadStackPointer> &out, std::vector<std::int32_t> &running)
{
    std::string taskDir = "/proc/" + std::to_string(pid) + "/task";
    forEachNumericEntry(taskDir, [&](Pid tid) {
        std::string path = taskDir + "/" + std::to_string(tid) + "/syscall";
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return;
        char buf[256];
        ssize_t n = ::read(fd, buf, sizeof buf - 1);
        ::close(fd);
        if (n <= 0)
            return;
        std::string_view s(buf, static_cast<std::size_t>(n));
        if (s.rfind("running", 0) == 0) {
            if (tid != pid)
                running.push_back(static_cast<std::int32_t>(tid));
            return;
        }
        std::string_view fields[9];
        int count = 0;
        while (!s.empty() && count < 9) {
            auto sp = s.find_first_of(" \n");
            fields[count++] = s.substr(0, sp);
            if (sp == std::string_view::npos)
                break;
            s.remove_prefix(sp + 1);
        }
        Address sp = 0;
        if (count >= 9 && parseAddress(fields[7], sp))
            out.push_back({ static_cast<std::int32_t>(tid), sp });
    });
}

// glibc's default thread stack size: the soft RLIMIT_STACK of the process (/proc/PID/limits), rounded up to
// pages; 32 MiB (its ARCH_STACK_DEFAULT_SIZE on x86-64 and arm64) when unlimited; 0 when unreadable.
std::uint64_t defaultThreadStackSize(Pid pid)
{
    const std::string limits = readSmallFile(pid, "limits");
    auto pos = limits.find("Max stack size");
    if (pos == std::string::npos)
        return 0;
    std::string_view s = std::string_view(limits).substr(pos + 14);
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    if (s.rfind("unlimited", 0) == 0)
        return std::uint64_t(32) << 20;
    std::uint64_t bytes = 0;
    if (std::from_chars(s.data(), s.data() + s.size(), bytes).ec != std::errc())
        return 0;
    const std::uint64_t ps = systemPageSize();
    return (bytes + ps - 1) / ps * ps;
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// PF_KTHREAD in the flags of /proc/PID/stat (field 9).
bool isKernelThread(Pid pid)
{
    std::string stat = readSmallFile(pid, "stat");
    auto paren = stat.rfind(')');
    if (paren == std::string::npos || paren + 2 > stat.size())
        return false;
    std::string_view rest = std::string_view(stat).substr(paren + 2); // from field 3, the state
    for (int field = 3; field < 9; ++field) {
        auto sp = rest.find(' ');
        if (sp == std::string_view::npos)
            return false;
        rest.remove_prefix(sp + 1);
    }
    unsigned long flags = 0;
    std::from_chars(rest.data(), rest.data() + rest.size(), flags);
    return flags & 0x00200000;
}

// Why a process shows no address space (an empty smaps, a pagemap at its end): a zombie (exited, its memory
// gone, not yet reaped by its parent), a kernel thread, or a process that exited meanwhile.
Error noAddressSpaceError(Pid pid)
{
    const char state = processState(pid);
    if (state == 'Z')
        return makeError(ErrorCode::ProcessExited,
            "process " + std::to_string(pid) + " is a zombie (exited, not yet reaped): it has no address space left");
    if (state != 0 && state != 'X' && isKernelThread(pid))
        return makeError(ErrorCode::NoAddressSpace,
            "process " + std::to_string(pid) + " is a kernel thread: it has no user address space");
    return exitedError(pid);
}

Result<std::vector<Region>> readMappingsQuery(int fd)
{
    std::vector<Region> out;
    std::string name(4096, '\0');
    std::map<std::string, std::shared_ptr<const std::string>> names;
    Address addr = 0;
    for (;;) {
        ProcmapQuery q {};
        q.size = sizeof q;
        q.queryFlags = kCoveringOrNextVma;
        q.queryAddr = addr;
        q.vmaNameAddr = reinterpret_cast<std::uint64_t>(name.data());
        q.vmaNameSize = static_cast<std::uint32_t>(name.size());
        if (::ioctl(fd, kProcmapQuery, &q) < 0) {
            if (errno == ENOENT)
                break;
            return makeError(ErrorCode::Unsupported, std::strerror(errno));
        }
        Region r;
        // A mapping that grew down over the walk's position while it walked (mmap merging it with its neighbour)
        // starts where the walk is: the rows stay sorted and apart.
        r.start = std::max<Address>(q.vmaStart, addr);
        r.end = q.vmaEnd;
        r.offset = q.vmaOffset + (r.start - q.vmaStart);
        r.inode = q.inode;
        r.devMajor = q.devMajor;
        r.devMinor = q.devMinor;
        r.protection.read = q.vmaFlags & kVmaReadable;
        r.protection.write = q.vmaFlags & kVmaWritable;
        r.protection.execute = q.vmaFlags & kVmaExecutable;
        r.protection.sharing = (q.vmaFlags & kVmaShared) ? 's' : 'p';
        if (q.vmaNameSize > 1 && q.vmaNameSize <= name.size()) {
            std::string n(name.data(), q.vmaNameSize - 1);
            auto it = names.find(n);
            if (it == names.end())
                it = names.emplace(n, std::make_shared<const std::string>(n)).first;
            r.pathPtr = it->second;
        }
        r.state = r.protection.accessible() ? RegionState::Committed : RegionState::Reserved;
        // smaps' MMUPageSize is the VMA's page size too, but on POWER (64k hash pages): so here.
        if (q.vmaPageSize > 0 && r.setKernelPageSize(q.vmaPageSize))
            r.mmuPageShift = r.kernelPageShift;
        out.push_back(std::move(r));
        if (q.vmaEnd <= addr)
            break;
        addr = q.vmaEnd;
    }
    return out;
}

// The page frame of the shared zero page, found once by reading a never-written anonymous page of our own: a
// read fault maps the zero page. 0 when frames are hidden (pagemap shows them only to CAP_SYS_ADMIN): zero pages
// then cannot be told apart from anon ones in plain pagemap reads (PAGEMAP_SCAN tells them apart regardless).
std::uint64_t zeroPagePfn()
{
    static const std::uint64_t pfn = [] {
        const std::size_t ps = systemPageSize();
        void *p = ::mmap(nullptr, ps, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return std::uint64_t(0);
        (void)*static_cast<volatile const char *>(p);
        std::uint64_t entry = 0;
        Fd fd(::open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC));
        const off_t off = off_t(reinterpret_cast<std::uintptr_t>(p) / ps * 8);
        const bool ok = fd.get() >= 0 && ::pread(fd.get(), &entry, sizeof entry, off) == ssize_t(sizeof entry);
        ::munmap(p, ps);
        return ok && (entry & pagemap::Present) && !(entry & pagemap::FileOrShared) ? entry & pagemap::PfnMask
                                                                                    : std::uint64_t(0);
    }();
    return pfn;
}

// Pages [start, end) by plain reads of pagemap, 64 Ki entries at a time.
Status readPagemapRange(int fd, Pid pid, Address start, Address end, std::uint32_t pageSize, std::vector<PageInfo> &out)
{
    const std::uint64_t zeroPfn = zeroPagePfn();
    constexpr std::size_t kChunk = 65536;
    std::vector<std::uint64_t> buf(kChunk);
    Address a = start;
    while (a < end) {
        std::size_t pages = std::min<std::uint64_t>(kChunk, (end - a) / pageSize);
        off_t off = static_cast<off_t>((a / pageSize) * 8);
        ssize_t n = ::pread(fd, buf.data(), pages * 8, off);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            if (!processAlive(pid))
                return exitedError(pid);
            if (err == EACCES || err == EPERM)
                return permissionError(pid, procPath(pid, "pagemap"));
            return makeError(ErrorCode::Io, "cannot read " + procPath(pid, "pagemap") + ": " + std::strerror(err));
        }
        if (n == 0)
            return exitedError(pid);
        std::size_t got = static_cast<std::size_t>(n) / 8;
        for (std::size_t i = 0; i < got; ++i)
            out.push_back(decodePagemapEntry(a + i * pageSize, buf[i], zeroPfn));
        a += got * pageSize;
    }
    return Ok {};
}

// Why a PAGEMAP_SCAN ioctl failed (err: its errno): no such ioctl here, the process gone, access refused, or
// another error.
Error pagemapScanError(Pid pid, int err)
{
    if (err == ENOTTY || err == EINVAL || err == EOPNOTSUPP)
        return makeError(ErrorCode::Unsupported, "PAGEMAP_SCAN unavailable");
    if (!processAlive(pid))
        return exitedError(pid);
    if (err == EACCES || err == EPERM)
        return permissionError(pid, procPath(pid, "pagemap"));
    return makeError(
        ErrorCode::Io, "cannot read " + procPath(pid, "pagemap") + ": PAGEMAP_SCAN failed: " + std::strerror(err));
}

// PAGEMAP_SCAN finds the populated (present, swapped or guard) runs; only those are read for their bits.
// Returns Unsupported when the kernel lacks the ioctl or the guard category.
Status readPagesScan(int fd, Pid pid, Address start, Address end, std::uint32_t pageSize, std::vector<PageInfo> &out)
{
    std::vector<PageRegion> vec(4096);
    Address emitted = start; // pages below this are in out
    Address scanFrom = start;
    while (scanFrom < end) {
        PmScanArg arg {};
        arg.size = sizeof arg;
        arg.start = scanFrom;
        arg.end = end;
        arg.vec = reinterpret_cast<std::uint64_t>(vec.data());
        arg.vecLen = vec.size();
        arg.categoryAnyofMask = kPageIsPresent | kPageIsSwapped | kPageIsGuard;
        arg.returnMask = arg.categoryAnyofMask | kPageIsPfnZero;
        long n = ::ioctl(fd, kPagemapScan, &arg);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return pagemapScanError(pid, errno);
        }
        for (long i = 0; i < n; ++i) {
            Address rs = std::max<Address>(vec[i].start, emitted);
            for (; emitted < rs; emitted += pageSize)
                out.push_back({ emitted, PageState::None, false });
            if (vec[i].end > rs && (vec[i].categories & kPageIsPfnZero)) {
                // The zero page: shared by every process, exclusive to none, never in RSS.
                for (; emitted < vec[i].end; emitted += pageSize)
                    out.push_back({ emitted, PageState::Zero, false });
            } else if (vec[i].end > rs) {
                auto st = readPagemapRange(fd, pid, rs, vec[i].end, pageSize, out);
                if (!st)
                    return st.error();
                emitted = vec[i].end;
            }
        }
        // Nothing populated lies between the last run and where the walk stopped.
        Address walkEnd = std::min<Address>(arg.walkEnd, end);
        if (walkEnd <= scanFrom)
            return makeError(ErrorCode::Unsupported, "PAGEMAP_SCAN made no progress");
        for (; emitted < walkEnd; emitted += pageSize)
            out.push_back({ emitted, PageState::None, false });
        scanFrom = walkEnd;
    }
    return Ok {};
}

// The [vsyscall] gate page as maps prints it, or null when the kernel has none. It is the same page in every
// 64-bit process and is no VMA: PROCMAP_QUERY does not walk it, so the fast path adds it from here.
const Region *gatePage()
{
    static const std::optional<Region> gate = []() -> std::optional<Region> {
        auto text = readProcFile(::getpid(), "maps");
        if (!text)
            return std::nullopt;
        const auto at = text->find("[vsyscall]");
        if (at == std::string::npos)
            return std::nullopt;
        const auto begin = text->rfind('\n', at);
        auto parsed = parseSmaps(std::string_view(*text).substr(begin == std::string::npos ? 0 : begin + 1));
        if (!parsed || parsed->mappings.size() != 1)
            return std::nullopt;
        Region r = parsed->mappings.front();
        r.state = r.protection.accessible() ? RegionState::Committed : RegionState::Reserved;
        return r;
    }();
    return gate ? &*gate : nullptr;
}

// What classification and the uses need besides the mappings (read once the layout text has ended). The
// process's name, command line and executable come with its facts, each file read once.
void readContextAndFacts(Pid pid, ProcessContext &ctx, std::optional<Result<ProcessFacts>> &facts)
{
    threadStacks(pid, ctx.threads, ctx.runningThreads);
    if (!ctx.runningThreads.empty())
        ctx.threadStackSize = defaultThreadStackSize(pid);
    facts = readProcessFacts(pid);
    if (!*facts) {
        ctx.processName = commOf(pid);
        ctx.commandLine = commandLineOf(pid);
        ctx.executablePath = exePathOf(pid);
        return;
    }
    const ProcessFacts &f = **facts;
    ctx.processName = f.processName;
    ctx.executablePath = f.executablePath;
    // As commandLineOf writes it: the arguments apart by spaces, the empty ones the text ends with left out.
    std::size_t count = f.arguments.size();
    while (count > 0 && f.arguments[count - 1].empty())
        --count;
    for (std::size_t i = 0; i < count; ++i) {
        if (i)
            ctx.commandLine += ' ';
        ctx.commandLine += f.arguments[i];
    }
}

// The populated page runs of [start, end): present or swapped, with whether file-backed, the zero page, a guard
// marker. One PAGEMAP_SCAN walk: the kernel walks the page tables only, no reverse map and no PSS, which is what
// makes smaps slow. Unsupported without the ioctl.
Status scanRuns(int fd, Pid pid, Address start, Address end, std::vector<PageRegion> &runs)
{
    constexpr std::size_t kBatch = 16384;
    Address scanFrom = start;
    while (scanFrom < end) {
        const std::size_t have = runs.size();
        runs.resize(have + kBatch);
        PmScanArg arg {};
        arg.size = sizeof arg;
        arg.start = scanFrom;
        arg.end = end;
        arg.vec = reinterpret_cast<std::uint64_t>(runs.data() + have);
        arg.vecLen = kBatch;
        arg.categoryAnyofMask = kPageIsPresent | kPageIsSwapped;
        arg.returnMask = kPageIsPresent | kPageIsSwapped | kPageIsFile | kPageIsPfnZero | kPageIsGuard;
        const long n = ::ioctl(fd, kPagemapScan, &arg);
        runs.resize(have + std::size_t(std::max(n, 0L)));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return pagemapScanError(pid, errno);
        }
        const Address walkEnd = std::min<Address>(arg.walkEnd, end);
        if (walkEnd <= scanFrom)
            return makeError(ErrorCode::Unsupported, "PAGEMAP_SCAN made no progress");
        scanFrom = walkEnd;
    }
    return Ok {};
}

// Adds each mapping's resident, anonymous and swapped bytes from the runs (both sorted; mappings apart).
void addResidency(const std::vector<PageRegion> &runs, std::vector<Region> &mappings)
{
    std::size_t i = 0;
    for (const PageRegion &run : runs) {
        if (run.categories & kPageIsPfnZero)
            continue; // the shared zero page: in no one's RSS
        while (i < mappings.size() && mappings[i].end <= run.start)
            ++i;
        for (std::size_t j = i; j < mappings.size() && mappings[j].start < run.end; ++j) {
            Region &r = mappings[j];
            const std::uint64_t bytes = std::min(r.end, run.end) - std::max(r.start, run.start);
            if (run.categories & kPageIsPresent) {
                r.counters[std::size_t(Counter::Rss)] += bytes;
                if (!(run.categories & kPageIsFile))
                    r.counters[std::size_t(Counter::Anonymous)] += bytes;
            }
            // A guard region's marker is a swap-like entry in the page table, but no swap.
            if ((run.categories & kPageIsSwapped) && !(run.categories & kPageIsGuard))
                r.counters[std::size_t(Counter::Swap)] += bytes;
        }
    }
}

} // namespace

std::string_view platformName()
{
    return "linux";
}

Pid currentPid()
{
    return ::getpid();
}

std::uint32_t systemPageSize()
{
    static const std::uint32_t size = static_cast<std::uint32_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

std::string currentExecutable()
{
    char buf[4096];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string {};
}

void tuneMemoryForShortRun()
{
    // glibc hands big blocks out with mmap and returns them with munmap (and trims the heap's top): every
    // new block then costs a page fault per page. 10,000 mappings are about 3,000 such faults.
    ::mallopt(M_MMAP_THRESHOLD, 256 << 20);
    ::mallopt(M_TRIM_THRESHOLD, 1 << 30);
    // One heap for every thread: a helper thread's own arena would fault in small pages the main heap has.
    ::mallopt(M_ARENA_MAX, 1);
    g_shortRun = true;
    // Helpers linger, spinning, only where they have a CPU of their own.
    cpu_set_t cpus;
    CPU_ZERO(&cpus);
    if (::sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) >= 2)
        setHelperLinger(std::chrono::milliseconds(2));
    // Its heap is grown once, by 192 MiB (below the threshold above), and the kernel asked for huge pages there:
    // here 8 MiB of huge pages fault in in 0.8 ms, of small pages in 3 ms, and a snapshot of 60,000 mappings
    // touches about 60 MiB (page faults: 8,247 before, 596 after). Nothing is committed until touched; where huge
    // pages are off, madvise changes nothing.
    constexpr std::size_t kHeap = 192 << 20, kHuge = 2 << 20;
    if (void *block = ::malloc(kHeap)) {
        const auto from = (reinterpret_cast<std::uintptr_t>(block) + kHuge - 1) & ~(kHuge - 1);
        const auto to = reinterpret_cast<std::uintptr_t>(::sbrk(0)) & ~(kHuge - 1);
        if (to > from)
            ::madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE);
        ::free(block);
    }
}

namespace {

// A thread that runs tasks given by runBesideCaller, and lingers between them.
struct Helper
{
    std::shared_ptr<BesideTask::State> task; // the next, written before go
    std::atomic<bool> go { false };
};

// The helper that lingers, waiting for a task: taken by whoever exchanges it out of here.
std::atomic<Helper *> g_lingering { nullptr };

} // namespace

struct BesideTask::State
{
    std::function<void()> work;
    std::exception_ptr thrown;
    std::atomic<bool> done { false };
    std::atomic<bool> waiterSleeps { false };
    std::mutex mutex;
    std::condition_variable cv;
    bool waited = false;

    void run()
    {
        try {
            work();
        } catch (...) {
            thrown = std::current_exception();
        }
        work = nullptr;
        done.store(true);
        // This thread holds the state: the waiter may be gone already.
        if (waiterSleeps.load()) {
            {
                std::lock_guard lock(mutex);
            }
            cv.notify_all();
        }
    }
};

namespace {

void helperLoop(Helper *self, std::shared_ptr<BesideTask::State> task)
{
    for (;;) {
        task->run();
        task.reset();
        if (g_lingerUs.load(std::memory_order_relaxed) <= 0)
            break;
        self->go.store(false);
        Helper *none = nullptr;
        if (!g_lingering.compare_exchange_strong(none, self))
            break; // another helper lingers already
        if (!spinFor(lingerTime(), [&] { return self->go.load(std::memory_order_acquire); })) {
            Helper *expected = self;
            if (g_lingering.compare_exchange_strong(expected, nullptr))
                break; // nobody took it: it ends
            // Taken meanwhile: the task is on its way.
            while (!self->go.load(std::memory_order_acquire))
                std::this_thread::yield(); // the taker may have been preempted before it could say go
        }
        task = std::move(self->task);
    }
    delete self;
}

} // namespace

void BesideTask::wait()
{
    if (!m_state || m_state->waited)
        return;
    State &s = *m_state;
    if (!spinFor(lingerTime(), [&] { return s.done.load(); })) {
        std::unique_lock lock(s.mutex);
        s.waiterSleeps.store(true);
        s.cv.wait(lock, [&] { return s.done.load(); });
    }
    s.waited = true;
    if (std::exception_ptr e = std::exchange(s.thrown, nullptr))
        std::rethrow_exception(e);
}

BesideTask runBesideCaller(std::function<void()> work)
{
    auto state = std::make_shared<BesideTask::State>();
    state->work = std::move(work);
    // A lingering helper spins on a CPU of its own: not the caller's, which runs this.
    if (Helper *helper = g_lingering.exchange(nullptr)) {
        helper->task = state;
        helper->go.store(true, std::memory_order_release);
        return BesideTask(std::move(state));
    }
    // A new thread. Linux starts one on its parent's CPU and leaves it waiting there while the parent runs (on
    // this 2-vCPU machine a CSV's two halves were formatted one after the other): it is started on the other
    // CPUs (set before it runs: moving a running thread cost the caller 0.07 ms more here), then freed.
    struct Start
    {
        Helper *helper;
        std::shared_ptr<BesideTask::State> task;
        bool placed;
        cpu_set_t all;
    };
    auto helper = std::make_unique<Helper>();
    auto start = std::make_unique<Start>(Start { helper.get(), state, false, {} });
    CPU_ZERO(&start->all);
    pthread_attr_t attr;
    ::pthread_attr_init(&attr);
    ::pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    const int here = ::sched_getcpu();
    if (here >= 0 && ::sched_getaffinity(0, sizeof start->all, &start->all) == 0 && CPU_ISSET(here, &start->all)
        && CPU_COUNT(&start->all) >= 2) {
        cpu_set_t others = start->all;
        CPU_CLR(here, &others);
        start->placed = ::pthread_attr_setaffinity_np(&attr, sizeof others, &others) == 0;
    }
    const auto threadMain = [](void *arg) -> void * {
        std::unique_ptr<Start> start(static_cast<Start *>(arg));
        if (start->placed)
            ::sched_setaffinity(0, sizeof start->all, &start->all); // started elsewhere: free to go anywhere
        helperLoop(start->helper, std::move(start->task));
        return nullptr;
    };
    pthread_t thread;
    int err = ::pthread_create(&thread, &attr, threadMain, start.get());
    if (err == EINVAL && start->placed) {
        // The CPUs changed since they were read (one went offline, the cpuset moved): anywhere, then.
        ::pthread_attr_destroy(&attr);
        ::pthread_attr_init(&attr);
        ::pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        start->placed = false;
        err = ::pthread_create(&thread, &attr, threadMain, start.get());
    }
    ::pthread_attr_destroy(&attr);
    if (err)
        throw std::system_error(err, std::generic_category(), "cannot start a thread");
    start.release();
    helper.release(); // the thread's now: it deletes it when it ends
    return BesideTask(std::move(state));
}

void setHelperLinger(std::chrono::microseconds linger)
{
    g_lingerUs.store(linger.count());
}

void setFastPathsEnabled(bool enabled)
{
    g_fastPaths = enabled;
}

// How many mappings a process can have: vm.max_map_count (65,530 by default), plus the gate page; at most a
// million. Room for that many regions is reserved, not committed: 16 MiB of address space by default.
std::size_t mappingCountHint()
{
    static const std::size_t hint = [] {
        std::uint64_t limit = 0;
        char buf[32];
        Fd fd(::open("/proc/sys/vm/max_map_count", O_RDONLY | O_CLOEXEC));
        const ssize_t n = fd.get() < 0 ? -1 : ::read(fd.get(), buf, sizeof buf);
        if (n <= 0 || std::from_chars(buf, buf + n, limit).ec != std::errc())
            limit = 65530;
        return std::size_t(std::min<std::uint64_t>(limit + 1, 1 << 20));
    }();
    return hint;
}

Result<Snapshot> readSnapshot(Pid pid)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    // The kernel produces smaps in pieces; a process that maps or unmaps meanwhile can yield an
    // inconsistent text. Read again a few times before giving up.
    Error lastError;
    for (int attempt = 0; attempt < 4; ++attempt) {
        // Parsed as it is read, a chunk at a time: a 60k-mapping smaps is ~40 MB of text never held whole.
        std::string path = procPath(pid, "smaps");
        // maps is opened first: both files then hold the same address space (the mm), to check the end below.
        std::string mapsPath = procPath(pid, "maps");
        Fd mapsFd(::open(mapsPath.c_str(), O_RDONLY | O_CLOEXEC));
        if (mapsFd.get() < 0)
            return openError(pid, mapsPath, errno);
        Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0)
            return openError(pid, path, errno);
        ProcessContext ctx;
        ctx.pid = pid;
        ctx.timestampMs = nowMs();
        ctx.pageSize = systemPageSize();
        ctx.userSpaceTop = kUserSpaceTop;
        ctx.trimCapacity = !g_shortRun;
        SmapsParser parser;
        std::optional<Result<ProcessFacts>> facts;
        // On the parser's thread, while the first chunks are read: the command line's array of regions gets room,
        // so that it never moves while it fills (not the window's: its memory would peak higher at each full read,
        // with the room and the exact copy classify keeps); and what classification and the uses need besides the
        // mappings is read.
        const auto beforeParse = [&] {
            if (g_shortRun)
                parser.reserve(mappingCountHint());
            readContextAndFacts(pid, ctx, facts);
        };
        if (int err = readAndParse(fd.get(), parser, beforeParse))
            return readError(pid, path, err);
        if (parser.bytesFed() == 0)
            return noAddressSpaceError(pid);
        // Did the text end where the address space ends, or where the process died? Each read() of a
        // /proc/PID/{maps,smaps} file first takes a reference on the address space (mmget_not_zero in
        // m_start) and gives end of file when it cannot: the address space is gone, and it never comes
        // back. So a read of maps that still yields text after smaps reached its end proves the address
        // space was alive when smaps ended: that end was the real one (the last mapping, [vsyscall] or
        // whatever ends it), not the process's exit. No text: the process exited, or exec'd into a new
        // address space (then read again).
        if (!addressSpaceAlive(mapsFd.get())) {
            if (processAlive(pid) && attempt + 1 < 4) {
                lastError = exitedError(pid);
                continue;
            }
            return exitedError(pid);
        }
        auto parsed = parser.finish();
        if (!parsed) {
            lastError = makeError(
                ErrorCode::BadInput, "process " + std::to_string(pid) + ": " + path + " " + parsed.error().message);
            continue;
        }
        // A process that exited during the read leaves a truncated text: not a snapshot.
        if (!processAlive(pid))
            return noAddressSpaceError(pid);
        Snapshot snap = classify(std::move(parsed).value(), ctx);
        assignUses(snap, facts && *facts ? **facts : factsFromSnapshot(snap));
        return snap;
    }
    return lastError;
}

Result<Snapshot> readLiveSnapshotOnce(Pid pid);

Result<Snapshot> readLiveSnapshot(Pid pid)
{
    // A process that maps and unmaps during the read can leave an inconsistent maps text: read again.
    Result<Snapshot> snap = readLiveSnapshotOnce(pid);
    for (int attempt = 1; attempt < 4 && !snap && snap.error().code == ErrorCode::BadInput; ++attempt)
        snap = readLiveSnapshotOnce(pid);
    return snap;
}

Result<Snapshot> readLiveSnapshotOnce(Pid pid)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    if (!g_fastPaths || !kUserSpaceTop)
        return makeError(ErrorCode::Unsupported, "the live tier needs PAGEMAP_SCAN");
    ProcessContext ctx;
    ctx.pid = pid;
    ctx.timestampMs = nowMs();
    ctx.pageSize = systemPageSize();
    ctx.userSpaceTop = kUserSpaceTop;
    const std::string mapsPath = procPath(pid, "maps");
    const std::string pagemapPath = procPath(pid, "pagemap");
    Fd maps(::open(mapsPath.c_str(), O_RDONLY | O_CLOEXEC));
    if (maps.get() < 0)
        return openError(pid, mapsPath, errno);
    Fd pm(::open(pagemapPath.c_str(), O_RDONLY | O_CLOEXEC));
    if (pm.get() < 0)
        return openError(pid, pagemapPath, errno);
    // The page-table walk on one core while maps is read and parsed (itself two threads that overlap) on the
    // other: the layout text, not PROCMAP_QUERY, which costs an ioctl per mapping. Both are views of the same
    // moment give or take the read; a run outside every mapping (unmapped meanwhile) counts for none.
    std::vector<PageRegion> runs;
    Status scanned = Ok {};
    // A jthread: joined on the way out when the read throws (a std::thread would end the process). Where no
    // thread can be started (the process or user is at its limit), the walk comes after the read, here.
    const auto scan = [&] { scanned = scanRuns(pm.get(), pid, 0, kUserSpaceTop, runs); };
    std::jthread scanner;
    try {
        scanner = std::jthread(scan);
    } catch (const std::system_error &) {
    }
    SmapsParser parser;
    std::optional<Result<ProcessFacts>> facts;
    const int readErr = readAndParse(maps.get(), parser, [&] { readContextAndFacts(pid, ctx, facts); });
    if (scanner.joinable())
        scanner.join();
    else
        scan();
    if (readErr)
        return readError(pid, mapsPath, readErr);
    if (!scanned)
        return scanned.error();
    if (parser.bytesFed() == 0)
        return noAddressSpaceError(pid);
    auto parsed = parser.finish();
    if (!parsed)
        return makeError(
            ErrorCode::BadInput, "process " + std::to_string(pid) + ": " + mapsPath + " " + parsed.error().message);
    for (Region &r : parsed->mappings) {
        r.state = r.protection.accessible() ? RegionState::Committed : RegionState::Reserved;
        r.unknownCounters = kAllCounterBits & ~kLiveCounters;
        // maps has no page sizes: the base page, but for hugetlb's own anonymous mappings (a hugetlbfs file's
        // size comes with the next full read).
        if (r.path().rfind("/anon_hugepage", 0) != 0 && r.setKernelPageSize(ctx.pageSize))
            r.mmuPageShift = r.kernelPageShift;
    }
    addResidency(runs, parsed->mappings);
    if (!processAlive(pid))
        return noAddressSpaceError(pid);
    Snapshot snap = classify(std::move(parsed).value(), ctx);
    for (Region &r : snap.regions) {
        // What smaps leaves out of RSS: the pages of PFN maps ([vvar], devices) are no pages the kernel counts.
        // (Hugetlb pages are counted apart in smaps; maps does not tell a hugetlb mapping's page size: the last
        // full read's, carried, does.)
        if (r.labelKind == LabelKind::Vvar) {
            r.setCounter(Counter::Rss, 0);
            r.setCounter(Counter::Anonymous, 0);
        }
    }
    assignUses(snap, facts && *facts ? **facts : factsFromSnapshot(snap));
    return snap;
}

Pid processOfThread(Pid pid)
{
    // /proc/TID exists for every thread (unlisted): its status names the thread group, the process.
    const long tgid = pid > 0 ? statusNumber(pid, "Tgid") : -1;
    return tgid > 0 ? Pid(tgid) : pid;
}

Result<std::vector<Region>> readMappings(Pid pid)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    std::string path = procPath(pid, "maps");
    if (g_fastPaths) {
        Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0)
            return openError(pid, path, errno);
        auto r = readMappingsQuery(fd.get());
        if (r) {
            if (r->empty())
                return noAddressSpaceError(pid);
            if (const Region *gate = gatePage(); gate && r->back().end <= gate->start)
                r->push_back(*gate);
            return r;
        }
    }
    auto text = readProcFile(pid, "maps");
    if (!text)
        return text.error();
    if (text->empty())
        return noAddressSpaceError(pid);
    auto parsed = parseSmaps(*text);
    if (!parsed)
        return makeError(ErrorCode::BadInput, path + " " + parsed.error().message);
    for (Region &r : parsed->mappings)
        r.state = r.protection.accessible() ? RegionState::Committed : RegionState::Reserved;
    return std::move(parsed->mappings);
}

Result<std::vector<PageInfo>> readPages(Pid pid, Address start, Address end)
{
    if (pid <= 0)
        return makeError(ErrorCode::NoSuchProcess, "no process with PID " + std::to_string(pid));
    const std::uint32_t ps = systemPageSize();
    if (auto range = roundPageRange(start, end, ps); !range)
        return makeError(range.error().code, "process " + std::to_string(pid) + ": " + range.error().message);
    std::string path = procPath(pid, "pagemap");
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return openError(pid, path, errno);
    std::vector<PageInfo> out;
    out.reserve(std::min<std::uint64_t>((end - start) / ps, 1 << 20));
    // Past the top of user space no page is the process's: pagemap has nothing there (a read gives end of file,
    // PAGEMAP_SCAN "Bad address"), and the [vsyscall] page, which lies there, is no VMA. Those pages are none.
    const Address userEnd = kUserSpaceTop ? std::clamp(kUserSpaceTop, start, end) : end;
    auto pastTheTop = [&]() -> Result<std::vector<PageInfo>> {
        for (Address a = userEnd; a < end; a += ps)
            out.push_back({ a, PageState::None, false });
        return std::move(out);
    };
    if (userEnd == start)
        return pastTheTop();
    // A zombie's or a kernel thread's pagemap has no address space behind it: say which, not just "exited".
    auto failed = [pid](const Error &e) { return e.code == ErrorCode::ProcessExited ? noAddressSpaceError(pid) : e; };
    if (g_fastPaths) {
        auto st = readPagesScan(fd.get(), pid, start, userEnd, ps, out);
        if (st)
            return pastTheTop();
        if (st.error().code != ErrorCode::Unsupported)
            return failed(st.error());
        out.clear();
    }
    auto st = readPagemapRange(fd.get(), pid, start, userEnd, ps, out);
    if (!st)
        return failed(st.error());
    return pastTheTop();
}

SourceFeatures sourceFeatures(Pid pid)
{
    SourceFeatures f;
    Fd maps(::open(procPath(pid, "maps").c_str(), O_RDONLY | O_CLOEXEC));
    if (maps.get() >= 0) {
        ProcmapQuery q {};
        q.size = sizeof q;
        q.queryFlags = kCoveringOrNextVma;
        f.procmapQuery = ::ioctl(maps.get(), kProcmapQuery, &q) == 0 || errno == ENOENT;
    }
    Fd pm(::open(procPath(pid, "pagemap").c_str(), O_RDONLY | O_CLOEXEC));
    if (pm.get() >= 0) {
        PageRegion one;
        PmScanArg arg {};
        arg.size = sizeof arg;
        arg.start = 0;
        arg.end = systemPageSize();
        arg.vec = reinterpret_cast<std::uint64_t>(&one);
        arg.vecLen = 1;
        arg.categoryAnyofMask = kPageIsPresent | kPageIsSwapped | kPageIsGuard;
        arg.returnMask = arg.categoryAnyofMask;
        f.pagemapScan = ::ioctl(pm.get(), kPagemapScan, &arg) >= 0;
    }
    return f;
}

Result<std::vector<std::pair<std::string, std::string>>> readProcessSummary(Pid pid)
{
    auto text = readProcFile(pid, "status", 4096);
    if (!text)
        return text.error();
    std::vector<std::pair<std::string, std::string>> out;
    std::string_view s = *text;
    while (!s.empty()) {
        auto nl = s.find('\n');
        std::string_view line = s.substr(0, nl);
        s = nl == std::string_view::npos ? std::string_view {} : s.substr(nl + 1);
        auto colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        std::string_view key = line.substr(0, colon);
        if (!(key == "Name" || key == "State" || key == "Uid" || key == "Threads" || key.rfind("Vm", 0) == 0
                || key.rfind("Rss", 0) == 0))
            continue;
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        out.emplace_back(std::string(key), std::string(value));
    }
    return out;
}

Status writeMinidump(Pid, const std::string &, bool)
{
    return makeError(ErrorCode::Unsupported,
        "dump writes Windows minidumps and runs only in the Windows build (vmatlas.exe); on Linux, write a core "
        "file with gcore PID (from gdb) and open it with 'vmatlas snapshot --core FILE'");
}

void readContainer(ProcessInfo &p)
{
    p.cgroup = cgroupV2Path(readSmallFile(p.pid, "cgroup"));
    p.namespacePid = namespacePidFromStatus(readSmallFile(p.pid, "status"));
}

std::string userNameOf(std::uint32_t uid)
{
    static std::mutex userMutex;
    static std::map<uid_t, std::string> users;
    std::lock_guard lock(userMutex);
    auto it = users.find(uid_t(uid));
    if (it != users.end())
        return it->second;
    struct passwd pw;
    struct passwd *res = nullptr;
    char buf[4096];
    std::string name = std::to_string(uid);
    if (::getpwuid_r(uid_t(uid), &pw, buf, sizeof buf, &res) == 0 && res)
        name = res->pw_name;
    users.emplace(uid_t(uid), name);
    return name;
}

Result<std::vector<ProcessInfo>> listProcesses()
{
    const auto userName = [](uid_t uid) { return userNameOf(std::uint32_t(uid)); };

    std::vector<ProcessInfo> out;
    const std::uint64_t ps = systemPageSize();
    forEachNumericEntry("/proc", [&](Pid pid) {
        struct stat st;
        if (::stat(("/proc/" + std::to_string(pid)).c_str(), &st) != 0)
            return; // vanished
        std::string statm = readSmallFile(pid, "statm");
        std::uint64_t sizePages = 0, rssPages = 0;
        {
            std::string_view s(statm);
            auto r = std::from_chars(s.data(), s.data() + s.size(), sizePages);
            if (r.ec != std::errc())
                return; // vanished while listed
            s.remove_prefix(static_cast<std::size_t>(r.ptr - s.data()));
            if (!s.empty())
                s.remove_prefix(1);
            std::from_chars(s.data(), s.data() + s.size(), rssPages);
        }
        std::string cmd = commandLineOf(pid);
        if (sizePages == 0 && cmd.empty())
            return; // kernel thread: no address space
        ProcessInfo p;
        p.pid = pid;
        p.name = commOf(pid);
        if (p.name.empty())
            return; // vanished
        p.commandLine = std::move(cmd);
        p.user = userName(st.st_uid);
        p.rss = rssPages * ps;
        readContainer(p);
        int fd = ::open(procPath(pid, "maps").c_str(), O_RDONLY | O_CLOEXEC);
        p.readable = fd >= 0;
        if (fd >= 0)
            ::close(fd);
        out.push_back(std::move(p));
    });
    std::sort(out.begin(), out.end(), [](const ProcessInfo &a, const ProcessInfo &b) { return a.pid < b.pid; });
    return out;
}

} // namespace vmatlas
