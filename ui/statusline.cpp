#include "statusline.h"

#include "addressmapview.h"
#include "formatting.h"
#include "regionstab.h"
#include "sessioncontroller.h"
#include "totals.h"
#include "viewstate.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QStatusBar>

namespace vmatlas::ui {

namespace {

// A status bar text that is cut with "…" where the window is too narrow for it (the whole text in its tooltip),
// rather than making the window wider than the screen.
class ElidedLabel : public QLabel
{
public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override
    {
        return { fontMetrics().averageCharWidth() * 6, QLabel::minimumSizeHint().height() };
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const QRect r = contentsRect();
        const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, r.width());
        setToolTip(shown == text() ? QString() : text());
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, shown);
    }
};

} // namespace

StatusLine::StatusLine(QStatusBar *bar, const ViewState *state, const SessionController *controller,
    const AddressMapView *map, const RegionsTab *regions)
    : QObject(bar)
    , m_state(state)
    , m_controller(controller)
    , m_map(map)
    , m_regions(regions)
{
    m_process = new ElidedLabel(bar);
    m_selection = new ElidedLabel(bar);
    m_process->setContentsMargins(0, 0, 12, 0); // apart from the selection's text
    m_zoom = new QLabel(bar);
    m_zoom->setObjectName(QStringLiteral("mapScale"));
    m_busy = new QProgressBar(bar);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setFormat(tr("reading"));
    m_busy->hide();
    bar->addWidget(m_process, 1);
    bar->addWidget(m_selection, 1);
    bar->addPermanentWidget(m_busy);
    bar->addPermanentWidget(m_zoom);
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(300);
    connect(&m_busyDelay, &QTimer::timeout, m_busy, &QWidget::show);
}

void StatusLine::setReading(bool reading)
{
    if (reading)
        return m_busyDelay.start();
    m_busyDelay.stop();
    m_busy->hide();
}

void StatusLine::update()
{
    const SnapshotPtr shown = m_state->shown();
    if (shown) {
        QString text = tr("%1 (PID %2) · %n region(s)", nullptr, int(shown->regions.size()))
                           .arg(displayText(fullProcessName(shown->processName, shown->commandLine)))
                           .arg(shown->pid);
        text += tr(" · taken %1")
                    .arg(QDateTime::fromMSecsSinceEpoch(shown->timestampMs).toString(QStringLiteral("hh:mm:ss.zzz")));
        // A live tick between full reads: RSS and swap are of this moment, PSS and the rest of the last full read.
        if (shown->countersReadMs > 0 && shown->countersReadMs < shown->timestampMs)
            text += tr(" · PSS etc. read %1 s before")
                        .arg(QString::number((shown->timestampMs - shown->countersReadMs) / 1000.0, 'f', 1));
        if (m_state->origin() == ViewState::Origin::File || m_state->origin() == ViewState::Origin::Comparison)
            text += tr(" · from %1").arg(QFileInfo(m_controller->fileName()).fileName());
        else if (m_controller->exited())
            text += tr(" · process exited");
        else if (m_state->origin() == ViewState::Origin::History)
            text += tr(" · history (Ctrl+L returns to live)");
        else if (m_controller->intervalMs() <= 0)
            text += tr(" · paused");
        m_process->setText(text);
    } else {
        if (!m_controller->pid())
            m_process->setText(tr("No process"));
        else if (!m_controller->error().isEmpty())
            m_process->setText(tr("Process %1 could not be read").arg(m_controller->pid()));
        else
            m_process->setText(tr("Reading process %1…").arg(m_controller->pid()));
    }
    // The selection's totals.
    QString selection;
    const AddressRange range = m_state->range();
    if (!range.empty() && shown) {
        const TypeTotals t = rangeTotals(*shown, range.start, range.end);
        selection = tr("Range %1: %2 mapped, %3 committed, RSS %4")
                        .arg(formatBytes(range.end - range.start), formatBytes(t.size), formatBytes(t.committed),
                            formatBytes(t.rss));
    } else if (shown) {
        const auto regions = m_regions->selectedRegions();
        if (!regions.empty()) {
            std::uint64_t size = 0, rss = 0, swap = 0;
            for (const Region *r : regions) {
                size += r->size();
                rss += r->counter(Counter::Rss);
                swap += r->counter(Counter::Swap);
            }
            selection = tr("Selected %n region(s): %1, RSS %2, swap %3", nullptr, int(regions.size()))
                            .arg(formatBytes(size), formatBytes(rss), formatBytes(swap));
        }
    }
    m_selection->setText(selection);
    m_selection->setVisible(!selection.isEmpty()); // no selection: the process's text has the whole bar
    // The scale of a map that is drawn: nothing shown, nothing to scale.
    const double bpp = m_map->geometry().bytesPerPixel();
    m_zoom->setVisible(m_state->shown() != nullptr);
    m_zoom->setText(m_map->atPageScale() ? tr("1 page = %1 px").arg(QString::number(m_state->pageSize() / bpp, 'f', 0))
                                         : tr("1 px = %1").arg(formatBytes(std::uint64_t(bpp))));
}

} // namespace vmatlas::ui
