#include "maprenderer.h"

#include "formatting.h"
#include "uitext.h"

#include <QCoreApplication>
#include <QFontMetrics>

#include <algorithm>
#include <cmath>

namespace vmatlas::ui {

namespace {

enum ColumnFlag : std::uint8_t
{
    FlagNone = 0,
    FlagRegion = 1, // some region covers the column
    FlagHatch = 2, // Reserved: hatched
    FlagEdge = 4, // a region starts here
    FlagBreak = 8, // a compressed free gap
    FlagPage = 16, // coloured by page state below the type strip
    FlagPageEdge = 32,
};

constexpr int kRowGap = 3; // pixels between rows
constexpr int kTypeStrip = 5; // at page scale, the type colour on top

} // namespace

bool MapRenderer::atPageScale(const MapGeometry &geometry, std::uint32_t pageSize)
{
    return geometry.bytesPerPixel() * 3 <= double(pageSize);
}

void MapRenderer::fillRows(
    const Snapshot &snapshot, const MapGeometry &g, double top, QSize size, const MapOverlay &overlay)
{
    const int W = g.width();
    const int H = g.rowHeight();
    if (m_image.size() != size)
        m_image = QImage(size, QImage::Format_RGB32);
    m_image.fill(m_colors.background);
    m_color.assign(std::size_t(W), 0);
    m_cover.assign(std::size_t(W), 0);
    m_flags.assign(std::size_t(W), 0);
    m_pageColor.assign(std::size_t(W), 0);

    const auto &segs = g.segments();
    if (segs.empty() || segs.size() != snapshot.regions.size())
        return;
    const bool pageScale = overlay.pages && !overlay.pages->empty() && atPageScale(g, snapshot.pageSize);
    const double pagePixels = double(snapshot.pageSize) / g.bytesPerPixel();
    const QRgb hatchBase = m_colors.background.rgb();
    const QRgb breakFill = m_colors.breakFill.rgb();
    const QRgb separator = m_colors.separator.rgb();
    const int sepAlpha = m_colors.separator.alpha();

    const int firstRow = std::max(0, int(std::floor(top / H)));
    const int lastRow = std::min(g.rowCount() - 1, int(std::floor((top + size.height()) / H)));
    for (int row = firstRow; row <= lastRow; ++row) {
        std::fill(m_flags.begin(), m_flags.end(), 0);
        std::fill(m_cover.begin(), m_cover.end(), 0.f);
        const double rowStart = double(row) * W;
        const double rowEnd = rowStart + W;
        std::ptrdiff_t i = g.segmentAt(rowStart);
        if (i < 0)
            continue;
        for (; std::size_t(i) < segs.size() && segs[std::size_t(i)].x < rowEnd; ++i) {
            const auto &seg = segs[std::size_t(i)];
            const Region &r = snapshot.regions[std::size_t(i)];
            const bool isFree = r.type == RegionType::Free;
            if (isFree && !seg.compressed)
                continue;
            const double x0 = std::max(seg.x, rowStart) - rowStart;
            const double x1 = std::min(seg.x + seg.width, rowEnd) - rowStart;
            const int c0 = std::clamp(int(std::floor(x0)), 0, W - 1);
            const int c1 = std::clamp(int(std::ceil(x1)), c0 + 1, W);
            if (seg.compressed && isFree) {
                for (int c = c0; c < c1; ++c)
                    if (!(m_flags[std::size_t(c)] & FlagRegion))
                        m_flags[std::size_t(c)] = FlagBreak;
                continue;
            }
            const QRgb color = m_colors.regionColor(r.type, r.state).rgb();
            const bool hatch = r.state == RegionState::Reserved;
            for (int c = c0; c < c1; ++c) {
                const float cover = float(std::min(x1, double(c + 1)) - std::max(x0, double(c)));
                auto &f = m_flags[std::size_t(c)];
                if (cover > m_cover[std::size_t(c)] || !(f & FlagRegion)) {
                    m_cover[std::size_t(c)] = std::max(cover, m_cover[std::size_t(c)]);
                    m_color[std::size_t(c)] = color;
                    f = std::uint8_t((f & FlagEdge) | FlagRegion | (hatch ? FlagHatch : 0));
                }
            }
            if (seg.x >= rowStart && seg.width >= 4)
                m_flags[std::size_t(c0)] |= FlagEdge;
            if (pageScale && !hatch) {
                // Each column takes the state of the page under its centre.
                const auto &pages = *overlay.pages;
                for (int c = c0; c < c1; ++c) {
                    const Address a = g.addressAt(rowStart + c + 0.5);
                    if (a < r.start || a >= r.end)
                        continue;
                    auto it = std::upper_bound(pages.begin(), pages.end(), a,
                        [](Address addr, const PageInfo &p) { return addr < p.address; });
                    if (it == pages.begin())
                        continue;
                    --it;
                    if (a - it->address >= snapshot.pageSize)
                        continue;
                    m_flags[std::size_t(c)] |= FlagPage;
                    m_pageColor[std::size_t(c)] = m_colors.page[static_cast<std::size_t>(it->state)].rgb();
                    if (pagePixels >= 4) {
                        const double pagePos = g.positionOf(it->address) - rowStart;
                        if (pagePos >= c && pagePos < c + 1)
                            m_flags[std::size_t(c)] |= FlagPageEdge;
                    }
                }
            }
        }

        const int y0 = int(std::lround(row * double(H) - top));
        for (int y = std::max(0, y0); y < std::min(size.height(), y0 + H - kRowGap); ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
            const int ry = y - y0;
            const int n = std::min(W, size.width());
            for (int x = 0; x < n; ++x) {
                const std::uint8_t f = m_flags[std::size_t(x)];
                if (!f)
                    continue;
                QRgb c;
                if (f & FlagBreak) {
                    c = ((x + ry) % 8 < 2) ? hatchBase : breakFill;
                } else if ((f & FlagPage) && ry >= kTypeStrip) {
                    c = (f & FlagPageEdge) ? hatchBase : m_pageColor[std::size_t(x)];
                } else if (f & FlagHatch) {
                    c = ((x + ry) % 6 < 2) ? m_color[std::size_t(x)] : hatchBase;
                    if ((x + ry) % 6 >= 2)
                        c = qRgb((qRed(m_color[std::size_t(x)]) + 2 * qRed(hatchBase)) / 3,
                            (qGreen(m_color[std::size_t(x)]) + 2 * qGreen(hatchBase)) / 3,
                            (qBlue(m_color[std::size_t(x)]) + 2 * qBlue(hatchBase)) / 3);
                } else {
                    c = m_color[std::size_t(x)];
                }
                if (f & FlagEdge) {
                    c = qRgb((qRed(c) * (255 - sepAlpha) + qRed(separator) * sepAlpha) / 255,
                        (qGreen(c) * (255 - sepAlpha) + qGreen(separator) * sepAlpha) / 255,
                        (qBlue(c) * (255 - sepAlpha) + qBlue(separator) * sepAlpha) / 255);
                }
                line[x] = c;
            }
        }
    }
}

void MapRenderer::paintLabels(
    QPainter &p, const Snapshot &snapshot, const MapGeometry &g, double top, QSize size, bool boxed)
{
    const auto &segs = g.segments();
    if (segs.size() != snapshot.regions.size())
        return;
    const int W = g.width();
    const int H = g.rowHeight();
    if (H < 14)
        return;
    QFont font = p.font();
    font.setPixelSize(std::clamp(H - 10, 9, 13));
    p.setFont(font);
    const QFontMetrics fm(font);
    const int firstRow = std::max(0, int(std::floor(top / H)));
    const int lastRow = std::min(g.rowCount() - 1, int(std::floor((top + size.height()) / H)));
    const double from = double(firstRow) * W;
    const double to = double(lastRow + 1) * W;
    std::ptrdiff_t i = std::max<std::ptrdiff_t>(0, g.segmentAt(from));
    int drawn = 0;
    for (; std::size_t(i) < segs.size() && segs[std::size_t(i)].x < to && drawn < 2000; ++i) {
        const auto &seg = segs[std::size_t(i)];
        if (seg.width < 40)
            continue;
        const Region &r = snapshot.regions[std::size_t(i)];
        QString text;
        if (seg.compressed && r.type == RegionType::Free) {
            text = QCoreApplication::translate("MapRenderer", "%1 free").arg(formatBytes(r.size()));
        } else if (seg.compressed && r.state == RegionState::Reserved) {
            text = QCoreApplication::translate("MapRenderer", "%1 reserved").arg(formatBytes(r.size()));
        } else if (seg.compressed) {
            text = QCoreApplication::translate("MapRenderer", "%1, not to scale").arg(formatBytes(r.size()));
        } else if (r.type == RegionType::Free) {
            continue;
        } else {
            const std::string &path = r.path();
            auto slash = path.rfind('/');
            text = displayText(slash == std::string::npos || path.front() == '[' ? path : path.substr(slash + 1));
            if (text.isEmpty())
                text = displayText(r.label());
            if (text.isEmpty())
                text = typeText(r.type);
        }
        for (const QRectF &rect : g.rectsForPositions(std::max(seg.x, from), std::min(seg.x + seg.width, to))) {
            if (rect.width() < 40)
                continue;
            QRectF box(rect.x() + 4, rect.y() - top, rect.width() - 8, rect.height() - kRowGap);
            const QString elided = fm.elidedText(text, Qt::ElideMiddle, int(box.width()));
            if (elided.size() < 3)
                continue;
            if (boxed && !seg.compressed) {
                // Over page cells: the label sits on a box of the region's colour.
                const QRectF back(box.x() - 3, box.y() + 2, fm.horizontalAdvance(elided) + 6, box.height() - 4);
                p.fillRect(back, m_colors.regionColor(r.type, r.state));
            }
            p.setPen(seg.compressed ? m_colors.breakText
                                    : (r.state == RegionState::Reserved ? m_colors.text : QColor(Qt::white)));
            p.drawText(box, Qt::AlignVCenter | (seg.compressed ? Qt::AlignHCenter : Qt::AlignLeft), elided);
            ++drawn;
            break; // once per region
        }
    }
}

void MapRenderer::paint(
    QPainter &p, const Snapshot &snapshot, const MapGeometry &g, double top, QSize size, const MapOverlay &overlay)
{
    fillRows(snapshot, g, top, size, overlay);
    p.drawImage(0, 0, m_image);
    p.setRenderHint(QPainter::Antialiasing, false);
    const bool pageScale = overlay.pages && !overlay.pages->empty() && atPageScale(g, snapshot.pageSize);
    paintLabels(p, snapshot, g, top, size, pageScale);

    auto outline = [&](Address start, Address end, const QColor &color, Qt::PenStyle style, int width) {
        QPen pen(color, width, style);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        for (QRectF rect : g.rectsFor(start, end)) {
            rect.translate(0, -top);
            rect.setHeight(rect.height() - kRowGap);
            if (rect.bottom() < 0 || rect.top() > size.height())
                continue;
            p.drawRect(rect.adjusted(width / 2.0, width / 2.0, -width / 2.0 - 0.5, -width / 2.0 - 0.5));
        }
    };
    int budget = 4000; // diff outlines: enough for any sane diff, bounded for an insane one
    for (const auto &[s, e] : overlay.removed)
        if (budget-- > 0)
            outline(s, e, m_colors.removed, Qt::DashLine, 2);
    for (const auto &[s, e] : overlay.changed)
        if (budget-- > 0)
            outline(s, e, m_colors.changed, Qt::SolidLine, 3);
    for (const auto &[s, e] : overlay.added)
        if (budget-- > 0)
            outline(s, e, m_colors.added, Qt::SolidLine, 3);
    if (overlay.range) {
        for (QRectF rect : g.rectsFor(overlay.range->first, overlay.range->second)) {
            rect.translate(0, -top);
            p.fillRect(rect, m_colors.range);
        }
    }
    if (overlay.selected >= 0 && std::size_t(overlay.selected) < snapshot.regions.size()) {
        const Region &r = snapshot.regions[std::size_t(overlay.selected)];
        outline(r.start, r.end, m_colors.selection, Qt::SolidLine, 2);
    }
}

void MapRenderer::paintLegend(QPainter &p, const QRect &rect, const MapColors &colors, bool pages)
{
    QFont font = p.font();
    font.setPixelSize(std::clamp(rect.height() - 8, 10, 14));
    p.setFont(font);
    const QFontMetrics fm(font);
    int x = rect.left();
    const int box = std::min(rect.height() - 6, 16);
    const int y = rect.top() + (rect.height() - box) / 2;
    auto item = [&](const QColor &fill, bool hatch, const QString &text) {
        p.fillRect(QRect(x, y, box, box), hatch ? colors.background : fill);
        if (hatch) {
            p.setPen(QPen(fill.darker(115), 2));
            for (int d = -box; d < box; d += 5)
                p.drawLine(QPoint(x + std::max(0, d), y + std::max(0, -d)),
                    QPoint(x + std::min(box, box + d), y + std::min(box, box - d)));
        }
        p.setPen(colors.text);
        p.drawRect(QRect(x, y, box, box));
        x += box + 5;
        p.drawText(QRect(x, rect.top(), fm.horizontalAdvance(text) + 2, rect.height()), Qt::AlignVCenter, text);
        x += fm.horizontalAdvance(text) + 16;
    };
    item(colors.type[std::size_t(RegionType::Image)], false, QCoreApplication::translate("MapLegend", "Image"));
    item(colors.type[std::size_t(RegionType::Mapped)], false, QCoreApplication::translate("MapLegend", "Mapped"));
    item(colors.type[std::size_t(RegionType::Private)], false, QCoreApplication::translate("MapLegend", "Private"));
    item(colors.reserved[std::size_t(RegionType::Private)], true,
        QCoreApplication::translate("MapLegend", "Reserved (hatched)"));
    item(colors.breakFill, false, QCoreApplication::translate("MapLegend", "Free (large gaps compressed)"));
    if (pages) {
        x += 8;
        item(colors.page[std::size_t(PageState::None)], false,
            QCoreApplication::translate("MapLegend", "page: not in RAM"));
        item(colors.page[std::size_t(PageState::File)], false, QCoreApplication::translate("MapLegend", "file"));
        item(colors.page[std::size_t(PageState::Anon)], false, QCoreApplication::translate("MapLegend", "anon"));
        item(colors.page[std::size_t(PageState::Swap)], false, QCoreApplication::translate("MapLegend", "swap"));
        item(colors.page[std::size_t(PageState::Guard)], false, QCoreApplication::translate("MapLegend", "guard"));
        item(colors.page[std::size_t(PageState::Zero)], false, QCoreApplication::translate("MapLegend", "zero page"));
    }
}

QImage MapRenderer::renderImage(
    const Snapshot &snapshot, QSize size, const QString &title, const MapColors &colors, const MapOverlay &overlay)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colors.background);
    QPainter p(&image);
    const int margin = std::max(8, size.width() / 100);
    const int titleHeight = title.isEmpty() ? 0 : std::clamp(size.height() / 18, 18, 40);
    const int legendHeight = std::clamp(size.height() / 28, 16, 30);
    if (!title.isEmpty()) {
        QFont f = p.font();
        f.setPixelSize(titleHeight - 8);
        f.setBold(true);
        p.setFont(f);
        p.setPen(colors.text);
        p.drawText(
            QRect(margin, margin / 2, size.width() - 2 * margin, titleHeight), Qt::AlignVCenter | Qt::AlignLeft, title);
    }
    const QRect mapRect(margin, margin / 2 + titleHeight + 4, size.width() - 2 * margin,
        size.height() - titleHeight - legendHeight - margin - 12);
    MapGeometry g;
    g.setSpans(snapshot);
    g.setWidth(mapRect.width());
    g.setRowHeight(std::clamp(mapRect.height() / 24, 12, 28));
    g.setMinRegionPixels(2);
    g.setBreakPixels(std::clamp(mapRect.width() / 10, 60, 160));
    const int rows = std::max(1, mapRect.height() / g.rowHeight());
    g.setBytesPerPixel(g.fitBytesPerPixel(rows));
    MapRenderer renderer(colors);
    p.save();
    p.translate(mapRect.topLeft());
    p.setClipRect(QRect(QPoint(0, 0), mapRect.size()));
    renderer.paint(p, snapshot, g, 0, mapRect.size(), overlay);
    p.restore();
    paintLegend(p, QRect(margin, size.height() - legendHeight - margin / 2, size.width() - 2 * margin, legendHeight),
        colors, overlay.pages != nullptr);
    p.end();
    return image;
}

} // namespace vmatlas::ui
