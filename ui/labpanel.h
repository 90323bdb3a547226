#pragma once

#include "labs/labs.h"

#include <QDockWidget>
#include <QWidget>

#include <memory>

class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QRadioButton;

namespace vmatlas::ui {

// A teaching lab beside the map: its idea, its steps as buttons, the explanation of the current step and what
// each step did. It holds no window: it asks (attach to a target, focus the lab's range in a process, mark the
// timeline, refresh live) and the window does it. Stopping it (or closing it) ends its lab targets.
class LabPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LabPanel(QWidget *parent = nullptr);
    ~LabPanel() override;

    void setExecutable(const std::string &path) { m_executable = path; }
    // Starts a lab (in the background); the panel shows it. autoSteps: run that many steps at once (slides).
    void startLab(const QString &name, int autoSteps = 0);
    void runNextStep();
    // Ends the lab's target processes; Restart starts afresh.
    void stopLab();
    // Whether pid was a target of the lab stopped last (its dock closed): its exit is no surprise.
    bool stoppedTarget(Pid pid) const;
    QString labTitle() const; // in the window's language

    QString labName() const;
    int stepsDone() const;
    bool busy() const { return m_busy; }
    QString log() const;
    QString explanation() const; // the box's text: the step shown (the one just run), as plain text
    QListWidget *stepList() const { return m_steps; }
    QPushButton *nextButton() const { return m_next; }
    // What the button does, whole ("Run step 1: Map a file privately"); a narrow dock shows "Run step 1" on the
    // button (the step's title is above it, in bold) and the whole text as its tooltip.
    QString nextText() const { return m_nextText; }
    const LabStepResult &lastStep() const { return m_last; } // the last step's focus ranges in A and B
    Pid targetA() const;
    Pid targetB() const;

public slots:
    // The window follows pid now: the A/B choice shows which of the lab's processes that is, if any.
    void setFollowedPid(vmatlas::Pid pid);
    // The process the window followed has exited.
    void targetExited(vmatlas::Pid pid);

signals:
    void labStarted();
    void stepFinished(int step, const QString &happened);
    void labFailed(const QString &message);
    void attachRequested(vmatlas::Pid pid);
    // Show [start, end) of process pid once a fresh snapshot of it is on screen.
    void focusRequested(vmatlas::Pid pid, vmatlas::Address start, vmatlas::Address end);
    void timelineEventRequested(const QString &text);
    // The lab wants live refresh (about every ms milliseconds) so its steps show at once.
    void intervalRequested(int ms);
    // The next step can be run now (the Next button is enabled), or not.
    void nextStepAvailable(bool available);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setNextText(const QString &text, const QString &shortText);
    void fitNextText();
    void showLab();
    void showStep(int step); // its explanation in the box
    void setBusy(bool busy);
    void focusLast();
    void continueAutoSteps();

    std::string m_executable;
    std::shared_ptr<LabSession> m_session;
    Pid m_stoppedA = 0, m_stoppedB = 0;
    const LabDefinition *m_lab = nullptr;
    bool m_busy = false;
    bool m_showingB = false;
    int m_autoSteps = 0;
    LabStepResult m_last;
    QLabel *m_title;
    QLabel *m_summary;
    QFormLayout *m_form;
    QSpinBox *m_size;
    QListWidget *m_steps;
    QTextBrowser *m_explanation;
    QTextBrowser *m_log;
    QPushButton *m_next;
    QString m_nextText, m_nextShortText;
    QPushButton *m_restart;
    QRadioButton *m_showA;
    QRadioButton *m_showB;
};

// The dock that holds the lab panel: closing it ends the lab's processes.
class LabDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit LabDock(QWidget *parent = nullptr);
    LabPanel *panel() const { return m_panel; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    LabPanel *m_panel;
};

} // namespace vmatlas::ui
