#include "livetooltip.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCursor>
#include <QHelpEvent>
#include <QTimer>
#include <QToolTip>

namespace vmatlas::ui {

void refreshToolTipAt(QWidget *widget)
{
    if (!QToolTip::isVisible() || !widget->isVisible())
        return;
    const QPoint global = QCursor::pos();
    // Only the tooltip of the widget under the pointer (another widget's stays as it is).
    if (QApplication::widgetAt(global) != widget)
        return;
    QHelpEvent help(QEvent::ToolTip, widget->mapFromGlobal(global), global);
    QCoreApplication::sendEvent(widget, &help);
}

void keepToolTipFresh(QAbstractItemView *view)
{
    QAbstractItemModel *model = view->model();
    if (!model)
        return;
    // A live tick signals many changes at once: one refresh after them, when the view has laid them out.
    auto *pending = new QTimer(view);
    pending->setSingleShot(true);
    pending->setInterval(0);
    QObject::connect(pending, &QTimer::timeout, view, [view] { refreshToolTipAt(view->viewport()); });
    const auto schedule = [pending] {
        if (QToolTip::isVisible())
            pending->start();
    };
    QObject::connect(model, &QAbstractItemModel::dataChanged, pending, schedule);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, pending, schedule);
    QObject::connect(model, &QAbstractItemModel::modelReset, pending, schedule);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, pending, schedule);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, pending, schedule);
}

} // namespace vmatlas::ui
