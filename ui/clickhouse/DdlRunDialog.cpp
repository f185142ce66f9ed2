#include "clickhouse/DdlRunDialog.h"

#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/DdlRunner.h"
#include "clickhouse/SqlHighlighter.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace ckstudio {

DdlRunDialog::DdlRunDialog(std::vector<DdlStatement> statements, QWidget* parent)
    : QDialog(parent)
    , m_runner(new DdlRunner(std::move(statements), this))
    , m_sql(new QPlainTextEdit(this))
    , m_log(new QPlainTextEdit(this))
    , m_progress(new QProgressBar(this))
    , m_copy(new QPushButton(tr("C&opy SQL"), this))
    , m_run(new QPushButton(tr("&Run"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_status(new QLabel(this)) {
    setWindowTitle(tr("Destination DDL"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_sql->setReadOnly(true);
    m_sql->setFont(mono);
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sql->setPlainText(script());
    m_sql->setAccessibleName(tr("DDL statements"));
    new SqlHighlighter(m_sql->document());
    m_log->setReadOnly(true);
    m_log->setAccessibleName(tr("DDL run report"));
    m_progress->setRange(0, static_cast<int>(m_runner->statements().size()));
    m_progress->setValue(0);
    m_progress->setAccessibleName(tr("DDL run progress"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("DDL run status"));
    m_copy->setAccessibleName(tr("Copy the DDL"));
    m_run->setAccessibleName(tr("Run the DDL on ClickHouse"));
    m_cancel->setAccessibleName(tr("Cancel the DDL run"));
    m_cancel->setEnabled(false);
    auto* close = new QPushButton(tr("C&lose"), this);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_sql);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 3);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addStretch();
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_copy, &QPushButton::clicked, this, &DdlRunDialog::copyScript);
    connect(m_run, &QPushButton::clicked, this, &DdlRunDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &DdlRunDialog::cancel);
    connect(close, &QPushButton::clicked, this, [this] {
        cancel();
        reject();
    });
    connect(m_runner, &DdlRunner::stepStarted, this, &DdlRunDialog::showStarted);
    connect(m_runner, &DdlRunner::stepDone, this, &DdlRunDialog::showDone);
    connect(m_runner, &DdlRunner::finished, this, &DdlRunDialog::showFinished);
}

void DdlRunDialog::setClient(ClickHouseClient* client) {
    m_client = client;
    m_runner->setClient(client);
}

bool DdlRunDialog::isRunning() const {
    return m_runner->isRunning();
}

QString DdlRunDialog::script() const {
    return QString::fromStdString(ddlScript(m_runner->statements()));
}

QString DdlRunDialog::statusText() const {
    return m_status->text();
}

void DdlRunDialog::copyScript() {
    QApplication::clipboard()->setText(script());
    m_status->setText(
        tr("Copied %n statement(s).", nullptr, static_cast<int>(m_runner->statements().size())));
}

void DdlRunDialog::run() {
    if (m_runner->isRunning())
        return;
    if (!m_client) {
        m_status->setText(tr("Not connected: set up the ClickHouse connection first."));
        return;
    }
    m_report.clear();
    m_log->clear();
    m_progress->setValue(0);
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Looking for existing objects…"));
    m_runner->start();
}

void DdlRunDialog::cancel() {
    m_runner->cancel();
}

void DdlRunDialog::note(const QString& line) {
    m_report << line;
    m_log->appendPlainText(line);
}

void DdlRunDialog::showStarted(std::size_t index) {
    const DdlStep& step = m_runner->steps()[index];
    const QString what = QString::fromStdString(m_runner->statements()[index].what);
    if (step.outcome == DdlStep::Outcome::Existed)
        note(tr("already existed: %1").arg(what));
    else
        m_status->setText(tr("[%1/%2] %3…").arg(index + 1).arg(m_runner->statements().size()).arg(what));
}

void DdlRunDialog::showDone(std::size_t index) {
    const DdlStep& step = m_runner->steps()[index];
    const QString what = QString::fromStdString(m_runner->statements()[index].what);
    const QString table = m_runner->targets()[index].name.display();
    m_progress->setValue(static_cast<int>(index + 1));
    switch (step.outcome) {
    case DdlStep::Outcome::Ran:
        note(tr("created: %1").arg(what));
        break;
    case DdlStep::Outcome::Failed:
        note(tr("failed: %1: %2").arg(what, step.error ? step.error->toString() : QString()));
        break;
    case DdlStep::Outcome::Cancelled:
        note(tr("cancelled: %1 (the server may still have run it)").arg(what));
        break;
    default:
        break;
    }
    if (!step.columnsCompared)
        return;
    if (step.differences.empty())
        note(tr("same columns: %1 matches the DDL").arg(table));
    for (const ColumnDifference& d : step.differences)
        note(tr("differs: %1: %2").arg(table, d.toString()));
}

void DdlRunDialog::showFinished(bool ok) {
    const auto& steps = m_runner->steps();
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].outcome == DdlStep::Outcome::NotRun)
            note(tr("not run: %1").arg(QString::fromStdString(m_runner->statements()[i].what)));
    const auto& stop = m_runner->stop();
    if (ok || !stop)
        m_status->setText(tr("Done: %n statement(s) handled.", nullptr, static_cast<int>(steps.size())));
    else if (stop->error.kind == ClickHouseError::Kind::Cancelled)
        m_status->setText(tr("Cancelled: the statements above that say \"created\" did run."));
    else
        m_status->setText(tr("Stopped at %1: %2").arg(stop->during, stop->error.toString()));
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    emit finished(ok);
}

} // namespace ckstudio
