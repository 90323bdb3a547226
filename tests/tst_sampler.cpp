// The sampler: schedule, history bounds, pause/resume, and a target that exits.
#include "sampler.h"

#include "testutil.h"
#include <QElapsedTimer>

#include <QTest>

#include <atomic>
#include <mutex>

using namespace vmatlas;
using namespace std::chrono_literals;

namespace {

Snapshot makeSnapshot(int n, std::size_t regions = 1)
{
    Snapshot s;
    s.pid = 1;
    s.timestampMs = n;
    for (std::size_t i = 0; i < regions; ++i) {
        Region r;
        r.start = 0x1000 * (2 * i + 1);
        r.end = r.start + 0x1000;
        s.regions.push_back(r);
    }
    return s;
}

} // namespace

class TestSampler : public QObject
{
    Q_OBJECT

private slots:
    void followsTheSchedule()
    {
        std::atomic<int> calls { 0 };
        Sampler sampler([&]() -> Result<Snapshot> { return makeSnapshot(++calls); },
            Sampler::Options { 100ms, 1000, std::size_t(1) << 30 });
        std::mutex m;
        std::vector<std::int64_t> seen;
        sampler.subscribe([&](const SnapshotPtr &s) {
            std::lock_guard lock(m);
            seen.push_back(s->timestampMs);
        });
        QElapsedTimer t;
        t.start();
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampler.samplesTaken() >= 6, 5000);
        const qint64 elapsed = t.elapsed();
        sampler.stop();
        // 6 samples at 100 ms: the first at once, the 6th after ~500 ms; never faster than the interval.
        QVERIFY2(elapsed >= 480, qPrintable(QString::number(elapsed)));
        std::lock_guard lock(m);
        QCOMPARE(seen.front(), std::int64_t(1));
        for (std::size_t i = 1; i < seen.size(); ++i)
            QCOMPARE(seen[i], seen[i - 1] + 1);
        QCOMPARE(sampler.state(), Sampler::State::Stopped);
    }

    void intervalHasAFloor()
    {
        Sampler sampler([] { return Result<Snapshot>(makeSnapshot(0)); }, Sampler::Options { 1ms, 10, 1 << 20 });
        QCOMPARE(sampler.interval(), 100ms);
        sampler.setInterval(5ms);
        QCOMPARE(sampler.interval(), 100ms);
        sampler.setInterval(2500ms);
        QCOMPARE(sampler.interval(), 2500ms);
    }

    void historyBoundedByCount()
    {
        std::atomic<int> calls { 0 };
        Sampler sampler([&]() -> Result<Snapshot> { return makeSnapshot(++calls); },
            Sampler::Options { 100ms, 3, std::size_t(1) << 30 });
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampler.samplesTaken() >= 5, 5000);
        sampler.stop();
        auto h = sampler.history();
        QCOMPARE(h.size(), std::size_t(3));
        const int taken = int(sampler.samplesTaken());
        QCOMPARE(h.back()->timestampMs, std::int64_t(taken));
        QCOMPARE(h.front()->timestampMs, std::int64_t(taken - 2));
    }

    void historyBoundedByBytes()
    {
        std::atomic<int> calls { 0 };
        const std::size_t one = makeSnapshot(0, 1000).memoryFootprint();
        Sampler sampler([&]() -> Result<Snapshot> { return makeSnapshot(++calls, 1000); },
            Sampler::Options { 100ms, 1000, one * 2 + one / 2 });
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampler.samplesTaken() >= 5, 5000);
        sampler.stop();
        QCOMPARE(sampler.history().size(), std::size_t(2));
        QVERIFY(sampler.historyBytes() <= one * 2 + one / 2);
        QVERIFY(one > 1000 * sizeof(Region));
    }

    void pauseAndResume()
    {
        std::atomic<int> calls { 0 };
        Sampler sampler([&]() -> Result<Snapshot> { return makeSnapshot(++calls); },
            Sampler::Options { 100ms, 100, std::size_t(1) << 30 });
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampler.samplesTaken() >= 2, 5000);
        sampler.pause();
        QTRY_COMPARE_WITH_TIMEOUT(sampler.state(), Sampler::State::Paused, 5000);
        const std::size_t paused = sampler.samplesTaken();
        QTest::qWait(400);
        QCOMPARE(sampler.samplesTaken(), paused);
        sampler.sampleNow(); // one snapshot on demand while paused
        QTRY_COMPARE_WITH_TIMEOUT(sampler.samplesTaken(), paused + 1, 5000);
        QTest::qWait(300);
        QCOMPARE(sampler.samplesTaken(), paused + 1);
        sampler.resume();
        QTRY_VERIFY_WITH_TIMEOUT(sampler.samplesTaken() >= paused + 3, 5000);
        QCOMPARE(sampler.state(), Sampler::State::Running);
        sampler.stop();
    }

    void targetExitKeepsHistory()
    {
        std::atomic<int> calls { 0 };
        Sampler sampler(
            [&]() -> Result<Snapshot> {
                if (++calls > 3)
                    return makeError(ErrorCode::ProcessExited, "process 1 exited while being read");
                return makeSnapshot(calls);
            },
            Sampler::Options { 100ms, 100, std::size_t(1) << 30 });
        std::mutex m;
        std::vector<std::pair<Sampler::State, std::string>> states;
        sampler.onStateChanged([&](Sampler::State s, const std::string &msg) {
            std::lock_guard lock(m);
            states.emplace_back(s, msg);
        });
        sampler.start();
        QTRY_COMPARE_WITH_TIMEOUT(sampler.state(), Sampler::State::TargetExited, 5000);
        QCOMPARE(sampler.stateMessage(), std::string("process 1 exited while being read"));
        QCOMPARE(sampler.history().size(), std::size_t(3));
        QCOMPARE(sampler.latest()->timestampMs, std::int64_t(3));
        QTest::qWait(300);
        QCOMPARE(calls.load(), 4); // sampling ended
        sampler.stop();
        QCOMPARE(sampler.state(), Sampler::State::TargetExited);
        std::lock_guard lock(m);
        QCOMPARE(states.back().first, Sampler::State::TargetExited);
    }

    void passingErrorsAreSkipped()
    {
        std::atomic<int> calls { 0 };
        Sampler sampler(
            [&]() -> Result<Snapshot> {
                if (++calls % 2 == 0)
                    return makeError(ErrorCode::BadInput, "process 1: /proc/1/smaps line 3: the range overlaps");
                return makeSnapshot(calls);
            },
            Sampler::Options { 100ms, 100, std::size_t(1) << 30 });
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampler.samplesTaken() >= 3, 5000);
        QVERIFY(sampler.samplesSkipped() >= 2);
        QCOMPARE(sampler.state(), Sampler::State::Running);
        sampler.stop();
    }

    void permissionDeniedStops()
    {
        Sampler sampler([]() -> Result<Snapshot> { return makeError(ErrorCode::PermissionDenied, "denied"); },
            Sampler::Options { 100ms, 10, 1 << 20 });
        sampler.start();
        QTRY_COMPARE_WITH_TIMEOUT(sampler.state(), Sampler::State::Failed, 5000);
        QCOMPARE(sampler.stateMessage(), std::string("denied"));
        sampler.stop();
    }

    void unsubscribe()
    {
        std::atomic<int> got { 0 };
        Sampler sampler([] { return Result<Snapshot>(makeSnapshot(1)); }, Sampler::Options { 100ms, 10, 1 << 20 });
        int id = sampler.subscribe([&](const SnapshotPtr &) { ++got; });
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(got >= 1, 5000);
        sampler.unsubscribe(id);
        const int before = got;
        QTest::qWait(350);
        QVERIFY(got <= before + 1); // at most one already in flight
        QVERIFY(sampler.samplesTaken() >= 3);
        sampler.stop();
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
