// --host from Windows: the child process with pipes (startChildProcess), the command-line quoting it uses, and
// vmatlas.exe with --host through a stand-in ssh (fakessh.exe) whose "remote" is this machine's vmatlas.exe serve.
// Built with MinGW-w64; runs under Wine.
#include "check.h"
#include "testutil.h"

#include "csv.h"
#include "fileio.h"
#include "platform.h"
#include "platform/windows/winutil.h"
#include "remote.h"
#include "version.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <windows.h>

#include <shellapi.h>

using namespace vmatlas;
using testutil::run;
using testutil::widen;

namespace {

std::string narrow(const std::wstring &w)
{
    return win::toUtf8(w);
}

// What a snapshot's CSV says of the layout (counters left out: they move between two reads).
std::vector<std::string> layout(const std::string &csvPath)
{
    std::vector<std::string> rows;
    auto text = readWholeFile(csvPath);
    if (!text)
        return rows;
    auto regions = regionsFromCsv(*text);
    if (!regions)
        return rows;
    for (const Region &r : *regions)
        rows.push_back(hexAddress(r.start) + "-" + hexAddress(r.end) + " " + std::string(regionTypeName(r.type)) + " "
            + std::string(regionStateName(r.state)) + " " + r.protection.toString() + " " + r.path());
    return rows;
}

std::string firstDifference(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        if (a[i] != b[i])
            return "row " + std::to_string(i) + ": '" + a[i] + "' vs '" + b[i] + "'";
    return std::to_string(a.size()) + " rows vs " + std::to_string(b.size());
}

std::string contents(const std::filesystem::path &file)
{
    auto text = readWholeFile(file.string());
    return text ? *text : std::string();
}

bool has(const std::string &text, std::string_view what)
{
    return text.find(what) != std::string::npos;
}

void setEnv(const wchar_t *name, const std::wstring &value)
{
    // _wputenv_s changes the C runtime's copy (getenv) and the process's (inherited by children) alike.
    _wputenv_s(name, value.c_str());
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::printf("usage: tst_windows_remote VMATLAS.EXE FAKESSH.EXE\n");
        return 2;
    }
    const std::string vmatlas = std::filesystem::absolute(argv[1]).string();
    const std::string fakessh = std::filesystem::absolute(argv[2]).string();
    const Pid self = currentPid();
    const auto tempDir = std::filesystem::temp_directory_path() / ("vmatlas-remote-" + std::to_string(self));
    std::filesystem::create_directories(tempDir);
    // Something of this process's own to read pages of.
    const std::uint32_t page = systemPageSize();
    char *block = static_cast<char *>(VirtualAlloc(nullptr, 8 * page, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE));
    block[0] = 1;
    block[2 * page] = 1;

    SECTION("command-line quoting");
    for (const std::wstring &a :
        { std::wstring(L"plain"), std::wstring(L"two words"), std::wstring(), std::wstring(L"tab\there"),
            std::wstring(L"quote\"inside"), std::wstring(L"\"quoted\""), std::wstring(L"trailing\\"),
            std::wstring(L"C:\\Program Files\\VM Atlas\\"), std::wstring(L"back\\\\\"slash"),
            std::wstring(L"\\\\server\\share\\x y\\\\"), std::wstring(L"a\\b c\\\\d") }) {
        const std::wstring line = L"prog.exe " + win::quoteArgument(a) + L" next";
        int n = 0;
        wchar_t **back = CommandLineToArgvW(line.c_str(), &n);
        CHECK_MSG(back && n == 3 && back[1] == a && std::wstring(back[2]) == L"next", narrow(line));
        LocalFree(back);
    }
    CHECK(win::quoteArgument(L"BatchMode=yes") == L"BatchMode=yes"); // nothing to quote: as is
    CHECK(win::commandLine({ "C:\\Program Files\\ssh.exe", "-o", "BatchMode=yes", "" })
        == L"\"C:\\Program Files\\ssh.exe\" -o BatchMode=yes \"\"");

    SECTION("a child process's pipes");
    {
        auto child = startChildProcess({ vmatlas, "serve" });
        CHECK_MSG(child.ok(), child.ok() ? "" : child.error().message);
        if (child.ok()) {
            ChildProcess &c = **child;
            std::string line, payload;
            CHECK(c.readLine(line));
            CHECK_MSG(line == serveHello().substr(0, serveHello().size() - 1), line);
            CHECK(c.write("ps\n"));
            CHECK(c.readLine(line) && line.rfind("ok ", 0) == 0);
            const std::size_t n = std::strtoull(line.c_str() + 3, nullptr, 10);
            CHECK(c.readExact(n, payload) && payload.rfind("pid,user,", 0) == 0);
            CHECK(has(payload, "\n" + std::to_string(self) + ","));
            CHECK(c.write("snapshot 2147483640\n"));
            CHECK_MSG(
                c.readLine(line) && line.rfind("error " + std::to_string(int(ErrorCode::NoSuchProcess)) + " ", 0) == 0,
                line);
            CHECK(c.readExact(std::strtoull(line.c_str() + line.rfind(' ') + 1, nullptr, 10), payload)
                && has(payload, "2147483640"));
            CHECK_EQ(c.finish(10000), 0); // its input closed: serve ends by itself
            CHECK(!c.write("ps\n"));
            CHECK(!c.readLine(line));
            CHECK(c.errorText().empty());
        }

        auto missing = startChildProcess({ "vmatlas-no-such-program" });
        CHECK(!missing.ok() && missing.error().code == ErrorCode::Unsupported
            && has(missing.error().message, "cannot run vmatlas-no-such-program"));
        auto noSsh = startChildProcess({ (tempDir / "nowhere" / "ssh.exe").string() });
        CHECK_MSG(!noSsh.ok() && has(noSsh.error().message, "OpenSSH Client"),
            noSsh.ok() ? std::string() : noSsh.error().message);

        // Refused at once: no output, its words on standard error, ssh's 255.
        auto refused = startChildProcess({ fakessh, "-o", "BatchMode=yes", "refused@example", "vmatlas", "serve" });
        CHECK(refused.ok());
        if (refused.ok()) {
            std::string line;
            CHECK(!(*refused)->readLine(line));
            CHECK_EQ((*refused)->finish(10000), 255);
            CHECK_MSG(has((*refused)->errorText(), "refused@example: Permission denied (publickey)."),
                (*refused)->errorText());
        }

        // A child that never answers: what it wrote on standard error is there while it runs (errorText does not
        // wait for it), and finish kills it after its timeout.
        auto stall = startChildProcess({ fakessh, "stall@example" });
        CHECK(stall.ok());
        if (stall.ok()) {
            const auto start = std::chrono::steady_clock::now();
            std::string said;
            while (!has(said, "stalling") && std::chrono::steady_clock::now() - start < std::chrono::seconds(20)) {
                said = (*stall)->errorText();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            CHECK_MSG(has(said, "stalling"), said);
            const auto before = std::chrono::steady_clock::now();
            CHECK_EQ((*stall)->finish(300), -1);
            const auto ms
                = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - before)
                      .count();
            CHECK_MSG(ms >= 250 && ms < 5000, std::to_string(ms) + " ms");
            std::printf("a stalled child killed after %lld ms (timeout 300)\n", static_cast<long long>(ms));
        }
    }

    // The stand-in ssh in a folder with a space, and an -F config with a space: VMATLAS_SSH splits at spaces
    // outside quotes and keeps backslashes.
    const auto sshDir = tempDir / "fake ssh";
    std::filesystem::create_directories(sshDir);
    const auto ssh = sshDir / "ssh.exe";
    std::error_code ec;
    std::filesystem::copy_file(fakessh, ssh, std::filesystem::copy_options::overwrite_existing, ec);
    CHECK_MSG(!ec, ec.message());
    const auto config = tempDir / "ssh config";
    CHECK(writeFileAtomically(config.string(), "# the stand-in reads nothing of it\n").ok());
    setEnv(L"VMATLAS_SSH", L"\"" + ssh.wstring() + L"\" -F \"" + config.wstring() + L"\"");
    setEnv(L"VMATLAS_REMOTE_CLI", widen(vmatlas));

    SECTION("RemoteHost through the stand-in");
    {
        RemoteHost host("fake@example");
        const std::vector<std::string> expected
            = { ssh.string(), "-F", config.string(), "-o", "BatchMode=yes", "fake@example", vmatlas, "serve" };
        CHECK(host.commandLine() == expected);
        auto st = host.connect();
        CHECK_MSG(st.ok(), st.ok() ? "" : st.error().message);
        CHECK(host.remotePlatform() == "windows");
        CHECK(host.remoteVersion() == kVersion);
        auto list = host.processes();
        bool found = false;
        if (list.ok())
            for (const ProcessInfo &p : *list)
                found |= p.pid == self && has(p.name, "tst_windows_remote");
        CHECK(found);
        auto snap = host.snapshot(self);
        CHECK_MSG(snap.ok(), snap.ok() ? "" : snap.error().message);
        CHECK(snap.ok() && snap->pid == self && snap->host == "example" && snap->indexOf(Address(block)) >= 0);
        auto gone = host.snapshot(Pid(2147483640));
        CHECK(!gone.ok() && gone.error().code == ErrorCode::NoSuchProcess
            && gone.error().message.rfind("on fake@example: ", 0) == 0);
    }

    SECTION("vmatlas.exe --host");
    const std::wstring exe = L"\"" + widen(vmatlas) + L"\"";
    const std::wstring pid = std::to_wstring(self);
    auto csv = [&](const char *name) { return tempDir / name; };
    int code = run(exe + L" snapshot --pid " + pid + L" --csv \"" + csv("local1.csv").wstring() + L"\"",
        (tempDir / "local1.txt").wstring());
    CHECK_EQ(code, 0);
    code = run(exe + L" snapshot --host fake@example --pid " + pid + L" --csv \"" + csv("remote.csv").wstring() + L"\"",
        (tempDir / "remote.txt").wstring(), (tempDir / "remote-err.txt").wstring());
    CHECK_MSG(code == 0, contents(tempDir / "remote-err.txt"));
    code = run(exe + L" snapshot --pid " + pid + L" --csv \"" + csv("local2.csv").wstring() + L"\"",
        (tempDir / "local2.txt").wstring());
    CHECK_EQ(code, 0);
    {
        // This process is waiting in run() all along; its layout can still move between two reads (the CRT's heap
        // around CreateProcess), so the remote read must equal the one before or the one after.
        const auto l1 = layout(csv("local1.csv").string()), remote = layout(csv("remote.csv").string()),
                   l2 = layout(csv("local2.csv").string());
        CHECK(l1.size() > 20);
        CHECK_MSG(remote == l1 || remote == l2, firstDifference(remote, l1));
        std::printf("snapshot --host: %zu regions, %s the local read before, %s the one after\n", remote.size(),
            remote == l1 ? "equal to" : "unlike", remote == l2 ? "equal to" : "unlike");
    }

    code = run(
        exe + L" ps --csv --host fake@example", (tempDir / "ps.csv").wstring(), (tempDir / "ps-err.txt").wstring());
    CHECK_MSG(code == 0, contents(tempDir / "ps-err.txt"));
    {
        auto list = processesFromCsv(contents(tempDir / "ps.csv"));
        bool found = false;
        if (list.ok())
            for (const ProcessInfo &p : *list)
                found |= p.pid == self && has(p.name, "tst_windows_remote");
        CHECK(found);
    }

    code = run(exe + L" snapshot --host fake@example --pid 2147483640", (tempDir / "gone.txt").wstring(),
        (tempDir / "gone-err.txt").wstring());
    CHECK_EQ(code, 3);
    CHECK_MSG(has(contents(tempDir / "gone-err.txt"), "vmatlas: on fake@example: ")
            && has(contents(tempDir / "gone-err.txt"), "2147483640"),
        contents(tempDir / "gone-err.txt"));

    code = run(exe + L" summary --host fake@example --pid " + pid, (tempDir / "summary.txt").wstring(),
        (tempDir / "summary-err.txt").wstring());
    CHECK_MSG(code == 0, contents(tempDir / "summary-err.txt"));
    CHECK_MSG(has(contents(tempDir / "summary.txt"), "Private data"), contents(tempDir / "summary.txt"));

    {
        // pages: over --host exactly what it is here, the answer or the error (Wine answers QueryWorkingSetEx only
        // for the calling process, so there both are an error).
        wchar_t range[80];
        swprintf(range, 80, L"0x%llx-0x%llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(block)),
            static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(block + 8 * page)));
        const int local = run(exe + L" pages --pid " + pid + L" --range " + range,
            (tempDir / "pages-local.csv").wstring(), (tempDir / "pages-local-err.txt").wstring());
        code = run(exe + L" pages --host fake@example --pid " + pid + L" --range " + range,
            (tempDir / "pages-remote.csv").wstring(), (tempDir / "pages-remote-err.txt").wstring());
        CHECK_EQ(code, local);
        const std::string localErr = contents(tempDir / "pages-local-err.txt");
        const std::string remoteErr = contents(tempDir / "pages-remote-err.txt");
        if (local == 0) {
            CHECK(contents(tempDir / "pages-remote.csv") == contents(tempDir / "pages-local.csv"));
            auto pages = pagesFromCsv(contents(tempDir / "pages-remote.csv"));
            CHECK(pages.ok() && pages->size() == 8);
        } else {
            const std::string said = localErr.substr(std::string("vmatlas: ").size());
            CHECK_MSG(remoteErr == "vmatlas: on fake@example: " + said, remoteErr + " / " + localErr);
        }
        std::printf("pages: exit code %d here and over --host%s", local, local == 0 ? "\n" : (", " + localErr).c_str());
    }

    SECTION("ssh failures");
    code = run(exe + L" snapshot --host refused@example --pid " + pid, (tempDir / "refused.txt").wstring(),
        (tempDir / "refused-err.txt").wstring());
    CHECK_EQ(code, 6);
    CHECK_MSG(has(contents(tempDir / "refused-err.txt"),
                  "refused the login (refused@example: Permission denied "
                  "(publickey).)"),
        contents(tempDir / "refused-err.txt"));
    setEnv(L"VMATLAS_REMOTE_CLI", L"vmatlas-not-installed");
    code = run(
        exe + L" ps --host fake@example", (tempDir / "nocli.txt").wstring(), (tempDir / "nocli-err.txt").wstring());
    CHECK_EQ(code, 6);
    CHECK_MSG(has(contents(tempDir / "nocli-err.txt"), "vmatlas is not installed on fake@example"),
        contents(tempDir / "nocli-err.txt"));
    setEnv(L"VMATLAS_REMOTE_CLI", widen(vmatlas));
    setEnv(L"VMATLAS_SSH", L"\"" + (tempDir / "no ssh here.exe").wstring() + L"\"");
    code = run(
        exe + L" ps --host fake@example", (tempDir / "nossh.txt").wstring(), (tempDir / "nossh-err.txt").wstring());
    CHECK_EQ(code, 6);
    CHECK_MSG(has(contents(tempDir / "nossh-err.txt"), "cannot run ssh for fake@example"),
        contents(tempDir / "nossh-err.txt"));

    SECTION("ssh found on PATH");
    {
        // No VMATLAS_SSH: "ssh" is looked for as CreateProcess does, PATH included, ".exe" added.
        setEnv(L"VMATLAS_SSH", L"");
        wchar_t path[32768];
        const DWORD n = GetEnvironmentVariableW(L"PATH", path, 32768);
        setEnv(L"PATH", sshDir.wstring() + L";" + std::wstring(path, n));
        code = run(
            exe + L" ps --host fake@example", (tempDir / "path.txt").wstring(), (tempDir / "path-err.txt").wstring());
        CHECK_MSG(code == 0, contents(tempDir / "path-err.txt"));
        CHECK(has(contents(tempDir / "path.txt"), std::to_string(self)));
    }

    std::filesystem::remove_all(tempDir, ec);
    return check::report();
}
