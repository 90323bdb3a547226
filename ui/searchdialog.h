#pragma once

#include "memsearch.h"
#include "model.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeWidget;

namespace vmatlas::ui {

// Strings and search in a live process's memory: runs on a worker thread (memsearch.h) with a progress bar and a
// cancel button; at most kMaxShown results are kept (all are counted). Double-clicking a result asks the window
// to show its address on the map.
class SearchDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kMaxShown = 10000;
    static constexpr std::size_t kContext = 32; // bytes kept on each side of a match found
    enum class Mode
    {
        Strings,
        Text,
        Hex
    };

    explicit SearchDialog(QWidget *parent = nullptr);
    ~SearchDialog() override;

    // The process searched and the regions (from its shown snapshot).
    void setTarget(Pid pid, SnapshotPtr snapshot);
    void setMode(Mode mode);
    void setQuery(const QString &text);
    void setMinLength(int n);
    void setEncoding(TextEncoding e);
    void setTypes(const std::vector<RegionType> &types);

    void start();
    void cancel();
    bool running() const;
    int resultCount() const; // rows shown
    std::uint64_t hitCount() const { return m_hits; } // all found
    QString statusText() const;
    QTreeWidget *results() const { return m_results; }

signals:
    void jumpRequested(vmatlas::Address address);
    void finished(); // a search ended (done, cancelled or failed)

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Shared;
    void takeResults();
    QString matchInContext(const SearchHit &hit, bool utf16) const;
    void done();
    void updateControls();

    Pid m_pid = 0;
    SnapshotPtr m_snapshot;
    SnapshotPtr m_searched; // the regions of the running (or last) search: results index them
    std::shared_ptr<Shared> m_shared;
    QFutureWatcher<Result<SearchSummary>> m_watcher;
    std::uint64_t m_hits = 0;
    std::vector<std::string> m_patternNames;
    QStringList m_matchTexts; // each pattern as the result list shows it

    QComboBox *m_mode;
    QLineEdit *m_query;
    QSpinBox *m_minLength;
    QComboBox *m_encoding;
    QCheckBox *m_image;
    QCheckBox *m_mapped;
    QCheckBox *m_private;
    QCheckBox *m_faultIn;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTreeWidget *m_results;
    QTimer *m_poll;
};

} // namespace vmatlas::ui
