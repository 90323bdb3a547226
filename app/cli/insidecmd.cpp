// Looking inside and acting (issue 13): `vmatlas read`, `strings`, `find`, `where`, `trim` and `mark`.
#include "clicommands.h"
#include "fileio.h"
#include "inspect.h"
#include "memsearch.h"
#include "platform.h"
#include "units.h"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace vmatlas::cli {

namespace {

void print(std::FILE *f, const std::string &text)
{
    std::fwrite(text.data(), 1, text.size(), f);
}

// A length: decimal, or hex with 0x.
bool parseLength(const std::string &text, unsigned long long &out)
{
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        auto r = std::from_chars(text.data() + 2, text.data() + text.size(), out, 16);
        return r.ec == std::errc() && r.ptr == text.data() + text.size();
    }
    return parseUnsigned(text, out, ~0ULL);
}

// --type and --use: comma-separated names ("Image,Mapped", "heap,private_data").
std::optional<int> parseFilters(const char *command, const ArgParser &p, Streams s, SearchOptions &o)
{
    auto split = [](const std::string &text) {
        std::vector<std::string> parts;
        std::size_t from = 0;
        for (;;) {
            auto comma = text.find(',', from);
            parts.push_back(text.substr(from, comma - from));
            if (comma == std::string::npos)
                return parts;
            from = comma + 1;
        }
    };
    if (auto t = p.value("--type")) {
        for (const std::string &name : split(*t)) {
            RegionType type;
            std::string cap = name;
            if (!cap.empty())
                cap[0] = char(std::toupper(static_cast<unsigned char>(cap[0])));
            if (!regionTypeFromString(cap, type) || type == RegionType::Free)
                return usageFailure(s, command, "--type: '" + name + "' is not Image, Mapped or Private");
            o.types.push_back(type);
        }
    }
    if (auto u = p.value("--use")) {
        for (const std::string &name : split(*u)) {
            RegionUse use;
            if (!regionUseFromKey(name, use) || use == RegionUse::Free || use == RegionUse::PageTable)
                return usageFailure(s, command,
                    "--use: '" + name
                        + "' is not one of image, mapped_file, shareable, heap, managed_heap, stack, stack_guard, "
                          "private_data, unusable");
            o.uses.push_back(use);
        }
    }
    if (p.has("--encoding") && !textEncodingFromString(*p.value("--encoding"), o.encoding))
        return usageFailure(s, command, "--encoding takes ascii, utf16 or both");
    o.readNotPresent = p.has("--fault-in");
    return std::nullopt;
}

void addSearchOptions(ArgParser &p)
{
    p.addOption("--encoding", "ENC", "ascii, utf16 (UTF-16LE) or both (the default)");
    p.addOption("--type", "TYPES", "only regions of these types (comma-separated: Image,Mapped,Private)");
    p.addOption("--use", "USES", "only regions of these uses (comma-separated: heap,private_data,image ...)");
    p.addFlag("--fault-in", "also read pages not in RAM (this faults them in and grows the process's RSS)");
}

std::string summaryLine(const SearchSummary &sum)
{
    return "vmatlas: " + std::to_string(sum.hits) + " found in " + std::to_string(sum.regions) + " regions; "
        + formatBytes(sum.bytesRead) + " read, " + formatBytes(sum.bytesNotInRam) + " not in RAM (not read), "
        + formatBytes(sum.bytesUnreadable) + " unreadable" + (sum.stopped ? "; output stopped" : "") + "\n";
}

// One hit's line on standard output; false (and failed set) once standard output cannot be written: the search stops.
bool writeHit(Streams s, const std::string &line, bool &failed)
{
    if (std::fwrite(line.data(), 1, line.size(), s.out) != line.size())
        failed = true;
    return !failed;
}

// The end of strings and find: the search's error, or its summary on standard error and the exit code.
int finishSearch(Streams s, const Result<SearchSummary> &sum, bool outputFailed)
{
    if (!sum)
        return failWith(s, sum.error());
    std::fflush(s.out);
    print(s.err, summaryLine(*sum));
    if (outputFailed)
        return failWith(s, makeError(ErrorCode::Io, "cannot write to standard output"));
    return ExitOk;
}

} // namespace

int cmdRead(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to read (required)");
    p.addOption("--address", "ADDRESS", "where to start, in hex (required)");
    p.addOption("--length", "N", "how many bytes (decimal, or hex with 0x; at most 64 MiB; required)");
    p.addFlag("--hex", "a hex dump on standard output (the default)");
    p.addOption("--out", "FILE", "write the raw bytes to FILE instead (pages not read are zeros)");
    p.addFlag("--utf16", "show the dump's text column as UTF-16LE");
    p.addFlag("--fault-in", "also read pages not in RAM (this faults them in and grows the process's RSS)");
    long long pid = 0;
    if (auto done = parseWithPid("read", p, args, s,
            "Reads bytes of a process without changing it: only pages in RAM are read (pagemap says which);\n"
            "the others show as 'not in RAM (not read)' unless --fault-in is given. Pages without read\n"
            "access, guard pages and file holes show as 'unreadable'. Nothing is ever written to the process.",
            pid))
        return *done;
    Address address = 0;
    unsigned long long length = 0;
    if (!p.has("--address") || !p.has("--length"))
        return usageFailure(s, "read", "--address and --length are required");
    if (!parseAddress(*p.value("--address"), address))
        return usageFailure(s, "read", "--address: '" + *p.value("--address") + "' is not a hex address");
    if (!parseLength(*p.value("--length"), length) || length == 0 || length > kMaxReadLength)
        return usageFailure(s, "read", "--length takes a number of bytes from 1 to " + std::to_string(kMaxReadLength));
    if (p.has("--hex") && p.has("--out"))
        return usageFailure(s, "read", "--hex and --out go apart: a dump on standard output, or the bytes to a file");
    if (p.has("--utf16") && p.has("--out"))
        return usageFailure(s, "read", "--utf16 shapes the dump; it does not go with --out");
    if (auto out = p.value("--out")) {
        auto st = checkOutputWritable(*out);
        if (!st)
            return failWith(s, st.error());
    }
    ReadOptions options;
    options.readNotPresent = p.has("--fault-in");
    auto block = readMemory(processOfThread(pid), address, length, options);
    if (!block)
        return failWith(s, block.error());
    if (block->faultedIn)
        print(s.err, "vmatlas: pages that were not in RAM were read: they are in RAM now (--fault-in)\n");
    if (auto out = p.value("--out")) {
        auto st = writeToOutput(s, *out, block->bytes);
        if (!st)
            return failWith(s, st.error());
        const std::uint64_t notRead = block->bytesIn(PageRead::NotInRam), bad = block->bytesIn(PageRead::Unreadable);
        if (notRead || bad)
            print(s.err,
                "vmatlas: " + formatBytes(notRead) + " not in RAM (not read) and " + formatBytes(bad)
                    + " unreadable are zeros in " + *out + " ('vmatlas read' without --out shows where)\n");
        return ExitOk;
    }
    auto st = writeToOutput(s, "-", hexDump(*block, p.has("--utf16")));
    return st ? ExitOk : failWith(s, st.error());
}

int cmdStrings(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to read (required)");
    p.addOption("--min", "N", "the shortest string (default 4)");
    addSearchOptions(p);
    long long pid = 0;
    if (auto done = parseWithPid("strings", p, args, s,
            "Prints the strings in a process's memory, one a line: ADDRESS ENCODING REGION-TYPE USE TEXT\n"
            "(texts longer than 256 characters are cut; the length follows the encoding). Only pages in\n"
            "RAM are read unless --fault-in is given. A summary goes to standard error.",
            pid))
        return *done;
    SearchOptions o;
    o.mode = SearchOptions::Mode::Strings;
    if (auto m = p.value("--min")) {
        unsigned long long n = 0;
        if (!parseUnsigned(*m, n, 4096) || n == 0)
            return usageFailure(s, "strings", "--min takes a number from 1 to 4096");
        o.minLength = std::size_t(n);
    }
    if (auto done = parseFilters("strings", p, s, o))
        return *done;
    auto snap = readSnapshot(processOfThread(pid));
    if (!snap)
        return failWith(s, snap.error());
    bool outputFailed = false;
    auto sum = searchMemory(snap->pid, snap->regions, o, [&](const SearchHit &h) {
        const Region &r = snap->regions[h.region];
        std::string line = formatAddress(h.address) + " " + std::string(textEncodingName(h.encoding)) + ":"
            + std::to_string(h.encoding == TextEncoding::Utf16 ? h.length / 2 : h.length) + " "
            + std::string(regionTypeName(r.type)) + " " + std::string(regionUseKey(r.use)) + " " + h.text + "\n";
        return writeHit(s, line, outputFailed);
    });
    return finishSearch(s, sum, outputFailed);
}

int cmdFind(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to read (required)");
    p.addOption("--text", "TEXT", "the text to find (UTF-8; as UTF-16LE too unless --encoding ascii)");
    p.addOption("--hex", "BYTES", "the bytes to find, in hex ('48 65 6c', '48656c')");
    addSearchOptions(p);
    long long pid = 0;
    if (auto done = parseWithPid("find", p, args, s,
            "Finds every place the text or bytes occur in a process's memory, one a line:\n"
            "ADDRESS ENCODING REGION-TYPE USE PATH. Only pages in RAM are read unless --fault-in is given.",
            pid))
        return *done;
    if (p.has("--text") == p.has("--hex"))
        return usageFailure(s, "find", "give one of --text and --hex");
    SearchOptions o;
    o.mode = SearchOptions::Mode::Bytes;
    if (auto done = parseFilters("find", p, s, o))
        return *done;
    std::vector<TextEncoding> encodings;
    if (auto t = p.value("--text")) {
        if (t->empty())
            return usageFailure(s, "find", "--text is empty");
        if (o.encoding != TextEncoding::Utf16) {
            o.patterns.push_back(*t);
            encodings.push_back(TextEncoding::Ascii);
        }
        if (o.encoding != TextEncoding::Ascii) {
            std::string wide;
            if (!utf8ToUtf16le(*t, wide))
                return usageFailure(s, "find", "--text is not valid UTF-8");
            o.patterns.push_back(wide);
            encodings.push_back(TextEncoding::Utf16);
        }
    } else {
        if (p.has("--encoding"))
            return usageFailure(s, "find", "--encoding goes with --text");
        std::string bytes;
        if (!parseHexBytes(*p.value("--hex"), bytes))
            return usageFailure(s, "find", "--hex takes pairs of hex digits, e.g. '48 65 6c 6c 6f'");
        o.patterns.push_back(bytes);
        encodings.push_back(TextEncoding::Ascii);
    }
    auto snap = readSnapshot(processOfThread(pid));
    if (!snap)
        return failWith(s, snap.error());
    bool outputFailed = false;
    const bool hex = p.has("--hex");
    auto sum = searchMemory(snap->pid, snap->regions, o, [&](const SearchHit &h) {
        const Region &r = snap->regions[h.region];
        std::string line = formatAddress(h.address) + " "
            + (hex ? std::string("bytes") : std::string(textEncodingName(encodings[h.pattern]))) + " "
            + std::string(regionTypeName(r.type)) + " " + std::string(regionUseKey(r.use))
            + (r.path().empty() ? std::string() : " " + r.path()) + "\n";
        return writeHit(s, line, outputFailed);
    });
    return finishSearch(s, sum, outputFailed);
}

int cmdWhere(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to read (required)");
    long long pid = 0;
    if (auto done = parseWithPid("where", p, args, s,
            "Says where ADDRESS lies: its region, the region's type and use, the page's state (none, file,\n"
            "anon, swap, guard, zero) and the file and offset behind it.",
            pid, true))
        return *done;
    if (p.positional().size() != 1)
        return usageFailure(s, "where", "give one ADDRESS (in hex)");
    Address address = 0;
    if (!parseAddress(p.positional()[0], address))
        return usageFailure(s, "where", "'" + p.positional()[0] + "' is not a hex address");
    auto snap = readSnapshot(processOfThread(pid));
    if (!snap)
        return failWith(s, snap.error());
    std::vector<PageInfo> page;
    if (snap->indexOf(address) >= 0 && snap->regions[std::size_t(snap->indexOf(address))].type != RegionType::Free) {
        auto pages = readPages(snap->pid, address, address + 1);
        if (!pages && pages.error().code != ErrorCode::Unsupported)
            return failWith(s, pages.error());
        if (pages)
            page = std::move(pages).value();
    }
    auto st = writeToOutput(s, "-", addressInfoText(*snap, describeAddress(*snap, address, page)));
    return st ? ExitOk : failWith(s, st.error());
}

int cmdTrim(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to trim (required)");
    p.addOption("--range", "START-END", "only this range, in hex (default: the whole process)");
    p.addFlag("--cold", "the gentle choice: MADV_COLD marks the pages as the first to reclaim, reclaims nothing now");
    long long pid = 0;
    if (auto done = parseWithPid("trim", p, args, s,
            "Empties the process's working set (Linux: process_madvise(MADV_PAGEOUT), which needs\n"
            "CAP_SYS_NICE besides ptrace access; Windows: EmptyWorkingSet, whole process only). File-backed\n"
            "pages are dropped and come back from their files on access; without swap, anonymous pages stay.\n"
            "Prints RSS and the fault counters before and after.",
            pid))
        return *done;
    std::vector<AddressRange> ranges;
    if (auto r = p.value("--range")) {
        unsigned long long a = 0, b = 0;
        if (!parseRange(*r, a, b) || b <= a)
            return usageFailure(
                s, "trim", "--range takes START-END in hex with START < END, e.g. 0x7f0000000000-0x7f0000010000");
        ranges.push_back({ a, b });
    }
    pid = processOfThread(pid);
    auto before = readProcessCounters(pid);
    if (!before)
        return failWith(s, before.error());
    auto report = trimWorkingSet(pid, ranges, p.has("--cold") ? TrimMode::Cold : TrimMode::PageOut);
    if (!report && report.error().code == ErrorCode::BadInput)
        return usageFailure(s, "trim", report.error().message);
    if (!report)
        return failWith(s, report.error());
    auto after = readProcessCounters(pid);
    std::string out = std::string(p.has("--cold") ? "asked the kernel to mark cold " : "asked the kernel to page out ")
        + formatBytes(report->bytesAdvised) + " in " + std::to_string(report->ranges) + " range"
        + (report->ranges == 1 ? "" : "s") + "\n";
    for (const std::string &skipped : report->skipped)
        out += "skipped: " + skipped + "\n";
    if (after)
        out += "RSS: " + formatBytes(before->rss) + " before, " + formatBytes(after->rss) + " after\n";
    out += report->note + "\n";
    auto st = writeToOutput(s, "-", out);
    return st ? ExitOk : failWith(s, st.error());
}

int cmdMark(const std::vector<std::string> &args, Streams s)
{
    ArgParser p;
    p.addOption("--pid", "PID", "the process to mark (required)");
    long long pid = 0;
    if (auto done = parseWithPid("mark", p, args, s,
            "Clears the process's referenced bits (/proc/PID/clear_refs 1): afterwards each region's\n"
            "Referenced counter ('vmatlas snapshot', the map's 'Referenced since mark' colouring) shows what\n"
            "the process touched since. This writes to the process's page-reclaim state (the kernel's\n"
            "LRU ages its pages) and needs write access to its /proc files.",
            pid))
        return *done;
    pid = processOfThread(pid);
    auto st = markReferenced(pid);
    if (!st)
        return failWith(s, st.error());
    auto counters = readProcessCounters(pid);
    std::string out = "marked process " + std::to_string(pid);
    if (counters)
        out += " (RSS " + formatBytes(counters->rss) + ", " + std::to_string(counters->minorFaults) + " minor and "
            + std::to_string(counters->majorFaults) + " major faults so far)";
    auto w = writeToOutput(s, "-", out + "\n");
    return w ? ExitOk : failWith(s, w.error());
}

} // namespace vmatlas::cli
