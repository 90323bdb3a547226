#pragma once

#include "inspect.h"
#include "model.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace vmatlas::ui {

class FlowLayout;

// The bytes of a range of a live process (the selected region or page): address, hex and text (ASCII, or
// UTF-16LE on demand), a view page at a time. Only pages in RAM are read unless the user asks, and then it says
// what that did. Copy puts the shown dump on the clipboard; "Save range" writes the whole range's bytes.
class HexView : public QWidget
{
    Q_OBJECT

public:
    using Reader = std::function<Result<MemoryBlock>(Pid, Address, std::uint64_t, const ReadOptions &)>;
    static constexpr std::uint64_t kViewBytes = 4096; // one view page

    explicit HexView(QWidget *parent = nullptr);
    void setReader(Reader reader); // tests read from elsewhere; default readMemory

    // Shows [start, end) of process pid from its first view page. pid 0: nothing (with why, when given).
    void showRange(Pid pid, Address start, Address end);
    // The file behind the range (a file mapping): each page read is compared with the file's bytes at
    // fileOffset + (page - start), so a copy-on-write page shows as the process's own. Empty path: none.
    void setFileBacking(const QString &path, std::uint64_t fileOffsetOfStart);
    // Reads the shown page again (a live refresh), staying on it.
    void reload();
    // A second process's view of the same bytes (a lab's process B), below the first: its range starts at start,
    // and it follows the view pages. pid 0: none. showRange() clears it.
    void setSecond(Pid pid, Address start, const QString &title);
    QString secondDumpText() const;
    void clear(const QString &why = {});
    void setUtf16(bool utf16);
    void setReadNotPresent(bool read);
    void showViewPage(std::uint64_t index);
    // The view page holding address a, when the shown range holds it (a search hit, what a lab step wrote), its
    // line in view in both dumps, through live reloads too (until another range is shown).
    void showAddress(Address a);
    // The first line of the dump in view (0: the top), for tests.
    int firstVisibleLine() const;
    std::uint64_t viewPage() const { return m_viewPage; }
    std::uint64_t viewPageCount() const;

    QString dumpText() const; // what is shown
    QString statusText() const;
    // Writes the range's bytes through a QSaveFile; an error message, or empty when it worked.
    QString saveRangeTo(const QString &path);
    // The same on a worker thread (up to 64 MiB: the window stays responsive); the status line says when it is
    // done (and how much of the file is zeros, for pages not read), and saveFinished() is emitted.
    void saveRangeInBackground(const QString &path);
    bool saving() const { return m_saving; }
    void copyToClipboard() const;
    // Wide enough for a whole dump line: the dock starts that wide where the window has room.
    QSize sizeHint() const override;
    // How the two reading check boxes are placed: side by side (on one line), or one under the other.
    Qt::Orientation readingPlacement() const;
    // The dumps put the text column before the bytes: the view is too narrow for a whole line (a 1024-pixel
    // window), and the text says what the bytes are.
    bool textFirst() const { return m_textFirst; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void pagesFaultedIn(vmatlas::Pid pid, vmatlas::Address start, vmatlas::Address end);
    // error: empty when the file was written; message: what the status line says (zeros written included).
    void saveFinished(const QString &error, const QString &message);
    // The first address of the view page now shown (0: none), for the page strip to mark it.
    void viewPageShown(vmatlas::Address address);

private:
    void refresh();
    bool wantsTextFirst() const;
    void saveRangeAsked();
    void scrollDumps(Address from, int keepA, int keepB);

    Reader m_reader;
    Pid m_pid = 0;
    Address m_start = 0, m_end = 0;
    std::uint64_t m_viewPage = 0;
    Address m_shownAddress = 0; // showAddress's, kept in view (0: none)
    bool m_reloading = false; // a live reload: the dumps keep their scroll
    bool m_utf16 = false;
    bool m_textFirst = false;
    bool m_readNotPresent = false;
    bool m_saving = false;
    QString m_file;
    Pid m_pidB = 0;
    Address m_startB = 0;
    QLabel *m_titleB;
    QPlainTextEdit *m_textB;
    std::uint64_t m_fileOffset = 0;

    QLabel *m_title;
    QLabel *m_status;
    QPlainTextEdit *m_text;
    QToolButton *m_prev; // tool buttons: compact, so that the controls take two lines in a narrow dock
    QToolButton *m_next;
    QLabel *m_pageLabel;
    QCheckBox *m_utf16Box;
    QCheckBox *m_faultBox;
    QWidget *m_controls; // page buttons, actions, check boxes: one flow (FlowLayout)
    FlowLayout *m_flow;
    QToolButton *m_copy;
    QToolButton *m_save;
};

} // namespace vmatlas::ui
