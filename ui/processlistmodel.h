#pragma once

#include "model.h"

#include <QAbstractTableModel>

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
        Command,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1,
        PidRole,
        ReadableRole
    };

    explicit ProcessListModel(QObject *parent = nullptr);
    void setProcesses(std::vector<ProcessInfo> processes); // sorted by PID
    const std::vector<ProcessInfo> &processes() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ProcessInfo> m_rows;
};

} // namespace vmatlas::ui
