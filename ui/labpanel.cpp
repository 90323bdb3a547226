#include "labpanel.h"

#include "platform.h"
#include "uitext.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTextBrowser>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vmatlas::ui {

namespace {
// Lab texts come from the Qt-free core, marked for translation in context "Lab".
QString labText(const std::string &text)
{
    return QCoreApplication::translate("Lab", text.c_str());
}

// A push button's width for a text, as QPushButton::sizeHint reckons it.
int buttonWidthFor(const QPushButton *button, const QString &text)
{
    QStyleOptionButton option;
    option.initFrom(button);
    option.text = text;
    const QSize textSize = button->fontMetrics().size(Qt::TextShowMnemonic, text);
    return button->style()->sizeFromContents(QStyle::CT_PushButton, &option, textSize, button).width();
}

// Checks one of two radio buttons, or neither.
void checkOnly(QRadioButton *a, QRadioButton *b, QRadioButton *on)
{
    const QSignalBlocker blockA(a), blockB(b);
    a->setAutoExclusive(false);
    b->setAutoExclusive(false);
    a->setChecked(on == a);
    b->setChecked(on == b);
    a->setAutoExclusive(true);
    b->setAutoExclusive(true);
}
} // namespace

LabPanel::LabPanel(QWidget *parent)
    : QWidget(parent)
    , m_executable(currentExecutable())
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(tr("No lab running"), this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_form = new QFormLayout();
    m_size = new QSpinBox(this);
    m_size->setRange(1, 1024 * 1024);
    m_size->setSuffix(tr(" KiB"));
    m_size->setToolTip(
        tr("The lab's main size: a whole number of pages, at most 1 GiB. Takes effect when the lab (re)starts."));
    m_form->addRow(tr("Size"), m_size);
    auto *which = new QHBoxLayout();
    m_showA = new QRadioButton(tr("process A"), this);
    m_showB = new QRadioButton(tr("process B"), this);
    m_showA->setChecked(true);
    m_showB->setEnabled(false);
    which->addWidget(m_showA);
    which->addWidget(m_showB);
    which->addStretch();
    m_form->addRow(tr("Show"), which);
    layout->addLayout(m_form);
    m_steps = new QListWidget(this);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setToolTip(tr("Click a step to read what it does"));
    layout->addWidget(m_steps);
    connect(m_steps, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { showStep(m_steps->row(item)); });
    auto *buttons = new QHBoxLayout();
    m_next = new QPushButton(this);
    m_next->setDefault(true);
    // Its text does not set the dock's width (fitNextText): in a 1024-pixel window the dock is narrow.
    m_next->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_next->installEventFilter(this);
    setNextText(tr("Run the next step"), {});
    m_restart = new QPushButton(tr("Restart"), this);
    buttons->addWidget(m_next, 1);
    buttons->addWidget(m_restart);
    layout->addLayout(buttons);
    m_explanation = new QTextBrowser(this);
    m_explanation->setMinimumHeight(90);
    layout->addWidget(m_explanation, 1);
    auto *logTitle = new QLabel(tr("What happened"), this);
    logTitle->setFont(f);
    layout->addWidget(logTitle);
    m_log = new QTextBrowser(this);
    layout->addWidget(m_log, 1);
    m_next->setEnabled(false);
    m_restart->setEnabled(false);

    connect(m_next, &QPushButton::clicked, this, &LabPanel::runNextStep);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (m_lab)
            startLab(QString::fromStdString(m_lab->name));
    });
    auto showTarget = [this](bool checked) {
        if (!checked || !m_session)
            return;
        m_showingB = m_showB->isChecked();
        const Pid pid = m_showingB ? m_session->pidB() : m_session->pidA();
        if (pid <= 0)
            return;
        emit attachRequested(pid);
        focusLast();
    };
    connect(m_showA, &QRadioButton::toggled, this, showTarget);
    connect(m_showB, &QRadioButton::toggled, this, showTarget);
}

LabPanel::~LabPanel()
{
    // A step still running holds the session; it ends with it.
    m_session.reset();
}

QString LabPanel::labName() const
{
    return m_lab ? QString::fromStdString(m_lab->name) : QString();
}

QString LabPanel::labTitle() const
{
    return m_lab ? labText(m_lab->title) : QString();
}

bool LabPanel::stoppedTarget(Pid pid) const
{
    return pid > 0 && (pid == m_stoppedA || pid == m_stoppedB);
}

int LabPanel::stepsDone() const
{
    return m_session ? m_session->nextStep() : 0;
}

Pid LabPanel::targetA() const
{
    return m_session ? m_session->pidA() : 0;
}

Pid LabPanel::targetB() const
{
    return m_session ? m_session->pidB() : 0;
}

QString LabPanel::log() const
{
    return m_log->toPlainText();
}

void LabPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_next->setEnabled(!busy && m_session && !m_session->finished());
    m_restart->setEnabled(!busy && m_lab);
}

void LabPanel::setFollowedPid(Pid pid)
{
    const bool isA = m_session && pid == m_session->pidA();
    const bool isB = m_session && pid > 0 && pid == m_session->pidB();
    checkOnly(m_showA, m_showB, isA ? m_showA : (isB ? m_showB : nullptr));
    m_showingB = isB;
}

void LabPanel::targetExited(Pid pid)
{
    if (!m_session || m_busy || (pid != m_session->pidA() && pid != m_session->pidB()))
        return;
    m_log->append(tr("<b>The lab target has exited.</b> Restart the lab to go on."));
    m_next->setEnabled(false);
}

void LabPanel::startLab(const QString &name, int autoSteps)
{
    const LabDefinition *lab = findLab(name.toStdString());
    if (!lab || m_busy)
        return;
    m_autoSteps = autoSteps;
    if (m_lab != lab) {
        // A fresh lab starts at its default size.
        m_size->setValue(int(std::max<std::uint64_t>(lab->defaultSize / 1024, 1)));
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_size)))
            label->setText(lab->sizeLabel ? labText(lab->sizeLabel) : tr("Size"));
        m_form->setRowVisible(m_size, lab->sizeAdjustable);
        m_form->setRowVisible(1, lab->secondProcess);
    }
    m_lab = lab;
    m_session.reset();
    m_last = {};
    m_showingB = false;
    checkOnly(m_showA, m_showB, m_showA);
    m_showB->setEnabled(false);
    showLab();
    m_log->clear();
    m_log->append(tr("Starting the lab target…"));
    setBusy(true);
    LabOptions options;
    options.size = lab->sizeAdjustable ? std::uint64_t(m_size->value()) * 1024 : 0;
    const std::string exe = m_executable;
    const std::string labName = lab->name;
    QtConcurrent::run([labName, exe, options]() -> Result<std::shared_ptr<LabSession>> {
        auto s = LabSession::start(labName, exe, options);
        if (!s)
            return s.error();
        return std::shared_ptr<LabSession>(std::move(s).value());
    }).then(this, [this, lab](Result<std::shared_ptr<LabSession>> s) {
        if (lab != m_lab)
            return; // another lab was chosen meanwhile
        setBusy(false);
        if (!s) {
            const QString message = QString::fromStdString(s.error().message);
            m_log->append(tr("<b>The lab could not start:</b> %1").arg(message.toHtmlEscaped()));
            emit labFailed(message);
            return;
        }
        m_session = std::move(s).value();
        m_log->append(tr("Lab target A is process %1. Run the steps in order.").arg(m_session->pidA()));
        emit attachRequested(m_session->pidA());
        emit intervalRequested(1000);
        showLab();
        setBusy(false);
        emit labStarted();
        continueAutoSteps();
    });
}

void LabPanel::continueAutoSteps()
{
    if (m_session && stepsDone() < m_autoSteps)
        QTimer::singleShot(700, this, &LabPanel::runNextStep);
}

void LabPanel::showLab()
{
    if (!m_lab)
        return;
    m_title->setText(labText(m_lab->title));
    m_summary->setText(labText(m_lab->summary));
    m_steps->clear();
    const int done = m_session ? m_session->nextStep() : 0;
    for (std::size_t i = 0; i < m_lab->steps.size(); ++i) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1. %2%3")
                .arg(i + 1)
                .arg(labText(m_lab->steps[i].title), int(i) < done ? QStringLiteral("  ✓") : QString()),
            m_steps);
        if (int(i) == done) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    }
    // As high as its steps (five at most), no higher: the explanation and the report below get the rest.
    int rows = 0;
    for (int i = 0; i < m_steps->count(); ++i)
        rows += m_steps->sizeHintForRow(i);
    m_steps->setFixedHeight(std::min(140, rows + 2 * m_steps->frameWidth() + 4));
    if (done < int(m_lab->steps.size()))
        setNextText(tr("Run step %1: %2").arg(done + 1).arg(labText(m_lab->steps[std::size_t(done)].title)),
            tr("Run step %1").arg(done + 1));
    else
        setNextText(tr("The lab is done"), {});
    // The step the map shows, the one just run (the first one before any): its explanation beside what it did.
    showStep(std::max(0, done - 1));
}

void LabPanel::showStep(int step)
{
    if (!m_lab || step < 0 || step >= int(m_lab->steps.size()))
        return;
    const int done = m_session ? m_session->nextStep() : 0;
    const LabStep &s = m_lab->steps[std::size_t(step)];
    QString html = QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                       .arg((step < done ? tr("Step %1, done: %2") : tr("Step %1: %2"))
                                .arg(step + 1)
                                .arg(labText(s.title))
                                .toHtmlEscaped(),
                           labText(s.explanation).toHtmlEscaped());
    // The next step is named on the Run button (a hint here was out of sight at 1024x700).
    if (done >= int(m_lab->steps.size()))
        html += tr("<p><b>Done.</b> Restart to run it again, or choose another lab from the Labs menu.</p>");
    m_explanation->setHtml(html);
}

QString LabPanel::explanation() const
{
    return m_explanation->toPlainText();
}

void LabPanel::setNextText(const QString &text, const QString &shortText)
{
    m_nextText = text;
    m_nextShortText = shortText.isEmpty() ? text : shortText;
    m_next->setToolTip(text);
    m_next->setMinimumWidth(buttonWidthFor(m_next, m_nextShortText));
    fitNextText();
}

void LabPanel::fitNextText()
{
    const QString &text = buttonWidthFor(m_next, m_nextText) <= m_next->width() ? m_nextText : m_nextShortText;
    if (m_next->text() != text)
        m_next->setText(text);
}

bool LabPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_next && event->type() == QEvent::Resize)
        fitNextText();
    if (watched == m_next && event->type() == QEvent::EnabledChange)
        emit nextStepAvailable(m_next->isEnabled());
    return QWidget::eventFilter(watched, event);
}

void LabPanel::runNextStep()
{
    if (!m_session || m_busy || m_session->finished())
        return;
    // A tooltip left by the pointer resting on the map would cover the step's pages (a presenter's clicker runs
    // the steps with the pointer wherever it was); it comes back when the pointer moves.
    QToolTip::hideText();
    setBusy(true);
    std::shared_ptr<LabSession> session = m_session;
    const int step = session->nextStep();
    QtConcurrent::run([session] {
        return session->runNextStep();
    }).then(this, [this, session, step](Result<LabStepResult> r) {
        if (session != m_session)
            return; // restarted or stopped meanwhile
        setBusy(false);
        if (!r) {
            m_log->append(tr("<b>Step %1 failed:</b> %2")
                              .arg(step + 1)
                              .arg(QString::fromStdString(r.error().message).toHtmlEscaped()));
            if (r.error().code == ErrorCode::ProcessExited) {
                m_log->append(tr("The lab target has exited. Restart the lab to go on."));
                m_next->setEnabled(false);
            }
            emit labFailed(QString::fromStdString(r.error().message));
            return;
        }
        m_last = *r;
        const QString happened = labReportText(*r);
        m_log->append(QStringLiteral("<b>%1.</b> %2").arg(step + 1).arg(happened.toHtmlEscaped()));
        emit timelineEventRequested(
            tr("step %1: %2").arg(step + 1).arg(labText(m_lab->steps[std::size_t(step)].title)));
        if (session->pidB() > 0)
            m_showB->setEnabled(true);
        showLab();
        focusLast();
        emit stepFinished(step + 1, happened);
        continueAutoSteps();
    });
}

void LabPanel::focusLast()
{
    if (!m_session)
        return;
    const Pid pid = m_showingB ? m_session->pidB() : m_session->pidA();
    const Address start = m_showingB ? m_last.focusStartB : m_last.focusStart;
    const Address end = m_showingB ? m_last.focusEndB : m_last.focusEnd;
    if (pid > 0 && end > start)
        emit focusRequested(pid, start, end);
}

void LabPanel::stopLab()
{
    if (!m_session)
        return;
    m_stoppedA = m_session->pidA();
    m_stoppedB = m_session->pidB();
    m_session.reset(); // ends the targets (a step still running holds the session until it returns)
    m_autoSteps = 0;
    m_showB->setEnabled(false);
    setBusy(false);
    m_log->append(tr("The lab was stopped; its processes have ended."));
}

LabDock::LabDock(QWidget *parent)
    : QDockWidget(tr("Lab"), parent)
    , m_panel(new LabPanel(this))
{
    setObjectName(QStringLiteral("labDock"));
    setWidget(m_panel);
    // Its text wraps: narrow enough that a 1024-pixel window still has the map, the details and the bytes beside
    // it (MainWindow makes it wider where there is room).
    setMinimumWidth(260);
}

void LabDock::closeEvent(QCloseEvent *event)
{
    m_panel->stopLab();
    QDockWidget::closeEvent(event);
}

} // namespace vmatlas::ui
