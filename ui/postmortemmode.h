#pragma once

#include "frame.h"

#include <QObject>
#include <QString>

class QMenu;

namespace vmatlas::ui {

class Banner;
class SessionController;
class ViewState;

// While a core dump or a minidump is shown: the banner says what a dump holds and what it does not (no live
// refresh, no counters; the pages are those the dump holds), and the labs are off, since each one starts live
// processes of its own, until a live process or a snapshot is shown again.
class PostMortemMode : public QObject
{
    Q_OBJECT

public:
    PostMortemMode(SessionController *controller, ViewState *state, Banner *banner, QMenu *labs, QObject *parent);
    bool active() const { return m_active; }

private:
    void onFrame(const FramePtr &frame);

    SessionController *m_controller;
    Banner *m_banner;
    QMenu *m_labs;
    bool m_active = false;
    QString m_shown; // the dump the banner was shown for
};

} // namespace vmatlas::ui
