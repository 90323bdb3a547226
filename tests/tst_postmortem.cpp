// Post-mortem: a gcore core of the known-layout helper against its live snapshot, hand-built ELF cores and
// minidumps (exact regions), malformed dumps (a clear error, never a crash), and the CLI's --core and dump.
#include "dumpbuilder.h"
#include "platform.h"
#include "postmortem.h"
#include "snapshotjson.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vmatlas;
using namespace vmatlas::test;

namespace {

constexpr Address kBase = 0x7e0000000000ULL;

using vmatlas::test::Run;
using vmatlas::test::vmatlasRun;

const Region *regionAt(const Snapshot &s, Address a)
{
    const auto i = s.indexOf(a);
    return i < 0 ? nullptr : &s.regions[std::size_t(i)];
}

Result<PostMortem> parse(const std::string &bytes, DumpFormat format)
{
    auto src = memorySource(bytes);
    return format == DumpFormat::ElfCore ? readElfCore(*src, "t.core") : readMinidump(*src, "t.dmp");
}

bool writeFile(const QString &path, const std::string &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

// Where a minidump's stream of this type starts (its directory entry's RVA).
std::size_t streamAt(const std::string &dmp, std::uint32_t type)
{
    auto u32 = [&](std::size_t at) {
        return std::uint32_t(std::uint8_t(dmp[at])) | (std::uint32_t(std::uint8_t(dmp[at + 1])) << 8)
            | (std::uint32_t(std::uint8_t(dmp[at + 2])) << 16) | (std::uint32_t(std::uint8_t(dmp[at + 3])) << 24);
    };
    for (std::size_t i = 0; i < u32(8); ++i)
        if (u32(u32(12) + i * 12) == type)
            return u32(u32(12) + i * 12 + 8);
    return 0;
}

namespace win {
constexpr std::uint32_t Commit = 0x1000, Reserve = 0x2000, Free = 0x10000, Private = 0x20000, Mapped = 0x40000,
                        Image = 0x1000000;
}

std::vector<DumpRegion> windowsRegions()
{
    return {
        { 0x10000, 0x10000, 0x04, 0x2000, win::Commit, 0x04, win::Private },
        { 0x12000, 0x10000, 0x04, 0xe000, win::Reserve, 0, win::Private },
        { 0x20000, 0, 0, 0x3ffe0000, win::Free, 0x01, 0 },
        { 0x50000000, 0x50000000, 0x04, 0x1000, win::Commit, 0x104, win::Private }, // PAGE_GUARD | RW
        { 0x140000000, 0x140000000, 0x80, 0x1000, win::Commit, 0x02, win::Image },
        { 0x140001000, 0x140000000, 0x80, 0x2000, win::Commit, 0x20, win::Image },
        { 0x140003000, 0x140000000, 0x80, 0x1000, win::Commit, 0x08, win::Image }, // WRITECOPY
        { 0x7ff000000000, 0x7ff000000000, 0x02, 0x10000, win::Commit, 0x02, win::Mapped },
    };
}

} // namespace

class TestPostMortem : public QObject
{
    Q_OBJECT

private slots:
    // gcore's core of the known-layout helper, region by region against the live snapshot taken just before.
    void gcoreMatchesLive()
    {
        const QString gcore = QStandardPaths::findExecutable(QStringLiteral("gcore"));
        if (gcore.isEmpty())
            QSKIP("gcore (gdb) is not installed: scripts/test.sh installs it");
        QTemporaryDir dir;
        TestChild child;
        QVERIFY(child.start({ QStringLiteral("layout"), dir.path() }));
        const Pid pid = child.pid();
        auto live = readSnapshot(pid);
        QVERIFY2(live.ok(), live.ok() ? "" : live.error().message.c_str());
        QProcess g;
        g.start(gcore, { QStringLiteral("-o"), dir.filePath(QStringLiteral("core")), QString::number(pid) });
        QVERIFY(g.waitForFinished(120000));
        const QString corePath = dir.filePath(QStringLiteral("core.%1").arg(pid));
        if (!QFile::exists(corePath))
            QSKIP(qPrintable(QStringLiteral("gcore could not attach: ") + QString::fromUtf8(g.readAllStandardError())));

        auto dump = loadPostMortem(corePath.toStdString());
        QVERIFY2(dump.ok(), dump.ok() ? "" : dump.error().message.c_str());
        QCOMPARE(dump->format, DumpFormat::ElfCore);
        const Snapshot &core = dump->snapshot;
        QCOMPARE(core.pid, pid);
        QCOMPARE(QString::fromStdString(core.processName), QStringLiteral("vmatlas_testchi"));
        // NT_PRPSINFO keeps at most the first 80 characters of the command line (gdb: the program only).
        QVERIFY(!core.commandLine.empty());
        QVERIFY(live->commandLine.rfind(core.commandLine, 0) == 0);
        QCOMPARE(core.platform, std::string("linux"));

        int compared = 0;
        for (const Region &l : live->regions) {
            if (l.type == RegionType::Free)
                continue;
            const std::string &path = l.path();
            if (path == "[vvar]" || path == "[vvar_vclock]") {
                // gdb cannot read the vDSO's data pages: not in the core, a gap there.
                const Region *c = regionAt(core, l.start);
                QVERIFY(c && c->type == RegionType::Free);
                continue;
            }
            const Region *c = regionAt(core, l.start);
            QVERIFY2(c, qPrintable(QString::fromStdString(hexAddress(l.start) + " " + path)));
            const QByteArray what = QByteArray::fromStdString(hexAddress(l.start) + " " + path);
            QVERIFY2(c->start == l.start && c->end == l.end, what.constData());
            QVERIFY2(c->type == l.type, what.constData());
            QVERIFY2(c->offset == l.offset, what.constData());
            // The heap has no name in a core (no brk there); every other name is the same.
            QVERIFY2(c->path() == (path == "[heap]" ? std::string() : path), what.constData());
            if (l.protection.accessible()) {
                QVERIFY2(c->protection.read == l.protection.read && c->protection.write == l.protection.write
                        && c->protection.execute == l.protection.execute,
                    what.constData());
                QVERIFY2(c->state == l.state, what.constData());
            } else {
                // gdb reads no-access memory through ptrace and writes it with PF_R: r-- in its cores.
                QVERIFY2(c->protection.read && !c->protection.write && !c->protection.execute, what.constData());
            }
            // A core does not say private or shared; counters it does not hold are absent.
            QCOMPARE(c->protection.sharing, 'p');
            QVERIFY(!c->hasCounter(Counter::Rss));
            QVERIFY(!c->hasCounter(Counter::Swap));
            ++compared;
        }
        QVERIFY(compared > 30);

        // The known layout, exactly.
        const Region *memfd = regionAt(core, kBase + 0x200000);
        QVERIFY(memfd);
        QCOMPARE(memfd->end, kBase + 0x208000);
        QCOMPARE(memfd->type, RegionType::Mapped);
        QCOMPARE(memfd->labelKind, LabelKind::Memfd);
        QCOMPARE(memfd->path(), std::string("/memfd:vmatlas-test-section (deleted)"));
        const Region *file = regionAt(core, kBase + 0x300000);
        QVERIFY(file);
        QCOMPARE(QString::fromStdString(file->path()), child.value(QStringLiteral("file")));
        QCOMPARE(file->type, RegionType::Mapped);
        const Region *data = regionAt(core, kBase + 0x400000);
        QVERIFY(data);
        QCOMPARE(data->end, kBase + 0x408000);
        QCOMPARE(data->type, RegionType::Private);
        QCOMPARE(data->protection.toString(), std::string("rw-p"));
        QCOMPARE(data->state, RegionState::Committed);
        bool mainStack = false, threadStack = false;
        for (const Region &r : core.regions) {
            mainStack |= r.labelKind == LabelKind::MainStack && r.path() == "[stack]";
            threadStack |= r.labelKind == LabelKind::ThreadStack && r.tid == child.value(QStringLiteral("tid")).toInt();
        }
        QVERIFY(mainStack);
        QVERIFY(threadStack);
        const Region *program = nullptr;
        for (const Region &r : core.regions)
            if (!program && r.labelKind == LabelKind::Program && r.protection.execute)
                program = &r;
        QVERIFY(program);
        QCOMPARE(QString::fromStdString(program->path()), QStringLiteral(VMATLAS_TESTCHILD));

        // The pages the core holds: gdb writes every page of what it dumps.
        auto pages = postMortemPages(*dump, kBase + 0x400000, kBase + 0x408000);
        QVERIFY(pages.ok());
        QCOMPARE(pages->size(), std::size_t(8));
        for (const PageInfo &p : *pages)
            QCOMPARE(p.state, PageState::Anon);
        pages = postMortemPages(*dump, kBase + 0x200000, kBase + 0x202000);
        QVERIFY(pages.ok());
        QCOMPARE(pages->size(), std::size_t(2));
        QCOMPARE(pages->front().state, PageState::File);

        // The CLI: the same regions as CSV with empty counter cells, JSON with nulls, and pages.
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--core"), corePath });
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("\n0x7e0000400000,0x7e0000408000,32768,Private,Committed,rw-p,0x0,00:00,0,,,,,,"),
            r.out.left(2000).constData());
        r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--core"), corePath, QStringLiteral("--json"),
            QStringLiteral("-") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("\"rss\":null") || r.out.contains("\"rss\": null"));
        r = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--core"), corePath, QStringLiteral("--range"),
            QStringLiteral("0x7e0000400000-0x7e0000402000") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("address,state,exclusive,host\n0x7e0000400000,anon,1,\n0x7e0000401000,anon,1,\n"));
    }

    void elfCoreExact()
    {
        // A program (r-- with its ELF header held, r-x not held), its data, anonymous memory, the stack.
        const std::vector<CoreSegment> segs = {
            { 0x400000, 0x1000, 0x1000, 4 },
            { 0x402000, 0x1000, 0x1000, 6 },
            { 0x600000, 0x4000, 0x2000, 6 },
            { 0x7ffd0000, 0x2000, 0x2000, 6 },
        };
        const std::vector<CoreFile> files = { { 0x400000, 0x401000, 0, "/usr/bin/demo" },
            { 0x401000, 0x402000, 1, "/usr/bin/demo" }, { 0x402000, 0x403000, 2, "/usr/bin/demo" },
            { 0x7ffd0000 - 0x10000, 0x7ffd0000 - 0xc000, 0, "/dev/zero (deleted)" } };
        auto dump = parse(buildElfCore(segs, files, 77, 0x7ffd1f00), DumpFormat::ElfCore);
        QVERIFY2(dump.ok(), dump.ok() ? "" : dump.error().message.c_str());
        const Snapshot &s = dump->snapshot;
        QCOMPARE(s.pid, Pid(77));
        QCOMPARE(s.processName, std::string("demo"));
        QCOMPARE(s.commandLine, std::string("demo --x"));
        // No ELF program headers in the held page (0x5a bytes): the unheld file range is assumed r--, and says so.
        const Region *text = regionAt(s, 0x401000);
        QVERIFY(text);
        QCOMPARE(text->end, Address(0x402000));
        QCOMPARE(text->offset, std::uint64_t(0x1000));
        QCOMPARE(text->protection.toString(), std::string("r--p"));
        QCOMPARE(text->path(), std::string("/usr/bin/demo"));
        QCOMPARE(text->type, RegionType::Mapped);
        bool noted = false;
        for (const ExtraField &e : s.extras)
            noted |= e.name == "Protection" && s.regions[e.region].start == 0x401000;
        QVERIFY(noted);
        const Region *anon = regionAt(s, 0x600000);
        QVERIFY(anon);
        QCOMPARE(anon->end, Address(0x604000));
        QCOMPARE(anon->type, RegionType::Private);
        QCOMPARE(anon->protection.toString(), std::string("rw-p"));
        QVERIFY(!anon->hasCounter(Counter::Pss));
        const Region *stack = regionAt(s, 0x7ffd0000);
        QVERIFY(stack);
        QCOMPARE(stack->labelKind, LabelKind::MainStack);
        QCOMPARE(regionAt(s, 0x500000)->type, RegionType::Free);
        // Shared anonymous memory is shared whatever the core does not say.
        const Region *shared = regionAt(s, 0x7ffd0000 - 0x10000);
        QVERIFY(shared);
        QCOMPARE(shared->protection.toString(), std::string("r--s"));
        QCOMPARE(shared->labelKind, LabelKind::SharedAnon);
        QCOMPARE(shared->type, RegionType::Mapped);
        // p_filesz < p_memsz: the first two pages are held, the other two not.
        auto pages = postMortemPages(*dump, 0x600000, 0x604000);
        QVERIFY(pages.ok());
        QCOMPARE(pages->size(), std::size_t(4));
        QCOMPARE((*pages)[1].state, PageState::Anon);
        QVERIFY((*pages)[1].exclusive);
        QCOMPARE((*pages)[2].state, PageState::None);
        QVERIFY(!(*pages)[2].exclusive);
        QCOMPARE(dump->held.size(), std::size_t(4));
        QCOMPARE(dump->held[2].end, Address(0x602000));
    }

    // Many file ranges around the segments: each split into the part with contents and the parts without.
    void elfCoreManyFileRanges()
    {
        std::vector<CoreSegment> segs;
        std::vector<CoreFile> files;
        for (Address i = 0; i < 100; ++i) {
            const Address base = 0x10000000 + i * 0x10000;
            segs.push_back({ base + 0x1000, 0x1000, 0x1000, 6 });
            files.push_back({ base, base + 0x3000, 0, "/lib/f" + std::to_string(i) });
        }
        auto dump = parse(buildElfCore(segs, files), DumpFormat::ElfCore);
        QVERIFY2(dump.ok(), dump.ok() ? "" : dump.error().message.c_str());
        const Snapshot &s = dump->snapshot;
        for (Address i = 0; i < 100; ++i) {
            const Address base = 0x10000000 + i * 0x10000;
            const std::string path = "/lib/f" + std::to_string(i);
            for (Address k = 0; k < 3; ++k) {
                const Region *r = regionAt(s, base + k * 0x1000);
                QVERIFY(r);
                QCOMPARE(r->start, base + k * 0x1000);
                QCOMPARE(r->end, base + (k + 1) * 0x1000);
                QCOMPARE(r->path(), path);
                QCOMPARE(r->offset, k * 0x1000);
                QCOMPARE(r->protection.toString(), std::string(k == 1 ? "rw-p" : "r--p"));
            }
        }
    }

    // Mappings above the usual top of the user address space: no Free row up to a top below them.
    void elfCoreAboveTheTop()
    {
        auto dump = parse(buildElfCore({ { 0x400000, 0x1000, 0x1000, 4 }, { 0x800000000000, 0x1000, 0x1000, 6 } }, {}),
            DumpFormat::ElfCore);
        QVERIFY(dump.ok());
        const auto &regions = dump->snapshot.regions;
        for (std::size_t i = 1; i < regions.size(); ++i)
            QVERIFY(regions[i].start == regions[i - 1].end);
        QCOMPARE(regions.back().end, Address(0x800000001000));
    }

    void minidumpExact()
    {
        auto dump = parse(buildMinidump(windowsRegions(), { { 0x140000000, 0x4000, "C:\\app\\demo.exe" } },
                              { { 0x10000, 0x2000 }, { 0x140000000, 0x1000 } }),
            DumpFormat::Minidump);
        QVERIFY2(dump.ok(), dump.ok() ? "" : dump.error().message.c_str());
        const Snapshot &s = dump->snapshot;
        QCOMPARE(s.pid, Pid(4242));
        QCOMPARE(s.platform, std::string("windows"));
        QCOMPARE(s.processName, std::string("demo.exe"));
        QCOMPARE(s.timestampMs, std::int64_t(1700000000) * 1000);
        struct Expect
        {
            Address start, end;
            RegionType type;
            RegionState state;
            const char *protection;
        };
        const Expect expected[] = {
            { 0x10000, 0x12000, RegionType::Private, RegionState::Committed, "rw-p" },
            { 0x12000, 0x20000, RegionType::Private, RegionState::Reserved, "---p" },
            { 0x50000000, 0x50001000, RegionType::Private, RegionState::Committed, "rw-p" },
            { 0x140000000, 0x140001000, RegionType::Image, RegionState::Committed, "r--s" },
            { 0x140001000, 0x140003000, RegionType::Image, RegionState::Committed, "r-xs" },
            { 0x140003000, 0x140004000, RegionType::Image, RegionState::Committed, "rw-c" },
            { 0x7ff000000000, 0x7ff000010000, RegionType::Mapped, RegionState::Committed, "r--s" },
        };
        std::size_t used = 0;
        for (const Region &r : s.regions)
            used += r.type != RegionType::Free;
        QCOMPARE(used, std::size(expected));
        for (const Expect &e : expected) {
            const Region *r = regionAt(s, e.start);
            QVERIFY(r);
            QCOMPARE(r->start, e.start);
            QCOMPARE(r->end, e.end);
            QCOMPARE(r->type, e.type);
            QCOMPARE(r->state, e.state);
            QCOMPARE(r->protection.toString(), std::string(e.protection));
            if (r->state == RegionState::Committed)
                QVERIFY(!r->hasCounter(Counter::Rss));
        }
        QCOMPARE(regionAt(s, 0x140001000)->path(), std::string("C:\\app\\demo.exe"));
        QCOMPARE(regionAt(s, 0x10000)->path(), std::string());
        QCOMPARE(regionAt(s, 0x50000000)->labelKind, LabelKind::Guard);
        // Slack up to the 64 KiB boundary after an allocation is Unusable, as live.
        const Region *slack = regionAt(s, 0x50001000);
        QCOMPARE(slack->end, Address(0x50010000));
        QCOMPARE(slack->use, RegionUse::Unusable);
        QCOMPARE(s.regions.back().end, Address(0x7fffffff0000));
        int bases = 0;
        for (const ExtraField &e : s.extras)
            bases += e.name == "AllocationBase";
        QCOMPARE(bases, 4); // 0x10000, 0x50000000, 0x140000000, 0x7ff000000000
        auto pages = postMortemPages(*dump, 0x10000, 0x14000);
        QVERIFY(pages.ok());
        QCOMPARE(pages->size(), std::size_t(4));
        QCOMPARE((*pages)[0].state, PageState::Anon);
        QCOMPARE((*pages)[1].state, PageState::Anon);
        QCOMPARE((*pages)[2].state, PageState::None);
        pages = postMortemPages(*dump, 0x140000000, 0x140002000);
        QCOMPARE((*pages)[0].state, PageState::File);
        QCOMPARE((*pages)[1].state, PageState::None);
    }

    // The directory alone, as vmatlas.exe dump checks a dump dbghelp wrote: which streams it lists, or why not.
    void minidumpStreamTypes()
    {
        const std::string dmp = buildMinidump(windowsRegions(), { { 0x140000000, 0x4000, "C:\\demo.exe" } }, {});
        auto types = vmatlas::minidumpStreamTypes(*memorySource(dmp), "demo.dmp");
        QVERIFY2(types.ok(), types.ok() ? "" : types.error().message.c_str());
        QCOMPARE(*types, (std::vector<std::uint32_t> { 4, 7, 9, 15, 16 }));
        std::string noInfo = dmp;
        put(noInfo, 32, 0, 4); // the directory's first entry (MemoryInfoListStream) becomes unused
        types = vmatlas::minidumpStreamTypes(*memorySource(noInfo), "demo.dmp");
        QVERIFY(types.ok());
        QCOMPARE(*types, (std::vector<std::uint32_t> { 4, 7, 9, 15 }));
        types = vmatlas::minidumpStreamTypes(*memorySource(std::string_view(dmp).substr(0, 200)), "demo.dmp");
        QVERIFY(!types.ok());
        QVERIFY2(types.error().message.rfind("demo.dmp: ", 0) == 0
                && types.error().message.find("(truncated)") != std::string::npos,
            types.error().message.c_str());
        types = vmatlas::minidumpStreamTypes(*memorySource("MDMQ and more than thirty-two bytes...."), "x.dmp");
        QVERIFY(!types.ok() && types.error().message.find("not a minidump") != std::string::npos);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("elf");
        QTest::addColumn<QString>("message");
        const std::vector<CoreSegment> segs = { { 0x400000, 0x1000, 0x1000, 4 }, { 0x600000, 0x2000, 0x2000, 6 } };
        const std::string core = buildElfCore(segs, { { 0x400000, 0x401000, 0, "/bin/x" } });
        auto bytes = [](const std::string &s) { return QByteArray(s.data(), qsizetype(s.size())); };
        QTest::addRow("empty") << QByteArray() << true
                               << QStringLiteral("t.core: too short for an ELF header (0 bytes)");
        QTest::addRow("truncated in the segments' bytes")
            << bytes(core.substr(0, core.size() - 100)) << true
            << QStringLiteral("past the end of the file of %1 bytes (truncated core)").arg(core.size() - 100);
        std::string absurd = core;
        put(absurd, 56, 0xfff0, 2);
        QTest::addRow("absurd segment count")
            << bytes(absurd) << true << QStringLiteral("claims 65520 program headers at byte 64");
        QTest::addRow("overlapping segments")
            << bytes(buildElfCore({ { 0x400000, 0x2000, 0x1000, 4 }, { 0x401000, 0x1000, 0x1000, 4 } }, {})) << true
            << QStringLiteral("segments at 0x400000 and 0x401000 overlap");
        QTest::addRow("overlapping files")
            << bytes(buildElfCore(segs, { { 0x400000, 0x402000, 0, "/a" }, { 0x401000, 0x403000, 0, "/b" } })) << true
            << QStringLiteral("files at 0x400000 and 0x401000 overlap");
        std::string files = core;
        // NT_FILE count: the first 8 bytes of its descriptor, right after the third note's name.
        std::size_t at = 64 + 3 * 56;
        for (int n = 0; n < 2; ++n) {
            const std::uint32_t descsz
                = std::uint32_t(std::uint8_t(files[at + 4]) | (std::uint8_t(files[at + 5]) << 8));
            at += 12 + 8 + ((descsz + 3) & ~3u);
        }
        put(files, at + 12 + 8, 1000000, 8);
        QTest::addRow("absurd NT_FILE count")
            << bytes(files) << true << QStringLiteral("the NT_FILE note claims 1000000 files but holds room for 1");
        QTest::addRow("a segment off a page") << bytes(buildElfCore({ { 0x400400, 0x1000, 0x1000, 4 } }, {})) << true
                                              << QStringLiteral("segment 1 at 0x400400 does not start on a page");
        QTest::addRow("a file named like a kernel mapping")
            << bytes(buildElfCore(segs, { { 0x400000, 0x401000, 0, "[vsyscall]" } })) << true
            << QStringLiteral("the NT_FILE note names a file '[vsyscall]', a name only the kernel's own mappings have");
        std::string exec = core;
        put(exec, 16, 2, 2);
        QTest::addRow("not a core") << bytes(exec) << true
                                    << QStringLiteral("an ELF file but not a core dump (e_type 2)");
        std::string thirtyTwo = core;
        thirtyTwo[4] = 1;
        QTest::addRow("32-bit") << bytes(thirtyTwo) << true
                                << QStringLiteral("only 64-bit little-endian cores are read; this one is 32-bit");
        std::string bigMemsz = core;
        put(bigMemsz, 64 + 56 + 32, 0x2000, 8); // p_filesz of the first PT_LOAD above its p_memsz
        QTest::addRow("filesz over memsz")
            << bytes(bigMemsz) << true << QStringLiteral("segment 1 at 0x400000 holds more bytes than it spans");

        const std::string dmp
            = buildMinidump(windowsRegions(), { { 0x140000000, 0x4000, "C:\\demo.exe" } }, { { 0x10000, 0x2000 } });
        QTest::addRow("minidump: truncated stream") << bytes(
            dmp.substr(0, 200)) << false << QStringLiteral("runs past the end of the file of 200 bytes (truncated)");
        std::string count = dmp;
        put(count, streamAt(dmp, 16) + 8, 0x7fffffffULL, 8);
        QTest::addRow("minidump: absurd region count")
            << bytes(count) << false
            << QStringLiteral("its MemoryInfoListStream claims 2147483647 regions but holds room for 8");
        std::vector<DumpRegion> overlap = windowsRegions();
        overlap[1].base = 0x11000;
        QTest::addRow("minidump: overlapping regions") << bytes(buildMinidump(overlap, {}, {})) << false
                                                       << QStringLiteral("regions at 0x10000 and 0x11000 overlap");
        QTest::addRow("minidump: overlapping memory ranges")
            << bytes(buildMinidump(windowsRegions(), {}, { { 0x10000, 0x2000 }, { 0x11000, 0x1000 } })) << false
            << QStringLiteral("memory ranges at 0x10000 and 0x11000 overlap");
        std::vector<DumpRegion> unaligned = windowsRegions();
        unaligned[0].size = 0x1800;
        QTest::addRow("minidump: a region of part of a page") << bytes(
            buildMinidump(unaligned, {}, {})) << false << QStringLiteral("region 0 at 0x10000 is not whole pages");
        QTest::addRow("minidump: a module named like a kernel mapping")
            << bytes(buildMinidump(windowsRegions(), { { 0x140000000, 0x4000, "[vsyscall]" } }, {})) << false
            << QStringLiteral("module 1 is named '[vsyscall]', not a file path");
        std::string version = dmp;
        put(version, 4, 0x1234, 2);
        QTest::addRow("minidump: unknown version")
            << bytes(version) << false << QStringLiteral("a minidump of an unknown version (4660)");
        std::string noInfo = dmp;
        put(noInfo, 32, 0, 4); // the directory's first entry (MemoryInfoListStream) becomes unused
        QTest::addRow("minidump: no region list")
            << bytes(noInfo) << false << QStringLiteral("holds no MemoryInfoListStream");
        std::string modules = dmp;
        put(modules, streamAt(dmp, 4), 5000000, 4);
        QTest::addRow("minidump: absurd module count") << bytes(
            modules) << false << QStringLiteral("its ModuleListStream claims 5000000 modules but holds room for 1");
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, elf);
        QFETCH(QString, message);
        auto dump = parse(bytes.toStdString(), elf ? DumpFormat::ElfCore : DumpFormat::Minidump);
        QVERIFY(!dump.ok());
        QCOMPARE(dump.error().code, ErrorCode::BadInput);
        QVERIFY2(QString::fromStdString(dump.error().message).contains(message), dump.error().message.c_str());
        // Every prefix of a malformed dump is an error or a dump, never a crash.
        for (int cut = 0; cut < bytes.size(); cut += std::max<int>(1, int(bytes.size()) / 97)) {
            auto partial = parse(bytes.left(cut).toStdString(), elf ? DumpFormat::ElfCore : DumpFormat::Minidump);
            Q_UNUSED(partial);
        }
    }

    // The CLI on bad files and on Linux's dump: a plain message naming the cause, the usual exit codes.
    void cliErrors()
    {
        QTemporaryDir dir;
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(text, "hello"));
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--core"), text });
        QCOMPARE(r.code, 5);
        QVERIFY(r.err.startsWith("vmatlas: " + text.toUtf8() + ": not an ELF core file or a Windows minidump"));
        const QString bad = dir.filePath(QStringLiteral("bad.dmp"));
        QVERIFY(writeFile(bad, buildMinidump(windowsRegions(), {}, { { 0x10000, 0x2000 }, { 0x11000, 0x1000 } })));
        r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--core"), bad });
        QCOMPARE(r.code, 5);
        QCOMPARE(r.err, "vmatlas: " + bad.toUtf8() + ": memory ranges at 0x10000 and 0x11000 overlap\n");
        r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--core"), dir.filePath(QStringLiteral("none")) });
        QCOMPARE(r.code, 5);
        r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--core"), bad, QStringLiteral("--pid"),
            QStringLiteral("1") });
        QCOMPARE(r.code, 2);
        r = vmatlasRun({ QStringLiteral("dump"), QStringLiteral("--pid"), QString::number(::getpid()),
            QStringLiteral("--out"), dir.filePath(QStringLiteral("x.dmp")) });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("runs only in the Windows build"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.dmp"))));
        // A good minidump through the CLI.
        const QString good = dir.filePath(QStringLiteral("good.dmp"));
        QVERIFY(writeFile(good, buildMinidump(windowsRegions(), { { 0x140000000, 0x4000, "C:\\demo.exe" } }, {})));
        r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--core"), good });
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("\n0x140001000,0x140003000,8192,Image,Committed,r-xs,0x0,00:00,0,C:\\demo.exe,"),
            r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestPostMortem)
#include "tst_postmortem.moc"
