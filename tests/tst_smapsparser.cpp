// The smaps/maps parser and the classification, on /proc text captured on this machine
// (tests/data: bash, python with a memfd, a deleted file and a name with a newline, a JVM).
#include "classify.h"
#include "csv.h"
#include "smapsparser.h"
#include "snapshotjson.h"
#include "testutil.h"
#include "totals.h"

#include <QTest>

using namespace vmatlas;
using vmatlas::test::readTestData;

class TestSmapsParser : public QObject
{
    Q_OBJECT

private:
    static Snapshot classified(const char *fixture)
    {
        auto parsed = parseSmaps(readTestData(fixture));
        if (!parsed)
            qFatal("%s: %s", fixture, parsed.error().message.c_str());
        ProcessContext ctx;
        ctx.pid = 42;
        ctx.userSpaceTop = 0x7ffffffff000; // the fixtures come from x86-64
        return classify(std::move(parsed).value(), ctx);
    }

    static const Region *findPath(const Snapshot &s, const std::string &path, std::size_t nth = 0)
    {
        for (const Region &r : s.regions)
            if (r.path() == path && nth-- == 0)
                return &r;
        return nullptr;
    }

private slots:
    void mapsAndSmapsAgree_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addRow("bash") << QStringLiteral("bash");
        QTest::addRow("python with memfd, deleted file, odd names") << QStringLiteral("python");
        QTest::addRow("jvm with big reservations") << QStringLiteral("jvm");
    }
    void mapsAndSmapsAgree()
    {
        QFETCH(QString, name);
        const std::string mapsText = readTestData((name + QStringLiteral(".maps")).toLatin1().constData());
        auto maps = parseSmaps(mapsText);
        auto smaps = parseSmaps(readTestData((name + QStringLiteral(".smaps")).toLatin1().constData()));
        QVERIFY2(maps.ok(), maps.ok() ? "" : maps.error().message.c_str());
        QVERIFY2(smaps.ok(), smaps.ok() ? "" : smaps.error().message.c_str());
        const auto lines = std::count(mapsText.begin(), mapsText.end(), '\n');
        QCOMPARE(qsizetype(maps->mappings.size()), qsizetype(lines));
        QCOMPARE(maps->mappings.size(), smaps->mappings.size());
        for (std::size_t i = 0; i < maps->mappings.size(); ++i) {
            const Region &a = maps->mappings[i];
            const Region &b = smaps->mappings[i];
            QCOMPARE(a.start, b.start);
            if (a.path() != "[heap]") // python's heap grew between the two reads
                QCOMPARE(a.end, b.end);
            QCOMPARE(a.protection, b.protection);
            QCOMPARE(a.offset, b.offset);
            QCOMPARE(a.inode, b.inode);
            QCOMPARE(a.path(), b.path());
            QCOMPARE(b.kernelPageSize(), 4096ULL);
            QVERIFY(b.vmFlags != 0 || b.path() == "[vsyscall]");
        }
        QVERIFY(smaps->extras.empty()); // this kernel prints nothing the parser does not know
    }

    void decodesNames()
    {
        auto s = classified("python.smaps");
        const Region *memfd = findPath(s, "/memfd:vmatlas section (deleted)");
        QVERIFY(memfd);
        QCOMPARE(memfd->type, RegionType::Mapped);
        QCOMPARE(memfd->protection.toString(), std::string("rw-s"));
        QCOMPARE(memfd->size(), std::uint64_t(65536));
        QCOMPARE(memfd->labelKind, LabelKind::Memfd); // a section, not a deleted file
        QCOMPARE(memfd->label(), std::string("shared section (memfd: vmatlas section)"));

        const Region *weird = nullptr;
        for (const Region &r : s.regions)
            if (r.path().find("weird name") != std::string::npos)
                weird = &r;
        QVERIFY(weird);
        QVERIFY2(weird->path().find("\"quotes\"\nand newline.bin") != std::string::npos, weird->path().c_str());
        QVERIFY(weird->path().find("/tmp/vmatlas cap ") == 0);
        QCOMPARE(weird->type, RegionType::Mapped); // a private mapping of a data file
        QCOMPARE(weird->protection.toString(), std::string("r--p"));

        const Region *deleted = nullptr;
        for (const Region &r : s.regions)
            if (r.path().find("deleted file.bin (deleted)") != std::string::npos)
                deleted = &r;
        QVERIFY(deleted);
        QCOMPARE(deleted->type, RegionType::Mapped);
        QCOMPARE(deleted->labelKind, LabelKind::Deleted);
    }

    void classifiesBash()
    {
        auto s = classified("bash.smaps");
        // The program: every mapping of /usr/bin/bash is Image, data segments included.
        int bashMappings = 0;
        for (const Region &r : s.regions) {
            if (r.path() == "/usr/bin/bash") {
                ++bashMappings;
                QCOMPARE(r.type, RegionType::Image);
                QCOMPARE(r.state, RegionState::Committed);
            }
        }
        QCOMPARE(bashMappings, 5);
        const Region *heap = findPath(s, "[heap]");
        QVERIFY(heap);
        QCOMPARE(heap->type, RegionType::Private);
        QCOMPARE(heap->labelKind, LabelKind::Heap);
        QCOMPARE(heap->start, Address(0x55a7a34f9000));
        QCOMPARE(heap->size(), std::uint64_t(0x21000));
        QCOMPARE(findPath(s, "[stack]")->labelKind, LabelKind::MainStack);
        QCOMPARE(findPath(s, "[stack]")->type, RegionType::Private);
        for (const char *k : { "[vdso]", "[vvar]", "[vvar_vclock]", "[vsyscall]" })
            QCOMPARE(findPath(s, k)->type, RegionType::Image);
        QCOMPARE(findPath(s, "/usr/lib/locale/C.utf8/LC_CTYPE")->type, RegionType::Mapped);
        QCOMPARE(findPath(s, "/usr/lib/x86_64-linux-gnu/libc.so.6", 0)->type, RegionType::Image);
        QCOMPARE(findPath(s, "/usr/lib/x86_64-linux-gnu/libc.so.6", 4)->protection.toString(), std::string("rw-p"));
        QCOMPARE(findPath(s, "/usr/lib/x86_64-linux-gnu/libc.so.6", 4)->type, RegionType::Image); // data of an image

        // Gaps: a Free row from 0 to the first mapping, between every two non-adjacent mappings and from the
        // highest one to the top of user space; [vsyscall] after it, with no Free row up to it.
        QCOMPARE(s.regions.front().type, RegionType::Free);
        QCOMPARE(s.regions.front().start, Address(0));
        QCOMPARE(s.regions.back().path(), std::string("[vsyscall]"));
        const Region &top = s.regions[s.regions.size() - 2];
        QCOMPARE(top.type, RegionType::Free);
        QCOMPARE(top.end, Address(0x7ffffffff000));
        QVERIFY(s.regions[s.regions.size() - 3].type != RegionType::Free);
        for (std::size_t i = 1; i < s.regions.size() - 1; ++i) {
            QCOMPARE(s.regions[i].start, s.regions[i - 1].end);
            if (s.regions[i].type == RegionType::Free) {
                QCOMPARE(s.regions[i].state, RegionState::Free);
                QVERIFY(s.regions[i - 1].type != RegionType::Free);
                QVERIFY(s.regions[i + 1].type != RegionType::Free);
            }
        }
    }

    void sectionsAndImages()
    {
        // Captured lines (Linux 6.18): shmem sections, hugetlb, a program run from a memfd, a shared view of an
        // image file.
        const std::string text = "400000-401000 r--p 00000000 00:01 1025 /memfd:runme (deleted)\n"
                                 "401000-402000 r-xp 00001000 00:01 1025 /memfd:runme (deleted)\n"
                                 "402000-403000 rw-p 00002000 00:01 1025 /memfd:runme (deleted)\n"
                                 "7f0000000000-7f0000010000 rw-s 00000000 00:01 2048 /memfd:jit (deleted)\n"
                                 "7f0000010000-7f0000020000 rw-s 00000000 00:01 42 /SYSV0000002a (deleted)\n"
                                 "7f0000020000-7f0000030000 rw-s 00000000 00:01 4096 /dev/zero (deleted)\n"
                                 "7f0000200000-7f0000400000 rw-p 00000000 00:10 77 /anon_hugepage (deleted)\n"
                                 "7f0000400000-7f0000600000 rw-s 00000000 00:10 78 /anon_hugepage (deleted)\n"
                                 "7f0000600000-7f0000601000 r-xp 00000000 fe:00 500 /usr/lib/libx.so\n"
                                 "7f0000601000-7f0000602000 r--s 00000000 fe:00 500 /usr/lib/libx.so\n"
                                 "7f0000602000-7f0000603000 r--p 00000000 fe:00 600 /tmp/gone.bin (deleted)\n";
        auto parsed = parseSmaps(text);
        QVERIFY(parsed.ok());
        ProcessContext ctx;
        ctx.executablePath = "/memfd:runme (deleted)"; // /proc/PID/exe of a program started with fexecve
        Snapshot s = classify(std::move(parsed).value(), ctx);
        auto at = [&](Address a) -> const Region & { return s.regions[std::size_t(s.indexOf(a))]; };
        for (Address a : { 0x400000, 0x401000, 0x402000 }) {
            QCOMPARE(at(a).type, RegionType::Image);
            QCOMPARE(at(a).labelKind, LabelKind::Program);
        }
        QCOMPARE(at(0x7f0000000000).type, RegionType::Mapped);
        QCOMPARE(at(0x7f0000000000).labelKind, LabelKind::Memfd);
        QCOMPARE(at(0x7f0000000000).label(), std::string("shared section (memfd: jit)"));
        QCOMPARE(at(0x7f0000010000).type, RegionType::Mapped);
        QCOMPARE(at(0x7f0000010000).labelKind, LabelKind::SysvShm);
        QCOMPARE(at(0x7f0000010000).label(), std::string("SysV shared memory"));
        QCOMPARE(at(0x7f0000020000).type, RegionType::Mapped);
        QCOMPARE(at(0x7f0000020000).labelKind, LabelKind::SharedAnon);
        QCOMPARE(at(0x7f0000020000).label(), std::string("shared anonymous memory"));
        QCOMPARE(at(0x7f0000200000).type, RegionType::Private); // private hugetlb: anonymous private memory
        QCOMPARE(at(0x7f0000200000).labelKind, LabelKind::None);
        QCOMPARE(at(0x7f0000400000).type, RegionType::Mapped);
        QCOMPARE(at(0x7f0000400000).labelKind, LabelKind::SharedAnon);
        // A file mapped executable here and also MAP_SHARED: the shared view is Mapped (any MAP_SHARED is).
        QCOMPARE(at(0x7f0000600000).type, RegionType::Image);
        QCOMPARE(at(0x7f0000601000).type, RegionType::Mapped);
        QCOMPARE(at(0x7f0000602000).labelKind, LabelKind::Deleted);
        for (LabelKind k : { LabelKind::Memfd, LabelKind::SysvShm, LabelKind::SharedAnon }) {
            LabelKind back = LabelKind::None;
            QVERIFY(labelKindFromKey(labelKindKey(k), back));
            QCOMPARE(back, k);
        }
    }

    void runningThreadStackByPattern()
    {
        // Captured from a process whose one other thread was spinning: no stack pointer, so the pattern finds it.
        const std::string text = "7f4311f3d000-7f4311f3e000 ---p 00000000 00:00 0\n"
                                 "7f4311f3e000-7f431273e000 rw-p 00000000 00:00 0\n"
                                 "7f4312800000-7f4312801000 ---p 00000000 00:00 0\n"
                                 "7f4312801000-7f4312802000 rw-p 00000000 00:00 0\n";
        auto classifyWith = [&](std::vector<std::int32_t> running) {
            ProcessContext ctx;
            ctx.runningThreads = std::move(running);
            ctx.threadStackSize = 8 << 20;
            return classify(parseSmaps(text).value(), ctx);
        };
        Snapshot s = classifyWith({ 4321 });
        auto at = [&](Address a) -> const Region & { return s.regions[std::size_t(s.indexOf(a))]; };
        QCOMPARE(at(0x7f4311f3e000).labelKind, LabelKind::ThreadStackByPattern);
        QCOMPARE(at(0x7f4311f3e000).label(), std::string("thread stack (TID 4321, found by pattern)"));
        QCOMPARE(at(0x7f4311f3d000).labelKind, LabelKind::Guard);
        QCOMPARE(at(0x7f4312800000).labelKind, LabelKind::Reservation); // not the stack size
        QCOMPARE(at(0x7f4312801000).labelKind, LabelKind::None);
        // Two running threads, one match: which thread is not known.
        s = classifyWith({ 4321, 4322 });
        QCOMPARE(at(0x7f4311f3e000).label(), std::string("likely a thread stack (found by pattern)"));
        // No running thread: no guessing.
        s = classifyWith({});
        QCOMPARE(at(0x7f4311f3e000).labelKind, LabelKind::None);
        QCOMPARE(at(0x7f4311f3d000).labelKind, LabelKind::Reservation);
    }

    void totalsMatchRollup()
    {
        // bash.smaps and bash.smaps_rollup were read back to back from an idle shell.
        auto s = classified("bash.smaps");
        Totals t = computeTotals(s);
        const std::string rollup = readTestData("bash.smaps_rollup");
        auto field = [&](const char *name) {
            auto pos = rollup.find(std::string("\n") + name + ":");
            return std::stoull(rollup.substr(rollup.find(':', pos) + 1)) * 1024;
        };
        QCOMPARE(t.all.rss, field("Rss"));
        QCOMPARE(t.all.swap, field("Swap"));
        // Pss: the rollup sums exact values, smaps rounds each region down to a kB.
        QVERIFY(t.all.pss <= field("Pss"));
        QVERIFY(field("Pss") - t.all.pss < 1024 * s.regions.size());
        QCOMPARE(t.all.rss, t.of(RegionType::Image).rss + t.of(RegionType::Mapped).rss + t.of(RegionType::Private).rss);
        std::uint64_t largestFree = 0;
        for (const Region &r : s.regions)
            if (r.type == RegionType::Free)
                largestFree = std::max(largestFree, r.size());
        QCOMPARE(t.of(RegionType::Free).largest, largestFree);
    }

    // The regions a range touches, and its totals, agree with a walk over every region: ranges inside one
    // region, across several, ending on a boundary, past the last, before the first.
    void regionsTouchingAndRangeTotals()
    {
        auto s = classified("bash.smaps");
        QVERIFY(s.regions.size() > 10);
        const Region &mid = s.regions[s.regions.size() / 2];
        const Address last = s.regions.back().end;
        const std::pair<Address, Address> ranges[] = { { mid.start, mid.start + 4096 },
            { mid.start - 4096, mid.end + 4096 }, { mid.start, mid.end }, { mid.end, mid.end + 1 },
            { s.regions[1].start + 1, s.regions[8].end - 1 }, { last, last + 4096 }, { 0, 1 }, { 0, last } };
        for (const auto &[a, b] : ranges) {
            std::vector<const Region *> walked;
            TypeTotals byWalk;
            for (const Region &r : s.regions)
                if (r.end > a && r.start < b) {
                    walked.push_back(&r);
                    if (r.type != RegionType::Free) {
                        byWalk.size += std::min(r.end, b) - std::max(r.start, a);
                        byWalk.rss += r.counter(Counter::Rss);
                    }
                }
            const auto touching = s.regionsTouching(a, b);
            QCOMPARE(touching.size(), walked.size());
            for (std::size_t i = 0; i < walked.size(); ++i)
                QCOMPARE(&touching[i], walked[i]);
            const TypeTotals t = rangeTotals(s, a, b);
            QCOMPARE(t.size, byWalk.size);
            QCOMPARE(t.rss, byWalk.rss);
        }
    }

    // The reader reserves room for vm.max_map_count regions; the rows are the same whether the room is given
    // back (the window keeps snapshots) or kept (the command line exits), with or without gaps to insert.
    void reservedRoomGivesTheSameRows()
    {
        for (const char *fixture : { "bash.smaps", "jvm.smaps" }) {
            // A field this parser does not know in the 20th mapping: an extra that must still name its region.
            std::string text = readTestData(fixture);
            std::size_t at = 0;
            for (int i = 0; i < 20; ++i)
                at = text.find("\nRss:", at + 1);
            QVERIFY(at != std::string::npos);
            text.insert(at + 1, "NewCounter:           12 kB\n");
            ProcessContext ctx;
            ctx.pid = 42;
            ctx.userSpaceTop = 0x7ffffffff000;
            auto parsedPlain = parseSmaps(text);
            QVERIFY(parsedPlain);
            const Snapshot plain = classify(std::move(parsedPlain).value(), ctx);
            QCOMPARE(plain.extras.size(), std::size_t(1));
            QCOMPARE(plain.regions[plain.extras[0].region].start, parseSmaps(text)->mappings[19].start);
            for (Address top : { Address(0x7ffffffff000), Address(0) }) { // no top: no gap after the last
                ctx.userSpaceTop = top;
                for (bool trim : { true, false }) {
                    SmapsParser parser;
                    parser.reserve(5000);
                    // In pieces, as the reader hands them over.
                    for (std::size_t at = 0; at < text.size(); at += 4000)
                        QVERIFY(parser.feed(std::string_view(text).substr(at, 4000)));
                    auto parsed = parser.finish();
                    QVERIFY(parsed);
                    QVERIFY(parsed->mappings.capacity() >= 5000);
                    ctx.trimCapacity = trim;
                    const Snapshot s = classify(std::move(parsed).value(), ctx);
                    if (trim)
                        QVERIFY(s.regions.capacity() <= s.regions.size() + s.regions.size() / 8);
                    else
                        QVERIFY(s.regions.capacity() >= 5000);
                    if (top) {
                        QVERIFY(s.extras == plain.extras); // each still names its region
                        QCOMPARE(s.regions.size(), plain.regions.size());
                        for (std::size_t i = 0; i < s.regions.size(); ++i)
                            QVERIFY2(s.regions[i] == plain.regions[i], qPrintable(QString::number(i)));
                    }
                    QCOMPARE(regionsToCsv(s).empty(), false);
                    QCOMPARE(s.regions.front().start, Address(0));
                    QVERIFY(s.regions.back().end > s.regions.front().end);
                    for (std::size_t i = 1; i < s.regions.size(); ++i)
                        QVERIFY(s.regions[i].start >= s.regions[i - 1].end);
                }
            }
        }
    }

    void jvmReservations()
    {
        auto s = classified("jvm.smaps");
        const Region *reserved = nullptr;
        for (const Region &r : s.regions)
            if (r.start == 0x7fddfc050000)
                reserved = &r;
        QVERIFY(reserved);
        QCOMPARE(reserved->end, Address(0x7fde3c000000));
        QCOMPARE(reserved->type, RegionType::Private);
        QCOMPARE(reserved->state, RegionState::Reserved);
        QCOMPARE(reserved->labelKind, LabelKind::Reservation);
        QCOMPARE(reserved->counter(Counter::Rss), std::uint64_t(0));
        // The modules file is mapped shared, read-only: Mapped, not Image.
        const Region *modules = findPath(s, "/usr/lib/jvm/java-17-openjdk-amd64/lib/modules");
        QVERIFY(modules);
        QCOMPARE(modules->type, RegionType::Mapped);
        QCOMPARE(modules->protection.sharing, 's');
        Totals t = computeTotals(s);
        QVERIFY(t.of(RegionType::Private).size - t.of(RegionType::Private).committed >= (1ULL << 30));
    }

    void unknownFieldsKept()
    {
        const std::string text = "7f0000000000-7f0000002000 rw-p 00000000 00:00 0 \n"
                                 "Size:                  8 kB\n"
                                 "Rss:                   4 kB\n"
                                 "NewCounter:           12 kB\n"
                                 "VmFlags: rd wr zz mr\n";
        auto p = parseSmaps(text);
        QVERIFY(p.ok());
        QCOMPARE(p->mappings.size(), std::size_t(1));
        QCOMPARE(p->mappings[0].counter(Counter::Rss), std::uint64_t(4096));
        QCOMPARE(vmFlagsToString(p->mappings[0].vmFlags), std::string("rd wr mr"));
        // The kernel's text stays as it was, in its order, the unknown letter in its place.
        QCOMPARE(p->mappings[0].vmFlagsText(), std::string("rd wr zz mr"));
        QCOMPARE(p->extras.size(), std::size_t(1));
        QCOMPARE(p->extras[0].name, std::string("NewCounter"));
        QCOMPARE(p->extras[0].value, std::string("12 kB"));
        QVERIFY(p->mappings[0].path().empty());
    }

    void vmFlagsKeptAsTheKernelWroteThem()
    {
        // Linux 6.18 prints "gu" (a VMA that may hold guard regions) before "ac"; an unknown "zz" and the
        // kernel's "??" stay in place; the CSV and JSON columns carry the text unchanged, and read it back.
        const std::string text = "7f0000000000-7f0000001000 rw-p 00000000 00:00 0\n"
                                 "VmFlags: rd wr mr mw me gu ac zz ?? \n";
        auto parsed = parseSmaps(text);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->mappings[0].vmFlagsText(), std::string("rd wr mr mw me gu ac zz ??"));
        QVERIFY(parsed->extras.empty());
        Snapshot s = classify(std::move(parsed).value(), ProcessContext {});
        const std::string json = snapshotToJson(s);
        QVERIFY(json.find("\"vm_flags\":\"rd wr mr mw me gu ac zz ??\"") != std::string::npos);
        auto back = snapshotFromJson(json, "x.json");
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(snapshotToJson(*back), json);
        QVERIFY(*back == s);
        const std::string csv = regionsToCsv(s);
        QVERIFY(csv.find(",rd wr mr mw me gu ac zz ??,") != std::string::npos);
        auto rows = regionsFromCsv(csv);
        QVERIFY(rows.ok());
        QCOMPARE(rows->at(1).vmFlagsText(), std::string("rd wr mr mw me gu ac zz ??"));
        // Not mnemonics: refused on load.
        std::string bad = json;
        bad.replace(bad.find("gu ac"), 5, "gu\\nac");
        QVERIFY(!snapshotFromJson(bad, "x.json").ok());
    }

    // The flags of the last few mappings are remembered: alternating texts, and a text with an unknown token
    // (whose extras belong to each mapping that carries it), come out as if each were read alone.
    void repeatedVmFlagsAreEachTheirOwn()
    {
        const char *flags[] = { "rd mr mw me ac ", "rd wr mr mw me ac ", "rd mr mw me ac ", "rd wr mr mw me ac ",
            "rd ex mr mw me zzz ", "rd ex mr mw me zzz ", "rd wr mr mw me ac ", "rd mr mw me ac " };
        std::string text;
        for (int i = 0; i < 8; ++i) {
            char header[80];
            std::snprintf(
                header, sizeof header, "7f00000%02x000-7f00000%02x000 rw-p 00000000 00:00 0\n", 2 * i, 2 * i + 1);
            text += header;
            text += std::string("VmFlags: ") + flags[i] + "\n";
        }
        auto p = parseSmaps(text);
        QVERIFY(p.ok());
        QCOMPARE(p->mappings.size(), std::size_t(8));
        for (int i = 0; i < 8; ++i) {
            auto alone = parseSmaps(
                "7f0000000000-7f0000001000 rw-p 00000000 00:00 0\nVmFlags: " + std::string(flags[i]) + "\n");
            QVERIFY(alone.ok());
            QCOMPARE(p->mappings[std::size_t(i)].vmFlags, alone->mappings[0].vmFlags);
            QCOMPARE(p->mappings[std::size_t(i)].vmFlagsText(), alone->mappings[0].vmFlagsText());
        }
        QCOMPARE(vmFlagsToString(p->mappings[1].vmFlags), std::string("rd wr mr mw me ac"));
        QCOMPARE(p->extras.size(), std::size_t(2));
        QCOMPARE(p->extras[0].region, 4u);
        QCOMPARE(p->extras[1].region, 5u);
        QCOMPARE(p->extras[1].value, std::string("zzz"));
    }

    // The kernel's numeric lines are 28 bytes (name padded to 16, number in 8 columns, " kB"), read at fixed
    // places; the same numbers spaced otherwise, or wider than the columns, read the same.
    void kernelColumnsAndOtherSpacingAgree()
    {
        const std::string text = readTestData("jvm.smaps");
        std::string respaced;
        std::size_t fixedWidth = 0;
        for (std::size_t pos = 0; pos < text.size();) {
            const std::size_t nl = text.find('\n', pos);
            std::string line = text.substr(pos, nl - pos);
            pos = nl + 1;
            if (line.size() == 27 && line.compare(24, 3, " kB") == 0) {
                ++fixedWidth;
                const std::size_t colon = line.find(':');
                std::size_t digits = line.find_first_not_of(' ', colon + 1);
                line = line.substr(0, colon + 1) + " " + line.substr(digits);
            }
            respaced += line + "\n";
        }
        QVERIFY(fixedWidth > 1000);
        auto kernel = parseSmaps(text);
        auto other = parseSmaps(respaced);
        QVERIFY(kernel.ok());
        QVERIFY(other.ok());
        QCOMPARE(other->mappings.size(), kernel->mappings.size());
        for (std::size_t i = 0; i < kernel->mappings.size(); ++i)
            QVERIFY(other->mappings[i] == kernel->mappings[i]);
        // Nine digits push the column (a 1 TiB mapping's Size).
        auto wide = parseSmaps("7e0000000000-7f0000000000 rw-p 00000000 00:00 0\n"
                               "Size:           1073741824 kB\n"
                               "Rss:                    12 kB\n");
        QVERIFY2(wide.ok(), wide.ok() ? "" : wide.error().message.c_str());
        QCOMPARE(wide->mappings[0].counter(Counter::Rss), std::uint64_t(12 * 1024));
    }

    // The 8 columns of a kernel-layout line read as the kernel writes them, spaces then digits, and nothing else
    // (what the fast path refuses, the general one reads: spacing may hold tabs): columns filled from spaces,
    // digits and bytes that are neither, against a plain reading.
    void kernelColumnsEachByte()
    {
        const std::string head
            = "7f0000000000-7f0000002000 rw-p 00000000 00:00 0\n"
              "Size:                  8 kB\nKernelPageSize:        4 kB\nMMUPageSize:           4 kB\n";
        const char alphabet[] = { ' ', '0', '1', '5', '9', '/', ':', 'x', '\t', '\x80', '\xff', '\0' };
        std::uint32_t seed = 12345;
        auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
        int accepted = 0, refused = 0;
        for (int round = 0; round < 40000; ++round) {
            std::string cols(8, ' ');
            // Half are well-formed (k spaces, then digits), and one byte of those may be changed.
            const int spaces = int(next() >> 8) % 9;
            for (int i = spaces; i < 8; ++i)
                cols[std::size_t(i)] = char('0' + (next() >> 8) % 10);
            if (round % 2)
                cols[(next() >> 8) % 8] = alphabet[(next() >> 8) % sizeof alphabet];
            std::uint64_t expected = 0;
            std::size_t i = 0;
            while (i < 8 && (cols[i] == ' ' || cols[i] == '\t')) // a tab: the general path's spacing
                ++i;
            bool valid = i < 8;
            for (; i < 8 && valid; ++i) {
                valid = cols[i] >= '0' && cols[i] <= '9';
                expected = expected * 10 + std::uint64_t(cols[i] - '0');
            }
            const std::string text = head + "Rss:            " + cols + " kB\n";
            auto p = parseSmaps(text);
            QVERIFY2(p.ok() == valid, cols.c_str());
            if (!valid) {
                ++refused;
                continue;
            }
            ++accepted;
            QCOMPARE(p->mappings[0].counter(Counter::Rss), expected * 1024);
        }
        QVERIFY(accepted > 15000 && refused > 10000);
    }

    // THPeligible as Linux 6.2 on writes it (8 columns after the padded name) and as before (right after it):
    // 0 or 1, anything else refused with the line's number.
    void thpEligibleBothLayouts()
    {
        const std::string head
            = "7f0000000000-7f0000002000 rw-p 00000000 00:00 0\n"
              "Size:                  8 kB\nKernelPageSize:        4 kB\nMMUPageSize:           4 kB\n"
              "Rss:                   4 kB\nLocked:                0 kB\n";
        for (const char *line : { "THPeligible:           1\n", "THPeligible:    1\n", "THPeligible: 1\n" }) {
            auto p = parseSmaps(head + line + "VmFlags: rd wr mr mw me ac \n");
            QVERIFY2(p.ok(), line);
            QCOMPARE(int(p->mappings[0].thpEligible), 1);
            QCOMPARE(p->mappings[0].counter(Counter::Rss), std::uint64_t(4096));
        }
        for (const char *line : { "THPeligible:           7\n", "THPeligible:    7\n", "THPeligible:          10\n",
                 "THPeligible:          x1\n" }) {
            auto p = parseSmaps(head + line);
            QVERIFY2(!p.ok(), line);
            QVERIFY2(p.error().message.rfind("line 7:", 0) == 0, p.error().message.c_str());
        }
        auto zero = parseSmaps(head + "THPeligible:           0\n");
        QVERIFY(zero.ok());
        QCOMPARE(int(zero->mappings[0].thpEligible), 0);
    }

    void chunkedFeedingIsTheSame_data()
    {
        QTest::addColumn<int>("chunk");
        for (int n : { 1, 7, 64, 4096, 65536 })
            QTest::addRow("%d-byte pieces", n) << n;
    }
    void chunkedFeedingIsTheSame()
    {
        QFETCH(int, chunk);
        const std::string text = readTestData("jvm.smaps");
        auto whole = parseSmaps(text);
        QVERIFY(whole.ok());
        SmapsParser parser;
        for (std::size_t i = 0; i < text.size(); i += std::size_t(chunk))
            QVERIFY(parser.feed(std::string_view(text).substr(i, std::size_t(chunk))));
        auto pieces = parser.finish();
        QVERIFY(pieces.ok());
        QCOMPARE(pieces->mappings.size(), whole->mappings.size());
        for (std::size_t i = 0; i < whole->mappings.size(); ++i)
            QVERIFY(pieces->mappings[i] == whole->mappings[i]);
        // An error in a later piece still names its line.
        SmapsParser bad;
        const std::size_t cut = text.rfind('\n', 1000) + 1;
        bad.feed(std::string_view(text).substr(0, cut));
        bad.feed("Rss: x kB\n");
        auto err = bad.finish();
        QVERIFY(!err.ok());
        const std::size_t line = std::size_t(std::count(text.begin(), text.begin() + std::ptrdiff_t(cut), '\n')) + 1;
        QVERIFY2(err.error().message.rfind("line " + std::to_string(line) + ":", 0) == 0, err.error().message.c_str());
    }

    void extrasFollowTheirRegionPastGaps()
    {
        const std::string text = "7f0000000000-7f0000001000 rw-p 00000000 00:00 0\nOdd: 1\n"
                                 "7f0000005000-7f0000006000 rw-p 00000000 00:00 0\nOdd: 2\n"
                                 "7f0000009000-7f000000a000 r-xp 00000000 00:00 0\nOdd: 3\n";
        auto parsed = parseSmaps(text);
        QVERIFY(parsed.ok());
        Snapshot s = classify(std::move(parsed).value(), ProcessContext {});
        QCOMPARE(s.regions.size(), std::size_t(6));
        QCOMPARE(s.regions[0].type, RegionType::Free); // from address 0
        QCOMPARE(s.regions[0].end, Address(0x7f0000000000));
        QCOMPARE(s.regions[2].type, RegionType::Free);
        QCOMPARE(s.regions[2].start, Address(0x7f0000001000));
        QCOMPARE(s.regions[2].end, Address(0x7f0000005000));
        QCOMPARE(s.regions[4].type, RegionType::Free);
        QCOMPARE(s.extras.size(), std::size_t(3));
        QCOMPARE(s.extras[0].region, 1u);
        QCOMPARE(s.extras[1].region, 3u);
        QCOMPARE(s.extras[2].region, 5u);
        QCOMPARE(s.extras[2].value, std::string("3"));
    }

    // Gaps go in place when the parser's array has room, else into an array of the exact size: the same rows.
    void gapsTheSameWithOrWithoutRoom()
    {
        const std::string text = readTestData("jvm.smaps") + "Odd: 9\n"; // it ends with [vsyscall]
        auto roomy = parseSmaps(text);
        auto tight = parseSmaps(text);
        QVERIFY(roomy.ok() && tight.ok());
        roomy->mappings.reserve(roomy->mappings.size() * 3);
        tight->mappings.shrink_to_fit();
        ProcessContext ctx;
        ctx.userSpaceTop = Address(1) << 47;
        const Snapshot a = classify(std::move(roomy).value(), ctx);
        const Snapshot b = classify(std::move(tight).value(), ctx);
        QCOMPARE(a.regions.size(), b.regions.size());
        for (std::size_t i = 0; i < a.regions.size(); ++i)
            QVERIFY2(a.regions[i] == b.regions[i], std::to_string(i).c_str());
        QCOMPARE(a.extras.size(), b.extras.size());
        QVERIFY(!a.extras.empty());
        for (std::size_t i = 0; i < a.extras.size(); ++i)
            QCOMPARE(a.extras[i].region, b.extras[i].region);
        QCOMPARE(b.regions.back().labelKind, LabelKind::Vsyscall);
        QCOMPARE(b.regions[b.regions.size() - 2].type, RegionType::Free);
        QCOMPARE(b.regions[b.regions.size() - 2].end, ctx.userSpaceTop);
        QCOMPARE(b.extras.back().region, std::uint32_t(b.regions.size() - 1));
    }

    void protectionKeyAndThp()
    {
        auto p = parseSmaps("7f0000000000-7f0000001000 r--p 00000000 00:00 0\nTHPeligible: 1\nProtectionKey: 3\n");
        QVERIFY(p.ok());
        QCOMPARE(p->mappings[0].thpEligible, std::uint8_t(1));
        QCOMPARE(p->mappings[0].protectionKey, std::int8_t(3));
    }

    // Fields in the kernel's order take a fast path; in any other order the general one. Both give the same.
    void fieldOrderDoesNotMatter()
    {
        const std::string text = readTestData("jvm.smaps");
        std::string reversed;
        std::vector<std::string_view> fields;
        auto flush = [&] {
            for (auto it = fields.rbegin(); it != fields.rend(); ++it)
                reversed.append(*it).append("\n");
            fields.clear();
        };
        for (std::size_t pos = 0; pos < text.size();) {
            const std::size_t nl = text.find('\n', pos);
            const std::string_view line(text.data() + pos, nl - pos);
            pos = nl + 1;
            const bool header = !line.empty() && std::isxdigit(static_cast<unsigned char>(line.front()))
                && line.find('-') < line.find(' ');
            if (header) {
                flush();
                reversed.append(line).append("\n");
            } else {
                fields.push_back(line);
            }
        }
        flush();
        QVERIFY(reversed != text);
        auto inOrder = parseSmaps(text);
        auto outOfOrder = parseSmaps(reversed);
        QVERIFY(inOrder.ok());
        QVERIFY2(outOfOrder.ok(), outOfOrder.ok() ? "" : outOfOrder.error().message.c_str());
        QCOMPARE(outOfOrder->mappings.size(), inOrder->mappings.size());
        for (std::size_t i = 0; i < inOrder->mappings.size(); ++i)
            QVERIFY(outOfOrder->mappings[i] == inOrder->mappings[i]);
        QVERIFY(inOrder->mappings.front().counter(Counter::Rss) > 0);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        const QByteArray good = "7f0000000000-7f0000002000 rw-p 00000000 00:00 0\nSize: 8 kB\n";
        QTest::addRow("truncated header") << good + "7f0000003000-7f00" << 3;
        QTest::addRow("no permissions") << QByteArray("7f0000000000-7f0000002000\n") << 1;
        QTest::addRow("bad permissions") << QByteArray("7f0000000000-7f0000002000 rwzp 00000000 00:00 0\n") << 1;
        QTest::addRow("garbage number") << good + "Rss: 12x kB\n" << 3;
        QTest::addRow("negative number") << good + "Rss: -4 kB\n" << 3;
        QTest::addRow("overflowing value") << good + "Rss: 99999999999999999999999 kB\n" << 3;
        QTest::addRow("overflow when scaled to bytes") << good + "Rss: 18014398509481984 kB\n" << 3;
        QTest::addRow("Size disagrees") << QByteArray("7f0000000000-7f0000002000 rw-p 00000000 00:00 0\nSize: 4 kB\n")
                                        << 2;
        QTest::addRow("field before any mapping") << QByteArray("Rss: 4 kB\n") << 1;
        QTest::addRow("end before start") << QByteArray("7f0000002000-7f0000001000 rw-p 00000000 00:00 0\n") << 1;
        QTest::addRow("overlapping ranges") << good + "7f0000001000-7f0000003000 rw-p 00000000 00:00 0\n" << 3;
        QTest::addRow("address too long") << QByteArray("17f0000000000000000-7f0000001000 rw-p 0 00:00 0\n") << 1;
        QTest::addRow("bad device") << QByteArray("7f0000000000-7f0000001000 rw-p 00000000 0g:00 0\n") << 1;
        QTest::addRow("bad inode") << QByteArray("7f0000000000-7f0000001000 rw-p 00000000 00:00 12a /x\n") << 1;
        QTest::addRow("junk line") << good + "\x01\x02 hello\n" << 3;
        QTest::addRow("THPeligible out of range") << good + "THPeligible: 7\n" << 3;
        // The same faults in the field the kernel prints next (the fast path's line).
        const QByteArray sized = good + "KernelPageSize: 4 kB\nMMUPageSize: 4 kB\n";
        QTest::addRow("next field: garbage number") << sized + "Rss: 12x kB\n" << 5;
        QTest::addRow("next field: overflow when scaled") << sized + "Rss: 18014398509481984 kB\n" << 5;
        QTest::addRow("next field: page size not a power of two") << good + "KernelPageSize: 3 kB\n" << 3;
        // In the kernel's 28-byte layout.
        QTest::addRow("kernel columns: garbage number") << sized + "Rss:                  1x kB\n" << 5;
        QTest::addRow("kernel columns: no digits") << sized + "Rss:                     kB\n" << 5;
        QTest::addRow("kernel columns: space between digits") << sized + "Rss:                 1 2 kB\n" << 5;
    }
    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        auto p = parseSmaps(std::string_view(text.constData(), std::size_t(text.size())));
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, ErrorCode::BadInput);
        const std::string expected = "line " + std::to_string(line) + ":";
        QVERIFY2(p.error().message.rfind(expected, 0) == 0, p.error().message.c_str());
    }

    void truncatedFixturesNeverCrash()
    {
        // Every prefix of a real smaps either parses or names a line.
        const std::string text = readTestData("python.smaps").substr(0, 20000);
        for (std::size_t n = 0; n < text.size(); n += 7) {
            auto p = parseSmaps(std::string_view(text).substr(0, n));
            if (!p.ok())
                QVERIFY(p.error().message.rfind("line ", 0) == 0);
        }
    }

    void unescape()
    {
        QCOMPARE(unescapeProcPath("/a\\012b"), std::string("/a\nb"));
        QCOMPARE(unescapeProcPath("/a\\01"), std::string("/a\\01"));
        QCOMPARE(unescapeProcPath("\\012\\012"), std::string("\n\n"));
    }
};

QTEST_GUILESS_MAIN(TestSmapsParser)
#include "tst_smapsparser.moc"
