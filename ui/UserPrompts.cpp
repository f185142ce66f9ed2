#include "UserPrompts.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace ckstudio {

UserPrompts::SaveChoice DialogPrompts::askSaveChanges(QWidget* parent, const QString& documentName) {
    const auto answer = QMessageBox::warning(
        parent, tr("Unsaved changes"), tr("Save the changes to %1 first?").arg(documentName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return SaveChoice::Save;
    return answer == QMessageBox::Discard ? SaveChoice::Discard : SaveChoice::Cancel;
}

QString DialogPrompts::askOpenFile(QWidget* parent, const QString& directory) {
    return QFileDialog::getOpenFileName(parent, tr("Open configuration"), directory, jsonFilter());
}

QString DialogPrompts::askSaveFile(QWidget* parent, const QString& suggestion) {
    return QFileDialog::getSaveFileName(parent, tr("Save configuration"), suggestion, jsonFilter());
}

bool DialogPrompts::askRecoverDraft(QWidget* parent, const QString& description) {
    return QMessageBox::question(
               parent, tr("Recover unsaved work"),
               tr("ClickHouse Kafka Studio did not close cleanly last time. Restore the unsaved "
                  "draft?\n\n%1")
                   .arg(description),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
}

void DialogPrompts::showError(QWidget* parent, const QString& title, const QString& message) {
    QMessageBox::critical(parent, title, message);
}

void DialogPrompts::showWarning(QWidget* parent, const QString& title, const QString& message) {
    QMessageBox::warning(parent, title, message);
}

void DialogPrompts::showInformation(QWidget* parent, const QString& title, const QString& message) {
    QMessageBox::information(parent, title, message);
}

bool DialogPrompts::askYesNo(QWidget* parent, const QString& title, const QString& question) {
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::Yes) == QMessageBox::Yes;
}

std::optional<QString> DialogPrompts::askText(QWidget* parent, const QString& title, const QString& label,
                                              const QString& initial) {
    bool ok = false;
    const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    return ok ? std::optional<QString>(text) : std::nullopt;
}

} // namespace ckstudio
