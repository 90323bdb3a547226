#include "cli.h"

#include "argparser.h"
#include "clicommands.h"
#include "csv.h"
#include "diff.h"
#include "fileio.h"
#include "labs/labs.h"
#include "pages.h"
#include "platform.h"
#include "remote.h"
#include "sampler.h"
#include "snapshotjson.h"
#include "textcodec.h"
#include "units.h"
#include "version.h"

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>

namespace vmatlas::cli {

namespace {

PngRenderer &pngRenderer()
{
    static PngRenderer renderer;
    return renderer;
}

void print(std::FILE *f, const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), f);
}

int fail(Streams s, const Error &e)
{
    print(s.err, "vmatlas: " + e.message + "\n");
    return exitCodeFor(e);
}

int usageError(Streams s, const std::string &command, const std::string &message)
{
    print(s.err, "vmatlas " + command + ": " + message + "\nTry 'vmatlas " + command + " --help'.\n");
    return ExitUsage;
}

// Writes what produce() makes to a file (atomically) or, for "-", to the output stream.
Status writeOutput(Streams s, const std::string &path, const std::function<bool(const ChunkSink &)> &produce)
{
    if (path == "-") {
        bool ok = produce(
            [&s](std::string_view chunk) { return std::fwrite(chunk.data(), 1, chunk.size(), s.out) == chunk.size(); });
        if (!ok || std::fflush(s.out) != 0)
            return makeError(ErrorCode::Io, std::string("cannot write to standard output: ") + std::strerror(errno));
        return Ok {};
    }
    return writeFileAtomically(path, produce);
}

Status writeOutput(Streams s, const std::string &path, const std::string &data)
{
    return writeOutput(s, path, [&data](const ChunkSink &sink) { return sink(data); });
}

// Fails early, before any work, when a file could not be written at all.
Status checkWritable(const std::string &path)
{
    if (path == "-")
        return Ok {};
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p(path);
    fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (fs::is_directory(p, ec))
        return makeError(ErrorCode::Io, "cannot write " + path + ": it is a folder");
    if (!fs::is_directory(dir, ec))
        return makeError(ErrorCode::Io, "cannot write " + path + ": the folder " + dir.string() + " does not exist");
    return Ok {};
}

// What a CSV's host column says: the machine --host named (as the title shows it), empty for this one.
std::string hostColumn(const ArgParser &p)
{
    return p.has("--host") ? RemoteHost(*p.value("--host")).displayName() : std::string();
}

// --pid of a thread means its process: said on standard error, and the process is read.
Pid processForPid(Streams s, Pid pid)
{
    const Pid process = processOfThread(pid);
    if (process != pid)
        print(s.err,
            "vmatlas: PID " + std::to_string(pid) + " is a thread of process " + std::to_string(process) + "; showing "
                + std::to_string(process) + "\n");
    return process;
}

bool wantsHelp(const std::vector<std::string> &args)
{
    for (const auto &a : args)
        if (a == "--help" || a == "-h")
            return true;
    return false;
}

// A subcommand: its name, its usage lines (after "vmatlas "; none: left out of the main help) and what runs it.
struct Command
{
    const char *name;
    std::vector<const char *> usage;
    bool usageOnOneLine; // the main help joins the usage lines with " | "
    int (*run)(const std::vector<std::string> &args, Streams s);
};

const std::vector<Command> &commands();

const Command *findCommand(const std::string &name)
{
    for (const Command &c : commands())
        if (name == c.name)
            return &c;
    return nullptr;
}

// What every subcommand does first: --help prints its usage, description and options; a bad option
// (or, unless positionals, any positional argument) is a usage error. Returns the exit code when the
// command is done, nothing when it goes on with p parsed.
std::optional<int> parseCommand(const char *name, ArgParser &p, const std::vector<std::string> &args, Streams s,
    const char *description, bool positionals = false)
{
    p.addFlag("--help", "show this help");
    if (wantsHelp(args)) {
        std::string text;
        for (const char *line : findCommand(name)->usage)
            text += std::string(text.empty() ? "Usage: " : "       ") + "vmatlas " + line + "\n";
        print(s.out, text + "\n" + description + "\n\n" + p.optionsHelp());
        return ExitOk;
    }
    if (!p.parse(args))
        return usageError(s, name, p.error());
    if (!positionals && !p.positional().empty())
        return usageError(s, name, "unexpected argument '" + p.positional()[0] + "'");
    return std::nullopt;
}

const char kMainHelpHead[] = R"(VM Atlas - a live map of a process's virtual address space

Usage:
  vmatlas                          open the explorer window (when built with the GUI)
  vmatlas --pid PID                open the explorer on a process
  vmatlas --host DEST [--pid PID]  open the explorer on another machine's processes, over ssh
  vmatlas FILE.json                open a saved snapshot
  vmatlas FILE.core | FILE.dmp     open an ELF core file or a Windows minidump (post-mortem)
)";

const char kMainHelpTail[]
    = R"(Run 'vmatlas COMMAND --help' for a command's options. Exit codes: 0 success, 2 bad arguments,
3 no such process (or it exited), 4 permission denied, 5 a file could not be read or written, 6 a remote
host (--host) could not be reached or refused the login, 1 other. Every CSV has a host column: the
machine read with --host, empty for this one.
)";

int cmdHelp(const std::vector<std::string> &, Streams s)
{
    std::string text = kMainHelpHead;
    for (const Command &c : commands()) {
        std::string lines;
        for (const char *line : c.usage)
            lines += lines.empty() ? std::string("  vmatlas ") + line
                                   : std::string(c.usageOnOneLine ? " | vmatlas " : "\n  vmatlas ") + line;
        if (!lines.empty())
            text += lines + "\n";
    }
    print(s.out, text + kMainHelpTail);
    return ExitOk;
}

int cmdVersion(const std::vector<std::string> &, Streams s)
{
    print(s.out, std::string("vmatlas ") + kVersion + "\n");
    return ExitOk;
}

int cmdSnapshot(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to read");
    p.addOption("--core", "FILE", "read an ELF core file or a Windows minidump instead of a live process");
    p.addOption("--host", "DEST", "read the process on another machine, over ssh (DEST as ssh takes it)");
    p.addOption("--csv", "FILE", "write the regions as CSV ('-' for standard output)");
    p.addOption("--json", "FILE", "write the snapshot as JSON ('-' for standard output)");
    p.addOption("--png", "FILE", "render the address map as a PNG image");
    p.addOption("--size", "WxH", "size of the PNG (default 1600x1000)");
    p.addOption("--every", "MS", "take a snapshot every MS milliseconds (at least 100) ...");
    p.addOption("--count", "N", "... N times ...");
    p.addOption("--out", "DIR", "... into DIR/snapshot-0001.json, -0002 ...");
    p.addFlag(
        "--live", "read only the layout and the page residency (RSS, anonymous, swap): the other counters are empty");
    if (auto done = parseCommand("snapshot", p, args, s,
            "Reads every region of the process's address space, with its counters, or of a dump (--core:\n"
            "a core file or a minidump, whose counters are absent: empty cells). Without a file option,\n"
            "the CSV goes to standard output. Files are written whole or not at all."))
        return *done;
    long long pid = 0;
    if (p.has("--pid") && p.has("--core"))
        return usageError(s, "snapshot", "--pid and --core name two sources; give one");
    if (!p.has("--pid") && !p.has("--core"))
        return usageError(s, "snapshot", "--pid or --core is required");
    if (p.has("--pid") && !parsePid(*p.value("--pid"), pid))
        return usageError(s, "snapshot", "'" + *p.value("--pid") + "' is not a process ID");
    if (p.has("--host") && p.has("--core"))
        return usageError(s, "snapshot", "--core reads a file here; --host reads a process there: give one");
    if (p.has("--live") && (p.has("--host") || p.has("--core")))
        return usageError(s, "snapshot", "--live reads a process on this machine; drop --host or --core");
    std::unique_ptr<RemoteHost> remote;
    if (p.has("--host"))
        remote = std::make_unique<RemoteHost>(*p.value("--host"));
    else if (p.has("--pid"))
        pid = processForPid(s, pid);
    // --live: the window's live tier (livetier.h). Where the kernel has no PAGEMAP_SCAN it is the full read.
    const bool liveTier = p.has("--live");
    auto read = [&remote, liveTier](Pid target) -> Result<Snapshot> {
        if (remote)
            return remote->snapshot(target);
        if (!liveTier)
            return readSnapshot(target);
        auto live = readLiveSnapshot(target);
        if (!live && live.error().code == ErrorCode::Unsupported)
            return readSnapshot(target);
        return live;
    };

    bool timed = p.has("--every") || p.has("--count") || p.has("--out");
    if (timed && p.has("--core"))
        return usageError(s, "snapshot", "--every reads a live process again and again; a dump never changes");
    if (timed) {
        if (!p.has("--every") || !p.has("--count") || !p.has("--out"))
            return usageError(s, "snapshot", "--every, --count and --out go together");
        if (p.has("--csv") || p.has("--json") || p.has("--png"))
            return usageError(s, "snapshot", "--every writes JSON files into --out; drop --csv/--json/--png");
        unsigned long long every = 0, count = 0;
        if (!parseUnsigned(*p.value("--every"), every, 86400000ULL) || every < 100)
            return usageError(s, "snapshot", "--every takes milliseconds, at least 100");
        if (!parseUnsigned(*p.value("--count"), count, 1000000ULL) || count == 0)
            return usageError(s, "snapshot", "--count takes a number from 1 to 1000000");
        std::string dir = *p.value("--out");
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec || !std::filesystem::is_directory(dir))
            return fail(s, makeError(ErrorCode::Io, "cannot create the folder " + dir + ": " + ec.message()));

        // Check the process first so a bad PID fails before anything is made.
        auto first = read(pid);
        if (!first)
            return fail(s, first.error());
        std::mutex m;
        std::condition_variable cv;
        std::size_t written = 0;
        std::optional<Error> error;
        bool firstUsed = false;
        Sampler sampler(
            [&]() -> Result<Snapshot> {
                if (!firstUsed) {
                    firstUsed = true;
                    return *first;
                }
                return read(pid);
            },
            Sampler::Options { std::chrono::milliseconds(every), 2, std::size_t(1) << 30 });
        sampler.subscribe([&](const SnapshotPtr &snap) {
            std::unique_lock lock(m);
            if (written >= count || error)
                return;
            char name[48];
            std::snprintf(name, sizeof name, "snapshot-%04zu.json", written + 1);
            std::string path = (std::filesystem::path(dir) / name).string();
            auto st = saveSnapshotJson(*snap, path);
            if (!st) {
                error = st.error();
            } else {
                ++written;
                print(s.out, path + " (" + std::to_string(snap->regions.size()) + " regions)\n");
                std::fflush(s.out);
            }
            cv.notify_all();
        });
        sampler.onStateChanged([&](Sampler::State state, const std::string &message) {
            if (state == Sampler::State::TargetExited || state == Sampler::State::Failed) {
                std::lock_guard lock(m);
                if (!error && written < count) {
                    const std::string progress
                        = " after " + std::to_string(written) + " of " + std::to_string(count) + " snapshots";
                    error = state == Sampler::State::TargetExited
                        ? makeError(ErrorCode::ProcessExited, "process " + std::to_string(pid) + " exited" + progress)
                        : makeError(ErrorCode::Io, message + progress);
                }
                cv.notify_all();
            }
        });
        sampler.start();
        {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return written >= count || error.has_value(); });
        }
        sampler.stop();
        if (error)
            return fail(s, *error);
        return ExitOk;
    }

    std::optional<std::string> csvPath = p.value("--csv"), jsonPath = p.value("--json"), pngPath = p.value("--png");
    int width = 1600, height = 1000;
    if (p.has("--size") && !parseSize(*p.value("--size"), width, height))
        return usageError(s, "snapshot", "--size takes WIDTHxHEIGHT, each 64 to 16384");
    if (p.has("--size") && !pngPath)
        return usageError(s, "snapshot", "--size goes with --png");
    if (pngPath && !pngRenderer())
        return usageError(s, "snapshot", "--png needs the GUI libraries; this vmatlas was built without them");
    if (!csvPath && !jsonPath && !pngPath)
        csvPath = "-";
    if (csvPath == "-" && jsonPath == "-")
        return usageError(s, "snapshot", "--csv and --json cannot both write to standard output; give one a file");
    for (const auto &path : { csvPath, jsonPath, pngPath }) {
        if (path) {
            auto st = checkWritable(*path);
            if (!st)
                return fail(s, st.error());
        }
    }
    auto snap = p.has("--core") ? loadDumpSnapshot(*p.value("--core")) : read(pid);
    if (!snap)
        return fail(s, snap.error());
    if (csvPath) {
        auto st = writeOutput(s, *csvPath, [&](const ChunkSink &sink) { return writeRegionsCsv(*snap, sink); });
        if (!st)
            return fail(s, st.error());
    }
    if (jsonPath) {
        auto st = writeOutput(s, *jsonPath, snapshotToJson(*snap));
        if (!st)
            return fail(s, st.error());
    }
    if (pngPath) {
        auto st = pngRenderer()(*snap, *pngPath, width, height, { 0, 0 }, {});
        if (!st)
            return fail(s, st.error());
    }
    return ExitOk;
}

int cmdPages(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to read");
    p.addOption(
        "--core", "FILE", "read a core file or a minidump instead: a page it holds is anon or file, others none");
    p.addOption("--host", "DEST", "read the process on another machine, over ssh");
    p.addOption("--range", "START-END", "hex addresses, rounded out to whole pages (required)");
    p.addOption("--csv", "FILE", "write to FILE instead of standard output");
    if (auto done = parseCommand("pages", p, args, s,
            "One CSV row per page: address,state,exclusive,host. state is none (not in RAM), file (in RAM,\n"
            "backed by a file or shared section), anon (in RAM, private), swap, guard or zero (the\n"
            "shared zero page: anonymous memory only read); exclusive is 1 when only this process maps\n"
            "the page; host names the machine read with --host (empty for this one)."))
        return *done;
    long long pid = 0;
    if (p.has("--pid") && p.has("--core"))
        return usageError(s, "pages", "--pid and --core name two sources; give one");
    if ((!p.has("--pid") && !p.has("--core")) || !p.has("--range"))
        return usageError(s, "pages", "--pid (or --core) and --range are required");
    if (p.has("--pid") && !parsePid(*p.value("--pid"), pid))
        return usageError(s, "pages", "'" + *p.value("--pid") + "' is not a process ID");
    if (p.has("--host") && p.has("--core"))
        return usageError(s, "pages", "--core reads a file here; --host reads a process there: give one");
    if (p.has("--pid") && !p.has("--host"))
        pid = processForPid(s, pid);
    unsigned long long start = 0, end = 0;
    if (!parseRange(*p.value("--range"), start, end) || end <= start)
        return usageError(
            s, "pages", "--range takes START-END in hex with START < END, e.g. 0x7f0000000000-0x7f0000010000");
    // Checked here, as the arguments they are (too many pages, an end rounded past 2^64): exit 2, not 5.
    Address roundedStart = start, roundedEnd = end;
    if (auto range = roundPageRange(roundedStart, roundedEnd, systemPageSize()); !range)
        return usageError(s, "pages",
            "--range " + (p.has("--core") ? "for " + *p.value("--core") : "for process " + std::to_string(pid)) + ": "
                + range.error().message);
    std::string out = p.value("--csv").value_or("-");
    auto st = checkWritable(out);
    if (!st)
        return fail(s, st.error());
    auto pages = p.has("--core") ? readDumpPages(*p.value("--core"), start, end)
        : p.has("--host")        ? RemoteHost(*p.value("--host")).pages(pid, start, end)
                                 : readPages(pid, start, end);
    if (!pages)
        return fail(s, pages.error());
    auto w = writeOutput(s, out, pagesToCsv(*pages, hostColumn(p)));
    if (!w)
        return fail(s, w.error());
    return ExitOk;
}

int cmdPs(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addFlag("--csv", "CSV output: pid,user,rss,name,command_line,readable,cgroup,namespace_pid,host");
    p.addOption("--host", "DEST", "list the processes of another machine, over ssh");
    if (auto done = parseCommand("ps", p, args, s,
            "Lists processes with an address space. A '-' in the ACCESS column marks one\n"
            "whose memory this user cannot read (ptrace-read access)."))
        return *done;
    auto list = p.has("--host") ? RemoteHost(*p.value("--host")).processes() : listProcesses();
    if (!list)
        return fail(s, list.error());
    std::string out;
    if (p.has("--csv")) {
        out = processesToCsv(*list, hostColumn(p));
    } else {
        char line[160];
        std::snprintf(
            line, sizeof line, "%8s %-12s %9s %-6s %-16s %s\n", "PID", "USER", "RSS", "ACCESS", "NAME", "COMMAND");
        out += line;
        for (const ProcessInfo &pi : *list) {
            std::snprintf(line, sizeof line, "%8lld %-12.12s %9s %-6s %-16.16s ", static_cast<long long>(pi.pid),
                pi.user.c_str(), formatBytes(pi.rss).c_str(), pi.readable ? "yes" : "-", pi.name.c_str());
            out += line;
            std::string cmd = pi.commandLine.substr(0, 200);
            for (char &c : cmd)
                if (static_cast<unsigned char>(c) < 0x20)
                    c = '?';
            out += cmd + "\n";
        }
    }
    auto st = writeOutput(s, "-", out);
    if (!st)
        return fail(s, st.error());
    return ExitOk;
}

int cmdDiff(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addFlag("--csv", "CSV output (columns in the README)");
    if (auto done = parseCommand("diff", p, args, s,
            "Regions added, removed and changed (bounds, protection, state, type, path, counters)\n"
            "from snapshot A to snapshot B.",
            true))
        return *done;
    if (p.positional().size() != 2)
        return usageError(s, "diff", "needs two snapshot files, A.json and B.json");
    auto a = loadSnapshotJson(p.positional()[0]);
    if (!a)
        return fail(s, a.error());
    auto b = loadSnapshotJson(p.positional()[1]);
    if (!b)
        return fail(s, b.error());
    SnapshotDiff d = diffSnapshots(*a, *b);
    auto st = writeOutput(s, "-", p.has("--csv") ? diffToCsv(d) : diffToText(d));
    if (!st)
        return fail(s, st.error());
    return ExitOk;
}

int cmdLab(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addFlag("--list", "name the labs");
    p.addOption("--out", "DIR", "write each step's CSV, pages CSV and PNG into DIR (required to run a lab)");
    p.addOption("--size", "BYTES", "the lab's main size (a whole number of pages, at most 1 GiB)");
    if (auto done = parseCommand("lab", p, args, s,
            "Runs a teaching lab in a lab target process, every step, printing 'step K: WHAT HAPPENED' and\n"
            "writing DIR/step-K.csv (the target's regions), DIR/step-K-pages.csv (pages of the lab's region)\n"
            "and DIR/step-K.png; labs with a second process add step-K-b.csv and step-K-b-pages.csv.",
            true))
        return *done;
    if (p.has("--list")) {
        std::string out;
        for (const LabDefinition &l : allLabs()) {
            std::string name = l.name;
            name.resize(16, ' ');
            out += name + l.title + " (" + std::to_string(l.steps.size()) + " steps)\n";
        }
        print(s.out, out);
        return ExitOk;
    }
    if (p.positional().size() != 1)
        return usageError(s, "lab", "name one lab (see 'vmatlas lab --list')");
    if (!p.has("--out"))
        return usageError(s, "lab", "--out DIR is required");
    LabOptions options;
    if (p.has("--size")) {
        unsigned long long bytes = 0;
        if (!parseUnsigned(*p.value("--size"), bytes, ~0ULL))
            return usageError(s, "lab", "--size takes a number of bytes");
        auto valid = validateLabSize(bytes, systemPageSize());
        if (!valid)
            return usageError(s, "lab", "--size: " + valid.error().message);
        options.size = bytes;
    }
    if (!findLab(p.positional()[0]))
        return usageError(s, "lab", "there is no lab named '" + p.positional()[0] + "' (see 'vmatlas lab --list')");
    const std::string dir = *p.value("--out");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir))
        return fail(s,
            makeError(ErrorCode::Io, "cannot create the folder " + dir + (ec ? ": " + ec.message() : std::string())));
    auto session = LabSession::start(p.positional()[0], currentExecutable(), options);
    if (!session)
        return fail(s, session.error());
    LabSession &lab = **session;
    print(s.out, lab.lab().title + " (lab target PID " + std::to_string(lab.pidA()) + ")\n");
    bool pngNoted = false;
    bool pagesNoted = false;
    for (int k = 1; !lab.finished(); ++k) {
        auto step = lab.runNextStep();
        if (!step)
            return fail(s, makeError(step.error().code, "step " + std::to_string(k) + ": " + step.error().message));
        print(s.out, "step " + std::to_string(k) + ": " + step->happened + "\n");
        std::fflush(s.out);
        const std::string base = (std::filesystem::path(dir) / ("step-" + std::to_string(k))).string();
        auto record = [&](Pid pid, const std::string &suffix, Address start, Address end) -> Status {
            auto snap = readSnapshot(pid);
            if (!snap)
                return snap.error();
            auto st = writeFileAtomically(
                base + suffix + ".csv", [&](const ChunkSink &sink) { return writeRegionsCsv(*snap, sink); });
            if (!st)
                return st;
            std::vector<PageInfo> pages;
            bool havePages = true;
            if (end > start) {
                auto read = readPages(pid, start, end);
                if (!read && read.error().code == ErrorCode::Unsupported) {
                    // Said once, and no pages file rather than a wrong one.
                    if (!pagesNoted)
                        print(s.err, "vmatlas: pages files skipped: " + read.error().message + "\n");
                    pagesNoted = true;
                    havePages = false;
                } else if (!read) {
                    return read.error();
                } else {
                    pages = std::move(read).value();
                }
            }
            if (havePages) {
                st = writeFileAtomically(base + suffix + "-pages.csv", pagesToCsv(pages));
                if (!st)
                    return st;
            }
            if (suffix.empty()) {
                if (pngRenderer())
                    return pngRenderer()(*snap, base + ".png", 1600, 1000, { start, end }, pages);
                if (!pngNoted) {
                    print(s.err, "vmatlas: PNG files skipped: this vmatlas was built without the GUI\n");
                    pngNoted = true;
                }
            }
            return Ok {};
        };
        auto st = record(lab.pidA(), "", step->focusStart, step->focusEnd);
        if (st && lab.pidB())
            st = record(lab.pidB(), "-b", step->focusStartB, step->focusEndB);
        if (!st)
            return fail(s, st.error());
    }
    return ExitOk;
}

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        { "snapshot",
            { "snapshot --pid PID [--live] [--host DEST] [--csv FILE] [--json FILE] [--png FILE [--size WxH]]",
                "snapshot --core FILE.core|FILE.dmp [--csv FILE] [--json FILE] [--png FILE [--size WxH]]",
                "snapshot --pid PID [--live] --every MS --count N --out DIR" },
            false, cmdSnapshot },
        { "pages",
            { "pages --pid PID [--host DEST] --range START-END [--csv FILE]",
                "pages --core FILE --range START-END [--csv FILE]" },
            false, cmdPages },
        { "ps", { "ps [--csv] [--host DEST]" }, false, cmdPs },
        { "diff", { "diff A.json B.json [--csv]" }, false, cmdDiff },
        { "summary", { "summary --pid PID [--host DEST] [--csv FILE]" }, false, cmdSummary },
        { "limits", { "limits --pid PID [--json]" }, false, cmdLimits },
        { "read", { "read --pid PID --address A --length N [--hex | --out FILE] [--utf16] [--fault-in]" }, false,
            cmdRead },
        { "strings",
            { "strings --pid PID [--min N] [--encoding ascii|utf16|both] [--use USE] [--type TYPE] [--fault-in]" },
            false, cmdStrings },
        { "find", { "find --pid PID (--text T | --hex BYTES) [--encoding ENC] [--use USE] [--type TYPE] [--fault-in]" },
            false, cmdFind },
        { "where", { "where --pid PID ADDRESS" }, false, cmdWhere },
        { "trim", { "trim --pid PID [--range A-B] [--cold]" }, false, cmdTrim },
        { "mark", { "mark --pid PID" }, false, cmdMark },
        { "dump", { "dump --pid PID --out FILE.dmp [--memory]" }, false, cmdDump },
        { "lab", { "lab --list", "lab NAME --out DIR [--size BYTES]" }, true, cmdLab },
        // Not in the main help: the labs' helper process, and the help itself.
        { "lab-target", {}, false,
            [](const std::vector<std::string> &args, Streams) { return runLabTargetServer(args); } },
        { "serve", {}, false, cmdServe }, // the remote end of --host, started by ssh
        { "help", {}, false, cmdHelp },
        { "--help", {}, false, cmdHelp },
        { "-h", {}, false, cmdHelp },
        { "--version", {}, false, cmdVersion },
    };
    return table;
}

} // namespace

int failWith(Streams s, const Error &error)
{
    return fail(s, error);
}

int usageFailure(Streams s, const std::string &command, const std::string &message)
{
    return usageError(s, command, message);
}

std::optional<int> parseSubcommand(const char *name, ArgParser &p, const std::vector<std::string> &args, Streams s,
    const char *description, bool positionals)
{
    return parseCommand(name, p, args, s, description, positionals);
}

std::optional<int> parseWithPid(const char *command, ArgParser &p, const std::vector<std::string> &args, Streams s,
    const char *description, long long &pid, bool positionals)
{
    if (auto done = parseCommand(command, p, args, s, description, positionals))
        return done;
    if (!p.has("--pid"))
        return usageError(s, command, "--pid is required");
    if (!parsePid(*p.value("--pid"), pid))
        return usageError(s, command, "'" + *p.value("--pid") + "' is not a process ID");
    return std::nullopt;
}

Status checkOutputWritable(const std::string &path)
{
    return checkWritable(path);
}

Status writeToOutput(Streams s, const std::string &path, const std::string &data)
{
    return writeOutput(s, path, data);
}

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::NoSuchProcess:
    case ErrorCode::ProcessExited:
    case ErrorCode::NoAddressSpace:
        return ExitNoProcess;
    case ErrorCode::PermissionDenied:
        return ExitPermission;
    case ErrorCode::Io:
        return ExitIo;
    case ErrorCode::BadInput:
        return ExitIo; // a malformed input file
    case ErrorCode::Unsupported:
        return ExitFailure;
    case ErrorCode::Remote:
        return ExitRemote;
    }
    return ExitFailure;
}

void setPngRenderer(PngRenderer renderer)
{
    pngRenderer() = std::move(renderer);
}

bool isCliInvocation(const std::vector<std::string> &args)
{
    return !args.empty() && findCommand(args[0]);
}

int run(const std::vector<std::string> &args, Streams s)
{
    if (args.empty())
        return cmdHelp(args, s);
    const Command *c = findCommand(args[0]);
    if (!c) {
        print(s.err, "vmatlas: unknown command '" + args[0] + "'\nTry 'vmatlas --help'.\n");
        return ExitUsage;
    }
    return c->run(std::vector<std::string>(args.begin() + 1, args.end()), s);
}

} // namespace vmatlas::cli
