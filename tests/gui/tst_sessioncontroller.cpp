// The session controller fed recorded snapshots instead of a live process: frames carry the diff against
// the snapshot before and the totals; attaching reads once; errors keep their kind; Compare With runs on a
// worker; the window shows what it is fed, a stack growing down tinted "changed" in the table.
#include "detailspanel.h"
#include "livetier.h"
#include "mainwindow.h"
#include "pagestrip.h"
#include "regionstab.h"
#include "regiontablemodel.h"
#include "sessioncontroller.h"
#include "snapshotjson.h"
#include "summarypanel.h"
#include "testutil.h"
#include "windowparts.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <mutex>

using namespace vmatlas;
using namespace vmatlas::ui;
using vmatlas::test::part;

namespace {

Region region(Address start, Address end, RegionType type, const std::string &path = {})
{
    Region r;
    r.start = start;
    r.end = end;
    r.type = type;
    r.state = type == RegionType::Free ? RegionState::Free : RegionState::Committed;
    r.protection.read = r.protection.write = type != RegionType::Free;
    if (!path.empty())
        r.pathPtr = std::make_shared<const std::string>(path);
    r.setCounter(Counter::Rss, type == RegionType::Free ? 0 : 4096);
    return r;
}

// A live tick taken at 10 s whose carried counters were read at countersReadMs: one heap region, its RSS read now.
std::shared_ptr<Snapshot> liveTick(std::int64_t countersReadMs)
{
    auto snap = std::make_shared<Snapshot>();
    snap->timestampMs = 10000;
    snap->countersReadMs = countersReadMs;
    Region r = region(0x1000, 0x3000, RegionType::Private, "[heap]");
    r.setCounter(Counter::Rss, 0x2000);
    snap->regions = { r };
    return snap;
}

// A process whose stack grows down by a page at each read.
struct Recorded
{
    std::atomic<int> reads { 0 };
    std::atomic<bool> fail { false };

    Result<Snapshot> read(Pid pid)
    {
        if (fail)
            return makeError(ErrorCode::PermissionDenied, "recorded: access denied");
        const int n = reads++;
        Snapshot s;
        s.pid = pid;
        s.processName = "recorded";
        s.timestampMs = 1000 + n;
        const Address stack = 0x7000 - Address(n) * 0x1000;
        s.regions = { region(0x1000, 0x2000, RegionType::Image, "/bin/recorded"),
            region(0x2000, stack, RegionType::Free), region(stack, 0x8000, RegionType::Private, "[stack]") };
        return s;
    }
    SessionSources sources()
    {
        SessionSources src;
        src.readSnapshot = [this](Pid pid) { return read(pid); };
        src.readPages = [](Pid, Address start, Address end) -> Result<std::vector<PageInfo>> {
            std::vector<PageInfo> pages;
            for (Address a = start; a < end; a += 4096)
                pages.push_back({ a, PageState::Anon });
            return pages;
        };
        src.loadFile = [](const std::string &path) { return loadSnapshotJson(path); };
        return src;
    }
};

} // namespace

class TestSessionController : public QObject
{
    Q_OBJECT

private slots:
    void framesCarryTheirDiffAndTotals()
    {
        Recorded recorded;
        SessionController controller(recorded.sources());
        controller.setIntervalMs(100);
        QSignalSpy frames(&controller, &SessionController::frameArrived);
        controller.attach(4242);
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 3, 5000);
        controller.detach();
        // Attaching read once: the first frame is the first read, the sampler did not read it again.
        const auto first = frames.at(0).at(0).value<FramePtr>();
        QCOMPARE(first->snapshot->timestampMs, std::int64_t(1000));
        QVERIFY(!first->before);
        QVERIFY(first->diff.changes.empty());
        QCOMPARE(first->totals.of(RegionType::Image).size, std::uint64_t(0x1000));
        const auto second = frames.at(1).at(0).value<FramePtr>();
        QCOMPARE(second->snapshot->timestampMs, std::int64_t(1001));
        QCOMPARE(second->before, first->snapshot);
        // The stack grew down: the same region (matched by its end), changed in bounds.
        QCOMPARE(second->diff.changes.size(), std::size_t(1));
        QCOMPARE(second->diff.changes[0].kind, ChangeKind::Changed);
        QVERIFY(second->diff.changes[0].fields & ChangedBounds);
        QCOMPARE(second->totals.of(RegionType::Private).size, std::uint64_t(0x2000));
        QCOMPARE(int(recorded.reads), int(frames.size()));
        // The history holds the frames.
        QCOMPARE(controller.history().size(), std::size_t(frames.size()));
    }

    void liveTicksBetweenFullReads()
    {
        // A process whose full read is slow (30 ms): the live tier reads it between full reads.
        Recorded recorded;
        std::atomic<int> lives { 0 }, fulls { 0 };
        SessionSources src = recorded.sources();
        src.readSnapshot = [&](Pid pid) {
            QThread::msleep(30);
            ++fulls;
            auto s = recorded.read(pid);
            s->regions.back().setCounter(Counter::Pss, 0x800);
            return s;
        };
        src.readLive = [&](Pid pid) {
            ++lives;
            auto s = recorded.read(pid);
            for (Region &r : s->regions)
                if (r.type != RegionType::Free)
                    r.unknownCounters = kAllCounterBits & ~kLiveCounters;
            return s;
        };
        SessionController controller(src);
        controller.setIntervalMs(20);
        QSignalSpy frames(&controller, &SessionController::frameArrived);
        controller.attach(4242);
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 12, 10000);
        controller.setIntervalMs(0);
        QTest::qWait(200);
        // The first read is full; nine live ticks follow, then a full one.
        QVERIFY(lives >= 9);
        std::vector<bool> full;
        for (const auto &args : frames)
            full.push_back(args.at(0).value<FramePtr>()->snapshot->countersReadMs == 0);
        QVERIFY(full[0]);
        for (int i = 1; i <= 9; ++i)
            QVERIFY2(!full[std::size_t(i)], qPrintable(QString::number(i)));
        QVERIFY(full[10]);
        // A live frame: RSS read, PSS of the stack (which moved) not read, the image's PSS carried (none here).
        const auto live = frames.at(1).at(0).value<FramePtr>();
        QCOMPARE(live->snapshot->countersReadMs, frames.at(0).at(0).value<FramePtr>()->snapshot->timestampMs);
        const Region &stack = live->snapshot->regions.back();
        QVERIFY(stack.hasCounter(Counter::Rss));
        QVERIFY(!stack.hasCounter(Counter::Pss));
        QVERIFY(live->snapshot->regions.front().hasCounter(Counter::Pss));
        // Pausing after a live tick reads everything once: what stays on screen is whole.
        const auto last = frames.back().at(0).value<FramePtr>();
        QCOMPARE(last->snapshot->countersReadMs, std::int64_t(0));
        QCOMPARE(last->snapshot->regions.back().counter(Counter::Pss), std::uint64_t(0x800));
        // Snapshot Now is a full read.
        const int fullsBefore = fulls;
        controller.sampleNow();
        QTRY_COMPARE_WITH_TIMEOUT(int(fulls), fullsBefore + 1, 5000);
        // A selection asks the next tick to be full.
        controller.setIntervalMs(20);
        QTest::qWait(100);
        const int before = fulls, seen = int(frames.size());
        controller.wantFullCounters();
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= seen + 2, 5000);
        QVERIFY(fulls > before);
        controller.detach();
    }

    void detailsSayHowOldEachCounterIs()
    {
        // A live frame: RSS of now, PSS carried from a full read 4 s before, Referenced of a region newer than it.
        auto snap = liveTick(6000);
        snap->regions[0].setCounter(Counter::Pss, 0x800);
        snap->regions[0].setCounterKnown(Counter::Referenced, false);
        DetailsPanel details;
        details.setRegion(&snap->regions[0], snap);
        const QString text = details.text();
        QVERIFY2(text.contains(QStringLiteral("RSS: 8.00 KiB<br>")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("PSS: 2.00 KiB (read 4.0 s before)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Referenced: not read")), qPrintable(text));
        // A full read: no ages.
        snap->countersReadMs = 0;
        details.setRegion(&snap->regions[0], snap);
        QVERIFY(!details.text().contains(QStringLiteral("s before)")));
    }

    void summarySaysHowOldItsCountersAre()
    {
        auto snap = liveTick(7500);
        SummaryPanel summary;
        summary.show();
        summary.setFrame(*makeFrame(snap, nullptr));
        QCOMPARE(summary.counterAgeText(),
            QStringLiteral("PSS, shared, private and dirty: read 2.5 s before this snapshot; RSS and swap: now."));
        // A full read: the line stays (the tables do not move) and says every counter is fresh.
        auto full = std::make_shared<Snapshot>(*snap);
        full->countersReadMs = 0;
        summary.setFrame(*makeFrame(full, snap));
        QCOMPARE(summary.counterAgeText(), QStringLiteral("Every counter read with this snapshot (a full read)."));
        // Another process: no line until one of its live ticks carries counters.
        summary.clearCounterAge();
        summary.setFrame(*makeFrame(full, nullptr));
        QVERIFY(summary.counterAgeText().isEmpty());
    }

    void historyBoundedInBytes()
    {
        // 30,000 regions a snapshot (~7.7 MB): past the byte budget the oldest frames keep only their totals.
        std::atomic<int> reads { 0 };
        SessionSources src;
        src.readSnapshot = [&](Pid pid) -> Result<Snapshot> {
            Snapshot s;
            s.pid = pid;
            s.processName = "big";
            s.timestampMs = 1000 + reads++;
            for (int i = 0; i < 30000; ++i)
                s.regions.push_back(
                    region(0x10000 + Address(i) * 0x1000, 0x11000 + Address(i) * 0x1000, RegionType::Private));
            return s;
        };
        SessionController controller(src);
        controller.setIntervalMs(10);
        QSignalSpy frames(&controller, &SessionController::frameArrived);
        controller.attach(4242);
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 30, 30000);
        controller.detach();
        const auto &history = controller.history();
        QCOMPARE(history.size(), std::size_t(frames.size()));
        std::size_t whole = 0, bytes = 0;
        for (const FramePtr &f : history) {
            QCOMPARE(f->totals.all.rss, std::uint64_t(30000) * 4096); // every point keeps its totals
            if (!SessionController::isThin(f)) {
                ++whole;
                bytes += f->snapshot->memoryFootprint();
            }
        }
        QVERIFY2(bytes <= SessionController::kHistoryBytes, qPrintable(QString::number(bytes)));
        QVERIFY(whole >= 2 && whole < history.size());
        // The thin ones are the oldest; the newest are whole.
        QVERIFY(SessionController::isThin(history.front()));
        QVERIFY(!SessionController::isThin(history.back()));
    }

    void errorsKeepTheirKind()
    {
        Recorded recorded;
        recorded.fail = true;
        SessionController controller(recorded.sources());
        QSignalSpy failed(&controller, &SessionController::failed);
        controller.attach(4242);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QCOMPARE(failed.at(0).at(0).toInt(), int(ErrorCode::PermissionDenied));
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("recorded: access denied"));
        QVERIFY(!controller.live());
    }

    void compareWithRunsOnAWorker()
    {
        Recorded recorded;
        SessionSources sources = recorded.sources();
        std::atomic<bool> onWorker { false };
        QThread *gui = QThread::currentThread();
        sources.loadFile = [&onWorker, gui](const std::string &path) {
            onWorker = QThread::currentThread() != gui;
            return loadSnapshotJson(path);
        };
        SessionController controller(sources);
        auto shown = std::make_shared<const Snapshot>(*recorded.read(1));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("later.json"));
        QVERIFY(saveSnapshotJson(*recorded.read(1), file.toStdString()).ok());
        QSignalSpy ready(&controller, &SessionController::comparisonReady);
        controller.compareWith(file, shown);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 5000);
        QVERIFY(onWorker); // loaded (and diffed) off the GUI thread
        const auto frame = ready.at(0).at(0).value<FramePtr>();
        QCOMPARE(frame->before, SnapshotPtr(shown));
        QCOMPARE(frame->diff.count(ChangeKind::Changed), std::size_t(1));
        QSignalSpy failedCompare(&controller, &SessionController::compareFailed);
        controller.compareWith(dir.filePath(QStringLiteral("missing.json")), shown);
        QTRY_COMPARE_WITH_TIMEOUT(failedCompare.size(), 1, 5000);
        QVERIFY(failedCompare.at(0).at(0).toString().contains(QStringLiteral("missing.json")));
    }

    void windowShowsRecordedFrames()
    {
        Recorded recorded;
        MainWindow w(recorded.sources());
        w.resize(1200, 800);
        w.show();
        w.setIntervalMs(200);
        w.attach(4242);
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown() && w.viewState()->shown()->timestampMs >= 1002, 5000);
        // The stack row (the last) is tinted "changed" from the frame's diff, as the map outlines it.
        RegionTableModel *model = part<RegionsTab>(w)->model();
        const int last = model->rowCount() - 1;
        QCOMPARE(model->regionAt(last)->path(), std::string("[stack]"));
        QCOMPARE(model->changeAt(last), std::optional<ChangeKind>(ChangeKind::Changed));
        // Selecting the stack: the details show it, and its pages come from the recorded source.
        w.selectAddress(0x7fff);
        QVERIFY(part<DetailsPanel>(w)->text().contains(QStringLiteral("[stack]")));
        QTRY_VERIFY_WITH_TIMEOUT(!part<DetailsPanel>(w)->pageStrip()->pages().empty(), 5000);
        // The selection stays on the stack as it grows.
        const auto grownFrom = w.viewState()->shown()->timestampMs;
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown()->timestampMs > grownFrom, 5000);
        QVERIFY(w.viewState()->selectedRegion());
        QCOMPARE(w.viewState()->selectedRegion()->path(), std::string("[stack]"));
    }
};

QTEST_MAIN(TestSessionController)
#include "tst_sessioncontroller.moc"
