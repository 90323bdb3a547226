#pragma once

#include "sessioncontroller.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace vmatlas {
class RemoteHost;
}

namespace vmatlas::ui {

class MainWindow;

// The window on another machine (--host DEST): the session's sources read through one RemoteHost (one ssh
// connection, `vmatlas serve` at the far end), the picker lists the remote processes, the title names the host.
// A read that fails because the connection dropped keeps the last snapshot on screen; the banner says so and the
// next refresh connects again (and says when it has).
class RemoteSession : public QObject
{
    Q_OBJECT

public:
    explicit RemoteSession(const QString &destination, QObject *parent = nullptr);
    ~RemoteSession() override;
    SessionSources sources();
    // Shows the session's messages in the window's banner.
    void showIn(MainWindow *window);

signals:
    void connectionLost(const QString &message);
    void reconnected();

private:
    void noteResult(bool ok, const Error *error);

    std::shared_ptr<RemoteHost> m_host;
    std::shared_ptr<std::atomic<bool>> m_down = std::make_shared<std::atomic<bool>>(false);
};

} // namespace vmatlas::ui
