#include "hexview.h"

#include "flowlayout.h"
#include "formatting.h"
#include "wraplabel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSaveFile>
#include <QScrollBar>
#include <QStyle>
#include <QTextBlock>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <cstring>

namespace vmatlas::ui {

namespace {

// The core's dump (ASCII), with its words for pages it did not read in the window's language.
QString localizedDump(const MemoryBlock &block, bool utf16, bool textFirst)
{
    QString text = QString::fromLatin1(hexDump(block, utf16, textFirst));
    text.replace(QString::fromLatin1(pageReadName(PageRead::NotInRam)), HexView::tr("not in RAM (not read)"));
    text.replace(QLatin1String("  ") + QString::fromLatin1(pageReadName(PageRead::Unreadable)),
        QLatin1String("  ") + HexView::tr("unreadable"));
    return text;
}

} // namespace

HexView::HexView(QWidget *parent)
    : QWidget(parent)
    , m_reader([](Pid pid, Address a, std::uint64_t n, const ReadOptions &o) { return readMemory(pid, a, n, o); })
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new WrapLabel(this);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);

    auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        return b;
    };
    m_prev = button(QStringLiteral("◀"), tr("Previous 4 KiB"));
    m_next = button(QStringLiteral("▶"), tr("Next 4 KiB"));
    m_pageLabel = new QLabel(this);
    m_utf16Box = new QCheckBox(tr("UTF-16"), this);
    m_utf16Box->setToolTip(tr("Show the text column as UTF-16LE characters (Windows strings)"));
    m_copy = button(tr("Copy"), tr("Copy the shown dump to the clipboard"));
    m_save = button(tr("Save Range…"), tr("Write the bytes of the whole range to a file (pages not read are zeros)"));
    m_faultBox = new QCheckBox(tr("Read pages not in RAM"), this);
    m_faultBox->setToolTip(tr("Reading a page that is not in RAM brings it in: the process's RSS grows and you no "
                              "longer see it as it was. Off, such pages show as \"not in RAM (not read)\"."));
    // One flow of controls: the page buttons, the actions, how to read. They wrap to as many lines as the dock's
    // width needs, so that a 1024-pixel window has room for the dock beside the Lab dock (it is never held wider
    // than its widest control).
    m_controls = new QWidget(this);
    m_flow = new FlowLayout(m_controls);
    m_flow->setContentsMargins(0, 0, 0, 0);
    auto *pages = new QWidget(m_controls);
    auto *pagesLayout = new QHBoxLayout(pages);
    pagesLayout->setContentsMargins(0, 0, 0, 0);
    pagesLayout->addWidget(m_prev);
    pagesLayout->addWidget(m_pageLabel);
    pagesLayout->addWidget(m_next);
    m_flow->addWidget(pages);
    m_flow->addWidget(m_copy);
    m_flow->addWidget(m_save);
    m_flow->addWidget(m_utf16Box);
    m_flow->addWidget(m_faultBox);
    layout->addWidget(m_controls);

    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setObjectName(QStringLiteral("hexText"));
    m_text->viewport()->installEventFilter(this);
    layout->addWidget(m_text, 1);
    m_titleB = new QLabel(this);
    layout->addWidget(m_titleB);
    m_textB = new QPlainTextEdit(this);
    m_textB->setReadOnly(true);
    m_textB->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_textB->setFont(m_text->font());
    // Two lines at least, each: in a short window (1024x700, a lab's two processes) the dock stays within its
    // room rather than draw its parts over each other, and the window within the screen.
    for (QPlainTextEdit *dump : { m_text, m_textB })
        dump->setMinimumHeight(QFontMetrics(m_text->font()).lineSpacing() * 2 + 2 * dump->frameWidth() + 8
            + dump->style()->pixelMetric(QStyle::PM_ScrollBarExtent)); // a narrow dock scrolls sideways
    layout->addWidget(m_textB, 1);
    m_titleB->hide();
    m_textB->hide();
    m_status = new WrapLabel(this); // every line, even in a short dock
    m_status->setObjectName(QStringLiteral("hexStatus"));
    // A long file name in "Saved … to PATH" cannot wrap: it is cut rather than widening the dock and the window.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_status);

    connect(m_prev, &QToolButton::clicked, this, [this] {
        if (m_viewPage > 0)
            showViewPage(m_viewPage - 1);
    });
    connect(m_next, &QToolButton::clicked, this, [this] { showViewPage(m_viewPage + 1); });
    connect(m_utf16Box, &QCheckBox::toggled, this, &HexView::setUtf16);
    connect(m_faultBox, &QCheckBox::toggled, this, &HexView::setReadNotPresent);
    connect(m_copy, &QToolButton::clicked, this, &HexView::copyToClipboard);
    connect(m_save, &QToolButton::clicked, this, &HexView::saveRangeAsked);
    clear();
}

QSize HexView::sizeHint() const
{
    const QFontMetrics fm(m_text->font());
    return { fm.horizontalAdvance(QString(80, QLatin1Char('0'))) + 48, 320 };
}

Qt::Orientation HexView::readingPlacement() const
{
    const QList<int> lines = m_flow->lines();
    const int utf16 = m_flow->indexOf(m_utf16Box), fault = m_flow->indexOf(m_faultBox);
    return lines.size() > std::max(utf16, fault) && lines[utf16] == lines[fault] ? Qt::Horizontal : Qt::Vertical;
}

void HexView::setReader(Reader reader)
{
    m_reader = std::move(reader);
}

std::uint64_t HexView::viewPageCount() const
{
    return m_end > m_start ? (m_end - m_start + kViewBytes - 1) / kViewBytes : 0;
}

void HexView::clear(const QString &why)
{
    m_pid = 0;
    m_start = m_end = 0;
    m_viewPage = 0;
    m_shownAddress = 0;
    m_file.clear();
    m_pidB = 0; // a lab's other process: gone with what was shown
    m_titleB->hide();
    m_textB->hide();
    m_textB->clear();
    m_title->setText(why.isEmpty() ? tr("Select a region of a live process to see its bytes.") : why);
    m_text->clear();
    m_status->clear();
    m_pageLabel->clear();
    for (QWidget *w : std::initializer_list<QWidget *> { m_prev, m_next, m_copy, m_save })
        w->setEnabled(false);
    emit viewPageShown(0);
}

void HexView::showRange(Pid pid, Address start, Address end)
{
    if (pid <= 0 || end <= start)
        return clear();
    m_pid = pid;
    m_start = start;
    m_end = end;
    m_viewPage = 0;
    m_shownAddress = 0;
    m_file.clear();
    m_pidB = 0;
    m_titleB->hide();
    m_textB->hide();
    m_title->setText(tr("Bytes of %1 (%2), process %3").arg(hexRange(start, end), formatBytes(end - start)).arg(pid));
    refresh();
}

void HexView::setFileBacking(const QString &path, std::uint64_t fileOffsetOfStart)
{
    m_file = path;
    m_fileOffset = fileOffsetOfStart;
    if (m_pid)
        refresh();
}

void HexView::setSecond(Pid pid, Address start, const QString &title)
{
    m_pidB = pid;
    m_startB = start;
    m_titleB->setText(title);
    m_titleB->setVisible(pid > 0);
    m_textB->setVisible(pid > 0);
    if (m_pid)
        refresh();
}

QString HexView::secondDumpText() const
{
    return m_textB->isHidden() ? QString() : m_textB->toPlainText();
}

void HexView::reload()
{
    if (!m_pid)
        return;
    m_reloading = true;
    refresh();
    m_reloading = false;
}

void HexView::setUtf16(bool utf16)
{
    m_utf16 = utf16;
    if (m_utf16Box->isChecked() != utf16)
        m_utf16Box->setChecked(utf16);
    if (m_pid)
        refresh();
}

void HexView::setReadNotPresent(bool read)
{
    m_readNotPresent = read;
    if (m_faultBox->isChecked() != read)
        m_faultBox->setChecked(read);
    if (m_pid)
        refresh();
}

void HexView::showViewPage(std::uint64_t index)
{
    if (index >= viewPageCount())
        return;
    m_viewPage = index;
    refresh();
}

void HexView::showAddress(Address a)
{
    if (m_pid <= 0 || a < m_start || a >= m_end)
        return;
    m_shownAddress = a;
    showViewPage((a - m_start) / kViewBytes);
}

int HexView::firstVisibleLine() const
{
    return m_text->cursorForPosition(QPoint(0, 0)).blockNumber();
}

void HexView::scrollDumps(Address from, int keepA, int keepB)
{
    // A reload keeps where each dump was scrolled (setPlainText goes back to the top); a shown address's line is
    // brought into view, in both dumps (B's follows A's lines).
    if (m_reloading) {
        m_text->verticalScrollBar()->setValue(keepA);
        m_textB->verticalScrollBar()->setValue(keepB);
        if (!m_shownAddress)
            return;
    }
    if (!m_shownAddress || m_shownAddress < from || m_shownAddress >= from + kViewBytes)
        return;
    const QString line = QString::number((m_shownAddress - from) / 16 * 16 + from, 16);
    for (QPlainTextEdit *dump : { m_text, m_textB }) {
        if (dump == m_textB && !m_pidB)
            continue;
        // B's dump has B's addresses: the same line number.
        const QTextBlock block = m_text->document()->find(line).block();
        if (!block.isValid())
            continue;
        QTextCursor cursor(dump->document()->findBlockByNumber(block.blockNumber()));
        dump->setTextCursor(cursor);
        dump->centerCursor();
    }
}

bool HexView::wantsTextFirst() const
{
    if (!m_text->isVisible())
        return false;
    const QFontMetrics fm(m_text->font());
    const int wholeLine = fm.horizontalAdvance(QString(82, QLatin1Char('0')))
        + 2 * int(std::ceil(m_text->document()->documentMargin()));
    return m_text->viewport()->width() < wholeLine;
}

bool HexView::eventFilter(QObject *watched, QEvent *event)
{
    // A dock made narrower or wider: the dumps change their layout (the text column first, or last).
    if (event->type() == QEvent::Resize && watched == m_text->viewport() && m_pid && wantsTextFirst() != m_textFirst)
        reload();
    return QWidget::eventFilter(watched, event);
}

void HexView::refresh()
{
    m_textFirst = wantsTextFirst();
    const std::uint64_t count = viewPageCount();
    m_pageLabel->setText(tr("%1 of %2").arg(m_viewPage + 1).arg(count));
    m_prev->setEnabled(m_viewPage > 0);
    m_next->setEnabled(m_viewPage + 1 < count);
    const Address from = m_start + m_viewPage * kViewBytes;
    const std::uint64_t length = std::min<std::uint64_t>(kViewBytes, m_end - from);
    emit viewPageShown(from);
    ReadOptions options;
    options.readNotPresent = m_readNotPresent;
    const int keepA = m_text->verticalScrollBar()->value(), keepB = m_textB->verticalScrollBar()->value();
    if (m_pidB > 0) {
        auto second = m_reader(m_pidB, m_startB + (from - m_start), length, options);
        m_textB->setPlainText(second
                ? localizedDump(*second, m_utf16, m_textFirst)
                : tr("Cannot read the bytes: %1").arg(QString::fromStdString(second.error().message)));
    }
    auto block = m_reader(m_pid, from, length, options);
    if (!block) {
        m_text->clear();
        m_status->setText(tr("Cannot read the bytes: %1").arg(QString::fromStdString(block.error().message)));
        m_copy->setEnabled(false);
        m_save->setEnabled(false);
        return;
    }
    m_text->setPlainText(localizedDump(*block, m_utf16, m_textFirst));
    scrollDumps(from, keepA, keepB);
    m_copy->setEnabled(true);
    m_save->setEnabled(!m_saving);
    QString status
        = tr("Read %1; not in RAM (not read) %2; unreadable %3.")
              .arg(formatBytes(block->bytesIn(PageRead::Read)), formatBytes(block->bytesIn(PageRead::NotInRam)),
                  formatBytes(block->bytesIn(PageRead::Unreadable)));
    if (block->faultedIn) {
        status += QLatin1Char(' ')
            + tr("Pages that were not in RAM were read: they are in RAM now, and the process's RSS grew.");
        emit pagesFaultedIn(m_pid, from, from + length);
    }
    if (!m_file.isEmpty() && block->bytesIn(PageRead::Read) > 0) {
        // The file's bytes at the same place: equal, or this process's own copy (written: copy-on-write).
        QFile file(m_file);
        QByteArray onDisk;
        const bool readable
            = file.open(QIODevice::ReadOnly) && file.seek(qint64(m_fileOffset + (from - m_start))); // not deleted
        if (readable)
            onDisk = file.read(qint64(length));
        int same = 0, differ = 0;
        for (std::size_t i = 0; i < block->pages.size(); ++i) {
            if (block->pages[i] != PageRead::Read)
                continue;
            const Address lo = std::max<Address>(block->firstPage + i * block->pageSize, from);
            const Address hi = std::min<Address>(lo - lo % block->pageSize + block->pageSize, from + length);
            const std::size_t off = lo - from, n = hi - lo;
            const bool equal = off + n <= std::size_t(onDisk.size())
                && std::memcmp(block->bytes.data() + off, onDisk.constData() + off, n) == 0;
            (equal ? same : differ) += 1;
        }
        if (readable)
            status += QLatin1Char(' ')
                + (differ == 0 ? tr("The bytes read match the file's (%1).").arg(m_file)
                        : same == 0
                        ? tr("The bytes read differ from the file's (%1): this process's own copy.").arg(m_file)
                        : tr("%1 page(s) match the file's (%3), %2 differ: this process's own copies.")
                              .arg(same)
                              .arg(differ)
                              .arg(m_file));
    }
    if (!m_saving) // "Saving…" stays until it is done
        m_status->setText(status);
}

QString HexView::dumpText() const
{
    return m_text->toPlainText();
}

QString HexView::statusText() const
{
    return m_status->text();
}

void HexView::copyToClipboard() const
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_text->toPlainText());
}

namespace {

// How a save went: an error, or the bytes that could not be read and were written as zeros.
struct SaveResult
{
    QString error;
    std::uint64_t notInRam = 0, unreadable = 0;
};

// Reads [start, end) of pid and writes it to path through a QSaveFile. Touches no widget: it runs on a worker
// thread.
SaveResult saveBytes(
    const HexView::Reader &reader, Pid pid, Address start, Address end, bool readNotPresent, const QString &path)
{
    ReadOptions options;
    options.readNotPresent = readNotPresent;
    auto block = reader(pid, start, end - start, options);
    if (!block)
        return { HexView::tr("Cannot read the bytes: %1").arg(QString::fromStdString(block.error().message)) };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return { HexView::tr("Cannot write %1: %2").arg(path, file.errorString()) };
    if (file.write(block->bytes.data(), qint64(block->bytes.size())) != qint64(block->bytes.size()) || !file.commit())
        return { HexView::tr("Cannot write %1: %2").arg(path, file.errorString()) };
    return { {}, block->bytesIn(PageRead::NotInRam), block->bytesIn(PageRead::Unreadable) };
}

// What the status says once a save is done.
QString saveMessage(const SaveResult &result, std::uint64_t bytes, const QString &path)
{
    if (!result.error.isEmpty())
        return result.error;
    QString text = HexView::tr("Saved %1 to %2.").arg(formatBytes(bytes), path);
    QStringList zeros;
    if (result.notInRam > 0)
        zeros << HexView::tr("%1 not in RAM (not read)").arg(formatBytes(result.notInRam));
    if (result.unreadable > 0)
        zeros << HexView::tr("%1 unreadable").arg(formatBytes(result.unreadable));
    if (!zeros.isEmpty())
        text += QLatin1Char(' ') + HexView::tr("Zeros in the file: %1.").arg(zeros.join(HexView::tr(", ")));
    return text;
}

} // namespace

QString HexView::saveRangeTo(const QString &path)
{
    if (!m_pid)
        return tr("Nothing to save: no range is shown.");
    if (m_end - m_start > kMaxReadLength)
        return tr("The range is %1; at most %2 are saved at once. Select a smaller range (drag on the map).")
            .arg(formatBytes(m_end - m_start), formatBytes(kMaxReadLength));
    return saveBytes(m_reader, m_pid, m_start, m_end, m_readNotPresent, path).error;
}

void HexView::saveRangeInBackground(const QString &path)
{
    const auto done = [this](const SaveResult &result, std::uint64_t bytes, const QString &to) {
        m_saving = false;
        m_save->setEnabled(m_pid != 0);
        m_status->setText(saveMessage(result, bytes, to));
        emit saveFinished(result.error, m_status->text());
    };
    if (!m_pid || m_end - m_start > kMaxReadLength)
        return done({ saveRangeTo(path) }, 0, path); // the message, without a thread
    m_saving = true;
    m_save->setEnabled(false);
    m_status->setText(tr("Saving %1 to %2…").arg(formatBytes(m_end - m_start), path));
    QPointer<HexView> self(this);
    const std::uint64_t bytes = m_end - m_start;
    QThreadPool::globalInstance()->start([self, done, reader = m_reader, pid = m_pid, start = m_start, end = m_end,
                                             all = m_readNotPresent, path, bytes] {
        const SaveResult result = saveBytes(reader, pid, start, end, all, path);
        QMetaObject::invokeMethod(
            qApp,
            [self, done, result, bytes, path] {
                if (self)
                    done(result, bytes, path);
            },
            Qt::QueuedConnection);
    });
}

void HexView::saveRangeAsked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the range's bytes"),
        QStringLiteral("vmatlas-%1-%2.bin").arg(m_pid).arg(hexAddress(m_start)),
        tr("Raw bytes (*.bin);;All files (*)"));
    if (path.isEmpty())
        return;
    saveRangeInBackground(path);
}

} // namespace vmatlas::ui
