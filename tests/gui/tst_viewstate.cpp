// The view state: what is shown, where it came from, the selection kept by address across frames, the
// measured range, and who changed what (so a view is not told of its own change).
#include "testutil.h"
#include "viewstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace vmatlas;
using namespace vmatlas::ui;
using vmatlas::test::region;
using vmatlas::test::snapshotOf;

class TestViewState : public QObject
{
    Q_OBJECT

private slots:
    void selectionFollowsTheRegionAcrossFrames()
    {
        ViewState state;
        auto a
            = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x5000, RegionType::Free), region(0x5000, 0x6000) });
        state.setFrame(makeFrame(a, nullptr), ViewState::Origin::Live);
        state.selectRegion(2);
        QCOMPARE(state.selectedIndex(), 2);
        // A region appears before it: the selection moves with its address, not its index.
        auto b = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x3000, RegionType::Free), region(0x3000, 0x4000),
            region(0x4000, 0x5000, RegionType::Free), region(0x5000, 0x6000) });
        QSignalSpy frames(&state, &ViewState::frameChanged);
        state.setFrame(makeFrame(b, a), ViewState::Origin::Live);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(state.selectedIndex(), 4);
        QCOMPARE(state.selectedRegion()->start, Address(0x5000));
        QCOMPARE(state.before(), SnapshotPtr(a));
        // The region goes away: nothing is selected.
        auto c = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x6000, RegionType::Free) });
        state.setFrame(makeFrame(c, b), ViewState::Origin::Live);
        QCOMPARE(state.selectedIndex(), -1);
        QVERIFY(!state.selectedRegion());
    }

    void aStackGrowingDownStaysSelected()
    {
        ViewState state;
        auto a
            = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x7000, RegionType::Free), region(0x7000, 0x8000) });
        state.setFrame(makeFrame(a, nullptr), ViewState::Origin::Live);
        state.selectRegion(2);
        auto b
            = snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x6000, RegionType::Free), region(0x6000, 0x8000) });
        state.setFrame(makeFrame(b, a), ViewState::Origin::Live);
        QCOMPARE(state.selectedIndex(), 2);
        QCOMPARE(state.selectedRegion()->start, Address(0x6000));
    }

    void rangeAndSelection()
    {
        ViewState state;
        state.setFrame(makeFrame(snapshotOf({ region(0x1000, 0x2000), region(0x2000, 0x3000) }), nullptr),
            ViewState::Origin::File);
        QObject map, table;
        QSignalSpy ranges(&state, &ViewState::rangeChanged);
        QSignalSpy selections(&state, &ViewState::selectionChanged);
        state.setRange({ 0x1800, 0x2800 }, &map);
        QCOMPARE(ranges.size(), 1);
        QCOMPARE(ranges.at(0).at(1).value<QObject *>(), &map);
        state.setRange({ 0x1800, 0x2800 }, &map); // the same: nothing to tell
        QCOMPARE(ranges.size(), 1);
        // Choosing a region clears the measured range; both are told who did it.
        state.selectRegion(1, &table);
        QCOMPARE(ranges.size(), 2);
        QVERIFY(state.range().empty());
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections.at(0).at(0).value<std::ptrdiff_t>(), std::ptrdiff_t(1));
        QCOMPARE(selections.at(0).at(1).value<QObject *>(), &table);
        // A lab selects its region and then its range: both stay.
        state.setRange({ 0x2000, 0x2800 }, nullptr);
        QCOMPARE(state.selectedIndex(), 1);
        QCOMPARE(state.range(), (AddressRange { 0x2000, 0x2800 }));
        // An empty range is no range; an index out of bounds selects nothing.
        state.setRange({ 0x3000, 0x3000 });
        QVERIFY(state.range().empty());
        state.selectRegion(7);
        QCOMPARE(state.selectedIndex(), 1);
    }

    void clearForgetsEverything()
    {
        ViewState state;
        state.setFrame(makeFrame(snapshotOf({ region(0x1000, 0x2000) }), nullptr), ViewState::Origin::History);
        state.selectRegion(0);
        state.setRange({ 0x1000, 0x1800 });
        QSignalSpy cleared(&state, &ViewState::cleared);
        state.clear();
        QCOMPARE(cleared.size(), 1);
        QVERIFY(!state.shown());
        QCOMPARE(state.selectedIndex(), -1);
        QVERIFY(state.range().empty());
        QCOMPARE(state.origin(), ViewState::Origin::Live);
    }
};

QTEST_GUILESS_MAIN(TestViewState)
#include "tst_viewstate.moc"
