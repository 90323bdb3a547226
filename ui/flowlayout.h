#pragma once

#include <QLayout>
#include <QList>

namespace vmatlas::ui {

// Lays its items out left to right and goes on to a new line where the next one does not fit, like words in a
// paragraph: a row of buttons and check boxes that a narrow dock wraps instead of being held wide by it. Its
// minimum width is its widest item's; its height follows its width (heightForWidth), and so does the minimum
// height of the widget it lays out, so that no line is cut.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // The line each item is on in the last layout applied (0 the first), in the order added.
    QList<int> lines() const;

private:
    int place(const QRect &rect, bool apply) const; // the height used; apply: set the items' geometry
    int gap() const;

    QList<QLayoutItem *> m_items;
    mutable QList<int> m_lines; // of the last applied layout
};

} // namespace vmatlas::ui
