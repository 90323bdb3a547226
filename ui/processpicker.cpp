#include "processpicker.h"

#include "containers.h"
#include "livetooltip.h"
#include "platform.h"
#include "processlistmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vmatlas::ui {

ProcessPicker::ProcessPicker(QWidget *parent, Pid preselect, Lister lister)
    : QDialog(parent)
    , m_preselect(preselect)
    , m_lister(lister ? std::move(lister) : Lister([] { return listProcesses(); }))
{
    setWindowTitle(tr("Choose a process"));
    resize(900, 560);
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter by name, PID, user or command line"));
    m_filter->setClearButtonEnabled(true);
    m_containers = new QComboBox(this);
    m_containers->setToolTip(tr("Show the processes of one container (cgroup v2 path) only"));
    m_containers->addItem(tr("All processes"));
    m_containers->addItem(tr("In a container"));
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_containers);
    layout->addLayout(filters);
    m_model = new ProcessListModel(this);
    m_proxy = new ProcessFilterModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProcessListModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProcessListModel::Rss, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    keepToolTipFresh(m_view);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(ProcessListModel::Pid, 80);
    m_view->setColumnWidth(ProcessListModel::Name, 170);
    m_view->setColumnWidth(ProcessListModel::User, 100);
    m_view->setColumnWidth(ProcessListModel::Rss, 90);
    m_view->setColumnWidth(ProcessListModel::Access, 90);
    m_view->setColumnWidth(ProcessListModel::Container, 200);
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QTableView::doubleClicked, this, &QDialog::accept);
    connect(m_filter, &QLineEdit::textChanged, this, &ProcessPicker::setFilterText);
    connect(m_containers, &QComboBox::currentIndexChanged, this, &ProcessPicker::applyContainerFilter);
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &ProcessPicker::refresh);
    m_timer.start();
    refresh();
    m_filter->setFocus();
}

void ProcessPicker::setFilterText(const QString &text)
{
    m_proxy->setFilterFixedString(text);
}

void ProcessPicker::refresh()
{
    if (m_loading)
        return;
    m_loading = true;
    QtConcurrent::run([lister = m_lister] {
        return lister();
    }).then(this, [this](Result<std::vector<ProcessInfo>> list) {
        m_loading = false;
        if (!list) {
            m_status->setText(QString::fromStdString(list.error().message));
            return;
        }
        const bool first = m_model->rowCount() == 0;
        m_model->setProcesses(std::move(list).value());
        updateContainerChoices();
        int unreadable = 0;
        for (const ProcessInfo &p : m_model->processes())
            unreadable += !p.readable;
        m_status->setText(tr("%n process(es)", nullptr, m_model->rowCount())
            + (unreadable ? tr(", %n you cannot read (greyed: they need ptrace-read access)", nullptr, unreadable)
                          : QString()));
        if (first) {
            for (int r = 0; r < m_proxy->rowCount(); ++r) {
                if (m_proxy->index(r, 0).data(ProcessListModel::PidRole).toLongLong() == m_preselect) {
                    m_view->selectRow(r);
                    m_view->scrollTo(m_proxy->index(r, 0));
                    break;
                }
            }
            if (!m_view->currentIndex().isValid())
                m_view->selectRow(0);
        }
    });
}

void ProcessPicker::updateContainerChoices()
{
    QStringList cgroups;
    for (const ProcessInfo &p : m_model->processes())
        if (inContainer(p) && !p.cgroup.empty())
            cgroups.append(QString::fromStdString(p.cgroup));
    cgroups.sort();
    cgroups.removeDuplicates();
    QStringList shown;
    for (int i = 2; i < m_containers->count(); ++i)
        shown.append(m_containers->itemText(i));
    if (shown == cgroups)
        return;
    // The chosen cgroup stays chosen while it has processes; when it has none left, all are shown.
    const QString chosen = m_containers->currentIndex() >= 2 ? m_containers->currentText() : QString();
    const int keep = m_containers->currentIndex() < 2 ? m_containers->currentIndex() : 0;
    const QSignalBlocker block(m_containers);
    while (m_containers->count() > 2)
        m_containers->removeItem(2);
    m_containers->addItems(cgroups);
    const int again = chosen.isEmpty() ? -1 : m_containers->findText(chosen);
    m_containers->setCurrentIndex(again >= 0 ? again : keep);
    applyContainerFilter();
}

void ProcessPicker::applyContainerFilter()
{
    const int i = m_containers->currentIndex();
    if (i <= 0)
        m_proxy->setContainerFilter(ProcessFilterModel::ContainerFilter::All);
    else if (i == 1)
        m_proxy->setContainerFilter(ProcessFilterModel::ContainerFilter::AnyContainer);
    else
        m_proxy->setContainerFilter(ProcessFilterModel::ContainerFilter::Cgroup, m_containers->itemText(i));
}

Pid ProcessPicker::selectedPid() const
{
    const QModelIndex idx = m_view->currentIndex();
    return idx.isValid() ? Pid(idx.data(ProcessListModel::PidRole).toLongLong()) : 0;
}

} // namespace vmatlas::ui
