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
    , m_rows(new ResultRowModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_tree(new RowJsonTreeModel(this))
    , m_tableEdit(new QLineEdit(this))
    , m_limit(new QSpinBox(this))
    , m_runButton(new QPushButton(tr("&Run"), this))
    , m_cancelButton(new QPushButton(tr("&Cancel"), this))
    , m_filterEdit(new QLineEdit(this))
    , m_rawToggle(new QCheckBox(tr("Ra&w"), this))
    , m_exportButton(new QPushButton(tr("&Export…"), this))
    , m_warning(new QFrame(this))
    , m_warningText(new QLabel(m_warning))
    , m_consumeButton(new QPushButton(tr("Read it anyway (consumes messages)"), m_warning))
    , m_twinButton(new QPushButton(tr("Preview through a temporary twin"), m_warning))
    , m_peekButton(new QPushButton(tr("Peek the topic instead"), m_warning))
    , m_destinationButton(new QPushButton(tr("Preview the attached view instead"), m_warning))
    , m_views(new QStackedWidget(this))
    , m_grid(new QTableView(this))
    , m_raw(new QPlainTextEdit(this))
    , m_treeView(new QTreeView(this))
    , m_status(new QLabel(this)) {
    m_filter->setSourceModel(m_rows);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_tableEdit->setPlaceholderText(tr("database.table"));
    m_tableEdit->setAccessibleName(tr("Table to preview"));
    m_limit->setRange(1, 1000000);
    m_limit->setValue(100);
    m_limit->setAccessibleName(tr("Row limit"));
    m_filterEdit->setPlaceholderText(tr("Filter shown rows"));
    m_filterEdit->setAccessibleName(tr("Filter shown rows"));
    m_filterEdit->setClearButtonEnabled(true);
    m_cancelButton->setEnabled(false);
    m_runButton->setAccessibleName(tr("Run preview"));
    m_cancelButton->setAccessibleName(tr("Cancel preview"));
    m_rawToggle->setAccessibleName(tr("Show raw rows"));
    m_exportButton->setAccessibleName(tr("Export shown rows"));

    m_grid->setModel(m_filter);
    m_grid->setItemDelegate(new NullAwareDelegate(m_grid));
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setAccessibleName(tr("Preview rows"));
    m_grid->horizontalHeader()->setSectionsMovable(true);
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setAccessibleName(tr("Raw rows"));
    m_treeView->setModel(m_tree);
    m_treeView->setAccessibleName(tr("Selected row"));
    m_status->setAccessibleName(tr("Preview status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_views->addWidget(m_grid);
    m_views->addWidget(m_raw);

    m_warning->setFrameShape(QFrame::StyledPanel);
    m_warning->setAccessibleName(tr("Consumption warning"));
    m_warningText->setWordWrap(true);
    auto* warningLayout = new QVBoxLayout(m_warning);
    warningLayout->addWidget(m_warningText);
    auto* choices = new QHBoxLayout;
    choices->addWidget(m_twinButton);
    choices->addWidget(m_consumeButton);
    choices->addWidget(m_peekButton);
    choices->addWidget(m_destinationButton);
    choices->addStretch();
    warningLayout->addLayout(choices);
    m_warning->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Table:"), this));
    top->addWidget(m_tableEdit, 1);
    top->addWidget(new QLabel(tr("Limit:"), this));
    top->addWidget(m_limit);
    top->addWidget(m_runButton);
    top->addWidget(m_cancelButton);
    auto* tools = new QHBoxLayout;
    tools->addWidget(m_filterEdit, 1);
    tools->addWidget(m_rawToggle);
    tools->addWidget(m_exportButton);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_views);
    splitter->addWidget(m_treeView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_warning);
    layout->addLayout(tools);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_runButton, &QPushButton::clicked, this, &PreviewPane::run);
    connect(m_tableEdit, &QLineEdit::returnPressed, this, &PreviewPane::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &PreviewPane::cancel);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &PreviewPane::setFilterText);
    connect(m_rawToggle, &QCheckBox::toggled, this, &PreviewPane::setRawView);
    connect(m_exportButton, &QPushButton::clicked, this, &PreviewPane::chooseExport);
    connect(m_consumeButton, &QPushButton::clicked, this, &PreviewPane::runConsuming);
    connect(m_twinButton, &QPushButton::clicked, this, &PreviewPane::runThroughTwin);
    m_twinButton->setToolTip(tr("Creates a Kafka table with the same columns and settings but a new consumer "
                               "group, reads it, and drops it. The production group's offsets do not move."));
    connect(m_peekButton, &QPushButton::clicked, this, [this] {
        m_warning->hide();
        emit peekTopicRequested(m_topics);
    });
    connect(m_destinationButton, &QPushButton::clicked, this, [this] {
        if (m_destinations.isEmpty())
            return;
        m_warning->hide();
        emit previewTableRequested(m_destinations.first());
        setTable(m_destinations.first());
        run();
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PreviewPane::showSelectedRow);
    connect(m_rows, &ResultRowModel::rowsLoaded, this, &PreviewPane::updateStatus);
    connect(m_rows, &ResultRowModel::stateChanged, this, &PreviewPane::updateStatus);
    connect(&m_statusTick, &QTimer::timeout, this, &PreviewPane::updateStatus);
    m_statusTick.setInterval(250);
    updateStatus();
}

PreviewPane::~PreviewPane() {
    // A closed pane stops its query rather than let the server run it to the limit or timeout.
    if (m_session)
        m_session->cancel();
}

void PreviewPane::setClient(ClickHouseClient* client) {
    cancel();
    m_client = client;
}

void PreviewPane::setTable(const QString& table) {
    m_tableEdit->setText(table);
}

void PreviewPane::setLimit(int limit) {
    m_limit->setValue(limit);
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
    if (m_running)
        return;
    m_warning->hide();
    m_problem.clear();
    m_twinNote.clear();
    m_complete = false;
    QString parseError;
    const std::optional<TableName> table = TableName::parse(m_tableEdit->text().trimmed(), &parseError);
    if (!table) {
        m_problem = tr("Table name: %1").arg(parseError);
        updateStatus();
        return;
    }
    if (!m_client) {
        m_problem = tr("Not connected: set up the ClickHouse connection first.");
        updateStatus();
        return;
    }
    // A fresh session per run: a finished session's late signals cannot touch the next result.
    if (m_session)
        m_session->deleteLater();
    m_session = new PreviewSession(m_client, m_rows, this);
    connect(m_session, &PreviewSession::refused, this, &PreviewPane::onRefused);
    connect(m_session, &PreviewSession::finished, this, &PreviewPane::onFinished);
    m_tree->showRow(*m_rows, -1);
    m_raw->clear();
    m_running = true;
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_elapsed.start();
    m_elapsedMs = 0;
    m_statusTick.start();
    PreviewRequest request;
    request.table = *table;
    request.limit = m_limit->value();
    request.allowConsume = kafkaRead == KafkaRead::Consume;
    request.twin = kafkaRead == KafkaRead::Twin;
    m_session->start(request);
    updateStatus();
}

void PreviewPane::cancel() {
    if (!m_running)
        return;
    m_problem = tr("cancelled by the user");
    updateStatus();
    if (m_rows->state() == ResultRowModel::State::Loading)
        m_rows->cancel(); // rows so far stay; the session cancels the query
    else if (m_session)
        m_session->cancel();
}

void PreviewPane::onRefused(const PreviewPlan& plan) {
    m_running = false;
    m_statusTick.stop();
    m_runButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_topics = plan.table.topics;
    m_destinations = plan.table.attachedViews;
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
    m_warningText->setText(text);
    m_peekButton->setEnabled(!m_topics.isEmpty());
    m_twinButton->setEnabled(plan.table.engine == QLatin1String("Kafka"));
    m_destinationButton->setEnabled(!m_destinations.isEmpty());
    m_warning->show();
    m_problem = tr("not read: choose how to preview this Kafka table");
    updateStatus();
}

void PreviewPane::onFinished(const std::optional<ClickHouseError>& error) {
    m_running = false;
    m_statusTick.stop();
    m_elapsedMs = m_elapsed.elapsed();
    m_runButton->setEnabled(true);
    m_cancelButton->setEnabled(false);
    if (error && error->kind != ClickHouseError::Kind::Cancelled)
        m_problem = error->toString();
    if (m_session && m_session->twin())
        m_twinNote = m_session->twin()->explanation();
    m_complete = !error && m_rows->state() == ResultRowModel::State::Finished;
    m_rows->fetchAll();
    if (m_rawToggle->isChecked())
        refreshRawView();
    updateStatus();
    emit finished(m_complete);
}

QString PreviewPane::statusText() const {
    return m_status->text();
}

bool PreviewPane::isConsumptionWarningVisible() const {
    return !m_warning->isHidden();
}

void PreviewPane::updateStatus() {
    const QLocale locale;
    const qint64 ms = m_running ? m_elapsed.elapsed() : m_elapsedMs;
    QStringList parts;
    if (m_rows->state() != ResultRowModel::State::Idle) {
        const qsizetype rows = m_rows->loadedRows();
        parts << (rows == 1 ? tr("1 row") : tr("%1 rows").arg(rows));
        if (m_filter->rowCount() != m_rows->rowCount())
            parts << tr("%1 shown").arg(m_filter->rowCount());
        // Bytes of the reply as they came over the network, not the model's memory.
        parts << tr("%1 received").arg(locale.formattedDataSize(m_session ? m_session->receivedBytes() : 0));
        parts << tr("%1 s").arg(locale.toString(static_cast<double>(ms) / 1000.0, 'f', 2));
        QString state = stateWord(m_rows->state());
        if (m_rows->state() == ResultRowModel::State::Finished && m_rows->isCapped())
            state = tr("complete up to the limit");
        parts << state;
    }
    if (!m_problem.isEmpty())
        parts << m_problem;
    else if (m_rows->state() == ResultRowModel::State::Failed)
        parts << m_rows->errorMessage();
    if (!m_twinNote.isEmpty())
        parts << m_twinNote;
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

void PreviewPane::showSelectedRow() {
    const QModelIndex current = m_filter->mapToSource(m_grid->selectionModel()->currentIndex());
    m_tree->showRow(*m_rows, current.isValid() ? current.row() : -1);
    m_treeView->expandToDepth(0);
}

void PreviewPane::setFilterText(const QString& text) {
    if (m_filterEdit->text() != text)
        m_filterEdit->setText(text);
    m_filter->setFilterFixedString(text);
    updateStatus();
}

void PreviewPane::setRawView(bool raw) {
    if (m_rawToggle->isChecked() != raw)
        m_rawToggle->setChecked(raw);
    if (raw)
        refreshRawView();
    m_views->setCurrentWidget(raw ? static_cast<QWidget*>(m_raw) : m_grid);
}

void PreviewPane::refreshRawView() {
    std::ostringstream out;
    writeRows(*m_rows, RowExportFormat::Tsv, out);
    m_raw->setPlainText(QString::fromStdString(out.str()));
}

QString PreviewPane::exportShownRows(const QString& path, RowExportFormat format) const {
    // Copy the shown rows (filter order) into a store of their own, then use the common writer.
    const int columns = static_cast<int>(m_rows->columns().size());
    RowStore shown;
    shown.reset(columns);
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        const int source = m_filter->mapToSource(m_filter->index(r, 0)).row();
        for (int c = 0; c < columns; ++c) {
            const CellRef cell = m_rows->store().cell(source, c);
            shown.pendingBytes().append(cell.bytes);
            shown.endCell(cell.kind);
        }
        shown.commitRow();
    }
    std::ostringstream out;
    writeRows(m_rows->columns(), shown, shown.rowCount(), format, out);
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
    m_status->setText(error.isEmpty() ? tr("Exported %n row(s) to %1", nullptr, m_filter->rowCount()).arg(path)
                                     : error);
}

} // namespace ckstudio
