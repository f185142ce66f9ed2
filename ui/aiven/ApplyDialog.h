#pragma once
// The apply dialog presents app/aiven/ApplyWorkflow for the open document: it checks the remote, then shows
// either the changes by table (Apply) or, when someone else changed the integration since it was opened (or
// nothing says what it was opened from), base / remote / mine side by side (Overwrite or Take remote). While
// applying it shows progress and then the integration's status with its errors. Never modal-blocking: use
// open() or show(); checking starts when the dialog is first shown.
#include <QDialog>
#include <QPointer>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ckstudio {

class AivenClient;
class ApplyWorkflow;
class ConfigDocument;
struct ApplyCheck;
struct ApplyOutcome;

class ApplyDialog : public QDialog {
    Q_OBJECT
public:
    ApplyDialog(AivenClient* client, ConfigDocument* document, const QString& project,
                const QString& integrationId, QWidget* parent = nullptr);
    ~ApplyDialog() override;

    ApplyWorkflow* workflow() const { return m_workflow; }

    // For tests and automation; the buttons do the same.
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* overwriteButton() const { return m_overwrite; }
    QPushButton* takeRemoteButton() const { return m_takeRemote; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString diffText() const;
    QString baseText() const;
    QString remoteText() const;
    QString mineText() const;
    QString statusText() const;
    QStringList statusErrors() const;

signals:
    // The remote now holds the document (whatever its status turned out to be).
    void applied();

protected:
    void showEvent(QShowEvent* event) override;
    void reject() override;

private:
    void startCheck();
    void showCheck(const ApplyCheck& check);
    void showReview(const ApplyCheck& check);
    void showConflict(const ApplyCheck& check);
    void showBusy(const QString& message);
    void showFinished(const QString& message);
    void takeRemote();
    QWidget* titled(const QString& title, QWidget* content);

    QPointer<ConfigDocument> m_document;
    ApplyWorkflow* m_workflow;
    QStackedWidget* m_pages;
    QLabel* m_busyLabel;
    QProgressBar* m_progress;
    QLabel* m_reviewSummary;
    QPlainTextEdit* m_diff;
    QLabel* m_conflictSummary;
    QPlainTextEdit* m_base;
    QPlainTextEdit* m_remote;
    QPlainTextEdit* m_mine;
    QLabel* m_status;
    QListWidget* m_errors;
    QPushButton* m_apply;
    QPushButton* m_overwrite;
    QPushButton* m_takeRemote;
    QPushButton* m_cancel;
    bool m_started = false;
};

} // namespace ckstudio
