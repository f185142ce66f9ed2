#pragma once
// The whole config as the API's user_config JSON, an `avn` command line or a Terraform block, to copy or
// save.
#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace ckstudio {

class ConfigDocument;
class UserPrompts;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Format { UserConfigJson, Avn, Terraform };
    ExportDialog(ConfigDocument* document, UserPrompts* prompts, QWidget* parent = nullptr);

    void setFormat(Format format);
    QString text() const;
    // Writes the current text atomically; returns an error message, empty on success.
    QString saveTo(const QString& path) const;

private:
    void regenerate();
    ConfigDocument* m_document;
    UserPrompts* m_prompts;
    QComboBox* m_format;
    QLineEdit* m_project;
    QLineEdit* m_integration;
    QPlainTextEdit* m_text;
};

} // namespace ckstudio
