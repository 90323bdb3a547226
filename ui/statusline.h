#pragma once

#include <QObject>
#include <QTimer>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace vmatlas::ui {

class AddressMapView;
class RegionsTab;
class SessionController;
class ViewState;

// The status bar: what is shown (process, regions, time, live or not), the selection's totals, the map's
// scale, and a busy bar when a read takes longer than 300 ms.
class StatusLine : public QObject
{
    Q_OBJECT

public:
    StatusLine(QStatusBar *bar, const ViewState *state, const SessionController *controller, const AddressMapView *map,
        const RegionsTab *regions);

    void setReading(bool reading);
    void update();

private:
    const ViewState *m_state;
    const SessionController *m_controller;
    const AddressMapView *m_map;
    const RegionsTab *m_regions;
    QLabel *m_process;
    QLabel *m_selection;
    QLabel *m_zoom;
    QProgressBar *m_busy;
    QTimer m_busyDelay;
};

} // namespace vmatlas::ui
