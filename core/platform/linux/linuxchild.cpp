// startChildProcess on Linux: fork + execvp with three pipes; the child gets its own process group so that
// finish() can kill what it started (ssh and anything ssh started) without touching anything else.
#include "platform.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace vmatlas {

namespace {

class LinuxChild final : public ChildProcess
{
public:
    LinuxChild(pid_t pid, int in, int out, int err)
        : m_pid(pid)
        , m_in(in)
        , m_out(out)
        , m_err(err)
    {
    }
    ~LinuxChild() override { finish(2000); }

    bool write(std::string_view data) override
    {
        while (!data.empty() && m_in >= 0) {
            const ssize_t n = ::write(m_in, data.data(), data.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            data.remove_prefix(std::size_t(n));
        }
        return m_in >= 0;
    }
    bool fill(std::string &buffer) override
    {
        if (m_out < 0)
            return false;
        char buf[65536];
        for (;;) {
            const ssize_t n = ::read(m_out, buf, sizeof buf);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            buffer.append(buf, std::size_t(n));
            return true;
        }
    }
    int finish(int timeoutMs) override
    {
        if (m_pid <= 0)
            return m_status;
        if (m_in >= 0) {
            ::close(m_in);
            m_in = -1;
        }
        int status = 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        pid_t done = 0;
        while ((done = ::waitpid(m_pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (done == 0) {
            ::kill(-m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
        }
        errorText();
        ::close(m_out);
        m_out = -1; // fill() says end of output from now on
        ::close(m_err);
        m_pid = -1;
        m_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return m_status;
    }
    std::string errorText() override
    {
        if (m_pid > 0) {
            char buf[4096];
            for (;;) {
                const ssize_t n = ::read(m_err, buf, sizeof buf);
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0)
                    break;
                if (m_errors.size() < 65536)
                    m_errors.append(buf, std::size_t(n));
            }
        }
        return m_errors;
    }

private:
    pid_t m_pid;
    int m_in, m_out, m_err;
    int m_status = -1;
    std::string m_errors;
};

} // namespace

Result<std::unique_ptr<ChildProcess>> startChildProcess(const std::vector<std::string> &argv)
{
    if (argv.empty())
        return makeError(ErrorCode::BadInput, "no program to start");
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Io, std::string("cannot make a pipe: ") + std::strerror(errno));
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Io, std::string("cannot make a pipe: ") + std::strerror(errno));
    std::vector<char *> args;
    for (const std::string &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    int ready[2];
    if (::pipe2(ready, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Io, std::string("cannot make a pipe: ") + std::strerror(errno));
    const pid_t pid = ::fork();
    if (pid < 0)
        return makeError(ErrorCode::Io, std::string("cannot start ") + argv[0] + ": " + std::strerror(errno));
    if (pid == 0) {
        ::setpgid(0, 0);
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        ::execvp(args[0], args.data());
        const int e = errno;
        (void)!::write(ready[1], &e, sizeof e);
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    ::close(ready[1]);
    int execErrno = 0;
    const bool failed = ::read(ready[0], &execErrno, sizeof execErrno) == sizeof execErrno;
    ::close(ready[0]);
    ::fcntl(err[0], F_SETFL, O_NONBLOCK);
    auto child = std::make_unique<LinuxChild>(pid, in[1], out[0], err[0]);
    if (failed) {
        child->finish(1000);
        return makeError(ErrorCode::Unsupported, "cannot run " + argv[0] + ": " + std::strerror(execErrno));
    }
    ::signal(SIGPIPE, SIG_IGN); // a dropped connection is an error to report, not a reason to die
    return std::unique_ptr<ChildProcess>(std::move(child));
}

} // namespace vmatlas
