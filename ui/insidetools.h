#pragma once

#include "inspect.h"
#include "model.h"

#include <QObject>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QTimer;

namespace vmatlas::ui {

class AddressMapView;
class HexView;
class SearchDialog;
class SessionController;
class ViewState;

// Looking inside and acting (issue 13), wired into the window apart from it: the Bytes dock (a hex view of the
// selected region or range, below the details), the Inside menu (strings and search, mark, trim, the
// "Referenced since mark" colouring) and what follows a trim (RSS and faults as they come back).
class InsideTools : public QObject
{
    Q_OBJECT

public:
    InsideTools(QMainWindow *window, ViewState *state, SessionController *controller, AddressMapView *map);

    HexView *hexView() const { return m_hex; }
    QDockWidget *bytesDock() const { return m_dock; }
    SearchDialog *searchDialog(); // made on first use
    QAction *heatAction() const { return m_heat; }

    // Asks before trim and mark (tests answer without a dialog): true to go on.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // Follows a lab's steps: where it has a process B, the Bytes dock shows B's view of the focused range below A's.
    void followLab(class LabPanel *panel);
    // A page clicked in the details' page strip: the Bytes dock opens on that page.
    void followPageStrip(class PageStrip *strip);

    void openSearch();
    bool mark(); // the live process; false when not done
    bool trim(bool selectedOnly, TrimMode mode);
    QString lastMessage() const { return m_lastMessage; }

signals:
    void jumpRequested(vmatlas::Address address);
    // A mark or a trim happened (ms since the epoch): a mark on the timeline, whose "Page faults" shows what came
    // back.
    void timelineEvent(qint64 timestampMs, const QString &text);

private:
    Pid livePid() const; // the live process shown, or 0
    void showSelection();
    void say(const QString &message);
    void followFaults();

    QMainWindow *m_window;
    ViewState *m_state;
    SessionController *m_controller;
    AddressMapView *m_map;
    QDockWidget *m_dock;
    HexView *m_hex;
    SearchDialog *m_search = nullptr;
    QAction *m_heat;
    QAction *m_trimRegion;
    Confirm m_confirm;
    QString m_lastMessage;
    QTimer *m_faultTimer;
    ProcessCounters m_trimBase;
    Pid m_trimPid = 0;
    int m_faultTicks = 0;
    struct LabPair
    {
        Pid a = 0, b = 0;
        Address startA = 0, startB = 0;
    } m_lab;
    // What the last lab step wrote, in process pid (its target A): the Bytes dock shows that line.
    struct LabWrite
    {
        Pid pid = 0;
        Address address = 0;
    } m_labWrite;
};

} // namespace vmatlas::ui
