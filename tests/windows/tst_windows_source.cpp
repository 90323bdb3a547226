// The Windows source on a known layout made in this process: a reservation, a partly committed one,
// a page-file-backed section, a copy-on-write view of a file; then the CLI's CSV for this process and
// the labs run headless. Built with MinGW-w64; runs under Wine.
#include "check.h"
#include "csv.h"
#include "fileio.h"
#include "inspect.h"
#include "memsearch.h"
#include "pages.h"
#include "platform.h"
#include "postmortem.h"
#include "processlimits.h"
#include "testutil.h"
#include "totals.h"
#include "usage.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <windows.h>

#include <dbghelp.h>

using namespace vmatlas;
using testutil::run;
using testutil::underWine;
using testutil::widen;

namespace {

const Region *at(const Snapshot &s, Address a)
{
    auto i = s.indexOf(a);
    return i < 0 ? nullptr : &s.regions[std::size_t(i)];
}

std::vector<PageState> states(const std::vector<PageInfo> &pages)
{
    std::vector<PageState> s;
    for (const PageInfo &p : pages)
        s.push_back(p.state);
    return s;
}

// A region as VirtualQueryEx gave it: bounds, type, state, protection and allocation base (the last AllocationBase
// extra at or before it; gaps have none).
struct Row
{
    Address start = 0, end = 0;
    RegionType type = RegionType::Free;
    RegionState state = RegionState::Free;
    std::string protection, allocationBase;
    bool operator==(const Row &) const = default;
    std::string text() const
    {
        return hexAddress(start) + "-" + hexAddress(end) + " " + std::string(regionTypeName(type)) + " "
            + std::string(regionStateName(state)) + " " + protection + " base " + allocationBase;
    }
};

std::vector<Row> rows(const Snapshot &s)
{
    std::vector<Row> out;
    std::string base;
    std::size_t e = 0;
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
        for (; e < s.extras.size() && s.extras[e].region <= i; ++e)
            if (s.extras[e].name == "AllocationBase")
                base = s.extras[e].value;
        const Region &r = s.regions[i];
        const bool gap = r.type == RegionType::Free;
        out.push_back({ r.start, r.end, r.type, r.state, r.protection.toString(), gap ? std::string() : base });
    }
    return out;
}

// A function of this program, to find its code in the map.
__attribute__((noinline)) int codeMarker()
{
    return 42;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string vmatlas = argc > 1 ? argv[1] : "vmatlas.exe";
    const std::uint32_t page = systemPageSize();
    CHECK_EQ(page, 4096u);
    CHECK(platformName() == "windows");

    // The layout.
    char *reserved = static_cast<char *>(VirtualAlloc(nullptr, 16 * page, MEM_RESERVE, PAGE_NOACCESS));
    char *partial = static_cast<char *>(VirtualAlloc(nullptr, 16 * page, MEM_RESERVE, PAGE_NOACCESS));
    VirtualAlloc(partial, 4 * page, MEM_COMMIT, PAGE_READWRITE);
    partial[0] = 1;
    partial[page] = 1;
    HANDLE section = CreateFileMappingW(
        INVALID_HANDLE_VALUE, nullptr, PAGE_READWRITE, 0, 16 * page, L"Local\\vmatlas-test-section");
    char *view = static_cast<char *>(MapViewOfFile(section, FILE_MAP_ALL_ACCESS, 0, 0, 16 * page));
    view[0] = 'A';
    const auto tempDir
        = std::filesystem::temp_directory_path() / ("vmatlas-test-" + std::to_string(GetCurrentProcessId()));
    std::filesystem::create_directories(tempDir);
    const std::string filePath = (tempDir / "copy on write.bin").string();
    CHECK(writeFileAtomically(filePath, std::string(4 * page, 'f')).ok());
    HANDLE file
        = CreateFileW(widen(filePath).c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0, nullptr);
    HANDLE cowSection = CreateFileMappingW(file, nullptr, PAGE_WRITECOPY, 0, 0, nullptr);
    char *cow = static_cast<char *>(MapViewOfFile(cowSection, FILE_MAP_COPY, 0, 0, 4 * page));
    // 4 KiB committed: the rest of its 64 KiB allocation granule is Unusable (VMMap's row).
    char *tiny = static_cast<char *>(VirtualAlloc(nullptr, page, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE));
    CHECK(reserved && partial && view && cow && tiny);
    volatile char sink = cow[0] + cow[page] + cow[2 * page] + cow[3 * page];
    (void)sink;

    auto snap = readSnapshot(currentPid());
    CHECK_MSG(snap.ok(), snap.ok() ? "" : snap.error().message);
    if (!snap.ok())
        return check::report();
    const Snapshot &s = *snap;

    SECTION("snapshot header");
    CHECK(s.platform == "windows");
    CHECK_EQ(s.pid, currentPid());
    CHECK(s.processName.find("tst_windows_source") != std::string::npos);
    for (std::size_t i = 1; i < s.regions.size(); ++i) {
        CHECK(s.regions[i].start == s.regions[i - 1].end); // sorted, contiguous with Free gaps
    }

    SECTION("reservation");
    const Region *r = at(s, Address(reserved));
    CHECK(r && r->start == Address(reserved));
    CHECK(r && r->size() == 16 * page);
    CHECK(r && r->type == RegionType::Private);
    CHECK(r && r->state == RegionState::Reserved);
    CHECK(r && r->protection.toString() == "---p");
    CHECK(r && r->counter(Counter::Rss) == 0);

    SECTION("partly committed");
    r = at(s, Address(partial));
    CHECK(r && r->size() == 4 * page);
    CHECK(r && r->state == RegionState::Committed);
    CHECK(r && r->protection.toString() == "rw-p");
    CHECK(r && r->counter(Counter::Rss) == 2 * page);
    r = at(s, Address(partial + 4 * page));
    CHECK(r && r->start == Address(partial + 4 * page));
    CHECK(r && r->size() == 12 * page);
    CHECK(r && r->state == RegionState::Reserved);
    auto pages = readPages(currentPid(), Address(partial), Address(partial + 8 * page));
    CHECK(pages.ok());
    if (pages.ok()) {
        std::vector<PageState> expected(8, PageState::None);
        expected[0] = expected[1] = PageState::Anon;
        CHECK(states(*pages) == expected);
        CHECK((*pages)[0].exclusive);
    }

    SECTION("page-file-backed section");
    r = at(s, Address(view));
    CHECK(r && r->type == RegionType::Mapped);
    CHECK(r && r->state == RegionState::Committed);
    CHECK(r && r->protection.toString() == "rw-s");
    CHECK(r && r->size() == 16 * page);
    pages = readPages(currentPid(), Address(view), Address(view + 2 * page));
    CHECK(pages.ok() && pages->size() == 2);
    if (pages.ok() && pages->size() == 2) {
        CHECK((*pages)[0].state == PageState::File); // valid and shared
        CHECK((*pages)[1].state == PageState::None); // never touched
    }

    SECTION("copy-on-write view");
    r = at(s, Address(cow));
    CHECK(r && r->type == RegionType::Mapped);
    CHECK(r && r->protection.toString() == "rw-c");
    CHECK_MSG(r && r->path().find("copy on write.bin") != std::string::npos, r ? r->path() : std::string("no region"));
    CHECK_MSG(r && r->path().size() > 2 && r->path()[1] == ':',
        r ? r->path() : std::string()); // a drive letter, not \Device\...
    CHECK(r && r->path().back() == 'n'); // no terminator counted in
    pages = readPages(currentPid(), Address(cow), Address(cow + 4 * page));
    CHECK(pages.ok() && states(*pages) == std::vector<PageState>(4, PageState::File));

    SECTION("the program is Image");
    r = at(s, reinterpret_cast<Address>(&codeMarker));
    CHECK(r && r->type == RegionType::Image);
    CHECK(r && r->labelKind == LabelKind::Program);
    CHECK_MSG(r && r->path().find("tst_windows_source.exe") != std::string::npos, r ? r->path() : std::string());
    CHECK(r && r->protection.execute);

    SECTION("totals");
    const Totals t = computeTotals(s);
    CHECK(t.all.rss > 0);
    CHECK(t.of(RegionType::Image).size > 0);
    CHECK(t.of(RegionType::Mapped).committed >= 20 * page);
    CHECK(!s.extras.empty() && s.extras[0].name == "AllocationBase");

    SECTION("use");
    r = at(s, Address(tiny));
    CHECK(r && r->use == RegionUse::PrivateData && r->size() == page);
    r = at(s, Address(tiny + page));
    CHECK(r && r->type == RegionType::Free && r->use == RegionUse::Unusable);
    CHECK_MSG(r && r->start == Address(tiny + page) && r->size() == 60 * 1024,
        r ? std::to_string(r->size()) : std::string("no region"));
    r = at(s, Address(tiny + 64 * 1024));
    CHECK(!r || r->use != RegionUse::Unusable);
    r = at(s, Address(view));
    CHECK(r && r->use == RegionUse::Shareable); // a page-file-backed section
    r = at(s, Address(cow));
    CHECK(r && r->use == RegionUse::MappedFile);
    r = at(s, reinterpret_cast<Address>(&codeMarker));
    CHECK(r && r->use == RegionUse::Image);
    r = at(s, Address(reserved));
    CHECK(r && r->use == RegionUse::PrivateData);
    {
        const UseTotals ut = computeUseTotals(s, factsFromSnapshot(s));
        CHECK(ut.of(RegionUse::Unusable).size >= 60 * 1024);
        CHECK(ut.of(RegionUse::Unusable).blocks >= 1);
        auto facts = readProcessFacts(currentPid());
        CHECK(facts.ok() && facts->platform == "windows" && facts->ramBytes > 0);
        CHECK(facts.ok() && facts->processName.find("tst_windows_source") != std::string::npos);
        const std::string csv = useTotalsToCsv(ut);
        CHECK(csv.find("\nunusable,Unusable,") != std::string::npos);
    }

    SECTION("limits");
    {
        auto l = readLimits(currentPid());
        CHECK_MSG(l.ok(), l.ok() ? "" : l.error().message);
        if (l.ok()) {
            CHECK(l->platform == "windows");
            CHECK(l->commit.committed > 0);
            CHECK(l->commit.limit >= l->commit.committed);
            CHECK(l->commit.ramTotal > 0);
            // (Wine keeps no real CommitPeak: not checked.)
            CHECK(l->commit.processCommit >= 5 * page); // partial's 4 pages and tiny's one at least
            CHECK(l->space.largestFree > 0 && l->space.largestFree <= l->space.freeBytes);
            CHECK(l->space.mapCount > 10);
            std::string words;
            for (const std::string &w : describeLimits(*l))
                words += w + "\n";
            CHECK_MSG(words.find("commit limit") != std::string::npos, words);
            CHECK_MSG(words.find("page file") != std::string::npos, words);
            CHECK(limitsToJson(*l).find("\"platform\":\"windows\"") != std::string::npos);
        }
        auto gone = readLimits(Pid(0x7ffffff0));
        CHECK(!gone.ok() && gone.error().code == ErrorCode::NoSuchProcess);
    }

    SECTION("looking inside (issue 13)");
    {
        // Known bytes, read back with ReadProcessMemory; a committed page never touched is not read.
        partial[5] = 0x5a;
        auto block = readMemory(currentPid(), Address(partial), 3 * page);
        CHECK_MSG(block.ok(), block.ok() ? "" : block.error().message);
        if (block.ok()) {
            CHECK(block->bytes[0] == 1 && block->bytes[5] == 0x5a && block->bytes[page] == 1);
            CHECK(block->pages[0] == PageRead::Read && block->pages[1] == PageRead::Read);
            CHECK(block->pages[2] == PageRead::NotInRam);
        }
        auto pages = readPages(currentPid(), Address(partial + 2 * page), Address(partial + 3 * page));
        CHECK(pages.ok() && pages->size() == 1 && (*pages)[0].state == PageState::None); // not faulted in
        auto noAccess = readMemory(currentPid(), Address(reserved), page);
        CHECK(noAccess.ok() && noAccess->pages[0] == PageRead::Unreadable);
        // A marker made at run time, found once in private memory.
        const char stem[] = { 'W', 'i', 'n', '-', 'M', 'A', 'R', 'K', 'E', 'R', '-', 'q', '7' };
        for (std::size_t i = 0; i < sizeof stem; ++i)
            tiny[100 + i] = stem[i];
        SearchOptions o;
        o.mode = SearchOptions::Mode::Bytes;
        o.patterns = { std::string(stem, sizeof stem) };
        o.types = { RegionType::Private };
        std::vector<Address> hits;
        auto again = readSnapshot(currentPid());
        CHECK(again.ok());
        if (again.ok()) {
            auto sum = searchMemory(currentPid(), again->regions, o, [&](const SearchHit &h) {
                hits.push_back(h.address);
                return true;
            });
            CHECK_MSG(sum.ok(), sum.ok() ? "" : sum.error().message);
            CHECK(std::find(hits.begin(), hits.end(), Address(tiny + 100)) != hits.end());
        }
        // Mark is Linux-only; a trim is of the whole working set (EmptyWorkingSet).
        auto mark = markReferenced(currentPid());
        CHECK(!mark.ok() && mark.error().code == ErrorCode::Unsupported);
        auto ranged
            = trimWorkingSet(currentPid(), { { Address(partial), Address(partial + page) } }, TrimMode::PageOut);
        CHECK(!ranged.ok() && ranged.error().code == ErrorCode::Unsupported);
        auto counters = readProcessCounters(currentPid());
        CHECK(counters.ok() && counters->rss > 0 && !counters->faultsSplit);
        auto trim = trimWorkingSet(currentPid(), {}, TrimMode::PageOut);
        // What Wine makes of EmptyWorkingSet: said, not required.
        std::printf("EmptyWorkingSet under this Windows: %s\n",
            trim.ok() ? ("ok, " + std::to_string(trim->bytesAdvised) + " bytes in the working set before").c_str()
                      : trim.error().message.c_str());
        CHECK(trim.ok() || trim.error().code == ErrorCode::Io);
    }

    SECTION("errors");
    auto none = readSnapshot(0x7ffffff0);
    CHECK(!none.ok() && none.error().code == ErrorCode::NoSuchProcess);
    auto list = listProcesses();
    CHECK(list.ok());
    bool self = false;
    if (list.ok())
        for (const ProcessInfo &p : *list)
            self |= p.pid == currentPid() && p.name.find("tst_windows_source") != std::string::npos && p.readable;
    CHECK(self);

    SECTION("files");
    const std::string out = (tempDir / "out.csv").string();
    CHECK(writeFileAtomically(out, "one").ok());
    CHECK(writeFileAtomically(out, "two").ok());
    auto back = readWholeFile(out);
    CHECK(back.ok() && *back == "two");
    std::size_t files = 0;
    for (auto &e : std::filesystem::directory_iterator(tempDir))
        files += e.path().filename().string().find(".tmp-") != std::string::npos;
    CHECK_EQ(files, 0u);
    auto missing = writeFileAtomically((tempDir / "no" / "x.csv").string(), "x");
    CHECK(!missing.ok() && missing.error().message.find("does not exist") != std::string::npos);

    SECTION("the CLI's CSV of this process");
    const std::string csv = (tempDir / "snapshot.csv").string();
    const std::wstring exe = L"\"" + widen(vmatlas) + L"\"";
    int code
        = run(exe + L" snapshot --pid " + std::to_wstring(GetCurrentProcessId()) + L" --csv \"" + widen(csv) + L"\"",
            (tempDir / "cli.txt").wstring());
    CHECK_EQ(code, 0);
    auto text = readWholeFile(csv);
    CHECK(text.ok());
    if (text.ok()) {
        auto regions = regionsFromCsv(*text);
        CHECK(regions.ok());
        bool found = false;
        if (regions.ok())
            for (const Region &g : *regions)
                found |= g.start == Address(reserved) && g.size() == 16 * page && g.state == RegionState::Reserved
                    && g.type == RegionType::Private;
        CHECK(found);
        CHECK(text->rfind("start,end,size,type,state,protection,offset,device,inode,path,label,rss,", 0) == 0);
        CHECK(text->find("\r\n") == std::string::npos);
    }
    {
        wchar_t address[32];
        swprintf(address, 32, L"0x%llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(partial)));
        code = run(exe + L" read --pid " + std::to_wstring(GetCurrentProcessId()) + L" --address " + address
                + L" --length 16 --fault-in",
            (tempDir / "read.txt").wstring());
        CHECK_EQ(code, 0);
        auto dump = readWholeFile((tempDir / "read.txt").string());
        CHECK_MSG(dump.ok() && dump->find("  01 00 00 00 00 5a 00 00") != std::string::npos, dump.ok() ? *dump : "");
    }
    code = run(exe + L" snapshot --pid 2147483640", (tempDir / "cli-error.txt").wstring());
    CHECK_EQ(code, 3);
    code = run(exe + L" summary --pid " + std::to_wstring(GetCurrentProcessId()), (tempDir / "summary.txt").wstring());
    auto summary = readWholeFile((tempDir / "summary.txt").string());
    CHECK_MSG(code == 0, "exit code " + std::to_string(code) + ", output: " + (summary.ok() ? *summary : ""));
    CHECK(summary.ok() && summary->find("Unusable") != std::string::npos);
    CHECK(summary.ok() && summary->find("Private data") != std::string::npos);
    code = run(exe + L" limits --pid " + std::to_wstring(GetCurrentProcessId()) + L" --json",
        (tempDir / "limits.json").wstring());
    CHECK_EQ(code, 0);
    auto limitsJson = readWholeFile((tempDir / "limits.json").string());
    CHECK(limitsJson.ok() && limitsJson->find("\"commit\"") != std::string::npos);
    code = run(exe + L" limits --pid 2147483640", (tempDir / "limits-error.txt").wstring());
    CHECK_EQ(code, 3);

    SECTION("labs headless");
    code = run(exe + L" lab --list", (tempDir / "labs.txt").wstring());
    auto list2 = readWholeFile((tempDir / "labs.txt").string());
    CHECK(code == 0 && list2.ok() && list2->find("reserve-commit") != std::string::npos
        && list2->find("shared-section") != std::string::npos && list2->find("copy-on-write") != std::string::npos
        && list2->find("fork-cow") == std::string::npos);
    const auto labDir = tempDir / "reserve-commit";
    code = run(exe + L" lab reserve-commit --size 65536 --out \"" + labDir.wstring() + L"\"",
        (tempDir / "lab1.txt").wstring());
    auto labOut = readWholeFile((tempDir / "lab1.txt").string());
    CHECK_MSG(code == 0, labOut.ok() ? *labOut : std::string());
    auto step3 = readWholeFile((labDir / "step-3-pages.csv").string());
    if (underWine()) {
        // Wine answers QueryWorkingSetEx only for the calling process: the lab says so, writes no pages files.
        CHECK(!step3.ok());
        CHECK_MSG(labOut.ok() && labOut->find("pages files skipped") != std::string::npos,
            labOut.ok() ? *labOut : std::string());
    } else {
        CHECK(step3.ok());
    }
    if (step3.ok()) {
        auto p3 = pagesFromCsv(*step3);
        CHECK(p3.ok() && p3->size() == 16);
        if (p3.ok() && p3->size() == 16) {
            std::vector<PageState> expected(16, PageState::None);
            expected[0] = expected[1] = PageState::Anon;
            CHECK(states(*p3) == expected);
        }
    }
    auto step2 = readWholeFile((labDir / "step-2.csv").string());
    CHECK(step2.ok() && step2->find(",16384,Private,Committed,rw-p,") != std::string::npos
        && step2->find(",49152,Private,Reserved,---p,") != std::string::npos);
    const auto shared = tempDir / "shared-section";
    code = run(exe + L" lab shared-section --out \"" + shared.wstring() + L"\"", (tempDir / "lab2.txt").wstring());
    auto sharedOut = readWholeFile((tempDir / "lab2.txt").string());
    CHECK_MSG(code == 0 && sharedOut.ok() && sharedOut->find("read \"Hello from A\"") != std::string::npos
            && sharedOut->find("A reads \"Reply from B\"") != std::string::npos
            && sharedOut->find("access violation: the view at") != std::string::npos,
        sharedOut.ok() ? *sharedOut : std::string());
    const auto cowDir = tempDir / "copy-on-write";
    code = run(exe + L" lab copy-on-write --out \"" + cowDir.wstring() + L"\"", (tempDir / "lab3.txt").wstring());
    auto cowOut = readWholeFile((tempDir / "lab3.txt").string());
    CHECK_MSG(code == 0 && cowOut.ok() && cowOut->find("the file on disk is unchanged") != std::string::npos,
        cowOut.ok() ? *cowOut : std::string());
    auto cowStep1 = readWholeFile((cowDir / "step-1.csv").string());
    CHECK(cowStep1.ok() && cowStep1->find(",Mapped,Committed,rw-c,") != std::string::npos);

    SECTION("minidump against the live snapshot");
    {
        // Whether this system's dbghelp writes the region list itself (Windows) or leaves it out (Wine 8), in which
        // case vmatlas.exe dump adds it: said, and either way the dumps below must have it.
        const std::wstring plainPath = (tempDir / "plain.dmp").wstring();
        HANDLE plain
            = CreateFileW(plainPath.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, 0, nullptr);
        const bool plainOk = MiniDumpWriteDump(
            GetCurrentProcess(), GetCurrentProcessId(), plain, MiniDumpWithFullMemoryInfo, nullptr, nullptr, nullptr);
        CloseHandle(plain);
        auto plainFile = fileSource((tempDir / "plain.dmp").string());
        auto plainTypes = plainFile ? minidumpStreamTypes(**plainFile, "plain.dmp")
                                    : Result<std::vector<std::uint32_t>>(plainFile.error());
        CHECK(plainOk && plainTypes.ok());
        const bool systemWritesInfo = plainTypes.ok()
            && std::find(plainTypes->begin(), plainTypes->end(), std::uint32_t(MemoryInfoListStream))
                != plainTypes->end();
        std::printf(systemWritesInfo ? "note: this system's dbghelp writes MemoryInfoListStream itself\n"
                                     : "note: this system's dbghelp writes no MemoryInfoListStream (Wine's 8.0 does "
                                       "not): vmatlas adds it as a user stream\n");

        // In-process: this process dumps itself (MiniDumpWriteDump allows it), right after a live read.
        auto before = readSnapshot(currentPid());
        const std::string dmp = (tempDir / "self.dmp").string();
        auto written = writeMinidump(currentPid(), dmp, false);
        CHECK_MSG(written.ok(), written.ok() ? "" : written.error().message);
        auto dump = loadPostMortem(dmp);
        CHECK_MSG(dump.ok(), dump.ok() ? "" : dump.error().message);
        if (before.ok() && dump.ok()) {
            const Snapshot &d = dump->snapshot;
            CHECK(d.platform == "windows");
            CHECK_EQ(d.pid, currentPid());
            for (Address a : { Address(reserved), Address(partial), Address(view), Address(cow), Address(tiny),
                     Address(reinterpret_cast<std::uintptr_t>(&codeMarker)) }) {
                const Region *l = at(*before, a), *m = at(d, a);
                CHECK_MSG(l && m && l->start == m->start && l->end == m->end && l->type == m->type
                        && l->state == m->state && l->protection == m->protection,
                    hexAddress(a) + (l ? " live " + l->protection.toString() : "")
                        + (m ? " dump " + m->protection.toString() : ""));
                CHECK(m && (m->state != RegionState::Committed || !m->hasCounter(Counter::Rss)));
            }
            const Region *image = at(d, Address(reinterpret_cast<std::uintptr_t>(&codeMarker)));
            CHECK(image && image->path().find("tst_windows_source") != std::string::npos);
        }

        // vmatlas.exe dump of this process, which waits in run() meanwhile: live, dump, live. Every region the two
        // live reads agree on must be in the dump exactly (bounds, type, state, protection, allocation base); what
        // moved in between (the heap around CreateProcess) may be either.
        auto live1 = readSnapshot(currentPid());
        const std::string cliDump = (tempDir / "cli.dmp").string();
        code = run(
            exe + L" dump --pid " + std::to_wstring(GetCurrentProcessId()) + L" --out \"" + widen(cliDump) + L"\"",
            (tempDir / "dump.txt").wstring());
        auto live2 = readSnapshot(currentPid());
        CHECK_EQ(code, 0);
        auto cli = loadPostMortem(cliDump);
        CHECK_MSG(cli.ok(), cli.ok() ? "" : cli.error().message);
        auto head = readWholeFile(cliDump);
        CHECK(head.ok() && head->rfind("MDMP", 0) == 0);
        CHECK(live1.ok() && live2.ok());
        if (cli.ok() && live1.ok() && live2.ok()) {
            const std::vector<Row> first = rows(*live1), second = rows(*live2), dumped = rows(cli->snapshot);
            std::size_t stable = 0, missing = 0;
            std::string firstMissing;
            for (const Row &r : first) {
                if (std::find(second.begin(), second.end(), r) == second.end())
                    continue;
                ++stable;
                if (std::find(dumped.begin(), dumped.end(), r) == dumped.end() && missing++ == 0)
                    firstMissing = r.text();
            }
            CHECK_MSG(
                missing == 0, std::to_string(missing) + " of " + std::to_string(stable) + ", first " + firstMissing);
            CHECK_MSG(stable * 10 >= first.size() * 9, std::to_string(stable) + " of " + std::to_string(first.size()));
            std::printf("vmatlas.exe dump: %zu regions; %zu of %zu live regions unchanged between the live reads, %zu "
                        "of them missing from the dump; the dump %s the first live read, %s the second\n",
                dumped.size(), stable, first.size(), missing, dumped == first ? "equals" : "differs from",
                dumped == second ? "equals" : "differs from");
            // The known layout, whatever moved.
            for (Address a : { Address(reserved), Address(partial), Address(view), Address(cow), Address(tiny) }) {
                const Region *m = at(cli->snapshot, a);
                CHECK_MSG(m && m->start == a, hexAddress(a));
            }
        }
    }

    UnmapViewOfFile(cow);
    CloseHandle(cowSection);
    CloseHandle(file);
    std::error_code ec;
    std::filesystem::remove_all(tempDir, ec);
    return check::report();
}
