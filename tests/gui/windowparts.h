#pragma once

#include <QCoreApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QTest>
#include <QWidget>

namespace vmatlas::test {

// A part of a window (its map, table, details…), found by type: the window keeps no getter only for tests.
template <typename T> T *part(const QWidget &window)
{
    T *found = window.findChild<T *>();
    if (!found)
        qFatal("the window has no %s", T::staticMetaObject.className());
    return found;
}

// Brings every layout up to date (the window's minimum is otherwise the one before the last change), then says
// what holds a main window wider than width pixels: empty when it fits, else its minimum and each part's.
inline QString tooWideFor(QMainWindow &window, int width)
{
    QCoreApplication::processEvents();
    for (int i = 0; i < 3; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (window.minimumSizeHint().width() <= width)
        return {};
    QString parts = QStringLiteral("the window needs %1 px:").arg(window.minimumSizeHint().width());
    for (QDockWidget *d : window.findChildren<QDockWidget *>())
        if (d->isVisible())
            parts += QStringLiteral(" %1 %2,").arg(d->objectName()).arg(d->minimumSizeHint().width());
    return parts + QStringLiteral(" the centre %1").arg(window.centralWidget()->minimumSizeHint().width());
}

} // namespace vmatlas::test
