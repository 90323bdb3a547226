// Address <-> pixel on the map: proportional spans, minimum widths, compressed gaps, rows, zoom.
#include "classify.h"
#include "mapgeometry.h"
#include "smapsparser.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace vmatlas;
using namespace vmatlas::ui;

namespace {
constexpr Address MiB = 1024 * 1024;
constexpr Address GiB = 1024 * MiB;

// 1 MiB used, a 1 TiB gap, 3 MiB used (a 1 MiB reservation and 2 MiB), a 64 KiB gap, 1 page.
std::vector<MapGeometry::Span> layout()
{
    const Address a = 0x10000000;
    const Address b = a + MiB + 1024 * GiB;
    return {
        { a, a + MiB, false },
        { a + MiB, b, true },
        { b, b + MiB, false },
        { b + MiB, b + 3 * MiB, false },
        { b + 3 * MiB, b + 3 * MiB + 64 * 1024, true },
        { b + 3 * MiB + 64 * 1024, b + 3 * MiB + 68 * 1024, false },
    };
}
} // namespace

class TestMapGeometry : public QObject
{
    Q_OBJECT

private slots:
    void positions_data()
    {
        QTest::addColumn<double>("bpp");
        QTest::addColumn<quint64>("address");
        QTest::addColumn<double>("position");
        const Address a = 0x10000000;
        const Address b = a + MiB + 1024 * GiB;
        // At 4 KiB per pixel: 256 px, a 100 px break, 256 + 512 px, 16 px of free gap, 1 px -> min 2 px.
        QTest::addRow("first byte") << 4096.0 << quint64(a) << 0.0;
        QTest::addRow("middle of the first span") << 4096.0 << quint64(a + MiB / 2) << 128.0;
        QTest::addRow("start of the compressed gap") << 4096.0 << quint64(a + MiB) << 256.0;
        QTest::addRow("inside the compressed gap") << 4096.0 << quint64(a + MiB + 512 * GiB) << 306.0;
        QTest::addRow("after the gap") << 4096.0 << quint64(b) << 356.0;
        QTest::addRow("second region") << 4096.0 << quint64(b + MiB) << 612.0;
        QTest::addRow("small gap stays proportional") << 4096.0 << quint64(b + 3 * MiB) << 1124.0;
        QTest::addRow("one page, widened to 2 px") << 4096.0 << quint64(b + 3 * MiB + 64 * 1024) << 1140.0;
        QTest::addRow("past the end") << 4096.0 << quint64(b + 100 * MiB) << 1142.0;
        // Zoomed in 4x: the break keeps its width, the rest scales.
        QTest::addRow("zoom: middle of first span") << 1024.0 << quint64(a + MiB / 2) << 512.0;
        QTest::addRow("zoom: after the gap") << 1024.0 << quint64(b) << 1124.0;
        QTest::addRow("zoom: one page is 4 px") << 1024.0 << quint64(b + 3 * MiB + 64 * 1024 + 2048) << 4262.0;
        // Zoomed out: the 64 KiB gap shrinks below a pixel, pages keep 2 px.
        QTest::addRow("zoom out: second region") << 65536.0 << quint64(b + MiB) << 132.0;
    }
    void positions()
    {
        QFETCH(double, bpp);
        QFETCH(quint64, address);
        QFETCH(double, position);
        MapGeometry g;
        g.setSpans(layout());
        g.setWidth(1000);
        g.setBreakPixels(100);
        g.setMinRegionPixels(2);
        g.setBytesPerPixel(bpp);
        QCOMPARE(g.positionOf(address), position);
        if (position < g.length() && position != 306.0) // inside a break, the inverse is approximate
            QCOMPARE(g.addressAt(position), Address(address));
    }

    void compressionThreshold()
    {
        MapGeometry g;
        g.setWidth(100000);
        g.setBytesPerPixel(4096);
        QCOMPARE(g.compressionThreshold(), 16.0 * MiB); // 64 px of 4 KiB is less than 16 MiB
        g.setBytesPerPixel(1024 * 1024);
        QCOMPARE(g.compressionThreshold(), 64.0 * MiB);
        g.setWidth(1000);
        g.setBytesPerPixel(4096);
        QCOMPARE(g.compressionThreshold(), 2000 * 4096.0); // never more than two rows of 1000 px
        g.setBytesPerPixel(4096.0 / 48); // page zoom: rows of whole 48 px pages, 960 px
        QCOMPARE(g.width(), 960);
        QCOMPARE(g.compressionThreshold(), 2 * 960 * 4096.0 / 48);
    }

    void rowsAndPoints_data()
    {
        QTest::addColumn<double>("position");
        QTest::addColumn<QPointF>("point");
        QTest::addRow("origin") << 0.0 << QPointF(0, 0);
        QTest::addRow("first row") << 999.0 << QPointF(999, 0);
        QTest::addRow("wraps") << 1000.0 << QPointF(0, 20);
        QTest::addRow("third row") << 2140.5 << QPointF(140.5, 40);
    }
    void rowsAndPoints()
    {
        QFETCH(double, position);
        QFETCH(QPointF, point);
        MapGeometry g;
        g.setSpans(layout());
        g.setWidth(1000);
        g.setRowHeight(20);
        g.setBreakPixels(100);
        g.setBytesPerPixel(1024);
        QCOMPARE(g.pointOf(position), point);
        QCOMPARE(g.positionAt(point + QPointF(0, 5)), position);
    }

    void hitTesting_data()
    {
        QTest::addColumn<QPointF>("point");
        QTest::addColumn<int>("segment");
        QTest::addRow("first region") << QPointF(10, 5) << 0;
        QTest::addRow("the break") << QPointF(300, 5) << 1;
        QTest::addRow("second region") << QPointF(400, 5) << 2;
        QTest::addRow("third region, next row") << QPointF(100, 25) << 3;
        QTest::addRow("the single page") << QPointF(141, 25) << 5;
        QTest::addRow("beyond the end clamps to the last") << QPointF(900, 25) << 5;
        QTest::addRow("below the last row clamps") << QPointF(141, 500) << 5;
    }
    void hitTesting()
    {
        QFETCH(QPointF, point);
        QFETCH(int, segment);
        MapGeometry g;
        g.setSpans(layout());
        g.setWidth(1000);
        g.setRowHeight(20);
        g.setBreakPixels(100);
        g.setBytesPerPixel(4096);
        QCOMPARE(int(g.segmentAt(g.positionAt(point))), segment);
    }

    void rectsWrapRows()
    {
        MapGeometry g;
        g.setSpans(layout());
        g.setWidth(1000);
        g.setRowHeight(20);
        g.setBreakPixels(100);
        g.setBytesPerPixel(4096);
        const Address b = 0x10000000 + MiB + 1024 * GiB;
        // The 2 MiB region: 612 .. 1124, across the row boundary at 1000.
        const auto rects = g.rectsFor(b + MiB, b + 3 * MiB);
        QCOMPARE(rects.size(), std::size_t(2));
        QCOMPARE(rects[0], QRectF(612, 0, 388, 20));
        QCOMPARE(rects[1], QRectF(0, 20, 124, 20));
        QCOMPARE(g.rowCount(), 2);
    }

    void hugeRegionsCompressed()
    {
        // A region over 100,000 rows at the current zoom becomes a break; a smaller one stays proportional.
        const Address big = 1024 * GiB, small = 64 * GiB;
        MapGeometry g;
        g.setSpans({ { 0x10000, 0x10000 + small, false, true }, { 0x10000 + small, 0x10000 + small + big, false, true },
            { 0x10000 + small + big, 0x10000 + small + big + MiB, false, false } });
        g.setWidth(1000);
        g.setBreakPixels(100);
        g.setBytesPerPixel(4096); // 100,000 rows = 381 GiB
        QVERIFY(!g.segments()[0].compressed);
        QCOMPARE(g.segments()[0].width, double(small / 4096));
        QVERIFY(g.segments()[1].compressed);
        QCOMPARE(g.segments()[1].width, 100.0);
        QCOMPARE(g.positionOf(0x10000 + small + big), double(small / 4096) + 100.0);
        g.setBytesPerPixel(64 * 1024); // zoomed out, the terabyte fits: proportional again
        QVERIFY(!g.segments()[1].compressed);
    }

    void fitUsesTheRows()
    {
        MapGeometry g;
        g.setSpans(layout());
        g.setWidth(250); // 1,042 pages in 1,000 px: under a pixel a page, proportional
        g.setBreakPixels(100);
        g.setMinRegionPixels(2);
        const double bpp = g.fitBytesPerPixel(4);
        g.setBytesPerPixel(bpp);
        QCOMPARE(g.pagePixels(), 0);
        QVERIFY(g.length() <= 1000.0);
        QVERIFY(g.length() > 975.0);
        QCOMPARE(g.rowCount(), 4);
    }

    // Where the fit falls at page scale, it is the widest whole page that fits: 3 px (4 px would not).
    void fitAtPageScaleIsTheWidestPageThatFits()
    {
        MapGeometry g;
        g.setSpans(layout());
        g.setWidth(1000);
        g.setBreakPixels(100);
        g.setBytesPerPixel(g.fitBytesPerPixel(4));
        QCOMPARE(g.pagePixels(), 3);
        QCOMPARE(g.width(), 999);
        QVERIFY(g.length() <= 4 * 999.0);
        QCOMPARE(g.rowCount(), 4);
        g.setBytesPerPixel(4096.0 / 4);
        QVERIFY(g.length() > 4 * g.width());
    }

    // Page scale snaps to whole pixels a page; the zoom asked for is kept, so that small steps add up.
    void pageScaleSnapsToWholePixels()
    {
        MapGeometry g;
        g.setSpans(layout());
        g.setWidth(601);
        g.setBytesPerPixel(4096 / 4.4);
        QCOMPARE(g.pagePixels(), 4);
        QCOMPARE(g.bytesPerPixel(), 1024.0);
        QCOMPARE(g.requestedBytesPerPixel(), 4096 / 4.4);
        QCOMPARE(g.width(), 600);
        QCOMPARE(g.availableWidth(), 601);
        g.setBytesPerPixel(4096 / 2.5); // not page scale: as asked, the whole width
        QCOMPARE(g.pagePixels(), 0);
        QCOMPARE(g.bytesPerPixel(), 4096 / 2.5);
        QCOMPARE(g.width(), 601);
        g.setPageSize(16384); // a 16 KiB page is 10 px at this zoom
        QCOMPARE(g.pagePixels(), 10);
        QCOMPARE(g.width(), 600);
    }

    // At page scale every page of every region lies in one row, whole pixels wide: what a lab points at is never
    // cut at the end of a row, half of it on the next. Widths and page sizes that do not divide each other, over a
    // real JVM's layout (compressed gaps and huge reservations included).
    void pagesNeverStraddleRows_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<double>("pagePixels"); // asked for; snapped to whole pixels
        for (int width : { 601, 777, 1283 })
            for (double k : { 3.0, 4.4, 7.0, 13.0, 48.0 })
                QTest::addRow("%d px, %.1f px a page", width, k) << width << k;
    }

    void pagesNeverStraddleRows()
    {
        QFETCH(int, width);
        QFETCH(double, pagePixels);
        auto parsed = parseSmaps(vmatlas::test::readTestData("jvm.smaps"));
        Snapshot s = classify(std::move(parsed).value(), {});
        MapGeometry g;
        g.setSpans(s);
        g.setWidth(width);
        g.setBreakPixels(48);
        g.setBytesPerPixel(4096 / pagePixels);
        const int k = int(std::lround(pagePixels));
        QCOMPARE(g.pagePixels(), k);
        QCOMPARE(g.width() % k, 0);
        QVERIFY(g.width() > width - k);
        int checked = 0;
        for (const auto &seg : g.segments()) {
            QCOMPARE(std::fmod(seg.x, double(k)), 0.0);
            QCOMPARE(std::fmod(seg.width, double(k)), 0.0);
            if (seg.compressed)
                continue;
            // Its first 200 pages and its last: a reservation of gigabytes has millions.
            const Address pages = (seg.end - seg.start) / 4096;
            for (Address i = 0; i < pages; i = i < 200 ? i + 1 : pages - 1) {
                const Address a = seg.start + i * 4096;
                const auto rects = g.rectsFor(a, a + 4096);
                QVERIFY2(rects.size() == 1,
                    qPrintable(QStringLiteral("page 0x%1 is cut over %2 rows").arg(a, 0, 16).arg(rects.size())));
                QCOMPARE(rects[0].width(), double(k));
                QCOMPARE(std::fmod(rects[0].x(), 1.0), 0.0);
                ++checked;
                if (i == pages - 1)
                    break;
            }
        }
        QVERIFY(checked > 1000);
    }

    void monotonicOverARealSnapshot()
    {
        auto parsed = parseSmaps(vmatlas::test::readTestData("jvm.smaps"));
        Snapshot s = classify(std::move(parsed).value(), {});
        MapGeometry g;
        g.setSpans(s);
        g.setWidth(1500);
        g.setBytesPerPixel(g.fitBytesPerPixel(30));
        double last = -1;
        for (std::size_t i = 0; i < s.regions.size(); ++i) {
            const double p = g.positionOf(s.regions[i].start);
            QVERIFY(p >= last);
            last = p;
            QCOMPARE(std::size_t(g.segmentAt(p + 1e-6)), i);
        }
        QVERIFY(g.rowCount() <= 30);
    }
};

QTEST_GUILESS_MAIN(TestMapGeometry)
#include "tst_mapgeometry.moc"
