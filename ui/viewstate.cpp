#include "viewstate.h"

namespace vmatlas::ui {

ViewState::ViewState(QObject *parent)
    : QObject(parent)
{
}

std::uint32_t ViewState::pageSize() const
{
    return m_frame ? m_frame->snapshot->pageSize : 4096;
}

void ViewState::setFrame(FramePtr frame, Origin origin)
{
    if (!frame)
        return clear();
    m_frame = std::move(frame);
    m_origin = origin;
    if (m_selected >= 0) {
        // A region that moved its start (a stack growing down) is the same region: the diff says where it went.
        for (const RegionChange &c : m_frame->diff.changes)
            if (c.kind == ChangeKind::Changed && c.before.start == m_selectedStart)
                m_selectedStart = c.after.start;
        const auto i = m_frame->snapshot->indexOf(m_selectedStart);
        m_selected = i >= 0 && m_frame->snapshot->regions[std::size_t(i)].start == m_selectedStart ? i : -1;
    }
    emit frameChanged(m_frame, m_origin);
}

void ViewState::clear()
{
    m_frame.reset();
    m_origin = Origin::Live;
    m_selected = -1;
    m_selectedStart = 0;
    m_range = {};
    emit cleared();
}

const Region *ViewState::selectedRegion() const
{
    const SnapshotPtr s = shown();
    return s && m_selected >= 0 && std::size_t(m_selected) < s->regions.size() ? &s->regions[std::size_t(m_selected)]
                                                                               : nullptr;
}

void ViewState::selectRegion(std::ptrdiff_t index, QObject *by)
{
    const SnapshotPtr s = shown();
    if (!s || index < 0 || std::size_t(index) >= s->regions.size())
        return;
    if (!m_range.empty()) {
        m_range = {};
        emit rangeChanged(m_range, by);
    }
    m_selected = index;
    m_selectedStart = s->regions[std::size_t(index)].start;
    emit selectionChanged(index, by);
}

void ViewState::setRange(AddressRange range, QObject *by)
{
    if (range.empty())
        range = {};
    if (range == m_range)
        return;
    m_range = range;
    emit rangeChanged(m_range, by);
}

} // namespace vmatlas::ui
