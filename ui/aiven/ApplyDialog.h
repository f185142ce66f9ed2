#pragma once
// The apply dialog: checks the remote, then shows either the changes by table (Apply) or, when someone else
// changed the integration since it was opened, base / remote / mine side by side (Overwrite or Take remote).
// While applying it shows progress and then the integration's status with its errors. Never modal-blocking:
// use open() or show(); checking starts when the dialog is first shown.
#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ckstudio {

class AivenClient;
class ApplyController;
class ConfigDocument;
struct ConfigDiff;

class ApplyDialog : public QDialog {
    Q_OBJECT
public:
    ApplyDialog(AivenClient* client, ConfigDocument* document, const QString& project,
                const QString& integrationId, QWidget* parent = nullptr);
    ~ApplyDialog() override;

    ApplyController* controller() const { return m_controller; }

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

Q_SIGNALS:
    // The remote now holds the document (whatever its status turned out to be).
    void applied();

protected:
    void showEvent(QShowEvent* event) override;
    void reject() override;

private:
    void showReview(const ConfigDiff& diff);
    void showConflict(const QString& base, const QString& remote, const QString& mine);
    void showBusy(const QString& message);
    void showFinished(bool ok, const QString& message);
    QWidget* titled(const QString& title, QWidget* content);

    ApplyController* m_controller;
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
    bool m_pushed = false;
};

} // namespace ckstudio
