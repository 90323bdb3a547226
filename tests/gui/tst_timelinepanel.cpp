// The timeline: one point per snapshot, the shown one marked, tick labels never repeated, and the marks (the
// shown snapshot, lab events) kept out of the legend of series.
#include "testutil.h"
#include "timelinepanel.h"

#include <QApplication>
#include <QChart>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>
#include <QTest>
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

    void marksAreNotSeries()
    {
        TimelinePanel panel;
        panel.show();
        panel.setHistory(history(1'700'000'000'000, { 0, 1000 }));
        panel.addEvent(1'700'000'000'500, QStringLiteral("step 1"));
        QCOMPARE(panel.eventCount(), 1);
        QStringList shown;
        for (QLegendMarker *m : panel.chart()->legend()->markers())
            if (m->isVisible())
                shown << m->label();
        QCOMPARE(shown.size(), 4); // Image, Mapped, Private, Total
        QCOMPARE(panel.chart()->legend()->markers().size(), 6);
        QVERIFY(!shown.contains(QStringLiteral("shown")) && !shown.contains(QStringLiteral("events")));
    }
};

QTEST_MAIN(TestTimelinePanel)
#include "tst_timelinepanel.moc"
