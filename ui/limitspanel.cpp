#include "limitspanel.h"

#include "processlimits.h"
#include "uitext.h"

#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vmatlas::ui {

namespace {

QString toHtml(const Limits &limits, bool live)
{
    // The core's lines; an indented line explains or details the one before it.
    QString html = QStringLiteral("<h3>%1</h3>").arg(LimitsPanel::tr("Limits of process %1").arg(limits.pid));
    for (const LimitLine &line : limitLines(limits)) {
        // The pattern and its words in the user's language ("unlimited", "not readable"…; numbers stay).
        html += QStringLiteral("<p style='margin:%1'>%2</p>")
                    .arg(line.detail ? QStringLiteral("0 0 0 24px") : QStringLiteral("8px 0 0 0"),
                        patternText("Limits", line.pattern, line.args).toHtmlEscaped());
    }
    if (!live)
        html += LimitsPanel::tr("<p><i>A saved snapshot: only its address space is known; the system's commit "
                                "charge, the process's limits and its cgroup are read from a live process.</i></p>");
    return html;
}

} // namespace

LimitsPanel::LimitsPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_view = new QTextBrowser(this);
    m_view->setObjectName(QStringLiteral("limits"));
    m_view->setPlaceholderText(tr("No process"));
    layout->addWidget(m_view);
}

QString LimitsPanel::text() const
{
    return m_view->toPlainText();
}

void LimitsPanel::setFrame(FramePtr frame, bool live)
{
    m_frame = std::move(frame);
    m_live = live;
    m_stale = true;
    if (isVisible())
        refresh();
}

void LimitsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void LimitsPanel::refresh()
{
    m_stale = false;
    if (!m_frame) {
        m_view->clear();
        return;
    }
    const int generation = ++m_generation;
    const SnapshotPtr snapshot = m_frame->snapshot;
    const bool live = m_live;
    QtConcurrent::run([snapshot, live]() -> Result<Limits> {
        if (live)
            return readLimits(*snapshot);
        Limits l;
        l.pid = snapshot->pid;
        l.platform = snapshot->platform;
        const Address end = snapshot->regions.empty() ? 0 : snapshot->regions.back().end;
        l.space = addressSpaceLimits(*snapshot, 0, end);
        return l;
    }).then(this, [this, generation, live](Result<Limits> limits) {
        if (generation != m_generation)
            return;
        if (!limits) {
            m_view->setPlainText(QString::fromStdString(limits.error().message));
            return;
        }
        m_view->setHtml(toHtml(*limits, live));
    });
}

} // namespace vmatlas::ui
