// Containers: the cgroup v2 path and the PID inside its own namespace, parsed, listed and printed by `ps`.
#include "containers.h"
#include "platform.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <sys/wait.h>

using namespace vmatlas;

namespace {

// Where cgroup v2 is mounted: /sys/fs/cgroup, or /sys/fs/cgroup/unified on a hybrid system. Empty: none.
QString cgroup2Mount()
{
    const std::string mounts = vmatlas::test::readFileStd(QStringLiteral("/proc/self/mountinfo"));
    for (const QString &line : QString::fromStdString(mounts).split(QLatin1Char('\n'))) {
        const auto fields = line.split(QLatin1Char(' '));
        const auto dash = fields.indexOf(QStringLiteral("-"));
        if (dash > 4 && dash + 1 < fields.size() && fields[dash + 1] == QLatin1String("cgroup2"))
            return fields[4];
    }
    return {};
}

// The children of a process (its threads' "children" files).
QList<Pid> childrenOf(Pid pid)
{
    QList<Pid> out;
    const QString task = QStringLiteral("/proc/%1/task").arg(pid);
    for (const QString &tid : QDir(task).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const std::string text
            = vmatlas::test::readFileStd(task + QLatin1Char('/') + tid + QStringLiteral("/children"));
        for (const QString &c : QString::fromStdString(text).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            out.append(c.toLongLong());
    }
    return out;
}

} // namespace

class TestContainers : public QObject
{
    Q_OBJECT

private slots:
    void cgroupPath_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("path");
        QTest::addRow("v2 only") << QByteArray("0::/system.slice/docker-1f3.scope\n")
                                 << QByteArray("/system.slice/docker-1f3.scope");
        QTest::addRow("hybrid, v2 line last")
            << QByteArray("4:memory:/x\n1:cpu:/\n0::/user.slice\n") << QByteArray("/user.slice");
        QTest::addRow("root") << QByteArray("0::/\n") << QByteArray("/");
        QTest::addRow("no newline at the end") << QByteArray("0::/a b") << QByteArray("/a b");
        QTest::addRow("v1 only") << QByteArray("4:memory:/x\n1:cpu:/\n") << QByteArray();
        QTest::addRow("empty") << QByteArray() << QByteArray();
        QTest::addRow("a v1 hierarchy 10 is not v2") << QByteArray("10::/nope\n") << QByteArray();
    }
    void cgroupPath()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, path);
        QCOMPARE(QByteArray::fromStdString(cgroupV2Path(text.toStdString())), path);
    }

    void namespacePid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qlonglong>("pid");
        QTest::addRow("own namespace") << QByteArray("Name:\tsleep\nNSpid:\t4242\t1\nNSpgid:\t4242\t1\n") << 1LL;
        QTest::addRow("three levels") << QByteArray("NSpid:\t9\t8\t7\n") << 7LL;
        QTest::addRow("root namespace") << QByteArray("Pid:\t77\nNSpid:\t77\n") << 77LL;
        QTest::addRow("no NSpid line (old kernel)") << QByteArray("Pid:\t77\n") << 0LL;
        QTest::addRow("empty line") << QByteArray("NSpid:\n") << 0LL;
        QTest::addRow("garbage") << QByteArray("NSpid:\t12x\t3\n") << 0LL;
        QTest::addRow("negative") << QByteArray("NSpid:\t-3\n") << 0LL;
        QTest::addRow("overflow") << QByteArray("NSpid:\t99999999999999999999999\n") << 0LL;
    }
    void namespacePid()
    {
        QFETCH(QByteArray, text);
        QFETCH(qlonglong, pid);
        QCOMPARE(namespacePidFromStatus(text.toStdString()), pid);
    }

    void inContainerRule()
    {
        ProcessInfo p;
        p.pid = 10;
        QVERIFY(!inContainer(p));
        p.cgroup = "/";
        p.namespacePid = 10;
        QVERIFY(!inContainer(p));
        p.namespacePid = 1;
        QVERIFY(inContainer(p));
        p.namespacePid = 10;
        p.cgroup = "/docker/abc";
        QVERIFY(inContainer(p));
    }

    // A process in a PID namespace of its own (unshare --pid --fork) and a cgroup made for it: listProcesses and
    // `vmatlas ps --csv` say both.
    void liveProcessInNamespaceAndCgroup()
    {
        if (::geteuid() != 0)
            QSKIP("needs root for unshare --pid and a cgroup of its own");
        const QString mount = cgroup2Mount();
        if (mount.isEmpty())
            QSKIP("no cgroup v2 mount");
        // Where this test runs in the v2 hierarchy: the new cgroup goes below it.
        const std::string own = cgroupV2Path(vmatlas::test::readFileStd(QStringLiteral("/proc/self/cgroup")));
        const QString name = QStringLiteral("vmatlas-tst-%1").arg(::getpid());
        const QString relative = QString::fromStdString(own == "/" ? std::string() : own) + QLatin1Char('/') + name;
        const QString dir = mount + relative;
        if (!QDir().mkpath(dir))
            QSKIP("cannot create a cgroup here");

        QProcess unshare;
        unshare.start(QStringLiteral("unshare"),
            { QStringLiteral("--pid"), QStringLiteral("--fork"), QStringLiteral("sleep"), QStringLiteral("300") });
        QVERIFY(unshare.waitForStarted());
        Pid child = 0;
        for (int i = 0; i < 100 && !child; ++i) {
            const auto kids = childrenOf(unshare.processId());
            if (!kids.isEmpty())
                child = kids.first();
            else
                QTest::qWait(50);
        }
        auto cleanup = qScopeGuard([&] {
            if (child)
                ::kill(pid_t(child), SIGKILL);
            unshare.kill();
            unshare.waitForFinished(5000);
            for (int i = 0; i < 100 && !QDir().rmdir(dir); ++i)
                QTest::qWait(50);
        });
        QVERIFY(child > 0);
        {
            QFile procs(dir + QStringLiteral("/cgroup.procs"));
            QVERIFY(procs.open(QIODevice::WriteOnly));
            QVERIFY(procs.write(QByteArray::number(child)) > 0);
        }

        ProcessInfo one;
        one.pid = child;
        readContainer(one);
        QCOMPARE(QString::fromStdString(one.cgroup), relative);
        QCOMPARE(one.namespacePid, Pid(1));

        auto list = listProcesses();
        QVERIFY(list.ok());
        auto it = std::find_if(list->begin(), list->end(), [&](const ProcessInfo &p) { return p.pid == child; });
        QVERIFY(it != list->end());
        QCOMPARE(QString::fromStdString(it->cgroup), relative);
        QCOMPARE(it->namespacePid, Pid(1));
        QVERIFY(inContainer(*it));
        // unshare itself stays in the root namespace: its NSpid is its PID.
        auto parent = std::find_if(
            list->begin(), list->end(), [&](const ProcessInfo &p) { return p.pid == unshare.processId(); });
        QVERIFY(parent != list->end());
        QCOMPARE(parent->namespacePid, Pid(unshare.processId()));

        QProcess ps;
        ps.start(QStringLiteral(VMATLAS_BINARY), { QStringLiteral("ps"), QStringLiteral("--csv") });
        QVERIFY(ps.waitForFinished(60000));
        QCOMPARE(ps.exitCode(), 0);
        const QByteArray out = ps.readAllStandardOutput();
        QVERIFY(out.startsWith("pid,user,rss,name,command_line,readable,cgroup,namespace_pid,host\n"));
        QVERIFY2(out.contains("\n" + QByteArray::number(child) + ",root,"), out.constData());
        QVERIFY(out.contains(",sleep,sleep 300,1," + relative.toUtf8() + ",1,\n"));
    }
};

QTEST_GUILESS_MAIN(TestContainers)
#include "tst_containers.moc"
