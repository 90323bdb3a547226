#include "labs/labs.h"

#include "fileio.h"
#include "labs/labprotocol.h"
#include "pages.h"
#include "platform.h"
#include "textcodec.h"
#include "units.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>

// Marks the lab texts for Qt Linguist (the window shows them translated); the core stays Qt-free.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace vmatlas {

namespace {

std::string hex(Address a)
{
    return hexAddress(a);
}

// "512 not in RAM, 2 anon, 768 reserved": the pages by state, in PageState order, in the window's words (the CSV's
// state names but "not in RAM" for none), then the reserved ones: pages of no-access (Reserved) mappings that are
// not in RAM, counted as reserved only, as the window's page strip counts them.
std::string stateCounts(const PageCounts &counts, std::uint64_t reserved)
{
    std::string s;
    const auto add = [&](std::uint64_t n, std::string_view word) {
        if (!n)
            return;
        if (!s.empty())
            s += ", ";
        s += std::to_string(n) + " ";
        s += word;
    };
    for (std::size_t i = 0; i < counts.byState.size(); ++i) {
        const auto state = static_cast<PageState>(i);
        add(counts.byState[i] - (state == PageState::None ? reserved : 0),
            state == PageState::None ? std::string_view("not in RAM") : pageStateName(state));
    }
    add(reserved, QT_TRANSLATE_NOOP("Lab", "reserved"));
    return s.empty() ? QT_TRANSLATE_NOOP("Lab", "no pages") : s;
}

// Counts the pages of [start, end) of a process by state.
std::string pageSummary(Pid pid, Address start, Address end)
{
    auto pages = readPages(pid, start, end);
    if (!pages)
        return "pages unreadable: " + pages.error().message;
    std::uint64_t reserved = 0;
    if (auto maps = readMappings(pid)) {
        auto m = maps->begin();
        for (const PageInfo &page : *pages) {
            while (m != maps->end() && m->end <= page.address)
                ++m;
            if (page.state == PageState::None && m != maps->end() && m->contains(page.address)
                && !m->protection.accessible())
                ++reserved;
        }
    }
    return stateCounts(countPages(*pages), reserved);
}

// The pages of [start, end) before and after a step's action: "512 not in RAM → 512 anon" (the same pages on
// both sides of the arrow), read when made and when after() is called.
class PageChangeReport
{
public:
    PageChangeReport(Pid pid, Address start, Address end)
        : m_pid(pid)
        , m_start(start)
        , m_end(end)
        , m_before(pageSummary(pid, start, end))
    {
    }
    std::string after() const { return m_before + " \u2192 " + pageSummary(m_pid, m_start, m_end); }

private:
    Pid m_pid;
    Address m_start, m_end;
    std::string m_before;
};

std::uint64_t rssOf(Pid pid, Address start, Counter c = Counter::Rss)
{
    auto snap = readSnapshot(pid);
    if (!snap)
        return 0;
    auto i = snap->indexOf(start);
    return i < 0 ? 0 : snap->regions[std::size_t(i)].counter(c);
}

Result<Address> callAddress(LabTarget &t, const std::string &command, std::size_t index = 0)
{
    auto r = t.call(command);
    if (!r)
        return r.error();
    Address a = 0;
    if (r->size() <= index || !parseAddress((*r)[index], a))
        return makeError(ErrorCode::Io, "the lab target answered '" + command + "' without an address");
    return a;
}

// The text a "peek" answers, decoded from hex.
Result<std::string> callText(LabTarget &t, const std::string &command)
{
    auto r = t.call(command);
    if (!r)
        return r.error();
    std::string text;
    if (r->empty() || !fromHex(r->front(), text))
        return makeError(ErrorCode::Io, "the lab target answered '" + command + "' without hex bytes");
    return text;
}

} // namespace

LabStepResult labReport(const char *pattern, std::vector<LabArg> args, Address focusStart, Address focusEnd,
    Address focusStartB, Address focusEndB)
{
    LabStepResult r;
    r.pattern = pattern;
    r.args = std::move(args);
    std::vector<std::string> texts;
    for (const LabArg &a : r.args)
        texts.push_back(a.text);
    r.happened = fillPattern(r.pattern, texts);
    r.focusStart = focusStart;
    r.focusEnd = focusEnd;
    r.focusStartB = focusStartB;
    r.focusEndB = focusEndB;
    return r;
}

namespace {

#define TRY(expr)                                                                                                      \
    do {                                                                                                               \
        auto _r = (expr);                                                                                              \
        if (!_r)                                                                                                       \
            return _r.error();                                                                                         \
    } while (0)

std::vector<LabDefinition> buildLabs()
{
    std::vector<LabDefinition> labs;

    // 1. Reserve and commit.
    labs.push_back({ "reserve-commit", QT_TRANSLATE_NOOP("Lab", "Reserve and commit"),
        QT_TRANSLATE_NOOP("Lab",
            "Address space and memory are different things. A process can reserve a range of addresses without any "
            "memory "
            "behind it, commit part of it to make it usable, and only then do pages get RAM, one by one, when first "
            "touched. Windows names the steps MEM_RESERVE and MEM_COMMIT (VirtualAlloc); Linux does the same with "
            "mmap(PROT_NONE) and mprotect."),
        {} });
    // 1,024 pages: the window shows them page by page (4 px a page beside the Lab dock on a 1600x1000 screen).
    labs.back().defaultSize = 4ULL << 20;
    auto &rc = labs.back().steps;
    rc.push_back({ QT_TRANSLATE_NOOP("Lab", "Reserve"),
        QT_TRANSLATE_NOOP("Lab",
            "mmap(PROT_NONE) takes a range of addresses and nothing else: no access, no memory, and nothing "
            "promised, since no one can write to it. Windows: VirtualAlloc(MEM_RESERVE). The map shows it hatched: "
            "Reserved."),
        [](LabSession &s) -> Result<LabStepResult> {
            auto a = callAddress(s.a(), "reserve " + std::to_string(s.size()));
            if (!a)
                return a.error();
            s.vars["base"] = hex(*a);
            return labReport(QT_TRANSLATE_NOOP("Lab", "reserved %1 at %2: Reserved, no pages"),
                { { formatBytes(s.size()) }, { hex(*a) } }, *a, *a + s.size());
        } });
    rc.push_back({ QT_TRANSLATE_NOOP("Lab", "Commit a quarter"),
        QT_TRANSLATE_NOOP("Lab",
            "mprotect(PROT_READ|PROT_WRITE) on the first quarter makes it usable: it splits off, its state "
            "Committed. Still no page has RAM: committing promises memory (the kernel adds it to Committed_AS in "
            "/proc/meminfo, and its VmFlags gain \"ac\"; it is refused past the commit limit only with "
            "vm.overcommit_memory=2, while Windows always enforces its commit limit), touching takes it. Windows: "
            "VirtualAlloc(MEM_COMMIT)."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address base = s.address("base");
            const std::uint64_t q = std::max<std::uint64_t>(s.pageSize(), s.size() / 4 / s.pageSize() * s.pageSize());
            TRY(s.a().call("protect " + hex(base) + " " + std::to_string(q) + " rw"));
            s.vars["committed"] = std::to_string(q);
            return labReport(QT_TRANSLATE_NOOP("Lab", "committed %1 at %2: %3"),
                { { formatBytes(q) }, { hex(base) }, { pageSummary(s.pidA(), base, base + q), true } }, base,
                base + s.size());
        } });
    rc.push_back({ QT_TRANSLATE_NOOP("Lab", "Touch some pages"),
        QT_TRANSLATE_NOOP("Lab",
            "Writing one byte in a page makes the kernel give that page RAM (a page fault). The pages "
            "turn from not in RAM to anon: private memory in RAM."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address base = s.address("base");
            std::uint64_t q = 0;
            if (!labprotocol::parseNumber(s.vars["committed"], q))
                return makeError(ErrorCode::BadInput, "run the step that commits first");
            const std::uint64_t t = std::max<std::uint64_t>(s.pageSize(), q / 2 / s.pageSize() * s.pageSize());
            PageChangeReport touched(s.pidA(), base, base + t);
            TRY(s.a().call("touch " + hex(base) + " " + std::to_string(t)));
            return labReport(QT_TRANSLATE_NOOP("Lab", "touched %1 pages: %2"),
                { { std::to_string(t / s.pageSize()) }, { touched.after(), true } }, base, base + s.size());
        } });
    rc.push_back({ QT_TRANSLATE_NOOP("Lab", "Decommit"),
        QT_TRANSLATE_NOOP("Lab",
            "mmap(MAP_FIXED, PROT_NONE) over the quarter puts an inaccessible mapping in its place: the pages and "
            "the promise go (Committed_AS falls back, \"ac\" is gone), Reserved again. madvise(MADV_DONTNEED) + "
            "mprotect(PROT_NONE) would free the pages but keep the promise of memory once written. Windows: "
            "VirtualFree(MEM_DECOMMIT)."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address base = s.address("base");
            TRY(s.a().call("decommit " + hex(base) + " " + s.vars["committed"]));
            return labReport(QT_TRANSLATE_NOOP("Lab", "decommitted: %1, Reserved again"),
                { { pageSummary(s.pidA(), base, base + s.size()), true } }, base, base + s.size());
        } });
    rc.push_back({ QT_TRANSLATE_NOOP("Lab", "Release"),
        QT_TRANSLATE_NOOP(
            "Lab", "munmap hands the addresses back: the range is Free. Windows: VirtualFree(MEM_RELEASE)."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address base = s.address("base");
            TRY(s.a().call("release " + hex(base) + " " + std::to_string(s.size())));
            return labReport(QT_TRANSLATE_NOOP("Lab", "released %1 at %2: Free"),
                { { formatBytes(s.size()) }, { hex(base) } }, base, base + s.size());
        } });

    // 2. Shared section.
    labs.push_back({ "shared-section", QT_TRANSLATE_NOOP("Lab", "A section shared by two processes"),
        QT_TRANSLATE_NOOP("Lab",
            "A section is memory that several processes can map: what one writes, the others read, because their views "
            "lead to the same pages. Windows creates one with CreateFileMapping(INVALID_HANDLE_VALUE) and maps views "
            "with MapViewOfFile; here it is a memfd, and the second process opens it through the first one's "
            "descriptor, as it would a handle duplicated into it on Windows (shm_open, or a name given to "
            "CreateFileMapping, is the way by name). A view's rights never exceed what it was opened with."),
        {} });
    labs.back().defaultSize = 64 * 1024;
    labs.back().secondProcess = true;
    auto &ss = labs.back().steps;
    ss.push_back({ QT_TRANSLATE_NOOP("Lab", "Create the section in A"),
        QT_TRANSLATE_NOOP("Lab",
            "memfd_create + mmap(MAP_SHARED) in A: a Mapped region, rw-s. Its pages have no RAM "
            "yet. Windows: CreateFileMapping + MapViewOfFile."),
        [](LabSession &s) -> Result<LabStepResult> {
            auto r = s.a().call("section-create vmatlas-lab-section " + std::to_string(s.size()));
            if (!r)
                return r.error();
            if (r->size() < 2)
                return makeError(ErrorCode::Io, "section-create answered too little");
            s.vars["a"] = (*r)[0];
            s.vars["fd"] = (*r)[1];
            const Address a = s.address("a");
            return labReport(QT_TRANSLATE_NOOP("Lab", "created a %1 section, mapped in A (PID %2) at %3"),
                { { formatBytes(s.size()) }, { std::to_string(s.pidA()) }, { hex(a) } }, a, a + s.size());
        } });
    ss.push_back({ QT_TRANSLATE_NOOP("Lab", "Write in A"),
        QT_TRANSLATE_NOOP("Lab",
            "A writes a message in the first page: that page gets RAM, counted as file (a shared "
            "section's pages live in the page cache, like a file's)."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address a = s.address("a");
            TRY(s.a().call("poke " + hex(a) + " " + toHex("Hello from A")));
            return labReport(QT_TRANSLATE_NOOP("Lab", "A wrote \"Hello from A\" at %1: %2"),
                { { hex(a) }, { pageSummary(s.pidA(), a, a + s.size()), true } }, a, a + s.size());
        } });
    ss.push_back({ QT_TRANSLATE_NOOP("Lab", "Map it in B and read"),
        QT_TRANSLATE_NOOP("Lab",
            "B opens the same section (here through A's descriptor, /proc/A/fd/N; on Windows, a handle duplicated "
            "into B with DuplicateHandle, or OpenFileMapping by the section's name) and maps a view: it reads A's "
            "bytes. The page is now mapped by two processes, so each one's PSS counts half of it."),
        [](LabSession &s) -> Result<LabStepResult> {
            if (!s.b())
                TRY(s.startB());
            auto b = callAddress(*s.b(),
                "section-open " + std::to_string(s.pidA()) + " " + s.vars["fd"] + " " + std::to_string(s.size())
                    + " rw");
            if (!b)
                return b.error();
            s.vars["b"] = hex(*b);
            auto text = callText(*s.b(), "peek " + hex(*b) + " 12");
            if (!text)
                return text.error();
            const Address a = s.address("a");
            const std::uint64_t rss = rssOf(s.pidA(), a), pss = rssOf(s.pidA(), a, Counter::Pss);
            return labReport(
                QT_TRANSLATE_NOOP("Lab", "B (PID %1) mapped the section at %2 and read \"%3\"; in A: RSS %4, PSS %5"),
                { { std::to_string(s.pidB()) }, { hex(*b) }, { *text }, { formatBytes(rss) }, { formatBytes(pss) } }, a,
                a + s.size(), *b, *b + s.size());
        } });
    ss.push_back({ QT_TRANSLATE_NOOP("Lab", "B writes, A reads"),
        QT_TRANSLATE_NOOP(
            "Lab", "B writes a reply into the same page; A reads it at once: one set of pages, two views."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address a = s.address("a"), b = s.address("b");
            TRY(s.b()->call("poke " + hex(b + 64) + " " + toHex("Reply from B")));
            auto text = callText(s.a(), "peek " + hex(a + 64) + " 12");
            if (!text)
                return text.error();
            LabStepResult r = labReport(QT_TRANSLATE_NOOP("Lab", "B wrote \"Reply from B\"; A reads \"%1\""),
                { { *text } }, a, a + s.size(), b, b + s.size());
            r.changed = a + 64;
            return r;
        } });
    ss.push_back({ QT_TRANSLATE_NOOP("Lab", "A read-only view"),
        QT_TRANSLATE_NOOP("Lab",
            "B maps a second view, read-only, reads the first page through it (the same page, now mapped three "
            "times: B's pane shows it and its bytes), and tries to write through it (in a disposable child process, "
            "so the fault can be reported). The write is refused: a view's rights never exceed the ones it was "
            "opened with (FILE_MAP_READ on Windows)."),
        [](LabSession &s) -> Result<LabStepResult> {
            auto ro = callAddress(*s.b(),
                "section-open " + std::to_string(s.pidA()) + " " + s.vars["fd"] + " " + std::to_string(s.size())
                    + " ro");
            if (!ro)
                return ro.error();
            // The page A and B wrote, so that the view shows something: only it (a read of the section's holes
            // would give it new zero pages).
            TRY(s.b()->call("read " + hex(*ro) + " " + std::to_string(s.pageSize())));
            auto r = s.b()->call("try-write " + hex(*ro));
            if (!r)
                return r.error();
            const bool fault = !r->empty() && (*r)[0] == "fault";
            const Address a = s.address("a");
            if (!fault)
                return labReport(
                    QT_TRANSLATE_NOOP("Lab", "the write through the read-only view went through (unexpected)"), {}, a,
                    a + s.size(), *ro, *ro + s.size());
            return labReport(
                QT_TRANSLATE_NOOP("Lab", "access violation: the view at %1 is read-only; the write was refused"),
                { { hex(*ro) } }, a, a + s.size(), *ro, *ro + s.size());
        } });

    // 3. Copy-on-write of a file view.
    labs.push_back({ "copy-on-write", QT_TRANSLATE_NOOP("Lab", "Copy-on-write: a private view of a file"),
        QT_TRANSLATE_NOOP("Lab",
            "A file mapped privately shares the file's pages until the process writes: then that one page is copied "
            "and the "
            "copy becomes the process's own memory. The file on disk never changes. Windows calls this protection "
            "PAGE_WRITECOPY (a FILE_MAP_COPY view); it is how an exe or dll can be patched in one process only."),
        {} });
    labs.back().defaultSize = 16 * 1024;
    auto &cw = labs.back().steps;
    cw.push_back({ QT_TRANSLATE_NOOP("Lab", "Map a file privately"),
        QT_TRANSLATE_NOOP("Lab",
            "mmap(MAP_PRIVATE) of a file of the lab's own: a Mapped region, rw-p. Nothing is "
            "read yet."),
        [](LabSession &s) -> Result<LabStepResult> {
            const std::string path = s.tempDir() + "/copy-on-write.dat";
            std::string data(s.size(), '\0');
            for (std::size_t i = 0; i < data.size(); ++i)
                data[i] = char('a' + (i / s.pageSize()) % 26);
            TRY(writeFileAtomically(path, data));
            s.vars["file"] = path;
            auto a = callAddress(s.a(), "map-file-private " + path + " " + std::to_string(s.size()));
            if (!a)
                return a.error();
            s.vars["a"] = hex(*a);
            // Pages may be mapped already by read-ahead; start from none.
            TRY(s.a().call("drop " + hex(*a) + " " + std::to_string(s.size())));
            return labReport(QT_TRANSLATE_NOOP("Lab", "mapped %1 (%2) privately at %3: %4"),
                { { path }, { formatBytes(s.size()) }, { hex(*a) },
                    { pageSummary(s.pidA(), *a, *a + s.size()), true } },
                *a, *a + s.size());
        } });
    cw.push_back({ QT_TRANSLATE_NOOP("Lab", "Read every page"),
        QT_TRANSLATE_NOOP("Lab",
            "Reading maps the file's pages into the process: they are file pages, the page cache's own pages, mapped "
            "without a copy (read from disk first only if they were not cached; the lab has just written this file, "
            "so they were). Before, they were \"not in RAM\" for this process only: not in its page tables. No other "
            "process maps them: the page strip counts them exclusive."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address a = s.address("a");
            TRY(s.a().call("read " + hex(a) + " " + std::to_string(s.size())));
            return labReport(QT_TRANSLATE_NOOP("Lab", "read all pages: %1"),
                { { pageSummary(s.pidA(), a, a + s.size()), true } }, a, a + s.size());
        } });
    cw.push_back({ QT_TRANSLATE_NOOP("Lab", "Write to page 2"),
        QT_TRANSLATE_NOOP("Lab",
            "A write to the second page copies it: that page alone becomes anon, the process's own; "
            "the others stay file. The bytes on disk are unchanged."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address a = s.address("a");
            const Address page = a + (s.size() > s.pageSize() ? s.pageSize() : 0);
            auto before = readWholeFile(s.vars["file"]);
            TRY(s.a().call("poke " + hex(page) + " " + toHex("written by the process")));
            auto after = readWholeFile(s.vars["file"]);
            const bool same = before && after && *before == *after;
            LabStepResult r
                = labReport(same ? QT_TRANSLATE_NOOP("Lab", "wrote at %1: %2; the file on disk is unchanged")
                                 : QT_TRANSLATE_NOOP("Lab", "wrote at %1: %2; the file on disk CHANGED"),
                    { { hex(page) }, { pageSummary(s.pidA(), a, a + s.size()), true } }, a, a + s.size());
            r.changed = page;
            return r;
        } });

    // 4. Copy-on-write after fork.
    labs.push_back({ "fork-cow", QT_TRANSLATE_NOOP("Lab", "Copy-on-write after fork()"),
        QT_TRANSLATE_NOOP("Lab",
            "fork() does not copy memory: parent and child share every page, marked copy-on-write, and a page is "
            "copied "
            "only when one of them writes to it. A page mapped by one process only is exclusive; after fork it is "
            "not."),
        {}, false });
    labs.back().defaultSize = 16 * 1024;
    labs.back().secondProcess = true; // the forked child
    auto &fc = labs.back().steps;
    fc.push_back({ QT_TRANSLATE_NOOP("Lab", "Write some pages"),
        QT_TRANSLATE_NOOP(
            "Lab", "The parent allocates private memory and writes every page: anon pages, exclusive to it."),
        [](LabSession &s) -> Result<LabStepResult> {
            auto a = callAddress(s.a(), "allocate " + std::to_string(s.size()));
            if (!a)
                return a.error();
            TRY(s.a().call("touch " + hex(*a) + " " + std::to_string(s.size())));
            s.vars["a"] = hex(*a);
            return labReport(QT_TRANSLATE_NOOP("Lab", "wrote %1 pages at %2: %3"),
                { { std::to_string(s.size() / s.pageSize()) }, { hex(*a) },
                    { pageSummary(s.pidA(), *a, *a + s.size()), true } },
                *a, *a + s.size());
        } });
    fc.push_back({ QT_TRANSLATE_NOOP("Lab", "fork()"),
        QT_TRANSLATE_NOOP(
            "Lab", "After fork the child maps the very same pages: they are no longer exclusive to either process."),
        [](LabSession &s) -> Result<LabStepResult> {
            auto r = s.a().call("fork-hold");
            if (!r)
                return r.error();
            std::uint64_t child = 0;
            if (r->empty() || !labprotocol::parseNumber(r->front(), child))
                return makeError(ErrorCode::Io, "the lab target answered 'fork-hold' without a PID");
            s.vars["child"] = r->front();
            const Address a = s.address("a");
            auto pages = readPages(s.pidA(), a, a + s.size());
            std::size_t exclusive = 0;
            if (pages)
                for (const PageInfo &p : *pages)
                    exclusive += p.exclusive;
            return labReport(QT_TRANSLATE_NOOP("Lab", "forked child PID %1; the parent's pages exclusive: %2 of %3"),
                { { r->front() }, { std::to_string(exclusive) }, { std::to_string(s.size() / s.pageSize()) } }, a,
                a + s.size(), a, a + s.size());
        } });
    fc.push_back({ QT_TRANSLATE_NOOP("Lab", "The child writes one page"),
        QT_TRANSLATE_NOOP("Lab",
            "The child's write copies that page: the child gets its own copy and the parent's "
            "page is exclusive again. The other pages stay shared."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address a = s.address("a");
            const Address page = a + (s.size() > 2 * s.pageSize() ? 2 * s.pageSize() : 0);
            // Words, so that the Bytes dock shows the two copies apart: the parent's page still begins 01 00 00.
            TRY(s.a().call("child-poke " + hex(page) + " " + toHex("written by the child")));
            auto pages = readPages(s.pidA(), a, a + s.size());
            std::size_t exclusive = 0;
            if (pages)
                for (const PageInfo &p : *pages)
                    exclusive += p.exclusive;
            LabStepResult r
                = labReport(QT_TRANSLATE_NOOP("Lab", "the child wrote at %1; the parent's exclusive pages: %2"),
                    { { hex(page) }, { std::to_string(exclusive) } }, a, a + s.size(), a, a + s.size());
            r.changed = page;
            return r;
        } });

    // 5. The page file.
    labs.push_back({ "page-out", QT_TRANSLATE_NOOP("Lab", "The page file (swap)"),
        QT_TRANSLATE_NOOP("Lab",
            "When RAM runs short the kernel writes pages that have no file behind them (anon) to swap, and reads them "
            "back on the next touch. Clean file pages need no swap: they are simply dropped and read again from the "
            "file. MADV_PAGEOUT asks for this now, for a range. Windows first trims pages from the working set "
            "(EmptyWorkingSet does it now): they wait on the standby or modified list, and the modified ones are "
            "written to the page file (pagefile.sys)."),
        {}, false });
    // Twice 512 pages: page by page in the window, as the reserve-commit lab.
    labs.back().defaultSize = 2ULL << 20;
    labs.back().sizeLabel = QT_TRANSLATE_NOOP("Lab", "Each part");
    auto &po = labs.back().steps;
    po.push_back({ QT_TRANSLATE_NOOP("Lab", "Fill anon pages and read a file"),
        QT_TRANSLATE_NOOP("Lab", "Private memory written (anon) and, right after it, a file read (file)."),
        [](LabSession &s) -> Result<LabStepResult> {
            // One range: anon pages first, the file's pages after them.
            auto base = callAddress(s.a(), "reserve " + std::to_string(2 * s.size()));
            if (!base)
                return base.error();
            const Address a = *base, f = *base + s.size();
            TRY(s.a().call("protect " + hex(a) + " " + std::to_string(s.size()) + " rw"));
            TRY(s.a().call("touch " + hex(a) + " " + std::to_string(s.size())));
            const std::string path = s.tempDir() + "/page-out.dat";
            TRY(writeFileAtomically(path, std::string(s.size(), 'p')));
            TRY(s.a().call("map-file-fixed " + hex(f) + " " + path + " " + std::to_string(s.size())));
            TRY(s.a().call("read " + hex(f) + " " + std::to_string(s.size())));
            s.vars["a"] = hex(a);
            s.vars["f"] = hex(f);
            return labReport(QT_TRANSLATE_NOOP("Lab", "anonymous memory at %1: %2; a file's pages at %3: %4"),
                { { hex(a) }, { pageSummary(s.pidA(), a, f), true }, { hex(f) },
                    { pageSummary(s.pidA(), f, f + s.size()), true } },
                a, f + s.size());
        } });
    po.push_back({ QT_TRANSLATE_NOOP("Lab", "Page out"),
        QT_TRANSLATE_NOOP("Lab",
            "MADV_PAGEOUT on both. With swap, anon pages go to it (swap); without swap they cannot leave RAM (a swap "
            "file, or zram, would give them somewhere to go). Clean file pages are dropped either way (not in RAM). "
            "This lab never creates or enables swap."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address a = s.address("a"), f = s.address("f");
            auto swap = s.a().call("swap-total");
            const bool hasSwap = swap && !swap->empty() && (*swap)[0] != "0";
            TRY(s.a().call("pageout " + hex(a) + " " + std::to_string(2 * s.size())));
            return labReport(hasSwap
                    ? QT_TRANSLATE_NOOP("Lab", "this machine has swap: the anonymous memory: %1; the file's pages: %2")
                    : QT_TRANSLATE_NOOP("Lab",
                        "this machine has no swap: anon pages cannot leave RAM; the anonymous memory: "
                        "%1; the file's pages: %2"),
                { { pageSummary(s.pidA(), a, f), true }, { pageSummary(s.pidA(), f, f + s.size()), true } }, a,
                f + s.size());
        } });
    po.push_back({ QT_TRANSLATE_NOOP("Lab", "Touch them again"),
        QT_TRANSLATE_NOOP(
            "Lab", "Reading the pages again brings them back: file pages from the file, swapped pages from swap."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address a = s.address("a"), f = s.address("f");
            TRY(s.a().call("read " + hex(a) + " " + std::to_string(2 * s.size())));
            return labReport(QT_TRANSLATE_NOOP("Lab", "the anonymous memory: %1; the file's pages: %2"),
                { { pageSummary(s.pidA(), a, f), true }, { pageSummary(s.pidA(), f, f + s.size()), true } }, a,
                f + s.size());
        } });

    // 6. Images are shared.
    labs.push_back({ "image-sharing", QT_TRANSLATE_NOOP("Lab", "Images are shared"),
        QT_TRANSLATE_NOOP("Lab",
            "Two processes running the same program map the same file: its code pages are in RAM once, shared, so each "
            "process's PSS is below its RSS. Its data is mapped copy-on-write (PAGE_WRITECOPY for an exe or dll): a "
            "process that writes to it gets its own copy of that page, and the other keeps the file's."),
        {} });
    labs.back().sizeAdjustable = false;
    labs.back().secondProcess = true;
    auto &is = labs.back().steps;
    is.push_back({ QT_TRANSLATE_NOOP("Lab", "Run the program twice"),
        QT_TRANSLATE_NOOP("Lab",
            "A second copy of the same program starts. Both map the same executable file as Image. Its PSS "
            "is not simply half its RSS: every other process running this program (the window, for one) maps "
            "the same pages too, and a shared page's PSS is divided among all of them, while pages only A "
            "has count whole."),
        [](LabSession &s) -> Result<LabStepResult> {
            if (!s.b())
                TRY(s.startB());
            auto data = callAddress(s.a(), "image-data");
            auto dataB = callAddress(*s.b(), "image-data");
            if (!data || !dataB)
                return makeError(ErrorCode::Io, "the lab targets did not say where their data is");
            s.vars["data"] = hex(*data);
            s.vars["dataB"] = hex(*dataB);
            auto snap = readSnapshot(s.pidA());
            if (!snap)
                return snap.error();
            std::uint64_t rss = 0, pss = 0, codeRss = 0, codePss = 0, imageRegions = 0;
            Address codeStart = 0, codeEnd = 0;
            for (const Region &r : snap->regions) {
                if (r.labelKind == LabelKind::Program) {
                    ++imageRegions;
                    rss += r.counter(Counter::Rss);
                    pss += r.counter(Counter::Pss);
                    if (r.protection.execute && !codeStart) {
                        codeStart = r.start;
                        codeEnd = r.end;
                        codeRss = r.counter(Counter::Rss);
                        codePss = r.counter(Counter::Pss);
                    }
                }
            }
            s.vars["code"] = hex(codeStart);
            s.vars["codeEnd"] = hex(codeEnd);
            // B's code is at its own address (address-space layout randomisation): the window shows B's, not A's.
            Address codeStartB = 0, codeEndB = 0;
            if (auto snapB = readSnapshot(s.pidB())) {
                for (const Region &r : snapB->regions) {
                    if (r.labelKind == LabelKind::Program && r.protection.execute) {
                        codeStartB = r.start;
                        codeEndB = r.end;
                        break;
                    }
                }
            }
            // The whole image and the range shown (its code, what the details then sum): two figures, each named.
            return labReport(
                QT_TRANSLATE_NOOP("Lab",
                    "A (PID %1) and B (PID %2) run the same program. In A its image (%3 regions) has RSS %4, PSS %5; "
                    "its code, the range shown, RSS %6, PSS %7 (PSS also divides by any other process running this "
                    "program)"),
                { { std::to_string(s.pidA()) }, { std::to_string(s.pidB()) }, { std::to_string(imageRegions) },
                    { formatBytes(rss) }, { formatBytes(pss) }, { formatBytes(codeRss) }, { formatBytes(codePss) } },
                codeStart, codeEnd, codeStartB, codeEndB);
        } });
    is.push_back({ QT_TRANSLATE_NOOP("Lab", "Write to the program's data in A"),
        QT_TRANSLATE_NOOP("Lab",
            "A writes to a variable in the program's data segment: that page is "
            "copied (anon) in A, while B still maps the file's page. The data segment held anon pages before this "
            "write: at start-up the dynamic loader wrote relocations (the run-time addresses of functions and "
            "variables) into some of its pages, which made private copies of them in both processes."),
        [](LabSession &s) -> Result<LabStepResult> {
            const Address d = s.address("data"), db = s.address("dataB");
            TRY(s.a().call("read " + hex(d) + " " + std::to_string(kLabImageDataSize)));
            TRY(s.b()->call("read " + hex(db) + " " + std::to_string(kLabImageDataSize)));
            PageChangeReport written(s.pidA(), d, d + kLabImageDataSize);
            TRY(s.a().call("poke " + hex(d + 8) + " " + toHex("changed in A")));
            LabStepResult r = labReport(QT_TRANSLATE_NOOP("Lab", "A wrote to its data at %1: in A %2; in B %3"),
                { { hex(d) }, { written.after(), true }, { pageSummary(s.pidB(), db, db + kLabImageDataSize), true } },
                d, d + kLabImageDataSize, db, db + kLabImageDataSize);
            r.changed = d + 8;
            return r;
        } });
    return labs;
}

} // namespace

const std::vector<LabDefinition> &allLabs()
{
    static const std::vector<LabDefinition> labs = [] {
        std::vector<LabDefinition> all = buildLabs();
        if (platformName() == "windows")
            all.erase(
                std::remove_if(all.begin(), all.end(), [](const LabDefinition &l) { return !l.onWindows; }), all.end());
        return all;
    }();
    return labs;
}

const LabDefinition *findLab(const std::string &name)
{
    for (const LabDefinition &l : allLabs())
        if (l.name == name)
            return &l;
    return nullptr;
}

Status validateLabSize(std::uint64_t bytes, std::uint32_t pageSize)
{
    if (bytes == 0)
        return makeError(
            ErrorCode::BadInput, "the size must be at least one page (" + std::to_string(pageSize) + " bytes)");
    if (bytes % pageSize)
        return makeError(ErrorCode::BadInput,
            "the size must be a whole number of pages (a multiple of " + std::to_string(pageSize) + " bytes)");
    if (bytes > (1ULL << 30))
        return makeError(ErrorCode::BadInput, "the size is too large: at most 1 GiB");
    return Ok {};
}

Result<std::unique_ptr<LabSession>> LabSession::start(
    const std::string &labName, const std::string &executable, LabOptions options)
{
    const LabDefinition *lab = findLab(labName);
    if (!lab)
        return makeError(ErrorCode::BadInput, "there is no lab named '" + labName + "' (see 'vmatlas lab --list')");
    std::unique_ptr<LabSession> s(new LabSession);
    s->m_lab = lab;
    s->m_executable = executable;
    s->m_pageSize = systemPageSize();
    const std::uint64_t def = lab->defaultSize ? lab->defaultSize : s->m_pageSize;
    s->m_size = options.size ? options.size : def;
    auto valid = validateLabSize(s->m_size, s->m_pageSize);
    if (!valid)
        return valid.error();
    // A private folder for the lab's files, removed when the session ends.
    std::error_code ec;
    const auto base = std::filesystem::temp_directory_path(ec);
    // Seeded from the clock and the PID: std::random_device may throw.
    std::minstd_rand rd(
        std::uint32_t(std::chrono::steady_clock::now().time_since_epoch().count()) ^ std::uint32_t(currentPid()));
    for (int i = 0; i < 16 && s->m_tempDir.empty(); ++i) {
        const auto dir = base / ("vmatlas-lab-" + std::to_string(rd() % 100000000u));
        if (std::filesystem::create_directory(dir, ec))
            s->m_tempDir = dir.string();
    }
    if (s->m_tempDir.empty())
        return makeError(ErrorCode::Io, "cannot make a folder for the lab in " + base.string());
    auto a = LabTarget::start(executable);
    if (!a)
        return a.error();
    s->m_a = std::move(a).value();
    return s;
}

Pid LabSession::pidB() const
{
    if (m_b)
        return m_b->pid();
    auto it = vars.find("child");
    std::uint64_t child = 0;
    return it != vars.end() && labprotocol::parseNumber(it->second, child) ? Pid(child) : 0;
}

Status LabSession::startB()
{
    auto b = LabTarget::start(m_executable);
    if (!b)
        return b.error();
    m_b = std::move(b).value();
    return Ok {};
}

LabSession::~LabSession()
{
    if (m_b)
        m_b->stop();
    if (m_a)
        m_a->stop();
    if (!m_tempDir.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(m_tempDir, ec);
    }
}

Address LabSession::address(const std::string &name) const
{
    auto it = vars.find(name);
    Address a = 0;
    if (it != vars.end())
        parseAddress(it->second, a);
    return a;
}

Result<LabStepResult> LabSession::runNextStep()
{
    if (finished())
        return makeError(ErrorCode::BadInput, "the lab has no more steps");
    if (!m_a || !m_a->alive())
        return makeError(ErrorCode::ProcessExited, "the lab target has exited; restart the lab");
    auto r = m_lab->steps[std::size_t(m_next)].run(*this);
    if (r)
        ++m_next;
    return r;
}

} // namespace vmatlas
