#include "intervalbox.h"

#include <QInputDialog>

namespace vmatlas::ui {

IntervalBox::IntervalBox(QWidget *parent)
    : QComboBox(parent)
{
    const std::pair<const char *, int> choices[] = {
        { QT_TR_NOOP("Off"), 0 },
        { QT_TR_NOOP("0.5 s"), 500 },
        { QT_TR_NOOP("1 s"), 1000 },
        { QT_TR_NOOP("2 s"), 2000 },
        { QT_TR_NOOP("5 s"), 5000 },
        { QT_TR_NOOP("Custom…"), -1 },
    };
    for (const auto &[text, ms] : choices)
        addItem(tr(text), ms);
    setToolTip(tr("How often a new snapshot is taken"));
    connect(this, &QComboBox::activated, this, [this](int index) {
        int ms = itemData(index).toInt();
        if (ms < 0) {
            bool ok = false;
            ms = QInputDialog::getInt(this, tr("Refresh interval"),
                tr("Milliseconds between snapshots (at least 100):"), m_custom, 100, 3600000, 100, &ok);
            if (!ok) {
                showInterval(m_shown);
                return;
            }
            m_custom = ms;
        }
        emit intervalChosen(ms);
    });
}

void IntervalBox::showInterval(int ms)
{
    m_shown = ms;
    int index = -1;
    for (int i = 0; i < count(); ++i)
        if (itemData(i).toInt() == ms)
            index = i;
    if (index < 0) {
        index = count() - 1;
        setItemText(index, tr("%1 s (custom)").arg(ms / 1000.0));
    }
    const QSignalBlocker block(this);
    setCurrentIndex(index);
}

} // namespace vmatlas::ui
