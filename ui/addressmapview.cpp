#include "addressmapview.h"

#include "formatting.h"
#include "frame.h"
#include "settingskeys.h"
#include "uitext.h"
#include "viewstate.h"

#include <QAction>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vmatlas::ui {

AddressMapView::AddressMapView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setMinimumSize(320, 160);
    // The user's own scrolling (the bar dragged, clicked or stepped; never a program's setValue) leaves a lab's
    // range where it is.
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] { m_pageFocus.reset(); });
    m_geometry.setRowHeight(26);
    m_geometry.setMinRegionPixels(2);
    m_geometry.setBreakPixels(kBreakPixels);
    m_renderer.setColors(MapColors::forPalette(palette()));
    m_visibleTimer.setSingleShot(true);
    m_visibleTimer.setInterval(120);
    connect(&m_visibleTimer, &QTimer::timeout, this, &AddressMapView::emitVisibleRange);
    m_hoverTimer.setSingleShot(true);
    m_hoverTimer.setInterval(700);
    connect(&m_hoverTimer, &QTimer::timeout, this, [this] {
        if (viewport()->rect().contains(m_hoverPos) && !m_dragging && !m_panning)
            m_tipShown = showToolTip(m_hoverPos);
    });
    setWhatsThis(tr("The address map: every region of the process from the lowest address (top left) to the "
                    "highest. Wheel to zoom, drag to measure a range, click to select."));
}

void AddressMapView::setSnapshot(SnapshotPtr snapshot)
{
    // Keep the top row's address where it is: the address in the middle of that row (at its start,
    // rounding could land it on the row before), and the same offset into the row.
    const int topRow = int(scrollTop()) / m_geometry.rowHeight();
    const int rowOffset = int(scrollTop()) - topRow * m_geometry.rowHeight();
    const Address anchor
        = m_snapshot && !m_snapshot->regions.empty() ? m_geometry.addressAt((topRow + 0.5) * m_geometry.width()) : 0;
    const bool hadSnapshot = m_snapshot && !m_snapshot->regions.empty();
    if (!snapshot || !m_snapshot || snapshot->pid != m_snapshot->pid)
        m_pageFocus.reset(); // another process: the lab's range is not in it
    m_snapshot = std::move(snapshot);
    m_mappedBytes = 0;
    if (m_snapshot)
        for (const Region &r : m_snapshot->regions)
            if (r.type != RegionType::Free) // terabyte reservations become breaks: count a bounded share
                m_mappedBytes += std::min(double(r.size()), 16.0 * (1ULL << 30));
    if (m_snapshot)
        m_geometry.setSpans(*m_snapshot);
    else
        m_geometry.setSpans(std::vector<MapGeometry::Span> {});
    if (m_overlay.selected >= 0 && (!m_snapshot || std::size_t(m_overlay.selected) >= m_snapshot->regions.size()))
        m_overlay.selected = -1;
    if (!m_fitted || !hadSnapshot) {
        m_fitted = m_snapshot && !m_snapshot->regions.empty();
        relayout(false);
        zoomToFit();
    } else {
        if (m_geometry.bytesPerPixel() < minBytesPerPixel())
            m_geometry.setBytesPerPixel(minBytesPerPixel()); // a new layout may not fit at this zoom
        relayout(false);
        const double pos = m_geometry.positionOf(anchor);
        verticalScrollBar()->setValue(int(std::floor(pos / m_geometry.width())) * m_geometry.rowHeight() + rowOffset);
    }
    m_visibleTimer.start();
    viewport()->update();
    refreshToolTip();
}

void AddressMapView::refreshToolTip()
{
    // A tooltip on screen follows the refresh: same place, fresh numbers.
    if (m_tipShown && QToolTip::isVisible() && viewport()->rect().contains(m_hoverPos))
        m_tipShown = showToolTip(m_hoverPos);
}

void AddressMapView::leaveEvent(QEvent *event)
{
    m_hoverTimer.stop();
    m_tipShown = false;
    QAbstractScrollArea::leaveEvent(event);
}

void AddressMapView::setSelectedRegion(std::ptrdiff_t index, bool ensureVisible)
{
    m_overlay.selected = index;
    if (ensureVisible && m_snapshot && index >= 0 && std::size_t(index) < m_snapshot->regions.size()) {
        const double pos = m_geometry.positionOf(m_snapshot->regions[std::size_t(index)].start);
        const double y = m_geometry.pointOf(pos).y();
        const int top = verticalScrollBar()->value();
        if (y < top || y + m_geometry.rowHeight() > top + viewport()->height()) {
            m_pageFocus.reset(); // the view goes elsewhere: a lab's range is not fitted again
            verticalScrollBar()->setValue(int(y - viewport()->height() / 3));
        }
    }
    viewport()->update();
}

void AddressMapView::setDiff(std::vector<std::pair<Address, Address>> added,
    std::vector<std::pair<Address, Address>> changed, std::vector<std::pair<Address, Address>> removed)
{
    m_overlay.added = std::move(added);
    m_overlay.changed = std::move(changed);
    m_overlay.removed = std::move(removed);
    viewport()->update();
}

void AddressMapView::observe(ViewState *state)
{
    connect(state, &ViewState::frameChanged, this, [this, state](FramePtr frame) {
        setSnapshot(frame->snapshot);
        setDiff(frame->diff);
        setSelectedRegion(state->selectedIndex(), false);
    });
    connect(state, &ViewState::cleared, this, [this] {
        setRange(std::nullopt);
        setSnapshot(nullptr);
        setPages({});
    });
    connect(state, &ViewState::selectionChanged, this,
        [this](std::ptrdiff_t index, QObject *by) { setSelectedRegion(index, by != this); });
    connect(state, &ViewState::rangeChanged, this, [this](AddressRange r) {
        setRange(r.empty() ? std::nullopt : std::make_optional(std::make_pair(r.start, r.end)));
    });
    connect(
        this, &AddressMapView::regionClicked, state, [this, state](std::ptrdiff_t i) { state->selectRegion(i, this); });
    connect(this, &AddressMapView::rangeSelected, state, [this, state](Address a, Address b) {
        state->setRange({ a, b }, this);
    });
}

void AddressMapView::setDiff(const SnapshotDiff &diff)
{
    std::vector<std::pair<Address, Address>> added, changed, removed;
    for (const RegionChange &c : diff.changes) {
        if (c.kind == ChangeKind::Added)
            added.emplace_back(c.after.start, c.after.end);
        else if (c.kind == ChangeKind::Removed)
            removed.emplace_back(c.before.start, c.before.end);
        else if (isLayoutChange(c))
            changed.emplace_back(c.after.start, c.after.end);
    }
    setDiff(std::move(added), std::move(changed), std::move(removed));
}

void AddressMapView::setPages(std::vector<PageInfo> pages)
{
    m_pages = std::move(pages);
    m_overlay.pages = m_pages.empty() ? nullptr : &m_pages;
    viewport()->update();
    refreshToolTip();
}

void AddressMapView::setRange(std::optional<std::pair<Address, Address>> range)
{
    m_overlay.range = range;
    viewport()->update();
}

double AddressMapView::scrollTop() const
{
    return verticalScrollBar()->value();
}

bool AddressMapView::atPageScale() const
{
    return m_snapshot && MapRenderer::atPageScale(m_geometry, m_snapshot->pageSize);
}

double AddressMapView::minBytesPerPixel() const
{
    // A page is at most 48 pixels wide; and the whole map must stay within a scroll bar's range (an
    // int): huge reservations (an ASan shadow, a JIT's arena) would not at page zoom.
    const double page = m_snapshot ? double(m_snapshot->pageSize) / 48.0 : 64.0;
    const double maxRows = 0.8 * MapGeometry::kMaxRows;
    const double fitsScrollBar = m_mappedBytes / (maxRows * m_geometry.width());
    return std::max(page, fitsScrollBar);
}

double AddressMapView::maxBytesPerPixel() const
{
    const int rows = std::max(1, viewport()->height() / m_geometry.rowHeight());
    return std::max(minBytesPerPixel(), m_geometry.fitBytesPerPixel(rows));
}

void AddressMapView::relayout(bool)
{
    m_geometry.setWidth(std::max(64, viewport()->width() - 2 * kMargin));
    // Many small regions share the fitted view with the big ones instead of pushing them out.
    const int rows = std::max(1, (viewport()->height() - 2 * kMargin) / m_geometry.rowHeight());
    m_geometry.adaptMinRegionPixels(double(rows) * m_geometry.width());
    updateScrollBar();
}

void AddressMapView::updateScrollBar()
{
    const int total = int(std::min<long long>(
        std::numeric_limits<int>::max() / 2, (long long)m_geometry.rowCount() * m_geometry.rowHeight() + 2 * kMargin));
    verticalScrollBar()->setRange(0, std::max(0, total - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(m_geometry.rowHeight());
}

QPointF AddressMapView::mapPoint(QPointF p) const
{
    return { p.x() - kMargin, p.y() - kMargin + scrollTop() };
}

void AddressMapView::setBytesPerPixel(double bpp, QPointF anchorViewport, std::optional<Address> anchorAddress)
{
    m_pageFocus.reset();
    bpp = std::clamp(bpp, minBytesPerPixel(), maxBytesPerPixel());
    const QPointF before = mapPoint(anchorViewport);
    const Address anchor = anchorAddress ? *anchorAddress : m_geometry.addressAt(m_geometry.positionAt(before));
    m_geometry.setBytesPerPixel(bpp);
    bpp = m_geometry.bytesPerPixel(); // snapped to whole pixels a page at page scale
    updateScrollBar();
    // Put the anchor's row where the pointer is. Rows wrap, so pick the row that brings the anchor
    // closest to the pointer's x: the address under the pointer is then within half a row of it.
    const double newPos = m_geometry.positionOf(anchor);
    const double row = std::max(0.0, std::round((newPos - before.x()) / m_geometry.width()));
    const double pointerY = anchorViewport.y() - kMargin;
    const double inRow = std::fmod(pointerY + scrollTop(), double(m_geometry.rowHeight()));
    verticalScrollBar()->setValue(int(std::lround(row * m_geometry.rowHeight() + inRow - pointerY)));
    emit zoomChanged(bpp);
    m_visibleTimer.start();
    viewport()->update();
}

void AddressMapView::zoomIn()
{
    setBytesPerPixel(m_geometry.bytesPerPixel() / 2, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

void AddressMapView::zoomOut()
{
    setBytesPerPixel(m_geometry.bytesPerPixel() * 2, QPointF(viewport()->width() / 2.0, viewport()->height() / 2.0));
}

QAction *AddressMapView::shrinkGapsAction()
{
    if (m_shrinkGaps)
        return m_shrinkGaps;
    m_shrinkGaps = new QAction(tr("S&hrink Free Gaps"), this);
    m_shrinkGaps->setCheckable(true);
    m_shrinkGaps->setToolTip(tr("Draw large free gaps as narrow marks instead of labelled breaks"));
    m_shrinkGaps->setChecked(QSettings().value(SettingsKey::ShrinkGaps, false).toBool());
    setShrinkGaps(m_shrinkGaps->isChecked());
    connect(m_shrinkGaps, &QAction::toggled, this, [this](bool on) {
        setShrinkGaps(on);
        QSettings().setValue(SettingsKey::ShrinkGaps, on);
    });
    return m_shrinkGaps;
}

QAction *AddressMapView::colourByUseAction()
{
    if (m_colourByUse)
        return m_colourByUse;
    m_colourByUse = new QAction(tr("Colour by &Use"), this);
    m_colourByUse->setCheckable(true);
    m_colourByUse->setShortcut(QKeySequence(tr("Ctrl+U")));
    m_colourByUse->setToolTip(
        tr("Colour regions by what they are for (heap, stack, shareable…) instead of their type"));
    connect(m_colourByUse, &QAction::toggled, this, &AddressMapView::setColourByUse);
    return m_colourByUse;
}

void AddressMapView::setColourByUse(bool byUse)
{
    MapColors colors = MapColors::forPalette(palette());
    colors.colourByUse = byUse;
    colors.heatReferenced = m_renderer.colors().heatReferenced;
    m_renderer.setColors(colors);
    viewport()->update();
}

void AddressMapView::setHeatReferenced(bool heat)
{
    MapColors colors = m_renderer.colors();
    colors.heatReferenced = heat;
    m_renderer.setColors(colors);
    viewport()->update();
}

void AddressMapView::setShrinkGaps(bool shrink)
{
    if (shrink == shrinkGaps())
        return;
    m_geometry.setBreakPixels(shrink ? kShrunkBreakPixels : kBreakPixels);
    zoomToFit();
}

void AddressMapView::zoomToFit()
{
    m_pageFocus.reset();
    relayout(false);
    m_geometry.setBytesPerPixel(maxBytesPerPixel());
    updateScrollBar();
    verticalScrollBar()->setValue(0);
    emit zoomChanged(m_geometry.bytesPerPixel());
    m_visibleTimer.start();
    viewport()->update();
}

void AddressMapView::zoomToRange(Address start, Address end)
{
    m_pageFocus.reset();
    if (!m_snapshot || end <= start)
        return;
    // Fit the range in about two thirds of the visible rows.
    const int rows = std::max(1, viewport()->height() / m_geometry.rowHeight() * 2 / 3);
    const double bytes = double(end - start);
    const double bpp = bytes / (double(rows) * m_geometry.width());
    zoomTo(std::clamp(bpp, minBytesPerPixel(), maxBytesPerPixel()), start, m_geometry.rowHeight());
}

void AddressMapView::zoomTo(double bytesPerPixel, Address a, double fromTop)
{
    m_geometry.setBytesPerPixel(bytesPerPixel);
    updateScrollBar();
    verticalScrollBar()->setValue(int(m_geometry.pointOf(m_geometry.positionOf(a)).y() - fromTop));
    emit zoomChanged(m_geometry.bytesPerPixel());
    m_visibleTimer.start();
    viewport()->update();
}

void AddressMapView::zoomToPages(Address start, Address end)
{
    if (!m_snapshot || end <= start)
        return;
    const double pageSize = m_snapshot->pageSize;
    const int rows = std::max(1, viewport()->height() / m_geometry.rowHeight());
    const double pages = std::max(1.0, double(end - start) / pageSize);
    const double width = m_geometry.availableWidth(); // a row at this zoom may be a few pixels less
    constexpr double kSmallest = 3; // MapRenderer::atPageScale
    double pagePixels = std::min(48.0, std::floor(width * std::max(1, rows / 2) / pages));
    if (pagePixels < kSmallest && width * std::max(1, rows - 1) / pages >= kSmallest)
        pagePixels = kSmallest; // the range starts anywhere in a row: one row to spare
    if (pagePixels < kSmallest || pageSize / pagePixels < minBytesPerPixel()
        || pageSize / pagePixels > maxBytesPerPixel()) {
        zoomToRange(start, end);
        m_pageFocus = { start, end };
        return;
    }
    // Where the range starts in its row depends on all that lies before it: at 48 px a page, image-sharing's two
    // pages fell one at a row's end and one at the next row's start, shared-section's 16 in rows of 3, 12 and 1.
    // The range is put in as few rows as its pages need where a page a little narrower (down to three quarters)
    // moves where the rows wrap.
    const auto rowsAt = [&](double px) {
        MapGeometry probe = m_geometry;
        probe.setBytesPerPixel(pageSize / px);
        return probe.rectsFor(start, end).size();
    };
    // A range of a few rows: the widest page that gives the fewest rows (16 pages in a narrow map: 4, 6 and 6 at
    // 48 px, 8 and 8 at 36 if the rows fall so). A longer one keeps its page width unless a narrower one puts it in
    // the rows its pages need (a 1,024-page range stays at 4 px rather than go to 3 for a row less).
    const auto fewest = [&](double px) { return std::size_t(std::ceil(pages / std::floor(width / px))); };
    const double widest = pagePixels;
    std::size_t bestRows = rowsAt(widest);
    const bool fewRows = fewest(widest) <= 4;
    for (double px = widest - 1;
         px >= std::max(kSmallest, std::ceil(widest * 0.75)) && bestRows > (fewRows ? 1 : fewest(widest)); --px) {
        const std::size_t rows = rowsAt(px);
        if (fewRows ? rows < bestRows : rows == fewest(px) && rows <= bestRows) {
            bestRows = rows;
            pagePixels = px;
            if (!fewRows)
                break;
        }
    }
    const double bpp = pageSize / pagePixels;
    // The range a row below the top when it fills most of the rows, a third of the way down otherwise.
    const double rowPages = std::floor(width / pagePixels); // whole pages a row
    const double used = std::ceil(pages / rowPages + 1) * m_geometry.rowHeight();
    const double above = used + 2 * m_geometry.rowHeight() <= viewport()->height() ? viewport()->height() / 3.0
                                                                                   : m_geometry.rowHeight();
    zoomTo(bpp, start, std::min(above, std::max(0.0, viewport()->height() - used)));
    m_pageFocus = { start, end };
}

void AddressMapView::scrollToAddress(Address a)
{
    m_pageFocus.reset();
    const double y = m_geometry.pointOf(m_geometry.positionOf(a)).y();
    verticalScrollBar()->setValue(int(y - m_geometry.rowHeight()));
}

void AddressMapView::scrollContentsBy(int, int)
{
    m_visibleTimer.start();
    viewport()->update();
}

void AddressMapView::emitVisibleRange()
{
    if (!m_snapshot || m_snapshot->regions.empty())
        return;
    const double top = std::max(0.0, scrollTop() - kMargin);
    const double from = std::floor(top / m_geometry.rowHeight()) * m_geometry.width();
    const double to = std::ceil((top + viewport()->height()) / m_geometry.rowHeight()) * m_geometry.width();
    emit visibleRangeChanged(m_geometry.addressAt(from), m_geometry.addressAt(to) + 1, atPageScale());
}

void AddressMapView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), m_renderer.colors().background);
    if (!m_snapshot || m_snapshot->regions.empty()) {
        p.setPen(m_renderer.colors().text);
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No snapshot yet"));
        return;
    }
    p.translate(kMargin, kMargin);
    const QSize size(m_geometry.width(), viewport()->height());
    m_renderer.paint(p, *m_snapshot, m_geometry, scrollTop(), size, m_overlay);
}

void AddressMapView::resizeEvent(QResizeEvent *event)
{
    // Keep the address at the centre of the view where it is (rows re-wrap at the new width); but what the user
    // looks at, the range (a lab's, a measured one) or else the selected region, keeps its place on screen when
    // it is in view: a dock that grows beside the map does not move a lab's pages down out of sight.
    const QSize old = event->oldSize().isValid() ? event->oldSize() : event->size();
    const bool hadLayout = m_snapshot && !m_snapshot->regions.empty();
    Address keep = hadLayout ? m_geometry.addressAt(m_geometry.positionAt(
                       QPointF(old.width() / 2.0 - kMargin, old.height() / 2.0 - kMargin + scrollTop())))
                             : 0;
    double keepAt = old.height() / 2.0; // where it is, from the top of the view
    const auto inView = [&](Address a) {
        const double y = m_geometry.pointOf(m_geometry.positionOf(a)).y();
        if (y < scrollTop() || y >= scrollTop() + old.height())
            return false;
        keep = a;
        keepAt = y - scrollTop();
        return true;
    };
    if (hadLayout && !(m_overlay.range && inView(m_overlay.range->first)) && m_overlay.selected >= 0
        && std::size_t(m_overlay.selected) < m_snapshot->regions.size())
        inView(m_snapshot->regions[std::size_t(m_overlay.selected)].start);
    const int oldRows = std::max(1, old.height() / m_geometry.rowHeight());
    const bool wasFit
        = std::abs(m_geometry.bytesPerPixel() - m_geometry.fitBytesPerPixel(oldRows)) / m_geometry.bytesPerPixel()
        < 0.01;
    QAbstractScrollArea::resizeEvent(event);
    relayout(true);
    if (m_pageFocus && hadLayout) {
        zoomToPages(m_pageFocus->first, m_pageFocus->second); // rows of another width: fitted again
    } else if (wasFit || m_geometry.bytesPerPixel() > maxBytesPerPixel()) {
        zoomToFit();
    } else if (hadLayout) {
        const double y = m_geometry.pointOf(m_geometry.positionOf(keep)).y();
        const double at = std::clamp(keepAt, 0.0, std::max(0.0, double(viewport()->height() - m_geometry.rowHeight())));
        verticalScrollBar()->setValue(int(y - at));
    }
}

void AddressMapView::wheelEvent(QWheelEvent *event)
{
    m_pageFocus.reset();
    if (event->modifiers() & Qt::ShiftModifier) {
        QAbstractScrollArea::wheelEvent(event); // Shift+wheel scrolls
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    if (!m_zoomAnchor || (event->position() - m_zoomAnchorPoint).manhattanLength() > 4) {
        m_zoomAnchor = m_geometry.addressAt(m_geometry.positionAt(mapPoint(event->position())));
        m_zoomAnchorPoint = event->position();
    }
    // From the zoom asked for, not the one snapped to whole pixels a page: a touchpad's small steps add up.
    setBytesPerPixel(m_geometry.requestedBytesPerPixel() * std::pow(0.8, steps), event->position(), m_zoomAnchor);
    event->accept();
}

void AddressMapView::mousePressEvent(QMouseEvent *event)
{
    setFocus();
    m_pageFocus.reset();
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panStart = event->pos();
        m_panScroll = verticalScrollBar()->value();
        viewport()->setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() == Qt::LeftButton && m_snapshot) {
        m_dragging = true;
        m_dragStart = mapPoint(event->position());
        m_overlay.range.reset();
    }
}

void AddressMapView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->pos() != m_hoverPos) {
        m_hoverPos = event->pos();
        if (m_tipShown && QToolTip::isVisible())
            m_tipShown = showToolTip(m_hoverPos); // follow the pointer
        else
            m_hoverTimer.start();
    }
    if (m_zoomAnchor && (event->position() - m_zoomAnchorPoint).manhattanLength() > 4)
        m_zoomAnchor.reset();
    if (m_panning) {
        verticalScrollBar()->setValue(m_panScroll - (event->pos().y() - m_panStart.y()));
        return;
    }
    if (m_dragging && m_snapshot
        && (event->position() - (m_dragStart + QPointF(kMargin, kMargin - scrollTop()))).manhattanLength() > 6) {
        Address a = m_geometry.addressAtPoint(m_dragStart);
        Address b = m_geometry.addressAtPoint(mapPoint(event->position()));
        if (b < a)
            std::swap(a, b);
        const Address ps = m_snapshot->pageSize;
        a -= a % ps;
        b = b - b % ps + ps;
        m_overlay.range = std::make_pair(a, b);
        viewport()->update();
        emit rangeSelected(a, b);
    }
}

void AddressMapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->unsetCursor();
        return;
    }
    if (!m_dragging || !m_snapshot)
        return;
    m_dragging = false;
    if (m_overlay.range)
        return; // a range was measured
    const double pos = m_geometry.positionAt(mapPoint(event->position()));
    const std::ptrdiff_t index = m_geometry.segmentAt(pos);
    emit rangeSelected(0, 0);
    if (index >= 0) {
        setSelectedRegion(index, false);
        emit regionClicked(index);
    }
}

void AddressMapView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_F:
    case Qt::Key_0:
        zoomToFit();
        return;
    case Qt::Key_Escape:
        m_overlay.range.reset();
        emit rangeSelected(0, 0);
        viewport()->update();
        return;
    default:
        m_pageFocus.reset(); // the user moves about
        QAbstractScrollArea::keyPressEvent(event);
    }
}

QString AddressMapView::toolTipFor(std::ptrdiff_t index) const
{
    const Region &r = m_snapshot->regions[std::size_t(index)];
    auto esc = [](const std::string &s) { return displayText(s).toHtmlEscaped(); };
    QString html = QStringLiteral("<b>%1</b><br>").arg(hexRange(r.start, r.end));
    html += tr("Size: %1").arg(formatBytes(r.size())) + QStringLiteral("<br>");
    html += tr("%1, %2").arg(typeText(r.type), stateText(r.state));
    if (r.type != RegionType::Free) {
        html += QStringLiteral(", ") + QString::fromStdString(r.protection.toString()) + QStringLiteral("<br>");
        if (!r.path().empty())
            html += esc(r.path()) + QStringLiteral("<br>");
        if (r.labelKind != LabelKind::None)
            html += QStringLiteral("<i>") + labelText(r).toHtmlEscaped() + QStringLiteral("</i><br>");
        html += tr("RSS %1 · Swap %2").arg(formatBytes(r.counter(Counter::Rss)), formatBytes(r.counter(Counter::Swap)));
    }
    return html;
}

bool AddressMapView::showToolTip(QPoint viewportPos)
{
    if (!m_snapshot || m_snapshot->regions.empty())
        return false;
    const QPointF mp = mapPoint(viewportPos);
    const double pos = m_geometry.positionAt(mp);
    const std::ptrdiff_t index = m_geometry.segmentAt(pos);
    if (index < 0 || mp.y() < 0 || mp.y() >= m_geometry.rowCount() * m_geometry.rowHeight()) {
        QToolTip::hideText();
        return false;
    }
    QString tip = toolTipFor(index);
    if (atPageScale() && !m_pages.empty()) {
        const Address a = m_geometry.addressAt(pos);
        auto it = std::upper_bound(
            m_pages.begin(), m_pages.end(), a, [](Address addr, const PageInfo &p) { return addr < p.address; });
        if (it != m_pages.begin() && a - (it - 1)->address < m_snapshot->pageSize) {
            --it;
            const Region &r = m_snapshot->regions[std::size_t(index)];
            QString more;
            if (it->exclusive)
                more = tr(", exclusive");
            else if (it->state == PageState::None)
                more = notInRamNote(r.state == RegionState::Reserved    ? PageBacking::Reserved
                        : r.inode != 0 || r.type != RegionType::Private ? PageBacking::File
                                                                        : PageBacking::Unknown);
            tip += QStringLiteral("<br>")
                + tr("Page 0x%1: %2%3").arg(QString::number(it->address, 16), pageStateText(it->state), more);
        }
    }
    QToolTip::showText(viewport()->mapToGlobal(viewportPos), tip, viewport());
    return true;
}

bool AddressMapView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        m_hoverPos = static_cast<QHelpEvent *>(event)->pos();
        m_tipShown = showToolTip(m_hoverPos);
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void AddressMapView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        setColourByUse(colourByUse());
    QAbstractScrollArea::changeEvent(event);
}

MapLegend::MapLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

int MapLegend::heightForWidth(int width) const
{
    return kLineHeight * MapRenderer::legendLines(font(), kLineHeight, width - 4, true, m_colourByUse, m_heat);
}

void MapLegend::setColourByUse(bool byUse)
{
    m_colourByUse = byUse;
    setFixedHeight(heightForWidth(width()));
    update();
}

void MapLegend::setHeatReferenced(bool heat)
{
    m_heat = heat;
    setFixedHeight(heightForWidth(width()));
    update();
}

void MapLegend::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (height() != heightForWidth(width()))
        setFixedHeight(heightForWidth(width()));
}

void MapLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setFont(font());
    MapColors colors = MapColors::forPalette(palette());
    colors.colourByUse = m_colourByUse;
    colors.heatReferenced = m_heat;
    MapRenderer::paintLegend(p, rect().adjusted(4, 0, 0, 0), colors, true, kLineHeight);
}

} // namespace vmatlas::ui
