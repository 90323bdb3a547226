// Exports to full and read-only file systems and to devices: a clear error naming the file and the
// cause, a non-zero exit from the CLI, no file half-written, and an earlier file of that name intact.
#include "classify.h"
#include "fileio.h"
#include "smapsparser.h"
#include "snapshotjson.h"
#include "testutil.h"

#include <sys/stat.h>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

using namespace vmatlas;

using vmatlas::test::TestChild;

class TestOutputs : public QObject
{
    Q_OBJECT

    QTemporaryDir m_full, m_readOnly;
    bool m_mounted = false;

    static std::string bigJson()
    {
        auto parsed = parseSmaps(vmatlas::test::readTestData("jvm.smaps"));
        return snapshotToJson(classify(std::move(parsed).value(), {}));
    }

    static QStringList entries(const QString &dir)
    {
        return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to mount small and read-only file systems");
        // A 64 KiB tmpfs (full after one small file) and a read-only one.
        if (::mount("tmpfs", m_full.path().toLocal8Bit().constData(), "tmpfs", 0, "size=64k") != 0
            || ::mount("tmpfs", m_readOnly.path().toLocal8Bit().constData(), "tmpfs", MS_RDONLY, "size=64k") != 0)
            QSKIP("cannot mount tmpfs here");
        m_mounted = true;
    }

    void cleanupTestCase()
    {
        if (m_mounted) {
            ::umount(m_full.path().toLocal8Bit().constData());
            ::umount(m_readOnly.path().toLocal8Bit().constData());
        }
    }

    void fullDisk()
    {
        const std::string json = bigJson();
        QVERIFY(json.size() > 64 * 1024);
        const QString path = m_full.filePath(QStringLiteral("snap.json"));
        QVERIFY(writeFileAtomically(path.toStdString(), "precious").ok());
        auto st = writeFileAtomically(path.toStdString(), json);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::Io);
        QVERIFY2(st.error().message == "cannot write " + path.toStdString() + ": No space left on device",
            st.error().message.c_str());
        // The earlier file is intact and no temporary is left.
        QCOMPARE(vmatlas::test::readFileStd(path), std::string("precious"));
        QCOMPARE(entries(m_full.path()), QStringList { QStringLiteral("snap.json") });
    }

    void fullDiskFromTheCli()
    {
        TestChild child;
        QTemporaryDir files;
        QVERIFY(child.start({ QStringLiteral("layout"), files.path() }));
        // Fill the file system, leaving a few bytes.
        QFile filler(m_full.filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        filler.write(QByteArray(60 * 1024, 'x'));
        filler.close();
        const QString out = m_full.filePath(QStringLiteral("regions.csv"));
        QProcess p;
        p.start(QStringLiteral(VMATLAS_BINARY),
            { QStringLiteral("snapshot"), QStringLiteral("--pid"), QString::number(child.pid()),
                QStringLiteral("--csv"), out });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 5);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err == "vmatlas: cannot write " + out.toUtf8() + ": No space left on device\n", err.constData());
        QVERIFY(!QFile::exists(out));
        QCOMPARE(entries(m_full.path()), (QStringList { QStringLiteral("filler"), QStringLiteral("snap.json") }));
    }

    void readOnlyFileSystem()
    {
        const QString path = m_readOnly.filePath(QStringLiteral("snap.json"));
        auto st = writeFileAtomically(path.toStdString(), "x");
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message == "cannot write " + path.toStdString() + ": Read-only file system",
            st.error().message.c_str());
        QVERIFY(entries(m_readOnly.path()).isEmpty());
    }

    void devicesAreWrittenDirectly()
    {
        // /dev/full: the device's own error, reported; the device itself untouched.
        auto st = writeFileAtomically("/dev/full", "data");
        QVERIFY(!st.ok());
        QCOMPARE(st.error().message, std::string("cannot write /dev/full: No space left on device"));
        struct stat info;
        QVERIFY(::stat("/dev/full", &info) == 0 && S_ISCHR(info.st_mode));
        QVERIFY(writeFileAtomically("/dev/null", std::string(1 << 20, 'n')).ok());
        QVERIFY(::stat("/dev/null", &info) == 0 && S_ISCHR(info.st_mode));
    }
};

QTEST_GUILESS_MAIN(TestOutputs)
#include "tst_outputs.moc"
