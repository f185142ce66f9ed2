#include "clickhouse/SampleCheckView.h"

#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/SampleCheck.h"
#include "clickhouse/SampleVerdictModel.h"
#include "engine/EngineWorker.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ckstudio {

SampleCheckView::SampleCheckView(QWidget* parent)
    : QWidget(parent)
    , m_verdicts(new SampleVerdictModel(this))
    , m_table(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_samples(new QPlainTextEdit(this))
    , m_loadFile(new QPushButton(tr("&Load file…"), this))
    , m_run(new QPushButton(tr("&Check"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_results(new QTableView(this))
    , m_status(new QLabel(this)) {
    m_table->setPlaceholderText(tr("database.table"));
    m_table->setAccessibleName(tr("Table whose columns the samples must fit"));
    m_format->setEditable(true);
    m_format->addItems({QStringLiteral("JSONEachRow"), QStringLiteral("CSV"), QStringLiteral("TabSeparated"),
                       QStringLiteral("JSONCompactEachRow"), QStringLiteral("Avro"),
                       QStringLiteral("Protobuf")});
    m_format->setAccessibleName(tr("Data format"));
    m_samples->setPlaceholderText(tr("One message per line"));
    m_samples->setAccessibleName(tr("Sample messages"));
    m_loadFile->setAccessibleName(tr("Load sample messages from a file"));
    m_run->setAccessibleName(tr("Check samples"));
    m_cancel->setAccessibleName(tr("Cancel sample check"));
    m_cancel->setEnabled(false);
    m_results->setModel(m_verdicts);
    m_results->setAccessibleName(tr("Sample verdicts"));
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_status->setAccessibleName(tr("Sample check status"));
    m_status->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Table:"), this));
    top->addWidget(m_table, 1);
    top->addWidget(new QLabel(tr("Format:"), this));
    top->addWidget(m_format);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_loadFile);
    buttons->addStretch();
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_samples, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_results, 2);
    layout->addWidget(m_status);

    connect(m_run, &QPushButton::clicked, this, &SampleCheckView::run);
    connect(m_cancel, &QPushButton::clicked, this, &SampleCheckView::cancel);
    connect(m_loadFile, &QPushButton::clicked, this, &SampleCheckView::loadFile);
}

void SampleCheckView::setClient(ClickHouseClient* client) {
    cancel();
    m_client = client;
}

void SampleCheckView::setTable(const QString& table) {
    m_table->setText(table);
}

void SampleCheckView::setFormat(const QString& format) {
    m_format->setCurrentText(format);
}

void SampleCheckView::setSamples(const QStringList& messages) {
    m_samples->setPlainText(messages.join(QLatin1Char('\n')));
}

QString SampleCheckView::statusText() const {
    return m_status->text();
}

QStringList SampleCheckView::messages() const {
    QStringList out;
    for (const QString& line : m_samples->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out << line;
    return out;
}

void SampleCheckView::loadFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Sample messages"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    m_samples->setPlainText(QString::fromUtf8(file.readAll()));
}

void SampleCheckView::run() {
    if (m_running)
        return;
    QString error;
    const std::optional<TableName> table = TableName::parse(m_table->text().trimmed(), &error);
    if (!table) {
        m_status->setText(tr("Table name: %1").arg(error));
        return;
    }
    if (!m_client) {
        m_status->setText(tr("Not connected: set up the ClickHouse connection first."));
        return;
    }
    m_checked = messages();
    if (m_checked.isEmpty()) {
        m_status->setText(tr("Enter at least one sample message."));
        return;
    }
    m_verdicts->clear();
    m_running = true;
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Reading the columns of %1…").arg(table->display()));
    const int generation = ++m_generation;
    inspectTable(m_client, *table, this,
                 [this, generation](const TableInfo& info, const std::optional<ClickHouseError>& e) {
                     if (generation != m_generation)
                         return;
                     if (e)
                         return stop(tr("Cannot read the table: %1").arg(e->toString()), false);
                     if (!info.exists)
                         return stop(tr("Table %1 does not exist.").arg(info.name.display()), false);
                     check(info);
                 });
}

void SampleCheckView::check(const TableInfo& table) {
    // A Kafka table says which format its messages have; otherwise the chosen one.
    if (!table.dataFormat.isEmpty())
        m_format->setCurrentText(table.dataFormat);
    const QString format = m_format->currentText().trimmed();
    m_status->setText(
        tr("Checking %n message(s) as %1…", nullptr, static_cast<int>(m_checked.size())).arg(format));
    m_check = new SampleCheck(m_client, this);
    SampleCheck* checkRun = m_check;
    // Whether it is installed, without loading it here (559 MB): a load failure comes back as the error.
    if (QFileInfo::exists(EmbeddedClickHouse::libraryPath()))
        checkRun->setLocalParser(
            [this](const QString& sql, QObject* context, auto done) {
                if (!m_engine)
                    m_engine = new EngineWorker(QString(), this);
                m_engine->query(sql.toUtf8(), QByteArrayLiteral("TabSeparated"), context,
                               [done](const EngineReply& reply) { done(reply.error, reply.data); });
            },
            tr("the embedded ClickHouse engine"));
    connect(
        checkRun, &SampleCheck::finished, this, [this, checkRun](const std::optional<ClickHouseError>& e) {
            m_verdicts->setResults(m_checked, checkRun->verdicts());
            checkRun->deleteLater();
            if (e)
                return stop(tr("The check could not finish (results are incomplete): %1").arg(e->toString()),
                            false);
            const int failed = m_verdicts->failedCount();
            QString status =
                failed == 0 ? tr("All %n message(s) parse.", nullptr, m_verdicts->rowCount())
                            : tr("%1 of %n message(s) fail.", nullptr, m_verdicts->rowCount()).arg(failed);
            if (!checkRun->checkedBy().isEmpty())
                status += QLatin1Char(' ') + tr("Parsed by %1.").arg(checkRun->checkedBy());
            if (!checkRun->ignoredSettings().isEmpty())
                status += QLatin1Char(' ') +
                          tr("This server cannot take the table's %1: checked with its defaults.")
                              .arg(checkRun->ignoredSettings().join(QStringLiteral(", ")));
            stop(status, true);
        });
    // A Kafka table parses its messages with its own format settings (date_time_input_format,
    // input_format_*).
    checkRun->start(table.columns, format, m_checked,
                    table.engine == QLatin1String("Kafka") ? tableFormatSettings(table.engineFull)
                                                           : FormatSettings());
}

void SampleCheckView::cancel() {
    if (!m_running)
        return;
    ++m_generation;
    if (m_check) {
        // Deleting the check drops its callbacks; the temporary table lives only in its server session.
        m_verdicts->setResults(m_checked, m_check->verdicts());
        m_check->deleteLater();
    }
    stop(tr("Cancelled: results are incomplete."), false);
}

void SampleCheckView::stop(const QString& status, bool complete) {
    m_running = false;
    m_check.clear();
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    m_status->setText(status);
    emit finished(complete);
}

} // namespace ckstudio
