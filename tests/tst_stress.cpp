// Targets that change and die under the reader: every snapshot is complete and consistent, or a clean
// error; never a crash, a hang, or a half snapshot.
#include "csv.h"
#include "pages.h"
#include "platform.h"
#include "snapshotjson.h"
#include "testutil.h"
#include "totals.h"

#include <QElapsedTimer>
#include <QTest>

#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace vmatlas;
using vmatlas::test::TestChild;

namespace {

// Sorted, contiguous (Free rows fill the gaps), nothing empty, totals that add up.
QString inconsistency(const Snapshot &s)
{
    if (s.regions.empty())
        return QStringLiteral("no regions");
    for (std::size_t i = 0; i < s.regions.size(); ++i) {
        const Region &r = s.regions[i];
        if (r.end <= r.start)
            return QStringLiteral("empty region at %1").arg(i);
        if (i > 0 && r.start != s.regions[i - 1].end && r.labelKind != LabelKind::Vsyscall)
            return QStringLiteral("gap or overlap before region %1").arg(i);
        if ((r.type == RegionType::Free) != (r.state == RegionState::Free))
            return QStringLiteral("type and state disagree at %1").arg(i);
        if (r.counter(Counter::Rss) > r.size())
            return QStringLiteral("RSS beyond the size at %1").arg(i);
    }
    const Totals t = computeTotals(s);
    std::uint64_t sum = 0, blocks = 0;
    for (const TypeTotals &tt : t.byType) {
        sum += tt.size;
        blocks += tt.blocks;
    }
    if (blocks != s.regions.size())
        return QStringLiteral("blocks do not add up");
    if (t.all.size + t.of(RegionType::Free).size != sum)
        return QStringLiteral("sizes do not add up");
    return {};
}

} // namespace

class TestStress : public QObject
{
    Q_OBJECT

private slots:
    void churningTarget()
    {
        TestChild child;
        QVERIFY(child.start({ QStringLiteral("churn") }));
        int ok = 0, skipped = 0;
        QElapsedTimer timer;
        timer.start();
        while (ok + skipped < 3000 && timer.elapsed() < 20000) {
            auto s = readSnapshot(child.pid());
            if (!s.ok()) {
                // The only acceptable failure: the text changed under every retry.
                QCOMPARE(s.error().code, ErrorCode::BadInput);
                QVERIFY2(s.error().message.find("/smaps line ") != std::string::npos, s.error().message.c_str());
                ++skipped;
                continue;
            }
            const QString bad = inconsistency(*s);
            QVERIFY2(bad.isEmpty(), qPrintable(bad));
            if (ok % 100 == 0) {
                // Page reads of ranges that come and go never fail for that reason.
                for (const Region &r : s->regions) {
                    if (r.type == RegionType::Private && r.size() <= 64 * 4096) {
                        auto pages = readPages(child.pid(), r.start, r.end);
                        QVERIFY2(pages.ok(), pages.ok() ? "" : pages.error().message.c_str());
                        QCOMPARE(pages->size(), std::size_t(r.size() / 4096));
                    }
                }
                QVERIFY(regionsFromCsv(regionsToCsv(*s)).ok());
            }
            ++ok;
        }
        qInfo(
            "%d consistent snapshots, %d skipped (changed under every retry) in %lld ms", ok, skipped, timer.elapsed());
        QVERIFY(ok > 100);
        QVERIFY(skipped < ok); // retries make most reads succeed
    }

    void dyingTargets()
    {
        // Processes that exit at random moments while being read: complete, or a clean "exited" error.
        std::mt19937 rng(7);
        int complete = 0, gone = 0;
        // Deaths spread over three reads' time (a read is slower under the sanitizers).
        QElapsedTimer clock;
        clock.start();
        QVERIFY(readSnapshot(::getpid()).ok());
        const unsigned spread = std::max<unsigned>(3000, unsigned(3 * clock.nsecsElapsed() / 1000));
        for (int i = 0; i < 1500; ++i) {
            const unsigned delay = rng() % spread;
            pid_t p = ::fork();
            if (p == 0) {
                ::usleep(delay);
                ::_exit(0);
            }
            auto s = readSnapshot(p);
            if (s.ok()) {
                const QString bad = inconsistency(*s);
                QVERIFY2(bad.isEmpty(), qPrintable(bad));
                ++complete;
            } else {
                const ErrorCode c = s.error().code;
                QVERIFY2(c == ErrorCode::ProcessExited || c == ErrorCode::NoSuchProcess, s.error().message.c_str());
                QVERIFY(s.error().message.find(std::to_string(p)) != std::string::npos);
                ++gone;
            }
            ::waitpid(p, nullptr, 0);
        }
        qInfo("%d complete snapshots, %d clean 'exited' errors", complete, gone);
        QVERIFY(complete > 0);
        QVERIFY(gone > 0);
    }

    void killedDuringRead()
    {
        // A process with 20k mappings SIGKILLed 10-50 ms into `vmatlas snapshot`: either the whole snapshot
        // (exit 0, every mapping in the file) or "exited" (exit 3, no file). Never exit 0 with a partial list.
        constexpr int kMappings = 20000;
        QTemporaryDir dir;
        std::mt19937 rng(11);
        int complete = 0, exited = 0;
        for (int i = 0; i < 12; ++i) {
            TestChild child;
            QVERIFY(child.start({ QStringLiteral("many"), QString::number(kMappings) }));
            Address base = 0;
            QVERIFY(parseAddress(child.value(QStringLiteral("base")).toStdString(), base));
            const QString out = dir.filePath(QStringLiteral("r%1.json").arg(i));
            QProcess cli;
            cli.start(QStringLiteral(VMATLAS_BINARY),
                { QStringLiteral("snapshot"), QStringLiteral("--pid"), QString::number(child.pid()),
                    QStringLiteral("--json"), out });
            QVERIFY(cli.waitForStarted());
            ::usleep(10000 + rng() % 40000);
            ::kill(pid_t(child.pid()), SIGKILL);
            QVERIFY(cli.waitForFinished(60000));
            const int code = cli.exitCode();
            if (code == 0) {
                auto snap = loadSnapshotJson(out.toStdString());
                QVERIFY2(snap.ok(), snap.ok() ? "" : snap.error().message.c_str());
                int inside = 0;
                for (const Region &r : snap->regions)
                    inside += r.type != RegionType::Free && r.start >= base && r.end <= base + kMappings * 4096ULL;
                QCOMPARE(inside, kMappings);
                ++complete;
            } else {
                QVERIFY2(code == 3, cli.readAllStandardError().constData());
                QVERIFY(!QFile::exists(out));
                ++exited;
            }
        }
        qInfo("%d complete snapshots, %d 'exited'", complete, exited);
    }
};

QTEST_GUILESS_MAIN(TestStress)
#include "tst_stress.moc"
