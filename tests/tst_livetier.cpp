// The live tier (livetier.h): a tick that reads the layout and the page residency, not smaps. What it reads must
// be exactly what smaps says; what it does not read is absent, or carried from the last full read.
#include "livetier.h"
#include "platform.h"
#include "testutil.h"

#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace vmatlas;
using vmatlas::test::TestChild;

namespace {

QString describe(const Region &r)
{
    return QStringLiteral("%1-%2 %3").arg(r.start, 0, 16).arg(r.end, 0, 16).arg(QString::fromStdString(r.path()));
}

// A full snapshot of fake regions, for the tiered reader's schedule.
Snapshot fakeSnapshot(std::uint64_t pss, std::int64_t timestampMs)
{
    Snapshot s;
    s.pid = 42;
    s.timestampMs = timestampMs;
    Region r;
    r.start = 0x1000;
    r.end = 0x3000;
    r.type = RegionType::Private;
    r.state = RegionState::Committed;
    r.protection.read = true;
    r.setCounter(Counter::Rss, 0x2000);
    r.setCounter(Counter::Pss, pss);
    s.regions.push_back(r);
    return s;
}

} // namespace

class TestLiveTier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestChild m_child;

    // The live tick next to a full read of the idle child: the same layout, the same RSS, anonymous and swap.
    static void compareWithFull(const Snapshot &live, const Snapshot &full)
    {
        QCOMPARE(live.regions.size(), full.regions.size());
        for (std::size_t i = 0; i < live.regions.size(); ++i) {
            const Region &a = live.regions[i];
            const Region &b = full.regions[i];
            const QByteArray where = describe(b).toUtf8();
            QVERIFY2(a.start == b.start && a.end == b.end, where.constData());
            QVERIFY2(a.type == b.type && a.state == b.state, where.constData());
            QVERIFY2(a.use == b.use, where.constData());
            QVERIFY2(a.labelKind == b.labelKind, where.constData());
            QCOMPARE(a.path(), b.path());
            QCOMPARE(a.kernelPageSize(), b.kernelPageSize());
            QCOMPARE(a.mmuPageSize(), b.mmuPageSize());
            for (Counter c : { Counter::Rss, Counter::Anonymous, Counter::Swap }) {
                QVERIFY2(a.hasCounter(c), where.constData());
                if (a.counter(c) != b.counter(c))
                    qWarning("%s: %s live %llu, smaps %llu", where.constData(), counterKey(c).data(),
                        static_cast<unsigned long long>(a.counter(c)), static_cast<unsigned long long>(b.counter(c)));
                QCOMPARE(a.counter(c), b.counter(c));
            }
            if (b.type == RegionType::Free)
                continue;
            for (Counter c :
                { Counter::Pss, Counter::SharedClean, Counter::PrivateDirty, Counter::Referenced, Counter::Locked }) {
                QVERIFY2(!a.hasCounter(c), where.constData());
                QCOMPARE(a.counter(c), std::uint64_t(0));
            }
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_child.start({ QStringLiteral("layout"), m_dir.path() }));
        if (!sourceFeatures(m_child.pid()).pagemapScan)
            QSKIP("this kernel has no PAGEMAP_SCAN: the live tier falls back to full reads");
    }

    void liveMatchesSmaps()
    {
        auto full = readSnapshot(m_child.pid());
        auto live = readLiveSnapshot(m_child.pid());
        QVERIFY2(full.ok(), full.ok() ? "" : full.error().message.c_str());
        QVERIFY2(live.ok(), live.ok() ? "" : live.error().message.c_str());
        compareWithFull(*live, *full);
        QCOMPARE(live->countersReadMs, std::int64_t(0));
        QCOMPARE(live->processName, full->processName);
        QCOMPARE(live->pid, full->pid);
    }

    void liveMatchesSmapsAtScale()
    {
        // 6,000 mappings, one touched page each.
        TestChild many;
        QVERIFY(many.start({ QStringLiteral("many"), QStringLiteral("6000") }));
        auto full = readSnapshot(many.pid());
        auto live = readLiveSnapshot(many.pid());
        QVERIFY(full.ok());
        QVERIFY(live.ok());
        QVERIFY(live->regions.size() > 6000);
        compareWithFull(*live, *full);
        const Address base = many.value(QStringLiteral("base")).toULongLong(nullptr, 16);
        const Region &r = live->regions[std::size_t(live->indexOf(base))];
        QCOMPARE(r.start, base);
        QCOMPARE(r.counter(Counter::Rss), std::uint64_t(4096));
        QCOMPARE(r.counter(Counter::Anonymous), std::uint64_t(4096));
    }

    void carriedFromTheFullRead()
    {
        auto full = readSnapshot(m_child.pid());
        auto live = readLiveSnapshot(m_child.pid());
        QVERIFY(full.ok());
        QVERIFY(live.ok());
        // A region the full read did not have (new since): the one with the most RSS that is not the first.
        Snapshot older = *full;
        std::size_t gone = 0;
        for (std::size_t i = 1; i < older.regions.size(); ++i)
            if (older.regions[i].type != RegionType::Free
                && older.regions[i].counter(Counter::Pss) > older.regions[gone].counter(Counter::Pss))
                gone = i;
        QVERIFY(gone > 0 && older.regions[gone].counter(Counter::Pss) > 0);
        older.regions[gone].type = RegionType::Free;
        older.regions[gone].pathPtr.reset();
        older.regions[gone].inode = 0;
        older.timestampMs -= 5000;
        carryFullCounters(*live, older);
        QCOMPARE(live->countersReadMs, older.timestampMs);
        for (std::size_t i = 0; i < live->regions.size(); ++i) {
            const Region &a = live->regions[i];
            const Region &b = full->regions[i];
            const QByteArray where = describe(b).toUtf8();
            if (a.type == RegionType::Free)
                continue;
            if (i == gone) {
                QVERIFY2(!a.hasCounter(Counter::Pss), where.constData());
                QVERIFY2(a.hasCounter(Counter::Rss), where.constData());
                continue;
            }
            for (std::size_t c = 0; c < kCounterCount; ++c) {
                QVERIFY2(a.hasCounter(Counter(c)), where.constData());
                QCOMPARE(a.counter(Counter(c)), b.counter(Counter(c)));
            }
            QCOMPARE(a.vmFlagsText(), b.vmFlagsText());
            QCOMPARE(a.kernelPageSize(), b.kernelPageSize());
        }
        QVERIFY(live->regions[gone].unknownCounters != 0);
    }

    void residencyOfKnownPages()
    {
        // Four pages the child touched, one per mapping: exactly their bytes.
        TestChild zero;
        QVERIFY(zero.start({ QStringLiteral("many"), QStringLiteral("4") }));
        const Address base = zero.value(QStringLiteral("base")).toULongLong(nullptr, 16);
        auto live = readLiveSnapshot(zero.pid());
        QVERIFY(live.ok());
        std::uint64_t rss = 0;
        for (const Region &r : live->regions)
            if (r.start >= base && r.end <= base + 4 * 4096)
                rss += r.counter(Counter::Rss);
        QCOMPARE(rss, std::uint64_t(4 * 4096));
    }

    void errors()
    {
        auto none = readLiveSnapshot(0);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, ErrorCode::NoSuchProcess);
        // A child that has exited (a zombie, not yet reaped): its address space is gone.
        const pid_t pid = ::fork();
        if (pid == 0)
            ::_exit(0);
        QVERIFY(pid > 0);
        QTest::qWait(100);
        auto zombie = readLiveSnapshot(pid);
        QVERIFY(!zombie.ok());
        QVERIFY2(zombie.error().code == ErrorCode::ProcessExited || zombie.error().code == ErrorCode::NoSuchProcess,
            zombie.error().message.c_str());
        int status = 0;
        ::waitpid(pid, &status, 0);
        auto reaped = readLiveSnapshot(pid);
        QVERIFY(!reaped.ok());
        QCOMPARE(reaped.error().code, ErrorCode::NoSuchProcess);
        QVERIFY(reaped.error().message.find(std::to_string(pid)) != std::string::npos);
    }

    void churningProcess()
    {
        // Mappings come and go during the read: each live tick is consistent (sorted, gap-free), or an error.
        TestChild churn;
        QVERIFY(churn.start({ QStringLiteral("churn") }));
        for (int i = 0; i < 50; ++i) {
            auto live = readLiveSnapshot(churn.pid());
            QVERIFY2(live.ok(), live.ok() ? "" : live.error().message.c_str());
            for (std::size_t k = 1; k < live->regions.size(); ++k)
                QVERIFY(live->regions[k].start >= live->regions[k - 1].end);
            for (const Region &r : live->regions)
                QVERIFY(r.counter(Counter::Rss) <= r.size());
        }
    }

    void tieredSchedule()
    {
        int fulls = 0, lives = 0;
        std::int64_t clock = 1000;
        TieredReader::Reader full = [&](Pid) -> Result<Snapshot> {
            ++fulls;
            return fakeSnapshot(0x100 * std::uint64_t(fulls), clock);
        };
        TieredReader::Reader live = [&](Pid) -> Result<Snapshot> {
            ++lives;
            Snapshot s = fakeSnapshot(0, clock);
            s.regions[0].unknownCounters = kAllCounterBits & ~kLiveCounters;
            return s;
        };
        TieredReader reader(42, full, live, TieredReader::Options { 3, 0 });
        reader.seed(fakeSnapshot(0x100, 500), 40);
        // Seeded: live, live, then the third tick is full.
        std::vector<bool> kinds;
        std::vector<std::uint64_t> pss;
        std::vector<std::int64_t> age;
        for (int i = 0; i < 6; ++i) {
            clock += 1000;
            auto s = reader.read();
            QVERIFY(s.ok());
            kinds.push_back(reader.lastWasFull());
            pss.push_back(s->regions[0].counter(Counter::Pss));
            age.push_back(s->countersReadMs);
            QVERIFY(s->regions[0].hasCounter(Counter::Pss));
        }
        QCOMPARE(kinds, (std::vector<bool> { false, false, true, false, false, true }));
        QCOMPARE(pss, (std::vector<std::uint64_t> { 0x100, 0x100, 0x100, 0x100, 0x100, 0x200 }));
        QCOMPARE(age, (std::vector<std::int64_t> { 500, 500, 0, 4000, 4000, 0 }));
        QCOMPARE(fulls, 2);
        QCOMPARE(lives, 4);
        // On demand (paused, a selection): the next tick is full.
        reader.requestFull();
        QVERIFY(reader.read().ok());
        QVERIFY(reader.lastWasFull());
        QVERIFY(reader.read().ok());
        QVERIFY(!reader.lastWasFull());
    }

    void fastProcessesReadInFull()
    {
        int fulls = 0;
        TieredReader::Reader full = [&](Pid) -> Result<Snapshot> {
            ++fulls;
            return fakeSnapshot(1, 0);
        };
        TieredReader::Reader live = [](Pid) -> Result<Snapshot> { return fakeSnapshot(2, 0); };
        TieredReader reader(42, full, live, TieredReader::Options { 10, 25 });
        reader.seed(fakeSnapshot(1, 0), 3); // smaps takes 3 ms: no reason to skip it
        for (int i = 0; i < 3; ++i) {
            QVERIFY(reader.read().ok());
            QVERIFY(reader.lastWasFull());
        }
        QCOMPARE(fulls, 3);
    }

    void unsupportedFallsBackToFull()
    {
        int fulls = 0, lives = 0;
        TieredReader::Reader full = [&](Pid) -> Result<Snapshot> {
            ++fulls;
            return fakeSnapshot(1, 0);
        };
        TieredReader::Reader live = [&](Pid) -> Result<Snapshot> {
            ++lives;
            return makeError(ErrorCode::Unsupported, "no PAGEMAP_SCAN");
        };
        TieredReader reader(42, full, live, TieredReader::Options { 10, 0 });
        reader.seed(fakeSnapshot(1, 0), 100);
        for (int i = 0; i < 4; ++i) {
            auto s = reader.read();
            QVERIFY(s.ok());
            QVERIFY(s->regions[0].hasCounter(Counter::Pss));
        }
        QCOMPARE(lives, 1); // asked once, then never again
        QCOMPARE(fulls, 4);
    }

    void liveErrorsPassThrough()
    {
        TieredReader::Reader full = [](Pid) -> Result<Snapshot> { return fakeSnapshot(1, 0); };
        TieredReader::Reader live
            = [](Pid) -> Result<Snapshot> { return makeError(ErrorCode::ProcessExited, "process 42 exited"); };
        TieredReader reader(42, full, live, TieredReader::Options { 10, 0 });
        reader.seed(fakeSnapshot(1, 0), 100);
        auto s = reader.read();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::ProcessExited);
    }
};

QTEST_GUILESS_MAIN(TestLiveTier)
#include "tst_livetier.moc"
