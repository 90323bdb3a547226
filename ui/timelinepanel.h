#pragma once

#include "frame.h"
#include "model.h"

#include <QWidget>

#include <deque>

class QComboBox;
class QLabel;

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QDateTimeAxis;
class QValueAxis;

namespace vmatlas::ui {

class ViewState;

// Committed / RSS / swap per type across the scheduled snapshots. Clicking the chart picks the
// snapshot nearest in time.
class TimelinePanel : public QWidget
{
    Q_OBJECT

public:
    enum Metric
    {
        Committed,
        Rss,
        Swap,
        Faults, // page faults between snapshots (minor, major, both)
    };
    explicit TimelinePanel(QWidget *parent = nullptr);
    // The live session's frames, oldest first (their totals are already computed).
    // Follows the view state (the shown frame is marked); a click shows the frame picked, as history.
    void observe(ViewState *state);
    void setHistory(const std::deque<FramePtr> &history);
    void setCurrent(SnapshotPtr snapshot); // marks the shown one
    void addEvent(std::int64_t timestampMs, const QString &text); // e.g. a lab step
    int pointCount() const;
    int eventCount() const { return int(m_events.size()); }
    // What happened where the view's viewport point pos shows an event's mark (the events there, one a line; empty
    // elsewhere): the tooltip there.
    QString eventsAt(QPoint viewportPos) const;
    QChart *chart() const { return m_chart; }
    // The snapshot index nearest to a time (ms since the epoch), or -1.
    int indexNear(std::int64_t timestampMs) const;

signals:
    void frameChosen(vmatlas::FramePtr frame);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();

    std::deque<FramePtr> m_history;
    SnapshotPtr m_current;
    std::vector<std::pair<std::int64_t, QString>> m_events;
    QComboBox *m_metric;
    QLabel *m_info;
    QChart *m_chart;
    QChartView *m_view;
    QLineSeries *m_series[4] {};
    QScatterSeries *m_marker = nullptr;
    QScatterSeries *m_eventSeries = nullptr;
    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
};

} // namespace vmatlas::ui
