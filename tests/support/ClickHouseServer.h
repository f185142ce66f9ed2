#pragma once
// Test fixture: Debian's clickhouse-server started on free loopback ports in a temporary directory, with
// HTTP and HTTPS (certificate signed by a CA the fixture makes with openssl). Stopped in the destructor.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace ckstudio::test {

struct QueryResult {
    int status = 0; // HTTP status, 0 on network error
    QByteArray body;
    QString networkError; // non-empty on network error
    bool ok() const { return status == 200 && networkError.isEmpty(); }
};

class ClickHouseServer {
public:
    ClickHouseServer();
    ~ClickHouseServer();
    ClickHouseServer(const ClickHouseServer&) = delete;
    ClickHouseServer& operator=(const ClickHouseServer&) = delete;

    // A setting of the default profile (both users), e.g. stream_flush_interval_ms; call before start().
    void setProfileSetting(const QString& name, const QString& value) { m_profile.append({name, value}); }

    // Starts the server; false (with error()) when clickhouse-server is missing or does not come up.
    bool start();
    void stop();
    // SIGKILL, no shutdown: connections break mid-answer (fault tests). Waits until the process is gone.
    void kill();
    bool isRunning() const;
    QString error() const { return m_error; }

    QUrl httpUrl() const;   // http://127.0.0.1:PORT/
    QUrl httpsUrl() const;  // https://localhost:PORT/ (certificate issued for localhost and 127.0.0.1)
    QString caFile() const; // PEM of the CA that signed the server certificate
    int tcpPort() const { return m_tcpPort; } // native protocol, for clickhouse-client
    QString dataDir() const;
    qint64 pid() const;

    // A user with a password, besides `default` (no password).
    static QString passwordUser() { return QStringLiteral("tester"); }
    static QString password() { return QStringLiteral("s3cret"); }
    // A user whose profile has readonly=1 (common on managed services): any setting in a request is refused.
    static QString readonlyUser() { return QStringLiteral("reader"); }

    // Runs one statement over HTTP as `default` (test convenience; waits with a local spy, test code only).
    QueryResult query(const QString& sql, int timeoutMs = 30000) const;
    QByteArray queryOk(const QString& sql) const; // QFAIL-friendly: returns body, qWarning on failure

    // Server log, for diagnostics when a test fails.
    QString logTail(int bytes = 4000) const;

private:
    bool writeConfig();
    bool makeCertificates();
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_httpPort = 0;
    int m_httpsPort = 0;
    int m_tcpPort = 0;
    QString m_error;
    QList<QPair<QString, QString>> m_profile;
};

// A free TCP port on 127.0.0.1 (bound then released).
int freeLoopbackPort();

} // namespace ckstudio::test
