// Diff of two snapshots, and of two page scans.
#include "diff.h"
#include "livetier.h"
#include "pages.h"

#include "testutil.h"

#include <QTest>

using namespace vmatlas;

namespace {

Region region(Address start, Address end, const char *prot = "rw-p", const char *path = "")
{
    Region r;
    r.devMajor = 0;
    r.start = start;
    r.end = end;
    Protection::fromString(prot, r.protection);
    r.type = *path ? RegionType::Mapped : RegionType::Private;
    r.state = r.protection.accessible() ? RegionState::Committed : RegionState::Reserved;
    if (*path)
        r.pathPtr = std::make_shared<const std::string>(path);
    return r;
}

Region gap(Address start, Address end)
{
    Region r;
    r.start = start;
    r.end = end;
    r.protection.sharing = '-';
    return r;
}

} // namespace

class TestDiff : public QObject
{
    Q_OBJECT

private slots:
    void identicalIsEmpty()
    {
        Snapshot a;
        a.regions = { region(0x1000, 0x3000), gap(0x3000, 0x8000), region(0x8000, 0x9000, "r--p", "/lib.so") };
        QVERIFY(diffSnapshots(a, a).changes.empty());
    }

    void addedRemovedChanged()
    {
        Snapshot a, b;
        Region heap = region(0x10000, 0x20000, "rw-p", "[heap]");
        Region stack = region(0x7f0000, 0x800000, "rw-p", "[stack]");
        Region gone = region(0x30000, 0x31000, "r--p", "/gone.so");
        Region prot = region(0x40000, 0x41000, "---p");
        Region counters = region(0x50000, 0x51000);
        a.regions = { heap, gap(0x20000, 0x30000), gone, gap(0x31000, 0x40000), prot, counters, gap(0x51000, 0x7f0000),
            stack };

        Region heap2 = heap;
        heap2.end = 0x28000; // grew up: same start
        Region stack2 = stack;
        stack2.start = 0x7e0000; // grew down: same end
        Region prot2 = prot;
        prot2.protection.read = prot2.protection.write = true;
        prot2.state = RegionState::Committed;
        Region counters2 = counters;
        counters2.setCounter(Counter::Rss, 4096);
        Region added = region(0x60000, 0x62000, "rw-s", "/memfd:x (deleted)");
        b.regions = { heap2, gap(0x28000, 0x40000), prot2, counters2, gap(0x51000, 0x60000), added,
            gap(0x62000, 0x7e0000), stack2 };

        SnapshotDiff d = diffSnapshots(a, b);
        QCOMPARE(d.count(ChangeKind::Added), std::size_t(1));
        QCOMPARE(d.count(ChangeKind::Removed), std::size_t(1));
        QCOMPARE(d.count(ChangeKind::Changed), std::size_t(4));
        QCOMPARE(d.changes.size(), std::size_t(6));
        // Sorted by address.
        QCOMPARE(d.changes[0].kind, ChangeKind::Changed);
        QCOMPARE(d.changes[0].fields, std::uint32_t(ChangedBounds));
        QCOMPARE(d.changes[0].before.end, Address(0x20000));
        QCOMPARE(d.changes[0].after.end, Address(0x28000));
        QCOMPARE(d.changes[1].kind, ChangeKind::Removed);
        QCOMPARE(d.changes[1].before.path(), std::string("/gone.so"));
        QCOMPARE(d.changes[2].fields, std::uint32_t(ChangedProtection | ChangedState));
        QCOMPARE(d.changes[3].fields, std::uint32_t(ChangedCounters));
        QCOMPARE(d.changes[4].kind, ChangeKind::Added);
        QCOMPARE(d.changes[4].after.path(), std::string("/memfd:x (deleted)"));
        QCOMPARE(d.changes[5].fields, std::uint32_t(ChangedBounds));
        QCOMPARE(d.changes[5].after.start, Address(0x7e0000));

        const std::string csv = diffToCsv(d);
        QVERIFY(csv.rfind("change,start,end,size,type,state,protection,path,changed,before_start,before_end,"
                          "before_protection,before_state,rss_before,rss,swap_before,swap,pss_before,pss,host\n",
                    0)
            == 0);
        QVERIFY(csv.find("changed,0x40000,0x41000,4096,Private,Committed,rw-p,,protection state,0x40000,0x41000,---p,"
                         "Reserved,0,0,0,0,0,0,\n")
            != std::string::npos);
        // Added: no counters before. Removed: none after.
        QVERIFY(csv.find("added,0x60000,0x62000,8192,Mapped,Committed,rw-s,/memfd:x (deleted),,,,,,,0,,0,,0,\n")
            != std::string::npos);
        QVERIFY2(csv.find("removed,0x30000,0x31000,4096,Mapped,Committed,r--p,/gone.so,,0x30000,0x31000,r--p,Committed,"
                          "0,,0,,0,,\n")
                != std::string::npos,
            csv.c_str());
        QVERIFY(csv.find("changed,0x50000,0x51000,4096,Private,Committed,rw-p,,counters,0x50000,0x51000,rw-p,Committed,"
                         "0,4096,0,0,0,0,\n")
            != std::string::npos);
        const std::string text = diffToText(d);
        QVERIFY(text.rfind("1 added, 1 removed, 4 changed\n", 0) == 0);
        QVERIFY(text.find("removed 0x30000-0x31000 Mapped Committed r--p /gone.so") != std::string::npos);
        QVERIFY2(text.find("[counters] rss 0 B -> 4.00 KiB\n") != std::string::npos, text.c_str());
    }

    void pssOnlyChange()
    {
        // Only PSS changed (another process mapped the same pages): the report says so, not "rss 64 kB -> 64 kB".
        Snapshot a, b;
        Region r = region(0x10000, 0x20000, "r--s", "/dev/shm/x");
        r.setCounter(Counter::Rss, 65536);
        r.setCounter(Counter::Pss, 65536);
        a.regions = { r };
        r.setCounter(Counter::Pss, 32768);
        b.regions = { r };
        SnapshotDiff d = diffSnapshots(a, b);
        QCOMPARE(d.changes.size(), std::size_t(1));
        const std::string text = diffToText(d);
        QVERIFY2(text.find("[counters] pss 64.0 KiB -> 32.0 KiB\n") != std::string::npos, text.c_str());
        QVERIFY(text.find("rss") == std::string::npos);
        const std::string csv = diffToCsv(d);
        QVERIFY2(csv.find(",/dev/shm/x,counters,0x10000,0x20000,r--s,Committed,65536,65536,0,0,65536,32768,\n")
                != std::string::npos,
            csv.c_str());
    }

    // Snapshots read over ssh name their host in the last column; a counter a live tick did not read is empty.
    void csvNamesTheHostAndLeavesUnreadCountersEmpty()
    {
        Snapshot a, b;
        a.host = b.host = "alice@build-01";
        Region r = region(0x10000, 0x20000, "rw-p", "");
        r.setCounter(Counter::Rss, 4096);
        a.regions = { r };
        r.setCounter(Counter::Rss, 8192);
        r.unknownCounters = kAllCounterBits & ~kLiveCounters; // a live tick: RSS and swap, not PSS
        b.regions = { r };
        const std::string csv = diffToCsv(diffSnapshots(a, b));
        QVERIFY2(
            csv.find(",counters,0x10000,0x20000,rw-p,Committed,4096,8192,0,0,0,,alice@build-01\n") != std::string::npos,
            csv.c_str());
    }

    void pageChanges()
    {
        std::vector<PageInfo> before = { { 0x1000, PageState::File, false }, { 0x2000, PageState::File, false },
            { 0x3000, PageState::None, false } };
        std::vector<PageInfo> after = { { 0x1000, PageState::File, false }, { 0x2000, PageState::Anon, true },
            { 0x3000, PageState::None, false }, { 0x4000, PageState::Anon, true } };
        auto changes = diffPages(before, after);
        QCOMPARE(changes.size(), std::size_t(2));
        QCOMPARE(changes[0].address, Address(0x2000));
        QCOMPARE(changes[0].before.state, PageState::File);
        QCOMPARE(changes[0].after.state, PageState::Anon);
        QVERIFY(changes[0].after.exclusive);
        QCOMPARE(changes[1].address, Address(0x4000));
        QCOMPARE(changes[1].before.state, PageState::None);
    }

    void decodeEntries_data()
    {
        QTest::addColumn<quint64>("entry");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("exclusive");
        QTest::addRow("not present") << quint64(0) << int(PageState::None) << false;
        QTest::addRow("present anon exclusive")
            << quint64((1ULL << 63) | (1ULL << 56) | 1234) << int(PageState::Anon) << true;
        QTest::addRow("present file") << quint64((1ULL << 63) | (1ULL << 61)) << int(PageState::File) << false;
        QTest::addRow("swapped") << quint64((1ULL << 62) | 0x55) << int(PageState::Swap) << false;
        QTest::addRow("guard sets 58 and 62: not swap")
            << quint64((1ULL << 62) | (1ULL << 58)) << int(PageState::Guard) << false;
        QTest::addRow("soft-dirty ignored") << quint64(1ULL << 55) << int(PageState::None) << false;
    }
    void decodeEntries()
    {
        QFETCH(quint64, entry);
        QFETCH(int, state);
        QFETCH(bool, exclusive);
        PageInfo p = decodePagemapEntry(0x5000, entry);
        QCOMPARE(int(p.state), state);
        QCOMPARE(p.exclusive, exclusive);
        QCOMPARE(p.address, Address(0x5000));
    }
};

QTEST_GUILESS_MAIN(TestDiff)
#include "tst_diff.moc"
