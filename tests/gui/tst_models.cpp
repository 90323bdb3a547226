// The item models under QAbstractItemModelTester, live updates included.
#include "frame.h"
#include "processlistmodel.h"
#include "regionstab.h"
#include "regiontablemodel.h"
#include "summarymodel.h"
#include "testutil.h"
#include "usesummarymodel.h"
#include "viewstate.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QCursor>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolTip>

using namespace vmatlas;
using namespace vmatlas::ui;
using vmatlas::test::region;
using vmatlas::test::snapshotOf;

namespace {

// The Regions tab shown, following a view state.
struct ShownTab
{
    RegionsTab tab;
    ViewState state;
    explicit ShownTab(int width)
    {
        tab.observe(&state);
        tab.resize(width, 300);
        tab.show();
    }
};

// count regions of a page each, a page apart from 0x100000: region(start, end) made by make(i, start, end).
template <typename Make> std::vector<Region> pagesApart(int count, Make &&make)
{
    std::vector<Region> regions;
    for (int i = 0; i < count; ++i)
        regions.push_back(make(i, 0x100000 + Address(i) * 0x2000, 0x101000 + Address(i) * 0x2000));
    return regions;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void regionModelMergesLiveUpdates()
    {
        RegionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(
            snapshotOf({ region(0x1000, 0x2000, RegionType::Image, "/bin/a"), region(0x2000, 0x8000, RegionType::Free),
                region(0x8000, 0x9000), region(0x9000, 0xa000, RegionType::Mapped, "/tmp/x") }));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, RegionTableModel::Path).data().toString(), QStringLiteral("/bin/a"));
        QCOMPARE(model.index(0, RegionTableModel::Start).data().toString(), QStringLiteral("0x1000"));
        QCOMPARE(model.index(0, RegionTableModel::Size).data(RegionTableModel::SortRole).toULongLong(), 0x1000ULL);
        QCOMPARE(model.index(1, RegionTableModel::Type).data().toString(), QStringLiteral("Free"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // Only counters change: no structure signals, one dataChanged for that row.
        Region busy = region(0x8000, 0x9000);
        busy.setCounter(Counter::Rss, 4096);
        model.setSnapshot(snapshotOf({ region(0x1000, 0x2000, RegionType::Image, "/bin/a"),
            region(0x2000, 0x8000, RegionType::Free), busy, region(0x9000, 0xa000, RegionType::Mapped, "/tmp/x") }));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QVERIFY(changed.size() >= 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 2);
        QCOMPARE(model.index(2, RegionTableModel::Rss).data(RegionTableModel::SortRole).toULongLong(), 4096ULL);

        // A mapping appears in the gap, one disappears at the end.
        changed.clear();
        model.setSnapshot(snapshotOf({ region(0x1000, 0x2000, RegionType::Image, "/bin/a"),
            region(0x2000, 0x4000, RegionType::Free), region(0x4000, 0x5000, RegionType::Mapped, "/memfd:s"),
            region(0x5000, 0x8000, RegionType::Free), busy }));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(inserted.first().at(2).toInt(), 3);
        QCOMPARE(model.index(2, RegionTableModel::Path).data().toString(), QStringLiteral("/memfd:s"));
        QCOMPARE(model.index(1, RegionTableModel::End).data().toString(), QStringLiteral("0x4000"));
        QCOMPARE(model.index(4, RegionTableModel::Start).data().toString(), QStringLiteral("0x8000"));

        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 0);
    }

    void wholesaleChangeResets()
    {
        // Thousands of rows replaced: one reset, not thousands of inserts and removes.
        RegionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<Region> a, b;
        for (Address i = 0; i < 3000; ++i) {
            a.push_back(region(0x100000 + i * 0x2000, 0x101000 + i * 0x2000));
            b.push_back(region(0x101000 + i * 0x2000, 0x102000 + i * 0x2000));
        }
        model.setSnapshot(snapshotOf(a));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setSnapshot(snapshotOf(b));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.rowCount(), 3000);
        QCOMPARE(model.index(0, RegionTableModel::Start).data().toString(), QStringLiteral("0x101000"));
    }

    void diffMarksRows()
    {
        RegionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto before
            = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x3000, RegionType::Free), region(0x3000, 0x4000) });
        Region grown = region(0x3000, 0x5000);
        auto after = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x3000, RegionType::Mapped, "/new"), grown });
        model.setFrame(makeFrame(after, before));
        QVERIFY(!model.index(0, 0).data(RegionTableModel::ChangeRole).isValid());
        QCOMPARE(model.index(1, 0).data(RegionTableModel::ChangeRole).toInt(), int(ChangeKind::Added));
        QCOMPARE(model.index(2, 0).data(RegionTableModel::ChangeRole).toInt(), int(ChangeKind::Changed));
        QVERIFY(model.index(1, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
        // Without a diff (a file opened on its own), nothing is tinted.
        model.setSnapshot(after);
        QVERIFY(!model.changeAt(1));
    }

    void countersOnlyIsNotAChange()
    {
        // Another process maps the same library: its PSS moves here. That is a counter change: no row tint, just
        // the cells whose counters moved.
        RegionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Region lib = region(0x1000, 0x2000, RegionType::Image, "/usr/lib/libc.so.6");
        lib.setCounter(Counter::Rss, 4096);
        lib.setCounter(Counter::Pss, 4096);
        auto before = snapshotOf({ lib });
        lib.setCounter(Counter::Pss, 2048);
        auto after = snapshotOf({ lib });
        model.setFrame(makeFrame(after, before));
        QVERIFY(!model.changeAt(0));
        QVERIFY(!model.index(0, 0).data(RegionTableModel::ChangeRole).isValid());
        QVERIFY(model.index(0, 0).data(RegionTableModel::CountersChangedRole).toBool());
        QVERIFY(!model.index(0, RegionTableModel::Path).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(0, RegionTableModel::Rss).data(Qt::BackgroundRole).isValid());
        QVERIFY(model.index(0, RegionTableModel::Pss).data(Qt::BackgroundRole).isValid());
    }

    void growingStackIsChangedNotAdded()
    {
        // A stack grows down: its start moves, its end stays. The diff matches it by its end, and the table says
        // "changed", as the map does (matching by start alone called it "added").
        RegionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto before = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x8000, RegionType::Free),
            region(0x8000, 0x9000, RegionType::Private, "[stack]") });
        auto after = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x6000, RegionType::Free),
            region(0x6000, 0x9000, RegionType::Private, "[stack]") });
        const FramePtr frame = makeFrame(after, before);
        QCOMPARE(frame->diff.changes.size(), std::size_t(1));
        QCOMPARE(frame->diff.changes[0].kind, ChangeKind::Changed);
        model.setFrame(frame);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.changeAt(2), std::optional<ChangeKind>(ChangeKind::Changed));
        QCOMPARE(model.index(2, 0).data(RegionTableModel::ChangeRole).toInt(), int(ChangeKind::Changed));
        QVERIFY(!model.changeAt(0));
        QVERIFY(!model.changeAt(1)); // a gap is never tinted
    }

    void useSummaryRows()
    {
        // VMMap's table: a row per use, the working-set columns, the Page table row from VmPTE.
        UseSummaryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Region heap = region(0x1000, 0x5000, RegionType::Private, "[heap]");
        heap.use = RegionUse::Heap;
        heap.setCounter(Counter::Rss, 0x2000);
        heap.setCounter(Counter::PrivateDirty, 0x2000);
        heap.setCounter(Counter::Pss, 0x2000);
        Region lib = region(0x5000, 0x7000, RegionType::Image, "/lib/x.so");
        lib.use = RegionUse::Image;
        lib.setCounter(Counter::Rss, 0x2000);
        lib.setCounter(Counter::SharedClean, 0x2000);
        lib.setCounter(Counter::Pss, 0x1000);
        auto s = snapshotOf({ heap, lib });
        ProcessFacts facts;
        facts.haveStatus = true;
        facts.vmPte = 12288;
        const UseTotals totals = computeUseTotals(*s, facts);
        model.setTotals(totals);
        QCOMPARE(model.rowCount(), int(kRegionUseCount) + 1);
        int heapRow = -1, pageTableRow = -1, imageRow = -1;
        for (int r = 0; r < int(kRegionUseCount); ++r) {
            heapRow = UseSummaryModel::useOfRow(r) == RegionUse::Heap ? r : heapRow;
            pageTableRow = UseSummaryModel::useOfRow(r) == RegionUse::PageTable ? r : pageTableRow;
            imageRow = UseSummaryModel::useOfRow(r) == RegionUse::Image ? r : imageRow;
        }
        auto value = [&](int row, int column) {
            return model.index(row, column).data(UseSummaryModel::ValueRole).toULongLong();
        };
        QCOMPARE(value(heapRow, UseSummaryModel::Size), 0x4000ULL);
        QCOMPARE(value(heapRow, UseSummaryModel::Private), 0x2000ULL);
        QCOMPARE(value(heapRow, UseSummaryModel::PrivateWs), 0x2000ULL);
        QCOMPARE(value(imageRow, UseSummaryModel::SharedWs), 0x2000ULL);
        QCOMPARE(value(imageRow, UseSummaryModel::Pss), 0x1000ULL);
        QCOMPARE(model.index(pageTableRow, UseSummaryModel::Size).data().toString(), QStringLiteral("12.0 KiB"));
        // Committed, private and resident as well, as the command line's summary says; no sharing, no blocks.
        for (int column : { int(UseSummaryModel::Committed), int(UseSummaryModel::Private),
                 int(UseSummaryModel::TotalWs), int(UseSummaryModel::PrivateWs) })
            QCOMPARE(model.index(pageTableRow, column).data().toString(), QStringLiteral("12.0 KiB"));
        QCOMPARE(model.index(pageTableRow, UseSummaryModel::SharedWs).data().toString(), QString());
        QCOMPARE(value(UseSummaryModel::kTotalRow, UseSummaryModel::TotalWs), 0x4000ULL);
        QCOMPARE(model.headerData(heapRow, Qt::Vertical).toString(), QStringLiteral("Heap"));
        // Without the process's status (a saved file), the page table is not known.
        model.setTotals(computeUseTotals(*s, ProcessFacts {}));
        QCOMPARE(model.index(pageTableRow, UseSummaryModel::Size).data().toString(), QStringLiteral("not known"));
    }

    void useColumnSaysWhenItGuesses()
    {
        RegionTableModel model;
        Region arena = region(0x1000, 0x2000);
        arena.use = RegionUse::Heap;
        Region data = region(0x2000, 0x3000);
        data.use = RegionUse::PrivateData;
        auto s = std::make_shared<Snapshot>(*snapshotOf({ arena, data }));
        s->useNotes = { { 0, "likely: a glibc malloc arena (64 MiB-aligned)" } };
        model.setSnapshot(s);
        QCOMPARE(model.index(0, RegionTableModel::Use).data().toString(), QStringLiteral("Heap (likely)"));
        QCOMPARE(model.index(0, RegionTableModel::Use).data(Qt::ToolTipRole).toString(),
            QStringLiteral("likely: a glibc malloc arena (64 MiB-aligned)"));
        QCOMPARE(model.index(1, RegionTableModel::Use).data().toString(), QStringLiteral("Private data"));
        // VMMap's working-set columns per region.
        Region shared = region(0x3000, 0x5000, RegionType::Mapped, "/dev/shm/x");
        shared.setCounter(Counter::Rss, 0x2000);
        shared.setCounter(Counter::SharedDirty, 0x1000);
        shared.setCounter(Counter::PrivateDirty, 0x1000);
        model.setSnapshot(snapshotOf({ shared }));
        auto value = [&](int column) { return model.index(0, column).data(RegionTableModel::SortRole).toULongLong(); };
        QCOMPARE(value(RegionTableModel::Committed), 0x2000ULL);
        QCOMPARE(value(RegionTableModel::PrivateBytes), 0x1000ULL);
        QCOMPARE(value(RegionTableModel::PrivateWs), 0x1000ULL);
        QCOMPARE(value(RegionTableModel::SharedWs), 0x1000ULL);
        QCOMPARE(value(RegionTableModel::ShareableWs), useColumnsOf(shared).shareableWs);
    }

    void hostileNamesShownEscaped()
    {
        RegionTableModel model;
        model.setSnapshot(snapshotOf({ region(0x1000, 0x2000, RegionType::Mapped, "/tmp/a\nb"),
            region(0x2000, 0x3000, RegionType::Mapped, "/tmp/bad\xff"),
            region(0x3000, 0x4000, RegionType::Mapped,
                "/tmp/\xe2\x80\x8f"
                "rtl") }));
        QCOMPARE(model.index(0, RegionTableModel::Path).data().toString(), QStringLiteral("/tmp/a\\nb"));
        QCOMPARE(model.index(1, RegionTableModel::Path).data().toString(), QStringLiteral("/tmp/bad\\xff"));
        QCOMPARE(model.index(2, RegionTableModel::Path).data().toString(), QStringLiteral("/tmp/\\u200frtl"));
    }

    void filterModel()
    {
        RegionTableModel model;
        RegionFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshotOf({ region(0x1000, 0x2000, RegionType::Image, "/usr/lib/libc.so.6"),
            region(0x2000, 0x8000, RegionType::Free), region(0x8000, 0x9000, RegionType::Private, "[heap]"),
            region(0x9000, 0xa000, RegionType::Mapped, "/tmp/data.bin") }));
        QCOMPARE(filter.rowCount(), 4);
        filter.setTypeVisible(RegionType::Free, false);
        QCOMPARE(filter.rowCount(), 3);
        filter.setText(QStringLiteral("LIBC"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, RegionTableModel::Path).data().toString(), QStringLiteral("/usr/lib/libc.so.6"));
        filter.setText(QStringLiteral("0x9800")); // an address inside a region
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, RegionTableModel::Path).data().toString(), QStringLiteral("/tmp/data.bin"));
        filter.setText({});
        filter.setStateVisible(RegionState::Committed, false);
        QCOMPARE(filter.rowCount(), 0);
        filter.setStateVisible(RegionState::Committed, true);
        // Sorting by size puts the free gap last (it is hidden) and keeps numeric order.
        filter.setTypeVisible(RegionType::Free, true);
        filter.sort(RegionTableModel::Size, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, RegionTableModel::Type).data().toString(), QStringLiteral("Free"));
        // Live update through the proxy.
        model.setSnapshot(snapshotOf({ region(0x1000, 0x2000, RegionType::Image, "/usr/lib/libc.so.6"),
            region(0x2000, 0x8000, RegionType::Free) }));
        QCOMPARE(filter.rowCount(), 2);
    }

    void sortByEveryColumn()
    {
        // 3,000 rows of mixed kinds: each column sorts as RegionTableModel::lessThan orders it, ties by address,
        // both ways; after a refresh (new counters) the order follows the new values; the filter keeps it.
        auto make = [](std::uint64_t seed) {
            std::vector<Region> regions;
            Address a = 0x10000;
            auto lib = std::make_shared<const std::string>("/usr/lib/libz.so.1");
            auto data = std::make_shared<const std::string>("/srv/Data.bin");
            for (int i = 0; i < 3000; ++i) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                Region r;
                r.start = a;
                r.end = a + 4096 * (1 + (seed >> 40) % 9);
                r.type = RegionType(1 + (seed >> 20) % 3);
                r.state = (seed >> 30) % 5 ? RegionState::Committed : RegionState::Reserved;
                r.protection = { bool((seed >> 33) & 1), bool((seed >> 34) & 1), bool((seed >> 35) & 1),
                    (seed >> 36) & 1 ? 's' : 'p' };
                r.pathPtr = r.type == RegionType::Image ? lib : (r.type == RegionType::Mapped ? data : nullptr);
                r.labelKind = (seed >> 37) % 4 == 0 ? LabelKind::ThreadStack : LabelKind::None;
                r.tid = int((seed >> 41) % 50);
                r.setCounter(Counter::Rss, 4096 * ((seed >> 44) % 7));
                r.setCounter(Counter::Pss, 1024 * ((seed >> 47) % 5));
                r.inode = (seed >> 50) % 3;
                regions.push_back(r);
                a = r.end;
            }
            return snapshotOf(regions);
        };
        RegionTableModel model;
        RegionFilterModel filter;
        filter.setSourceModel(&model);
        const SnapshotPtr first = make(1);
        model.setSnapshot(first);
        auto check = [&](const Snapshot &s, int column, Qt::SortOrder order) {
            std::vector<const Region *> want;
            for (const Region &r : s.regions)
                want.push_back(&r);
            std::stable_sort(want.begin(), want.end(),
                [column](const Region *x, const Region *y) { return RegionTableModel::lessThan(*x, *y, column); });
            if (order == Qt::DescendingOrder)
                std::stable_sort(want.begin(), want.end(),
                    [column](const Region *x, const Region *y) { return RegionTableModel::lessThan(*y, *x, column); });
            QCOMPARE(filter.rowCount(), int(want.size()));
            for (int row = 0; row < filter.rowCount(); ++row) {
                const Region *got = model.regionAt(filter.mapToSource(filter.index(row, 0)).row());
                const bool same = !RegionTableModel::lessThan(*got, *want[std::size_t(row)], column)
                    && !RegionTableModel::lessThan(*want[std::size_t(row)], *got, column);
                if (!same)
                    qWarning("column %d row %d", column, row);
                QVERIFY(same);
            }
        };
        for (int column = 0; column < RegionTableModel::ColumnCount; ++column) {
            filter.sort(column, Qt::AscendingOrder);
            check(*first, column, Qt::AscendingOrder);
            filter.sort(column, Qt::DescendingOrder);
            check(*first, column, Qt::DescendingOrder);
        }
        // Ascending RSS, ties by address.
        filter.sort(RegionTableModel::Rss, Qt::AscendingOrder);
        for (int row = 1; row < filter.rowCount(); ++row) {
            const Region *x = model.regionAt(filter.mapToSource(filter.index(row - 1, 0)).row());
            const Region *y = model.regionAt(filter.mapToSource(filter.index(row, 0)).row());
            QVERIFY(x->counter(Counter::Rss) < y->counter(Counter::Rss)
                || (x->counter(Counter::Rss) == y->counter(Counter::Rss) && x->start < y->start));
        }
        // A refresh with other counters at the same addresses: the ranks are stale, the order is not.
        const SnapshotPtr second = make(1);
        auto changed = std::make_shared<Snapshot>(*second);
        for (std::size_t i = 0; i < changed->regions.size(); i += 3)
            changed->regions[i].setCounter(Counter::Rss, 4096 * (i % 11));
        model.setSnapshot(changed);
        check(*changed, RegionTableModel::Rss, Qt::AscendingOrder);
        // Filtering keeps the order: only the thread stacks of TID 7, or rows whose protection reads "rwx".
        filter.setText(QStringLiteral("TID 7)"));
        QVERIFY(filter.rowCount() > 0);
        for (int row = 0; row < filter.rowCount(); ++row) {
            const Region *r = model.regionAt(filter.mapToSource(filter.index(row, 0)).row());
            QCOMPARE(r->labelKind, LabelKind::ThreadStack);
            QCOMPARE(r->tid, 7);
            if (row > 0) {
                const Region *p = model.regionAt(filter.mapToSource(filter.index(row - 1, 0)).row());
                QVERIFY(p->counter(Counter::Rss) <= r->counter(Counter::Rss));
            }
        }
        filter.setText(QStringLiteral("DATA.BIN"));
        int mapped = 0;
        for (const Region &r : changed->regions)
            mapped += r.type == RegionType::Mapped;
        QCOMPARE(filter.rowCount(), mapped);
        filter.setText(QStringLiteral("rwx"));
        int rwx = 0;
        for (const Region &r : changed->regions)
            rwx += r.protection.read && r.protection.write && r.protection.execute;
        QCOMPARE(filter.rowCount(), rwx);
    }

    // A live refresh (a frame against the rows shown): counters that moved are reported in the counter columns
    // only, a changed layout in the whole row; a table sorted by RSS follows the new values, one sorted by address
    // stays in address order through inserts and removes.
    void liveFramesKeepTheSortOrder()
    {
        std::vector<Region> regions;
        for (Address i = 0; i < 3000; ++i) {
            Region r = region(0x100000 + i * 0x2000, 0x101000 + i * 0x2000, RegionType::Mapped, "/srv/data.bin");
            r.setCounter(Counter::Rss, 4096 * ((i * 7) % 13));
            regions.push_back(r);
        }
        const SnapshotPtr first = snapshotOf(regions);
        RegionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RegionFilterModel filter;
        filter.setSourceModel(&model);
        model.setFrame(makeFrame(first, nullptr));
        filter.sort(RegionTableModel::Rss, Qt::AscendingOrder);
        auto proxyRegion = [&](int row) { return model.regionAt(filter.mapToSource(filter.index(row, 0)).row()); };
        auto byRss = [&](const Snapshot &s) {
            QCOMPARE(filter.rowCount(), int(s.regions.size()));
            for (int row = 1; row < filter.rowCount(); ++row) {
                const Region *x = proxyRegion(row - 1), *y = proxyRegion(row);
                QVERIFY(x->counter(Counter::Rss) < y->counter(Counter::Rss)
                    || (x->counter(Counter::Rss) == y->counter(Counter::Rss) && x->start < y->start));
            }
        };
        byRss(*first);

        auto second = std::make_shared<Snapshot>(*first);
        for (std::size_t i = 0; i < second->regions.size(); i += 3)
            second->regions[i].setCounter(Counter::Rss, 4096 * (i % 17));
        second->regions[1500].pathPtr = std::make_shared<const std::string>("/srv/other.bin");
        second->regions.erase(second->regions.begin() + 10);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setFrame(makeFrame(second, first));
        byRss(*second);
        bool countersOnly = false, wholeRow = false;
        const int pathRow = model.rowOfRegion(1499); // the region whose path changed
        for (const auto &signal : changed) {
            const int left = signal.at(0).toModelIndex().column();
            countersOnly |= left == RegionTableModel::Rss;
            wholeRow |= left == 0 && signal.at(0).toModelIndex().row() <= pathRow
                && signal.at(1).toModelIndex().row() >= pathRow;
            QCOMPARE(signal.at(1).toModelIndex().column(), RegionTableModel::ColumnCount - 1);
        }
        QVERIFY(countersOnly);
        QVERIFY(wholeRow);
        QCOMPARE(proxyRegion(0)->counter(Counter::Rss), std::uint64_t(0));

        // By address: rows come and go, counters move; the order is the address order throughout.
        filter.sort(RegionTableModel::Start, Qt::AscendingOrder);
        auto third = std::make_shared<Snapshot>(*second);
        third->regions.erase(third->regions.begin() + 100, third->regions.begin() + 103);
        third->regions.insert(third->regions.begin() + 5, region(0x109000, 0x109800));
        for (std::size_t i = 0; i < third->regions.size(); i += 2)
            third->regions[i].setCounter(Counter::Rss, 4096 * (3000 - i));
        model.setFrame(makeFrame(third, second));
        QCOMPARE(filter.rowCount(), int(third->regions.size()));
        for (int row = 0; row < filter.rowCount(); ++row)
            QCOMPARE(proxyRegion(row)->start, third->regions[std::size_t(row)].start);
        filter.sort(RegionTableModel::End, Qt::DescendingOrder);
        for (int row = 0; row < filter.rowCount(); ++row)
            QCOMPARE(proxyRegion(row)->end, third->regions[third->regions.size() - 1 - std::size_t(row)].end);
    }

    // Sorted by RSS in a view: the selected region stays selected, wherever a live refresh moves its row (its RSS
    // changes, rows come and go), and the row <-> region maps agree.
    void sortedSelectionFollowsItsRegion()
    {
        std::vector<Region> regions;
        for (Address i = 0; i < 1000; ++i) {
            Region r = region(0x100000 + i * 0x2000, 0x101000 + i * 0x2000);
            r.setCounter(Counter::Rss, 4096 * (i % 10));
            regions.push_back(r);
        }
        RegionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RegionFilterModel filter;
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        QTableView view;
        view.setModel(&filter);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setSortingEnabled(true);
        view.sortByColumn(RegionTableModel::Rss, Qt::DescendingOrder);
        SnapshotPtr shown = snapshotOf(regions);
        model.setFrame(makeFrame(shown, nullptr));
        const Address watched = 0x100000 + 55 * 0x2000;
        view.setCurrentIndex(filter.mapFromSource(model.index(model.rowOfAddress(watched), RegionTableModel::Rss)));
        QCOMPARE(model.regionAt(filter.mapToSource(view.currentIndex()).row())->start, watched);
        for (int round = 1; round <= 4; ++round) {
            auto next = std::make_shared<Snapshot>(*shown);
            for (std::size_t i = 0; i < next->regions.size(); i += 2)
                next->regions[i].setCounter(Counter::Rss, 4096 * ((i * std::size_t(round)) % 23));
            next->regions[55].setCounter(Counter::Rss, 4096 * std::uint64_t(round * 30));
            if (round % 2)
                next->regions.erase(next->regions.begin() + 200 + round);
            model.setFrame(makeFrame(next, shown));
            shown = next;
            const QModelIndex current = view.currentIndex();
            QVERIFY(current.isValid());
            QCOMPARE(model.regionAt(filter.mapToSource(current).row())->start, watched);
            QCOMPARE(current.row(), 0); // the biggest RSS now
            QVERIFY(view.selectionModel()->isRowSelected(current.row(), {}));
            bool mapsAgree = true;
            for (int row = 0; row < model.rowCount(); ++row)
                mapsAgree = mapsAgree && model.rowOfRegion(model.regionOfRow(row)) == row
                    && model.regionAt(row) == &shown->regions[model.regionOfRow(row)]
                    && model.index(row, 0).data(RegionTableModel::RegionIndexRole).toInt()
                        == int(model.regionOfRow(row));
            QVERIFY(mapsAgree);
        }
    }

    void refreshKeepsTheScroll()
    {
        // A live refresh (counters change in many rows, a region comes) leaves the table's scroll where the user
        // put it, both ways, sorted or not.
        for (int sortColumn : { -1, int(RegionTableModel::Rss) }) {
            std::vector<Region> regions;
            for (int i = 0; i < 2000; ++i)
                regions.push_back(
                    region(0x100000 + Address(i) * 0x2000, 0x101000 + Address(i) * 0x2000, RegionType::Private));
            RegionTableModel model;
            RegionFilterModel filter;
            filter.setSourceModel(&model);
            QTableView view;
            view.setModel(&filter);
            view.setSortingEnabled(true);
            view.sortByColumn(sortColumn, Qt::AscendingOrder);
            view.resize(500, 300);
            view.show();
            model.setSnapshot(snapshotOf(regions));
            QCoreApplication::processEvents();
            view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum() / 2);
            view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
            const int h = view.horizontalScrollBar()->value(), v = view.verticalScrollBar()->value();
            QVERIFY(h > 0 && v > 0);
            for (int round = 1; round <= 3; ++round) {
                for (std::size_t i = 0; i < regions.size(); i += 3)
                    regions[i].setCounter(Counter::Rss, 4096 * ((i + std::size_t(round)) % 2));
                model.setSnapshot(snapshotOf(regions));
                QCoreApplication::processEvents();
                QCOMPARE(view.horizontalScrollBar()->value(), h);
                if (sortColumn < 0)
                    QCOMPARE(view.verticalScrollBar()->value(), v);
            }
        }
    }

    void selectedRegionKeepsTheScroll()
    {
        // The Regions tab with a region selected: each live frame keeps the user's horizontal scroll (they are
        // watching RSS or PSS, far right) and the selection.
        ShownTab shown(500);
        RegionsTab &tab = shown.tab;
        ViewState &state = shown.state;
        std::vector<Region> regions = pagesApart(500, [](int, Address a, Address b) { return region(a, b); });
        state.setFrame(makeFrame(snapshotOf(regions), nullptr), ViewState::Origin::Live);
        state.selectRegion(250);
        QCoreApplication::processEvents();
        QTableView *view = tab.view();
        view->setCurrentIndex(view->model()->index(view->currentIndex().row(), RegionTableModel::Rss));
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->maximum());
        const int h = view->horizontalScrollBar()->value();
        QVERIFY(h > 0);
        for (int round = 1; round <= 3; ++round) {
            for (std::size_t i = 0; i < regions.size(); i += 2)
                regions[i].setCounter(Counter::Rss, 4096 * ((i + std::size_t(round)) % 2));
            state.setFrame(makeFrame(snapshotOf(regions), state.shown()), ViewState::Origin::Live);
            QCoreApplication::processEvents();
            QCOMPARE(view->horizontalScrollBar()->value(), h);
            QCOMPARE(tab.model()->regionAt(tab.filter()->mapToSource(view->currentIndex()).row())->start,
                regions[250].start);
        }
    }

    // What the user does in the table chooses a region, once: a click (Qt makes the row current, then selects
    // it), the arrow keys (selected, then current), a Ctrl+click adding a row. A live refresh after a click
    // keeps the clicked region.
    void clicksAndKeysChooseTheRegion()
    {
        ShownTab shown(600);
        RegionsTab &tab = shown.tab;
        ViewState &state = shown.state;
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        const std::vector<Region> regions = pagesApart(40, [](int, Address a, Address b) { return region(a, b); });
        state.setFrame(makeFrame(snapshotOf(regions), nullptr), ViewState::Origin::Live);
        state.selectRegion(3);
        QTableView *view = tab.view();
        QSignalSpy chosen(&tab, &RegionsTab::regionActivated);
        const auto click = [view](int row, Qt::KeyboardModifiers modifiers = {}) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers,
                view->visualRect(view->model()->index(row, RegionTableModel::Size)).center());
        };
        click(7);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(7));
        QCOMPARE(chosen.count(), 1);
        state.setFrame(makeFrame(snapshotOf(regions), state.shown()), ViewState::Origin::Live);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(7));
        QCOMPARE(tab.model()->regionOfRow(tab.filter()->mapToSource(view->currentIndex()).row()), std::size_t(7));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(8));
        QCOMPARE(chosen.count(), 2);
        click(10, Qt::ControlModifier);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(10));
        QCOMPARE(chosen.count(), 3);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
    }

    // Filtering keeps the chosen region chosen: hidden by one filter, it is selected again (and in view) when the
    // next shows it; and filtering chooses nothing by itself.
    void filteringKeepsTheChosenRegion()
    {
        ShownTab shown(600);
        RegionsTab &tab = shown.tab;
        ViewState &state = shown.state;
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        const std::vector<Region> regions = pagesApart(400, [](int i, Address a, Address b) {
            return i % 2 ? region(a, b, RegionType::Image, "/usr/lib/libx" + std::to_string(i) + ".so") : region(a, b);
        });
        state.setFrame(makeFrame(snapshotOf(regions), nullptr), ViewState::Origin::Live);
        state.selectRegion(301);
        QCoreApplication::processEvents();
        QSignalSpy chosen(&tab, &RegionsTab::regionActivated);
        QTableView *view = tab.view();
        auto *search = tab.findChild<QLineEdit *>(QStringLiteral("regionSearch"));
        const auto selectedRegion = [&]() -> long {
            const auto rows = view->selectionModel()->selectedRows();
            if (rows.size() != 1 || rows[0].row() != view->currentIndex().row())
                return -1;
            return long(tab.model()->regionOfRow(tab.filter()->mapToSource(rows[0]).row()));
        };
        QCOMPARE(selectedRegion(), 301L);
        for (const QString &text : { QStringLiteral("libx3"), QStringLiteral("nothing"), QStringLiteral("libx30"),
                 QStringLiteral("lib"), QString() }) {
            search->setText(text);
            QCoreApplication::processEvents();
            if (text == QLatin1String("nothing")) {
                QCOMPARE(view->model()->rowCount(), 0);
                continue;
            }
            QVERIFY2(selectedRegion() == 301,
                qPrintable(QStringLiteral("after \"%1\": %2").arg(text).arg(selectedRegion())));
            const QRect row = view->visualRect(view->currentIndex());
            QVERIFY2(view->viewport()->rect().intersects(row),
                qPrintable(QStringLiteral("%1: row %2 at y %3, the view %4 px high")
                               .arg(text)
                               .arg(view->currentIndex().row())
                               .arg(row.y())
                               .arg(view->viewport()->height())));
        }
        // The Image box off hides it; on again, it is selected again.
        auto *image = tab.findChild<QCheckBox *>(QStringLiteral("filter-Image"));
        QVERIFY(image);
        image->setChecked(false);
        QCoreApplication::processEvents();
        QCOMPARE(selectedRegion(), -1L);
        image->setChecked(true);
        QCoreApplication::processEvents();
        QCOMPARE(selectedRegion(), 301L);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(301));
        QCOMPARE(chosen.count(), 0);
    }

    // The search field and the type and state boxes are never cut: on one line in a wide tab, on two or three in
    // a narrow one (the Regions tab beside the Lab dock at 1024x700, in Chinese, is about 300 px wide).
    void filtersWrapInANarrowTab_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("lines");
        QTest::addRow("1200 px") << 1200 << 1;
        QTest::addRow("560 px") << 560 << 2;
        QTest::addRow("300 px") << 300 << 3;
    }

    void filtersWrapInANarrowTab()
    {
        QFETCH(int, width);
        QFETCH(int, lines);
        ShownTab shown(width);
        RegionsTab &tab = shown.tab;
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QCOMPARE(tab.width(), width);
        QCOMPARE(tab.filterLines(), lines);
        const auto boxes = tab.findChildren<QCheckBox *>();
        QCOMPARE(boxes.size(), 6);
        for (const QCheckBox *box : boxes) {
            const QRect r(box->mapTo(&tab, QPoint(0, 0)), box->size());
            QVERIFY2(box->width() >= box->sizeHint().width() && r.right() < width,
                qPrintable(QStringLiteral("%1: %2 px of %3, right edge %4")
                               .arg(box->text())
                               .arg(box->width())
                               .arg(box->sizeHint().width())
                               .arg(r.right())));
        }
        const auto *search = tab.findChild<QLineEdit *>(QStringLiteral("regionSearch"));
        QVERIFY(
            search->width() >= std::min(width - 20, search->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 20));
        // Wider again: back on one line.
        tab.resize(1200, 300);
        QCOMPARE(tab.filterLines(), 1);
    }

    // A tooltip on a cell, with the pointer resting there, follows the live refresh: the bytes it tells are the
    // ones the cell shows now, also when the row has moved under the pointer (sorted by RSS).
    void cellTooltipFollowsTheRefresh()
    {
        ShownTab shown(700);
        RegionsTab &tab = shown.tab;
        ViewState &state = shown.state;
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        std::vector<Region> regions = pagesApart(20, [](int i, Address a, Address b) {
            Region r = region(a, b);
            r.setCounter(Counter::Rss, 4096 * Address(i % 2));
            return r;
        });
        state.setFrame(makeFrame(snapshotOf(regions), nullptr), ViewState::Origin::Live);
        QTableView *view = tab.view();
        view->sortByColumn(RegionTableModel::Rss, Qt::DescendingOrder);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view->scrollTo(view->model()->index(0, RegionTableModel::Rss));
        const QRect cell = view->visualRect(view->model()->index(0, RegionTableModel::Rss));
        QVERIFY(view->viewport()->rect().contains(cell.center()));
        const QPoint global = view->viewport()->mapToGlobal(cell.center());
        QCursor::setPos(global);
        QHelpEvent help(QEvent::ToolTip, cell.center(), global);
        QCoreApplication::sendEvent(view->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), QStringLiteral("4096 bytes"));

        // The top row is now a region of 3 pages: another region moved under the pointer.
        regions[4].setCounter(Counter::Rss, 3 * 4096);
        state.setFrame(makeFrame(snapshotOf(regions), state.shown()), ViewState::Origin::Live);
        // Sooner than Qt's own second look, 700 ms after the pointer last moved.
        QTRY_COMPARE_WITH_TIMEOUT(QToolTip::text(), QStringLiteral("12288 bytes"), 300);
        // Its counter moves again, the row stays.
        regions[4].setCounter(Counter::Rss, 5 * 4096);
        state.setFrame(makeFrame(snapshotOf(regions), state.shown()), ViewState::Origin::Live);
        QTRY_COMPARE_WITH_TIMEOUT(QToolTip::text(), QStringLiteral("20480 bytes"), 300);
        QToolTip::hideText();
    }

    // The view's own moves of the current row select no region: the table taking the focus (a click on a header
    // or the scroll bar) makes its first row current; a type box hiding the selected row hands the current row
    // to a neighbour. The region the user chose stays chosen, and comes back when shown again.
    void viewMovesSelectNothing()
    {
        ShownTab shown(600);
        RegionsTab &tab = shown.tab;
        ViewState &state = shown.state;
        const std::vector<Region> regions = pagesApart(100, [](int i, Address a, Address b) {
            return i % 2 ? region(a, b) : region(a, b, RegionType::Image, "/usr/lib/libz.so.1");
        });
        state.setFrame(makeFrame(snapshotOf(regions), nullptr), ViewState::Origin::Live);
        QTableView *view = tab.view();
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(-1));
        // What QAbstractItemView::focusInEvent does with no current row.
        view->selectionModel()->setCurrentIndex(view->model()->index(0, 0), QItemSelectionModel::NoUpdate);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(-1));
        // A click on a row chooses it.
        const QModelIndex row7 = view->model()->index(7, 0);
        view->selectionModel()->setCurrentIndex(row7, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(7));
        // Private rows hidden (row 7 is one), then shown again.
        tab.filter()->setTypeVisible(RegionType::Private, false);
        QCOMPARE(tab.filter()->rowCount(), 50);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(7));
        tab.filter()->setTypeVisible(RegionType::Private, true);
        QCOMPARE(state.selectedIndex(), std::ptrdiff_t(7));
        state.setFrame(makeFrame(snapshotOf(regions), state.shown()), ViewState::Origin::Live);
        QVERIFY(view->currentIndex().isValid());
        QCOMPARE(tab.model()->regionOfRow(tab.filter()->mapToSource(view->currentIndex()).row()), std::size_t(7));
    }

    // A first click on a column of bytes sorts the biggest first; on others, upwards. Sorting keeps the chosen
    // row in sight.
    void firstClickOrderAndSelectionInSight()
    {
        RegionTableModel model;
        QCOMPARE(model.headerData(RegionTableModel::Rss, Qt::Horizontal, Qt::InitialSortOrderRole).toInt(),
            int(Qt::DescendingOrder));
        QCOMPARE(model.headerData(RegionTableModel::Size, Qt::Horizontal, Qt::InitialSortOrderRole).toInt(),
            int(Qt::DescendingOrder));
        QCOMPARE(model.headerData(RegionTableModel::Path, Qt::Horizontal, Qt::InitialSortOrderRole).toInt(),
            int(Qt::AscendingOrder));
        ShownTab shown(600);
        RegionsTab &tab = shown.tab;
        ViewState &state = shown.state;
        const std::vector<Region> regions = pagesApart(400, [](int i, Address a, Address b) {
            Region r = region(a, b);
            r.setCounter(Counter::Rss, 4096 * Address(i));
            return r;
        });
        state.setFrame(makeFrame(snapshotOf(regions), nullptr), ViewState::Origin::Live);
        state.selectRegion(5);
        QCoreApplication::processEvents();
        QTableView *view = tab.view();
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(view->currentIndex())));
        // By RSS, biggest first (the header's own click): region 5 is now near the end, and still in sight.
        view->horizontalHeader()->setSortIndicator(RegionTableModel::Rss, Qt::DescendingOrder);
        QCoreApplication::processEvents();
        QCOMPARE(tab.model()->regionOfRow(tab.filter()->mapToSource(view->currentIndex()).row()), std::size_t(5));
        QCOMPARE(view->currentIndex().row(), 394);
        QVERIFY(view->viewport()->rect().intersects(view->visualRect(view->currentIndex())));
    }

    void carriedCountersSayHowOld()
    {
        // A live frame: PSS carried from a full read 3 s before says so in its tooltip; RSS (read now) does not.
        auto snap = std::make_shared<Snapshot>();
        snap->timestampMs = 10000;
        snap->countersReadMs = 7000;
        Region r = region(0x1000, 0x2000, RegionType::Private);
        r.setCounter(Counter::Rss, 4096);
        r.setCounter(Counter::Pss, 2048);
        snap->regions = { r };
        RegionTableModel model;
        model.setSnapshot(snap);
        QCOMPARE(model.index(0, RegionTableModel::Pss).data(Qt::ToolTipRole).toString(),
            QStringLiteral("2048 bytes, read 3.0 s before this snapshot"));
        QCOMPARE(model.index(0, RegionTableModel::Rss).data(Qt::ToolTipRole).toString(), QStringLiteral("4096 bytes"));
    }

    void processModel()
    {
        ProcessListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto p = [](Pid pid, const char *name, bool readable, std::uint64_t rss = 4096) {
            ProcessInfo i;
            i.pid = pid;
            i.name = name;
            i.user = "root";
            i.rss = rss;
            i.readable = readable;
            return i;
        };
        model.setProcesses({ p(1, "init", false), p(20, "bash", true), p(30, "vim", true) });
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, ProcessListModel::Access).data().toString(), QStringLiteral("no access"));
        QVERIFY(model.index(0, ProcessListModel::Name).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("ptrace-read")));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setProcesses({ p(1, "init", false), p(25, "less", true), p(30, "vim", true, 8192), p(40, "top", true) });
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(1, ProcessListModel::Name).data().toString(), QStringLiteral("less"));
        QCOMPARE(model.index(2, ProcessListModel::Rss).data(ProcessListModel::SortRole).toULongLong(), 8192ULL);
        QCOMPARE(model.index(3, ProcessListModel::Pid).data().toString(), QStringLiteral("40"));
        model.setProcesses({});
        QCOMPARE(model.rowCount(), 0);
    }

    void processContainers()
    {
        ProcessListModel model;
        ProcessFilterModel filter;
        filter.setSourceModel(&model);
        filter.setFilterKeyColumn(-1);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto p = [](Pid pid, const char *name, const char *cgroup, Pid nsPid) {
            ProcessInfo i;
            i.pid = pid;
            i.name = name;
            i.cgroup = cgroup;
            i.namespacePid = nsPid;
            i.readable = true;
            return i;
        };
        model.setProcesses({ p(10, "bash", "/", 10), p(20, "nginx", "/docker/abc", 1),
            p(30, "worker", "/docker/abc", 7), p(40, "sleep", "/", 1), p(50, "old", "", 0) });
        QCOMPARE(model.index(0, ProcessListModel::Container).data().toString(), QString());
        QCOMPARE(model.index(1, ProcessListModel::Container).data().toString(),
            QStringLiteral("/docker/abc · PID 1 inside"));
        QCOMPARE(model.index(3, ProcessListModel::Container).data().toString(), QStringLiteral("/ · PID 1 inside"));
        QCOMPARE(model.index(4, ProcessListModel::Container).data().toString(), QString());
        QCOMPARE(model.headerData(ProcessListModel::Container, Qt::Horizontal).toString(), QStringLiteral("Container"));
        QCOMPARE(filter.rowCount(), 5);
        filter.setContainerFilter(ProcessFilterModel::ContainerFilter::AnyContainer);
        QCOMPARE(filter.rowCount(), 3);
        filter.setContainerFilter(ProcessFilterModel::ContainerFilter::Cgroup, QStringLiteral("/docker/abc"));
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(filter.index(1, ProcessListModel::Pid).data().toString(), QStringLiteral("30"));
        filter.setFilterFixedString(QStringLiteral("nginx"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setFilterFixedString(QString());
        // A change of container alone is a changed row, not a reset.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setProcesses({ p(10, "bash", "/", 10), p(20, "nginx", "/docker/abc", 1),
            p(30, "worker", "/docker/def", 7), p(40, "sleep", "/", 1), p(50, "old", "", 0) });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(filter.rowCount(), 1);
        filter.setContainerFilter(ProcessFilterModel::ContainerFilter::All);
        QCOMPARE(filter.rowCount(), 5);
    }

    void summaryModel()
    {
        SummaryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Totals t;
        t.byType[std::size_t(RegionType::Image)].size = 3 * 1024 * 1024;
        t.byType[std::size_t(RegionType::Image)].rss = 1024 * 1024;
        t.byType[std::size_t(RegionType::Free)].largest = 5ULL << 40;
        t.all.size = 3 * 1024 * 1024;
        t.all.blocks = 7;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTotals(t);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(SummaryModel::ImageRow, SummaryModel::Size).data().toString(), QStringLiteral("3.00 MiB"));
        QCOMPARE(model.index(SummaryModel::ImageRow, SummaryModel::Rss).data(SummaryModel::ValueRole).toULongLong(),
            1024ULL * 1024);
        QCOMPARE(
            model.index(SummaryModel::FreeRow, SummaryModel::Largest).data().toString(), QStringLiteral("5.00 TiB"));
        QCOMPARE(model.index(SummaryModel::TotalRow, SummaryModel::Blocks).data().toString(), QStringLiteral("7"));
        QCOMPARE(model.headerData(SummaryModel::TotalRow, Qt::Vertical).toString(), QStringLiteral("Total (in use)"));
        model.setTotals(t);
        QCOMPARE(changed.size(), 1); // nothing changed, nothing emitted
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
