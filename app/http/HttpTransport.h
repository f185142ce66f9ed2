#pragma once
// HTTP for the Aiven and ClickHouse clients, without Qt Network in the programs that use it. Qt Network (and
// what it loads: Kerberos, libproxy) costs ~3 ms before main() in every start of ckstudio, for requests most
// starts never make; so the clients see these interfaces and Qt Network lives in a module,
// libckstudio-http.so, loaded on the first request (createHttpTransport()). Programs that link the module
// (the tests) use it directly.
//
// The interfaces mirror the parts of QNetworkAccessManager / QNetworkReply the clients use, with the same
// semantics, so the clients' logic did not change with the move. Plain abstract classes, no QObject: nothing
// of the program has to be visible to the module.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QIODevice;

namespace ckstudio {

// The values of QNetworkReply::NetworkError that the clients tell apart (checked against Qt's in the module).
enum class HttpNetworkError {
    NoError = 0,
    ConnectionRefused = 1,
    RemoteHostClosed = 2,
    HostNotFound = 3,
    Timeout = 4,
    OperationCanceled = 5,
    SslHandshakeFailed = 6,
    TemporaryNetworkFailure = 7,
    NetworkSessionFailed = 8,
    UnknownNetwork = 99,
    ProxyConnectionRefused = 101,
    ProxyConnectionClosed = 102,
    ProtocolUnknown = 301,
    ProtocolFailure = 399,
};

// Transport failures (no complete HTTP answer), as opposed to HTTP status errors, which are reported as
// network errors too (codes 200 and up).
inline bool isTransportError(HttpNetworkError e) {
    const int code = static_cast<int>(e);
    return (code >= 1 && code < 200) || e == HttpNetworkError::ProtocolFailure ||
           e == HttpNetworkError::ProtocolUnknown;
}

struct HttpRequest {
    enum class Operation { Post, Custom }; // QNetworkAccessManager::post() or sendCustomRequest(verb)
    Operation operation = Operation::Custom;
    QByteArray verb = "GET"; // Custom only
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    std::optional<QByteArray> body;
    QIODevice* bodyDevice = nullptr; // streamed body instead of `body`; must outlive the reply
    int transferTimeoutMs = 0;       // no data for this long aborts the reply (OperationCanceled); 0: none
    bool followSafeRedirects =
        false; // redirects that keep or raise the protocol's safety; else 3xx is the answer
    // A large answer read as it comes (the preview): plain http without a proxy goes through the module's
    // lean reader (LeanHttpReply.h) instead of Qt Network's; everything else ignores it.
    bool preferLeanReader = false;
};

// One request in flight. Deleting it stops the request without calling back; the callbacks run on the
// event loop and may delete it.
class HttpReply {
public:
    virtual ~HttpReply() = default;

    std::function<void()> onMetaData; // status and headers arrived
    std::function<void()> onReadyRead;
    std::function<void()> onFinished;
    std::function<void(const QStringList&)> onTlsErrors; // the certificate errors, before onFinished

    virtual int httpStatus() const = 0; // 0 before (or without) an HTTP answer
    virtual bool hasRawHeader(const QByteArray& name) const = 0;
    virtual QByteArray rawHeader(const QByteArray& name) const = 0;
    virtual qint64 contentLength() const = 0; // -1 when the answer does not say
    virtual HttpNetworkError error() const = 0;
    virtual QString errorString() const = 0;
    virtual bool isOpen() const = 0;
    virtual qint64 bytesAvailable() const = 0;
    virtual QByteArray read(qint64 maxBytes) = 0;
    virtual QByteArray readAll() = 0;
    virtual void setReadBufferSize(qint64 bytes) = 0;
    virtual void abort() = 0; // finishes the reply with OperationCanceled, calling back
};

// One per client: connections are reused between its requests.
class HttpTransport {
public:
    virtual ~HttpTransport() = default;

    // Trusts the PEM certificates in `path` as well as the system's, for every request. An error message
    // when the file holds none.
    virtual std::optional<QString> addCaFile(const QString& path) = 0;
    virtual std::unique_ptr<HttpReply> send(const HttpRequest& request) = 0;
};

// A transport over Qt Network. Loads the module on the first call; when it cannot be loaded, a transport
// whose replies fail at once with a message naming the file and the reason.
std::unique_ptr<HttpTransport> createHttpTransport();

// The module's file, as the programs look for it: lib/ckstudio/ next to their bin/ folder.
QString httpModulePath();

} // namespace ckstudio

// The module's one entry point.
extern "C" ckstudio::HttpTransport* ckstudio_create_http_transport();
