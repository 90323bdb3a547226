#pragma once

#include "model.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <vector>

namespace vmatlas::ui {

// Processes for the picker. Refreshes merge by PID (inserts, removes, changed cells).
class ProcessListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Columns
    {
        Pid,
        Name,
        User,
        Rss,
        Access,
        Container,
        Command,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1,
        PidRole,
        ReadableRole,
        CgroupRole, // the cgroup v2 path ("" when not known)
        InContainerRole // bool: a PID namespace of its own, or a cgroup other than the root
    };

    explicit ProcessListModel(QObject *parent = nullptr);
    void setProcesses(std::vector<ProcessInfo> processes); // sorted by PID
    const std::vector<ProcessInfo> &processes() const { return m_rows; }
    // "/docker/1f3 · PID 1 inside"; empty when the process is not in a container.
    static QString containerText(const ProcessInfo &p);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ProcessInfo> m_rows;
};

// The picker's filter: the typed text in any column, and the container chosen (all, any container, or one
// cgroup).
class ProcessFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class ContainerFilter
    {
        All,
        AnyContainer,
        Cgroup
    };
    explicit ProcessFilterModel(QObject *parent = nullptr);
    void setContainerFilter(ContainerFilter filter, const QString &cgroup = {});

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ContainerFilter m_container = ContainerFilter::All;
    QString m_cgroup;
};

} // namespace vmatlas::ui
