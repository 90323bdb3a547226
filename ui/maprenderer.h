#pragma once

#include "mapcolors.h"
#include "mapgeometry.h"
#include "model.h"

#include <QImage>
#include <QPainter>

#include <optional>
#include <utility>
#include <vector>

namespace vmatlas::ui {

// What is drawn over the regions.
struct MapOverlay
{
    std::ptrdiff_t selected = -1; // region index
    std::optional<std::pair<Address, Address>> range; // a dragged range
    std::vector<std::pair<Address, Address>> added, changed, removed; // a diff against another snapshot
    const std::vector<PageInfo> *pages = nullptr; // sorted by address, drawn at page scale
};

// Paints a snapshot as the map: the same code for the window and for PNG files. The regions are
// reduced to one colour per pixel column and written into an image (no per-region primitives), then
// labels go where they fit. Antialiasing stays off for the boxes.
class MapRenderer
{
public:
    explicit MapRenderer(MapColors colors = MapColors::light())
        : m_colors(std::move(colors))
    {
    }
    void setColors(MapColors colors) { m_colors = std::move(colors); }
    const MapColors &colors() const { return m_colors; }

    // Draws the rows that intersect [top, top + size.height()) of the map's own coordinates at the
    // painter's origin. geometry must have been laid out from the same snapshot.
    void paint(QPainter &painter, const Snapshot &snapshot, const MapGeometry &geometry, double top, QSize size,
        const MapOverlay &overlay = {});

    // True when pages are wide enough to be drawn one by one.
    static bool atPageScale(const MapGeometry &geometry, std::uint32_t pageSize);
    // The name written on a region: its file's name, a bracketed name ([heap]), else what it is.
    static QString regionLabel(const Region &r, bool byUse = false);
    // Whether a label, elided to fit, still says something: three letters whole ("Mapped"; "[heap]"), or five of
    // a shortened one ("libst…so.6", not "[h…p]"). A Chinese or Japanese character counts as two letters: "私有"
    // (Private) is a whole word.
    static bool labelWorthDrawing(const QString &text, const QString &elided);
    // A region's name on its colour: white, or near black where white would not stand out (3:1, WCAG).
    static QColor labelColour(const QColor &fill);

    // A finished picture for export: title, the map fitted to the space, and a legend. With a range and its
    // pages in the overlay, the map is zoomed to show the range page by page instead.
    static QImage renderImage(const Snapshot &snapshot, QSize size, const QString &title,
        const MapColors &colors = MapColors::light(), const MapOverlay &overlay = {});
    // The legend as drawn by renderImage, wrapped onto as many lines as rect's width needs (rect's height is
    // shared among them).
    static void paintLegend(
        QPainter &painter, const QRect &rect, const MapColors &colors, bool pages, int lineHeight = 0);
    // The lines a legend takes at this width, with lines lineHeight pixels high.
    static int legendLines(const QFont &font, int lineHeight, int width, bool pages, bool colourByUse = false,
        bool heatReferenced = false);

private:
    void fillRows(
        const Snapshot &snapshot, const MapGeometry &geometry, double top, QSize size, const MapOverlay &overlay);
    void paintLabels(
        QPainter &painter, const Snapshot &snapshot, const MapGeometry &geometry, double top, QSize size, bool boxed);

    MapColors m_colors;
    QImage m_image;
    std::vector<QRgb> m_color;
    std::vector<float> m_cover;
    std::vector<std::uint8_t> m_flags;
    std::vector<QRgb> m_pageColor;
    std::vector<std::uint8_t> m_starts; // regions starting in each column of the row being drawn
    std::vector<int> m_varying; // columns of the row whose colour changes from line to line
};

} // namespace vmatlas::ui
