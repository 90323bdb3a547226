#include "remotesession.h"

#include "banner.h"
#include "mainwindow.h"
#include "remote.h"
#include "snapshotjson.h"

#include <QMetaObject>
#include <QPointer>

namespace vmatlas::ui {

RemoteSession::RemoteSession(const QString &destination, QObject *parent)
    : QObject(parent)
    , m_host(std::make_shared<RemoteHost>(destination.toStdString()))
{
}

RemoteSession::~RemoteSession() = default;

void RemoteSession::noteResult(bool ok, const Error *error)
{
    // Called on worker threads: the signals go to the GUI thread queued.
    QPointer<RemoteSession> self(this);
    if (!ok && error && error->code == ErrorCode::Remote) {
        m_down->store(true);
        const QString message = QString::fromStdString(error->message);
        QMetaObject::invokeMethod(
            this,
            [self, message] {
                if (self)
                    emit self->connectionLost(message);
            },
            Qt::QueuedConnection);
    } else if (ok && m_down->exchange(false)) {
        QMetaObject::invokeMethod(
            this,
            [self] {
                if (self)
                    emit self->reconnected();
            },
            Qt::QueuedConnection);
    }
}

SessionSources RemoteSession::sources()
{
    SessionSources s;
    auto host = m_host;
    s.readSnapshot = [this, host](Pid pid) {
        auto snap = host->snapshot(pid);
        noteResult(snap.ok(), snap.ok() ? nullptr : &snap.error());
        return snap;
    };
    s.readPages = [host](Pid pid, Address start, Address end) { return host->pages(pid, start, end); };
    s.loadFile = [](const std::string &path) { return loadSnapshotJson(path); };
    s.listProcesses = [host] { return host->processes(); };
    s.host = host->displayName();
    return s;
}

void RemoteSession::showIn(MainWindow *window)
{
    Banner *banner = window->findChild<Banner *>();
    const QString host = QString::fromStdString(m_host->displayName());
    connect(this, &RemoteSession::connectionLost, window, [banner, host](const QString &message) {
        banner->showMessage(Banner::Warning,
            tr("The connection to %1 failed: %2. The last snapshot stays; the next refresh connects again.")
                .arg(host, message));
    });
    connect(this, &RemoteSession::reconnected, window,
        [banner, host] { banner->showMessage(Banner::Info, tr("Connected to %1 again.").arg(host)); });
}

} // namespace vmatlas::ui
