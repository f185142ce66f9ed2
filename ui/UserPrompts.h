#pragma once
// Questions the editor asks the user. The window talks to this interface only, so that tests can answer
// without modal dialogs; DialogPrompts is the real thing.
#include <QCoreApplication>
#include <QString>
#include <optional>

class QWidget;

namespace ckstudio {

class UserPrompts {
public:
    enum class SaveChoice { Save, Discard, Cancel };
    virtual ~UserPrompts() = default;

    virtual SaveChoice askSaveChanges(QWidget* parent, const QString& documentName) = 0;
    // Empty when cancelled.
    virtual QString askOpenFile(QWidget* parent, const QString& directory) = 0;
    virtual QString askSaveFile(QWidget* parent, const QString& suggestion) = 0;
    // `description` names the draft (file, time); true restores it.
    virtual bool askRecoverDraft(QWidget* parent, const QString& description) = 0;
    virtual void showError(QWidget* parent, const QString& title, const QString& message) = 0;
    virtual void showWarning(QWidget* parent, const QString& title, const QString& message) = 0;
    virtual void showInformation(QWidget* parent, const QString& title, const QString& message) = 0;
    virtual bool askYesNo(QWidget* parent, const QString& title, const QString& question) = 0;
    // A line of text; nullopt when cancelled.
    virtual std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label,
                                           const QString& initial) = 0;
};

// Standard message boxes and file dialogs.
class DialogPrompts : public UserPrompts {
    Q_DECLARE_TR_FUNCTIONS(ckstudio::DialogPrompts)
public:
    SaveChoice askSaveChanges(QWidget* parent, const QString& documentName) override;
    QString askOpenFile(QWidget* parent, const QString& directory) override;
    QString askSaveFile(QWidget* parent, const QString& suggestion) override;
    bool askRecoverDraft(QWidget* parent, const QString& description) override;
    void showError(QWidget* parent, const QString& title, const QString& message) override;
    void showWarning(QWidget* parent, const QString& title, const QString& message) override;
    void showInformation(QWidget* parent, const QString& title, const QString& message) override;
    bool askYesNo(QWidget* parent, const QString& title, const QString& question) override;
    std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label,
                                   const QString& initial) override;

private:
    static QString jsonFilter() { return tr("JSON files (*.json);;All files (*)"); }
};

} // namespace ckstudio
