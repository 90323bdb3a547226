#include "wraplabel.h"

#include <QResizeEvent>

#include <algorithm>

namespace vmatlas::ui {

WrapLabel::WrapLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

QSize WrapLabel::minimumSizeHint() const
{
    QSize size = QLabel::minimumSizeHint();
    if (width() > 0 && !text().isEmpty())
        size.setHeight(std::max(size.height(), heightForWidth(width())));
    return size;
}

void WrapLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    if (event->oldSize().width() != event->size().width())
        updateGeometry(); // as many lines as the new width needs
}

} // namespace vmatlas::ui
