#include "clickhouse/WriteBackDialog.h"

#include "clickhouse/ClickHouseClient.h"
#include "preview/RowExport.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ckstudio {

WriteBackDialog::WriteBackDialog(QWidget* parent)
    : QDialog(parent)
    , m_grid(new QStandardItemModel(this))
    , m_table(new QLineEdit(this))
    , m_load(new QPushButton(tr("&Load columns"), this))
    , m_warning(new QLabel(this))
    , m_pages(new QTabWidget(this))
    , m_gridView(new QTableView(this))
    , m_json(new QPlainTextEdit(this))
    , m_addRow(new QPushButton(tr("&Add row"), this))
    , m_removeRow(new QPushButton(tr("&Remove row"), this))
    , m_loadFile(new QPushButton(tr("Load &file…"), this))
    , m_insert(new QPushButton(tr("&Insert"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_status(new QLabel(this)) {
    setWindowTitle(tr("Write to a table"));
    m_table->setPlaceholderText(tr("database.table"));
    m_table->setAccessibleName(tr("Table to insert into"));
    m_load->setAccessibleName(tr("Load the table's columns"));
    m_warning->setWordWrap(true);
    m_warning->setAccessibleName(tr("Write warning"));
    m_warning->hide();
    m_gridView->setModel(m_grid);
    m_gridView->setAccessibleName(tr("Rows to insert"));
    m_gridView->horizontalHeader()->setStretchLastSection(true);
    m_json->setPlaceholderText(tr("One JSON object per line (JSONEachRow)"));
    m_json->setAccessibleName(tr("JSONEachRow rows to insert"));
    m_addRow->setAccessibleName(tr("Add a row"));
    m_removeRow->setAccessibleName(tr("Remove the selected row"));
    m_loadFile->setAccessibleName(tr("Load JSONEachRow from a file"));
    m_insert->setAccessibleName(tr("Insert the rows"));
    m_cancel->setAccessibleName(tr("Cancel the insert"));
    m_cancel->setEnabled(false);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Write status"));

    auto* gridPage = new QWidget(this);
    auto* gridLayout = new QVBoxLayout(gridPage);
    gridLayout->addWidget(m_gridView, 1);
    auto* gridButtons = new QHBoxLayout;
    gridButtons->addWidget(m_addRow);
    gridButtons->addWidget(m_removeRow);
    gridButtons->addWidget(new QLabel(tr("Type \\N for NULL."), gridPage));
    gridButtons->addStretch();
    gridLayout->addLayout(gridButtons);
    auto* jsonPage = new QWidget(this);
    auto* jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->addWidget(m_json, 1);
    jsonLayout->addWidget(m_loadFile, 0, Qt::AlignLeft);
    m_pages->addTab(gridPage, tr("&Grid"));
    m_pages->addTab(jsonPage, tr("&JSONEachRow"));

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Table:"), this));
    top->addWidget(m_table, 1);
    top->addWidget(m_load);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_insert);
    buttons->addWidget(m_cancel);
    auto* close = new QPushButton(tr("C&lose"), this);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_warning);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_load, &QPushButton::clicked, this, &WriteBackDialog::loadColumns);
    connect(m_insert, &QPushButton::clicked, this, &WriteBackDialog::insert);
    connect(m_cancel, &QPushButton::clicked, this, &WriteBackDialog::cancel);
    connect(m_loadFile, &QPushButton::clicked, this, &WriteBackDialog::loadFile);
    connect(close, &QPushButton::clicked, this, [this] {
        cancel();
        reject();
    });
    connect(m_addRow, &QPushButton::clicked, this, [this] {
        if (m_grid->columnCount() > 0)
            m_grid->insertRow(m_grid->rowCount());
    });
    connect(m_removeRow, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_gridView->currentIndex();
        if (current.isValid())
            m_grid->removeRow(current.row());
    });
}

void WriteBackDialog::setClient(ClickHouseClient* client) {
    cancel();
    m_client = client;
}

void WriteBackDialog::setTable(const QString& table) {
    m_table->setText(table);
}

void WriteBackDialog::setJsonEachRow(const QString& rows) {
    m_json->setPlainText(rows);
    m_pages->setCurrentIndex(1);
}

QString WriteBackDialog::statusText() const {
    return m_status->text();
}

QString WriteBackDialog::warningText() const {
    return m_warning->isHidden() ? QString() : m_warning->text();
}

void WriteBackDialog::setBusy(bool busy) {
    m_busy = busy;
    m_load->setEnabled(!busy);
    m_insert->setEnabled(!busy);
    m_cancel->setEnabled(busy);
}

void WriteBackDialog::loadFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("JSONEachRow file"), {}, tr("JSON lines (*.jsonl *.ndjson *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    setJsonEachRow(QString::fromUtf8(file.readAll()));
}

void WriteBackDialog::loadColumns() {
    if (m_busy)
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
    setBusy(true);
    m_status->setText(tr("Reading %1…").arg(table->display()));
    const int generation = ++m_generation;
    inspectTable(
        m_client, *table, this,
        [this, generation](const TableInfo& info, const std::optional<ClickHouseError>& e) {
            if (generation != m_generation)
                return;
            setBusy(false);
            if (e) {
                m_status->setText(tr("Cannot read the table: %1").arg(e->toString()));
                return;
            }
            if (!info.exists) {
                m_status->setText(tr("Table %1 does not exist.").arg(info.name.display()));
                return;
            }
            m_info = info;
            m_grid->clear();
            QStringList headers;
            for (const TableColumn& c : info.columns)
                headers << QStringLiteral("%1\n%2").arg(c.name, c.type);
            m_grid->setColumnCount(static_cast<int>(info.columns.size()));
            m_grid->setHorizontalHeaderLabels(headers);
            m_grid->setRowCount(1);
            if (info.engine == QLatin1String("Kafka") && info.topics.size() > 1) {
                m_warning->setText(
                    tr("%1 reads %n topic(s) (%2); ClickHouse writes inserted rows to the first one only "
                       "(%3).",
                       nullptr, static_cast<int>(info.topics.size()))
                        .arg(info.name.display(), info.topics.join(QStringLiteral(", ")),
                             info.topics.first()));
                m_warning->show();
            } else {
                m_warning->hide();
            }
            m_status->setText(
                tr("%1: %2 table with %n column(s).", nullptr, static_cast<int>(info.columns.size()))
                    .arg(info.name.display(), info.engine));
            emit columnsLoaded();
        });
}

QByteArray WriteBackDialog::gridAsTsv() const {
    std::string out;
    for (int r = 0; r < m_grid->rowCount(); ++r) {
        bool empty = true;
        std::string line;
        for (int c = 0; c < m_grid->columnCount(); ++c) {
            const QString text = m_grid->index(r, c).data().toString();
            empty = empty && text.isEmpty();
            if (c > 0)
                line += '\t';
            if (text == QLatin1String("\\N"))
                line += "\\N"; // typed NULL stays NULL
            else
                appendTsvEscaped(text.toStdString(), line);
        }
        if (!empty) // a row left blank is not a row of empty strings
            out += line + '\n';
    }
    return QByteArray::fromStdString(out);
}

void WriteBackDialog::insert() {
    if (m_busy)
        return;
    if (!m_client || !m_info.exists) {
        m_status->setText(tr("Load the table's columns first."));
        return;
    }
    const bool fromGrid = m_pages->currentIndex() == 0;
    const QByteArray rows = fromGrid ? gridAsTsv() : m_json->toPlainText().toUtf8();
    if (rows.trimmed().isEmpty()) {
        m_status->setText(tr("Nothing to insert."));
        return;
    }
    send(fromGrid ? QStringLiteral("TabSeparated") : QStringLiteral("JSONEachRow"), rows);
}

void WriteBackDialog::send(const QString& format, const QByteArray& body) {
    m_body.close();
    m_body.setData(body);
    m_body.open(QIODevice::ReadOnly);
    setBusy(true);
    const int rows = static_cast<int>(body.count('\n') + (body.endsWith('\n') ? 0 : 1));
    m_status->setText(tr("Inserting %n row(s)…", nullptr, rows));
    QueryOptions options;
    options.timeoutMs = 120000;
    ClickHouseQuery* q = m_client->insert(
        QStringLiteral("INSERT INTO %1 FORMAT %2").arg(m_info.name.quoted(), format), &m_body, options);
    m_inFlight = q;
    connect(q, &ClickHouseQuery::finished, this, [this, q, rows] {
        setBusy(false);
        m_inFlight.clear();
        if (const auto& e = q->error()) {
            const bool kafkaRefused =
                m_info.engine == QLatin1String("Kafka") && e->kind == ClickHouseError::Kind::Server &&
                (e->serverCode == 48 || e->message.contains(QLatin1String("not supported")));
            if (kafkaRefused) {
                const QString version =
                    m_client && m_client->capabilities() ? m_client->capabilities()->version().text : QString();
                m_status->setText(
                    tr("This ClickHouse server (%1) cannot INSERT into Kafka-engine tables; writing to "
                       "Kafka through ClickHouse needs a newer server. Nothing was produced. The server "
                       "said: %2")
                        .arg(version, e->message));
            } else if (e->kind == ClickHouseError::Kind::Cancelled) {
                m_status->setText(tr("Insert cancelled: rows may or may not have been written."));
            } else {
                m_status->setText(tr("Insert failed: %1").arg(e->toString()));
            }
            emit inserted(false);
            return;
        }
        m_status->setText(tr("Inserted %n row(s) into %1.", nullptr, rows).arg(m_info.name.display()));
        emit inserted(true);
    });
}

void WriteBackDialog::cancel() {
    ++m_generation;
    if (ClickHouseQuery* q = m_inFlight.data())
        q->cancel();
    else if (m_busy)
        setBusy(false);
}

} // namespace ckstudio
