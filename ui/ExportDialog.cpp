#include "ExportDialog.h"

#include "UserPrompts.h"
#include "domain/JsonText.h"
#include "export/Exporters.h"
#include "itemmodels/ConfigDocument.h"

#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ckstudio {

ExportDialog::ExportDialog(ConfigDocument* document, UserPrompts* prompts, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
    , m_prompts(prompts)
    , m_format(new QComboBox(this))
    , m_project(new QLineEdit(this))
    , m_integration(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export configuration"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Export format"));
    m_format->addItem(tr("user_config JSON"), static_cast<int>(Format::UserConfigJson));
    m_format->addItem(tr("avn command line"), static_cast<int>(Format::Avn));
    m_format->addItem(tr("Terraform block"), static_cast<int>(Format::Terraform));
    m_project->setAccessibleName(tr("Aiven project"));
    m_project->setPlaceholderText(tr("project name"));
    m_integration->setAccessibleName(tr("Integration ID"));
    m_integration->setPlaceholderText(tr("integration id"));
    m_text->setObjectName(QStringLiteral("exportText"));
    m_text->setAccessibleName(tr("Exported text"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Project:"), m_project);
    form->addRow(tr("&Integration:"), m_integration);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    auto* save = buttons->addButton(tr("&Save to file…"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("exportCopyButton"));
    save->setObjectName(QStringLiteral("exportSaveButton"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(text()); });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = m_prompts->askSaveFile(this, QString());
        if (path.isEmpty())
            return;
        if (const QString error = saveTo(path); !error.isEmpty())
            m_prompts->showError(this, tr("Export failed"), error);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(720, 520);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::regenerate);
    connect(m_project, &QLineEdit::textChanged, this, &ExportDialog::regenerate);
    connect(m_integration, &QLineEdit::textChanged, this, &ExportDialog::regenerate);
    connect(document, &ConfigDocument::contentChanged, this, &ExportDialog::regenerate);
    regenerate();
}

void ExportDialog::setFormat(Format format) {
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

QString ExportDialog::text() const {
    return m_text->toPlainText();
}

QString ExportDialog::saveTo(const QString& path) const {
    return QString::fromStdString(writeTextFileAtomically(path, text().toStdString()));
}

void ExportDialog::regenerate() {
    const auto& config = m_document->config();
    const auto project = m_project->text().trimmed().toStdString();
    const auto integration = m_integration->text().trimmed().toStdString();
    std::string out;
    switch (static_cast<Format>(m_format->currentData().toInt())) {
    case Format::UserConfigJson:
        out = exportUserConfigJson(config);
        break;
    case Format::Avn:
        out = exportAvnCommand(config, project, integration);
        break;
    case Format::Terraform:
        out = exportTerraform(config, project, integration);
        break;
    }
    m_project->setEnabled(m_format->currentData().toInt() != static_cast<int>(Format::UserConfigJson));
    m_integration->setEnabled(m_project->isEnabled());
    m_text->setPlainText(QString::fromStdString(out));
}

} // namespace ckstudio
