#pragma once

#include "frame.h"
#include "model.h"
#include "sessioncontroller.h"
#include "viewstate.h"

#include <QMainWindow>

#include <optional>

class QTabWidget;

namespace vmatlas::ui {

class AddressMapView;
class Banner;
class DetailsPanel;
class ExportDialogs;
class InsideTools;
class IntervalBox;
class LabDock;
class LabPanel;
class RegionsTab;
class SessionController;
class StatusLine;
class SummaryPanel;
class TimelinePanel;

// The window assembles the views: the address map, the Regions, Summary and Timeline tabs, the details and
// the lab panel. What is shown and selected lives in one ViewState that they all observe; the session
// controller brings frames (snapshot, diff, totals) from a live process or a file.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    // A window reading through the given sources (tests feed recorded snapshots).
    explicit MainWindow(SessionSources sources, QWidget *parent = nullptr);
    ~MainWindow() override;

    void attach(Pid pid);
    void chooseProcess(); // the picker, modal
    void openFile(const QString &path);
    // Opens the first file; a second one is compared with it once the first is shown.
    void openFiles(const QStringList &paths);
    void compareWith(const QString &path);
    void startLab(const QString &name, int autoSteps = 0);
    void setIntervalMs(int ms);
    // Selects the region holding a, and zooms to it; before anything is shown, once the first frame is.
    void selectAddress(Address a);
    // Shades a range of the shown process, with its totals and pages (a dragged range, a lab's region).
    void selectRange(Address start, Address end);

    const ViewState *viewState() const { return m_state; }
    SessionController *controller() const { return m_controller; }
    LabPanel *labPanel(); // made on first use
    InsideTools *insideTools() const { return m_inside; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Focus
    {
        Pid pid = 0;
        Address start = 0, end = 0;
    };

    void buildLayout();
    void buildActions();
    void connectSession();
    void connectViewState();
    void reset();
    void updateSampling();
    void onFrame(FramePtr frame);
    void openDialog();
    // The process went because the user closed the Lab dock: says so (and how to start the lab again); false
    // when pid was no target of a lab the user stopped.
    bool labEndedByUser(Pid pid);
    void focusLab(const Focus &focus);
    void readSettings();
    void writeSettings() const;

    ViewState *m_state;
    SessionController *m_controller;
    ExportDialogs *m_exports;
    AddressMapView *m_map;
    class MapLegend *m_legend;
    RegionsTab *m_regions;
    Banner *m_banner;
    DetailsPanel *m_details;
    SummaryPanel *m_summary;
    TimelinePanel *m_timeline;
    class LimitsPanel *m_limits;
    LabPanel *m_labPanel = nullptr;
    LabDock *m_labDock = nullptr;
    InsideTools *m_inside = nullptr;
    QTabWidget *m_tabs;
    IntervalBox *m_interval;
    StatusLine *m_status;
    QAction *m_pauseAction = nullptr;
    QAction *m_liveAction = nullptr;
    QAction *m_nowAction = nullptr;
    QAction *m_nextStepAction = nullptr; // Labs > Run the Next Step (Page Down)

    std::optional<Address> m_pendingAddress; // --address, applied to the first frame
    QString m_pendingCompare; // a second file, compared once the first is shown
    std::optional<Focus> m_pendingFocus; // a lab's range, shown once a fresh frame of its process is
};

} // namespace vmatlas::ui
