// Post-mortem on the command line: snapshot/pages --core read a dump (cli.cpp), dump writes a minidump (Windows).
#include "clicommands.h"
#include "platform.h"
#include "postmortem.h"

namespace vmatlas::cli {

Result<Snapshot> loadDumpSnapshot(const std::string &path)
{
    auto dump = loadPostMortem(path);
    if (!dump)
        return dump.error();
    return std::move(dump->snapshot);
}

Result<std::vector<PageInfo>> readDumpPages(const std::string &path, Address start, Address end)
{
    auto dump = loadPostMortem(path);
    if (!dump)
        return dump.error();
    return postMortemPages(*dump, start, end);
}

int cmdDump(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to dump (required)");
    p.addOption("--out", "FILE.dmp", "where to write the minidump (required)");
    p.addFlag("--memory", "include every committed page's contents (MiniDumpWithFullMemory)");
    if (auto done = parseSubcommand("dump", p, args, s,
            "Writes a Windows minidump of the process with MiniDumpWriteDump: its regions\n"
            "(MiniDumpWithFullMemoryInfo; added from VirtualQueryEx when the system's dbghelp leaves\n"
            "them out, as Wine's does), modules and threads, and with --memory the contents of its\n"
            "committed memory. Open it with 'vmatlas snapshot --core FILE.dmp' or the window, on Windows\n"
            "or Linux. Windows only: on Linux, gcore PID (from gdb) writes a core file."))
        return *done;
    long long pid = 0;
    if (!p.has("--pid") || !p.has("--out"))
        return usageFailure(s, "dump", "--pid and --out are required");
    if (!parsePid(*p.value("--pid"), pid))
        return usageFailure(s, "dump", "'" + *p.value("--pid") + "' is not a process ID");
    const std::string out = *p.value("--out");
    if (out == "-")
        return usageFailure(s, "dump", "--out needs a file: a minidump is not written to standard output");
    if (auto st = checkOutputWritable(out); !st)
        return failWith(s, st.error());
    if (auto st = writeMinidump(pid, out, p.has("--memory")); !st)
        return failWith(s, st.error());
    return ExitOk;
}

} // namespace vmatlas::cli
