// Use (what each region is for), the working-set columns per use and their reconciliation with
// /proc/PID/status: on a live child with one mapping of each use (testchild "usage"), on captured smaps
// text (glibc's decorate_maps names), on real runtimes (python3, java, node), and through the CLI.
#include "classify.h"
#include "csv.h"
#include "platform.h"
#include "smapsparser.h"
#include "snapshotjson.h"
#include "testutil.h"
#include "usage.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <map>
#include <sys/resource.h>

using namespace vmatlas;
using vmatlas::test::TestChild;

namespace QTest {
template <> inline char *toString(const vmatlas::RegionUse &u)
{
    return qstrdup(std::string(vmatlas::regionUseKey(u)).c_str());
}
} // namespace QTest

namespace {

constexpr std::uint64_t kPage = 4096, kMiB = 1024 * 1024;

// /proc/PID/smaps read independently of the parser: each mapping's start and its "Field: N kB" values.
std::map<Address, std::map<std::string, std::uint64_t>> smapsFields(Pid pid)
{
    std::map<Address, std::map<std::string, std::uint64_t>> out;
    const std::string text = vmatlas::test::readFileStd(QStringLiteral("/proc/%1/smaps").arg(pid));
    static const QRegularExpression header(QStringLiteral("^([0-9a-f]+)-[0-9a-f]+ "));
    static const QRegularExpression field(QStringLiteral("^(\\w+):\\s+(\\d+) kB$"));
    std::map<std::string, std::uint64_t> *current = nullptr;
    for (const QString &line : QString::fromStdString(text).split(QLatin1Char('\n'))) {
        if (auto m = header.match(line); m.hasMatch()) {
            current = &out[m.captured(1).toULongLong(nullptr, 16)];
        } else if (auto f = field.match(line); f.hasMatch() && current) {
            (*current)[f.captured(1).toStdString()] = f.captured(2).toULongLong() * 1024;
        }
    }
    return out;
}

std::uint64_t statusField(Pid pid, const char *name)
{
    const std::string text = vmatlas::test::readFileStd(QStringLiteral("/proc/%1/status").arg(pid));
    auto pos = text.find(std::string("\n") + name + ":");
    if (pos == std::string::npos)
        return ~0ULL;
    return std::stoull(text.substr(text.find(':', pos) + 1)) * 1024;
}

Address hexValue(const TestChild &c, const char *key)
{
    return c.value(QString::fromLatin1(key)).toULongLong(nullptr, 16);
}

const Region &regionAt(const Snapshot &s, Address a)
{
    auto i = s.indexOf(a);
    if (i < 0)
        qFatal("no region at %llx", static_cast<unsigned long long>(a));
    return s.regions[std::size_t(i)];
}

UseInfo infoAt(const Snapshot &s, Address a)
{
    return useInfo(s, std::size_t(s.indexOf(a)));
}

// A snapshot from captured smaps text, classified as readSnapshot would.
Snapshot fromText(const std::string &text, const ProcessFacts &facts = {})
{
    auto parsed = parseSmaps(text);
    if (!parsed)
        qFatal("%s", parsed.error().message.c_str());
    ProcessContext ctx;
    ctx.pid = 42;
    Snapshot s = classify(std::move(parsed).value(), ctx);
    assignUses(s, facts);
    return s;
}

std::string mapping(
    Address start, Address end, const char *perms, const char *path = "", const char *flags = "rd wr mr mw me ac")
{
    char line[256];
    std::snprintf(line, sizeof line, "%llx-%llx %s 00000000 00:00 0 %s\nSize: %llu kB\nRss: 0 kB\nVmFlags: %s\n",
        static_cast<unsigned long long>(start), static_cast<unsigned long long>(end), perms, path,
        static_cast<unsigned long long>((end - start) / 1024), flags);
    return line;
}

std::uint64_t useBytes(const Snapshot &s, RegionUse u)
{
    std::uint64_t total = 0;
    for (const Region &r : s.regions)
        if (r.use == u)
            total += r.size();
    return total;
}

struct CliResult
{
    int code = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(VMATLAS_BINARY), args);
    p.waitForFinished(60000);
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

} // namespace

class TestUsage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestChild m_child;
    Snapshot m_snap;
    ProcessFacts m_facts;

    // The columns of snap against smaps' fields; with verify, every difference fails the test.
    bool columnsAgree(
        const Snapshot &snap, const std::map<Address, std::map<std::string, std::uint64_t>> &fields, bool verify)
    {
        const Pid pid = m_child.pid();
        const UseTotals t = computeUseTotals(snap, m_facts);
        std::array<UseColumns, kRegionUseCount> expect {};
        std::uint64_t rssAll = 0;
        for (const Region &r : snap.regions) {
            UseColumns &e = expect[std::size_t(r.use)];
            e.size += r.size();
            e.blocks += 1;
            e.largest = std::max(e.largest, r.size());
            if (r.type == RegionType::Free)
                continue;
            e.committed += r.state == RegionState::Committed ? r.size() : 0;
            auto it = fields.find(r.start);
            if (it == fields.end()) {
                if (verify)
                    qFatal("no smaps entry at %s", hexAddress(r.start).c_str());
                return false;
            }
            auto f = it->second;
            e.privateBytes += f["Private_Clean"] + f["Private_Dirty"];
            e.privateWs += f["Private_Clean"] + f["Private_Dirty"];
            e.totalWs += f["Rss"];
            e.shareableWs += f["Rss"] - f["Anonymous"];
            e.sharedWs += f["Shared_Clean"] + f["Shared_Dirty"];
            e.lockedWs += f["Locked"];
            e.pss += f["Pss"];
            e.swap += f["Swap"];
            rssAll += f["Rss"];
        }
        for (RegionUse u : { RegionUse::Image, RegionUse::MappedFile, RegionUse::Shareable, RegionUse::Heap,
                 RegionUse::Stack, RegionUse::StackGuard, RegionUse::PrivateData }) {
            const UseColumns &got = t.of(u), &want = expect[std::size_t(u)];
            if (!verify && !(got == want))
                return false;
            [&] {
                QVERIFY2(got == want, std::string(regionUseKey(u)).c_str());
                QVERIFY2(got.blocks > 0, std::string(regionUseKey(u)).c_str());
            }();
        }
        [&] {
            // The shareable regions: 2 + 3 + 1 + 4 pages touched, all shmem, none anonymous.
            QCOMPARE(t.of(RegionUse::Shareable).totalWs, 10 * kPage);
            QCOMPARE(t.of(RegionUse::Shareable).shareableWs, 10 * kPage);
            QCOMPARE(t.of(RegionUse::Shareable).privateWs, 10 * kPage);
            // The page table row is VmPTE, and the total the RSS of every region (ps's RSS).
            QVERIFY(t.pageTableKnown);
            QCOMPARE(t.of(RegionUse::PageTable).size, statusField(pid, "VmPTE"));
            QCOMPARE(t.of(RegionUse::PageTable).totalWs, statusField(pid, "VmPTE"));
            QCOMPARE(t.of(RegionUse::PageTable).blocks, 0ULL);
            QCOMPARE(t.total.totalWs, rssAll);
            QCOMPARE(t.total.totalWs, statusField(pid, "VmRSS"));
        }();
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_child.start({ QStringLiteral("usage"), m_dir.path() }));
        auto snap = readSnapshot(m_child.pid());
        QVERIFY2(snap, snap ? "" : snap.error().message.c_str());
        m_snap = std::move(snap).value();
        auto facts = readProcessFacts(m_child.pid());
        QVERIFY(facts);
        m_facts = std::move(facts).value();
    }

    void keysAndNames()
    {
        for (std::size_t i = 0; i < kRegionUseCount; ++i) {
            const auto u = static_cast<RegionUse>(i);
            RegionUse back = RegionUse::Free;
            QVERIFY(regionUseFromKey(regionUseKey(u), back));
            QCOMPARE(back, u);
            QVERIFY(!regionUseName(u).empty());
        }
        QCOMPARE(regionUseKey(RegionUse::MappedFile), std::string_view("mapped_file"));
        QCOMPARE(regionUseKey(RegionUse::ManagedHeap), std::string_view("managed_heap"));
        QCOMPARE(regionUseKey(RegionUse::StackGuard), std::string_view("stack_guard"));
        QCOMPARE(regionUseKey(RegionUse::PrivateData), std::string_view("private_data"));
        QCOMPARE(regionUseKey(RegionUse::PageTable), std::string_view("page_table"));
        RegionUse u;
        QVERIFY(!regionUseFromKey("heaps", u));
        // The use took a padding byte; the bit set of counters not read (a live tick, a core) took the last 8 bytes.
        QVERIFY(sizeof(Region) <= 256);
    }

    void eachUseLive()
    {
        const Snapshot &s = m_snap;
        QCOMPARE(regionAt(s, hexValue(m_child, "small")).use, RegionUse::Heap);
        QCOMPARE(regionAt(s, hexValue(m_child, "small")).path(), std::string("[heap]"));
        // The second thread's arena: a 64 MiB-aligned rw-p heap and its ---p rest, together 64 MiB: a guess.
        const Address arena = hexValue(m_child, "arena");
        const Region &a = regionAt(s, arena);
        QCOMPARE(a.use, RegionUse::Heap);
        QCOMPARE(a.start % (64 * kMiB), 0ULL);
        const UseInfo ai = infoAt(s, arena);
        QCOMPARE(ai.confidence, UseConfidence::Likely);
        QVERIFY2(ai.evidence.find("glibc malloc arena") != std::string::npos, ai.evidence.c_str());
        QVERIFY(ai.evidence.rfind("likely: ", 0) == 0);
        const Region &rest = regionAt(s, a.end);
        QCOMPARE(rest.use, RegionUse::Heap);
        QCOMPARE(a.size() + rest.size(), 64 * kMiB);
        // The 1 MiB malloc is an mmap'd chunk with no marker: private data, certain.
        const UseInfo bi = infoAt(s, hexValue(m_child, "big"));
        QCOMPARE(bi.use, RegionUse::PrivateData);
        QCOMPARE(bi.confidence, UseConfidence::Certain);
        QVERIFY(bi.evidence.empty());
        for (const char *key : { "memfd", "sysv", "posix", "shanon" }) {
            QCOMPARE(regionAt(s, hexValue(m_child, key)).use, RegionUse::Shareable);
            QCOMPARE(infoAt(s, hexValue(m_child, key)).confidence, UseConfidence::Certain);
        }
        QCOMPARE(regionAt(s, hexValue(m_child, "private")).use, RegionUse::PrivateData);
        QCOMPARE(regionAt(s, hexValue(m_child, "file")).use, RegionUse::MappedFile);
        QCOMPARE(regionAt(s, hexValue(m_child, "cow")).use, RegionUse::MappedFile);
        // Stacks: the main one, the threads' with their TID, and the guard pages below them.
        bool mainStack = false, threadStack = false, guard = false;
        const int tid = m_child.value(QStringLiteral("tid")).toInt();
        for (std::size_t i = 0; i < s.regions.size(); ++i) {
            const Region &r = s.regions[i];
            if (r.labelKind == LabelKind::MainStack) {
                QCOMPARE(r.use, RegionUse::Stack);
                mainStack = true;
            }
            if (r.labelKind == LabelKind::ThreadStack) {
                QCOMPARE(r.use, RegionUse::Stack);
                QCOMPARE(useInfo(s, i).tid, r.tid);
                threadStack |= r.tid == tid;
            }
            if (r.labelKind == LabelKind::Guard) {
                QCOMPARE(r.use, RegionUse::StackGuard);
                guard = true;
            }
            if (r.type == RegionType::Image)
                QCOMPARE(r.use, RegionUse::Image);
            if (r.type == RegionType::Free)
                QCOMPARE(r.use, RegionUse::Free);
            QVERIFY(r.use != RegionUse::PageTable && r.use != RegionUse::Unusable);
        }
        QVERIFY(mainStack);
        QVERIFY(threadStack);
        QVERIFY(guard);
        // Only guesses carry notes, in region order.
        for (std::size_t k = 0; k < s.useNotes.size(); ++k) {
            QVERIFY(s.useNotes[k].evidence.rfind("likely: ", 0) == 0);
            QVERIFY(k == 0 || s.useNotes[k - 1].region < s.useNotes[k].region);
        }
        // The program is nothing managed: no rule guessed a managed heap.
        QCOMPARE(useBytes(s, RegionUse::ManagedHeap), 0ULL);
    }

    // Every column of every use equals the sums of smaps' own fields over that use's regions. Whether a
    // library page is private or shared (and its PSS) changes as other processes map and unmap the same
    // library, so a snapshot and the smaps read after it may differ: a few tries, the last one must agree.
    void columnsMatchSmaps()
    {
        for (int attempt = 0;; ++attempt) {
            auto snap = readSnapshot(m_child.pid());
            QVERIFY(snap);
            const auto fields = smapsFields(m_child.pid());
            if (columnsAgree(*snap, fields, false) || attempt == 4) {
                columnsAgree(*snap, fields, true);
                return;
            }
        }
    }

    void reconciliationIsExact()
    {
        const Pid pid = m_child.pid();
        const UseTotals t = computeUseTotals(m_snap, m_facts);
        const auto lines = reconcile(m_snap, t, m_facts);
        std::map<std::string, const ReconciliationLine *> byName;
        for (const ReconciliationLine &l : lines) {
            QVERIFY(l.kernelKnown);
            QVERIFY2(l.difference() == 0, (l.name + " " + std::to_string(l.difference())).c_str());
            QVERIFY(!l.explanation.empty());
            byName[l.name] = &l;
        }
        for (const char *name : { "VmRSS", "RssAnon", "RssFile", "RssShmem", "VmSwap", "VmPTE" }) {
            QVERIFY2(byName.count(name), name);
            QCOMPARE(byName[name]->kernel, statusField(pid, name));
        }
        // memfd 2 + SysV 3 + /dev/shm 1 + shared anonymous 4 pages.
        QCOMPARE(byName["RssShmem"]->regions, 10 * kPage);
        QVERIFY(byName["VmRSS"]->explanation.find("PSS") != std::string::npos);
        QVERIFY(byName["RssAnon"]->explanation.find("heap profiler") != std::string::npos);
        // Without status (a loaded snapshot) the lines say the kernel's side is not known.
        const ProcessFacts none = factsFromSnapshot(m_snap);
        for (const ReconciliationLine &l : reconcile(m_snap, computeUseTotals(m_snap, none), none))
            QVERIFY(!l.kernelKnown);
        QVERIFY(!computeUseTotals(m_snap, none).pageTableKnown);
    }

    void formatsCarryUse()
    {
        // JSON: "use" on every region, "use_evidence" on guesses; both back on loading.
        const std::string json = snapshotToJson(m_snap);
        QVERIFY(json.find("\"use\":\"shareable\"") != std::string::npos);
        QVERIFY(json.find("\"use_evidence\":\"likely: ") != std::string::npos);
        auto back = snapshotFromJson(json);
        QVERIFY(back);
        QVERIFY(*back == m_snap);
        QCOMPARE(back->useNotes, m_snap.useNotes);
        QCOMPARE(snapshotToJson(*back), json);
        // An older file without them: uses computed from what it holds (the arena guess included).
        std::string old = json;
        for (const char *key : { "\"use_evidence\":\"", "\"use\":\"" }) {
            for (auto pos = old.find(key); pos != std::string::npos; pos = old.find(key)) {
                auto end = old.find('"', pos + std::strlen(key));
                old.erase(pos, end + 2 - pos); // the value, its closing quote and the comma
            }
        }
        QVERIFY(old.find("\"use") == std::string::npos);
        auto computed = snapshotFromJson(old);
        QVERIFY2(computed, computed ? "" : computed.error().message.c_str());
        for (std::size_t i = 0; i < m_snap.regions.size(); ++i)
            QCOMPARE(computed->regions[i].use, m_snap.regions[i].use);
        QCOMPARE(computed->useNotes, m_snap.useNotes);
        auto bad = snapshotFromJson(
            std::string(json).replace(json.find("\"use\":\"shareable\""), 17, "\"use\":\"nothing\""));
        QVERIFY(!bad);
        QVERIFY(bad.error().message.find("unknown use 'nothing'") != std::string::npos);

        // CSV: the use column comes last but host; read back, and computed when missing.
        const std::string csv = regionsToCsv(m_snap);
        const std::string header = csv.substr(0, csv.find('\n'));
        QVERIFY(header.size() > 30 && header.compare(header.size() - 30, 30, ",tid,use,host,counters_read_ms") == 0);
        QCOMPARE(regionCsvColumns().back(), std::string_view("counters_read_ms"));
        QCOMPARE(regionCsvColumns().end()[-3], std::string_view("use"));
        auto rows = regionsFromCsv(csv);
        QVERIFY(rows);
        std::string noUse;
        for (const QString &line : QString::fromStdString(csv).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            noUse += line.left(line.lastIndexOf(QLatin1Char(','))).toStdString() + "\n";
        auto rowsOld = regionsFromCsv(noUse);
        QVERIFY2(rowsOld, rowsOld ? "" : rowsOld.error().message.c_str());
        QCOMPARE(rowsOld->size(), m_snap.regions.size());
        for (std::size_t i = 0; i < m_snap.regions.size(); ++i) {
            QCOMPARE((*rows)[i].use, m_snap.regions[i].use);
            QCOMPARE((*rowsOld)[i].use, m_snap.regions[i].use);
        }
    }

    // glibc 2.39+ names its mappings with glibc.mem.decorate_maps; glibc 2.36 here cannot, so the names
    // come as captured text. Named ones are certain; the shape alone is a guess; a misaligned one is not it.
    void glibcNamesCaptured()
    {
        const Address arena = 0x7f5a34000000; // 64 MiB-aligned
        std::string text = mapping(0x55d0c0a00000, 0x55d0c0a21000, "rw-p", "[heap]")
            + mapping(arena, arena + 0x21000, "rw-p", "[anon: glibc: malloc arena]")
            + mapping(arena + 0x21000, arena + 64 * kMiB, "---p", "[anon: glibc: malloc arena]", "mr mw me")
            + mapping(0x7f5a38000000, 0x7f5a38021000, "rw-p") // the same shape unnamed: likely
            + mapping(0x7f5a38021000, 0x7f5a3c000000, "---p", "", "mr mw me")
            + mapping(0x7f5a3c001000, 0x7f5a3c022000, "rw-p") // off the boundary: not an arena
            + mapping(0x7f5a3c022000, 0x7f5a40001000, "---p", "", "mr mw me")
            + mapping(0x7f5a40100000, 0x7f5a40201000, "rw-p", "[anon: glibc: malloc]")
            + mapping(0x7f5a40300000, 0x7f5a40401000, "rw-p") // an mmap'd chunk unnamed: private data
            + mapping(0x7f5a40500000, 0x7f5a40501000, "rw-p", "[anon: glibc: loader malloc]")
            + mapping(0x7f5a40600000, 0x7f5a40601000, "rw-p", "[anon:my cache]");
        const Snapshot s = fromText(text);
        QCOMPARE(infoAt(s, 0x55d0c0a00000).use, RegionUse::Heap);
        for (Address a : { arena, arena + 0x21000, Address(0x7f5a40100000), Address(0x7f5a40500000) }) {
            QCOMPARE(infoAt(s, a).use, RegionUse::Heap);
            QCOMPARE(infoAt(s, a).confidence, UseConfidence::Certain);
        }
        for (Address a : { Address(0x7f5a38000000), Address(0x7f5a38021000) }) {
            QCOMPARE(infoAt(s, a).use, RegionUse::Heap);
            QCOMPARE(infoAt(s, a).confidence, UseConfidence::Likely);
            QVERIFY(infoAt(s, a).evidence.find("HEAP_MAX_SIZE") != std::string::npos);
        }
        for (Address a :
            { Address(0x7f5a3c001000), Address(0x7f5a3c022000), Address(0x7f5a40300000), Address(0x7f5a40600000) })
            QCOMPARE(infoAt(s, a).use, RegionUse::PrivateData);
    }

    void windowsSlackSplit()
    {
        using vmatlas::test::region;
        Snapshot s;
        s.platform = "windows";
        s.regions = { region(0x10000, 0x11000), region(0x11000, 0x30000, RegionType::Free), region(0x30000, 0x40000),
            region(0x40000, 0x50000, RegionType::Free) };
        s.extras = { { 2, "AllocationBase", "0x30000" } };
        splitUnusableSlack(s);
        assignUses(s, factsFromSnapshot(s));
        QCOMPARE(s.regions.size(), std::size_t(5));
        QCOMPARE(s.regions[1].start, 0x11000ULL);
        QCOMPARE(s.regions[1].end, 0x20000ULL);
        QCOMPARE(s.regions[1].use, RegionUse::Unusable);
        QCOMPARE(s.regions[1].type, RegionType::Free);
        QCOMPARE(s.regions[2].use, RegionUse::Free);
        QCOMPARE(s.regions[2].start, 0x20000ULL);
        QCOMPARE(s.regions[4].use, RegionUse::Free);
        QCOMPARE(s.extras[0].region, 3U);
        const UseTotals t = computeUseTotals(s, factsFromSnapshot(s));
        QCOMPARE(t.of(RegionUse::Unusable).size, 0xf000ULL);
        QCOMPARE(t.total.size, 0x11000ULL); // neither free nor unusable
        // Linux has no such slack.
        s.platform = "linux";
        assignUses(s, factsFromSnapshot(s));
        QCOMPARE(s.regions[1].use, RegionUse::Free);
    }

    // CPython 3.11: obmalloc's 1 MiB arenas are the managed heap, bounded by the arena count Python reports.
    void python()
    {
        QString py = QStringLiteral("/usr/bin/python3");
        if (!QFile::exists(py))
            py = QStandardPaths::findExecutable(QStringLiteral("python3"));
        QVERIFY2(!py.isEmpty(), "python3 is needed");
        TestChild rt;
        QVERIFY(
            rt.start({ QStringLiteral("-c"),
                         QStringLiteral(
                             "import sys, io, contextlib\n"
                             "x = [object() for _ in range(400000)]\n"
                             "import re, os\n"
                             "r, w = os.pipe()\n"
                             "err = os.dup(2); os.dup2(w, 2); sys._debugmallocstats(); os.dup2(err, 2); os.close(w)\n"
                             "text = os.read(r, 1 << 20).decode()\n"
                             "print('arenas', re.search(r'# arenas allocated current\\s*=\\s*(\\d+)', text).group(1))\n"
                             "print('ready', flush=True)\n"
                             "sys.stdin.read()\n") },
                60000, py));
        const std::uint64_t arenas = rt.value(QStringLiteral("arenas")).toULongLong();
        QVERIFY(arenas >= 4);
        auto snap = readSnapshot(rt.pid());
        QVERIFY(snap);
        const std::uint64_t managed = useBytes(*snap, RegionUse::ManagedHeap);
        QVERIFY2(managed >= kMiB && managed <= arenas * kMiB,
            (std::to_string(managed) + " of " + std::to_string(arenas) + " arenas").c_str());
        for (std::size_t i = 0; i < snap->regions.size(); ++i) {
            if (snap->regions[i].use != RegionUse::ManagedHeap)
                continue;
            QCOMPARE(snap->regions[i].size() % kMiB, 0ULL);
            const UseInfo info = useInfo(*snap, i);
            QCOMPARE(info.confidence, UseConfidence::Likely);
            QVERIFY2(info.evidence.find("CPython obmalloc arenas") != std::string::npos, info.evidence.c_str());
            QVERIFY2(info.evidence.find("python 3.") != std::string::npos, info.evidence.c_str());
        }
        QVERIFY(useBytes(*snap, RegionUse::Heap) > 0);
    }

    void java_data()
    {
        QTest::addColumn<QString>("xmx");
        QTest::newRow("-Xmx256m") << QStringLiteral("-Xmx256m");
        QTest::newRow("default heap") << QString();
    }

    // OpenJDK: the Java heap is one run of anonymous mappings of MaxHeapSize (-Xmx, or 25% of RAM).
    void java()
    {
        QFETCH(QString, xmx);
        const QString java = QStandardPaths::findExecutable(QStringLiteral("java"));
        if (java.isEmpty())
            QSKIP("java is not installed");
        QFile src(m_dir.filePath(QStringLiteral("Wait.java")));
        QVERIFY(src.open(QIODevice::WriteOnly));
        src.write("public class Wait { public static void main(String[] a) throws Exception {\n"
                  "  Object[] o = new Object[100000]; for (int i = 0; i < o.length; i++) o[i] = new int[8];\n"
                  "  System.out.println(\"maxheap \" + Runtime.getRuntime().maxMemory());\n"
                  "  System.out.println(\"ready\"); System.out.flush(); System.in.read(); } }\n");
        src.close();
        QStringList args;
        if (!xmx.isEmpty())
            args << xmx;
        args << src.fileName();
        TestChild rt;
        QVERIFY(rt.start(args, 60000, java));
        auto snap = readSnapshot(rt.pid());
        QVERIFY(snap);
        auto facts = readProcessFacts(rt.pid());
        QVERIFY(facts);
        Address lo = ~Address(0), hi = 0;
        for (std::size_t i = 0; i < snap->regions.size(); ++i) {
            const Region &r = snap->regions[i];
            if (r.use != RegionUse::ManagedHeap)
                continue;
            lo = std::min(lo, r.start);
            hi = std::max(hi, r.end);
            QVERIFY(useInfo(*snap, i).evidence.find("the Java heap") != std::string::npos);
        }
        QVERIFY2(hi > lo, "no managed heap found");
        const std::uint64_t span = hi - lo;
        if (!xmx.isEmpty()) {
            QCOMPARE(span, 256 * kMiB);
        } else {
            const std::uint64_t want = facts->ramBytes / 4;
            QVERIFY2(span >= want && span <= want + 32 * kMiB,
                (std::to_string(span) + " vs " + std::to_string(want)).c_str());
        }
        // Every anonymous mapping inside the heap's range is Managed heap; nothing outside it is.
        for (const Region &r : snap->regions) {
            const bool inside = r.start >= lo && r.end <= hi;
            if (inside && r.type == RegionType::Private)
                QCOMPARE(r.use, RegionUse::ManagedHeap);
            if (!inside)
                QVERIFY(r.use != RegionUse::ManagedHeap);
        }
    }

    // node (V8 without pointer compression in Debian's build): the heap's 256 KiB-aligned chunks.
    void node()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        TestChild rt;
        QVERIFY(rt.start(
            { QStringLiteral("-e"),
                QStringLiteral(
                    "const a = []; for (let i = 0; i < 300000; i++) a.push({ i });\n"
                    "const v8 = require('v8'); const h = v8.getHeapStatistics();\n"
                    "console.log('heap ' + h.total_heap_size);\n"
                    "console.log('cage ' + (process.config.variables.v8_enable_pointer_compression ? 1 : 0));\n"
                    "console.log('ready');\n"
                    "process.stdin.on('data', () => {}); process.stdin.on('end', () => process.exit(0));\n") },
            60000, node));
        const std::uint64_t heap = rt.value(QStringLiteral("heap")).toULongLong();
        const bool cage = rt.value(QStringLiteral("cage")) == QLatin1String("1");
        auto snap = readSnapshot(rt.pid());
        QVERIFY(snap);
        const std::uint64_t managed = useBytes(*snap, RegionUse::ManagedHeap);
        if (cage) {
            QVERIFY(managed >= 4ULL << 30);
        } else {
            // V8's heap (total_heap_size: the pages it holds, but the code range and read-only space) is
            // within the regions found, which hold little else.
            QVERIFY2(managed >= heap / 2 && managed <= heap * 2,
                (std::to_string(managed) + " vs V8 heap " + std::to_string(heap)).c_str());
            for (const Region &r : snap->regions)
                if (r.use == RegionUse::ManagedHeap)
                    QCOMPARE(r.start % (256 * 1024), 0ULL);
        }
    }

    void cliSummary()
    {
        const QString pid = QString::number(m_child.pid());
        CliResult r = runCli({ QStringLiteral("summary"), QStringLiteral("--pid"), pid });
        QCOMPARE(r.code, 0);
        for (const char *word : { "Size", "Committed", "Private", "Total WS", "Private WS", "Shareable WS", "Shared WS",
                 "Locked WS", "Blocks", "Largest", "PSS", "Swap", "Image", "Mapped file", "Shareable", "Heap",
                 "Managed heap", "Stack guard", "Private data", "Page table", "Total", "VmRSS", "RssAnon", "RssFile",
                 "RssShmem", "VmSwap", "VmPTE", "Guessed uses", "glibc malloc arena" })
            QVERIFY2(r.out.contains(QLatin1String(word)), word);
        QVERIFY(!r.out.contains(QLatin1String("\nUnusable "))); // a row on Windows only
        // --csv -: the table alone, one row per use and the total, exact bytes.
        r = runCli(
            { QStringLiteral("summary"), QStringLiteral("--pid"), pid, QStringLiteral("--csv"), QStringLiteral("-") });
        QCOMPARE(r.code, 0);
        const QStringList rows = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.value(0),
            QStringLiteral("use,name,size,committed,private,total_ws,private_ws,shareable_ws,shared_ws,locked_ws,"
                           "blocks,largest,pss,swap,host"));
        QCOMPARE(rows.size(), int(kRegionUseCount) + 2);
        const QStringList pt = rows.filter(QStringLiteral("page_table,")).value(0).split(QLatin1Char(','));
        QCOMPARE(pt.value(2).toULongLong(), statusField(m_child.pid(), "VmPTE"));
        const QStringList shareable = rows.filter(QStringLiteral("shareable,")).value(0).split(QLatin1Char(','));
        QCOMPARE(shareable.value(5).toULongLong(), 10 * kPage);
        // --csv FILE: the file, and the text on standard output.
        const QString file = m_dir.filePath(QStringLiteral("summary.csv"));
        r = runCli({ QStringLiteral("summary"), QStringLiteral("--pid"), pid, QStringLiteral("--csv"), file });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("VmRSS")));
        QCOMPARE(QString::fromStdString(vmatlas::test::readFileStd(file))
                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                     .size(),
            int(kRegionUseCount) + 2);
        // snapshot shows the use.
        r = runCli({ QStringLiteral("snapshot"), QStringLiteral("--pid"), pid });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.section(QLatin1Char('\n'), 0, 0).endsWith(QLatin1String(",use,host,counters_read_ms")));
        QVERIFY(r.out.contains(QLatin1String(",shareable,,\n")));
    }

    void cliErrors()
    {
        CliResult r = runCli({ QStringLiteral("summary") });
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("--pid is required")));
        r = runCli({ QStringLiteral("summary"), QStringLiteral("--pid"), QStringLiteral("x1") });
        QCOMPARE(r.code, 2);
        r = runCli(
            { QStringLiteral("summary"), QStringLiteral("--pid"), QStringLiteral("1"), QStringLiteral("extra") });
        QCOMPARE(r.code, 2);
        r = runCli({ QStringLiteral("summary"), QStringLiteral("--pid"), QStringLiteral("999999999") });
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QLatin1String("999999999")));
        r = runCli({ QStringLiteral("summary"), QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("Usage: vmatlas summary --pid PID [--host DEST] [--csv FILE]")));
        r = runCli({ QStringLiteral("--help") });
        QVERIFY(r.out.contains(QLatin1String("vmatlas summary --pid PID [--host DEST] [--csv FILE]")));
        QVERIFY(r.out.contains(QLatin1String("vmatlas limits --pid PID [--json]")));
        if (!vmatlas::test::canRunAsNobody())
            QSKIP("needs root to run as nobody");
        QProcess p;
        vmatlas::test::startAsNobody(p, QStringLiteral(VMATLAS_BINARY),
            { QStringLiteral("summary"), QStringLiteral("--pid"), QString::number(m_child.pid()) });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 4);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QLatin1String("permission denied")));
    }

    void cleanupTestCase() { m_child.finish(); }
};

QTEST_GUILESS_MAIN(TestUsage)
#include "tst_usage.moc"
