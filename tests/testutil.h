#pragma once

#include "model.h"
#include "result.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <string>

// Readable QCOMPARE failures for the model's types.
namespace QTest {
template <> inline char *toString(const vmatlas::RegionType &t)
{
    return qstrdup(std::string(vmatlas::regionTypeName(t)).c_str());
}
template <> inline char *toString(const vmatlas::RegionState &s)
{
    return qstrdup(std::string(vmatlas::regionStateName(s)).c_str());
}
template <> inline char *toString(const vmatlas::PageState &s)
{
    return qstrdup(std::string(vmatlas::pageStateName(s)).c_str());
}
template <> inline char *toString(const vmatlas::LabelKind &k)
{
    return qstrdup(std::string(vmatlas::labelKindKey(k)).c_str());
}
template <> inline char *toString(const vmatlas::ErrorCode &c)
{
    return qstrdup(std::to_string(int(c)).c_str());
}
template <> inline char *toString(const vmatlas::Protection &p)
{
    return qstrdup(p.toString().c_str());
}
template <> inline char *toString(const std::string &s)
{
    return qstrdup(s.c_str());
}
template <> inline char *toString(const std::vector<vmatlas::PageState> &v)
{
    std::string s;
    for (vmatlas::PageState p : v)
        s += std::string(vmatlas::pageStateName(p)) + " ";
    return qstrdup(s.c_str());
}
} // namespace QTest

namespace vmatlas::test {

// Starts tests/helpers/testchild with a scenario and reads its "KEY VALUE" lines up to "ready".
class TestChild
{
public:
    bool start(const QStringList &args, int timeoutMs = 30000)
    {
        m_process.setProgram(QStringLiteral(VMATLAS_TESTCHILD));
        m_process.setArguments(args);
        m_process.start();
        if (!m_process.waitForStarted(timeoutMs))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (!m_process.canReadLine() && !m_process.waitForReadyRead(100)) {
                if (m_process.state() != QProcess::Running)
                    return false;
                continue;
            }
            while (m_process.canReadLine()) {
                const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
                if (line == QLatin1String("ready"))
                    return true;
                const auto space = line.indexOf(QLatin1Char(' '));
                m_values.insert(line.left(space), line.mid(space + 1));
            }
        }
        return false;
    }
    ~TestChild() { finish(); }

    void finish()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Pid pid() const { return m_process.processId(); }
    QString value(const QString &key) const { return m_values.value(key); }

private:
    QProcess m_process;
    QMap<QString, QString> m_values;
};

inline QString testData(const char *name)
{
    return QStringLiteral(VMATLAS_TESTDATA "/") + QString::fromLatin1(name);
}

inline std::string readTestData(const char *name)
{
    QFile f(testData(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

inline std::string readFileStd(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

} // namespace vmatlas::test
