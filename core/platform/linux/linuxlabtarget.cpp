// The lab target on Linux: the process the labs act in, and how the labs start and drive it.
#include "labs/labprotocol.h"
#include "labs/labtarget.h"
#include "textcodec.h"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <pthread.h>
#include <sstream>
#include <string>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

namespace vmatlas {

namespace {

using labprotocol::parseNumber;
using labprotocol::splitWords;

// write() that reports EPIPE instead of raising SIGPIPE when the target has died (no global
// change to the signal's disposition: the signal is blocked in this thread and consumed).
ssize_t writeNoSigpipe(int fd, const void *data, std::size_t size)
{
    sigset_t pipeSet, old;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSet, &old);
    ssize_t n = ::write(fd, data, size);
    const int err = errno;
    if (n < 0 && err == EPIPE) {
        const timespec zero { 0, 0 };
        sigtimedwait(&pipeSet, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = err;
    return n;
}

std::string errnoText(const char *what)
{
    return std::string(what) + ": " + std::strerror(errno);
}

// The server's state: what it mapped, its memfd sections, a forked child.
struct Server
{
    long pageSize = ::sysconf(_SC_PAGESIZE);
    std::map<int, int> sectionFds; // fd -> fd (kept open)
    std::map<std::uint64_t, std::uint64_t> margins; // a reservation's start -> its size (a page on each side)
    pid_t child = 0;
    int childCommand = -1, childReply = -1;

    std::string handle(const std::vector<std::string> &w)
    {
        auto need = [&](std::size_t n) { return w.size() >= n; };
        std::uint64_t a = 0, n = 0;
        const std::string &cmd = w[0];
        if (cmd == "pagesize")
            return "ok " + std::to_string(pageSize);
        if (cmd == "reserve" && need(2) && parseNumber(w[1], n)) {
            // No MAP_NORESERVE: a private mapping no one can write is not counted against the commit limit anyway,
            // and with the flag, making it writable later would not be counted either (no commit to show). A page
            // on each side, with it: the kernel merges mappings whose flags are alike, and the committed part, a
            // plain rw-p mapping, merged with a neighbour's (AddressSanitizer's allocator maps such next to it).
            const std::uint64_t page = std::uint64_t(pageSize);
            void *outer = ::mmap(nullptr, n + 2 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (outer == MAP_FAILED)
                return "error " + errnoText("mmap");
            char *inner = static_cast<char *>(outer) + page;
            if (::mmap(inner, n, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
                const std::string error = "error " + errnoText("mmap");
                ::munmap(outer, n + 2 * page);
                return error;
            }
            margins[reinterpret_cast<std::uint64_t>(inner)] = n;
            return "ok " + hexAddress(reinterpret_cast<std::uint64_t>(inner));
        }
        if (cmd == "allocate" && need(2) && parseNumber(w[1], n)) {
            void *p = ::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            return p == MAP_FAILED ? "error " + errnoText("mmap")
                                   : "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p));
        }
        if (cmd == "protect" && need(4) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            int prot = w[3] == "rw" ? PROT_READ | PROT_WRITE : (w[3] == "r" ? PROT_READ : PROT_NONE);
            return ::mprotect(reinterpret_cast<void *>(a), n, prot) == 0 ? "ok" : "error " + errnoText("mprotect");
        }
        if (cmd == "touch" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            for (std::uint64_t off = 0; off < n; off += std::uint64_t(pageSize))
                reinterpret_cast<volatile char *>(a)[off] = 1;
            return "ok";
        }
        if (cmd == "read" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            volatile char sink = 0;
            for (std::uint64_t off = 0; off < n; off += std::uint64_t(pageSize))
                sink = sink + reinterpret_cast<volatile char *>(a)[off];
            (void)sink;
            return "ok";
        }
        if (cmd == "decommit" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            // A fresh inaccessible mapping in its place: its pages are gone and so is the commit charge.
            // madvise(MADV_DONTNEED) + mprotect(PROT_NONE) would free the pages but keep the charge of a range
            // that was ever written (the kernel keeps VM_ACCOUNT once an anon_vma exists).
            void *p = ::mmap(reinterpret_cast<void *>(a), n, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            return p == MAP_FAILED ? "error " + errnoText("mmap") : "ok";
        }
        if (cmd == "release" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            if (::munmap(reinterpret_cast<void *>(a), n) != 0)
                return "error " + errnoText("munmap");
            if (auto it = margins.find(a); it != margins.end() && it->second == n) { // a reservation's side pages
                ::munmap(reinterpret_cast<void *>(a - std::uint64_t(pageSize)), std::size_t(pageSize));
                ::munmap(reinterpret_cast<void *>(a + n), std::size_t(pageSize));
                margins.erase(it);
            }
            return "ok";
        }
        if (cmd == "section-create" && need(3) && parseNumber(w[2], n)) {
            int fd = ::memfd_create(w[1].c_str(), MFD_CLOEXEC);
            if (fd < 0)
                return "error " + errnoText("memfd_create");
            if (::ftruncate(fd, off_t(n)) != 0) {
                ::close(fd);
                return "error " + errnoText("ftruncate");
            }
            void *p = ::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            if (p == MAP_FAILED) {
                ::close(fd);
                return "error " + errnoText("mmap");
            }
            sectionFds[fd] = fd;
            return "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p)) + " " + std::to_string(fd);
        }
        if (cmd == "section-open" && need(5) && parseNumber(w[1], a) && parseNumber(w[2], n)) {
            // Another process's section, by its descriptor: the memfd equivalent of OpenFileMapping.
            std::uint64_t size = 0;
            if (!parseNumber(w[3], size))
                return "error bad size";
            const bool rw = w[4] == "rw";
            const std::string path = "/proc/" + std::to_string(a) + "/fd/" + std::to_string(n);
            int fd = ::open(path.c_str(), (rw ? O_RDWR : O_RDONLY) | O_CLOEXEC);
            if (fd < 0)
                return "error " + errnoText(("open " + path).c_str());
            void *p = ::mmap(nullptr, size, rw ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED, fd, 0);
            ::close(fd);
            return p == MAP_FAILED ? "error " + errnoText("mmap")
                                   : "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p));
        }
        if (cmd == "poke" && need(3) && parseNumber(w[1], a)) {
            std::string bytes;
            if (!fromHex(w[2], bytes))
                return "error poke takes hex bytes";
            std::memcpy(reinterpret_cast<void *>(a), bytes.data(), bytes.size());
            return "ok";
        }
        if (cmd == "peek" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n) && n <= 4096)
            return "ok " + toHex(std::string_view(reinterpret_cast<const char *>(a), n));
        if (cmd == "try-write" && need(2) && parseNumber(w[1], a)) {
            // In a disposable child, so the fault is caught and reported instead of killing the target.
            pid_t p = ::fork();
            if (p == 0) {
                ::signal(SIGSEGV, SIG_DFL);
                reinterpret_cast<volatile char *>(a)[0] = 'X';
                ::_exit(0);
            }
            int status = 0;
            ::waitpid(p, &status, 0);
            if (WIFSIGNALED(status))
                return std::string("ok fault ") + ::strsignal(WTERMSIG(status));
            return "ok written";
        }
        if (cmd == "map-file-private" && need(3) && parseNumber(w[2], n)) {
            int fd = ::open(w[1].c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                return "error " + errnoText("open");
            void *p = ::mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
            ::close(fd);
            return p == MAP_FAILED ? "error " + errnoText("mmap")
                                   : "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p));
        }
        if (cmd == "map-file-fixed" && need(4) && parseNumber(w[1], a) && parseNumber(w[3], n)) {
            int fd = ::open(w[2].c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                return "error " + errnoText("open");
            void *p = ::mmap(reinterpret_cast<void *>(a), n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, 0);
            ::close(fd);
            return p == MAP_FAILED ? "error " + errnoText("mmap")
                                   : "ok " + hexAddress(reinterpret_cast<std::uint64_t>(p));
        }
        if (cmd == "drop" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n))
            return ::madvise(reinterpret_cast<void *>(a), n, MADV_DONTNEED) == 0 ? "ok"
                                                                                 : "error " + errnoText("madvise");
        if (cmd == "pageout" && need(3) && parseNumber(w[1], a) && parseNumber(w[2], n))
            return ::madvise(reinterpret_cast<void *>(a), n, MADV_PAGEOUT) == 0
                ? "ok"
                : "error " + errnoText("madvise(MADV_PAGEOUT)");
        if (cmd == "swap-total") {
            std::FILE *f = std::fopen("/proc/meminfo", "r");
            unsigned long long kb = 0;
            char line[256];
            while (f && std::fgets(line, sizeof line, f))
                if (std::sscanf(line, "SwapTotal: %llu kB", &kb) == 1)
                    break;
            if (f)
                std::fclose(f);
            return "ok " + std::to_string(kb * 1024);
        }
        if (cmd == "image-data")
            return "ok " + hexAddress(reinterpret_cast<std::uint64_t>(labprotocol::imageData())) + " "
                + std::to_string(kLabImageDataSize);
        if (cmd == "fork-hold")
            return forkHold();
        if (cmd == "child-touch" && need(3) && child > 0)
            return toChild("touch " + w[1] + " " + w[2]);
        if (cmd == "child-poke" && need(3) && child > 0)
            return toChild("poke " + w[1] + " " + w[2]);
        return "error unknown or malformed command '" + cmd + "'";
    }

    std::string forkHold()
    {
        if (child > 0)
            return "error a child is already running";
        int cmdPipe[2], replyPipe[2];
        if (::pipe2(cmdPipe, O_CLOEXEC) != 0 || ::pipe2(replyPipe, O_CLOEXEC) != 0)
            return "error " + errnoText("pipe");
        pid_t p = ::fork();
        if (p < 0)
            return "error " + errnoText("fork");
        if (p == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            ::close(cmdPipe[1]);
            ::close(replyPipe[0]);
            std::FILE *in = ::fdopen(cmdPipe[0], "r");
            char line[512];
            while (in && std::fgets(line, sizeof line, in)) {
                auto words = splitWords(line);
                std::string reply = words.empty() ? "error empty" : handle(words);
                reply += "\n";
                if (::write(replyPipe[1], reply.data(), reply.size()) < 0)
                    break;
            }
            ::_exit(0);
        }
        ::close(cmdPipe[0]);
        ::close(replyPipe[1]);
        child = p;
        childCommand = cmdPipe[1];
        childReply = replyPipe[0];
        return "ok " + std::to_string(p);
    }

    std::string toChild(const std::string &command)
    {
        std::string line = command + "\n";
        if (writeNoSigpipe(childCommand, line.data(), line.size()) < 0)
            return "error the child is gone";
        std::string reply;
        char c;
        while (::read(childReply, &c, 1) == 1 && c != '\n')
            reply += c;
        return reply.empty() ? "error the child did not answer" : reply;
    }

    ~Server()
    {
        if (child > 0) {
            ::close(childCommand);
            ::kill(child, SIGKILL);
            ::waitpid(child, nullptr, 0);
        }
    }
};

} // namespace

int runLabTargetServer(const std::vector<std::string> &)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive the window or the CLI that started us
    ::signal(SIGPIPE, SIG_IGN);
    Server server;
    return labprotocol::serve(static_cast<long long>(::getpid()),
        [&server](const std::vector<std::string> &words) { return server.handle(words); });
}

struct LabTarget::Impl
{
    pid_t pid = 0;
    int in = -1; // we write commands
    int out = -1; // we read replies
    std::string buffer; // replies read but not yet taken
};

LabTarget::LabTarget(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{
}

Result<std::unique_ptr<LabTarget>> LabTarget::start(const std::string &executable)
{
    int toChild[2], fromChild[2];
    if (::pipe2(toChild, O_CLOEXEC) != 0 || ::pipe2(fromChild, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Io, errnoText("pipe"));
    pid_t pid = ::fork();
    if (pid < 0)
        return makeError(ErrorCode::Io, errnoText("fork"));
    if (pid == 0) {
        ::dup2(toChild[0], 0);
        ::dup2(fromChild[1], 1);
        const char *argv[] = { executable.c_str(), "lab-target", nullptr };
        ::execv(executable.c_str(), const_cast<char *const *>(argv));
        ::_exit(127);
    }
    ::close(toChild[0]);
    ::close(fromChild[1]);
    auto impl = std::make_unique<Impl>();
    impl->pid = pid;
    impl->in = toChild[1];
    impl->out = fromChild[0];
    return awaitReady(std::unique_ptr<LabTarget>(new LabTarget(std::move(impl))), executable);
}

LabTarget::~LabTarget()
{
    stop();
}

Pid LabTarget::pid() const
{
    return d->pid;
}

bool LabTarget::alive() const
{
    if (d->pid <= 0)
        return false;
    int status = 0;
    return ::waitpid(d->pid, &status, WNOHANG) == 0;
}

void LabTarget::stop()
{
    if (d->pid <= 0)
        return;
    if (d->in >= 0) {
        (void)!writeNoSigpipe(d->in, "quit\n", 5);
        ::close(d->in);
        d->in = -1;
    }
    // A moment to exit cleanly, then kill.
    for (int i = 0; i < 50; ++i) {
        if (::waitpid(d->pid, nullptr, WNOHANG) != 0) {
            d->pid = 0;
            break;
        }
        ::usleep(2000);
    }
    if (d->pid > 0) {
        ::kill(d->pid, SIGKILL);
        ::waitpid(d->pid, nullptr, 0);
        d->pid = 0;
    }
    if (d->out >= 0) {
        ::close(d->out);
        d->out = -1;
    }
}

Result<std::vector<std::string>> LabTarget::call(const std::string &command)
{
    if (d->pid <= 0 || d->in < 0)
        return makeError(ErrorCode::ProcessExited, "the lab target is not running");
    if (!command.empty()) {
        std::string line = command + "\n";
        if (writeNoSigpipe(d->in, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            return labprotocol::targetExited(d->pid);
    }
    // Read one reply line, with a timeout so a hung target cannot hang us.
    std::string reply;
    while (!labprotocol::takeLine(d->buffer, reply)) {
        pollfd p { d->out, POLLIN, 0 };
        if (::poll(&p, 1, labprotocol::kReplyTimeoutMs) <= 0)
            return makeError(ErrorCode::Io, "the lab target did not answer '" + command + "'");
        char buf[1024];
        ssize_t n = ::read(d->out, buf, sizeof buf);
        if (n <= 0)
            return labprotocol::targetExited(d->pid);
        d->buffer.append(buf, std::size_t(n));
    }
    return labprotocol::parseReply(reply, command);
}

} // namespace vmatlas
