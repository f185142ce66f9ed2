#include "ClickHouseServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

namespace ckstudio::test {

int freeLoopbackPort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

namespace {

bool writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(content) == content.size();
}

bool run(const QString& program, const QStringList& args, QString* error) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = program + QStringLiteral(" failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace

ClickHouseServer::ClickHouseServer() = default;

ClickHouseServer::~ClickHouseServer() {
    stop();
}

QString ClickHouseServer::dataDir() const {
    return m_dir.path();
}
QString ClickHouseServer::caFile() const {
    return m_dir.filePath(QStringLiteral("ca.pem"));
}
QUrl ClickHouseServer::httpUrl() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_httpPort));
}
QUrl ClickHouseServer::httpsUrl() const {
    return QUrl(QStringLiteral("https://localhost:%1/").arg(m_httpsPort));
}
qint64 ClickHouseServer::pid() const {
    return m_process ? m_process->processId() : 0;
}
bool ClickHouseServer::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

bool ClickHouseServer::makeCertificates() {
    const QString d = m_dir.path();
    auto p = [&](const char* name) { return d + QLatin1Char('/') + QLatin1String(name); };
    if (!writeFile(p("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                                 "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                                 "extendedKeyUsage=serverAuth\n"))
        return false;
    const QString openssl = QStringLiteral("openssl");
    return run(openssl,
               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), p("ca.key"),
                QStringLiteral("-out"), p("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=ckstudio test CA")},
               &m_error) &&
           run(openssl,
               {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), p("server.key"), QStringLiteral("-out"),
                p("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")},
               &m_error) &&
           run(openssl,
               {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), p("server.csr"),
                QStringLiteral("-CA"), p("ca.pem"), QStringLiteral("-CAkey"), p("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), p("server.pem"),
                QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), p("san.ext")},
               &m_error);
}

bool ClickHouseServer::writeConfig() {
    const QString d = m_dir.path();
    const QByteArray config = QStringLiteral(R"(<yandex>
  <logger><level>information</level><log>%1/server.log</log><errorlog>%1/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>%2</http_port>
  <https_port>%3</https_port>
  <tcp_port>%4</tcp_port>
  <openSSL>
    <server>
      <certificateFile>%1/server.pem</certificateFile>
      <privateKeyFile>%1/server.key</privateKeyFile>
      <verificationMode>none</verificationMode>
      <loadDefaultCAFile>false</loadDefaultCAFile>
      <cacheSessions>true</cacheSessions>
      <disableProtocols>sslv2,sslv3</disableProtocols>
      <preferServerCiphers>true</preferServerCiphers>
    </server>
  </openSSL>
  <path>%1/data/</path>
  <tmp_path>%1/tmp/</tmp_path>
  <user_files_path>%1/user_files/</user_files_path>
  <format_schema_path>%1/format_schemas/</format_schema_path>
  <users_config>%1/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <max_concurrent_queries>100</max_concurrent_queries>
  <mark_cache_size>104857600</mark_cache_size>
  <uncompressed_cache_size>104857600</uncompressed_cache_size>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
</yandex>
)")
                                  .arg(d)
                                  .arg(m_httpPort)
                                  .arg(m_httpsPort)
                                  .arg(m_tcpPort)
                                  .toUtf8();
    QString profile;
    for (const auto& [name, value] : m_profile)
        profile += QStringLiteral("<%1>%2</%1>").arg(name, value.toHtmlEscaped());
    const QByteArray users = QStringLiteral(R"(<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage>%3</default>
    <readonly_profile><max_memory_usage>4000000000</max_memory_usage><readonly>1</readonly>%3</readonly_profile></profiles>
  <users>
    <%4><password></password><networks><ip>::/0</ip></networks><profile>readonly_profile</profile><quota>default</quota></%4>
    <default><password></password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></default>
    <%1><password>%2</password><networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></%1>
  </users>
  <quotas><default></default></quotas>
</yandex>
)")
                                 .arg(passwordUser(), password(), profile, readonlyUser())
                                 .toUtf8();
    return writeFile(d + QStringLiteral("/config.xml"), config) &&
           writeFile(d + QStringLiteral("/users.xml"), users);
}

bool ClickHouseServer::start() {
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    QString binary = QStandardPaths::findExecutable(QStringLiteral("clickhouse-server"));
    if (binary.isEmpty())
        binary = QStandardPaths::findExecutable(QStringLiteral("clickhouse-server"),
                                                {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (binary.isEmpty()) {
        m_error =
            QStringLiteral("clickhouse-server is not installed (packaging/install-deps.sh installs it)");
        return false;
    }
    if (!makeCertificates())
        return false;
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_httpPort = freeLoopbackPort();
        m_httpsPort = freeLoopbackPort();
        m_tcpPort = freeLoopbackPort();
        if (!writeConfig()) {
            m_error = QStringLiteral("cannot write the server configuration");
            return false;
        }
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("stdout.log")));
        m_process->setWorkingDirectory(m_dir.path());
        m_process->start(binary,
                         {QStringLiteral("--config-file=") + m_dir.filePath(QStringLiteral("config.xml"))});
        if (!m_process->waitForStarted(10000)) {
            m_error = QStringLiteral("clickhouse-server did not start: ") + m_process->errorString();
            continue;
        }
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && isRunning()) {
            if (query(QStringLiteral("SELECT 1"), 2000).ok())
                return true;
            QThread::msleep(100);
        }
        m_error = QStringLiteral("clickhouse-server did not answer: ") + logTail();
        stop();
    }
    return false;
}

void ClickHouseServer::stop() {
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

void ClickHouseServer::kill() {
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

QueryResult ClickHouseServer::query(const QString& sql, int timeoutMs) const {
    QueryResult result;
    QNetworkAccessManager nam;
    QNetworkRequest request(httpUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain; charset=utf-8"));
    request.setTransferTimeout(timeoutMs);
    std::unique_ptr<QNetworkReply> reply(nam.post(request, sql.toUtf8()));
    QSignalSpy spy(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !spy.wait(timeoutMs + 1000)) {
        result.networkError = QStringLiteral("timeout");
        reply->abort();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    return result;
}

QByteArray ClickHouseServer::queryOk(const QString& sql) const {
    const auto r = query(sql);
    if (!r.ok())
        qWarning("query failed (%d): %s\n%s", r.status, qPrintable(sql), r.body.constData());
    return r.body;
}

QString ClickHouseServer::logTail(int bytes) const {
    QString out;
    for (const char* name : {"error.log", "stdout.log"}) {
        QFile f(m_dir.filePath(QLatin1String(name)));
        if (f.open(QIODevice::ReadOnly)) {
            if (f.size() > bytes)
                f.seek(f.size() - bytes);
            out += QString::fromUtf8(f.readAll());
        }
    }
    return out;
}

} // namespace ckstudio::test
