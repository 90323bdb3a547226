// The map widget: zoom keeps the address under the pointer in place, clicks select, drags measure.
#include "addressmapview.h"
#include "classify.h"
#include "smapsparser.h"
#include "testutil.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

using namespace vmatlas;
using namespace vmatlas::ui;

class TestAddressMapView : public QObject
{
    Q_OBJECT

    SnapshotPtr jvm()
    {
        auto parsed = parseSmaps(vmatlas::test::readTestData("jvm.smaps"));
        return std::make_shared<const Snapshot>(classify(std::move(parsed).value(), {}));
    }

    static void wheel(QWidget *w, QPoint at, double steps) // a touchpad sends fractions of a notch
    {
        QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, int(std::lround(120 * steps))), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(w, &e);
    }

private slots:
    void wheelZoomKeepsThePointedRegion_data()
    {
        QTest::addColumn<QPoint>("at");
        QTest::addRow("top left") << QPoint(30, 20);
        QTest::addRow("middle") << QPoint(500, 250);
        QTest::addRow("bottom right") << QPoint(900, 420);
    }
    void wheelZoomKeepsThePointedRegion()
    {
        QFETCH(QPoint, at);
        AddressMapView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(jvm());
        auto addressAt = [&](QPoint p) {
            return view.geometry().addressAtPoint(QPointF(p.x() - 6, p.y() - 6 + view.scrollTop()));
        };
        const Address before = addressAt(at);
        for (int i = 0; i < 12; ++i) {
            wheel(view.viewport(), at, 1);
            const Address now = addressAt(at);
            // Rows wrap, so the pointer stays within half a row (plus a pixel) of the first address it
            // pointed at: a distance that shrinks with every step in.
            const double bpp = view.geometry().bytesPerPixel();
            const double halfRow = (view.geometry().width() / 2.0 + 2) * bpp;
            const double distance = std::abs(double(now) - double(before));
            QVERIFY2(distance <= halfRow,
                qPrintable(
                    QStringLiteral("step %1: %2 bytes away, half a row is %3").arg(i).arg(distance).arg(halfRow)));
        }
        QVERIFY(view.geometry().bytesPerPixel() < 1e6);
    }

    // At page scale a page is a whole number of pixels wide; a touchpad's tenth-of-a-notch steps still zoom (the
    // zoom asked for adds them up) and each page stays in one row.
    void touchpadZoomsThroughPageWidths()
    {
        AddressMapView view;
        view.resize(1001, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(jvm());
        const QPoint at(500, 250);
        while (view.geometry().pagePixels() == 0)
            wheel(view.viewport(), at, 1);
        const int first = view.geometry().pagePixels();
        QVERIFY(first >= 3);
        for (int i = 0; i < 30; ++i)
            wheel(view.viewport(), at, 0.1);
        const MapGeometry &g = view.geometry();
        QVERIFY2(
            g.pagePixels() > first, qPrintable(QStringLiteral("%1 px a page, then %2").arg(first).arg(g.pagePixels())));
        QCOMPARE(g.bytesPerPixel(), 4096.0 / g.pagePixels());
        QCOMPARE(g.width() % g.pagePixels(), 0);
        const Address a = g.addressAtPoint(QPointF(at.x() - 6, at.y() - 6 + view.scrollTop())) & ~Address(4095);
        QCOMPARE(g.rectsFor(a, a + 4096).size(), std::size_t(1));
    }

    void clickSelectsAndDragMeasures()
    {
        AddressMapView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(jvm());
        QSignalSpy clicked(&view, &AddressMapView::regionClicked);
        QSignalSpy range(&view, &AddressMapView::rangeSelected);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(40, 20));
        QCOMPARE(clicked.size(), 1);
        const auto index = clicked.first().at(0).value<std::ptrdiff_t>();
        QCOMPARE(view.selectedRegion(), index);
        const Region &r = view.snapshot()->regions[std::size_t(index)];
        const Address a = view.geometry().addressAtPoint(QPointF(34, 14));
        QVERIFY(r.contains(a));
        // A drag across the first row measures a range, page aligned.
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(20, 15));
        QTest::mouseMove(view.viewport(), QPoint(600, 40));
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(600, 40));
        QVERIFY(!range.isEmpty());
        const auto start = range.last().at(0).value<Address>();
        const auto end = range.last().at(1).value<Address>();
        QVERIFY(end > start);
        QCOMPARE(start % 4096, 0ULL);
        QCOMPARE(end % 4096, 0ULL);
        QCOMPARE(clicked.size(), 1); // a drag is not a click
    }

    void refreshKeepsTheView()
    {
        // A new snapshot of the same layout must not move the view (it used to creep up a row a time).
        AddressMapView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SnapshotPtr s = jvm();
        view.setSnapshot(s);
        view.zoomToRange(0x7fde59670000, 0x7fde59680000);
        const int scroll = view.verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        for (int i = 0; i < 20; ++i)
            view.setSnapshot(std::make_shared<const Snapshot>(*s));
        QCOMPARE(view.verticalScrollBar()->value(), scroll);
    }

    void hugeReservationsStayInRange()
    {
        // 16 TiB reserved (like an ASan shadow) next to a page: zooming all the way in stays within
        // what a scroll bar can hold, and the page can still be seen page by page.
        auto s = std::make_shared<Snapshot>();
        Region big;
        big.start = 0x100000000000;
        big.end = big.start + (16ULL << 40);
        big.type = RegionType::Private;
        big.state = RegionState::Reserved;
        Region page = big;
        page.start = big.end;
        page.end = page.start + 4096;
        page.state = RegionState::Committed;
        s->regions = { big, page };
        AddressMapView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(s);
        for (int i = 0; i < 60; ++i)
            QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(view.geometry().rowCount() < MapGeometry::kMaxRows);
        QVERIFY(view.atPageScale());
        QVERIFY(view.geometry().segments()[0].compressed); // the 16 TiB reservation is a break at page zoom
        view.zoomToRange(page.start, page.end);
        QVERIFY(view.geometry().pointOf(view.geometry().positionOf(page.start)).y() >= view.scrollTop());
    }

    void keysZoomAndFit()
    {
        AddressMapView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(jvm());
        const double fit = view.geometry().bytesPerPixel();
        QTest::keyClick(&view, Qt::Key_Plus);
        QCOMPARE(view.geometry().bytesPerPixel(), fit / 2);
        QTest::keyClick(&view, Qt::Key_Minus);
        QCOMPARE(view.geometry().bytesPerPixel(), fit);
        for (int i = 0; i < 40; ++i)
            QTest::keyClick(&view, Qt::Key_Plus);
        QCOMPARE(view.geometry().bytesPerPixel(), 4096.0 / 48); // a page is at most 48 px wide
        QVERIFY(view.atPageScale());
        QTest::keyClick(&view, Qt::Key_F);
        QCOMPARE(view.geometry().bytesPerPixel(), fit);
        QCOMPARE(view.verticalScrollBar()->value(), 0);
        // Everything fits in the viewport at fit.
        QVERIFY(view.geometry().rowCount() * view.geometry().rowHeight() <= view.viewport()->height());
    }

    void bigProcessFitsReadably()
    {
        // 20,000 one-page mappings beside a few libraries: the fitted map keeps a true scale, the gaps and the
        // libraries (a solid wall with "1 px = 909 TiB" before).
        auto s = std::make_shared<Snapshot>();
        s->pid = 1;
        auto add = [&](Address start, Address end, RegionType type) {
            Region r;
            r.start = start;
            r.end = end;
            r.type = type;
            r.state = type == RegionType::Free ? RegionState::Free : RegionState::Committed;
            r.protection = { type != RegionType::Free, false, false, type == RegionType::Free ? '-' : 'p' };
            s->regions.push_back(r);
        };
        const Address block = 0x7f0000000000;
        add(0x400000, 0x400000 + (64 << 20), RegionType::Image); // a 64 MiB program
        add(0x400000 + (64 << 20), block, RegionType::Free);
        for (Address i = 0; i < 20000; ++i)
            add(block + i * 4096, block + (i + 1) * 4096, RegionType::Private);
        add(block + 20000 * 4096, 0x7ffff0000000, RegionType::Free);
        add(0x7ffff0000000, 0x7ffff0000000 + (8 << 20), RegionType::Private); // a stack
        AddressMapView view;
        view.resize(1000, 500);
        view.show();
        view.setSnapshot(s);
        const MapGeometry &g = view.geometry();
        QVERIFY2(g.bytesPerPixel() < 64.0 * 1024, qPrintable(QString::number(g.bytesPerPixel())));
        QVERIFY(double(g.rowCount() * g.rowHeight()) <= view.viewport()->height());
        // The program is drawn to scale, and wide.
        const MapGeometry::Segment program = g.segments().front();
        QCOMPARE(program.width, double(64 << 20) / g.bytesPerPixel());
        QVERIFY(program.width > 200);
        // The gaps are labelled breaks; shrunk, they are narrow marks.
        QCOMPARE(g.segments()[1].compressed, true);
        QCOMPARE(g.segments()[1].width, g.breakPixels());
        QVERIFY(g.breakPixels() > 100);
        view.setShrinkGaps(true);
        QVERIFY(view.geometry().segments()[1].width < 20);
        QVERIFY(view.geometry().segments().front().width > program.width); // the room went to the regions
    }

    void tooltipSurvivesLiveRefresh()
    {
        // At 1 s refresh every new snapshot re-lays the map; the tooltip must still come, and stay.
        AddressMapView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SnapshotPtr s = jvm();
        view.setSnapshot(s);
        QTimer refresh;
        QObject::connect(
            &refresh, &QTimer::timeout, &view, [&] { view.setSnapshot(std::make_shared<const Snapshot>(*s)); });
        refresh.start(250);
        QTest::mouseMove(view.viewport(), QPoint(60, 14));
        QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 3000);
        QVERIFY(QToolTip::text().contains(QStringLiteral("Size:")));
        QTest::qWait(700); // three refreshes later, still there
        QVERIFY(QToolTip::isVisible());
        QToolTip::hideText();
    }
};

QTEST_MAIN(TestAddressMapView)
#include "tst_addressmapview.moc"
