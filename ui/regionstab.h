#pragma once

#include "frame.h"

#include <QPersistentModelIndex>
#include <QWidget>

#include <vector>

class QGridLayout;
class QLineEdit;
class QTableView;

namespace vmatlas::ui {

class RegionFilterModel;
class RegionTableModel;
class ViewState;

// The Regions tab: every region of the shown snapshot in a sortable table with every CSV column, filtered by
// type, state and text; rows added or changed in the frame's diff are tinted.
class RegionsTab : public QWidget
{
    Q_OBJECT

public:
    explicit RegionsTab(QWidget *parent = nullptr);

    RegionTableModel *model() const { return m_model; }
    RegionFilterModel *filter() const { return m_filter; }
    QTableView *view() const { return m_table; }

    // Follows the view state: its frame and selection; the user's row choice goes to it.
    void observe(ViewState *state);
    void setFrame(FramePtr frame);
    void clear();
    // Makes the region's row current and visible, without emitting regionActivated.
    void showRegion(std::ptrdiff_t index);
    void focusSearch();
    std::vector<const Region *> selectedRegions() const;

    QByteArray saveColumns() const;
    void restoreColumns(const QByteArray &state);
    // How many lines the search field and the filter boxes take (1 to 3): the tab's width decides.
    int filterLines() const { return m_filterLines; }

signals:
    void regionActivated(std::ptrdiff_t index); // the user made a row current
    void selectedRowsChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void placeFilters();
    void filtered(); // after a filter changed: the chosen region selected again when shown

    ViewState *m_state = nullptr;
    RegionTableModel *m_model;
    RegionFilterModel *m_filter;
    QTableView *m_table;
    QLineEdit *m_search;
    QGridLayout *m_filterBar;
    QWidget *m_typeBoxes; // the type check boxes
    QWidget *m_stateBoxes;
    int m_filterLines = 0;
    bool m_syncing = false;
    QPersistentModelIndex m_chosenRow; // the row the user chose last, to choose it once
};

} // namespace vmatlas::ui
