// The page strip: every page's cell above the counts, whatever the number of pages and the panel's size.
#include "mapcolors.h"
#include "pagestrip.h"
#include "testutil.h"

#include <QApplication>
#include <QCursor>
#include <QHelpEvent>
#include <QSet>
#include <QTest>
#include <QToolTip>

using namespace vmatlas;
using namespace vmatlas::ui;

namespace {
// count pages in one state, a page apart from base.
std::vector<PageInfo> pagesFrom(Address base, int count, PageState state, bool exclusive = false)
{
    std::vector<PageInfo> list;
    for (int i = 0; i < count; ++i)
        list.push_back({ base + 0x1000 * Address(i), state, exclusive });
    return list;
}
} // namespace

class TestPageStrip : public QObject
{
    Q_OBJECT

private slots:
    void cellsStayAboveTheCounts_data()
    {
        QTest::addColumn<int>("pages");
        QTest::addColumn<QSize>("size");
        for (int n : { 1, 4, 16, 64, 300 })
            for (QSize s : { QSize(300, 140), QSize(420, 140), QSize(200, 120), QSize(600, 220) })
                QTest::addRow("%d pages in %dx%d", n, s.width(), s.height()) << n << s;
    }

    void cellsStayAboveTheCounts()
    {
        QFETCH(int, pages);
        QFETCH(QSize, size);
        PageStrip strip;
        strip.resize(size);
        std::vector<PageInfo> list;
        for (int i = 0; i < pages; ++i)
            list.push_back({ Address(0x1000 * (i + 1)), i % 3 ? PageState::File : PageState::Anon, i % 2 == 0 });
        strip.setPages(list, 4096);
        const QRect counts = strip.countsRect();
        for (int i = 0; i < pages; ++i) {
            const QRect cell = strip.cellRect(i);
            if (cell.isNull())
                continue; // drawn as stacked columns
            QVERIFY2(cell.bottom() < counts.top() && cell.right() < size.width(),
                qPrintable(QStringLiteral("page %1 at %2,%3 %4x%5; counts from y %6")
                               .arg(i)
                               .arg(cell.x())
                               .arg(cell.y())
                               .arg(cell.width())
                               .arg(cell.height())
                               .arg(counts.top())));
        }
        // Few pages get real cells.
        if (pages <= 16)
            QVERIFY(strip.cellRect(pages - 1).width() >= 8);
    }

    // The page the Bytes dock shows is outlined in the text colour; the others are not.
    void markedPageIsOutlined()
    {
        PageStrip strip;
        strip.resize(300, 140);
        std::vector<PageInfo> list = pagesFrom(0x10000, 8, PageState::Anon, true);
        strip.setPages(list, 4096);
        const QColor text = strip.palette().color(QPalette::Text);
        auto edge = [&strip](int i) {
            const QRect c = strip.cellRect(i);
            return strip.grab().toImage().pixelColor(c.left() + 1, c.center().y());
        };
        QVERIFY(edge(3) != text);
        strip.setMarkedAddress(0x13000 + 100); // inside page 3
        QCOMPARE(edge(3), text);
        QVERIFY(edge(2) != text);
        strip.setMarkedAddress(0);
        QVERIFY(edge(3) != text);
    }
    // Reserved pages (no access, not committed) are not in RAM like committed pages never touched, but hatched,
    // as on the map: reserve-commit's point.
    void reservedPagesAreHatched()
    {
        PageStrip strip;
        strip.resize(400, 160);
        std::vector<PageInfo> list = pagesFrom(0x10000, 8, PageState::None);
        strip.setReservedRanges({ { 0x14000, 0x18000 } }); // the last four
        strip.setPages(list, 4096);
        QVERIFY(!strip.reserved(0x13fff) && strip.reserved(0x14000) && strip.reserved(0x17fff));
        const QImage image = strip.grab().toImage();
        auto colours = [&image, &strip](int i) {
            const QRect c = strip.cellRect(i).adjusted(2, 2, -2, -2);
            QSet<QRgb> seen;
            for (int y = c.top(); y <= c.bottom(); ++y)
                for (int x = c.left(); x <= c.right(); ++x)
                    seen.insert(image.pixel(x, y));
            return seen.size();
        };
        QCOMPARE(colours(1), 1); // plain "not in RAM"
        QVERIFY2(colours(5) > 1, "a reserved page is drawn plain");
        QVERIFY(strip.cellRect(5).width() >= 6);
    }

    // Reserved pages are marked at every size of the strip: small cells (a lab's 1,024 pages in the dock) each get
    // a diagonal (the pattern's lines, 8 px apart, gave one dot a cell), and columns of many pages the pattern.
    // The counts under the strip add up to the pages shown: a reserved page not in RAM is counted once, as
    // reserved (reserve-commit's 1,024 reserved pages read "not in RAM 1024" and "reserved 1024" together).
    void countsAddUpWithReservedPages()
    {
        PageStrip strip;
        std::vector<PageInfo> list = pagesFrom(0x100000, 1024, PageState::None);
        for (int i = 0; i < 8; ++i)
            list[std::size_t(i)].state = PageState::Anon; // committed and touched
        list[1000].state = PageState::Anon; // reserved, yet in RAM: made no-access after it was touched
        strip.setReservedRanges({ { 0x100000 + 0x1000 * 512, 0x100000 + 0x1000 * 1024 } });
        strip.setPages(list, 4096);
        const auto items = strip.legendItems(MapColors::light());
        auto count = [&](const QString &prefix) {
            for (const auto &[colour, text] : items)
                if (text.startsWith(prefix))
                    return text.section(QLatin1Char(' '), -1).toInt();
            return -1;
        };
        QCOMPARE(count(QStringLiteral("not in RAM")), 1024 - 8 - 511 - 1);
        QCOMPARE(count(QStringLiteral("anon")), 9);
        QCOMPARE(count(QStringLiteral("hatched: reserved")), 511);
        int sum = 0;
        for (const char *state : { "not in RAM", "file", "anon", "swap", "guard", "zero page", "hatched: reserved" })
            sum += count(QString::fromLatin1(state));
        QCOMPARE(sum, 1024);
    }

    void reservedPagesAreHatchedAtEverySize_data()
    {
        QTest::addColumn<int>("pages");
        QTest::addColumn<QSize>("size");
        QTest::addRow("1,024 pages in small cells") << 1024 << QSize(280, 200);
        QTest::addRow("20,000 pages in columns") << 20000 << QSize(280, 120);
    }

    void reservedPagesAreHatchedAtEverySize()
    {
        QFETCH(int, pages);
        QFETCH(QSize, size);
        PageStrip strip;
        strip.resize(size);
        std::vector<PageInfo> list = pagesFrom(0x100000, pages, PageState::None);
        const Address half = 0x100000 + 0x1000 * Address(pages / 2);
        strip.setReservedRanges({ { half, 0x100000 + 0x1000 * Address(pages) } }); // the second half
        strip.setPages(list, 4096);
        const QImage image = strip.grab().toImage();
        const QRgb plain = MapColors::forPalette(strip.palette()).page[std::size_t(PageState::None)].rgb();
        // How many pixels of a rectangle are not the plain "not in RAM" colour.
        auto marked = [&](QRect c) {
            int count = 0;
            for (int y = c.top(); y <= c.bottom(); ++y)
                for (int x = c.left(); x <= c.right(); ++x)
                    count += image.pixel(x, y) != plain;
            return count;
        };
        if (strip.cellRect(0).isValid()) {
            QVERIFY(strip.cellRect(0).width() < 8);
            for (int i = 0; i < pages; ++i) {
                const QRect c = strip.cellRect(i).adjusted(0, 0, -1, -1);
                const bool held = i >= pages / 2;
                QVERIFY2(held ? marked(c) >= c.width() - 1 : marked(c) == 0,
                    qPrintable(QStringLiteral("page %1 (%2): %3 marked pixels of %4")
                                   .arg(i)
                                   .arg(held ? QStringLiteral("reserved") : QStringLiteral("committed"))
                                   .arg(marked(c))
                                   .arg(c.width() * c.height())));
            }
        } else {
            // Columns: the first half plain, the second hatched in every stretch of 8 columns.
            int y0 = -1;
            for (int y = 0; y < image.height() && y0 < 0; ++y)
                if (image.pixel(size.width() / 4, y) == plain)
                    y0 = y;
            QVERIFY(y0 >= 0);
            const int left = size.width() / 8, right = size.width() * 5 / 8;
            QCOMPARE(marked(QRect(left, y0 + 2, 16, 10)), 0);
            for (int x = right; x + 8 < size.width() * 7 / 8; x += 8)
                QVERIFY2(marked(QRect(x, y0 + 2, 8, 10)) > 0, qPrintable(QStringLiteral("column %1").arg(x)));
        }
    }

    // A lab writes the page under a resting pointer: its tooltip tells the new state, not the one it had when
    // it came up. A tooltip elsewhere on the screen is left alone.
    void tooltipTellsTheNewState()
    {
        PageStrip strip;
        strip.resize(300, 140);
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        std::vector<PageInfo> list = pagesFrom(0x10000, 8, PageState::None);
        strip.setPages(list, 4096);
        const QPoint at = strip.cellRect(3).center();
        QCursor::setPos(strip.mapToGlobal(at));
        QHelpEvent help(QEvent::ToolTip, at, strip.mapToGlobal(at));
        QCoreApplication::sendEvent(&strip, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        // Not in RAM for this process (a file's page may still be cached: the map's tooltip says so).
        QCOMPARE(QToolTip::text(), QStringLiteral("Page 0x13000: not in RAM, not in this process's page tables"));

        list[3].state = PageState::Anon;
        list[3].exclusive = true;
        strip.setPages(list, 4096);
        QVERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), QStringLiteral("Page 0x13000: anon, exclusive to this process"));

        // The pointer moved off the strip: the strip does not claim the tooltip on screen.
        QCursor::setPos(strip.mapToGlobal(QPoint(0, 0)) - QPoint(50, 50));
        list[3].state = PageState::Swap;
        strip.setPages(list, 4096);
        QCOMPARE(QToolTip::text(), QStringLiteral("Page 0x13000: anon, exclusive to this process"));
        QToolTip::hideText();
    }
};

QTEST_MAIN(TestPageStrip)
#include "tst_pagestrip.moc"
