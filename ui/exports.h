#pragma once

#include "model.h"
#include "result.h"

#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>

class QMenu;
class QWidget;

namespace vmatlas::ui {

// The title on an exported map: "NAME (PID N) — yyyy-MM-dd hh:mm:ss".
QString mapTitle(const Snapshot &snapshot);
// The map with title and legend as a PNG; highlight (start < end) is outlined, and with its pages the map is
// zoomed to them, each page coloured by its state. Written atomically.
Status saveMapPng(const Snapshot &snapshot, const QString &path, QSize size, std::pair<Address, Address> highlight = {},
    const std::vector<PageInfo> &pages = {});
// The regions as CSV, the snapshot as JSON (the CLI's formats), written atomically.
Status saveRegionsCsv(const Snapshot &snapshot, const QString &path);
Status saveSnapshotJsonFile(const Snapshot &snapshot, const QString &path);

// Files dropped on a widget (snapshots to open) go to open.
void acceptFileDrops(QWidget *target, std::function<void(const QStringList &paths)> open);

// Where save and open dialogs start: the folder last used, else the current directory.
QString startDirectory();
// Asks for a snapshot file to open (empty: cancelled), starting in startDirectory().
QString askSnapshotFile(QWidget *parent, const QString &title);
void rememberDirectory(const QString &file);

// File → Open Recent: the last ten snapshot files opened.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    RecentFiles(QMenu *menu, std::function<void(const QString &)> open);
    static void remember(const QString &path);
    static QStringList list();

private:
    void fill();

    QMenu *m_menu;
    std::function<void(const QString &)> m_open;
};

// The File menu's exports: ask for a size and a file name, then write off the GUI thread. A failure is shown
// in a dialog naming the file and the cause; success is reported by saved().
class ExportDialogs : public QObject
{
    Q_OBJECT

public:
    explicit ExportDialogs(QWidget *window);

    void exportPng(SnapshotPtr snapshot);
    void exportCsv(SnapshotPtr snapshot) { exportData(std::move(snapshot), false); }
    void exportJson(SnapshotPtr snapshot) { exportData(std::move(snapshot), true); }

signals:
    void saved(const QString &path);

private:
    void exportData(SnapshotPtr snapshot, bool json);
    void report(const Status &status, const QString &path);

    QWidget *m_window;
};

} // namespace vmatlas::ui
