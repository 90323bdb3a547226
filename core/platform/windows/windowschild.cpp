// startChildProcess on Windows: CreateProcessW with three pipes. The child runs in a job object so that finish() can
// kill what it started (ssh and anything ssh started) after its timeout, as the Linux side kills a process group.
// A thread drains standard error, so that a child writing much there never blocks and errorText() never waits.
#include "platform.h"
#include "winutil.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace vmatlas {

namespace win {

// The rules of the Microsoft C runtime's argv parsing (and CommandLineToArgvW): an argument with a space, a tab or a
// quote is quoted; inside quotes, backslashes are literal except before a quote, where 2n backslashes and a quote
// stand for n backslashes and the end of quoting, 2n+1 and a quote for n backslashes and a literal quote.
std::wstring quoteArgument(const std::wstring &arg)
{
    if (!arg.empty() && arg.find_first_of(L" \t\n\v\"") == std::wstring::npos)
        return arg;
    std::wstring out = L"\"";
    for (auto it = arg.begin();; ++it) {
        std::size_t backslashes = 0;
        while (it != arg.end() && *it == L'\\') {
            ++it;
            ++backslashes;
        }
        if (it == arg.end()) {
            out.append(backslashes * 2, L'\\'); // the closing quote must stay a quote
            break;
        }
        if (*it == L'"') {
            out.append(backslashes * 2 + 1, L'\\');
            out += L'"';
        } else {
            out.append(backslashes, L'\\');
            out += *it;
        }
    }
    out += L'"';
    return out;
}

std::wstring commandLine(const std::vector<std::string> &argv)
{
    std::wstring line;
    for (const std::string &a : argv) {
        if (!line.empty())
            line += L' ';
        line += quoteArgument(fromUtf8(a));
    }
    return line;
}

} // namespace win

namespace {

// What the standard-error thread has read; shared with it, so that a child whose descendants keep the pipe open
// can be given up on (the thread then ends when they do).
struct ErrorDrain
{
    std::mutex mutex;
    std::string text;
    bool done = false;
    HANDLE doneEvent = nullptr;

    ~ErrorDrain()
    {
        if (doneEvent)
            CloseHandle(doneEvent);
    }
};

void drainErrors(const std::shared_ptr<ErrorDrain> &drain, HANDLE pipe)
{
    char buf[4096];
    DWORD n = 0;
    while (ReadFile(pipe, buf, sizeof buf, &n, nullptr) && n > 0) {
        std::lock_guard lock(drain->mutex);
        if (drain->text.size() < 65536)
            drain->text.append(buf, n);
    }
    CloseHandle(pipe);
    std::lock_guard lock(drain->mutex);
    drain->done = true;
    SetEvent(drain->doneEvent);
}

class WindowsChild final : public ChildProcess
{
public:
    WindowsChild(HANDLE process, HANDLE job, HANDLE in, HANDLE out, std::shared_ptr<ErrorDrain> drain)
        : m_process(process)
        , m_job(job)
        , m_in(in)
        , m_out(out)
        , m_drain(std::move(drain))
    {
    }
    ~WindowsChild() override { finish(2000); }

    bool write(std::string_view data) override
    {
        while (!data.empty() && m_in) {
            DWORD n = 0;
            const DWORD chunk = DWORD(std::min<std::size_t>(data.size(), 1 << 20));
            if (!WriteFile(m_in, data.data(), chunk, &n, nullptr) || n == 0)
                return false; // ERROR_NO_DATA / ERROR_BROKEN_PIPE: the child closed its input
            data.remove_prefix(n);
        }
        return m_in != nullptr;
    }
    bool fill(std::string &buffer) override
    {
        if (!m_out)
            return false;
        char buf[65536];
        DWORD n = 0;
        if (!ReadFile(m_out, buf, sizeof buf, &n, nullptr) || n == 0)
            return false; // ERROR_BROKEN_PIPE: every writer has gone
        buffer.append(buf, n);
        return true;
    }
    int finish(int timeoutMs) override
    {
        if (!m_process)
            return m_status;
        if (m_in) {
            CloseHandle(m_in);
            m_in = nullptr;
        }
        bool killed = false;
        if (WaitForSingleObject(m_process, DWORD(std::max(timeoutMs, 0))) != WAIT_OBJECT_0) {
            // Everything in the job: ssh and what it started.
            if (!m_job || !TerminateJobObject(m_job, 1))
                TerminateProcess(m_process, 1);
            WaitForSingleObject(m_process, 5000);
            killed = true;
        }
        DWORD code = 0;
        const bool known = GetExitCodeProcess(m_process, &code) && code != STILL_ACTIVE;
        // Its last words: the drain ends when every holder of the pipe has exited, which is now unless the child
        // left a descendant running; that one is not waited for long.
        WaitForSingleObject(m_drain->doneEvent, killed ? 200 : 1000);
        CloseHandle(m_process);
        m_process = nullptr;
        if (m_job) {
            CloseHandle(m_job);
            m_job = nullptr;
        }
        if (m_out) {
            CloseHandle(m_out);
            m_out = nullptr;
        }
        // Killed, or ended by an exception (an NTSTATUS such as 0xC0000005): the equivalent of a signal.
        m_status = killed || !known || code > DWORD(INT_MAX) ? -1 : int(code);
        return m_status;
    }
    std::string errorText() override
    {
        std::lock_guard lock(m_drain->mutex);
        return m_drain->text;
    }

private:
    HANDLE m_process;
    HANDLE m_job;
    HANDLE m_in, m_out;
    std::shared_ptr<ErrorDrain> m_drain;
    int m_status = -1;
};

struct Pipe
{
    HANDLE read = nullptr, write = nullptr;
    Pipe() = default;
    Pipe(const Pipe &) = delete;
    Pipe &operator=(const Pipe &) = delete;
    ~Pipe()
    {
        close(read);
        close(write);
    }
    static void close(HANDLE &h)
    {
        if (h)
            CloseHandle(h);
        h = nullptr;
    }
    static HANDLE take(HANDLE &h) { return std::exchange(h, nullptr); }
};

// A pipe whose child end (read for its input, write for its output) alone is inheritable.
bool makePipe(Pipe &p, bool childReads)
{
    SECURITY_ATTRIBUTES sa { sizeof sa, nullptr, TRUE };
    if (!CreatePipe(&p.read, &p.write, &sa, 0))
        return false;
    return SetHandleInformation(childReads ? p.write : p.read, HANDLE_FLAG_INHERIT, 0);
}

bool isSsh(const std::string &program)
{
    const auto slash = program.find_last_of("\\/");
    std::string name = slash == std::string::npos ? program : program.substr(slash + 1);
    for (char &c : name)
        c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return name == "ssh" || name == "ssh.exe";
}

} // namespace

Result<std::unique_ptr<ChildProcess>> startChildProcess(const std::vector<std::string> &argv)
{
    if (argv.empty())
        return makeError(ErrorCode::BadInput, "no program to start");
    Pipe in, out, err;
    if (!makePipe(in, true) || !makePipe(out, false) || !makePipe(err, false))
        return makeError(ErrorCode::Io, "cannot make a pipe: " + win::lastErrorText());

    // Only the three child ends are handed down, even when another thread starts a program with other inheritable
    // handles at the same moment (a child holding our pipe's write end would keep it from ever ending).
    HANDLE inherited[3] = { in.read, out.write, err.write };
    SIZE_T attributesSize = 0;
    InitializeProcThreadAttributeList(nullptr, 1, 0, &attributesSize);
    std::vector<unsigned char> attributesBuffer(attributesSize);
    auto *attributes = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(attributesBuffer.data());
    bool haveList = InitializeProcThreadAttributeList(attributes, 1, 0, &attributesSize);
    haveList = haveList
        && UpdateProcThreadAttribute(
            attributes, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherited, sizeof inherited, nullptr, nullptr);

    STARTUPINFOEXW si {};
    si.StartupInfo.cb = haveList ? sizeof si : sizeof si.StartupInfo;
    si.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    si.StartupInfo.hStdInput = in.read;
    si.StartupInfo.hStdOutput = out.write;
    si.StartupInfo.hStdError = err.write;
    si.lpAttributeList = haveList ? attributes : nullptr;
    // No application name: CreateProcessW finds argv[0] as a command line's first word, in the program's folder,
    // the current folder, the system folders and PATH, adding ".exe" ("ssh" is System32\OpenSSH\ssh.exe).
    std::wstring command = win::commandLine(argv);
    // Started suspended so that it is in the job before it can start anything itself; a console of its own
    // (hidden) only when we have none, as a program without a console would otherwise open a window.
    const DWORD flags = CREATE_SUSPENDED | (haveList ? EXTENDED_STARTUPINFO_PRESENT : 0)
        | (GetConsoleWindow() ? 0 : CREATE_NO_WINDOW);
    PROCESS_INFORMATION pi {};
    const BOOL started = CreateProcessW(nullptr, command.data(), nullptr, nullptr, TRUE, flags, nullptr, nullptr,
        reinterpret_cast<STARTUPINFOW *>(&si), &pi);
    const DWORD startError = started ? 0 : GetLastError();
    if (haveList)
        DeleteProcThreadAttributeList(attributes);
    if (!started) {
        std::string message = "cannot run " + argv[0] + ": " + win::lastErrorText(startError);
        if ((startError == ERROR_FILE_NOT_FOUND || startError == ERROR_PATH_NOT_FOUND) && isSsh(argv[0]))
            message += " (Windows 10 1809 and later include OpenSSH's client: Settings, Apps, Optional features, "
                       "OpenSSH Client; or set VMATLAS_SSH to an ssh program)";
        return makeError(ErrorCode::Unsupported, message);
    }
    // Our copies of the child's ends: closed, so that its exit is the end of its output.
    Pipe::close(in.read);
    Pipe::close(out.write);
    Pipe::close(err.write);

    HANDLE job = CreateJobObjectW(nullptr, nullptr);
    if (job && !AssignProcessToJobObject(job, pi.hProcess)) {
        CloseHandle(job); // (Windows before 8 has no nested jobs) then only the child itself can be killed
        job = nullptr;
    }
    ResumeThread(pi.hThread);
    CloseHandle(pi.hThread);

    auto drain = std::make_shared<ErrorDrain>();
    drain->doneEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    HANDLE errRead = Pipe::take(err.read);
    try {
        std::thread([drain, errRead] { drainErrors(drain, errRead); }).detach();
    } catch (const std::system_error &) {
        CloseHandle(errRead); // no thread to spare: its complaints go unread, the child still runs
    }
    return std::unique_ptr<ChildProcess>(
        std::make_unique<WindowsChild>(pi.hProcess, job, Pipe::take(in.write), Pipe::take(out.read), std::move(drain)));
}

} // namespace vmatlas
