#include "processlistmodel.h"

#include "containers.h"
#include "formatting.h"
#include "maprenderer.h"

#include <QBrush>
#include <QColor>

namespace vmatlas::ui {

ProcessListModel::ProcessListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ProcessListModel::setProcesses(std::vector<ProcessInfo> next)
{
    std::size_t row = 0, j = 0;
    while (row < m_rows.size() || j < next.size()) {
        if (row < m_rows.size() && j < next.size() && m_rows[row].pid == next[j].pid) {
            const ProcessInfo &a = m_rows[row];
            const ProcessInfo &b = next[j];
            const bool changed = a.name != b.name || a.commandLine != b.commandLine || a.user != b.user
                || a.rss != b.rss || a.readable != b.readable || a.cgroup != b.cgroup
                || a.namespacePid != b.namespacePid;
            m_rows[row] = b;
            if (changed)
                emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
            ++row;
            ++j;
        } else if (row < m_rows.size() && (j >= next.size() || m_rows[row].pid < next[j].pid)) {
            std::size_t last = row;
            while (last + 1 < m_rows.size() && (j >= next.size() || m_rows[last + 1].pid < next[j].pid))
                ++last;
            beginRemoveRows({}, int(row), int(last));
            m_rows.erase(m_rows.begin() + std::ptrdiff_t(row), m_rows.begin() + std::ptrdiff_t(last) + 1);
            endRemoveRows();
        } else {
            std::size_t lastJ = j;
            while (lastJ + 1 < next.size() && (row >= m_rows.size() || next[lastJ + 1].pid < m_rows[row].pid))
                ++lastJ;
            beginInsertRows({}, int(row), int(row + (lastJ - j)));
            m_rows.insert(m_rows.begin() + std::ptrdiff_t(row), next.begin() + std::ptrdiff_t(j),
                next.begin() + std::ptrdiff_t(lastJ) + 1);
            endInsertRows();
            row += lastJ - j + 1;
            j = lastJ + 1;
        }
    }
}

int ProcessListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProcessListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProcessListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_rows.size())
        return {};
    const ProcessInfo &p = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Pid:
            return QString::number(p.pid);
        case Name:
            return QString::fromStdString(fullProcessName(p.name, p.commandLine));
        case User:
            return QString::fromStdString(p.user);
        case Rss:
            return formatBytes(p.rss);
        case Access:
            return p.readable ? tr("yes") : tr("no access");
        case Container:
            return containerText(p);
        case Command:
            return QString::fromStdString(p.commandLine).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Pid:
            return qlonglong(p.pid);
        case Rss:
            return qulonglong(p.rss);
        case Access:
            return p.readable;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Pid || index.column() == Rss)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (!p.readable)
            return QBrush(QColor(140, 140, 140));
        return {};
    case Qt::ToolTipRole:
        if (!p.readable)
            return tr("You cannot read this process's memory: that needs ptrace-read access (the same user, root, or "
                      "CAP_SYS_PTRACE).");
        return QString::fromStdString(p.commandLine);
    case PidRole:
        return qlonglong(p.pid);
    case ReadableRole:
        return p.readable;
    case CgroupRole:
        return QString::fromStdString(p.cgroup);
    case InContainerRole:
        return inContainer(p);
    }
    return {};
}

QVariant ProcessListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pid:
        return tr("PID");
    case Name:
        return tr("Name");
    case User:
        return tr("User");
    case Rss:
        return tr("RSS");
    case Access:
        return tr("Access");
    case Container:
        return tr("Container");
    case Command:
        return tr("Command line");
    }
    return {};
}

QString ProcessListModel::containerText(const ProcessInfo &p)
{
    if (!inContainer(p))
        return {};
    const QString cgroup = p.cgroup.empty() ? QStringLiteral("-") : QString::fromStdString(p.cgroup);
    if (p.namespacePid != 0 && p.namespacePid != p.pid)
        return tr("%1 · PID %2 inside").arg(cgroup).arg(p.namespacePid);
    return cgroup;
}

ProcessFilterModel::ProcessFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void ProcessFilterModel::setContainerFilter(ContainerFilter filter, const QString &cgroup)
{
    m_container = filter;
    m_cgroup = cgroup;
    invalidateFilter();
}

bool ProcessFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_container == ContainerFilter::AnyContainer && !idx.data(ProcessListModel::InContainerRole).toBool())
        return false;
    if (m_container == ContainerFilter::Cgroup && idx.data(ProcessListModel::CgroupRole).toString() != m_cgroup)
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace vmatlas::ui
