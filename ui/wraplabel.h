#pragma once

#include <QLabel>

namespace vmatlas::ui {

// A word-wrapped label whose minimum height is that of its text at its width: a dock's layout (QMainWindow's
// does not ask heightForWidth) gives it every line instead of cutting the last ones off in a short window.
class WrapLabel : public QLabel
{
public:
    explicit WrapLabel(QWidget *parent = nullptr);
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
};

} // namespace vmatlas::ui
