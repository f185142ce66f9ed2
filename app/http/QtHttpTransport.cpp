// The HTTP module (libckstudio-http.so): HttpTransport over Qt Network. See HttpTransport.h.
#include "http/HttpTransport.h"
#include "http/LeanHttpReply.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

namespace ckstudio {
namespace {

#define CKSTUDIO_SAME_ERROR(ours, qt)                                                                        \
    static_assert(static_cast<int>(HttpNetworkError::ours) == static_cast<int>(QNetworkReply::qt))
CKSTUDIO_SAME_ERROR(NoError, NoError);
CKSTUDIO_SAME_ERROR(ConnectionRefused, ConnectionRefusedError);
CKSTUDIO_SAME_ERROR(RemoteHostClosed, RemoteHostClosedError);
CKSTUDIO_SAME_ERROR(HostNotFound, HostNotFoundError);
CKSTUDIO_SAME_ERROR(Timeout, TimeoutError);
CKSTUDIO_SAME_ERROR(OperationCanceled, OperationCanceledError);
CKSTUDIO_SAME_ERROR(SslHandshakeFailed, SslHandshakeFailedError);
CKSTUDIO_SAME_ERROR(TemporaryNetworkFailure, TemporaryNetworkFailureError);
CKSTUDIO_SAME_ERROR(NetworkSessionFailed, NetworkSessionFailedError);
CKSTUDIO_SAME_ERROR(UnknownNetwork, UnknownNetworkError);
CKSTUDIO_SAME_ERROR(ProxyConnectionRefused, ProxyConnectionRefusedError);
CKSTUDIO_SAME_ERROR(ProxyConnectionClosed, ProxyConnectionClosedError);
CKSTUDIO_SAME_ERROR(ProtocolUnknown, ProtocolUnknownError);
CKSTUDIO_SAME_ERROR(ProtocolFailure, ProtocolFailure);
#undef CKSTUDIO_SAME_ERROR

// Calls a copy: the callback may delete the reply that holds it.
template <typename Callback, typename... Args> void call(const Callback& callback, const Args&... args) {
    if (auto copy = callback)
        copy(args...);
}

class QtHttpReply final : public HttpReply {
public:
    explicit QtHttpReply(QNetworkReply* reply)
        : m_reply(reply) {
        // m_guard is the context: its deletion cuts these connections, and none of them touches `this`
        // after calling back.
        QObject::connect(m_reply, &QNetworkReply::metaDataChanged, &m_guard, [this] { call(onMetaData); });
        QObject::connect(m_reply, &QNetworkReply::readyRead, &m_guard, [this] { call(onReadyRead); });
        QObject::connect(m_reply, &QNetworkReply::finished, &m_guard, [this] { call(onFinished); });
        QObject::connect(m_reply, &QNetworkReply::sslErrors, &m_guard,
                         [this](const QList<QSslError>& errors) {
                             QStringList texts;
                             for (const auto& e : errors)
                                 texts << e.errorString();
                             call(onTlsErrors, texts);
                         });
    }

    ~QtHttpReply() override {
        if (!m_reply)
            return;
        QObject::disconnect(m_reply, nullptr, &m_guard, nullptr); // silent from here on
        if (m_reply->isRunning())
            m_reply->abort();
        // Deferred: this may run inside one of the reply's own signals.
        m_reply->deleteLater();
    }

    int httpStatus() const override {
        return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    bool hasRawHeader(const QByteArray& name) const override { return m_reply->hasRawHeader(name); }
    QByteArray rawHeader(const QByteArray& name) const override { return m_reply->rawHeader(name); }
    qint64 contentLength() const override {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        return length.isValid() ? length.toLongLong() : -1;
    }
    HttpNetworkError error() const override { return static_cast<HttpNetworkError>(m_reply->error()); }
    QString errorString() const override { return m_reply->errorString(); }
    bool isOpen() const override { return m_reply->isOpen(); }
    qint64 bytesAvailable() const override { return m_reply->bytesAvailable(); }
    QByteArray read(qint64 maxBytes) override { return m_reply->read(maxBytes); }
    QByteArray readAll() override { return m_reply->readAll(); }
    void setReadBufferSize(qint64 bytes) override { m_reply->setReadBufferSize(bytes); }
    void abort() override { m_reply->abort(); }

private:
    QPointer<QNetworkReply> m_reply; // owned; its manager deletes it at the latest
    QObject m_guard;
};

class QtHttpTransport final : public HttpTransport {
public:
    QtHttpTransport() {
        // Replies are deleted by QtHttpReply; the manager keeps the rest of its defaults.
        m_network.setAutoDeleteReplies(false);
        m_ssl = QSslConfiguration::defaultConfiguration();
    }

    std::optional<QString> addCaFile(const QString& path) override {
        const auto certificates = QSslCertificate::fromPath(path, QSsl::Pem);
        if (certificates.isEmpty())
            return QStringLiteral("no PEM certificate in the CA file %1").arg(path);
        m_ssl.addCaCertificates(certificates);
        return std::nullopt;
    }

    std::unique_ptr<HttpReply> send(const HttpRequest& request) override {
        if (request.preferLeanReader && leanReaderApplies(request))
            return std::make_unique<LeanHttpReply>(request);
        QNetworkRequest r(request.url);
        for (const auto& [name, value] : request.headers)
            r.setRawHeader(name, value);
        if (request.transferTimeoutMs > 0)
            r.setTransferTimeout(request.transferTimeoutMs);
        // Connections are reused per host whatever a request's TLS settings say: every request of a
        // transport carries the same configuration.
        r.setSslConfiguration(m_ssl);
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                       request.followSafeRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                   : QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply* reply = nullptr;
        if (request.operation == HttpRequest::Operation::Post)
            reply = request.bodyDevice ? m_network.post(r, request.bodyDevice)
                                       : m_network.post(r, request.body.value_or(QByteArray()));
        else if (request.bodyDevice)
            reply = m_network.sendCustomRequest(r, request.verb, request.bodyDevice);
        else if (request.body)
            reply = m_network.sendCustomRequest(r, request.verb, *request.body);
        else
            reply = m_network.sendCustomRequest(r, request.verb);
        return std::make_unique<QtHttpReply>(reply);
    }

private:
    QNetworkAccessManager m_network;
    QSslConfiguration m_ssl; // the system's CAs and those of addCaFile()
};

} // namespace
} // namespace ckstudio

extern "C" Q_DECL_EXPORT ckstudio::HttpTransport* ckstudio_create_http_transport() {
    return new ckstudio::QtHttpTransport;
}
