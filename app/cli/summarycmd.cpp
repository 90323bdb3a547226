// `vmatlas summary`: the use table (VMMap's summary: every working-set column per use, the Page table row)
// and how it adds up to /proc/PID/status; `vmatlas limits`: what the process could run out of.
#include "clicommands.h"
#include "csv.h"
#include "platform.h"
#include "processlimits.h"
#include "remote.h"
#include "units.h"
#include "usage.h"

#include <map>

namespace vmatlas::cli {

namespace {

// A parser whose first option is the required --pid.
ArgParser parserWithPid()
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to read (required)");
    return p;
}

std::string pad(std::string text, std::size_t width, bool left = false)
{
    if (text.size() >= width)
        return text;
    return left ? text + std::string(width - text.size(), ' ') : std::string(width - text.size(), ' ') + text;
}

std::string signedBytes(std::int64_t d)
{
    return (d < 0 ? "-" : (d > 0 ? "+" : "")) + formatBytes(static_cast<std::uint64_t>(d < 0 ? -d : d));
}

} // namespace

static std::string summaryText(
    const Snapshot &snap, const UseTotals &totals, const std::vector<ReconciliationLine> &lines)
{
    static const char *heads[] = { "Use", "Size", "Committed", "Private", "Total WS", "Private WS", "Shareable WS",
        "Shared WS", "Locked WS", "Blocks", "Largest", "PSS", "Swap" };
    std::string out = "Process " + std::to_string(snap.pid) + " (" + snap.processName + "): memory by use\n";
    out += pad(heads[0], 13, true);
    for (std::size_t i = 1; i < std::size(heads); ++i)
        out += pad(heads[i], i == 9 ? 7 : 13);
    out += '\n';
    auto row = [&](std::string_view name, const UseColumns &c, bool blocks) {
        out += pad(std::string(name), 13, true);
        for (std::uint64_t v :
            { c.size, c.committed, c.privateBytes, c.totalWs, c.privateWs, c.shareableWs, c.sharedWs, c.lockedWs })
            out += pad(formatBytes(v), 13);
        out += pad(blocks ? std::to_string(c.blocks) : std::string("-"), 7);
        out += pad(blocks ? formatBytes(c.largest) : std::string("-"), 13);
        out += pad(formatBytes(c.pss), 13) + pad(formatBytes(c.swap), 13) + '\n';
    };
    for (std::size_t i = 0; i < kRegionUseCount; ++i) {
        const auto u = static_cast<RegionUse>(i);
        if (u == RegionUse::Free || (u == RegionUse::Unusable && snap.platform != "windows"))
            continue;
        if (u == RegionUse::PageTable && !totals.pageTableKnown)
            out += pad("Page table", 13, true) + pad("not known (VmPTE not read)", 26) + '\n';
        else
            row(regionUseName(u), totals.byUse[i], u != RegionUse::PageTable);
    }
    row("Total", totals.total, true);
    row("Free", totals.of(RegionUse::Free), true);
    out += "(Total: every region but Free and Unusable; the page table is kernel memory, not in it.)\n";

    // The guesses, by evidence.
    std::map<std::string, std::pair<std::size_t, std::uint64_t>> guesses;
    for (const UseNote &n : snap.useNotes) {
        auto &g = guesses[n.evidence.substr(0, n.evidence.find(" at 0x"))];
        ++g.first;
        g.second += snap.regions[n.region].size();
    }
    if (!guesses.empty()) {
        out += "\nGuessed uses:\n";
        for (const auto &[what, g] : guesses)
            out += "  " + std::to_string(g.first) + " region" + (g.first == 1 ? "" : "s") + ", " + formatBytes(g.second)
                + ": " + what + "\n";
    }

    out += "\nHow it adds up (/proc/" + std::to_string(snap.pid) + "/status):\n";
    for (const ReconciliationLine &l : lines) {
        out += "  " + pad(l.name, 9, true) + " ";
        if (l.kernelKnown)
            out += formatBytes(l.kernel) + (l.difference() == 0 ? " = " : " vs ") + formatBytes(l.regions) + " "
                + l.ours + (l.difference() == 0 ? "" : " (" + signedBytes(l.difference()) + ")");
        else
            out += formatBytes(l.regions) + " " + l.ours + " (the kernel's counter was not read)";
        out += "\n      " + l.explanation + "\n";
    }
    return out;
}

int cmdSummary(const std::vector<std::string> &args, Streams s)
{
    ArgParser p = parserWithPid();
    p.addOption("--csv", "FILE", "also write the table as CSV ('-': standard output, instead of the text)");
    p.addOption("--host", "DEST", "read the process on another machine, over ssh (see 'Other machines' in the README)");
    long long pid = 0;
    if (auto done = parseWithPid("summary", p, args, s,
            "Memory by use (image, mapped file, shareable, heap, managed heap, stack, private data, page\n"
            "table ...): size, committed, private (USS), total/private/shareable/shared/locked working set,\n"
            "blocks, largest block, PSS and swap; then how the totals add up to /proc/PID/status.",
            pid))
        return *done;
    std::optional<std::string> csvPath = p.value("--csv");
    if (csvPath) {
        auto st = checkOutputWritable(*csvPath);
        if (!st)
            return failWith(s, st.error());
    }
    std::unique_ptr<RemoteHost> remote;
    if (p.has("--host"))
        remote = std::make_unique<RemoteHost>(*p.value("--host"));
    auto output = [&](bool csv) -> Result<std::string> {
        if (!remote)
            return summaryOutput(pid, csv);
        auto text = remote->summary(pid, csv);
        if (text && csv) // the remote wrote it about itself: name it as read from here
            return withHostColumn(*text, remote->displayName());
        return text;
    };
    if (csvPath) {
        auto table = output(true);
        if (!table)
            return failWith(s, table.error());
        auto st = writeToOutput(s, *csvPath, *table);
        if (!st)
            return failWith(s, st.error());
        if (*csvPath == "-")
            return ExitOk;
    }
    auto text = output(false);
    if (!text)
        return failWith(s, text.error());
    auto st = writeToOutput(s, "-", *text);
    return st ? ExitOk : failWith(s, st.error());
}

Result<std::string> summaryOutput(Pid pid, bool csv)
{
    auto snap = readSnapshot(pid);
    if (!snap)
        return snap.error();
    auto facts = readProcessFacts(pid);
    if (!facts)
        return facts.error();
    const UseTotals totals = computeUseTotals(*snap, *facts);
    return csv ? useTotalsToCsv(totals) : summaryText(*snap, totals, reconcile(*snap, totals, *facts));
}

int cmdLimits(const std::vector<std::string> &args, Streams s)
{
    ArgParser p = parserWithPid();
    p.addFlag("--json", "JSON output (keys in the README)");
    long long pid = 0;
    if (auto done = parseWithPid("limits", p, args, s,
            "What the process could run out of: free address space (largest block, sizes), mappings\n"
            "against vm.max_map_count, commit charge against the commit limit (overcommit policy),\n"
            "RLIMIT_AS, and its cgroup's memory.current/memory.max (and which container).",
            pid))
        return *done;
    auto limits = readLimits(pid);
    if (!limits)
        return failWith(s, limits.error());
    std::string out;
    if (p.has("--json")) {
        out = limitsToJson(*limits);
    } else {
        for (const std::string &line : describeLimits(*limits))
            out += line + "\n";
    }
    auto st = writeToOutput(s, "-", out);
    return st ? ExitOk : failWith(s, st.error());
}

} // namespace vmatlas::cli
