#include "windowtitle.h"

#include "formatting.h"
#include "platform.h"
#include "processlistmodel.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <map>

namespace vmatlas::ui {

namespace {

// Two small /proc reads, once per process: a container does not change while the window watches it.
QString containerOf(Pid pid, const std::string &name)
{
    static std::map<std::pair<Pid, std::string>, QString> cache;
    auto key = std::make_pair(pid, name);
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    if (cache.size() > 256)
        cache.clear();
    ProcessInfo p;
    p.pid = pid;
    readContainer(p);
    return cache[key] = ProcessListModel::containerText(p);
}

} // namespace

QString windowTitleFor(const Snapshot &s, const TitleSource &source)
{
    const QString name = displayText(fullProcessName(s.processName, s.commandLine));
    if (!source.fileName.isEmpty())
        return QCoreApplication::translate("vmatlas::ui::WindowTitle", "%1 (PID %2) from %3 – VM Atlas")
            .arg(name)
            .arg(s.pid)
            .arg(QFileInfo(source.fileName).fileName());
    if (!source.host.isEmpty())
        return QCoreApplication::translate("vmatlas::ui::WindowTitle", "%1 (PID %2) on %3 – VM Atlas")
            .arg(name)
            .arg(s.pid)
            .arg(source.host);
    if (source.live) {
        if (const QString container = containerOf(s.pid, s.processName); !container.isEmpty())
            return QCoreApplication::translate("vmatlas::ui::WindowTitle", "%1 (PID %2) in %3 – VM Atlas")
                .arg(name)
                .arg(s.pid)
                .arg(container);
    }
    return QCoreApplication::translate("vmatlas::ui::MainWindow", "%1 (PID %2) – VM Atlas").arg(name).arg(s.pid);
}

} // namespace vmatlas::ui
