#include "aiven/InferredColumnsDialog.h"

#include "itemmodels/ConfigDocument.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ckstudio {

bool applyInferredColumns(ConfigDocument& document, int table, const std::vector<Column>& columns,
                          const QString& topic) {
    if (table < 0 || table >= document.tableCount() || columns.empty())
        return false;
    UserConfig config = document.config();
    auto& target = config.tables[static_cast<std::size_t>(table)];
    if (target.columns == columns)
        return false;
    target.columns = columns;
    document.replaceConfig(
        std::move(config),
        QObject::tr("Columns of %1 inferred from topic %2").arg(QString::fromStdString(target.name), topic));
    return true;
}

std::string inferenceFormatFor(const std::string& dataFormat) {
    return dataFormat == "JSONStringsEachRow" ? dataFormat : std::string("JSONEachRow");
}

InferredColumnsDialog::InferredColumnsDialog(InferenceResult result, ConfigDocument* document, int table,
                                             const QString& topic, QWidget* parent)
    : QDialog(parent)
    , m_result(std::move(result))
    , m_document(document)
    , m_table(table)
    , m_topic(topic)
    , m_text(new QPlainTextEdit(this))
    , m_apply(new QPushButton(this)) {
    setWindowTitle(tr("Columns Inferred from %1").arg(topic));
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Inferred columns and warnings"));
    QString body;
    for (const auto& column : m_result.columns)
        body += QStringLiteral("%1 %2\n").arg(QString::fromStdString(column.name),
                                              QString::fromStdString(column.type));
    if (!m_result.problems.empty()) {
        body += QLatin1Char('\n');
        for (const auto& problem : m_result.problems)
            body += QString::fromStdString(problem.message) + QLatin1Char('\n');
    }
    m_text->setPlainText(body);

    const ConnectorTable* target = document ? document->table(table) : nullptr;
    m_apply->setText(target ? tr("&Apply to Table %1").arg(QString::fromStdString(target->name))
                            : tr("&Apply to Table"));
    m_apply->setEnabled(target && !m_result.columns.empty());
    if (!target)
        m_apply->setToolTip(tr("Select a table in the editor to apply the columns to it."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_apply, QDialogButtonBox::ActionRole);
    auto* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &InferredColumnsDialog::apply);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("%n column(s) from the shown messages:", nullptr, static_cast<int>(m_result.columns.size())),
        this));
    layout->addWidget(m_text);
    layout->addWidget(buttons);
}

void InferredColumnsDialog::apply() {
    if (m_document && applyInferredColumns(*m_document, m_table, m_result.columns, m_topic))
        accept();
}

} // namespace ckstudio
