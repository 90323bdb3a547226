#include "maprenderer.h"

#include "formatting.h"
#include "uitext.h"

#include <QCoreApplication>
#include <QFontMetrics>

#include <algorithm>
#include <cmath>
#include <cstring>

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
    FlagShared = 64, // the middle of a page also mapped by another process: a dot
};

constexpr int kRowGap = 3; // pixels between rows
constexpr int kTypeStrip = 5; // at page scale, the type colour on top

// At page scale the region's colour runs along the top of the row as a strip that carries its name when the
// row is tall enough, so no label ever covers a page cell.
int topStrip(int rowHeight, bool pageScale)
{
    return pageScale && rowHeight >= 20 ? std::clamp(rowHeight / 2 - 2, 9, 13) : kTypeStrip;
}

bool sharedPage(const PageInfo &page)
{
    return !page.exclusive && (page.state == PageState::File || page.state == PageState::Anon);
}

} // namespace

QColor MapRenderer::labelColour(const QColor &fill)
{
    // WCAG's relative luminance and contrast ratio. White below 3:1 (the least for large text) gives way to near
    // black: white on Mapped's orange was 2.1:1, hard to read on a projector.
    auto channel = [](int c) {
        const double v = c / 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const double l = 0.2126 * channel(fill.red()) + 0.7152 * channel(fill.green()) + 0.0722 * channel(fill.blue());
    return 1.05 / (l + 0.05) >= 3.0 ? QColor(Qt::white) : QColor(0x1a, 0x1a, 0x1a);
}

bool MapRenderer::labelWorthDrawing(const QString &text, const QString &elided)
{
    int letters = 0;
    for (const QChar ch : elided) {
        const char16_t u = ch.unicode();
        const bool wide = (u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7AF) || (u >= 0xF900 && u <= 0xFAFF)
            || (u >= 0xFF00 && u <= 0xFF60);
        letters += wide ? 2 : 1;
    }
    // "[h…p]" says nothing: a shortened name keeps at least five of its letters (and the ellipsis), or is not drawn.
    return letters >= 3 && (elided == text || letters >= 6);
}

QString MapRenderer::regionLabel(const Region &r, bool byUse)
{
    const std::string &path = r.path();
    const auto slash = path.rfind('/');
    // Shared anonymous memory and SysV segments are named by their kind: the kernel's "zero (deleted)" or
    // "SYSV00000000 (deleted)" would say that a file was lost.
    QString text;
    if (r.labelKind != LabelKind::SharedAnon && r.labelKind != LabelKind::SysvShm)
        text = displayText(slash == std::string::npos || path.front() == '[' ? path : path.substr(slash + 1));
    // A memfd is never linked into a folder: the kernel's "(deleted)" on its name says nothing, and took the room
    // of the name ("memfd:v…eleted)" at 1024 pixels).
    if (r.labelKind == LabelKind::Memfd && text.endsWith(QLatin1String(" (deleted)")))
        text.chop(10);
    if (text.isEmpty())
        text = labelText(r);
    if (text.isEmpty())
        text = byUse ? useText(r.use) : typeText(r.type);
    return text;
}

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
    m_starts.assign(std::size_t(W), 0);

    const auto &segs = g.segments();
    if (segs.empty() || segs.size() != snapshot.regions.size())
        return;
    const bool pageScale = overlay.pages && !overlay.pages->empty() && atPageScale(g, snapshot.pageSize);
    const double pagePixels = double(snapshot.pageSize) / g.bytesPerPixel();
    const int strip = topStrip(g.rowHeight(), pageScale);
    // The shared-page dot: a square a third of the cell's height, in the middle of the page.
    const double dotHalf = std::max(1.0, (g.rowHeight() - kRowGap - strip) / 6.0);
    const QRgb sharedMark = m_colors.sharedMark.rgb();
    const QRgb hatchBase = m_colors.background.rgb();
    const QRgb breakFill = m_colors.breakFill.rgb();
    const QRgb separator = m_colors.separator.rgb();
    const int sepAlpha = m_colors.separator.alpha();

    const int firstRow = std::max(0, int(std::floor(top / H)));
    const int lastRow = std::min(g.rowCount() - 1, int(std::floor((top + size.height()) / H)));
    for (int row = firstRow; row <= lastRow; ++row) {
        std::fill(m_flags.begin(), m_flags.end(), 0);
        std::fill(m_cover.begin(), m_cover.end(), 0.f);
        std::fill(m_starts.begin(), m_starts.end(), std::uint8_t(0));
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
            // Read-only (code, constants, r-- views) darker than writable: alternating protections show.
            const QRgb color = m_colors.colorOf(r).rgb();
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
            if (seg.x >= rowStart && m_starts[std::size_t(c0)] < 255)
                ++m_starts[std::size_t(c0)];
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
                        // The middle of a shared page, when a page is wide enough for a dot.
                        if (pagePixels >= 6 && sharedPage(*it)
                            && std::abs(c + 0.5 - pagePos - pagePixels / 2) < std::min(dotHalf, pagePixels / 3))
                            m_flags[std::size_t(c)] |= FlagShared;
                    }
                }
            }
        }

        const int y0 = int(std::lround(row * double(H) - top));
        const int cellHeight = H - kRowGap - strip;
        const int dotFrom = strip + cellHeight / 3, dotTo = strip + cellHeight - cellHeight / 3;
        const int n = std::min(W, size.width());
        // The colour of column x on line ry of the row.
        auto pixel = [&](int x, int ry) {
            const std::uint8_t f = m_flags[std::size_t(x)];
            QRgb c;
            if (f & FlagBreak) {
                c = ((x + ry) % 8 < 2) ? hatchBase : breakFill;
            } else if ((f & FlagPage) && ry >= strip) {
                c = (f & FlagPageEdge)
                    ? hatchBase
                    : ((f & FlagShared) && ry >= dotFrom && ry < dotTo ? sharedMark : m_pageColor[std::size_t(x)]);
            } else if (f & FlagHatch) {
                c = ((x + ry) % 6 < 2) ? m_color[std::size_t(x)] : hatchBase;
                if ((x + ry) % 6 >= 2)
                    c = qRgb((qRed(m_color[std::size_t(x)]) + 2 * qRed(hatchBase)) / 3,
                        (qGreen(m_color[std::size_t(x)]) + 2 * qGreen(hatchBase)) / 3,
                        (qBlue(m_color[std::size_t(x)]) + 2 * qBlue(hatchBase)) / 3);
            } else {
                c = m_color[std::size_t(x)];
            }
            // Boundaries are lines: a column where several regions start (thousands of small mappings) is
            // drawn lighter in proportion, so a dense stretch reads as many regions, not one.
            if (const int starts = m_starts[std::size_t(x)]; starts >= 2 && !(f & FlagBreak)) {
                const int a = std::min(3, starts - 1) * sepAlpha / 4;
                c = qRgb((qRed(c) * (255 - a) + qRed(separator) * a) / 255,
                    (qGreen(c) * (255 - a) + qGreen(separator) * a) / 255,
                    (qBlue(c) * (255 - a) + qBlue(separator) * a) / 255);
            }
            if (f & FlagEdge) {
                c = qRgb((qRed(c) * (255 - sepAlpha) + qRed(separator) * sepAlpha) / 255,
                    (qGreen(c) * (255 - sepAlpha) + qGreen(separator) * sepAlpha) / 255,
                    (qBlue(c) * (255 - sepAlpha) + qBlue(separator) * sepAlpha) / 255);
            }
            return c;
        };
        // Most columns are the same on every line of the row: the first line is computed whole and copied to
        // the others, where only the columns that change from line to line (hatching, breaks, page cells) are
        // computed again.
        m_varying.clear();
        for (int x = 0; x < n; ++x)
            if (m_flags[std::size_t(x)] & (FlagBreak | FlagHatch | FlagPage))
                m_varying.push_back(x);
        const QRgb *first = nullptr;
        for (int y = std::max(0, y0); y < std::min(size.height(), y0 + H - kRowGap); ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
            const int ry = y - y0;
            if (!first) {
                for (int x = 0; x < n; ++x)
                    if (m_flags[std::size_t(x)])
                        line[x] = pixel(x, ry);
                first = line;
                continue;
            }
            std::memcpy(line, first, std::size_t(n) * sizeof(QRgb));
            for (int x : m_varying)
                line[x] = pixel(x, ry);
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
    QFont stripFont = font;
    const int strip = topStrip(H, boxed);
    // The whole text in the strip, from its top, with a pixel to spare below: an underscore lies at the bottom of
    // the font's descent, and a font as tall as the strip lost "[vvar_vclock]"'s.
    int stripPixels = std::max(8, strip - 1);
    stripFont.setPixelSize(stripPixels);
    while (stripPixels > 7 && QFontMetrics(stripFont).height() >= strip)
        stripFont.setPixelSize(--stripPixels);
    const int stripDrop = QFontMetrics(stripFont).height() + 2 <= strip ? 1 : 0;
    const QFontMetrics fm(font), stripMetrics(stripFont);
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
            text = regionLabel(r, m_colors.colourByUse);
        }
        for (const QRectF &rect : g.rectsForPositions(std::max(seg.x, from), std::min(seg.x + seg.width, to))) {
            if (rect.width() < 40)
                continue;
            // At page scale a region's name goes in its strip above the page cells, never over them.
            const bool inStrip = boxed && !seg.compressed;
            if (inStrip && strip == kTypeStrip)
                break; // rows too low for a strip that holds text: the tooltip names the region
            const QFontMetrics &metrics = inStrip ? stripMetrics : fm;
            // In the strip: a pixel below its top edge where the font leaves room (the outline of a selection or a
            // lab's range is drawn on that edge).
            const int drop = inStrip ? stripDrop : 0;
            QRectF box(rect.x() + 4, rect.y() - top + drop, rect.width() - 8,
                inStrip ? strip - drop : rect.height() - kRowGap);
            // A file name keeps its start and its end ("libstd….so.6"); words keep their start ("reserved, n…").
            QString elided
                = metrics.elidedText(text, r.path().empty() ? Qt::ElideRight : Qt::ElideMiddle, int(box.width()));
            if (seg.compressed && elided != text) {
                // "64.0 … free" says less than "64.0 GiB": a break that is too narrow for its words gets its size.
                const QString size = formatBytes(r.size());
                elided = metrics.horizontalAdvance(size) <= box.width() ? size : QString();
            }
            if (!labelWorthDrawing(text, elided))
                continue;
            p.setFont(inStrip ? stripFont : font);
            p.setPen(seg.compressed                    ? m_colors.breakText
                    : r.state == RegionState::Reserved ? m_colors.text
                                                       : labelColour(m_colors.colorOf(r)));
            p.drawText(box,
                (inStrip ? Qt::AlignTop : Qt::AlignVCenter) | (seg.compressed ? Qt::AlignHCenter : Qt::AlignLeft),
                elided);
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

    // A diff outline is a coloured line inside a dark casing, so it stands out on every type colour (a
    // vermillion line alone vanishes on orange Mapped regions).
    auto outline
        = [&](Address start, Address end, const QColor &color, Qt::PenStyle style, int width, bool cased = false) {
              p.setBrush(Qt::NoBrush);
              for (QRectF rect : g.rectsFor(start, end)) {
                  rect.translate(0, -top);
                  rect.setHeight(rect.height() - kRowGap);
                  if (rect.bottom() < 0 || rect.top() > size.height())
                      continue;
                  if (cased) {
                      p.setPen(QPen(m_colors.casing, width + 2, Qt::SolidLine));
                      p.drawRect(rect.adjusted(width / 2.0, width / 2.0, -width / 2.0 - 0.5, -width / 2.0 - 0.5));
                  }
                  p.setPen(QPen(color, width, style));
                  p.drawRect(rect.adjusted(width / 2.0, width / 2.0, -width / 2.0 - 0.5, -width / 2.0 - 0.5));
              }
          };
    int budget = 4000; // diff outlines: enough for any sane diff, bounded for an insane one
    for (const auto &[s, e] : overlay.removed)
        if (budget-- > 0)
            outline(s, e, m_colors.removed, Qt::DashLine, 2);
    for (const auto &[s, e] : overlay.changed)
        if (budget-- > 0)
            outline(s, e, m_colors.changed, Qt::SolidLine, 3, true);
    for (const auto &[s, e] : overlay.added)
        if (budget-- > 0)
            outline(s, e, m_colors.added, Qt::SolidLine, 3, true);
    if (overlay.selected >= 0 && std::size_t(overlay.selected) < snapshot.regions.size()) {
        const Region &r = snapshot.regions[std::size_t(overlay.selected)];
        outline(r.start, r.end, m_colors.selection, Qt::SolidLine, 2);
    }
    if (overlay.range) {
        // Outlined, never shaded: the colours stay true to the legend (a shade over a region reads as its darker,
        // read-only colour; over pages it would change their states' colours). Over the selected region's outline:
        // a lab's range is what the step is about, and its edges often run along the region's.
        const QColor s = m_colors.selection, under(255 - s.red(), 255 - s.green(), 255 - s.blue());
        outline(overlay.range->first, overlay.range->second, under, Qt::SolidLine, 2); // dashes on any colour
        outline(overlay.range->first, overlay.range->second, s, Qt::DashLine, 2);
    }
    // The names last: an outline's top edge runs through a strip's text ("Private" in a lab's range was crossed
    // out by its dashes); over the dashes, the text stays whole.
    paintLabels(p, snapshot, g, top, size, pageScale);
}

namespace {

struct LegendItem
{
    QColor fill;
    bool hatch = false;
    bool dot = false; // a page shared with another process
    QString text;
};

std::vector<LegendItem> legendItems(const MapColors &colors, bool pages)
{
    auto text = [](const char *source) { return QCoreApplication::translate("MapLegend", source); };
    std::vector<LegendItem> items;
    if (colors.heatReferenced) {
        // Heat since a mark (insidetools.h): what the process touched, by region.
        items.push_back({ colors.heat(-1), false, false,
            text(QT_TRANSLATE_NOOP("MapLegend", "nothing referenced since the mark")) });
        items.push_back({ colors.heat(0.1), false, false,
            text(QT_TRANSLATE_NOOP("MapLegend", "a few resident pages referenced")) });
        items.push_back(
            { colors.heat(1), false, false, text(QT_TRANSLATE_NOOP("MapLegend", "all resident pages referenced")) });
        items.push_back(
            { colors.breakFill, false, false, text(QT_TRANSLATE_NOOP("MapLegend", "Free (large gaps compressed)")) });
        return items;
    }
    if (colors.colourByUse) {
        for (RegionUse u : { RegionUse::Image, RegionUse::MappedFile, RegionUse::Shareable, RegionUse::Heap,
                 RegionUse::ManagedHeap, RegionUse::Stack, RegionUse::StackGuard, RegionUse::PrivateData })
            items.push_back({ colors.use[std::size_t(u)], false, false, useText(u) });
        items.push_back(
            { colors.breakFill, false, false, text(QT_TRANSLATE_NOOP("MapLegend", "Free (large gaps compressed)")) });
    }
    std::vector<LegendItem> byType = {
        { colors.type[std::size_t(RegionType::Image)], false, false, text(QT_TRANSLATE_NOOP("MapLegend", "Image")) },
        { colors.type[std::size_t(RegionType::Mapped)], false, false, text(QT_TRANSLATE_NOOP("MapLegend", "Mapped")) },
        { colors.type[std::size_t(RegionType::Private)], false, false,
            text(QT_TRANSLATE_NOOP("MapLegend", "Private")) },
        { colors.reserved[std::size_t(RegionType::Private)], true, false,
            text(QT_TRANSLATE_NOOP("MapLegend", "Reserved (hatched)")) },
        { colors.readOnly[std::size_t(RegionType::Private)], false, false,
            text(QT_TRANSLATE_NOOP("MapLegend", "read-only (darker)")) },
        { colors.breakFill, false, false, text(QT_TRANSLATE_NOOP("MapLegend", "Free (large gaps compressed)")) },
    };
    if (!colors.colourByUse)
        items = std::move(byType);
    if (pages) {
        items.push_back({ colors.page[std::size_t(PageState::None)], false, false,
            text(QT_TRANSLATE_NOOP("MapLegend", "page: not in RAM")) });
        items.push_back(
            { colors.page[std::size_t(PageState::File)], false, false, text(QT_TRANSLATE_NOOP("MapLegend", "file")) });
        items.push_back(
            { colors.page[std::size_t(PageState::Anon)], false, false, text(QT_TRANSLATE_NOOP("MapLegend", "anon")) });
        items.push_back(
            { colors.page[std::size_t(PageState::Swap)], false, false, text(QT_TRANSLATE_NOOP("MapLegend", "swap")) });
        items.push_back({ colors.page[std::size_t(PageState::Guard)], false, false,
            text(QT_TRANSLATE_NOOP("MapLegend", "guard")) });
        items.push_back({ colors.page[std::size_t(PageState::Zero)], false, false,
            text(QT_TRANSLATE_NOOP("MapLegend", "zero page")) });
        items.push_back(
            { colors.page[std::size_t(PageState::Anon)], false, true, text(QT_TRANSLATE_NOOP("MapLegend", "shared")) });
    }
    return items;
}

// Lays the items out in lines no wider than width: the line of each item, and its x.
std::vector<std::pair<int, int>> legendLayout(
    const std::vector<LegendItem> &items, const QFontMetrics &fm, int box, int left, int width)
{
    std::vector<std::pair<int, int>> at;
    int line = 0, x = left;
    for (const LegendItem &item : items) {
        const int w = box + 5 + fm.horizontalAdvance(item.text);
        if (x > left && x + w > left + width) {
            ++line;
            x = left;
        }
        at.emplace_back(line, x);
        x += w + 16;
    }
    return at;
}

QFont legendFont(const QFont &base, int lineHeight)
{
    QFont font = base;
    font.setPixelSize(std::clamp(lineHeight - 8, 10, 14));
    return font;
}

} // namespace

int MapRenderer::legendLines(
    const QFont &base, int lineHeight, int width, bool pages, bool colourByUse, bool heatReferenced)
{
    MapColors colors = MapColors::light();
    colors.colourByUse = colourByUse;
    colors.heatReferenced = heatReferenced;
    const QFontMetrics fm(legendFont(base, lineHeight));
    const int box = std::min(lineHeight - 6, 16);
    const auto at = legendLayout(legendItems(colors, pages), fm, box, 0, width);
    return at.empty() ? 1 : at.back().first + 1;
}

void MapRenderer::paintLegend(QPainter &p, const QRect &rect, const MapColors &colors, bool pages, int lineHeight)
{
    const auto items = legendItems(colors, pages);
    // As many lines as the width needs, lineHeight pixels each (by default, the rect's height).
    if (lineHeight <= 0)
        lineHeight = rect.height();
    const QFont font = legendFont(p.font(), lineHeight);
    p.setFont(font);
    const QFontMetrics fm(font);
    const int box = std::min(lineHeight - 6, 16);
    const auto at = legendLayout(items, fm, box, rect.left(), rect.width());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const LegendItem &item = items[i];
        const int top = rect.top() + at[i].first * lineHeight;
        int x = at[i].second;
        const int y = top + (lineHeight - box) / 2;
        p.fillRect(QRect(x, y, box, box), item.hatch ? colors.background : item.fill);
        if (item.hatch) {
            p.setPen(QPen(item.fill.darker(115), 2));
            for (int d = -box; d < box; d += 5)
                p.drawLine(QPoint(x + std::max(0, d), y + std::max(0, -d)),
                    QPoint(x + std::min(box, box + d), y + std::min(box, box - d)));
        }
        if (item.dot) {
            const int d = std::max(3, box / 3);
            p.fillRect(QRect(x + (box - d) / 2, y + (box - d) / 2, d, d), colors.sharedMark);
        }
        p.setPen(colors.text);
        p.drawRect(QRect(x, y, box, box));
        x += box + 5;
        p.drawText(QRect(x, top, fm.horizontalAdvance(item.text) + 2, lineHeight), Qt::AlignVCenter, item.text);
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
    const int legendLine = std::clamp(size.height() / 28, 16, 30);
    // The legend is laid out here as paintLegend lays it out: same font, same items.
    const int legendHeight = legendLine
        * legendLines(p.font(), legendLine, size.width() - 2 * margin, overlay.pages != nullptr, colors.colourByUse,
            colors.heatReferenced);
    if (!title.isEmpty()) {
        p.save(); // the title's bold font is the title's only: a bold legend would need more lines than it has
        QFont f = p.font();
        f.setPixelSize(titleHeight - 8);
        f.setBold(true);
        p.setFont(f);
        p.setPen(colors.text);
        p.drawText(
            QRect(margin, margin / 2, size.width() - 2 * margin, titleHeight), Qt::AlignVCenter | Qt::AlignLeft, title);
        p.restore();
    }
    const QRect mapRect(margin, margin / 2 + titleHeight + 4, size.width() - 2 * margin,
        size.height() - titleHeight - legendHeight - margin - 12);
    MapGeometry g;
    g.setSpans(snapshot);
    g.setWidth(mapRect.width());
    g.setRowHeight(std::clamp(mapRect.height() / 24, 12, 28));
    g.setBreakPixels(std::clamp(mapRect.width() / 10, 60, 160));
    const int rows = std::max(1, mapRect.height() / g.rowHeight());
    g.adaptMinRegionPixels(double(rows) * g.width());
    g.setBytesPerPixel(g.fitBytesPerPixel(rows));
    double top = 0;
    if (overlay.range && overlay.pages && !overlay.pages->empty()) {
        // Zoomed to the range: taller rows, pages as wide as they can be (up to 48 px) with the range in half
        // the rows, and the range in the middle of the picture.
        const int zoomedRows = std::max(1, mapRect.height() / std::clamp(mapRect.height() / 14, 28, 48));
        const double pages = std::max(1.0, double(overlay.range->second - overlay.range->first) / snapshot.pageSize);
        const double pagePixels
            = std::min(48.0, std::floor(double(mapRect.width()) * std::max(1, zoomedRows / 2) / pages));
        if (pagePixels >= 3) {
            g.setRowHeight(mapRect.height() / zoomedRows);
            g.setBytesPerPixel(double(snapshot.pageSize) / pagePixels);
            const double rangeTop = g.pointOf(g.positionOf(overlay.range->first)).y();
            const double last = double(g.rowCount()) * g.rowHeight() - mapRect.height();
            top = std::clamp(rangeTop - mapRect.height() / 3.0, 0.0, std::max(0.0, last));
        }
    }
    MapRenderer renderer(colors);
    p.save();
    p.translate(mapRect.topLeft());
    p.setClipRect(QRect(QPoint(0, 0), mapRect.size()));
    renderer.paint(p, snapshot, g, top, mapRect.size(), overlay);
    p.restore();
    paintLegend(p, QRect(margin, size.height() - legendHeight - margin / 2, size.width() - 2 * margin, legendHeight),
        colors, overlay.pages != nullptr, legendLine);
    p.end();
    return image;
}

} // namespace vmatlas::ui
