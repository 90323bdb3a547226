#include "searchdialog.h"

#include "formatting.h"
#include "uitext.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>

namespace vmatlas::ui {

namespace {

// Bytes as text: printable ASCII as it is, anything else as a middle dot. UTF-16: two bytes a character; when
// alignEnd, the pairs end where the bytes end (an odd byte at the front is dropped).
QString printableBytes(std::string_view bytes, bool utf16, bool alignEnd)
{
    QString out;
    const std::size_t step = utf16 ? 2 : 1;
    for (std::size_t i = utf16 && alignEnd ? bytes.size() % 2 : 0; i + step <= bytes.size(); i += step) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const bool printable = c >= 0x20 && c < 0x7f && (!utf16 || bytes[i + 1] == 0);
        out += printable ? QChar(char16_t(c)) : QChar(0x00b7);
    }
    return out;
}

} // namespace

// What the worker and the dialog share: the worker writes, a timer on the GUI thread reads (no signal per hit).
struct SearchDialog::Shared
{
    std::atomic<bool> cancel { false };
    std::atomic<std::uint64_t> done { 0 };
    std::atomic<std::uint64_t> total { 0 };
    std::atomic<std::uint64_t> hits { 0 };
    std::mutex mutex;
    std::vector<SearchHit> pending; // not yet shown; at most kMaxShown kept in all
    std::size_t kept = 0;
};

SearchDialog::SearchDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Strings and Search"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_mode = new QComboBox(this);
    m_mode->addItems({ tr("Strings"), tr("Find text"), tr("Find hex bytes") });
    form->addRow(tr("What:"), m_mode);
    m_query = new QLineEdit(this);
    m_query->setPlaceholderText(tr("text, or hex bytes such as 48 65 6c 6c 6f"));
    form->addRow(tr("Find:"), m_query);
    auto *row = new QHBoxLayout;
    m_minLength = new QSpinBox(this);
    m_minLength->setRange(1, 4096);
    m_minLength->setValue(4); // as `vmatlas strings` and strings(1)
    m_encoding = new QComboBox(this);
    m_encoding->addItems({ tr("ASCII"), tr("UTF-16LE"), tr("ASCII and UTF-16LE") });
    m_encoding->setCurrentIndex(2);
    row->addWidget(new QLabel(tr("Shortest string:"), this));
    row->addWidget(m_minLength);
    row->addWidget(new QLabel(tr("Encoding:"), this));
    row->addWidget(m_encoding, 1);
    form->addRow(row);
    auto *types = new QHBoxLayout;
    m_image = new QCheckBox(tr("Image"), this);
    m_mapped = new QCheckBox(tr("Mapped"), this);
    m_private = new QCheckBox(tr("Private"), this);
    for (QCheckBox *b : { m_image, m_mapped, m_private }) {
        b->setChecked(true);
        types->addWidget(b);
    }
    types->addStretch(1);
    form->addRow(tr("Regions:"), types);
    m_faultIn = new QCheckBox(tr("Also read pages not in RAM (faults them in: the process's RSS grows)"), this);
    form->addRow(m_faultIn);
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Search"), this);
    m_start->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_results = new QTreeWidget(this);
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setHeaderLabels({ tr("Address"), tr("Encoding"), tr("Type"), tr("Use"), tr("Text") });
    m_results->setToolTip(tr("Double-click a result to show its address on the map"));
    m_results->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents); // measures the rows in view
    layout->addWidget(m_results, 1);
    resize(820, 560);

    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &SearchDialog::takeResults);
    connect(m_start, &QPushButton::clicked, this, &SearchDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &SearchDialog::cancel);
    connect(&m_watcher, &QFutureWatcher<Result<SearchSummary>>::finished, this, &SearchDialog::done);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &SearchDialog::updateControls);
    connect(m_results, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { emit jumpRequested(item->data(0, Qt::UserRole).toULongLong()); });
    updateControls();
}

SearchDialog::~SearchDialog()
{
    if (m_shared)
        m_shared->cancel = true;
    m_watcher.waitForFinished();
}

void SearchDialog::setTarget(Pid pid, SnapshotPtr snapshot)
{
    if (running() && pid != m_pid)
        cancel(); // another process: the running search's results would not be its
    m_pid = pid;
    m_snapshot = std::move(snapshot);
    setWindowTitle(tr("Strings and Search – process %1").arg(pid));
    updateControls();
}

void SearchDialog::setMode(Mode mode)
{
    m_mode->setCurrentIndex(int(mode));
}

void SearchDialog::setQuery(const QString &text)
{
    m_query->setText(text);
}

void SearchDialog::setMinLength(int n)
{
    m_minLength->setValue(n);
}

void SearchDialog::setEncoding(TextEncoding e)
{
    m_encoding->setCurrentIndex(int(e));
}

void SearchDialog::setTypes(const std::vector<RegionType> &types)
{
    auto has = [&](RegionType t) { return std::find(types.begin(), types.end(), t) != types.end(); };
    m_image->setChecked(has(RegionType::Image));
    m_mapped->setChecked(has(RegionType::Mapped));
    m_private->setChecked(has(RegionType::Private));
}

bool SearchDialog::running() const
{
    return m_watcher.isRunning();
}

int SearchDialog::resultCount() const
{
    return m_results->topLevelItemCount();
}

QString SearchDialog::statusText() const
{
    return m_status->text();
}

void SearchDialog::updateControls()
{
    const bool busy = running();
    const auto mode = Mode(m_mode->currentIndex());
    m_query->setEnabled(!busy && mode != Mode::Strings);
    m_minLength->setEnabled(!busy && mode == Mode::Strings);
    m_encoding->setEnabled(!busy && mode != Mode::Hex);
    m_start->setEnabled(!busy && m_pid > 0 && m_snapshot);
    m_cancel->setEnabled(busy);
    for (QWidget *w : std::initializer_list<QWidget *> { m_mode, m_image, m_mapped, m_private, m_faultIn })
        w->setEnabled(!busy);
}

void SearchDialog::start()
{
    if (running() || m_pid <= 0 || !m_snapshot)
        return;
    SearchOptions o;
    const auto mode = Mode(m_mode->currentIndex());
    const auto encoding = TextEncoding(m_encoding->currentIndex());
    m_patternNames.clear();
    m_matchTexts.clear();
    if (mode == Mode::Strings) {
        o.mode = SearchOptions::Mode::Strings;
        o.minLength = std::size_t(m_minLength->value());
        o.encoding = encoding;
    } else {
        o.mode = SearchOptions::Mode::Bytes;
        o.hitContext = kContext;
        const std::string query = m_query->text().toStdString();
        if (query.empty()) {
            m_status->setText(tr("Type what to find."));
            return;
        }
        if (mode == Mode::Hex) {
            std::string bytes;
            if (!parseHexBytes(query, bytes)) {
                m_status->setText(tr("Not hex bytes: type pairs of hex digits, such as 48 65 6c 6c 6f."));
                return;
            }
            o.patterns.push_back(bytes);
            m_patternNames.push_back("bytes");
            m_matchTexts.append(printableBytes(bytes, false, false));
        } else {
            if (encoding != TextEncoding::Utf16) {
                o.patterns.push_back(query);
                m_patternNames.push_back("ascii");
                m_matchTexts.append(m_query->text());
            }
            if (encoding != TextEncoding::Ascii) {
                std::string wide;
                utf8ToUtf16le(query, wide); // the line edit's text is valid UTF-8
                o.patterns.push_back(wide);
                m_patternNames.push_back("utf16");
                m_matchTexts.append(m_query->text());
            }
        }
    }
    if (m_image->isChecked())
        o.types.push_back(RegionType::Image);
    if (m_mapped->isChecked())
        o.types.push_back(RegionType::Mapped);
    if (m_private->isChecked())
        o.types.push_back(RegionType::Private);
    if (o.types.empty()) {
        m_status->setText(tr("Choose at least one kind of region."));
        return;
    }
    o.readNotPresent = m_faultIn->isChecked();

    m_results->clear();
    m_hits = 0;
    m_progress->setValue(0);
    m_status->setText(tr("Searching…"));
    auto shared = std::make_shared<Shared>();
    m_shared = shared;
    const Pid pid = m_pid;
    const SnapshotPtr snap = m_snapshot;
    m_searched = snap;
    m_watcher.setFuture(QtConcurrent::run([shared, pid, snap, o]() -> Result<SearchSummary> {
        return searchMemory(
            pid, snap->regions, o,
            [&shared](const SearchHit &hit) {
                shared->hits.fetch_add(1, std::memory_order_relaxed);
                std::lock_guard lock(shared->mutex);
                if (shared->kept < std::size_t(kMaxShown)) {
                    shared->pending.push_back(hit);
                    ++shared->kept;
                }
                return true;
            },
            &shared->cancel,
            [&shared](const SearchProgress &p) {
                shared->done = p.bytesDone;
                shared->total = p.bytesTotal;
            });
    }));
    m_poll->start();
    updateControls();
}

void SearchDialog::cancel()
{
    if (m_shared)
        m_shared->cancel = true;
}

// A found match with what lies around it: "…before⟦match⟧after…".
QString SearchDialog::matchInContext(const SearchHit &hit, bool utf16) const
{
    const QString match
        = hit.pattern < std::size_t(m_matchTexts.size()) ? m_matchTexts[qsizetype(hit.pattern)] : QString();
    // Half the context before: what follows a match (the rest of a name, a value) is what it is looked for.
    const std::string_view before
        = std::string_view(hit.before).substr(hit.before.size() - std::min(hit.before.size(), kContext / 2));
    return (hit.before.size() > before.size() ? QStringLiteral("…") : QString()) + printableBytes(before, utf16, true)
        + QStringLiteral("⟦") + match + QStringLiteral("⟧") + printableBytes(hit.after, utf16, false)
        + (hit.after.size() >= kContext ? QStringLiteral("…") : QString());
}

void SearchDialog::takeResults()
{
    if (!m_shared)
        return;
    std::vector<SearchHit> hits;
    {
        std::lock_guard lock(m_shared->mutex);
        hits.swap(m_shared->pending);
    }
    m_hits = m_shared->hits;
    const std::uint64_t total = m_shared->total, done = m_shared->done;
    m_progress->setValue(total ? int(done * 1000 / total) : 0);
    QList<QTreeWidgetItem *> items;
    for (const SearchHit &h : hits) {
        if (!m_searched || h.region >= m_searched->regions.size())
            continue;
        const Region &r = m_searched->regions[h.region];
        const QString kind = h.pattern < m_patternNames.size() && m_patternNames[h.pattern] != "ascii"
            ? QString::fromStdString(m_patternNames[h.pattern])
            : QString::fromLatin1(textEncodingName(h.encoding));
        const bool found = h.text.empty() && h.length > 0; // Find: the match in its surroundings
        const bool utf16 = h.pattern < m_patternNames.size() && m_patternNames[h.pattern] == "utf16";
        auto *item = new QTreeWidgetItem({ hexAddress(h.address), kind, typeText(r.type), useText(r.use),
            found ? matchInContext(h, utf16) : displayText(h.text) });
        if (found)
            item->setToolTip(4, displayText(r.path()));
        item->setData(0, Qt::UserRole, qulonglong(h.address));
        items.append(item);
    }
    if (!items.isEmpty())
        m_results->addTopLevelItems(items);
}

void SearchDialog::done()
{
    m_poll->stop();
    takeResults();
    const Result<SearchSummary> result = m_watcher.result();
    if (!result) {
        m_status->setText(tr("The search stopped: %1").arg(QString::fromStdString(result.error().message)));
    } else {
        const SearchSummary &s = *result;
        QString text = s.cancelled ? tr("Cancelled: %1 found so far.").arg(m_hits) : tr("%1 found.").arg(m_hits);
        text += QLatin1Char(' ')
            + tr("%1 regions; %2 read, %3 not in RAM (not read), %4 unreadable.")
                  .arg(s.regions)
                  .arg(formatBytes(s.bytesRead), formatBytes(s.bytesNotInRam), formatBytes(s.bytesUnreadable));
        if (m_hits > std::uint64_t(kMaxShown))
            text += QLatin1Char(' ') + tr("The first %1 are listed.").arg(kMaxShown);
        if (!s.cancelled)
            m_progress->setValue(1000);
        m_status->setText(text);
    }
    updateControls();
    emit finished();
}

void SearchDialog::closeEvent(QCloseEvent *event)
{
    cancel();
    QDialog::closeEvent(event);
}

} // namespace vmatlas::ui
