#pragma once

#include "model.h"

#include <QPointF>
#include <QRectF>

#include <vector>

namespace vmatlas::ui {

// Where each address lands on the map. The address axis is laid out left to right in rows of
// width() pixels, top to bottom, like a hex dump. Along it every region gets size / bytesPerPixel
// pixels, but a mapped region never less than minRegionPixels (so a 4 KiB page next to a 1 GiB
// reservation stays visible), and a free gap larger than compressionThreshold() becomes a fixed
// break of breakPixels (so 128 TiB with a few GiB in use reads well); so does any region that would fill
// more than kHugeRegionRows rows (terabytes mapped, like ASan's shadow, at page zoom), labelled with its
// size. Positions are monotonic in the
// address, so hit-testing is a binary search.
//
// At page scale (a page 3 pixels wide or more) every page is a whole number of pixels wide and lies in one row:
// the bytes per pixel snap to a page over a whole number of pixels, a row holds whole pages (width() is the widest
// such row within the width asked for), and breaks are whole pages wide. So a lab's page is never cut at the end of
// a row, half of it on the next.
class MapGeometry
{
public:
    struct Span
    {
        Address start = 0;
        Address end = 0;
        bool free = false;
        bool reserved = false; // held, no access (drawn hatched)
    };
    struct Segment
    {
        Address start = 0;
        Address end = 0;
        double x = 0; // offset along the axis, in pixels
        double width = 0;
        bool compressed = false; // a free gap, or a huge region, shown as a fixed break
    };

    void setSpans(std::vector<Span> spans);
    void setSpans(const Snapshot &snapshot);
    void setWidth(int pixels);
    void setRowHeight(int pixels);
    void setBytesPerPixel(double bpp); // snapped at page scale (see above)
    void setPageSize(std::uint32_t bytes); // the snapshot's, with setSpans(snapshot); 4 KiB otherwise
    void setMinRegionPixels(double px)
    {
        m_minRegion = px;
        m_dirty = true;
    }
    void setBreakPixels(double px)
    {
        m_breakPixels = px;
        m_dirty = true;
    }

    int width() const; // at page scale, whole pages: up to a page's width less than asked for
    int availableWidth() const { return m_width; } // as asked for
    int rowHeight() const { return m_rowHeight; }
    double bytesPerPixel() const { return m_bpp; }
    // As asked, before the snap: zooming by small steps multiplies this, or it would never leave a page width.
    double requestedBytesPerPixel() const { return m_requestedBpp; }
    std::uint32_t pageSize() const { return m_pageSize; }
    // A page's width in pixels at page scale (3 or more, whole), 0 otherwise.
    int pagePixels() const { return m_pagePixels; }
    double minRegionPixels() const { return m_minRegion; }
    double breakPixels() const { return m_breakPixels; }
    // A free gap is compressed when it is larger than this many bytes: 16 MiB or 64 pixels' worth,
    // whichever is more, but never more than two rows' worth.
    double compressionThreshold() const;

    // Narrows the minimum width of a region so that the regions' minimums take at most half of area pixels
    // (20,000 mappings of a page each would otherwise need 40,000 pixels and squeeze the rest of the map to
    // nothing): between 0.25 and 2 pixels.
    void adaptMinRegionPixels(double area);
    std::size_t mappedSpans() const;

    // The bytes-per-pixel at which everything fits in rows x width pixels.
    double fitBytesPerPixel(int rows) const;

    const std::vector<Segment> &segments() const;
    double length() const; // total pixels along the axis
    int rowCount() const; // rows needed for the whole axis (at most kMaxRows)
    static constexpr int kMaxRows = 20'000'000;
    static constexpr int kHugeRegionRows = 100'000;

    double positionOf(Address a) const; // pixels along the axis
    Address addressAt(double position) const; // inverse of positionOf, clamped to the spans
    QPointF pointOf(double position) const; // top-left of the cell at this position
    double positionAt(QPointF point) const; // the axis position under a point (clamped to rows)
    Address addressAtPoint(QPointF point) const { return addressAt(positionAt(point)); }
    // The index of the segment holding position, or -1.
    std::ptrdiff_t segmentAt(double position) const;

    // The rectangles covering [start, end) (one per row touched).
    std::vector<QRectF> rectsFor(Address start, Address end) const;
    std::vector<QRectF> rectsForPositions(double from, double to) const;

private:
    void layout() const;

    std::vector<Span> m_spans;
    int m_width = 800;
    int m_rowHeight = 24;
    double m_bpp = 4096;
    double m_requestedBpp = 4096;
    std::uint32_t m_pageSize = 4096;
    int m_pagePixels = 0;
    double m_minRegion = 2;
    double m_breakPixels = 48;
    mutable bool m_dirty = true;
    mutable std::vector<Segment> m_segments;
    mutable double m_length = 0;
};

} // namespace vmatlas::ui
