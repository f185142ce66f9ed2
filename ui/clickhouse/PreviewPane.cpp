#include "clickhouse/PreviewPane.h"

#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/RowJsonTree.h"
#include "preview/ResultRowModel.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>
#include <sstream>

namespace ckstudio {

namespace {

// Draws SQL NULL in italics and grey so that it never looks like the text "NULL" or an empty string.
class NullAwareDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(ResultRowModel::IsNullRole).toBool()) {
            option->text = QStringLiteral("NULL");
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
    }
};

QString stateWord(ResultRowModel::State state) {
    switch (state) {
    case ResultRowModel::State::Idle:
        return PreviewPane::tr("idle");
    case ResultRowModel::State::Loading:
        return PreviewPane::tr("loading");
    case ResultRowModel::State::Finished:
        return PreviewPane::tr("complete");
    case ResultRowModel::State::Failed:
        return PreviewPane::tr("INCOMPLETE (failed)");
    case ResultRowModel::State::Cancelled:
        return PreviewPane::tr("INCOMPLETE (cancelled)");
    }
    return {};
}

} // namespace

PreviewPane::PreviewPane(QWidget* parent)
    : QWidget(parent)
    , mRows(new ResultRowModel(this))
    , mFilter(new QSortFilterProxyModel(this))
    , mTree(new RowJsonTreeModel(this))
    , mTableEdit(new QLineEdit(this))
    , mLimit(new QSpinBox(this))
    , mRunButton(new QPushButton(tr("&Run"), this))
    , mCancelButton(new QPushButton(tr("&Cancel"), this))
    , mFilterEdit(new QLineEdit(this))
    , mRawToggle(new QCheckBox(tr("Ra&w"), this))
    , mExportButton(new QPushButton(tr("&Export…"), this))
    , mWarning(new QFrame(this))
    , mWarningText(new QLabel(mWarning))
    , mConsumeButton(new QPushButton(tr("Read it anyway (consumes messages)"), mWarning))
    , mTwinButton(new QPushButton(tr("Preview through a temporary twin"), mWarning))
    , mPeekButton(new QPushButton(tr("Peek the topic instead"), mWarning))
    , mDestinationButton(new QPushButton(tr("Preview the attached view instead"), mWarning))
    , mViews(new QStackedWidget(this))
    , mGrid(new QTableView(this))
    , mRaw(new QPlainTextEdit(this))
    , mTreeView(new QTreeView(this))
    , mStatus(new QLabel(this)) {
    mFilter->setSourceModel(mRows);
    mFilter->setFilterKeyColumn(-1);
    mFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    mTableEdit->setPlaceholderText(tr("database.table"));
    mTableEdit->setAccessibleName(tr("Table to preview"));
    mLimit->setRange(1, 1000000);
    mLimit->setValue(100);
    mLimit->setAccessibleName(tr("Row limit"));
    mFilterEdit->setPlaceholderText(tr("Filter shown rows"));
    mFilterEdit->setAccessibleName(tr("Filter shown rows"));
    mFilterEdit->setClearButtonEnabled(true);
    mCancelButton->setEnabled(false);
    mRunButton->setAccessibleName(tr("Run preview"));
    mCancelButton->setAccessibleName(tr("Cancel preview"));
    mRawToggle->setAccessibleName(tr("Show raw rows"));
    mExportButton->setAccessibleName(tr("Export shown rows"));

    mGrid->setModel(mFilter);
    mGrid->setItemDelegate(new NullAwareDelegate(mGrid));
    mGrid->setSelectionBehavior(QAbstractItemView::SelectRows);
    mGrid->setSelectionMode(QAbstractItemView::SingleSelection);
    mGrid->setAccessibleName(tr("Preview rows"));
    mGrid->horizontalHeader()->setSectionsMovable(true);
    mRaw->setReadOnly(true);
    mRaw->setLineWrapMode(QPlainTextEdit::NoWrap);
    mRaw->setAccessibleName(tr("Raw rows"));
    mTreeView->setModel(mTree);
    mTreeView->setAccessibleName(tr("Selected row"));
    mStatus->setAccessibleName(tr("Preview status"));
    mStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mStatus->setWordWrap(true);
    mViews->addWidget(mGrid);
    mViews->addWidget(mRaw);

    mWarning->setFrameShape(QFrame::StyledPanel);
    mWarning->setAccessibleName(tr("Consumption warning"));
    mWarningText->setWordWrap(true);
    auto* warningLayout = new QVBoxLayout(mWarning);
    warningLayout->addWidget(mWarningText);
    auto* choices = new QHBoxLayout;
    choices->addWidget(mTwinButton);
    choices->addWidget(mConsumeButton);
    choices->addWidget(mPeekButton);
    choices->addWidget(mDestinationButton);
    choices->addStretch();
    warningLayout->addLayout(choices);
    mWarning->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Table:"), this));
    top->addWidget(mTableEdit, 1);
    top->addWidget(new QLabel(tr("Limit:"), this));
    top->addWidget(mLimit);
    top->addWidget(mRunButton);
    top->addWidget(mCancelButton);
    auto* tools = new QHBoxLayout;
    tools->addWidget(mFilterEdit, 1);
    tools->addWidget(mRawToggle);
    tools->addWidget(mExportButton);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(mViews);
    splitter->addWidget(mTreeView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(mWarning);
    layout->addLayout(tools);
    layout->addWidget(splitter, 1);
    layout->addWidget(mStatus);

    connect(mRunButton, &QPushButton::clicked, this, &PreviewPane::run);
    connect(mTableEdit, &QLineEdit::returnPressed, this, &PreviewPane::run);
    connect(mCancelButton, &QPushButton::clicked, this, &PreviewPane::cancel);
    connect(mFilterEdit, &QLineEdit::textChanged, this, &PreviewPane::setFilterText);
    connect(mRawToggle, &QCheckBox::toggled, this, &PreviewPane::setRawView);
    connect(mExportButton, &QPushButton::clicked, this, &PreviewPane::chooseExport);
    connect(mConsumeButton, &QPushButton::clicked, this, &PreviewPane::runConsuming);
    connect(mTwinButton, &QPushButton::clicked, this, &PreviewPane::runThroughTwin);
    mTwinButton->setToolTip(tr("Creates a Kafka table with the same columns and settings but a new consumer "
                               "group, reads it, and drops it. The production group's offsets do not move."));
    connect(mPeekButton, &QPushButton::clicked, this, [this] {
        mWarning->hide();
        emit peekTopicRequested(mTopics);
    });
    connect(mDestinationButton, &QPushButton::clicked, this, [this] {
        if (mDestinations.isEmpty())
            return;
        mWarning->hide();
        emit previewTableRequested(mDestinations.first());
        setTable(mDestinations.first());
        run();
    });
    connect(mGrid->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PreviewPane::showSelectedRow);
    connect(mRows, &ResultRowModel::rowsLoaded, this, &PreviewPane::updateStatus);
    connect(mRows, &ResultRowModel::stateChanged, this, &PreviewPane::updateStatus);
    connect(&mStatusTick, &QTimer::timeout, this, &PreviewPane::updateStatus);
    mStatusTick.setInterval(250);
    updateStatus();
}

PreviewPane::~PreviewPane() {
    // A closed pane stops its query rather than let the server run it to the limit or timeout.
    if (mSession)
        mSession->cancel();
}

void PreviewPane::setClient(ClickHouseClient* client) {
    cancel();
    mClient = client;
}

void PreviewPane::setTable(const QString& table) {
    mTableEdit->setText(table);
}

void PreviewPane::setLimit(int limit) {
    mLimit->setValue(limit);
}

void PreviewPane::run() {
    start(KafkaRead::Refuse);
}

void PreviewPane::runConsuming() {
    start(KafkaRead::Consume);
}

void PreviewPane::runThroughTwin() {
    start(KafkaRead::Twin);
}

void PreviewPane::start(KafkaRead kafkaRead) {
    if (mRunning)
        return;
    mWarning->hide();
    mProblem.clear();
    mTwinNote.clear();
    mComplete = false;
    QString parseError;
    const std::optional<TableName> table = TableName::parse(mTableEdit->text().trimmed(), &parseError);
    if (!table) {
        mProblem = tr("Table name: %1").arg(parseError);
        updateStatus();
        return;
    }
    if (!mClient) {
        mProblem = tr("Not connected: set up the ClickHouse connection first.");
        updateStatus();
        return;
    }
    // A fresh session per run: a finished session's late signals cannot touch the next result.
    if (mSession)
        mSession->deleteLater();
    mSession = new PreviewSession(mClient, mRows, this);
    connect(mSession, &PreviewSession::refused, this, &PreviewPane::onRefused);
    connect(mSession, &PreviewSession::finished, this, &PreviewPane::onFinished);
    mTree->showRow(*mRows, -1);
    mRaw->clear();
    mRunning = true;
    mRunButton->setEnabled(false);
    mCancelButton->setEnabled(true);
    mElapsed.start();
    mElapsedMs = 0;
    mStatusTick.start();
    PreviewRequest request;
    request.table = *table;
    request.limit = mLimit->value();
    request.allowConsume = kafkaRead == KafkaRead::Consume;
    request.twin = kafkaRead == KafkaRead::Twin;
    mSession->start(request);
    updateStatus();
}

void PreviewPane::cancel() {
    if (!mRunning)
        return;
    mProblem = tr("cancelled by the user");
    updateStatus();
    if (mRows->state() == ResultRowModel::State::Loading)
        mRows->cancel(); // rows so far stay; the session cancels the query
    else if (mSession)
        mSession->cancel();
}

void PreviewPane::onRefused(const PreviewPlan& plan) {
    mRunning = false;
    mStatusTick.stop();
    mRunButton->setEnabled(true);
    mCancelButton->setEnabled(false);
    mTopics = plan.table.topics;
    mDestinations = plan.table.attachedViews;
    QString text =
        QStringLiteral("<b>%1</b><br>%2")
            .arg(tr("Reading this table consumes messages.").toHtmlEscaped(),
                 plan.explanation().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    const QStringList alternatives = plan.alternatives();
    if (!alternatives.isEmpty()) {
        text += QStringLiteral("<br>%1<ul>").arg(tr("Alternatives:").toHtmlEscaped());
        for (const QString& a : alternatives)
            text += QStringLiteral("<li>%1</li>").arg(a.toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    mWarningText->setText(text);
    mPeekButton->setEnabled(!mTopics.isEmpty());
    mTwinButton->setEnabled(plan.table.engine == QLatin1String("Kafka"));
    mDestinationButton->setEnabled(!mDestinations.isEmpty());
    mWarning->show();
    mProblem = tr("not read: choose how to preview this Kafka table");
    updateStatus();
}

void PreviewPane::onFinished(const std::optional<ClickHouseError>& error) {
    mRunning = false;
    mStatusTick.stop();
    mElapsedMs = mElapsed.elapsed();
    mRunButton->setEnabled(true);
    mCancelButton->setEnabled(false);
    if (error && error->kind != ClickHouseError::Kind::Cancelled)
        mProblem = error->toString();
    if (mSession && mSession->twin())
        mTwinNote = mSession->twin()->explanation();
    mComplete = !error && mRows->state() == ResultRowModel::State::Finished;
    mRows->fetchAll();
    if (mRawToggle->isChecked())
        refreshRawView();
    updateStatus();
    emit finished(mComplete);
}

QString PreviewPane::statusText() const {
    return mStatus->text();
}

bool PreviewPane::isConsumptionWarningVisible() const {
    return !mWarning->isHidden();
}

void PreviewPane::updateStatus() {
    const QLocale locale;
    const qint64 ms = mRunning ? mElapsed.elapsed() : mElapsedMs;
    QStringList parts;
    if (mRows->state() != ResultRowModel::State::Idle) {
        const qsizetype rows = mRows->loadedRows();
        parts << (rows == 1 ? tr("1 row") : tr("%1 rows").arg(rows));
        if (mFilter->rowCount() != mRows->rowCount())
            parts << tr("%1 shown").arg(mFilter->rowCount());
        // Bytes of the reply as they came over the network, not the model's memory.
        parts << tr("%1 received").arg(locale.formattedDataSize(mSession ? mSession->receivedBytes() : 0));
        parts << tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 2));
        QString state = stateWord(mRows->state());
        if (mRows->state() == ResultRowModel::State::Finished && mRows->isCapped())
            state = tr("complete up to the limit");
        parts << state;
    }
    if (!mProblem.isEmpty())
        parts << mProblem;
    else if (mRows->state() == ResultRowModel::State::Failed)
        parts << mRows->errorMessage();
    if (!mTwinNote.isEmpty())
        parts << mTwinNote;
    mStatus->setText(parts.join(QStringLiteral(" · ")));
}

void PreviewPane::showSelectedRow() {
    const QModelIndex current = mFilter->mapToSource(mGrid->selectionModel()->currentIndex());
    mTree->showRow(*mRows, current.isValid() ? current.row() : -1);
    mTreeView->expandToDepth(0);
}

void PreviewPane::setFilterText(const QString& text) {
    if (mFilterEdit->text() != text)
        mFilterEdit->setText(text);
    mFilter->setFilterFixedString(text);
    updateStatus();
}

void PreviewPane::setRawView(bool raw) {
    if (mRawToggle->isChecked() != raw)
        mRawToggle->setChecked(raw);
    if (raw)
        refreshRawView();
    mViews->setCurrentWidget(raw ? static_cast<QWidget*>(mRaw) : mGrid);
}

void PreviewPane::refreshRawView() {
    std::ostringstream out;
    writeRows(*mRows, RowExportFormat::Tsv, out);
    mRaw->setPlainText(QString::fromStdString(out.str()));
}

QString PreviewPane::exportShownRows(const QString& path, RowExportFormat format) const {
    // Copy the shown rows (filter order) into a store of their own, then use the common writer.
    const int columns = static_cast<int>(mRows->columns().size());
    RowStore shown;
    shown.reset(columns);
    for (int r = 0; r < mFilter->rowCount(); ++r) {
        const int source = mFilter->mapToSource(mFilter->index(r, 0)).row();
        for (int c = 0; c < columns; ++c) {
            const CellRef cell = mRows->store().cell(source, c);
            shown.pendingBytes().append(cell.bytes);
            shown.endCell(cell.kind);
        }
        shown.commitRow();
    }
    std::ostringstream out;
    writeRows(mRows->columns(), shown, shown.rowCount(), format, out);
    const std::string bytes = out.str();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    if (file.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) ||
        !file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void PreviewPane::chooseExport() {
    QString selectedFilter;
    const QString csv = tr("CSV (*.csv)");
    const QString jsonl = tr("JSONEachRow (*.jsonl *.ndjson)");
    const QString tsv = tr("TSV (*.tsv)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export shown rows"), {},
                                                      QStringList{csv, jsonl, tsv}.join(QStringLiteral(";;")),
                                                      &selectedFilter);
    if (path.isEmpty())
        return;
    const RowExportFormat format = selectedFilter == jsonl ? RowExportFormat::Jsonl
                                   : selectedFilter == tsv ? RowExportFormat::Tsv
                                                           : RowExportFormat::Csv;
    const QString error = exportShownRows(path, format);
    mStatus->setText(error.isEmpty() ? tr("Exported %n row(s) to %1", nullptr, mFilter->rowCount()).arg(path)
                                     : error);
}

} // namespace ckstudio
