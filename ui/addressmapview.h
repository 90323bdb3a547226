#pragma once

#include "mapgeometry.h"
#include "maprenderer.h"

#include "diff.h"

#include <QAbstractScrollArea>
#include <QTimer>

#include <optional>

namespace vmatlas::ui {

class ViewState;

// The address map: the whole address space, zoomable down to single pages.
// Wheel zooms around the pointer, the scroll bar, arrow keys, Page Up/Down and a middle-button drag
// pan, + and - zoom, F fits. A click selects a region, a drag measures a range.
class AddressMapView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit AddressMapView(QWidget *parent = nullptr);

    // Follows the view state: its frame, selection and range; clicks and drags go to it.
    void observe(ViewState *state);
    void setSnapshot(SnapshotPtr snapshot);
    SnapshotPtr snapshot() const { return m_snapshot; }
    void setSelectedRegion(std::ptrdiff_t index, bool ensureVisible = true);
    std::ptrdiff_t selectedRegion() const { return m_overlay.selected; }
    void setDiff(std::vector<std::pair<Address, Address>> added, std::vector<std::pair<Address, Address>> changed,
        std::vector<std::pair<Address, Address>> removed);
    // Outlines what the diff added, removed or changed in layout (counter changes are not outlined).
    void setDiff(const SnapshotDiff &diff);
    void setPages(std::vector<PageInfo> pages); // for the visible range, at page scale
    void setRange(std::optional<std::pair<Address, Address>> range); // a measured range, shaded
    const std::vector<PageInfo> &pages() const { return m_pages; }
    bool shrinkGaps() const { return m_geometry.breakPixels() < kBreakPixels; }

    const MapGeometry &geometry() const { return m_geometry; }
    const MapRenderer &renderer() const { return m_renderer; }
    double scrollTop() const;
    bool atPageScale() const;

public slots:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // Large free gaps as narrow marks instead of labelled breaks: more room for the regions.
    void setShrinkGaps(bool shrink);
    // View > Shrink Free Gaps: checkable, remembered in the settings.
    QAction *shrinkGapsAction();
    // View > Colour by Use: regions coloured by what they are for instead of their type.
    QAction *colourByUseAction();
    void setColourByUse(bool byUse);
    bool colourByUse() const { return m_renderer.colors().colourByUse; }
    // "Referenced since mark": regions as heat, by the share of their resident pages referenced (insidetools.h).
    void setHeatReferenced(bool heat);
    bool heatReferenced() const { return m_renderer.colors().heatReferenced; }
    void zoomToRange(Address start, Address end);
    // For a lab: the range page by page, its pages as wide as they can be (up to 48 px) with the range in about
    // half the rows and what lies around it in the rest; a range too long for that at the smallest page scale
    // if it fits in the rows; otherwise as zoomToRange.
    void zoomToPages(Address start, Address end);
    void scrollToAddress(Address a);

signals:
    void regionClicked(std::ptrdiff_t index);
    void rangeSelected(Address start, Address end); // start == end: cleared
    void visibleRangeChanged(Address start, Address end, bool pageScale);
    void zoomChanged(double bytesPerPixel);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    // At bytesPerPixel, with address a's row fromTop pixels below the top of the view.
    void zoomTo(double bytesPerPixel, Address a, double fromTop);
    void relayout(bool keepAnchor);
    void updateScrollBar();
    void setBytesPerPixel(double bpp, QPointF anchor, std::optional<Address> anchorAddress = std::nullopt);
    double minBytesPerPixel() const;
    double maxBytesPerPixel() const;
    QPointF mapPoint(QPointF viewportPoint) const; // viewport -> map coordinates
    void emitVisibleRange();
    QString toolTipFor(std::ptrdiff_t index) const;
    // The tooltip for a viewport point, shown or updated; false when the point is off the map.
    bool showToolTip(QPoint viewportPos);
    void refreshToolTip();

    SnapshotPtr m_snapshot;
    MapGeometry m_geometry;
    MapRenderer m_renderer;
    MapOverlay m_overlay;
    std::vector<PageInfo> m_pages;
    bool m_fitted = false;
    double m_mappedBytes = 0; // bytes of the snapshot's committed regions
    bool m_dragging = false;
    bool m_panning = false;
    QPointF m_dragStart;
    QPoint m_panStart;
    int m_panScroll = 0;
    QTimer m_visibleTimer;
    // Our own hover timer: live refreshes repaint and re-lay the map every second, and Qt's tooltip
    // wake-up restarts at each synthetic mouse move they cause, so a tooltip would never appear.
    QTimer m_hoverTimer;
    QPoint m_hoverPos;
    bool m_tipShown = false;
    QAction *m_shrinkGaps = nullptr;
    QAction *m_colourByUse = nullptr;
    // Consecutive wheel steps at one spot zoom towards the address first pointed at (rows wrap, so
    // recomputing it every step would drift by up to half a row each time).
    std::optional<Address> m_zoomAnchor;
    QPointF m_zoomAnchorPoint;
    // The range zoomToPages showed (a lab's): fitted again when the view's width changes, until the user zooms or
    // clicks.
    std::optional<std::pair<Address, Address>> m_pageFocus;
    static constexpr int kMargin = 6;
    static constexpr int kBreakPixels = 130; // a compressed gap, with its size written in it
    static constexpr int kShrunkBreakPixels = 14;
};

// The map's legend, drawn by the renderer that draws the map and its PNG; it wraps onto more lines in a narrow
// window instead of being cut.
class MapLegend : public QWidget
{
    Q_OBJECT

public:
    explicit MapLegend(QWidget *parent = nullptr);
    void setColourByUse(bool byUse);
    void setHeatReferenced(bool heat); // the "Referenced since mark" legend instead
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override { return { 600, heightForWidth(600) }; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    static constexpr int kLineHeight = 24;
    bool m_colourByUse = false;
    bool m_heat = false;
};

} // namespace vmatlas::ui
