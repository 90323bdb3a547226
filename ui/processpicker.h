#pragma once

#include "model.h"
#include "result.h"

#include <functional>
#include <vector>

#include <QDialog>
#include <QTimer>

class QComboBox;
class QLineEdit;
class QTableView;
class QLabel;

namespace vmatlas::ui {

class ProcessFilterModel;
class ProcessListModel;

// Pick a process: name, PID, user, RSS, container, command line; filter by container; type to filter; refreshes while
// open. Processes you cannot read stay listed, greyed, with the reason in their tooltip.
class ProcessPicker : public QDialog
{
    Q_OBJECT

public:
    using Lister = std::function<Result<std::vector<ProcessInfo>>()>;
    // lister: where the processes come from (this machine's when empty; a remote host's with --host).
    explicit ProcessPicker(QWidget *parent = nullptr, Pid preselect = 0, Lister lister = {});
    Pid selectedPid() const;
    ProcessListModel *model() const { return m_model; }
    void setFilterText(const QString &text);
    // The container filter's entries: all processes, any container, then one per cgroup; index as listed.
    QComboBox *containerBox() const { return m_containers; }
    void refresh();

private:
    void updateContainerChoices();
    void applyContainerFilter();

    ProcessListModel *m_model;
    ProcessFilterModel *m_proxy;
    QComboBox *m_containers;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_status;
    QTimer m_timer;
    Pid m_preselect;
    bool m_loading = false;
    Lister m_lister;
};

} // namespace vmatlas::ui
