#pragma once
// Where to reach ClickHouse: URL, user, password, CA file, and a Test button that shows the server version.
// Starts from CLICKHOUSE_URL / CLICKHOUSE_USER / CLICKHOUSE_PASSWORD; the password is kept in the SecretStore
// (keychain), never in QSettings, and never shown in messages. A successful test emits connected().
#include "clickhouse/ConnectionSettings.h"

#include <QPointer>
#include <QProcessEnvironment>
#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ckstudio {

class ClickHouseClient;
class SecretStore;

class ConnectionPanel : public QWidget {
    Q_OBJECT
public:
    // store: where passwords are remembered (not owned; may be null). env: the process environment.
    explicit ConnectionPanel(SecretStore* store,
                             const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                             QWidget* parent = nullptr);
    ~ConnectionPanel() override;

    ConnectionSettings settings() const;
    void setSettings(const ConnectionSettings& settings);
    bool isTesting() const { return m_testClient != nullptr; }
    QString resultText() const;

    // The keychain entry of a user's password on a server.
    static QString secretKey(const ConnectionSettings& settings);

public slots:
    void test();
    void cancelTest();
    // Fills an empty password field from the SecretStore for the current URL and user.
    void loadStoredPassword();

signals:
    void connected(const ckstudio::ConnectionSettings& settings, const QString& serverVersion);
    void testFailed(const QString& message);

private:
    void finishTest(const QString& message, bool ok);

    QPointer<SecretStore> m_store;
    QLineEdit* m_url;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_caFile;
    QPushButton* m_browse;
    QPushButton* m_test;
    QPushButton* m_cancel;
    QLabel* m_result;
    std::unique_ptr<ClickHouseClient> m_testClient;
};

} // namespace ckstudio
