#pragma once

#include "model.h"

#include <QWidget>

#include <deque>
#include <map>

#include "totals.h"

class QComboBox;
class QLabel;

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QDateTimeAxis;
class QValueAxis;

namespace vmatlas::ui {

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
        Swap
    };
    explicit TimelinePanel(QWidget *parent = nullptr);
    void setHistory(const std::deque<SnapshotPtr> &history);
    void setCurrent(SnapshotPtr snapshot); // marks the shown one
    void addEvent(std::int64_t timestampMs, const QString &text); // e.g. a lab step
    int pointCount() const;
    int eventCount() const; // the events added, drawn where the history covers them
    QChart *chart() const { return m_chart; }
    // The snapshot index nearest to a time (ms since the epoch), or -1.
    int indexNear(std::int64_t timestampMs) const;

signals:
    void snapshotChosen(vmatlas::SnapshotPtr snapshot);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();

    std::deque<SnapshotPtr> m_history;
    // Totals per snapshot, computed once each: the history can hold hundreds of 60k-region snapshots.
    std::map<const Snapshot *, std::pair<SnapshotPtr, Totals>> m_totals;
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
