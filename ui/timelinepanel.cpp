#include "timelinepanel.h"

#include "mapcolors.h"
#include "totals.h"
#include "viewstate.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cstdlib>

namespace vmatlas::ui {

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout();
    bar->addWidget(new QLabel(tr("Show"), this));
    m_metric = new QComboBox(this);
    m_metric->addItems({ tr("Committed"), tr("RSS"), tr("Swap"), tr("Page faults") });
    m_metric->setCurrentIndex(Rss);
    bar->addWidget(m_metric);
    m_info = new QLabel(this);
    bar->addWidget(m_info, 1);
    layout->addLayout(bar);

    m_chart = new QChart();
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    // Each entry a piece of its line: Total's dashed, as drawn (a square swatch showed it solid).
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    m_chart->setBackgroundVisible(false);
    m_x = new QDateTimeAxis(m_chart);
    m_x->setFormat(QStringLiteral("hh:mm:ss"));
    m_y = new QValueAxis(m_chart);
    m_y->setTitleText(tr("MiB"));
    m_y->setLabelFormat(QStringLiteral("%.1f"));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    const MapColors colors = MapColors::light();
    const char *names[] = { QT_TR_NOOP("Image"), QT_TR_NOOP("Mapped"), QT_TR_NOOP("Private"), QT_TR_NOOP("Total") };
    const QColor seriesColors[]
        = { colors.type[std::size_t(RegionType::Image)], colors.type[std::size_t(RegionType::Mapped)],
              colors.type[std::size_t(RegionType::Private)], QColor(90, 90, 90) };
    for (int i = 0; i < 4; ++i) {
        m_series[i] = new QLineSeries(m_chart);
        m_series[i]->setName(tr(names[i]));
        QPen pen(seriesColors[i], i == 3 ? 1.5 : 2.5);
        if (i == 3)
            pen.setStyle(Qt::DashLine);
        m_series[i]->setPen(pen);
        m_chart->addSeries(m_series[i]);
        m_series[i]->attachAxis(m_x);
        m_series[i]->attachAxis(m_y);
    }
    m_marker = new QScatterSeries(m_chart);
    m_marker->setName(tr("shown snapshot"));
    m_marker->setMarkerSize(11);
    m_marker->setColor(QColor(0xD5, 0x5E, 0x00));
    m_chart->addSeries(m_marker);
    m_marker->attachAxis(m_x);
    m_marker->attachAxis(m_y);
    m_eventSeries = new QScatterSeries(m_chart);
    m_eventSeries->setName(tr("events (point at one)"));
    m_eventSeries->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_eventSeries->setMarkerSize(9);
    m_eventSeries->setColor(QColor(0xCC, 0x79, 0xA7));
    m_chart->addSeries(m_eventSeries);
    m_eventSeries->attachAxis(m_x);
    m_eventSeries->attachAxis(m_y);
    // The marks are not series: kept out of the legend, which has no room for them beside the Lab dock (six
    // entries were cut to "Ima…"). The view's tooltip explains them, and an event says what it was when pointed at.
    for (QAbstractSeries *marks :
        { static_cast<QAbstractSeries *>(m_marker), static_cast<QAbstractSeries *>(m_eventSeries) })
        for (QLegendMarker *legend : m_chart->legend()->markers(marks))
            legend->setVisible(false);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->viewport()->installEventFilter(this);
    // Rich text, so that the tooltip wraps.
    m_view->setToolTip(QStringLiteral("<p>%1</p>")
                           .arg(tr("Click to show the snapshot taken at that time. The orange dot is the snapshot "
                                   "shown; a pink square is an event, such as a lab step: point at it to read it.")
                                    .toHtmlEscaped()));
    layout->addWidget(m_view, 1);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
}

void TimelinePanel::observe(ViewState *state)
{
    connect(state, &ViewState::frameChanged, this, [this](FramePtr frame) { setCurrent(frame->snapshot); });
    connect(state, &ViewState::cleared, this, [this] { setHistory({}); });
    connect(this, &TimelinePanel::frameChosen, state,
        [state](FramePtr frame) { state->setFrame(std::move(frame), ViewState::Origin::History); });
}

int TimelinePanel::pointCount() const
{
    return int(m_series[3]->count());
}

void TimelinePanel::setHistory(const std::deque<FramePtr> &history)
{
    m_history = history;
    rebuild();
}

void TimelinePanel::setCurrent(SnapshotPtr snapshot)
{
    m_current = std::move(snapshot);
    rebuild();
}

void TimelinePanel::addEvent(std::int64_t timestampMs, const QString &text)
{
    m_events.emplace_back(timestampMs, text);
    rebuild();
}

int TimelinePanel::indexNear(std::int64_t t) const
{
    int best = -1;
    std::int64_t bestDistance = 0;
    for (std::size_t i = 0; i < m_history.size(); ++i) {
        // A thinned frame (sessioncontroller.h) is a point of the curve with no regions to show: not chosen.
        if (m_history[i]->snapshot->regions.empty())
            continue;
        const std::int64_t d = std::llabs(m_history[i]->snapshot->timestampMs - t);
        if (best < 0 || d < bestDistance) {
            best = int(i);
            bestDistance = d;
        }
    }
    return best;
}

void TimelinePanel::rebuild()
{
    const int metric = m_metric->currentIndex();
    auto value = [metric](const TypeTotals &t) {
        const std::uint64_t v = metric == Committed ? t.committed : (metric == Rss ? t.rss : t.swap);
        return double(v) / (1024.0 * 1024.0);
    };
    // Page faults: since the snapshot before (minor, major, none, both), what came back after a trim.
    const bool faults = metric == Faults;
    const char *names[] = { QT_TR_NOOP("Image"), QT_TR_NOOP("Mapped"), QT_TR_NOOP("Private"), QT_TR_NOOP("Total") };
    const char *faultNames[]
        = { QT_TR_NOOP("Minor faults"), QT_TR_NOOP("Major faults"), QT_TR_NOOP("Private"), QT_TR_NOOP("All faults") };
    for (int i = 0; i < 4; ++i) {
        m_series[i]->setName(tr(faults ? faultNames[i] : names[i]));
        m_series[i]->setVisible(!faults || i != 2);
    }
    m_y->setTitleText(faults ? tr("faults") : tr("MiB"));
    QList<QPointF> points[4];
    double maxY = 0.1;
    QPointF current;
    bool haveCurrent = false;
    const SnapshotFrame *prev = nullptr;
    for (const FramePtr &frame : m_history) {
        const Totals &t = frame->totals;
        const double x = double(frame->snapshot->timestampMs);
        double values[] = { value(t.of(RegionType::Image)), value(t.of(RegionType::Mapped)),
            value(t.of(RegionType::Private)), value(t.all) };
        if (faults) {
            const bool known = prev && prev->haveFaults && frame->haveFaults;
            const double minor = known ? double(frame->minorFaults - prev->minorFaults) : 0;
            const double major = known ? double(frame->majorFaults - prev->majorFaults) : 0;
            values[0] = minor;
            values[1] = major;
            values[2] = 0;
            values[3] = minor + major;
        }
        prev = frame.get();
        for (int i = 0; i < 4; ++i) {
            points[i].append(QPointF(x, values[i]));
            maxY = std::max(maxY, values[i]);
        }
        if (frame->snapshot == m_current) {
            current = QPointF(x, values[3]);
            haveCurrent = true;
        }
    }
    for (int i = 0; i < 4; ++i)
        m_series[i]->replace(points[i]);
    m_marker->clear();
    if (haveCurrent)
        m_marker->append(current);
    m_eventSeries->clear();
    if (!m_history.empty()) {
        std::int64_t lo = m_history.front()->snapshot->timestampMs, hi = m_history.back()->snapshot->timestampMs;
        for (const auto &[t, text] : m_events)
            if (t >= lo && t <= hi)
                m_eventSeries->append(QPointF(double(t), 0));
        // Ticks on whole seconds and never two alike: from the second before the first snapshot, as many
        // ticks as whole seconds fit (at most 6, and no more than the plot's width holds whole labels: at 1024
        // pixels beside the Lab dock six were cut to "19:1…"), the range stretched to a multiple of the step.
        lo -= lo % 1000;
        const std::int64_t seconds = std::max<std::int64_t>(2, (hi - lo + 999) / 1000);
        const QFontMetrics labels(m_x->labelsFont());
        const double plot = m_chart->plotArea().width() > 0 ? m_chart->plotArea().width() : width() - 80.0;
        const int fit = std::clamp(int(plot / (labels.horizontalAdvance(QStringLiteral("00:00:00")) + 24)) + 1, 2, 6);
        const int ticks = int(std::min<std::int64_t>(fit, seconds + 1));
        const std::int64_t step = (seconds + ticks - 2) / (ticks - 1);
        hi = lo + step * (ticks - 1) * 1000;
        m_x->setTickCount(ticks);
        m_x->setRange(QDateTime::fromMSecsSinceEpoch(lo), QDateTime::fromMSecsSinceEpoch(hi));
        m_y->setRange(0, maxY * 1.1);
        m_y->applyNiceNumbers();
        // Enough decimals that no two labels read the same.
        const double yStep = (m_y->max() - m_y->min()) / std::max(1, m_y->tickCount() - 1);
        m_y->setLabelFormat(
            yStep >= 1 ? QStringLiteral("%.0f") : (yStep >= 0.1 ? QStringLiteral("%.1f") : QStringLiteral("%.2f")));
        m_info->setText(tr("%n snapshot(s), %1 to %2", nullptr, int(m_history.size()))
                            .arg(QDateTime::fromMSecsSinceEpoch(m_history.front()->snapshot->timestampMs)
                                     .toString(QStringLiteral("hh:mm:ss")),
                                QDateTime::fromMSecsSinceEpoch(m_history.back()->snapshot->timestampMs)
                                    .toString(QStringLiteral("hh:mm:ss"))));
    } else {
        m_info->setText(tr("No scheduled snapshots yet"));
    }
}

QString TimelinePanel::eventsAt(QPoint viewportPos) const
{
    QStringList texts;
    for (int i = 0; i < m_eventSeries->count(); ++i) {
        const QPointF mark = m_chart->mapToPosition(m_eventSeries->at(i), m_eventSeries);
        const QPoint at = m_view->mapFromScene(m_chart->mapToScene(mark));
        const int reach = int(m_eventSeries->markerSize() / 2) + 2;
        if (std::abs(at.x() - viewportPos.x()) > reach || std::abs(at.y() - viewportPos.y()) > reach)
            continue;
        for (const auto &[t, text] : m_events)
            if (double(t) == m_eventSeries->at(i).x() && !texts.contains(text))
                texts << text;
    }
    return texts.join(QLatin1Char('\n'));
}

bool TimelinePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = eventsAt(help->pos());
        if (!text.isEmpty()) {
            QToolTip::showText(help->globalPos(), text, m_view->viewport());
            return true;
        }
    }
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonRelease && !m_history.empty()) {
        auto *me = static_cast<QMouseEvent *>(event);
        const QPointF value = m_chart->mapToValue(m_chart->mapFromScene(m_view->mapToScene(me->pos())), m_series[3]);
        const int i = indexNear(std::int64_t(value.x()));
        if (i >= 0)
            emit frameChosen(m_history[std::size_t(i)]);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vmatlas::ui
