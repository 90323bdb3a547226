// The timeline: one point per snapshot, the shown one marked, tick labels never repeated, and the marks (the
// shown snapshot, lab events) kept out of the legend of series, explained by the tooltip, an event saying what it
// was when pointed at.
#include "testutil.h"
#include "timelinepanel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTest>
#include <QToolTip>
#include <QValueAxis>

using namespace vmatlas;
using namespace vmatlas::ui;
using vmatlas::test::region;

namespace {
std::deque<FramePtr> history(std::int64_t from, std::initializer_list<std::int64_t> offsets, Pid pid = 7)
{
    std::deque<FramePtr> frames;
    SnapshotPtr before;
    for (std::int64_t off : offsets) {
        auto s = std::make_shared<Snapshot>();
        s->pid = pid;
        s->timestampMs = from + off;
        Region r = region(0x1000, 0x2000 + Address(off) * 0x1000);
        r.setCounter(Counter::Rss, 1 << 20);
        s->regions = { r };
        frames.push_back(makeFrame(s, before));
        before = s;
    }
    return frames;
}
} // namespace

class TestTimelinePanel : public QObject
{
    Q_OBJECT

private slots:
    void ticksNeverRepeat_data()
    {
        QTest::addColumn<QList<qint64>>("offsets");
        QTest::addColumn<int>("width");
        QTest::addRow("one snapshot") << QList<qint64> { 0 } << 800;
        QTest::addRow("three in 1.4 s") << QList<qint64> { 0, 700, 1400 } << 800;
        QTest::addRow("five in 4 s") << QList<qint64> { 0, 1000, 2000, 3000, 4000 } << 800;
        QTest::addRow("a minute") << QList<qint64> { 0, 30000, 60500 } << 800;
        // Beside the Lab dock in a 1024-pixel window: fewer ticks, each label whole (six were cut to "19:1…").
        QTest::addRow("a minute, narrow") << QList<qint64> { 0, 30000, 60500 } << 420;
    }

    void ticksNeverRepeat()
    {
        QFETCH(QList<qint64>, offsets);
        QFETCH(int, width);
        TimelinePanel panel;
        panel.resize(width, 300);
        std::deque<FramePtr> frames;
        {
            SnapshotPtr before;
            for (qint64 off : offsets) {
                auto s = std::make_shared<Snapshot>();
                s->pid = 7;
                s->timestampMs = 1'700'000'000'300 + off;
                s->regions = { region(0x1000, 0x2000) };
                frames.push_back(makeFrame(s, before));
                before = s;
            }
        }
        panel.setHistory(frames);
        QCOMPARE(panel.pointCount(), int(offsets.size()));
        auto *x = qobject_cast<QDateTimeAxis *>(panel.chart()->axes(Qt::Horizontal).first());
        QVERIFY(x);
        QStringList labels;
        const qint64 lo = x->min().toMSecsSinceEpoch(), hi = x->max().toMSecsSinceEpoch();
        for (int i = 0; i < x->tickCount(); ++i)
            labels << QDateTime::fromMSecsSinceEpoch(lo + (hi - lo) * i / (x->tickCount() - 1)).toString(x->format());
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
        QVERIFY(lo <= frames.front()->snapshot->timestampMs && hi >= frames.back()->snapshot->timestampMs);
        // Each label whole: the space between two ticks holds one (QtCharts cuts a label that does not fit).
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setHistory(frames); // laid out: the plot's own width
        const int label = QFontMetrics(x->labelsFont()).horizontalAdvance(QStringLiteral("00:00:00"));
        const double between = panel.chart()->plotArea().width() / std::max(1, x->tickCount() - 1);
        QVERIFY2(between >= label + 8,
            qPrintable(QStringLiteral("%1 labels of %2 px, %3 px apart").arg(x->tickCount()).arg(label).arg(between)));
    }

    // Each legend entry is a piece of its line (Total's dashed, as it is drawn), not a square swatch of its colour.
    void legendShowsEachLine()
    {
        TimelinePanel panel;
        QCOMPARE(panel.chart()->legend()->markerShape(), QLegend::MarkerShapeFromSeries);
        for (QLegendMarker *m : panel.chart()->legend()->markers()) {
            auto *line = qobject_cast<QLineSeries *>(m->series());
            if (!line || !m->isVisible())
                continue;
            QCOMPARE(m->shape(), QLegend::MarkerShapeFromSeries);
            QCOMPARE(line->pen().style(), m->label() == QStringLiteral("Total") ? Qt::DashLine : Qt::SolidLine);
        }
    }

    void marksAreExplained()
    {
        TimelinePanel panel;
        panel.show();
        const auto frames = history(1'700'000'000'000, { 0, 1000 });
        panel.setHistory(frames);
        panel.setCurrent(frames.back()->snapshot);
        panel.addEvent(1'700'000'000'500, QStringLiteral("Lab step 1: Map a file"));
        panel.addEvent(1'700'000'000'500, QStringLiteral("Lab step 2: Read each page"));
        QCOMPARE(panel.eventCount(), 2);
        QStringList shown;
        for (QLegendMarker *m : panel.chart()->legend()->markers())
            if (m->isVisible())
                shown << m->label();
        // Only the series: six entries do not fit beside the Lab dock.
        QCOMPARE(shown,
            (QStringList { QStringLiteral("Image"), QStringLiteral("Mapped"), QStringLiteral("Private"),
                QStringLiteral("Total") }));
        auto *view = panel.findChild<QChartView *>();
        QVERIFY(view && view->toolTip().contains(QStringLiteral("orange dot is the snapshot shown"))
            && view->toolTip().contains(QStringLiteral("pink square is an event")));
        // Pointing at an event's mark tells what happened there; elsewhere the tooltip explains the marks.
        QScatterSeries *events = nullptr;
        for (QAbstractSeries *s : panel.chart()->series())
            if (s->name() == QStringLiteral("events (point at one)"))
                events = qobject_cast<QScatterSeries *>(s);
        QVERIFY(events);
        QCOMPARE(events->count(), 2);
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QPoint mark
            = view->mapFromScene(panel.chart()->mapToScene(panel.chart()->mapToPosition(events->at(0), events)));
        const auto tooltipAt = [&](QPoint pos) {
            QToolTip::hideText();
            QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
            QApplication::sendEvent(view->viewport(), &help);
            return QToolTip::isVisible() ? QToolTip::text() : QString();
        };
        QCOMPARE(tooltipAt(mark + QPoint(2, -2)), QStringLiteral("Lab step 1: Map a file\nLab step 2: Read each page"));
        QVERIFY(tooltipAt(mark + QPoint(40, -40)).contains(QStringLiteral("orange dot")));
    }
};

QTEST_MAIN(TestTimelinePanel)
#include "tst_timelinepanel.moc"
