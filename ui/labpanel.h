#pragma once

#include "labs/labs.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QRadioButton;

namespace vmatlas::ui {

class MainWindow;

// A teaching lab beside the map: its idea, its steps as buttons, the explanation of the current step
// and what each step did. The window follows the lab target; after each step the map zooms to the
// lab's region, the details show its pages, and the timeline marks the step.
class LabPanel : public QWidget
{
    Q_OBJECT

public:
    LabPanel(MainWindow *window, QWidget *parent = nullptr);
    ~LabPanel() override;

    void setExecutable(const std::string &path) { m_executable = path; }
    // Starts a lab (in the background); the panel shows it.
    void startLab(const QString &name);
    void runNextStep();
    void stopLab();

    QString labName() const;
    int stepsDone() const;
    bool busy() const { return m_busy; }
    QString log() const;
    QPushButton *nextButton() const { return m_next; }
    Pid targetA() const;
    Pid targetB() const;

signals:
    void labStarted();
    void stepFinished(int step, const QString &happened);
    void labFailed(const QString &message);

private:
    void showLab();
    void setBusy(bool busy);
    void focus(const LabStepResult &r);

    MainWindow *m_window;
    std::string m_executable;
    std::shared_ptr<LabSession> m_session;
    const LabDefinition *m_lab = nullptr;
    bool m_busy = false;
    bool m_showingB = false;
    LabStepResult m_last;
    QLabel *m_title;
    QLabel *m_summary;
    QSpinBox *m_size;
    QListWidget *m_steps;
    QTextBrowser *m_explanation;
    QTextBrowser *m_log;
    QPushButton *m_next;
    QPushButton *m_restart;
    QRadioButton *m_showA;
    QRadioButton *m_showB;
};

} // namespace vmatlas::ui
