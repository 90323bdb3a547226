#pragma once

#include "model.h"

#include <QWidget>

class QLabel;
class QFormLayout;

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

private:
    void clearRows();
    void addRow(const QString &name, const QString &value, const QString &explanation = {});

    QLabel *m_title;
    QWidget *m_form;
    QFormLayout *m_layout;
    PageStrip *m_strip;
};

} // namespace vmatlas::ui
