#pragma once

#include "model.h"

#include <QDialog>
#include <QTimer>

class QLineEdit;
class QTableView;
class QLabel;
class QSortFilterProxyModel;

namespace vmatlas::ui {

class ProcessListModel;

// Pick a process: name, PID, user, RSS, command line; type to filter; refreshes while open. Processes
// you cannot read stay listed, greyed, with the reason in their tooltip.
class ProcessPicker : public QDialog
{
    Q_OBJECT

public:
    explicit ProcessPicker(QWidget *parent = nullptr, Pid preselect = 0);
    Pid selectedPid() const;
    ProcessListModel *model() const { return m_model; }
    void setFilterText(const QString &text);
    void refresh();

private:
    ProcessListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_status;
    QTimer m_timer;
    Pid m_preselect;
    bool m_loading = false;
};

} // namespace vmatlas::ui
