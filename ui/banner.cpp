#include "banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace vmatlas::ui {

Banner::Banner(QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label, 1);
    m_action = new QPushButton(this);
    layout->addWidget(m_action);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide this message"));
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_onAction)
            m_onAction();
        else
            emit actionTriggered();
    });
    hide();
}

void Banner::showMessage(Kind kind, const QString &text, const QString &actionText, std::function<void()> onAction)
{
    m_kind = kind;
    m_onAction = std::move(onAction);
    m_label->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    QPalette pal = palette();
    const QColor bg = kind == Error ? QColor(0xFB, 0xE3, 0xD6)
                                    : (kind == Warning ? QColor(0xFD, 0xF3, 0xC4) : QColor(0xDC, 0xEE, 0xFA));
    pal.setColor(QPalette::Window, bg);
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(pal);
    m_label->setPalette(pal);
    show();
}

QString Banner::text() const
{
    return m_label->text();
}

} // namespace vmatlas::ui
