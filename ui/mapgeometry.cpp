#include "mapgeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vmatlas::ui {

void MapGeometry::setSpans(std::vector<Span> spans)
{
    m_spans = std::move(spans);
    m_dirty = true;
}

void MapGeometry::setSpans(const Snapshot &snapshot)
{
    std::vector<Span> spans;
    spans.reserve(snapshot.regions.size());
    for (const Region &r : snapshot.regions)
        spans.push_back({ r.start, r.end, r.type == RegionType::Free, r.state == RegionState::Reserved });
    setSpans(std::move(spans));
    if (snapshot.pageSize)
        setPageSize(snapshot.pageSize);
}

void MapGeometry::setPageSize(std::uint32_t bytes)
{
    m_pageSize = std::max<std::uint32_t>(bytes, 1);
    setBytesPerPixel(m_requestedBpp);
}

int MapGeometry::width() const
{
    return m_pagePixels ? std::max(m_pagePixels, m_width / m_pagePixels * m_pagePixels) : m_width;
}

void MapGeometry::setWidth(int pixels)
{
    m_width = std::max(pixels, 16);
    m_dirty = true;
}

void MapGeometry::setRowHeight(int pixels)
{
    m_rowHeight = std::max(pixels, 1);
}

void MapGeometry::setBytesPerPixel(double bpp)
{
    m_requestedBpp = std::max(bpp, 1.0);
    m_bpp = m_requestedBpp;
    m_pagePixels = 0;
    const double pagePixels = double(m_pageSize) / m_bpp;
    if (pagePixels >= 3 - 1e-9 && pagePixels < double(std::numeric_limits<int>::max())) {
        m_pagePixels = std::max(3, int(std::lround(pagePixels)));
        m_bpp = double(m_pageSize) / m_pagePixels;
    }
    m_dirty = true;
}

double MapGeometry::compressionThreshold() const
{
    // Over 16 MiB (or 64 pixels' worth) a gap is compressed; so is any gap that would take more than
    // two whole rows, which at page zoom is a few hundred KiB of nothing.
    return std::min(std::max(64.0 * m_bpp, 16.0 * 1024 * 1024), 2.0 * width() * m_bpp);
}

std::size_t MapGeometry::mappedSpans() const
{
    return std::size_t(std::count_if(m_spans.begin(), m_spans.end(), [](const Span &s) { return !s.free; }));
}

void MapGeometry::adaptMinRegionPixels(double area)
{
    const std::size_t n = mappedSpans();
    setMinRegionPixels(n ? std::clamp(0.5 * area / double(n), 0.25, 2.0) : 2.0);
}

double MapGeometry::fitBytesPerPixel(int rows) const
{
    // Solve for the bpp at which the laid-out length equals rows * width. The length falls as bpp
    // grows, so bisect on a log scale.
    MapGeometry probe = *this;
    double lo = 1, hi = 1e15;
    for (int i = 0; i < 80; ++i) {
        double mid = std::sqrt(lo * hi);
        probe.setBytesPerPixel(mid);
        if (probe.length() > double(std::max(rows, 1)) * probe.width()) // rows of whole pages at page scale
            lo = mid;
        else
            hi = mid;
        if (hi / lo < 1.001)
            break;
    }
    return hi;
}

void MapGeometry::layout() const
{
    if (!m_dirty)
        return;
    m_dirty = false;
    m_segments.clear();
    m_segments.reserve(m_spans.size());
    const double threshold = compressionThreshold();
    const double k = m_pagePixels;
    const double W = width();
    // At page scale, whole pages: exact in binary (a page is a power of two) for page-aligned spans.
    const auto wholePages = [&](double px) { return k ? std::max(k, std::ceil(px / k - 1e-9) * k) : px; };
    double x = 0;
    for (const Span &s : m_spans) {
        const double bytes = double(s.end - s.start);
        Segment seg { s.start, s.end, x, k ? bytes / m_pageSize * k : bytes / m_bpp, false };
        if ((s.free && bytes > threshold) || (!s.free && bytes > double(kHugeRegionRows) * W * m_bpp)) {
            seg.width = wholePages(m_breakPixels);
            seg.compressed = true;
        } else if (!s.free) {
            seg.width = wholePages(std::max(seg.width, m_minRegion));
        } else {
            seg.width = wholePages(seg.width);
        }
        x += seg.width;
        m_segments.push_back(seg);
    }
    m_length = x;
}

const std::vector<MapGeometry::Segment> &MapGeometry::segments() const
{
    layout();
    return m_segments;
}

double MapGeometry::length() const
{
    layout();
    return m_length;
}

int MapGeometry::rowCount() const
{
    // Bounded so that rows times a row's height stays an int (scroll bars are ints).
    return int(std::clamp(std::ceil(length() / width()), 1.0, double(kMaxRows)));
}

std::ptrdiff_t MapGeometry::segmentAt(double position) const
{
    layout();
    if (m_segments.empty() || position < 0 || position >= m_length)
        return -1;
    auto it = std::upper_bound(
        m_segments.begin(), m_segments.end(), position, [](double p, const Segment &s) { return p < s.x; });
    return (it - m_segments.begin()) - 1;
}

double MapGeometry::positionOf(Address a) const
{
    layout();
    if (m_segments.empty())
        return 0;
    if (a <= m_segments.front().start)
        return 0;
    if (a >= m_segments.back().end)
        return m_length;
    auto it = std::upper_bound(
        m_segments.begin(), m_segments.end(), a, [](Address addr, const Segment &s) { return addr < s.start; });
    const Segment &s = *(it - 1);
    if (a >= s.end) // between non-adjacent spans: the start of the next one
        return it == m_segments.end() ? m_length : it->x;
    if (m_pagePixels && !s.compressed)
        return s.x + double(a - s.start) / m_pageSize * m_pagePixels; // a page's start on a whole pixel
    return s.x + s.width * (double(a - s.start) / double(s.end - s.start));
}

Address MapGeometry::addressAt(double position) const
{
    layout();
    if (m_segments.empty())
        return 0;
    if (position <= 0)
        return m_segments.front().start;
    if (position >= m_length)
        return m_segments.back().end - 1;
    const Segment &s = m_segments[std::size_t(segmentAt(position))];
    const double frac = s.width > 0 ? (position - s.x) / s.width : 0;
    Address a = s.start + Address(frac * double(s.end - s.start));
    return std::min(a, s.end - 1);
}

QPointF MapGeometry::pointOf(double position) const
{
    const double W = width();
    const double row = std::floor(position / W);
    return { position - row * W, row * m_rowHeight };
}

double MapGeometry::positionAt(QPointF point) const
{
    const double W = width();
    const double row = std::clamp(std::floor(point.y() / m_rowHeight), 0.0, double(rowCount() - 1));
    const double x = std::clamp(point.x(), 0.0, W - 1e-9);
    return std::min(row * W + x, std::max(length() - 1e-9, 0.0));
}

std::vector<QRectF> MapGeometry::rectsForPositions(double from, double to) const
{
    std::vector<QRectF> rects;
    if (to <= from)
        return rects;
    const double W = width();
    double p = from;
    while (p < to) {
        const double row = std::floor(p / W);
        const double rowEnd = (row + 1) * W;
        const double e = std::min(to, rowEnd);
        rects.emplace_back(p - row * W, row * m_rowHeight, e - p, m_rowHeight);
        p = e;
    }
    return rects;
}

std::vector<QRectF> MapGeometry::rectsFor(Address start, Address end) const
{
    return rectsForPositions(positionOf(start), positionOf(end));
}

} // namespace vmatlas::ui
