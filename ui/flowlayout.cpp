#include "flowlayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace vmatlas::ui {

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return place(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // All on one line.
    int width = 0, height = 0, shown = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width() + (shown++ ? gap() : 0);
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    const int height = place(rect, true);
    // Every line whole: where the widget is short of height (a short dock), its neighbours give way, not these
    // lines (the widget's minimum height follows its width; the same width gives the same height).
    if (QWidget *owner = parentWidget(); owner && owner->minimumHeight() != height)
        owner->setMinimumHeight(height);
}

QList<int> FlowLayout::lines() const
{
    return m_lines;
}

int FlowLayout::gap() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *owner = parentWidget();
    return owner ? owner->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, owner) : 6;
}

int FlowLayout::place(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    int x = area.x(), y = area.y(), lineHeight = 0, line = 0;
    QList<int> lines;
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty()) {
            lines.append(line);
            continue;
        }
        const QSize size = item->sizeHint().boundedTo(QSize(area.width(), QWIDGETSIZE_MAX));
        if (x > area.x() && x + size.width() > area.x() + area.width()) { // a new line
            x = area.x();
            y += lineHeight + gap();
            lineHeight = 0;
            ++line;
        }
        if (apply)
            item->setGeometry(QRect(QPoint(x, y), size));
        lines.append(line);
        x += size.width() + gap();
        lineHeight = std::max(lineHeight, size.height());
    }
    if (apply)
        m_lines = lines;
    return y + lineHeight - rect.y() + contentsMargins().bottom();
}

} // namespace vmatlas::ui
