#pragma once

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

} // namespace vmatlas::test
