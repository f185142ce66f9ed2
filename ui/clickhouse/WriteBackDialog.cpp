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
    , mGrid(new QStandardItemModel(this))
    , mTable(new QLineEdit(this))
    , mLoad(new QPushButton(tr("&Load columns"), this))
    , mWarning(new QLabel(this))
    , mPages(new QTabWidget(this))
    , mGridView(new QTableView(this))
    , mJson(new QPlainTextEdit(this))
    , mAddRow(new QPushButton(tr("&Add row"), this))
    , mRemoveRow(new QPushButton(tr("&Remove row"), this))
    , mLoadFile(new QPushButton(tr("Load &file…"), this))
    , mInsert(new QPushButton(tr("&Insert"), this))
    , mCancel(new QPushButton(tr("&Cancel"), this))
    , mStatus(new QLabel(this)) {
    setWindowTitle(tr("Write to a table"));
    mTable->setPlaceholderText(tr("database.table"));
    mTable->setAccessibleName(tr("Table to insert into"));
    mLoad->setAccessibleName(tr("Load the table's columns"));
    mWarning->setWordWrap(true);
    mWarning->setAccessibleName(tr("Write warning"));
    mWarning->hide();
    mGridView->setModel(mGrid);
    mGridView->setAccessibleName(tr("Rows to insert"));
    mGridView->horizontalHeader()->setStretchLastSection(true);
    mJson->setPlaceholderText(tr("One JSON object per line (JSONEachRow)"));
    mJson->setAccessibleName(tr("JSONEachRow rows to insert"));
    mAddRow->setAccessibleName(tr("Add a row"));
    mRemoveRow->setAccessibleName(tr("Remove the selected row"));
    mLoadFile->setAccessibleName(tr("Load JSONEachRow from a file"));
    mInsert->setAccessibleName(tr("Insert the rows"));
    mCancel->setAccessibleName(tr("Cancel the insert"));
    mCancel->setEnabled(false);
    mStatus->setWordWrap(true);
    mStatus->setAccessibleName(tr("Write status"));

    auto* gridPage = new QWidget(this);
    auto* gridLayout = new QVBoxLayout(gridPage);
    gridLayout->addWidget(mGridView, 1);
    auto* gridButtons = new QHBoxLayout;
    gridButtons->addWidget(mAddRow);
    gridButtons->addWidget(mRemoveRow);
    gridButtons->addWidget(new QLabel(tr("Type \\N for NULL."), gridPage));
    gridButtons->addStretch();
    gridLayout->addLayout(gridButtons);
    auto* jsonPage = new QWidget(this);
    auto* jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->addWidget(mJson, 1);
    jsonLayout->addWidget(mLoadFile, 0, Qt::AlignLeft);
    mPages->addTab(gridPage, tr("&Grid"));
    mPages->addTab(jsonPage, tr("&JSONEachRow"));

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Table:"), this));
    top->addWidget(mTable, 1);
    top->addWidget(mLoad);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(mInsert);
    buttons->addWidget(mCancel);
    auto* close = new QPushButton(tr("C&lose"), this);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(mWarning);
    layout->addWidget(mPages, 1);
    layout->addWidget(mStatus);
    layout->addLayout(buttons);

    connect(mLoad, &QPushButton::clicked, this, &WriteBackDialog::loadColumns);
    connect(mInsert, &QPushButton::clicked, this, &WriteBackDialog::insert);
    connect(mCancel, &QPushButton::clicked, this, &WriteBackDialog::cancel);
    connect(mLoadFile, &QPushButton::clicked, this, &WriteBackDialog::loadFile);
    connect(close, &QPushButton::clicked, this, [this] {
        cancel();
        reject();
    });
    connect(mAddRow, &QPushButton::clicked, this, [this] {
        if (mGrid->columnCount() > 0)
            mGrid->insertRow(mGrid->rowCount());
    });
    connect(mRemoveRow, &QPushButton::clicked, this, [this] {
        const QModelIndex current = mGridView->currentIndex();
        if (current.isValid())
            mGrid->removeRow(current.row());
    });
}

void WriteBackDialog::setClient(ClickHouseClient* client) {
    cancel();
    mClient = client;
}

void WriteBackDialog::setTable(const QString& table) {
    mTable->setText(table);
}

void WriteBackDialog::setJsonEachRow(const QString& rows) {
    mJson->setPlainText(rows);
    mPages->setCurrentIndex(1);
}

QString WriteBackDialog::statusText() const {
    return mStatus->text();
}

QString WriteBackDialog::warningText() const {
    return mWarning->isHidden() ? QString() : mWarning->text();
}

void WriteBackDialog::setBusy(bool busy) {
    mBusy = busy;
    mLoad->setEnabled(!busy);
    mInsert->setEnabled(!busy);
    mCancel->setEnabled(busy);
}

void WriteBackDialog::loadFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("JSONEachRow file"), {}, tr("JSON lines (*.jsonl *.ndjson *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        mStatus->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    setJsonEachRow(QString::fromUtf8(file.readAll()));
}

void WriteBackDialog::loadColumns() {
    if (mBusy)
        return;
    QString error;
    const std::optional<TableName> table = TableName::parse(mTable->text().trimmed(), &error);
    if (!table) {
        mStatus->setText(tr("Table name: %1").arg(error));
        return;
    }
    if (!mClient) {
        mStatus->setText(tr("Not connected: set up the ClickHouse connection first."));
        return;
    }
    setBusy(true);
    mStatus->setText(tr("Reading %1…").arg(table->display()));
    const int generation = ++mGeneration;
    inspectTable(
        mClient, *table, this,
        [this, generation](const TableInfo& info, const std::optional<ClickHouseError>& e) {
            if (generation != mGeneration)
                return;
            setBusy(false);
            if (e) {
                mStatus->setText(tr("Cannot read the table: %1").arg(e->toString()));
                return;
            }
            if (!info.exists) {
                mStatus->setText(tr("Table %1 does not exist.").arg(info.name.display()));
                return;
            }
            mInfo = info;
            mGrid->clear();
            QStringList headers;
            for (const TableColumn& c : info.columns)
                headers << QStringLiteral("%1\n%2").arg(c.name, c.type);
            mGrid->setColumnCount(static_cast<int>(info.columns.size()));
            mGrid->setHorizontalHeaderLabels(headers);
            mGrid->setRowCount(1);
            if (info.engine == QLatin1String("Kafka") && info.topics.size() > 1) {
                mWarning->setText(
                    tr("%1 reads %n topic(s) (%2); ClickHouse writes inserted rows to the first one only "
                       "(%3).",
                       nullptr, static_cast<int>(info.topics.size()))
                        .arg(info.name.display(), info.topics.join(QStringLiteral(", ")),
                             info.topics.first()));
                mWarning->show();
            } else {
                mWarning->hide();
            }
            mStatus->setText(
                tr("%1: %2 table with %n column(s).", nullptr, static_cast<int>(info.columns.size()))
                    .arg(info.name.display(), info.engine));
            emit columnsLoaded();
        });
}

QByteArray WriteBackDialog::gridAsTsv() const {
    std::string out;
    for (int r = 0; r < mGrid->rowCount(); ++r) {
        bool empty = true;
        std::string line;
        for (int c = 0; c < mGrid->columnCount(); ++c) {
            const QString text = mGrid->index(r, c).data().toString();
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
    if (mBusy)
        return;
    if (!mClient || !mInfo.exists) {
        mStatus->setText(tr("Load the table's columns first."));
        return;
    }
    const bool fromGrid = mPages->currentIndex() == 0;
    const QByteArray rows = fromGrid ? gridAsTsv() : mJson->toPlainText().toUtf8();
    if (rows.trimmed().isEmpty()) {
        mStatus->setText(tr("Nothing to insert."));
        return;
    }
    send(fromGrid ? QStringLiteral("TabSeparated") : QStringLiteral("JSONEachRow"), rows);
}

void WriteBackDialog::send(const QString& format, const QByteArray& body) {
    mBody.close();
    mBody.setData(body);
    mBody.open(QIODevice::ReadOnly);
    setBusy(true);
    const int rows = static_cast<int>(body.count('\n') + (body.endsWith('\n') ? 0 : 1));
    mStatus->setText(tr("Inserting %n row(s)…", nullptr, rows));
    QueryOptions options;
    options.timeoutMs = 120000;
    ClickHouseQuery* q = mClient->insert(
        QStringLiteral("INSERT INTO %1 FORMAT %2").arg(mInfo.name.quoted(), format), &mBody, options);
    mInFlight = q;
    connect(q, &ClickHouseQuery::finished, this, [this, q, rows] {
        setBusy(false);
        mInFlight.clear();
        if (const auto& e = q->error()) {
            const bool kafkaRefused =
                mInfo.engine == QLatin1String("Kafka") && e->kind == ClickHouseError::Kind::Server &&
                (e->serverCode == 48 || e->message.contains(QLatin1String("not supported")));
            if (kafkaRefused) {
                const QString version =
                    mClient && mClient->capabilities() ? mClient->capabilities()->version().text : QString();
                mStatus->setText(
                    tr("This ClickHouse server (%1) cannot INSERT into Kafka-engine tables; writing to "
                       "Kafka through ClickHouse needs a newer server. Nothing was produced. The server "
                       "said: %2")
                        .arg(version, e->message));
            } else if (e->kind == ClickHouseError::Kind::Cancelled) {
                mStatus->setText(tr("Insert cancelled: rows may or may not have been written."));
            } else {
                mStatus->setText(tr("Insert failed: %1").arg(e->toString()));
            }
            emit inserted(false);
            return;
        }
        mStatus->setText(tr("Inserted %n row(s) into %1.", nullptr, rows).arg(mInfo.name.display()));
        emit inserted(true);
    });
}

void WriteBackDialog::cancel() {
    ++mGeneration;
    if (ClickHouseQuery* q = mInFlight.data())
        q->cancel();
    else if (mBusy)
        setBusy(false);
}

} // namespace ckstudio
