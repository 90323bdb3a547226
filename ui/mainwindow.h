#pragma once

#include "model.h"
#include "result.h"

#include <QMainWindow>
#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTabWidget;
class QTableView;
class QActionGroup;
class QCheckBox;

namespace vmatlas::ui {

class AddressMapView;
class Banner;
class DetailsPanel;
class LabPanel;
class RegionFilterModel;
class RegionTableModel;
class SessionController;
class SummaryPanel;
class TimelinePanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void attach(Pid pid);
    void openFile(const QString &path);
    void compareWith(const QString &path);

    Status exportPng(const QString &path, QSize size) const;
    Status exportCsv(const QString &path) const;
    Status exportJson(const QString &path) const;

    // Shown snapshot and parts, for tests and the labs.
    SnapshotPtr shownSnapshot() const { return m_shown; }
    AddressMapView *mapView() const { return m_map; }
    RegionTableModel *regionModel() const { return m_regions; }
    RegionFilterModel *regionFilter() const { return m_filter; }
    QTableView *regionView() const { return m_table; }
    Banner *banner() const { return m_banner; }
    DetailsPanel *details() const { return m_details; }
    SummaryPanel *summary() const { return m_summary; }
    TimelinePanel *timeline() const { return m_timeline; }
    LabPanel *labPanel() const { return m_labPanel; }
    void startLab(const QString &name);
    LabPanel *ensureLabPanel();
    SessionController *controller() const { return m_controller; }
    QTabWidget *tabs() const { return m_tabs; }
    void setIntervalMs(int ms);
    void selectAddress(Address a);
    // Shades a range on the map and shows its totals and pages (a dragged range, a lab's region).
    void selectRange(Address start, Address end);
    void addTimelineEvent(const QString &text);

signals:
    void snapshotShown(vmatlas::SnapshotPtr snapshot);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildActions();
    void buildLayout();
    void onSnapshot(SnapshotPtr snapshot);
    void showSnapshot(SnapshotPtr snapshot, SnapshotPtr before);
    void selectRegion(std::ptrdiff_t index, bool fromMap);
    void requestSelectedPages();
    void updateStatus();
    void chooseProcess();
    void openDialog();
    void compareDialog();
    void exportPngDialog();
    void exportDataDialog(bool json);
    void jumpDialog();
    void goLive();
    void showAbout();
    void rememberRecent(const QString &path);
    void fillRecentMenu();
    void showShortcuts();
    void readSettings();
    void writeSettings() const;
    QString titleFor(const Snapshot &s) const;

    SessionController *m_controller;
    AddressMapView *m_map;
    RegionTableModel *m_regions;
    RegionFilterModel *m_filter;
    QTableView *m_table;
    QLineEdit *m_search;
    Banner *m_banner;
    DetailsPanel *m_details;
    SummaryPanel *m_summary;
    TimelinePanel *m_timeline;
    LabPanel *m_labPanel = nullptr;
    class QDockWidget *m_labDock = nullptr;
    QTabWidget *m_tabs;
    QComboBox *m_interval;
    QLabel *m_statusProcess;
    QLabel *m_statusSelection;
    QLabel *m_statusZoom;
    QProgressBar *m_busy;
    QTimer m_busyDelay;
    QAction *m_pauseAction = nullptr;
    class QMenu *m_recentMenu = nullptr;
    QAction *m_liveAction = nullptr;

    SnapshotPtr m_shown;
    SnapshotPtr m_before;
    SnapshotPtr m_compare; // a file compared against the shown snapshot
    bool m_live = true;
    bool m_exited = false;
    std::optional<std::pair<Address, Address>> m_range;
    Address m_selectedStart = 0;
    bool m_hasSelection = false;
    bool m_syncing = false;
    bool m_syncingRange = false;
    int m_customInterval = 3000;
};

} // namespace vmatlas::ui
