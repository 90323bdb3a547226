#pragma once

#include "frame.h"

#include <QWidget>

class QTextBrowser;

namespace vmatlas::ui {

// The Limits tab: how close the process is to running out of address space (largest free block and the
// free-space histogram), of mappings (vm.max_map_count), of commit charge (the page file of the article:
// RAM + swap, and the overcommit policy), of RLIMIT_AS and of its cgroup's memory. Read off the GUI thread
// when a frame of a live process is shown and the tab is visible; a saved snapshot shows its address space.
class LimitsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LimitsPanel(QWidget *parent = nullptr);
    // live: the snapshot's process can still be read.
    void setFrame(FramePtr frame, bool live);
    QString text() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();

    FramePtr m_frame;
    bool m_live = false;
    bool m_stale = true;
    int m_generation = 0;
    QTextBrowser *m_view;
};

} // namespace vmatlas::ui
