#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace vmatlas::ui {

// A message across the top of the window (never a modal box): an error, a process that exited.
class Banner : public QFrame
{
    Q_OBJECT

public:
    enum Kind
    {
        Info,
        Warning,
        Error
    };
    explicit Banner(QWidget *parent = nullptr);
    // The button, where actionText is given, calls onAction, or (without one) emits actionTriggered.
    void showMessage(
        Kind kind, const QString &text, const QString &actionText = {}, std::function<void()> onAction = {});
    QString text() const;
    Kind kind() const { return m_kind; }

signals:
    void actionTriggered();

private:
    QLabel *m_label;
    QPushButton *m_action;
    std::function<void()> m_onAction;
    Kind m_kind = Info;
};

} // namespace vmatlas::ui
