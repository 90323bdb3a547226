#pragma once

#include <QComboBox>

namespace vmatlas::ui {

// The toolbar's refresh choice: off, 0.5, 1, 2, 5 s, or a custom interval asked for in a dialog.
class IntervalBox : public QComboBox
{
    Q_OBJECT

public:
    explicit IntervalBox(QWidget *parent = nullptr);

    // Shows ms as the current choice (a value not in the list as "custom"), without emitting intervalChosen.
    void showInterval(int ms);
    int customInterval() const { return m_custom; }
    void setCustomInterval(int ms) { m_custom = ms; }

signals:
    void intervalChosen(int ms); // 0: off

private:
    int m_custom = 3000;
    int m_shown = 1000;
};

} // namespace vmatlas::ui
