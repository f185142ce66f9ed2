#include "DdlDialog.h"

#include "ddl/DestinationDdl.h"
#include "itemmodels/ConfigDocument.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ckstudio {

DdlDialog::DdlDialog(ConfigDocument* document, int table, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_table(table)
    , m_kafkaService(new QLineEdit(QStringLiteral("kafka"), this))
    , m_database(new QLineEdit(QStringLiteral("default"), this))
    , m_engine(new QComboBox(this))
    , m_orderBy(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_problems(new QLabel(this)) {
    setObjectName(QStringLiteral("ddlDialog"));
    setWindowTitle(tr("Destination table DDL"));
    m_kafkaService->setObjectName(QStringLiteral("ddlKafkaService"));
    m_kafkaService->setAccessibleName(tr("Kafka service name"));
    m_kafkaService->setToolTip(tr("The connector table lives in database service_<name>"));
    m_database->setAccessibleName(tr("Target database"));
    m_engine->setObjectName(QStringLiteral("ddlEngine"));
    m_engine->setAccessibleName(tr("Engine"));
    m_engine->addItems({QStringLiteral("MergeTree"), QStringLiteral("ReplacingMergeTree"),
                        QStringLiteral("SummingMergeTree"), QStringLiteral("AggregatingMergeTree"),
                        QStringLiteral("ReplicatedMergeTree")});
    m_orderBy->setObjectName(QStringLiteral("ddlOrderBy"));
    m_orderBy->setAccessibleName(tr("Order by"));
    m_orderBy->setPlaceholderText(tr("comma-separated columns; empty: the first column"));
    m_text->setObjectName(QStringLiteral("ddlText"));
    m_text->setAccessibleName(tr("Generated DDL"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_problems->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("ddlProblems"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Kafka service:"), m_kafkaService);
    form->addRow(tr("Target &database:"), m_database);
    form->addRow(tr("&Engine:"), m_engine);
    form->addRow(tr("&Order by:"), m_orderBy);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("ddlCopyButton"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(script()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(720, 520);

    for (auto* edit : {m_kafkaService, m_database, m_orderBy})
        connect(edit, &QLineEdit::textChanged, this, &DdlDialog::regenerate);
    connect(m_engine, &QComboBox::currentTextChanged, this, &DdlDialog::regenerate);
    connect(document, &ConfigDocument::contentChanged, this, &DdlDialog::regenerate);
    regenerate();
}

void DdlDialog::setTableIndex(int table) {
    m_table = table;
    regenerate();
}

QString DdlDialog::script() const {
    return m_text->toPlainText();
}

void DdlDialog::regenerate() {
    const auto* table = m_document->table(m_table);
    if (!table) {
        m_text->clear();
        m_problems->setText(tr("Select a table to generate its DDL."));
        return;
    }
    DdlOptions options;
    options.kafkaService = m_kafkaService->text().trimmed().toStdString();
    options.targetDatabase = m_database->text().trimmed().toStdString();
    options.engine = m_engine->currentText().toStdString();
    for (const auto& part : m_orderBy->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            options.orderBy.push_back(part.trimmed().toStdString());
    const auto result = generateDestinationDdl(*table, options);
    QStringList lines;
    for (const auto& problem : result.problems)
        lines << QString::fromStdString(problem.toLine());
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
    m_text->setPlainText(QString::fromStdString(ddlScript(result.statements)));
    setWindowTitle(tr("DDL for %1").arg(QString::fromStdString(table->name)));
}

} // namespace ckstudio
