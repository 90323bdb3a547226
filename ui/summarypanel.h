#pragma once

#include "summarymodel.h"

#include <QWidget>

class QTableView;
class QComboBox;

class QChart;
class QBarSet;
class QValueAxis;

namespace vmatlas::ui {

// Totals by type, as a table and a bar chart (Qt Charts).
class SummaryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SummaryPanel(QWidget *parent = nullptr);
    void setTotals(const Totals &totals);
    SummaryModel *model() const { return m_model; }
    QChart *chart() const { return m_chart; }

private:
    void rebuildChart();

    SummaryModel *m_model;
    QTableView *m_table;
    QChart *m_chart;
    QBarSet *m_sets[4] {};
    QValueAxis *m_axis = nullptr;
};

} // namespace vmatlas::ui
