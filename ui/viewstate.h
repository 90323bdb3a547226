#pragma once

#include "frame.h"
#include "model.h"

#include <QObject>

namespace vmatlas::ui {

// A range of addresses measured on the map or chosen by a lab; empty when there is none.
struct AddressRange
{
    Address start = 0;
    Address end = 0;
    bool empty() const { return end <= start; }
    bool operator==(const AddressRange &) const = default;
};

// What the window shows, in one place: the frame on screen (the snapshot, the one it is compared with, their
// diff and totals), where it comes from, the selected region and the measured range. The map, the table, the
// details and the timeline observe it; whoever changes the selection says so (`by`), so it is not echoed back.
class ViewState : public QObject
{
    Q_OBJECT

public:
    enum class Origin
    {
        Live, // the newest snapshot of the process, replaced at every refresh
        History, // a snapshot picked on the timeline
        File, // a saved snapshot
        Comparison, // a saved snapshot compared with the one shown before
    };
    Q_ENUM(Origin)

    explicit ViewState(QObject *parent = nullptr);

    FramePtr frame() const { return m_frame; }
    SnapshotPtr shown() const { return m_frame ? m_frame->snapshot : nullptr; }
    SnapshotPtr before() const { return m_frame ? m_frame->before : nullptr; }
    Origin origin() const { return m_origin; }
    std::uint32_t pageSize() const;

    // Shows a frame; the selection follows the region with the same start, the range stays.
    void setFrame(FramePtr frame, Origin origin);
    // Nothing shown, nothing selected (a new process or file).
    void clear();

    std::ptrdiff_t selectedIndex() const { return m_selected; } // in shown(); -1: none
    const Region *selectedRegion() const;
    void selectRegion(std::ptrdiff_t index, QObject *by = nullptr); // clears the measured range
    AddressRange range() const { return m_range; }
    void setRange(AddressRange range, QObject *by = nullptr);

signals:
    void frameChanged(vmatlas::FramePtr frame, vmatlas::ui::ViewState::Origin origin);
    void cleared();
    void selectionChanged(std::ptrdiff_t index, QObject *by);
    void rangeChanged(vmatlas::ui::AddressRange range, QObject *by);

private:
    FramePtr m_frame;
    Origin m_origin = Origin::Live;
    std::ptrdiff_t m_selected = -1;
    Address m_selectedStart = 0;
    AddressRange m_range;
};

} // namespace vmatlas::ui
