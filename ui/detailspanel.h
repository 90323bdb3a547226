#pragma once

#include "model.h"

#include <QWidget>

#include <functional>

class QLabel;
class QFormLayout;
class QScrollArea;

namespace vmatlas::ui {

class PageStrip;
class ViewState;

// Everything about the selected region: bounds, type, protection, path, label, every counter with a
// one-line explanation (and the Windows word for it), and its page strip.
class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DetailsPanel(QWidget *parent = nullptr);
    // Follows the view state: the selected region, or the measured range, of the shown frame.
    void observe(ViewState *state);
    void setRegion(const Region *region, SnapshotPtr snapshot);
    void setRange(Address start, Address end, SnapshotPtr snapshot); // a dragged range
    void setProcessSummary(const QString &title, const std::vector<std::pair<std::string, std::string>> &fields);
    PageStrip *pageStrip() const { return m_strip; }
    QString text() const; // for tests: everything shown, as plain text

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void clearRows();
    void addRow(const QString &name, const QString &value, const QString &explanation = {});

    QLabel *m_title;
    QScrollArea *m_scroll;
    QWidget *m_form;
    QFormLayout *m_layout;
    PageStrip *m_strip;
    // Short (a 1024x700 window, a lab's two processes): each row's explanation is in its tooltip only, so that
    // the rows themselves, RSS and PSS among them, are in view.
    bool m_compact = false;
    std::function<void()> m_refill; // the rows again, as last filled
};

} // namespace vmatlas::ui
