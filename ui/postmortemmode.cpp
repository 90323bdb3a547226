#include "postmortemmode.h"

#include "banner.h"
#include "postmortem.h"
#include "sessioncontroller.h"
#include "viewstate.h"

#include <QFileInfo>
#include <QMenu>

namespace vmatlas::ui {

PostMortemMode::PostMortemMode(
    SessionController *controller, ViewState *state, Banner *banner, QMenu *labs, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_banner(banner)
    , m_labs(labs)
{
    connect(state, &ViewState::frameChanged, this, [this](FramePtr frame) { onFrame(frame); });
}

void PostMortemMode::onFrame(const FramePtr &frame)
{
    const QString file = m_controller->live() ? QString() : m_controller->fileName();
    m_active = !file.isEmpty() && m_controller->fileHasPages();
    if (m_labs)
        m_labs->setEnabled(!m_active);
    if (!m_active) {
        m_shown.clear();
        return;
    }
    if (file == m_shown)
        return;
    m_shown = file;
    const bool windows = frame && frame->snapshot->platform == "windows";
    m_banner->showMessage(Banner::Info,
        (windows ? tr("Post-mortem: the minidump %1 of process %2. Regions as VirtualQueryEx gave them; no live "
                      "refresh, no counters (a dump holds contents, not residency); pages show what the dump holds.")
                 : tr("Post-mortem: the core file %1 of process %2. Regions from its segments and file notes; no live "
                      "refresh, no counters (a core holds contents, not residency); pages show what the core holds."))
            .arg(QFileInfo(file).fileName())
            .arg(frame ? frame->snapshot->pid : 0));
}

} // namespace vmatlas::ui
