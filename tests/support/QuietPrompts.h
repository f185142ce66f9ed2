#pragma once
// The questions a GUI test's main window asks, answered without a dialog: unsaved changes are discarded, no
// file is chosen, a left-over draft is declined. Errors shown are kept for the test to check.
#include "UserPrompts.h"

#include <QStringList>

namespace ckstudio::test {

class QuietPrompts : public UserPrompts {
public:
    QStringList errors;

    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Discard; }
    QString askOpenFile(QWidget*, const QString&) override { return {}; }
    QString askSaveFile(QWidget*, const QString&) override { return {}; }
    bool askRecoverDraft(QWidget*, const QString&) override { return false; }
    void showError(QWidget*, const QString&, const QString& message) override { errors << message; }
};

} // namespace ckstudio::test
