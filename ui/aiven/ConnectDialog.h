#pragma once
// Connecting to Aiven: API address, token (never echoed), "Test connection" (lists the projects) and
// "Remember in keychain" (through a SecretStore; never QSettings). The token leaves the dialog only through
// clientOptions() and the SecretStore.
#include "aiven/AivenClient.h"

#include <QDialog>
#include <QPointer>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ckstudio {

class SecretStore;

class ConnectDialog : public QDialog {
    Q_OBJECT
public:
    // `keychain` may be null (no "remember" choice). `initial` fills the fields (e.g. from
    // resolveAivenToken()).
    ConnectDialog(SecretStore* keychain, const AivenClient::Options& initial, QWidget* parent = nullptr);
    ~ConnectDialog() override;

    // What the user entered, for a new AivenClient.
    AivenClient::Options clientOptions() const;

    QLineEdit* urlEdit() const { return m_url; }
    QLineEdit* tokenEdit() const { return m_token; }
    QCheckBox* rememberBox() const { return m_remember; }
    QPushButton* testButton() const { return m_test; }
    QString resultText() const;

public slots:
    void testConnection();
    void accept() override;

signals:
    // Test connection ended; `message` says how many projects, or why it failed.
    void tested(bool ok, const QString& message);

private:
    void showResult(bool ok, const QString& message);

    QPointer<SecretStore> m_keychain;
    AivenClient::Options m_initial;
    QLineEdit* m_url;
    QLineEdit* m_token;
    QCheckBox* m_remember;
    QPushButton* m_test;
    QLabel* m_result;
    std::unique_ptr<AivenClient> m_probe; // the client of the running test
    bool m_saving = false;
};

} // namespace ckstudio
