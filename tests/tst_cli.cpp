// The vmatlas binary end to end, and its Qt-free argument parser.
#include "cli/argparser.h"
#include "cli/cli.h"
#include "csv.h"
#include "smapsparser.h"
#include "snapshotjson.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace vmatlas;
using vmatlas::test::TestChild;

namespace {

using vmatlas::test::Run;
using vmatlas::test::vmatlasRun;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    TestChild m_child;
    QTemporaryDir m_layoutDir;
    QString m_pid;

private slots:
    void initTestCase()
    {
        QVERIFY(m_child.start({ QStringLiteral("layout"), m_layoutDir.path() }));
        m_pid = QString::number(m_child.pid());
    }

    void snapshotToStdout()
    {
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), m_pid });
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.startsWith("start,end,size,type,state,protection,offset,device,inode,path,label,rss,pss,swap,"));
        QVERIFY(r.out.contains("\n0x7e0000000000,0x7e0000010000,65536,Private,Reserved,---p,0x0,00:00,0,,"
                               "\"reserved, no access\",0,0,0,"));
        QVERIFY(
            r.out.contains("\n0x7e0000100000,0x7e0000104000,16384,Private,Committed,rw-p,0x0,00:00,0,,,8192,8192,0,"));
        QVERIFY(r.out.contains(",Mapped,Committed,rw-s,0x0,"));
        auto regions = regionsFromCsv(r.out.toStdString());
        QVERIFY(regions.ok());
        QVERIFY(regions->size() > 20);
    }

    // A command reads smaps through a ring of 1 MiB: 2,000 mappings (1.5 MB of text) go round it, and every mapping
    // is still a row, with the range and the Rss the kernel gives.
    void snapshotLongerThanItsRing()
    {
        vmatlas::test::TestChild child;
        QVERIFY(child.start({ QStringLiteral("many"), QStringLiteral("2000") }));
        const QString pid = QString::number(child.pid());
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), pid });
        QCOMPARE(r.code, 0);
        QFile smaps(QStringLiteral("/proc/%1/smaps").arg(pid));
        QVERIFY(smaps.open(QIODevice::ReadOnly));
        const QByteArray text = smaps.readAll();
        QVERIFY(text.size() > (1 << 20));
        auto expected = vmatlas::parseSmaps(std::string_view(text.constData(), std::size_t(text.size())));
        QVERIFY(expected.ok());
        auto rows = regionsFromCsv(r.out.toStdString());
        QVERIFY(rows.ok());
        std::vector<std::tuple<vmatlas::Address, vmatlas::Address, std::uint64_t>> got, want;
        for (const vmatlas::Region &m : expected->mappings)
            want.emplace_back(m.start, m.end, m.counters[std::size_t(vmatlas::Counter::Rss)]);
        for (const vmatlas::Region &row : *rows)
            if (row.type != vmatlas::RegionType::Free)
                got.emplace_back(row.start, row.end, row.counters[std::size_t(vmatlas::Counter::Rss)]);
        QVERIFY(want.size() > 2000);
        QCOMPARE(got, want);
    }

    void liveSnapshot()
    {
        // --live: the layout and the residency; the counters only smaps gives are empty cells (null in JSON).
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--live"), QStringLiteral("--pid"), m_pid });
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.contains("\n0x7e0000100000,0x7e0000104000,16384,Private,Committed,rw-p,0x0,00:00,0,,,8192,,0,,,,,"
                               "8192,"));
        auto live = regionsFromCsv(r.out.toStdString());
        Run full = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), m_pid });
        auto regions = regionsFromCsv(full.out.toStdString());
        QVERIFY(live.ok() && regions.ok());
        QCOMPARE(live->size(), regions->size());
        for (std::size_t i = 0; i < live->size(); ++i) {
            const Region &a = (*live)[i];
            QCOMPARE(a.start, (*regions)[i].start);
            QCOMPARE(a.counter(Counter::Rss), (*regions)[i].counter(Counter::Rss));
            QCOMPARE(a.hasCounter(Counter::Pss), a.type == RegionType::Free);
        }
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("live.json"));
        r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--live"), QStringLiteral("--pid"), m_pid,
            QStringLiteral("--json"), json });
        QCOMPARE(r.code, 0);
        auto snap = loadSnapshotJson(json.toStdString());
        QVERIFY(snap.ok());
        QCOMPARE(snap->regions[std::size_t(snap->indexOf(0x7e0000100000))].hasCounter(Counter::Pss), false);
        QCOMPARE(snap->regions[std::size_t(snap->indexOf(0x7e0000100000))].counter(Counter::Rss), std::uint64_t(8192));
    }

    void snapshotFiles()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("snap.csv"));
        const QString json = dir.filePath(QStringLiteral("snap.json"));
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), m_pid, QStringLiteral("--csv"), csv,
            QStringLiteral("--json"), json });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
        auto fromCsv = regionsFromCsv(vmatlas::test::readFileStd(csv));
        auto fromJson = loadSnapshotJson(json.toStdString());
        QVERIFY(fromCsv.ok());
        QVERIFY2(fromJson.ok(), fromJson.ok() ? "" : fromJson.error().message.c_str());
        QCOMPARE(fromJson->pid, Pid(m_child.pid()));
        QCOMPARE(fromCsv->size(), fromJson->regions.size());
        auto i = fromJson->indexOf(0x7e0000200000);
        QVERIFY(i >= 0);
        QCOMPARE(fromJson->regions[std::size_t(i)].path(), std::string("/memfd:vmatlas-test-section (deleted)"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    }

    void timedSnapshots()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("series"));
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), m_pid, QStringLiteral("--every"),
            QStringLiteral("150"), QStringLiteral("--count"), QStringLiteral("3"), QStringLiteral("--out"), out });
        QCOMPARE(r.code, 0);
        const QStringList files = QDir(out).entryList(QDir::Files);
        QCOMPARE(files,
            QStringList({ QStringLiteral("snapshot-0001.json"), QStringLiteral("snapshot-0002.json"),
                QStringLiteral("snapshot-0003.json") }));
        std::int64_t last = 0;
        for (const QString &f : files) {
            auto s = loadSnapshotJson(QDir(out).filePath(f).toStdString());
            QVERIFY(s.ok());
            if (last)
                QVERIFY2(s->timestampMs - last >= 140, qPrintable(QString::number(s->timestampMs - last)));
            last = s->timestampMs;
        }
        QCOMPARE(r.out.count('\n'), 3);
    }

    void timedSnapshotsTargetExits()
    {
        TestChild shortLived;
        QVERIFY(shortLived.start({ QStringLiteral("idle") }));
        QTemporaryDir dir;
        QProcess p;
        p.start(QStringLiteral(VMATLAS_BINARY),
            { QStringLiteral("snapshot"), QStringLiteral("--pid"), QString::number(shortLived.pid()),
                QStringLiteral("--every"), QStringLiteral("200"), QStringLiteral("--count"), QStringLiteral("50"),
                QStringLiteral("--out"), dir.path() });
        QTRY_VERIFY_WITH_TIMEOUT(QDir(dir.path()).entryList(QDir::Files).size() >= 2, 10000);
        const Pid gone = shortLived.pid();
        shortLived.finish();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 3);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(
            err.startsWith("vmatlas: process " + QByteArray::number(qint64(gone)) + " exited after "), err.constData());
        QVERIFY2(err.contains(" of 50 snapshots"), err.constData());
        // Every file left is a whole snapshot.
        for (const QString &f : QDir(dir.path()).entryList(QDir::Files | QDir::Hidden))
            QVERIFY(loadSnapshotJson(QDir(dir.path()).filePath(f).toStdString()).ok());
    }

    void pages()
    {
        Run r = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--pid"), m_pid, QStringLiteral("--range"),
            QStringLiteral("0x7e0000300000-0x7e0000308000") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out,
            QByteArray("address,state,exclusive,host\n"
                       "0x7e0000300000,file,1,\n0x7e0000301000,file,1,\n0x7e0000302000,anon,1,\n"
                       "0x7e0000303000,file,1,\n0x7e0000304000,file,1,\n0x7e0000305000,file,1,\n"
                       "0x7e0000306000,file,1,\n0x7e0000307000,none,0,\n"));
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("pages.csv"));
        r = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--pid"), m_pid, QStringLiteral("--range"),
            QStringLiteral("7e0000400000-7e0000402000"), QStringLiteral("--csv"), csv });
        QCOMPARE(r.code, 0);
        QCOMPARE(QByteArray::fromStdString(vmatlas::test::readFileStd(csv)),
            QByteArray("address,state,exclusive,host\n0x7e0000400000,anon,1,\n0x7e0000401000,anon,1,\n"));
    }

    void pagesPastTheTopOfUserSpace()
    {
        // The [vsyscall] page and anything above the top of user space: answered, as none.
        Run r = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--pid"), m_pid, QStringLiteral("--range"),
            QStringLiteral("0xffffffffff600000-0xffffffffff601000") });
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("address,state,exclusive,host\n0xffffffffff600000,none,0,\n"));
        // Across the top: the user pages read, the rest none.
        r = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--pid"), m_pid, QStringLiteral("--range"),
            QStringLiteral("0x7fffffffe000-0x800000001000") });
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.startsWith("address,state,exclusive,host\n0x7fffffffe000,"));
        QVERIFY(r.out.endsWith("\n0x7ffffffff000,none,0,\n0x800000000000,none,0,\n"));
        QCOMPARE(r.out.count('\n'), 4);
    }

    void pagesRangeErrors_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("message");
        QTest::addRow("rounds past 2^64") << QStringLiteral("0xfffffffffffff000-0xffffffffffffffff")
                                          << QStringLiteral("rounds up past the end of the 64-bit address space");
        QTest::addRow("over the page cap")
            << QStringLiteral("0x0-0x4000001000") << QStringLiteral("at most 64 Mi pages are read at once");
        QTest::addRow("everything") << QStringLiteral("0x1000-0xffffffffffffffff")
                                    << QStringLiteral("rounds up past the end");
    }
    void pagesRangeErrors()
    {
        QFETCH(QString, range);
        QFETCH(QString, message);
        Run r
            = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--pid"), m_pid, QStringLiteral("--range"), range });
        QCOMPARE(r.code, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY2(r.err.contains("process " + m_pid.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void threadIdMeansItsProcess()
    {
        const QString tid = m_child.value(QStringLiteral("tid"));
        QVERIFY(!tid.isEmpty() && tid != m_pid);
        for (const QStringList &args : { QStringList { QStringLiteral("snapshot"), QStringLiteral("--pid"), tid,
                                             QStringLiteral("--csv"), QStringLiteral("/dev/null") },
                 QStringList { QStringLiteral("pages"), QStringLiteral("--pid"), tid, QStringLiteral("--range"),
                     QStringLiteral("0x7e0000400000-0x7e0000401000") } }) {
            Run r = vmatlasRun(args);
            QVERIFY2(r.code == 0, r.err.constData());
            QCOMPARE(QString::fromUtf8(r.err),
                QStringLiteral("vmatlas: PID %1 is a thread of process %2; showing %2\n").arg(tid, m_pid));
        }
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), tid, QStringLiteral("--json"),
            QStringLiteral("-") });
        QVERIFY(r.out.contains("\"pid\":" + m_pid.toUtf8() + ","));
    }

    void kernelThreadPages()
    {
        if (vmatlas::test::readFileStd(QStringLiteral("/proc/2/comm")) != "kthreadd\n")
            QSKIP("PID 2 is not kthreadd here");
        Run r = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--pid"), QStringLiteral("2"),
            QStringLiteral("--range"), QStringLiteral("0x1000-0x2000") });
        QCOMPARE(r.code, 3);
        QCOMPARE(r.err, QByteArray("vmatlas: process 2 is a kernel thread: it has no user address space\n"));
    }

    void ps()
    {
        Run r = vmatlasRun({ QStringLiteral("ps") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("     PID USER"));
        QVERIFY(r.out.contains(" vmatlas_testchi "));
        r = vmatlasRun({ QStringLiteral("ps"), QStringLiteral("--csv") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("pid,user,rss,name,command_line,readable,cgroup,namespace_pid,host\n"));
        QVERIFY(r.out.contains("\n" + m_pid.toUtf8() + ","));
    }

    void diff()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.json"));
        const QString b = dir.filePath(QStringLiteral("b.json"));
        QCOMPARE(vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), m_pid, QStringLiteral("--json"), a })
                     .code,
            0);
        TestChild other;
        QVERIFY(other.start({ QStringLiteral("idle") }));
        QCOMPARE(vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), QString::number(other.pid()),
                                QStringLiteral("--json"), b })
                     .code,
            0);
        Run same = vmatlasRun({ QStringLiteral("diff"), a, a });
        QCOMPARE(same.code, 0);
        QCOMPARE(same.out, QByteArray("0 added, 0 removed, 0 changed\n"));
        Run r = vmatlasRun({ QStringLiteral("diff"), a, b });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("removed 0x7e0000000000-0x7e0000010000 Private Reserved ---p"));
        Run csv = vmatlasRun({ QStringLiteral("diff"), a, b, QStringLiteral("--csv") });
        QCOMPARE(csv.code, 0);
        QVERIFY(csv.out.startsWith("change,start,end,size,type,state,protection,path,changed,"));
        QVERIFY(csv.out.contains("\nremoved,0x7e0000200000,0x7e0000208000,32768,Mapped,Committed,rw-s,"
                                 "/memfd:vmatlas-test-section (deleted),"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addRow("no args to snapshot") << QStringList { QStringLiteral("snapshot") } << 2
                                             << QStringLiteral("vmatlas snapshot: --pid or --core is required");
        QTest::addRow("bad pid") << QStringList { QStringLiteral("snapshot"), QStringLiteral("--pid"),
            QStringLiteral("abc") }
                                 << 2 << QStringLiteral("'abc' is not a process ID");
        QTest::addRow("unknown option") << QStringList { QStringLiteral("ps"), QStringLiteral("--fast") } << 2
                                        << QStringLiteral("unknown option '--fast'");
        QTest::addRow("unknown command") << QStringList { QStringLiteral("snapshott") } << 2
                                         << QStringLiteral("unknown command 'snapshott'");
        QTest::addRow("bad range") << QStringList { QStringLiteral("pages"), QStringLiteral("--pid"),
            QStringLiteral("1"), QStringLiteral("--range"), QStringLiteral("0x2000-0x1000") }
                                   << 2 << QStringLiteral("--range takes START-END");
        QTest::addRow("every too fast") << QStringList { QStringLiteral("snapshot"), QStringLiteral("--pid"),
            QStringLiteral("1"), QStringLiteral("--every"), QStringLiteral("10"), QStringLiteral("--count"),
            QStringLiteral("2"), QStringLiteral("--out"), QStringLiteral("/tmp/x") }
                                        << 2 << QStringLiteral("at least 100");
        QTest::addRow("csv and json both to standard output")
            << QStringList { QStringLiteral("snapshot"), QStringLiteral("--pid"), QString::number(::getpid()),
                   QStringLiteral("--csv"), QStringLiteral("-"), QStringLiteral("--json"), QStringLiteral("-") }
            << 2 << QStringLiteral("--csv and --json cannot both write to standard output");
        QTest::addRow("diff needs two") << QStringList { QStringLiteral("diff"), QStringLiteral("a.json") } << 2
                                        << QStringLiteral("needs two snapshot files");
        QTest::addRow("diff missing file") << QStringList {
            QStringLiteral("diff"), QStringLiteral("/nonexistent/a.json"), QStringLiteral("/nonexistent/b.json")
        } << 5 << QStringLiteral("vmatlas: cannot read /nonexistent/a.json: No such file or directory");
        QTest::addRow("no such process") << QStringList { QStringLiteral("snapshot"), QStringLiteral("--pid"),
            QStringLiteral("2147483647") }
                                         << 3 << QStringLiteral("vmatlas: no process with PID 2147483647");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        Run r = vmatlasRun(args);
        QCOMPARE(r.code, code);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n') <= 2, true); // one line, plus a hint for usage errors
    }

    void nothingWrittenOnError()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("new.csv"));
        const QString kept = dir.filePath(QStringLiteral("kept.json"));
        QFile f(kept);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
        f.close();
        Run r = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), QStringLiteral("2147483647"),
            QStringLiteral("--csv"), csv, QStringLiteral("--json"), kept });
        QCOMPARE(r.code, 3);
        QVERIFY(!QFile::exists(csv));
        QCOMPARE(QByteArray::fromStdString(vmatlas::test::readFileStd(kept)), QByteArray("precious"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);

        Run missingDir = vmatlasRun({ QStringLiteral("snapshot"), QStringLiteral("--pid"), m_pid,
            QStringLiteral("--csv"), dir.filePath(QStringLiteral("no/such/x.csv")) });
        QCOMPARE(missingDir.code, 5);
        QVERIFY2(missingDir.err.contains("/no/such/x.csv") && missingDir.err.contains("does not exist"),
            missingDir.err.constData());
    }

    void permissionDenied()
    {
        if (!vmatlas::test::canRunAsNobody())
            QSKIP("needs root to run as nobody");
        QTemporaryDir dir;
        vmatlas::test::openToNobody(dir.path());
        const QString csv = dir.filePath(QStringLiteral("denied.csv"));
        Run r = vmatlasRun(
            { QStringLiteral("snapshot"), QStringLiteral("--pid"), m_pid, QStringLiteral("--csv"), csv }, true);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.startsWith("vmatlas: permission denied reading process " + m_pid.toUtf8()), r.err.constData());
        QVERIFY(r.err.contains("ptrace-read access"));
        QVERIFY(!QFile::exists(csv));
        Run pages = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--pid"), m_pid, QStringLiteral("--range"),
                                   QStringLiteral("0x7e0000400000-0x7e0000401000") },
            true);
        QCOMPARE(pages.code, 4);
    }

    // A user at its process limit cannot start threads: a command then reads and parses on its one thread, and
    // the live read walks the page tables after the layout, with the same rows as a run that has its helpers.
    void readsWithoutThreads()
    {
        if (!vmatlas::test::canRunAsNobody())
            QSKIP("needs root to run as nobody");
        const QString nobody = QString::number(vmatlas::test::kNobody);
        const QStringList asNobody { QStringLiteral("--reuid=") + nobody, QStringLiteral("--regid=") + nobody,
            QStringLiteral("--clear-groups") };
        vmatlas::test::TestChild child;
        QVERIFY(child.start(
            asNobody + QStringList { QStringLiteral(VMATLAS_TESTCHILD), QStringLiteral("many"), QStringLiteral("300") },
            30000, QStringLiteral("setpriv")));
        const QString pid = QString::number(child.pid());
        for (const QString &mode : { QStringLiteral("--csv"), QStringLiteral("--live") }) {
            QStringList args { QStringLiteral("snapshot"), QStringLiteral("--pid"), pid };
            if (mode == QStringLiteral("--live"))
                args << mode;
            const auto run = [&](const QStringList &limit) {
                QProcess p;
                p.start(QStringLiteral("setpriv"),
                    asNobody + limit + QStringList { QStringLiteral(VMATLAS_BINARY) } + args);
                p.waitForFinished(60000);
                return std::pair { p.exitCode(), p.readAllStandardOutput() };
            };
            const auto [code, limited]
                = run({ QStringLiteral("prlimit"), QStringLiteral("--nproc=1"), QStringLiteral("--") });
            const auto [normalCode, normal] = run({});
            QCOMPARE(normalCode, 0);
            QVERIFY2(code == 0, qPrintable(mode));
            // The layout, type and state of every row (the counters may move between the two reads).
            const auto columns = [](const QByteArray &csv) {
                QList<QByteArray> rows;
                for (const QByteArray &line : csv.split('\n'))
                    rows << line.split(',').mid(0, 5).join(',');
                return rows;
            };
            QVERIFY(normal.count('\n') > 300); // 300 mappings, and the process's own
            QCOMPARE(columns(limited), columns(normal));
        }
    }

    void devStdout()
    {
        Run r = vmatlasRun({ QStringLiteral("pages"), QStringLiteral("--pid"), m_pid, QStringLiteral("--range"),
            QStringLiteral("0x7e0000400000-0x7e0000401000"), QStringLiteral("--csv"), QStringLiteral("/dev/stdout") });
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("address,state,exclusive,host\n0x7e0000400000,anon,1,\n"));
    }

    // What is printed to a full standard output is an error, not a silent success: a CSV (written and checked as
    // it goes) and a help text (flushed on the way out).
    void fullStandardOutput()
    {
        for (const QStringList &args : { QStringList { QStringLiteral("snapshot"), QStringLiteral("--pid"), m_pid },
                 QStringList { QStringLiteral("--help") } }) {
            QProcess p;
            p.setStandardOutputFile(QStringLiteral("/dev/full"));
            p.start(QStringLiteral(VMATLAS_BINARY), args);
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 5);
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(err.contains("cannot write to standard output: No space left on device"), err.constData());
        }
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("text");
        QTest::addRow("main") << QStringList { QStringLiteral("--help") }
                              << QStringLiteral("vmatlas snapshot --pid PID");
        QTest::addRow("snapshot") << QStringList { QStringLiteral("snapshot"), QStringLiteral("--help") }
                                  << QStringLiteral("--every MS");
        QTest::addRow("pages") << QStringList { QStringLiteral("pages"), QStringLiteral("--help") }
                               << QStringLiteral("address,state,exclusive");
        QTest::addRow("ps") << QStringList { QStringLiteral("ps"), QStringLiteral("--help") }
                            << QStringLiteral("--csv");
        QTest::addRow("diff") << QStringList { QStringLiteral("diff"), QStringLiteral("--help") }
                              << QStringLiteral("A.json B.json");
        QTest::addRow("version") << QStringList { QStringLiteral("--version") } << QStringLiteral("vmatlas 0.");
    }
    void help()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, text);
        Run r = vmatlasRun(args);
        QCOMPARE(r.code, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(text), r.out.constData());
    }

    // The main help is made from the command table: every command it names answers COMMAND --help with
    // its own usage, and each is a CLI invocation (not a window).
    void everyCommandInTheHelpHasHelp()
    {
        Run main = vmatlasRun({ QStringLiteral("--help") });
        QCOMPARE(main.code, 0);
        QStringList commands;
        static const QRegularExpression line(QStringLiteral("^  vmatlas ([a-z][a-z-]*)"));
        for (const QString &l : QString::fromUtf8(main.out).split(QLatin1Char('\n'))) {
            const auto m = line.match(l);
            if (m.hasMatch() && !commands.contains(m.captured(1)))
                commands << m.captured(1);
        }
        QCOMPARE(commands,
            QStringList({ QStringLiteral("snapshot"), QStringLiteral("pages"), QStringLiteral("ps"),
                QStringLiteral("diff"), QStringLiteral("summary"), QStringLiteral("limits"), QStringLiteral("read"),
                QStringLiteral("strings"), QStringLiteral("find"), QStringLiteral("where"), QStringLiteral("trim"),
                QStringLiteral("mark"), QStringLiteral("dump"), QStringLiteral("lab") }));
        for (const QString &c : std::as_const(commands)) {
            Run r = vmatlasRun({ c, QStringLiteral("--help") });
            QVERIFY2(r.code == 0, qPrintable(c));
            QVERIFY2(r.out.startsWith("Usage: vmatlas " + c.toUtf8() + " "), r.out.constData());
            QVERIFY2(r.out.contains("--help"), r.out.constData()); // the options list
            QVERIFY(r.err.isEmpty());
            QVERIFY(cli::isCliInvocation({ c.toStdString() }));
        }
        QVERIFY(cli::isCliInvocation({ "lab-target" }));
        QVERIFY(cli::isCliInvocation({ "--version" }));
        QVERIFY(!cli::isCliInvocation({ "snapshots" }));
        QVERIFY(!cli::isCliInvocation({}));
    }

    // The shared preamble: a bad option and a stray argument are usage errors, named after the command.
    void commandPreamble_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("err");
        QTest::addRow("unknown option") << QStringList { QStringLiteral("ps"), QStringLiteral("--bogus") }
                                        << QByteArray("vmatlas ps: ");
        QTest::addRow("stray argument") << QStringList { QStringLiteral("pages"), QStringLiteral("x") }
                                        << QByteArray("vmatlas pages: unexpected argument 'x'\n"
                                                      "Try 'vmatlas pages --help'.\n");
        QTest::addRow("unknown command") << QStringList { QStringLiteral("snapshots") }
                                         << QByteArray("vmatlas: unknown command 'snapshots'\n"
                                                       "Try 'vmatlas --help'.\n");
    }

    void commandPreamble()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, err);
        Run r = vmatlasRun(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(err), r.err.constData());
    }

    void argParser()
    {
        cli::ArgParser p;
        p.addOption(QStringLiteral("--pid").toStdString(), "PID", "");
        p.addFlag("--csv", "");
        QVERIFY(p.parse({ "--pid=12", "--csv", "pos", "--", "--not-an-option" }));
        QCOMPARE(*p.value("--pid"), std::string("12"));
        QVERIFY(p.has("--csv"));
        QCOMPARE(p.positional(), (std::vector<std::string> { "pos", "--not-an-option" }));
        cli::ArgParser q;
        q.addOption("--pid", "PID", "");
        QVERIFY(!q.parse({ "--pid" }));
        QCOMPARE(q.error(), std::string("option '--pid' needs a value (PID)"));
        cli::ArgParser twice;
        twice.addOption("--pid", "PID", "");
        QVERIFY(!twice.parse({ "--pid", "1", "--pid", "2" }));
        long long pid = 0;
        QVERIFY(cli::parsePid("123", pid) && pid == 123);
        QVERIFY(!cli::parsePid("0", pid));
        QVERIFY(!cli::parsePid("-5", pid));
        QVERIFY(!cli::parsePid("12 ", pid));
        QVERIFY(!cli::parsePid("99999999999", pid));
        unsigned long long s = 0, e = 0;
        QVERIFY(cli::parseRange("0x1000-0x2000", s, e) && s == 0x1000 && e == 0x2000);
        QVERIFY(!cli::parseRange("0x1000", s, e));
        QVERIFY(!cli::parseRange("zz-0x2000", s, e));
        int w = 0, h = 0;
        QVERIFY(cli::parseSize("1600x1000", w, h) && w == 1600 && h == 1000);
        QVERIFY(!cli::parseSize("10x10", w, h));
        QVERIFY(!cli::parseSize("99999x100", w, h));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
