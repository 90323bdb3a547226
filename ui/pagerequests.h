#pragma once

#include <QObject>

namespace vmatlas::ui {

class AddressMapView;
class PageStrip;
class SessionController;
class ViewState;

// Which pages are read, and where they go: the selected region's or the measured range's pages to the page
// strip, the pages of what the map shows to the map when it is zoomed in to single pages. Reads go through the
// session controller (off the GUI thread); a saved snapshot or an exited process has none to read.
class PageRequests : public QObject
{
    Q_OBJECT

public:
    PageRequests(ViewState *state, SessionController *controller, AddressMapView *map, PageStrip *strip);

    // Asks for the pages of the selection (after a new frame, selection or range).
    void requestSelected();

private:
    ViewState *m_state;
    SessionController *m_controller;
    AddressMapView *m_map;
    PageStrip *m_strip;
};

} // namespace vmatlas::ui
