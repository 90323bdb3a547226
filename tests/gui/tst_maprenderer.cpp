// The map painted into an image: the colour at the pixels where each region must be, the gap
// marker, hatching of reservations, the selection, and page colours at page zoom.
#include "maprenderer.h"
#include "testutil.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <cmath>

using namespace vmatlas;
using namespace vmatlas::ui;

namespace {
constexpr Address MiB = 1024 * 1024;
constexpr Address A = 0x10000000;
constexpr Address B = A + MiB + 1024ULL * 1024 * MiB; // after a 1 TiB gap

Region region(Address start, Address end, RegionType type, RegionState state)
{
    Region r;
    r.start = start;
    r.end = end;
    r.type = type;
    r.state = state;
    r.protection = { state == RegionState::Committed, state == RegionState::Committed, false, 'p' };
    if (type == RegionType::Free)
        r.protection.sharing = '-';
    return r;
}

Snapshot snapshot()
{
    Snapshot s;
    s.pid = 1;
    s.regions = {
        region(A, A + MiB, RegionType::Image, RegionState::Committed),
        region(A + MiB, B, RegionType::Free, RegionState::Free),
        region(B, B + MiB, RegionType::Private, RegionState::Reserved),
        region(B + MiB, B + 2 * MiB, RegionType::Mapped, RegionState::Committed),
        region(B + 2 * MiB, B + 3 * MiB, RegionType::Private, RegionState::Committed),
    };
    return s;
}

MapGeometry geometry(const Snapshot &s, double bpp)
{
    MapGeometry g;
    g.setSpans(s);
    g.setWidth(1000);
    g.setRowHeight(20);
    g.setBreakPixels(100);
    g.setBytesPerPixel(bpp);
    return g;
}

QImage paint(const Snapshot &s, const MapGeometry &g, const MapOverlay &overlay = {}, double top = 0)
{
    QImage image(1000, 200, QImage::Format_RGB32);
    QPainter p(&image);
    MapRenderer r(MapColors::light());
    r.paint(p, s, g, top, image.size(), overlay);
    return image;
}

QSet<QRgb> colorsIn(const QImage &image, const QRect &rect)
{
    QSet<QRgb> set;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            set.insert(image.pixel(x, y) | 0xff000000);
    return set;
}

} // namespace

class TestMapRenderer : public QObject
{
    Q_OBJECT

    const MapColors c = MapColors::light();
    QRgb rgb(const QColor &color) const { return color.rgb() | 0xff000000; }

private slots:
    void regionColours()
    {
        const Snapshot s = snapshot();
        const QImage img = paint(s, geometry(s, 4096));
        // Image 0..256, break 256..356, reserved 356..612, mapped 612..868, private 868..1124 (wraps at 1000).
        QCOMPARE(img.pixel(250, 10) | 0xff000000, rgb(c.type[std::size_t(RegionType::Image)]));
        QCOMPARE(img.pixel(860, 10) | 0xff000000, rgb(c.type[std::size_t(RegionType::Mapped)]));
        QCOMPARE(img.pixel(990, 10) | 0xff000000, rgb(c.type[std::size_t(RegionType::Private)]));
        QCOMPARE(img.pixel(100, 30) | 0xff000000, rgb(c.type[std::size_t(RegionType::Private)]));
        // The gap between rows, and the space after the last region, are background.
        QCOMPARE(img.pixel(250, 18) | 0xff000000, rgb(c.background));
        QCOMPARE(img.pixel(500, 30) | 0xff000000, rgb(c.background));
        // A region's first column carries the separator.
        QVERIFY((img.pixel(612, 10) | 0xff000000) != rgb(c.type[std::size_t(RegionType::Mapped)]));
    }

    void readOnlyIsDarker()
    {
        // Alternating r-- and rw- mappings (20,000 of them in a real process) show as alternating shades.
        Snapshot s = snapshot();
        s.regions[3].protection.write = false; // the Mapped region, 612..868
        const QImage img = paint(s, geometry(s, 4096));
        QCOMPARE(img.pixel(860, 10) | 0xff000000, rgb(c.readOnly[std::size_t(RegionType::Mapped)]));
        QVERIFY(qGray(c.readOnly[std::size_t(RegionType::Mapped)].rgb())
            < qGray(c.type[std::size_t(RegionType::Mapped)].rgb()));
        QCOMPARE(img.pixel(990, 10) | 0xff000000, rgb(c.type[std::size_t(RegionType::Private)])); // rw-: unchanged
    }

    void colourByUse()
    {
        Snapshot s = snapshot();
        s.regions[4].use = RegionUse::Heap; // the Private region at 868..1124
        MapColors byUse = MapColors::light();
        byUse.colourByUse = true;
        QImage image(1000, 200, QImage::Format_RGB32);
        QPainter p(&image);
        MapRenderer r(byUse);
        r.paint(p, s, geometry(s, 4096), 0, image.size());
        QCOMPARE(image.pixel(990, 10) | 0xff000000, rgb(byUse.use[std::size_t(RegionUse::Heap)]));
        QVERIFY(byUse.use[std::size_t(RegionUse::Heap)] != c.type[std::size_t(RegionType::Private)]);
        // No use has a page state's colour, in either palette: at page scale a heap's anon pages stand out from
        // the heap's strip, a stack's file pages from the stack's.
        for (const MapColors &colors : { MapColors::light(), MapColors::dark() })
            for (std::size_t u = 0; u < kRegionUseCount; ++u)
                for (std::size_t st = 0; st < kPageStateCount; ++st)
                    QVERIFY2(RegionUse(u) == RegionUse::Free || colors.use[u] != colors.page[st],
                        qPrintable(QStringLiteral("use %1 has the colour of page state %2").arg(u).arg(st)));
    }

    // The name written on a region: a file's name, a bracketed name as is, shared anonymous memory and SysV
    // segments by their kind (not the kernel's "zero (deleted)"), else the type.
    void regionLabels()
    {
        auto named = [](const char *path, LabelKind kind = LabelKind::None) {
            Region r = region(A, A + MiB, RegionType::Mapped, RegionState::Committed);
            r.pathPtr = std::make_shared<const std::string>(path);
            r.labelKind = kind;
            return MapRenderer::regionLabel(r);
        };
        QCOMPARE(named("/usr/lib/x86_64-linux-gnu/libc.so.6"), QStringLiteral("libc.so.6"));
        QCOMPARE(named("[heap]", LabelKind::Heap), QStringLiteral("[heap]"));
        QCOMPARE(named("/dev/zero (deleted)", LabelKind::SharedAnon), QStringLiteral("shared anonymous memory"));
        QCOMPARE(named("/SYSV00000000 (deleted)", LabelKind::SysvShm), QStringLiteral("SysV shared memory"));
        QCOMPARE(named("/memfd:vmatlas-lab-section (deleted)", LabelKind::Memfd),
            QStringLiteral("memfd:vmatlas-lab-section"));
        QCOMPARE(named("/tmp/gone (deleted)"), QStringLiteral("gone (deleted)")); // a file that was: said
        QCOMPARE(named(""), QStringLiteral("Mapped"));
    }

    // Names stand out on their region's colour: white on the dark blue and green, near black on Mapped's orange
    // (white on it was 2.1:1, below the 3:1 large text needs); in the dark palette too.
    void labelsStandOut()
    {
        auto luminance = [](const QColor &c) {
            auto channel = [](int v) {
                const double x = v / 255.0;
                return x <= 0.03928 ? x / 12.92 : std::pow((x + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
        };
        auto contrast = [&](const QColor &a, const QColor &b) {
            const double la = luminance(a), lb = luminance(b);
            return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
        };
        QCOMPARE(MapRenderer::labelColour(c.type[std::size_t(RegionType::Image)]), QColor(Qt::white));
        QVERIFY(MapRenderer::labelColour(c.type[std::size_t(RegionType::Mapped)]) != QColor(Qt::white));
        for (const MapColors &colors : { MapColors::light(), MapColors::dark() })
            for (const auto &set : { colors.type, colors.readOnly })
                for (RegionType t : { RegionType::Image, RegionType::Mapped, RegionType::Private }) {
                    const QColor fill = set[std::size_t(t)];
                    QVERIFY2(contrast(MapRenderer::labelColour(fill), fill) >= 3.0, qPrintable(fill.name()));
                }
    }

    // A label is drawn when it says something: whole words of three letters or more, shortened ones that keep five;
    // a Chinese word of two characters is whole ("私有", Private: it was never drawn).
    void labelsWorthDrawing()
    {
        QVERIFY(MapRenderer::labelWorthDrawing(QStringLiteral("Private"), QStringLiteral("Private")));
        QVERIFY(MapRenderer::labelWorthDrawing(QStringLiteral("[heap]"), QStringLiteral("[heap]")));
        QVERIFY(!MapRenderer::labelWorthDrawing(QStringLiteral("[heap]"), QStringLiteral("[h…p]")));
        QVERIFY(!MapRenderer::labelWorthDrawing(QStringLiteral("ab"), QStringLiteral("ab")));
        QVERIFY(MapRenderer::labelWorthDrawing(QStringLiteral("libstdc++.so.6"), QStringLiteral("libs…so.6")));
        QVERIFY(MapRenderer::labelWorthDrawing(QStringLiteral("私有"), QStringLiteral("私有")));
        QVERIFY(MapRenderer::labelWorthDrawing(QStringLiteral("映像"), QStringLiteral("映像")));
        QVERIFY(!MapRenderer::labelWorthDrawing(QStringLiteral("共享匿名内存"), QStringLiteral("共…")));
        QVERIFY(MapRenderer::labelWorthDrawing(QStringLiteral("共享匿名内存"), QStringLiteral("共享匿…")));
        QVERIFY(!MapRenderer::labelWorthDrawing(QStringLiteral("私有"), QString()));
    }

    void reservedIsHatched()
    {
        const Snapshot s = snapshot();
        const QImage img = paint(s, geometry(s, 4096));
        const auto colours = colorsIn(img, QRect(560, 2, 40, 12));
        QCOMPARE(colours.size(), 2); // the pale colour and its lighter stripes
        QVERIFY(colours.contains(rgb(c.reserved[std::size_t(RegionType::Private)])));
        QVERIFY(!colours.contains(rgb(c.type[std::size_t(RegionType::Private)])));
        // Diagonal stripes: each line is the one above shifted by a pixel, not a copy of it.
        bool shifted = true, differs = false;
        for (int y = 3; y < 14; ++y)
            for (int x = 560; x < 598; ++x) {
                shifted &= img.pixel(x, y) == img.pixel(x + 1, y - 1);
                differs |= img.pixel(x, y) != img.pixel(x, y - 1);
            }
        QVERIFY(shifted);
        QVERIFY(differs);
    }

    void gapMarker()
    {
        const Snapshot s = snapshot();
        const QImage img = paint(s, geometry(s, 4096));
        const auto colours = colorsIn(img, QRect(258, 0, 96, 16));
        QVERIFY(colours.contains(rgb(c.breakFill)));
        QVERIFY(colours.contains(rgb(c.background))); // its stripes
        // Its size is written in it: text pixels darker than either.
        bool text = false;
        for (QRgb px : colours)
            text |= qGray(px) < qGray(c.breakFill.rgb()) - 60;
        QVERIFY(text);
    }

    void selectionOutline()
    {
        const Snapshot s = snapshot();
        MapOverlay o;
        o.selected = 3; // the Mapped region, 612..868
        const QImage img = paint(s, geometry(s, 4096), o);
        QCOMPARE(img.pixel(700, 0) | 0xff000000, rgb(c.selection));
        QCOMPARE(img.pixel(612, 8) | 0xff000000, rgb(c.selection));
        QCOMPARE(img.pixel(860, 10) | 0xff000000, rgb(c.type[std::size_t(RegionType::Mapped)]));
    }

    // A range (a lab's, a measured one) above page scale is outlined, its inside keeps the region's own colour:
    // a shade made a committed rw- range look like the darker read-only colour.
    void rangeKeepsTheColours()
    {
        const Snapshot s = snapshot();
        MapOverlay o;
        o.range = std::make_pair(B + 2 * MiB, B + 2 * MiB + MiB / 2); // the first half of the Private region, 868..996
        const QImage img = paint(s, geometry(s, 4096), o);
        const QRgb priv = rgb(c.type[std::size_t(RegionType::Private)]);
        QCOMPARE(img.pixel(930, 9) | 0xff000000, priv);
        QCOMPARE(img.pixel(990, 9) | 0xff000000, priv);
        QVERIFY(img.pixel(930, 9) != rgb(c.readOnly[std::size_t(RegionType::Private)]));
        // Its edge: dashes of the selection colour, over a line of the opposite colour.
        const QSet<QRgb> edge = colorsIn(img, QRect(880, 0, 100, 2));
        QVERIFY(edge.contains(rgb(c.selection)));
        QVERIFY(edge.contains(qRgb(255 - c.selection.red(), 255 - c.selection.green(), 255 - c.selection.blue())));
        QVERIFY(!edge.contains(priv));
    }

    // A lab's range inside the selected region: the range's dashes are on top, where its edges run along the
    // region's (the region's solid outline covered them: a fork-cow range of 4 pages in a 6-page region showed as
    // the whole region, with a white tick where the range ended).
    void rangeShowsOverTheSelectedRegion()
    {
        const Snapshot s = snapshot();
        MapOverlay o;
        o.range = std::make_pair(B + 2 * MiB, B + 2 * MiB + MiB / 2); // the first half of the Private region, 868..996
        o.selected = s.indexOf(B + 2 * MiB);
        const QImage img = paint(s, geometry(s, 4096), o);
        const QRgb under = qRgb(255 - c.selection.red(), 255 - c.selection.green(), 255 - c.selection.blue());
        const QSet<QRgb> top = colorsIn(img, QRect(880, 0, 100, 2)); // the range's top edge, and the region's
        QVERIFY(top.contains(rgb(c.selection)));
        QVERIFY(top.contains(under));
        // Beyond the range, the region's edge alone: solid.
        const QSet<QRgb> rest = colorsIn(img, QRect(1010, 0, 10, 2));
        QVERIFY(!rest.contains(under));
    }

    void diffOutlines()
    {
        const Snapshot s = snapshot();
        MapOverlay o;
        o.added = { { B + MiB, B + 2 * MiB } };
        const QImage img = paint(s, geometry(s, 4096), o);
        QCOMPARE(img.pixel(700, 1) | 0xff000000, rgb(c.added));
    }

    void diffOutlinesStandOutOnEveryType()
    {
        // Added (vermillion) on orange Mapped and changed (yellow) on anything light were nearly invisible: every
        // outline has a dark casing, so a column through it always crosses a pixel far from the fill.
        const Snapshot s = snapshot();
        const std::pair<Address, int> regions[] = { { A, 128 }, { B + MiB, 700 } }; // Image, Mapped
        for (const auto &[start, x] : regions) {
            for (bool added : { true, false }) {
                MapOverlay o;
                (added ? o.added : o.changed) = { { start, start + MiB } };
                const QImage img = paint(s, geometry(s, 4096), o);
                const QColor fill = s.regions[std::size_t(s.indexOf(start))].type == RegionType::Image
                    ? c.type[std::size_t(RegionType::Image)]
                    : c.type[std::size_t(RegionType::Mapped)];
                bool line = false, contrast = false;
                for (int y = 0; y < 8; ++y) {
                    const QColor px = QColor::fromRgb(img.pixel(x, y));
                    line |= px.rgb() == (added ? c.added : c.changed).rgb();
                    const int dr = px.red() - fill.red(), dg = px.green() - fill.green(), db = px.blue() - fill.blue();
                    contrast |= dr * dr + dg * dg + db * db > 160 * 160;
                }
                QVERIFY2(line && contrast,
                    qPrintable(QStringLiteral("x %1, %2").arg(x).arg(QLatin1String(added ? "added" : "changed"))));
            }
        }
    }

    void pagesAtPageZoom()
    {
        const Snapshot s = snapshot();
        const MapGeometry g = geometry(s, 512); // a page is 8 px
        QVERIFY(MapRenderer::atPageScale(g, 4096));
        std::vector<PageInfo> pages;
        const PageState states[]
            = { PageState::Anon, PageState::None, PageState::File, PageState::Swap, PageState::Guard };
        for (int i = 0; i < 5; ++i)
            pages.push_back({ B + 2 * MiB + Address(20 + i) * 4096, states[i], true });
        MapOverlay o;
        o.pages = &pages;
        const double top = g.pointOf(g.positionOf(B + 2 * MiB)).y();
        const QImage img = paint(s, g, o, top);
        for (int i = 0; i < 5; ++i) {
            const QPointF p = g.pointOf(g.positionOf(B + 2 * MiB + Address(20 + i) * 4096));
            const QPoint at(int(p.x()) + 4, int(p.y() - top) + 12);
            QCOMPARE(img.pixel(at) | 0xff000000, rgb(c.page[std::size_t(states[i])]));
            // The region's type stays visible in a strip on top.
            QCOMPARE(
                img.pixel(at.x(), int(p.y() - top) + 1) | 0xff000000, rgb(c.type[std::size_t(RegionType::Private)]));
        }
        // Page cells hold page colours only: the region's name is in the strip above them (the copied page of
        // the copy-on-write lab was under the label).
        std::vector<PageInfo> every;
        for (Address a = B + 2 * MiB; a < B + 3 * MiB; a += 4096)
            every.push_back({ a, PageState::Anon, true });
        o.pages = &every;
        const QImage all = paint(s, g, o, top);
        QSet<QRgb> allowed = { rgb(c.page[std::size_t(PageState::Anon)]), rgb(c.background) };
        const QPointF rowStart = g.pointOf(g.positionOf(B + 2 * MiB));
        for (int y = int(rowStart.y() - top) + 9; y < int(rowStart.y() - top) + 17; ++y)
            for (int x = int(rowStart.x()) + 1; x < 1000; ++x) // the first column is the separator
                QVERIFY2(allowed.contains(all.pixel(x, y) | 0xff000000),
                    qPrintable(QStringLiteral("a label pixel over the page cells at %1,%2").arg(x).arg(y)));
        // ... and the name is drawn, in the strip: white text pixels there.
        bool named = false;
        for (int y = int(rowStart.y() - top); y < int(rowStart.y() - top) + 9; ++y)
            for (int x = int(rowStart.x()); x < int(rowStart.x()) + 80; ++x)
                named |= qGray(all.pixel(x, y)) > 200;
        QVERIFY(named);
        // Not yet at page scale: no page colours.
        const MapGeometry far = geometry(s, 4096);
        QVERIFY(!MapRenderer::atPageScale(far, 4096));
    }

    // A name in the strip above the page cells is whole, descenders too: "[vvar_vclock]" lost its underscore
    // (the strip's font was as tall as the strip, and the text was clipped to it).
    void stripNamesKeepTheirUnderscores()
    {
        for (int rowHeight : { 22, 27, 30, 40 }) {
            Snapshot s = snapshot();
            s.regions[3].pathPtr = std::make_shared<const std::string>("/tmp/________________");
            s.regions[3].inode = 7;
            MapGeometry g = geometry(s, 512); // a page is 8 px
            g.setRowHeight(rowHeight);
            std::vector<PageInfo> every;
            for (Address a = B + MiB; a < B + 2 * MiB; a += 4096)
                every.push_back({ a, PageState::File, true });
            MapOverlay o;
            o.pages = &every;
            const double top = g.pointOf(g.positionOf(B + MiB)).y();
            const QImage img = paint(s, g, o, top);
            // The strip: the top of each row of the region, as high as the renderer makes it at this row height.
            const int strip = std::clamp(rowHeight / 2 - 2, 9, 13);
            const QRgb stripColour = rgb(c.type[std::size_t(RegionType::Mapped)]);
            int longest = 0;
            for (const QRectF &rect : g.rectsForPositions(g.positionOf(B + MiB), g.positionOf(B + 2 * MiB))) {
                const int y0 = int(rect.y() - top);
                if (y0 < 0 || y0 + strip > img.height())
                    continue;
                QCOMPARE(img.pixel(int(rect.right()) - 2, y0) | 0xff000000, stripColour);
                for (int y = y0; y < y0 + strip; ++y) {
                    int run = 0;
                    for (int x = int(rect.x()); x < int(rect.right()); ++x) {
                        // The text's pixels: far from the strip's orange (the name is drawn in near black on it).
                        run = std::abs(qGray(img.pixel(x, y)) - qGray(stripColour)) > 60 ? run + 1 : 0;
                        longest = std::max(longest, run);
                    }
                }
            }
            QVERIFY2(longest >= 30,
                qPrintable(QStringLiteral("row height %1: the underscores' longest run "
                                          "in the strip is %2 px")
                               .arg(rowHeight)
                               .arg(longest)));
        }
    }

    void sharedPagesCarryADot()
    {
        // fork-cow's lesson is "exclusive 0 → 1": a page mapped by another process too carries a dot.
        const Snapshot s = snapshot();
        const MapGeometry g = geometry(s, 512); // 8 px a page
        const Address at = B + 2 * MiB + 40 * 4096;
        std::vector<PageInfo> pages = { { at, PageState::Anon, false }, { at + 4096, PageState::Anon, true } };
        MapOverlay o;
        o.pages = &pages;
        const double top = g.pointOf(g.positionOf(at)).y();
        const QImage img = paint(s, g, o, top);
        const QPointF p = g.pointOf(g.positionOf(at));
        const int y = int(p.y() - top) + 13;
        QCOMPARE(img.pixel(int(p.x()) + 4, y) | 0xff000000, rgb(c.sharedMark));
        QCOMPARE(img.pixel(int(p.x()) + 8 + 4, y) | 0xff000000, rgb(c.page[std::size_t(PageState::Anon)]));
    }

    void darkPalette()
    {
        const Snapshot s = snapshot();
        QImage image(1000, 60, QImage::Format_RGB32);
        QPainter p(&image);
        MapRenderer r(MapColors::dark());
        r.paint(p, s, geometry(s, 4096), 0, image.size());
        QCOMPARE(image.pixel(250, 18) | 0xff000000, MapColors::dark().background.rgb() | 0xff000000);
        QCOMPARE(image.pixel(250, 10) | 0xff000000,
            MapColors::dark().type[std::size_t(RegionType::Image)].rgb() | 0xff000000);
    }

    void exportedImage()
    {
        const Snapshot s = snapshot();
        const QImage img = MapRenderer::renderImage(s, QSize(1200, 700), QStringLiteral("test (PID 1)"));
        QCOMPARE(img.size(), QSize(1200, 700));
        // Title text at the top, legend at the bottom, each region's colour somewhere in the middle.
        const auto all = colorsIn(img, QRect(0, 60, 1200, 560));
        for (RegionType t : { RegionType::Image, RegionType::Mapped, RegionType::Private })
            QVERIFY(all.contains(rgb(c.type[std::size_t(t)])));
        QVERIFY(colorsIn(img, QRect(0, 0, 400, 40)).size() > 2);
        QVERIFY(colorsIn(img, QRect(0, 660, 1200, 40)).contains(rgb(c.type[std::size_t(RegionType::Mapped)])));
    }

    // A lab's picture: its legend has the page states too, on two lines, and both fit above the picture's bottom
    // edge (the legend was laid out in the plain font and drawn in the title's bold one: its last key, "shared",
    // was cut off).
    void exportedLegendFits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("byUse");
        QTest::addRow("1600x1000") << QSize(1600, 1000) << false;
        QTest::addRow("1600x1000, by use") << QSize(1600, 1000) << true;
        QTest::addRow("1024x700") << QSize(1024, 700) << false;
        QTest::addRow("800x600") << QSize(800, 600) << false;
    }

    void exportedLegendFits()
    {
        QFETCH(QSize, size);
        QFETCH(bool, byUse);
        const Snapshot s = snapshot();
        std::vector<PageInfo> pages;
        for (Address a = B + 2 * MiB; a < B + 2 * MiB + 16 * 4096; a += 4096)
            pages.push_back({ a, PageState::Anon, false });
        MapOverlay o;
        o.range = std::make_pair(B + 2 * MiB, B + 2 * MiB + 16 * 4096);
        o.pages = &pages;
        MapColors colors = MapColors::light();
        colors.colourByUse = byUse;
        const QImage img = MapRenderer::renderImage(
            s, size, QStringLiteral("vmatlas-lab-target (PID 12345): fork-cow, step 3"), colors, o);
        const QRgb background = rgb(colors.background);
        const QSet<QRgb> bottom = colorsIn(img, QRect(0, size.height() - 3, size.width(), 3));
        QVERIFY2(bottom.size() == 1 && bottom.contains(background), "the legend runs into the bottom edge");
        // The shared key's dot is there.
        QVERIFY(colorsIn(img, QRect(0, size.height() * 3 / 4, size.width(), size.height() / 4))
                    .contains(rgb(colors.sharedMark)));
    }
};

QTEST_MAIN(TestMapRenderer)
#include "tst_maprenderer.moc"
