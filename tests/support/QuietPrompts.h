#pragma once
// The questions a GUI test's main window asks, answered without a dialog: unsaved changes are discarded, no
// file is chosen, a left-over draft is declined, yes/no is `yes`, text questions take `textAnswers` in turn
// (cancelled when none is left). Errors, warnings and notices shown are kept for the test to check.
#include "UserPrompts.h"

#include <QStringList>

namespace ckstudio::test {

class QuietPrompts : public UserPrompts {
public:
    QStringList errors;
    QStringList warnings;
    QStringList notices;
    QStringList questions; // every yes/no and text question asked
    QStringList textAnswers;
    bool yes = true;

    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Discard; }
    QString askOpenFile(QWidget*, const QString&) override { return {}; }
    QString askSaveFile(QWidget*, const QString&) override { return {}; }
    bool askRecoverDraft(QWidget*, const QString&) override { return false; }
    void showError(QWidget*, const QString&, const QString& message) override { errors << message; }
    void showWarning(QWidget*, const QString&, const QString& message) override { warnings << message; }
    void showInformation(QWidget*, const QString&, const QString& message) override { notices << message; }
    bool askYesNo(QWidget*, const QString&, const QString& question) override {
        questions << question;
        return yes;
    }
    std::optional<QString> askText(QWidget*, const QString&, const QString& label, const QString&) override {
        questions << label;
        if (textAnswers.isEmpty())
            return std::nullopt;
        return textAnswers.takeFirst();
    }
};

} // namespace ckstudio::test
