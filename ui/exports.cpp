#include "exports.h"

#include "csv.h"
#include "fileio.h"
#include "maprenderer.h"
#include "settingskeys.h"
#include "snapshotjson.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QSpinBox>
#include <QtConcurrent/QtConcurrentRun>

namespace vmatlas::ui {

QString mapTitle(const Snapshot &s)
{
    if (!s.host.empty())
        return QCoreApplication::translate("vmatlas::ui::ExportDialogs", "%1 (PID %2) on %3 — %4")
            .arg(QString::fromStdString(fullProcessName(s.processName, s.commandLine)))
            .arg(s.pid)
            .arg(QString::fromStdString(s.host),
                QDateTime::fromMSecsSinceEpoch(s.timestampMs).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));
    return QCoreApplication::translate("vmatlas::ui::ExportDialogs", "%1 (PID %2) — %3")
        .arg(QString::fromStdString(fullProcessName(s.processName, s.commandLine)))
        .arg(s.pid)
        .arg(QDateTime::fromMSecsSinceEpoch(s.timestampMs).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));
}

Status saveMapPng(const Snapshot &snapshot, const QString &path, QSize size, std::pair<Address, Address> highlight,
    const std::vector<PageInfo> &pages)
{
    MapOverlay overlay;
    if (highlight.second > highlight.first) {
        overlay.range = highlight;
        overlay.selected = snapshot.indexOf(highlight.first);
        if (!pages.empty())
            overlay.pages = &pages;
    }
    const QImage image = MapRenderer::renderImage(snapshot, size, mapTitle(snapshot), MapColors::light(), overlay);
    QSaveFile file(path);
    file.setDirectWriteFallback(true); // devices such as /dev/stdout
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return makeError(ErrorCode::Io, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return Ok {};
}

Status saveRegionsCsv(const Snapshot &snapshot, const QString &path)
{
    return writeFileAtomically(
        path.toStdString(), [&snapshot](const ChunkSink &sink) { return writeRegionsCsv(snapshot, sink); });
}

Status saveSnapshotJsonFile(const Snapshot &snapshot, const QString &path)
{
    return saveSnapshotJson(snapshot, path.toStdString());
}

namespace {
class FileDrops : public QObject
{
public:
    FileDrops(QWidget *target, std::function<void(const QStringList &)> open)
        : QObject(target)
        , m_open(std::move(open))
    {
        target->setAcceptDrops(true);
        target->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::DragEnter) {
            auto *e = static_cast<QDragEnterEvent *>(event);
            if (e->mimeData()->hasUrls())
                e->acceptProposedAction();
            return true;
        }
        if (event->type() == QEvent::Drop) {
            auto *e = static_cast<QDropEvent *>(event);
            QStringList paths;
            for (const QUrl &url : e->mimeData()->urls())
                paths << url.toLocalFile();
            if (!paths.isEmpty())
                m_open(paths);
            e->acceptProposedAction();
            return true;
        }
        return false;
    }

private:
    std::function<void(const QStringList &)> m_open;
};
} // namespace

void acceptFileDrops(QWidget *target, std::function<void(const QStringList &paths)> open)
{
    new FileDrops(target, std::move(open));
}

QString startDirectory()
{
    const QString last = QSettings().value(SettingsKey::LastDir).toString();
    return !last.isEmpty() && QFileInfo(last).isDir() ? last : QDir::currentPath();
}

void rememberDirectory(const QString &file)
{
    QSettings().setValue(SettingsKey::LastDir, QFileInfo(file).absolutePath());
}

RecentFiles::RecentFiles(QMenu *menu, std::function<void(const QString &)> open)
    : QObject(menu)
    , m_menu(menu)
    , m_open(std::move(open))
{
    connect(m_menu, &QMenu::aboutToShow, this, &RecentFiles::fill);
}

QStringList RecentFiles::list()
{
    return QSettings().value(SettingsKey::RecentFiles).toStringList();
}

void RecentFiles::remember(const QString &path)
{
    QStringList recent = list();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > 10)
        recent.removeLast();
    QSettings().setValue(SettingsKey::RecentFiles, recent);
}

void RecentFiles::fill()
{
    m_menu->clear();
    const QStringList recent = list();
    for (const QString &path : recent) {
        auto *a = m_menu->addAction(QFileInfo(path).fileName(), this, [this, path] { m_open(path); });
        a->setToolTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty()) {
        m_menu->addAction(tr("No recent snapshots"))->setEnabled(false);
        return;
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Clear the List"), this, [] { QSettings().remove(SettingsKey::RecentFiles); });
}

QString askSnapshotFile(QWidget *parent, const QString &title)
{
    const QString path = QFileDialog::getOpenFileName(parent, title, startDirectory(),
        QCoreApplication::translate("vmatlas::ui::MainWindow",
            "VM Atlas snapshots, core dumps and minidumps (*.json *.core core core.* *.dmp);;All files (*)"));
    if (!path.isEmpty())
        rememberDirectory(path);
    return path;
}

ExportDialogs::ExportDialogs(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

void ExportDialogs::report(const Status &status, const QString &path)
{
    if (!status)
        QMessageBox::warning(m_window, tr("Export failed"), QString::fromStdString(status.error().message));
    else
        emit saved(path);
}

void ExportDialogs::exportPng(SnapshotPtr snapshot)
{
    if (!snapshot)
        return;
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Export map as PNG"));
    auto *form = new QFormLayout(&dialog);
    auto *w = new QSpinBox(&dialog);
    auto *h = new QSpinBox(&dialog);
    w->setRange(320, 16384);
    h->setRange(240, 16384);
    w->setValue(QSettings().value(SettingsKey::PngWidth, 1600).toInt());
    h->setValue(QSettings().value(SettingsKey::PngHeight, 1000).toInt());
    form->addRow(tr("Width (px)"), w);
    form->addRow(tr("Height (px)"), h);
    form->addRow(new QLabel(tr("The image has a title (process, PID, time), the whole map and a legend."), &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QSize size(w->value(), h->value());
    QSettings().setValue(SettingsKey::PngWidth, size.width());
    QSettings().setValue(SettingsKey::PngHeight, size.height());
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export map as PNG"),
        startDirectory() + QStringLiteral("/vmatlas-%1.png").arg(snapshot->pid), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    QtConcurrent::run([snapshot, path, size] {
        return saveMapPng(*snapshot, path, size);
    }).then(this, [this, path](Status st) { report(st, path); });
}

void ExportDialogs::exportData(SnapshotPtr snapshot, bool json)
{
    if (!snapshot)
        return;
    const QString path
        = QFileDialog::getSaveFileName(m_window, json ? tr("Save snapshot as JSON") : tr("Export regions as CSV"),
            startDirectory()
                + QStringLiteral("/vmatlas-%1.%2")
                      .arg(snapshot->pid)
                      .arg(json ? QStringLiteral("json") : QStringLiteral("csv")),
            json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    rememberDirectory(path);
    // Large snapshots take a moment to format: off the GUI thread.
    QtConcurrent::run([snapshot, path, json] {
        return json ? saveSnapshotJsonFile(*snapshot, path) : saveRegionsCsv(*snapshot, path);
    }).then(this, [this, path](Status st) { report(st, path); });
}

} // namespace vmatlas::ui
