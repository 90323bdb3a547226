// Limits: free address space, map count, commit charge and the overcommit policy, RLIMIT_AS, the cgroup
// and its container, from captured text and on a live child; and `vmatlas limits`.
#include "json.h"
#include "platform.h"
#include "processlimits.h"
#include "testutil.h"

#include <QTest>

#include <sys/resource.h>

using namespace vmatlas;
using vmatlas::test::TestChild;

namespace {

std::string procText(const QString &path)
{
    return vmatlas::test::readFileStd(path);
}

std::uint64_t procNumber(const char *path)
{
    return std::stoull(procText(QString::fromLatin1(path)));
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestChild m_child;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_child.start({ QStringLiteral("usage"), m_dir.path() }));
    }

    void meminfoCaptured()
    {
        CommitLimits c;
        parseMeminfo("MemTotal:       24684084 kB\nMemFree:         1000 kB\nMemAvailable:   20000000 kB\n"
                     "SwapTotal:       2097148 kB\nSwapFree:        1048576 kB\nCommitLimit:    14439188 kB\n"
                     "Committed_AS:    3302472 kB\nHugetlb:               0 kB\n",
            c);
        QCOMPARE(c.ramTotal, 24684084ULL * 1024);
        QCOMPARE(c.ramAvailable, 20000000ULL * 1024);
        QCOMPARE(c.swapTotal, 2097148ULL * 1024);
        QCOMPARE(c.swapFree, 1048576ULL * 1024);
        QCOMPARE(c.limit, 14439188ULL * 1024);
        QCOMPARE(c.committed, 3302472ULL * 1024);
        c.overcommitMode = 2;
        c.overcommitRatio = 50;
        const std::string strict = describeOvercommit(c);
        QVERIFY(strict.find("strict") != std::string::npos);
        QVERIFY(strict.find("swap + 50% of RAM") != std::string::npos);
        QVERIFY(strict.find("commit limit") != std::string::npos);
        c.overcommitMode = 0;
        QVERIFY(describeOvercommit(c).find("heuristic") != std::string::npos);
        c.overcommitMode = 1;
        QVERIFY(describeOvercommit(c).find("OOM killer") != std::string::npos);
        c.overcommitMode = -1;
        QVERIFY(describeOvercommit(c).find("RAM + page files") != std::string::npos);
    }

    void rlimitCaptured()
    {
        const char *text = "Limit                     Soft Limit           Hard Limit           Units     \n"
                           "Max cpu time              unlimited            unlimited            seconds   \n"
                           "Max address space         8589934592           unlimited            bytes     \n"
                           "Max file locks            unlimited            unlimited            locks     \n";
        std::optional<std::uint64_t> soft, hard;
        QVERIFY(parseRlimitAs(text, soft, hard));
        QCOMPARE(soft.value_or(0), 8589934592ULL);
        QVERIFY(!hard);
        QVERIFY(!parseRlimitAs("Max cpu time unlimited unlimited seconds\n", soft, hard));
    }

    void cgroupCaptured()
    {
        QCOMPARE(parseCgroupV2Path("0::/user.slice/user-1000.slice/session-2.scope\n"),
            std::string("/user.slice/user-1000.slice/session-2.scope"));
        QCOMPARE(parseCgroupV2Path("12:memory:/x\n0::/\n"), std::string("/"));
        QCOMPARE(parseCgroupV2Path("12:memory:/x\n"), std::string());
        QCOMPARE(
            containerOfCgroup("/system.slice/docker-0123456789abcdef0123.scope"), std::string("docker 0123456789ab"));
        QCOMPARE(containerOfCgroup("/docker/0123456789abcdef0123"), std::string("docker 0123456789ab"));
        QCOMPARE(
            containerOfCgroup(
                "/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-fedcba9876543210.scope/container"),
            std::string("podman fedcba987654"));
        QVERIFY(containerOfCgroup("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1234_5678.slice/"
                                  "cri-containerd-abcdef012345.scope")
                    .rfind("kubernetes", 0)
            == 0);
        QVERIFY(containerOfCgroup("/kubepods/besteffort/pod1234-5678/0123abcd").rfind("kubernetes", 0) == 0);
        QCOMPARE(containerOfCgroup("/lxc.payload.web/init.scope"), std::string("lxc web"));
        QCOMPARE(containerOfCgroup("/machine.slice/machine-vm1.scope"), std::string("machine vm1"));
        QCOMPARE(containerOfCgroup("/user.slice/user-1000.slice/session-2.scope"), std::string("no container"));
        QCOMPARE(containerOfCgroup("/"), std::string("no container"));
    }

    void freeSpaceHistogram()
    {
        using vmatlas::test::region;
        Snapshot s;
        s.regions = { region(0x100000, 0x101000), region(0x101000, 0x111000, RegionType::Free), // 64 KiB
            region(0x111000, 0x112000), region(0x112000, 0x10112000, RegionType::Free), // 256 MiB
            region(0x10112000, 0x10113000), region(0x7ffffffff000, 0x800000000000) };
        const AddressSpaceLimits a = addressSpaceLimits(s, 0x10000, 0x7ffffffff000);
        QCOMPARE(a.mapCount, 3ULL); // the region above user space is not counted
        // Free: below the first mapping, the two gaps, above the last mapping to the end of user space.
        const std::uint64_t below = 0x100000 - 0x10000, above = 0x7ffffffff000 - 0x10113000;
        QCOMPARE(a.freeBytes, below + 0x10000 + 0x10000000 + above);
        QCOMPARE(a.largestFree, above);
        QCOMPARE(a.largestFreeStart, 0x10113000ULL);
        std::uint64_t count = 0, bytes = 0;
        for (const FreeBucket &b : a.histogram) {
            count += b.count;
            bytes += b.bytes;
            if (b.count == 1 && b.bytes == 0x10000)
                QCOMPARE(b.from, 0x10000ULL); // 64 KiB in [64 KiB, 256 KiB)
            if (b.count == 1 && b.bytes == 0x10000000) {
                QCOMPARE(b.from, 0x10000000ULL); // 256 MiB in [256 MiB, 1 GiB)
                QCOMPARE(b.to, 0x40000000ULL);
            }
        }
        QCOMPARE(count, 4ULL);
        QCOMPARE(bytes, a.freeBytes);
        QCOMPARE(a.histogram.front().from, 0ULL);
        QCOMPARE(a.histogram.back().to, 0ULL); // no upper bound
    }

    void liveChild()
    {
        const Pid pid = m_child.pid();
        // A known RLIMIT_AS, set from outside (the child keeps running).
        struct rlimit lim
        {
            64ULL << 30, RLIM_INFINITY
        };
        QCOMPARE(::prlimit(pid_t(pid), RLIMIT_AS, &lim, nullptr), 0);
        auto snap = readSnapshot(pid);
        QVERIFY(snap);
        auto limits = readLimits(*snap);
        QVERIFY(limits);
        const Limits &l = *limits;
        QCOMPARE(l.platform, std::string("linux"));
        // Map count: every line of maps but [vsyscall] (not a VMA).
        const QString maps = QString::fromStdString(procText(QStringLiteral("/proc/%1/maps").arg(pid)));
        const int lines = int(maps.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size())
            - (maps.contains(QLatin1String("[vsyscall]")) ? 1 : 0);
        QCOMPARE(l.space.mapCount, std::uint64_t(lines));
        QCOMPARE(l.maxMapCount, procNumber("/proc/sys/vm/max_map_count"));
        QCOMPARE(l.space.userStart, procNumber("/proc/sys/vm/mmap_min_addr"));
        QCOMPARE(l.space.userEnd, 0x7ffffffff000ULL);
        QVERIFY(l.space.largestFree > (1ULL << 40));
        QVERIFY(l.space.largestFree <= l.space.freeBytes);
        // Commit: the system's numbers and policy, the process's accountable bytes from its VmFlags.
        QCOMPARE(l.commit.overcommitMode, int(procNumber("/proc/sys/vm/overcommit_memory")));
        QCOMPARE(l.commit.overcommitRatio, procNumber("/proc/sys/vm/overcommit_ratio"));
        QVERIFY(l.commit.limit > 0);
        QVERIFY(l.commit.committed > 0);
        QVERIFY(l.commit.ramTotal > 0);
        std::uint64_t ac = 0;
        const int bit = vmFlagBit("ac");
        for (const Region &r : snap->regions)
            if ((r.vmFlags >> bit) & 1)
                ac += r.size();
        QCOMPARE(l.commit.processCommit, ac);
        // The private anonymous data (8 pages) is accountable; the shared memfd is not.
        QVERIFY(ac >= 8 * 4096);
        // RLIMIT_AS as set.
        QVERIFY(l.rlimitKnown);
        QCOMPARE(l.rlimitAsSoft.value_or(0), 64ULL << 30);
        QVERIFY(!l.rlimitAsHard);
        // The cgroup: the path of /proc/PID/cgroup, its container by name.
        const std::string cg = parseCgroupV2Path(procText(QStringLiteral("/proc/%1/cgroup").arg(pid)));
        QCOMPARE(l.cgroup.known, !cg.empty());
        QCOMPARE(l.cgroup.path, cg);
        QCOMPARE(l.cgroup.container, containerOfCgroup(cg));
        const QString dir = QStringLiteral("/sys/fs/cgroup") + (cg == "/" ? QString() : QString::fromStdString(cg));
        QCOMPARE(l.cgroup.memoryCurrent.has_value(), QFile::exists(dir + QStringLiteral("/memory.current")));
        if (QFile::exists(dir + QStringLiteral("/memory.max")))
            QVERIFY(l.cgroup.memoryMax.has_value() || l.cgroup.memoryMaxUnlimited);

        const auto words = describeLimits(l);
        QString all;
        for (const std::string &w : words)
            all += QString::fromStdString(w) + QLatin1Char('\n');
        for (const char *w : { "largest free block", "vm.max_map_count", "Committed_AS", "CommitLimit",
                 "overcommit mode", "VmFlag ac", "RLIMIT_AS", "64.0 GiB soft, unlimited hard", "cgroup" })
            QVERIFY2(all.contains(QLatin1String(w)), w);
    }

    void cliLimits()
    {
        const QString pid = QString::number(m_child.pid());
        QProcess p;
        p.start(QStringLiteral(VMATLAS_BINARY), { QStringLiteral("limits"), QStringLiteral("--pid"), pid });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains(QLatin1String("largest free block")));
        QVERIFY(text.contains(QLatin1String("overcommit mode")));
        p.start(QStringLiteral(VMATLAS_BINARY),
            { QStringLiteral("limits"), QStringLiteral("--pid"), pid, QStringLiteral("--json") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        auto doc = json::parse(p.readAllStandardOutput().toStdString());
        QVERIFY(doc);
        for (const char *key : { "pid", "platform", "address_space", "commit", "rlimit_as", "cgroup" })
            QVERIFY2(doc->find(key), key);
        std::uint64_t v = 0;
        QVERIFY(doc->find("address_space")->find("max_map_count")->toUInt64(v));
        QCOMPARE(v, procNumber("/proc/sys/vm/max_map_count"));
        QVERIFY(doc->find("commit")->find("limit")->toUInt64(v) && v > 0);
        QVERIFY(doc->find("address_space")->find("free_histogram")->array().size() > 10);

        p.start(QStringLiteral(VMATLAS_BINARY), { QStringLiteral("limits") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        p.start(QStringLiteral(VMATLAS_BINARY),
            { QStringLiteral("limits"), QStringLiteral("--pid"), QStringLiteral("999999999") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 3);
        p.start(QStringLiteral(VMATLAS_BINARY),
            { QStringLiteral("limits"), QStringLiteral("--pid"), pid, QStringLiteral("--csv") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        if (!vmatlas::test::canRunAsNobody())
            QSKIP("needs root to run as nobody");
        QProcess n;
        vmatlas::test::startAsNobody(
            n, QStringLiteral(VMATLAS_BINARY), { QStringLiteral("limits"), QStringLiteral("--pid"), pid });
        QVERIFY(n.waitForFinished(30000));
        QCOMPARE(n.exitCode(), 4);
        QVERIFY(QString::fromUtf8(n.readAllStandardError()).contains(QLatin1String("permission denied")));
    }

    void cleanupTestCase() { m_child.finish(); }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
