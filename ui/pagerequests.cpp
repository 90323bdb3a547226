#include "pagerequests.h"

#include "addressmapview.h"
#include "pagestrip.h"
#include "sessioncontroller.h"
#include "viewstate.h"

namespace vmatlas::ui {

namespace {
constexpr int kSelectedPages = 0; // the controller's request channels
constexpr int kVisiblePages = 1;
} // namespace

PageRequests::PageRequests(ViewState *state, SessionController *controller, AddressMapView *map, PageStrip *strip)
    : QObject(state)
    , m_state(state)
    , m_controller(controller)
    , m_map(map)
    , m_strip(strip)
{
    connect(state, &ViewState::frameChanged, this, &PageRequests::requestSelected);
    connect(state, &ViewState::selectionChanged, this, &PageRequests::requestSelected);
    connect(state, &ViewState::rangeChanged, this, [this](AddressRange range) {
        if (!range.empty())
            requestSelected();
    });
    connect(map, &AddressMapView::visibleRangeChanged, this, [this](Address a, Address b, bool pageScale) {
        if (pageScale)
            m_controller->requestPages(m_state->shown(), a, b, kVisiblePages);
        else if (!m_map->pages().empty())
            m_map->setPages({});
    });
    connect(controller, &SessionController::pagesArrived, this,
        [this](int channel, Address, Address, std::vector<PageInfo> pages) {
            if (channel == kSelectedPages) {
                // The Reserved regions among them: hatched in the strip, as on the map.
                std::vector<std::pair<Address, Address>> reserved;
                if (const SnapshotPtr shown = m_state->shown(); shown && !pages.empty()) {
                    const Address from = pages.front().address, to = pages.back().address + m_state->pageSize();
                    for (const Region &r : shown->regionsTouching(from, to))
                        if (r.state == RegionState::Reserved)
                            reserved.emplace_back(r.start, r.end);
                }
                m_strip->setReservedRanges(std::move(reserved));
                const bool none = pages.empty();
                m_strip->setPages(std::move(pages), m_state->pageSize());
                if (none) // a lab's range after its release, a measured range over a gap
                    m_strip->setMessage(tr("Nothing is mapped here: no pages."));
            } else if (channel == kVisiblePages)
                m_map->setPages(std::move(pages));
        });
    connect(controller, &SessionController::pagesFailed, this, [this](int channel, const QString &message) {
        if (channel == kSelectedPages)
            m_strip->setMessage(message);
    });
}

void PageRequests::requestSelected()
{
    const SnapshotPtr shown = m_state->shown();
    if (!shown)
        return;
    // A live process's pages, or those a core dump or minidump holds.
    const bool readable = (m_controller->live() && !m_controller->exited() && m_controller->pid() == shown->pid)
        || (!m_controller->live() && m_controller->fileHasPages());
    const AddressRange range = m_state->range();
    if (!range.empty() && readable)
        return m_controller->requestPages(shown, range.start, range.end, kSelectedPages);
    const Region *r = m_state->selectedRegion();
    if (!r)
        return;
    if (r->type == RegionType::Free)
        return m_strip->setMessage(tr("A free gap has no pages."));
    if (!readable) {
        if (m_strip->pages().empty())
            m_strip->setMessage(tr("Pages are read from a live process; this snapshot has none."));
        return;
    }
    m_controller->requestPages(shown, r->start, r->end, kSelectedPages);
}

} // namespace vmatlas::ui
