#pragma once

#include "frame.h"
#include "summarymodel.h"
#include "usesummarymodel.h"

#include <QWidget>

class QLabel;
class QTableView;
class QComboBox;
class QSplitter;

class QChart;
class QBarSet;
class QValueAxis;
class QBarCategoryAxis;

namespace vmatlas::ui {

// What the memory is for and where it is: by use (VMMap's table, with the working-set columns and how they
// add up to the kernel's own counters) and by type (a table and a bar chart).
class SummaryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SummaryPanel(QWidget *parent = nullptr);
    void setFrame(const SnapshotFrame &frame);
    void setTotals(const Totals &totals);
    SummaryModel *model() const { return m_model; }
    UseSummaryModel *useModel() const { return m_useModel; }
    QString reconciliationText() const;
    // Above the tables once a live tick's PSS, shared, private and dirty totals were of an earlier full read: how
    // old they are, or that every counter is fresh after a full read (the line stays, so the tables do not jump).
    QString counterAgeText() const;
    void clearCounterAge(); // another process or a file: no line until a live tick carries counters again
    QChart *chart() const { return m_chart; }
    // The by-type chart beside its table (Qt::Horizontal) or below it (Qt::Vertical, in a narrow window).
    Qt::Orientation chartPlacement() const;
    // "How it adds up" beside the by-use table (Qt::Horizontal) or below it (Qt::Vertical), where the table's
    // columns would not show beside it.
    Qt::Orientation reconciliationPlacement() const;
    // Whether the chart's plot gives each category ("Committed", "RSS"…) the width of its label: Qt Charts cuts a
    // label wider than its category ("Comm…"). The text says how wide each is.
    bool chartLabelsFit() const; // and its plot high enough to read (80 px)
    // False where the by-type page has room for neither placement: the table alone.
    bool chartShown() const;
    QString chartLabelsFitText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuildChart();
    void placeChart();
    int widestCategoryLabel() const;
    int chartWidthNeeded() const; // for whole category labels
    double labelRoom(double axisWidth) const; // what a category label gets
    int labelNeeds() const; // what the widest takes
    int chartHeightNeeded() const; // for a plot to read

    SummaryModel *m_model;
    UseSummaryModel *m_useModel;
    QLabel *m_reconciliation;
    QLabel *m_counterAge;
    QTableView *m_table;
    QTableView *m_useTable;
    QSplitter *m_byUseSplit;
    QSplitter *m_byTypeSplit;
    QChart *m_chart;
    QWidget *m_chartView = nullptr;
    QBarSet *m_sets[4] {};
    QValueAxis *m_axis = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
};

} // namespace vmatlas::ui
