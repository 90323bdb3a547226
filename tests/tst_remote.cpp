// Remote hosts over ssh: an sshd of the test's own on 127.0.0.1 (a free port, a throwaway host key, user key and
// config in a temporary folder; no other address is contacted), `vmatlas serve` behind it, and the CLI's --host
// and RemoteHost against the same process read locally; every failure a user meets, as a plain message.
#include "banner.h"
#include "exports.h"
#include "gui/windowparts.h"
#include "mainwindow.h"
#include "platform.h"
#include "processlistmodel.h"
#include "processpicker.h"
#include "regionstab.h"
#include "regiontablemodel.h"
#include "remote.h"
#include "remotesession.h"
#include "snapshotjson.h"
#include "testutil.h"
#include "version.h"
#include "viewstate.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace vmatlas;
using vmatlas::test::TestChild;

namespace {

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0) {
        ::close(fd);
        return 0;
    }
    const int port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

bool writeText(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) >= 0;
}

struct Run
{
    int code = -1;
    QByteArray out, err;
};

} // namespace

class TestRemote : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_sshd;
    int m_port = 0;
    QString m_sshCommand;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Run vmatlas(const QStringList &args, const QString &remoteCli = QStringLiteral(VMATLAS_BINARY))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VMATLAS_SSH"), m_sshCommand);
        env.insert(QStringLiteral("VMATLAS_REMOTE_CLI"), remoteCli);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VMATLAS_BINARY), args);
        p.waitForFinished(120000);
        return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError() };
    }

    // The PIDs of the `vmatlas serve` processes our sshd started (children of its session processes).
    QList<Pid> servers() const
    {
        QList<Pid> out;
        const auto procs = listProcesses();
        if (!procs)
            return out;
        for (const ProcessInfo &p : *procs)
            if (QString::fromStdString(p.commandLine) == QStringLiteral(VMATLAS_BINARY " serve"))
                out << p.pid;
        return out;
    }

    void startSshd()
    {
        m_sshd.start(QStringLiteral("/usr/sbin/sshd"),
            { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), path(QStringLiteral("sshd_config")) });
        QVERIFY(m_sshd.waitForStarted());
    }

    void stopSshd()
    {
        m_sshd.terminate();
        if (!m_sshd.waitForFinished(5000)) {
            m_sshd.kill();
            m_sshd.waitForFinished(5000);
        }
    }

private slots:
    void initTestCase()
    {
        const QString sshd = QStringLiteral("/usr/sbin/sshd");
        if (!QFile::exists(sshd) || QStandardPaths::findExecutable(QStringLiteral("ssh")).isEmpty())
            QSKIP("needs openssh-server and openssh-client (scripts/test.sh installs them)");
        if (::geteuid() != 0)
            QSKIP("runs its sshd as root (privilege separation needs /run/sshd)");
        QDir().mkpath(QStringLiteral("/run/sshd"));
        QVERIFY(m_dir.isValid());
        for (const char *key : { "host_key", "id", "other_id" }) {
            QProcess keygen;
            keygen.start(QStringLiteral("ssh-keygen"),
                { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                    QString(), QStringLiteral("-f"), path(QString::fromLatin1(key)) });
            QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);
        }
        QFile::copy(path(QStringLiteral("id.pub")), path(QStringLiteral("authorized_keys")));
        m_port = freePort();
        const int closedPort = freePort();
        QVERIFY(m_port > 0 && closedPort > 0 && closedPort != m_port);
        QVERIFY(writeText(path(QStringLiteral("sshd_config")),
            QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nAuthorizedKeysFile %3\n"
                           "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
                           "PermitRootLogin prohibit-password\nUsePAM no\nStrictModes no\nPidFile %4\n"
                           "LogLevel ERROR\n")
                .arg(m_port)
                .arg(path(QStringLiteral("host_key")), path(QStringLiteral("authorized_keys")),
                    path(QStringLiteral("sshd.pid")))));
        const QString hostKey
            = QString::fromUtf8(vmatlas::test::readFileStd(path(QStringLiteral("host_key.pub"))).c_str())
                  .section(QLatin1Char(' '), 0, 1);
        QVERIFY(writeText(path(QStringLiteral("known_hosts")),
            QStringLiteral("[127.0.0.1]:%1 %2\n[127.0.0.1]:%3 %2\n").arg(m_port).arg(hostKey).arg(closedPort)));
        const QString common = QStringLiteral("  HostName 127.0.0.1\n  User root\n  IdentitiesOnly yes\n"
                                              "  UserKnownHostsFile %1\n  GlobalKnownHostsFile /dev/null\n"
                                              "  StrictHostKeyChecking yes\n  ConnectTimeout 10\n  LogLevel ERROR\n")
                                   .arg(path(QStringLiteral("known_hosts")));
        QVERIFY(writeText(path(QStringLiteral("ssh_config")),
            QStringLiteral("Host vmatlas-test\n  Port %1\n  IdentityFile %2\n%3"
                           "Host vmatlas-closed\n  Port %4\n  IdentityFile %2\n%3"
                           "Host vmatlas-nokey\n  Port %1\n  IdentityFile %5\n%3")
                .arg(m_port)
                .arg(path(QStringLiteral("id")), common)
                .arg(closedPort)
                .arg(path(QStringLiteral("other_id")))));
        m_sshCommand = QStringLiteral("ssh -F ") + path(QStringLiteral("ssh_config"));
        qputenv("VMATLAS_SSH", m_sshCommand.toUtf8());
        qputenv("VMATLAS_REMOTE_CLI", QByteArrayLiteral(VMATLAS_BINARY));

        m_sshd.start(sshd,
            { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), path(QStringLiteral("sshd_config")) });
        QVERIFY(m_sshd.waitForStarted());
        // Ready when a login works.
        bool up = false;
        for (int i = 0; i < 100 && !up; ++i) {
            QProcess ssh;
            ssh.start(QStringLiteral("ssh"),
                { QStringLiteral("-F"), path(QStringLiteral("ssh_config")), QStringLiteral("-o"),
                    QStringLiteral("BatchMode=yes"), QStringLiteral("vmatlas-test"), QStringLiteral("true") });
            up = ssh.waitForFinished(20000) && ssh.exitCode() == 0;
            if (!up)
                QTest::qWait(100);
        }
        QVERIFY2(up, m_sshd.readAllStandardError().constData());
    }

    void cleanupTestCase()
    {
        if (m_sshd.state() != QProcess::NotRunning) {
            m_sshd.terminate();
            if (!m_sshd.waitForFinished(5000)) {
                m_sshd.kill();
                m_sshd.waitForFinished(5000);
            }
        }
        // Sessions outlive a stopped sshd: end the serve processes it started, by PID.
        for (Pid p : servers())
            ::kill(pid_t(p), SIGKILL);
    }

    void cliOverSshMatchesLocal()
    {
        TestChild child;
        QTemporaryDir files;
        QVERIFY(child.start({ QStringLiteral("layout"), files.path() }));
        const QString pid = QString::number(child.pid());
        Run remote = vmatlas({ QStringLiteral("snapshot"), QStringLiteral("--host"), QStringLiteral("vmatlas-test"),
            QStringLiteral("--pid"), pid });
        QVERIFY2(remote.code == 0, remote.err.constData());
        Run local = vmatlas({ QStringLiteral("snapshot"), QStringLiteral("--pid"), pid });
        QCOMPARE(local.code, 0);
        // The layout's rows, bounds to path and counters, exactly the same.
        for (const char *row : { "\n0x7e0000000000,0x7e0000010000,65536,Private,Reserved,---p,0x0,00:00,0,,",
                 "\n0x7e0000100000,0x7e0000104000,16384,Private,Committed,rw-p,0x0,00:00,0,,,8192,8192,0,",
                 "\n0x7e0000400000,0x7e0000408000,32768,Private,Committed,rw-p,0x0,00:00,0,,,16384,16384,0," }) {
            QVERIFY2(remote.out.contains(row), row);
            QVERIFY(local.out.contains(row));
        }
        QCOMPARE(remote.out.count('\n'), local.out.count('\n'));
        // Every row names the host it was read on, in the column host; a local row leaves it empty (and, both full
        // reads, counters_read_ms too).
        QVERIFY(remote.out.startsWith("start,end,"));
        QVERIFY(remote.out.left(remote.out.indexOf('\n')).endsWith(",use,host,counters_read_ms"));
        const QList<QByteArray> remoteRows = remote.out.trimmed().split('\n');
        const QList<QByteArray> localRows = local.out.trimmed().split('\n');
        for (qsizetype i = 1; i < remoteRows.size(); ++i) {
            QVERIFY2(remoteRows[i].endsWith(",vmatlas-test,"), remoteRows[i].constData());
            QVERIFY2(localRows[i].endsWith(",,"), localRows[i].constData());
        }

        const QStringList range = { QStringLiteral("--range"), QStringLiteral("0x7e0000300000-0x7e0000308000") };
        Run pagesRemote = vmatlas(QStringList { QStringLiteral("pages"), QStringLiteral("--host"),
                                      QStringLiteral("vmatlas-test"), QStringLiteral("--pid"), pid }
            + range);
        Run pagesLocal = vmatlas(QStringList { QStringLiteral("pages"), QStringLiteral("--pid"), pid } + range);
        QCOMPARE(pagesRemote.code, 0);
        QCOMPARE(QByteArray(pagesRemote.out).replace(",vmatlas-test\n", ",\n"), pagesLocal.out);
        QVERIFY(pagesRemote.out.startsWith("address,state,exclusive,host\n"));
        QVERIFY(pagesRemote.out.contains("\n0x7e0000302000,anon,1,vmatlas-test\n"));
        QVERIFY(pagesLocal.out.contains("\n0x7e0000302000,anon,1,\n"));

        Run ps = vmatlas({ QStringLiteral("ps"), QStringLiteral("--csv"), QStringLiteral("--host"),
            QStringLiteral("vmatlas-test") });
        QCOMPARE(ps.code, 0);
        QVERIFY(ps.out.startsWith("pid,user,rss,name,command_line,readable,cgroup,namespace_pid,host\n"));
        QVERIFY(ps.out.contains("\n" + pid.toUtf8() + ",root,"));
        QVERIFY(ps.out.endsWith(",vmatlas-test\n"));

        Run summary = vmatlas({ QStringLiteral("summary"), QStringLiteral("--host"), QStringLiteral("vmatlas-test"),
            QStringLiteral("--pid"), pid });
        QCOMPARE(summary.code, 0);
        QVERIFY(summary.out.startsWith("Process " + pid.toUtf8() + " (vmatlas_testchi): memory by use\n"));
        Run summaryCsv = vmatlas({ QStringLiteral("summary"), QStringLiteral("--host"), QStringLiteral("vmatlas-test"),
            QStringLiteral("--pid"), pid, QStringLiteral("--csv"), QStringLiteral("-") });
        QCOMPARE(summaryCsv.code, 0);
        QVERIFY2(summaryCsv.out.startsWith("use,name,size,"), summaryCsv.out.constData());
        const QList<QByteArray> useRows = summaryCsv.out.trimmed().split('\n');
        QVERIFY(useRows.size() > 5);
        QVERIFY(useRows.front().endsWith(",swap,host"));
        QCOMPARE(useRows.front().count(','), useRows.back().count(','));
        for (const QByteArray &row : useRows.mid(1))
            QVERIFY2(row.endsWith(",vmatlas-test"), row.constData());

        // Files are written here, never there.
        QTemporaryDir out;
        Run json = vmatlas({ QStringLiteral("snapshot"), QStringLiteral("--host"), QStringLiteral("vmatlas-test"),
            QStringLiteral("--pid"), pid, QStringLiteral("--json"), out.filePath(QStringLiteral("s.json")) });
        QCOMPARE(json.code, 0);
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("s.json"))));
        // The export names the host; a local one has no such key.
        QVERIFY(QByteArray::fromStdString(vmatlas::test::readFileStd(out.filePath(QStringLiteral("s.json"))))
                    .contains("\"host\":\"vmatlas-test\""));
        auto loaded = loadSnapshotJson(out.filePath(QStringLiteral("s.json")).toStdString());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->host, std::string("vmatlas-test"));
        Run localJson = vmatlas({ QStringLiteral("snapshot"), QStringLiteral("--pid"), pid, QStringLiteral("--json"),
            QStringLiteral("-") });
        QVERIFY(!localJson.out.contains("\"host\""));
    }

    // One connection serves every request; a dropped one is made again; a remote permission error keeps its code.
    void oneConnectionReconnects()
    {
        TestChild child;
        QVERIFY(child.start({ QStringLiteral("idle") }));
        RemoteHost host("vmatlas-test");
        QCOMPARE(host.displayName(), std::string("vmatlas-test"));
        QVERIFY(host.connect().ok());
        QCOMPARE(host.remoteVersion(), std::string(kVersion));
        QCOMPARE(host.remotePlatform(), std::string("linux"));
        for (int i = 0; i < 3; ++i) {
            auto s = host.snapshot(child.pid());
            QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
            QCOMPARE(s->pid, Pid(child.pid()));
        }
        auto list = host.processes();
        QVERIFY(list.ok());
        QVERIFY(std::any_of(list->begin(), list->end(), [&](const ProcessInfo &p) { return p.pid == child.pid(); }));
        QList<Pid> serving = servers();
        QCOMPARE(serving.size(), 1);

        // The remote process dies (the connection drops): the next request connects again.
        ::kill(pid_t(serving.first()), SIGKILL);
        QTRY_VERIFY(!servers().contains(serving.first()));
        auto again = host.snapshot(child.pid());
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QCOMPARE(servers().size(), 1);

        // A process the remote side may not read: its error, its code, the host named.
        auto local = readSnapshot(999999999);
        auto remote = host.snapshot(999999999);
        QVERIFY(!local.ok() && !remote.ok());
        QCOMPARE(remote.error().code, local.error().code);
        QCOMPARE(remote.error().message, "on vmatlas-test: " + local.error().message);
        Run r = vmatlas({ QStringLiteral("snapshot"), QStringLiteral("--host"), QStringLiteral("vmatlas-test"),
            QStringLiteral("--pid"), QStringLiteral("999999999") });
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.startsWith("vmatlas: on vmatlas-test: "));
    }

    // The window on a host: the picker lists its processes, the title names it, a dropped connection keeps the last
    // snapshot and says so, and the next refresh connects again. (Last: it stops and restarts the sshd.)
    void windowOnAHost()
    {
        TestChild child;
        QTemporaryDir files;
        QVERIFY(child.start({ QStringLiteral("layout"), files.path() }));
        using namespace vmatlas::ui;
        RemoteSession remote(QStringLiteral("vmatlas-test"));
        {
            ProcessPicker picker(nullptr, child.pid(), remote.sources().listProcesses);
            QTRY_VERIFY_WITH_TIMEOUT(picker.model()->rowCount() > 0, 20000);
            const auto &listed = picker.model()->processes();
            QVERIFY(
                std::any_of(listed.begin(), listed.end(), [&](const ProcessInfo &p) { return p.pid == child.pid(); }));
        }
        MainWindow w(remote.sources());
        remote.showIn(&w);
        w.resize(1200, 800);
        w.show();
        w.setIntervalMs(300);
        w.attach(child.pid());
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown() != nullptr, 20000);
        QCOMPARE(
            w.windowTitle(), QStringLiteral("vmatlas_testchild (PID %1) on vmatlas-test – VM Atlas").arg(child.pid()));
        RegionTableModel *model = vmatlas::test::part<RegionsTab>(w)->model();
        QVERIFY(model->rowCount() > 20);
        const SnapshotPtr before = w.viewState()->shown();
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown() != before, 10000); // live refresh over the one connection
        QCOMPARE(servers().size(), 1);
        QVERIFY(mapTitle(*w.viewState()->shown())
                    .startsWith(QStringLiteral("vmatlas_testchild (PID %1) on vmatlas-test — ").arg(child.pid())));
        // The window's CSV export names the host on every row.
        const QString csvPath = files.filePath(QStringLiteral("remote.csv"));
        QVERIFY(saveRegionsCsv(*w.viewState()->shown(), csvPath).ok());
        const QList<QByteArray> csvRows
            = QByteArray::fromStdString(vmatlas::test::readFileStd(csvPath)).trimmed().split('\n');
        QCOMPARE(csvRows.size(), qsizetype(w.viewState()->shown()->regions.size() + 1));
        QVERIFY(csvRows.front().endsWith(",host,counters_read_ms"));
        // A live tick's carried counters say when they were read.
        const std::int64_t readMs = w.viewState()->shown()->countersReadMs;
        const QByteArray ending = ",vmatlas-test," + (readMs > 0 ? QByteArray::number(readMs) : QByteArray());
        QVERIFY(std::all_of(
            csvRows.begin() + 1, csvRows.end(), [&ending](const QByteArray &row) { return row.endsWith(ending); }));

        // The connection drops and cannot be made again: the last snapshot stays, the banner says so.
        stopSshd();
        for (Pid p : servers())
            ::kill(pid_t(p), SIGKILL);
        Banner *banner = vmatlas::test::part<Banner>(w);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->kind() == Banner::Warning, 20000);
        QVERIFY2(banner->text().startsWith(
                     QStringLiteral("The connection to vmatlas-test failed: cannot reach vmatlas-test")),
            qPrintable(banner->text()));
        QVERIFY(banner->text().endsWith(QStringLiteral("The last snapshot stays; the next refresh connects again.")));
        QVERIFY(w.viewState()->shown() != nullptr);
        QCOMPARE(model->rowCount(), int(w.viewState()->shown()->regions.size()));

        // The host is back: the next refresh connects, and says so.
        startSshd();
        QTRY_VERIFY_WITH_TIMEOUT(banner->text() == QStringLiteral("Connected to vmatlas-test again."), 30000);
        const SnapshotPtr after = w.viewState()->shown();
        QTRY_VERIFY_WITH_TIMEOUT(w.viewState()->shown() != after, 10000);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("remoteCli");
        QTest::addColumn<QString>("message");
        QTest::addRow("unreachable")
            << QStringLiteral("vmatlas-closed") << QString()
            << QStringLiteral("vmatlas: cannot reach vmatlas-closed: ssh: connect to host 127.0.0.1 port");
        QTest::addRow("refused key") << QStringLiteral("vmatlas-nokey") << QString()
                                     << QStringLiteral("vmatlas: vmatlas-nokey refused the login (");
        QTest::addRow("no vmatlas there") << QStringLiteral("vmatlas-test") << QStringLiteral("/nonexistent/vmatlas")
                                          << QStringLiteral("vmatlas: vmatlas is not installed on vmatlas-test (");
        QTest::addRow("an older vmatlas")
            << QStringLiteral("vmatlas-test") << QStringLiteral("old")
            << QStringLiteral("vmatlas: vmatlas-test has vmatlas 0.0.1 (protocol 1); this is ");
        QTest::addRow("a vmatlas without serve")
            << QStringLiteral("vmatlas-test") << QStringLiteral("noserve")
            << QStringLiteral("vmatlas: the vmatlas on vmatlas-test is older than ");
        QTest::addRow("it exits at once")
            << QStringLiteral("vmatlas-test") << QStringLiteral("exits")
            << QStringLiteral(
                   "vmatlas: cannot connect to vmatlas-test: the remote vmatlas on vmatlas-test exited (code 3)");
    }
    void errors()
    {
        QFETCH(QString, host);
        QFETCH(QString, remoteCli);
        QFETCH(QString, message);
        QString cli = QStringLiteral(VMATLAS_BINARY);
        if (remoteCli == QLatin1String("old") || remoteCli == QLatin1String("noserve")
            || remoteCli == QLatin1String("exits")) {
            cli = path(remoteCli + QStringLiteral(".sh"));
            const QString body = remoteCli == QLatin1String("old")
                ? QStringLiteral("echo 'vmatlas-serve 1 0.0.1 linux'; cat >/dev/null")
                : remoteCli == QLatin1String("noserve")
                ? QStringLiteral("echo \"vmatlas: unknown command 'serve'\" >&2; exit 2")
                : QStringLiteral("echo 'broken' >&2; exit 3");
            QVERIFY(writeText(cli, QStringLiteral("#!/bin/sh\n") + body + QLatin1Char('\n')));
            QFile::setPermissions(cli, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        } else if (!remoteCli.isEmpty()) {
            cli = remoteCli;
        }
        Run r = vmatlas({ QStringLiteral("ps"), QStringLiteral("--host"), host }, cli);
        QCOMPARE(r.code, 6);
        QVERIFY2(r.err.startsWith(message.toUtf8()), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        if (host == QLatin1String("vmatlas-nokey"))
            QVERIFY(r.err.contains("ssh-copy-id vmatlas-nokey"));
    }
};

QTEST_MAIN(TestRemote)
#include "tst_remote.moc"
