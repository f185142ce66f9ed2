#include "http/LeanHttpReply.h"

#include <QNetworkProxy>
#include <QNetworkProxyQuery>
#include <QNetworkReply>
#include <QTcpSocket>
#include <algorithm>

namespace ckstudio {
namespace {

constexpr qint64 kSocketBlock = 1024 * 1024;     // the most taken from the socket at once
constexpr qint64 kSmallBlock = 64 * 1024;        // the least, when a read buffer limit is near
constexpr qint64 kSocketBuffer = 1024 * 1024;    // the socket's own buffer while ours is full
constexpr qint64 kLineLimit = 64 * 1024;         // one status, header, chunk-size or trailer line
constexpr qint64 kHeaderLimit = 8 * 1024 * 1024; // all header and trailer lines of an answer
constexpr qsizetype kCompactFrom = 1024 * 1024;  // read bodies are dropped from the buffer from here

// Qt's network error for an HTTP error status (QNetworkReplyHttpImpl), so both paths report the same.
QNetworkReply::NetworkError errorOfStatus(int status) {
    switch (status) {
    case 400:
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        return status >= 500 ? QNetworkReply::UnknownServerError : QNetworkReply::UnknownContentError;
    }
}

bool proxyInEnvironment() {
    for (const char* name : {"http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"})
        if (!qEnvironmentVariableIsEmpty(name))
            return true;
    return false;
}

QByteArray requestBytes(const HttpRequest& request) {
    const QUrl& url = request.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port(80) != 80)
        host += ':' + QByteArray::number(url.port());
    const QByteArray verb =
        request.operation == HttpRequest::Operation::Post ? QByteArray("POST") : request.verb;
    QByteArray out = verb + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n";
    for (const auto& [name, value] : request.headers)
        out += name + ": " + value + "\r\n";
    if (request.body || request.operation == HttpRequest::Operation::Post)
        out += "Content-Length: " + QByteArray::number(request.body ? request.body->size() : 0) + "\r\n";
    out += "\r\n";
    if (request.body)
        out += *request.body;
    return out;
}

} // namespace

bool leanReaderApplies(const HttpRequest& request) {
    const QUrl& url = request.url;
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty() ||
        !url.userInfo().isEmpty() || request.followSafeRedirects || request.bodyDevice)
        return false;
    if (proxyInEnvironment())
        return false;
    const auto isProxy = [](const QNetworkProxy& p) {
        return p.type() != QNetworkProxy::NoProxy && p.type() != QNetworkProxy::DefaultProxy;
    };
    if (isProxy(QNetworkProxy::applicationProxy()))
        return false;
    const auto proxies = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    return proxies.isEmpty() || !isProxy(proxies.first());
}

LeanHttpReply::LeanHttpReply(const HttpRequest& request)
    : m_requestBytes(requestBytes(request))
    , m_url(request.url.toString(QUrl::RemoveUserInfo))
    , m_socket(new QTcpSocket)
    , m_idle(new QTimer)
    , m_headRequest(request.operation == HttpRequest::Operation::Custom && request.verb == "HEAD") {
    m_socket->setProxy(QNetworkProxy::NoProxy); // leanReaderApplies(): none is configured
    m_socket->setReadBufferSize(kSocketBuffer);
    QObject::connect(m_socket, &QTcpSocket::connected, &m_guard, [this] { onConnected(); });
    QObject::connect(m_socket, &QTcpSocket::readyRead, &m_guard, [this] { onReadable(); });
    QObject::connect(m_socket, &QTcpSocket::errorOccurred, &m_guard, [this] { onSocketError(); });
    QObject::connect(m_socket, &QTcpSocket::disconnected, &m_guard, [this] { onSocketError(); });
    m_idle->setSingleShot(true);
    QObject::connect(m_idle, &QTimer::timeout, &m_guard, [this] {
        finish(HttpNetworkError::OperationCanceled, QStringLiteral("Operation canceled"));
    });
    if (request.transferTimeoutMs > 0) {
        m_idle->setInterval(request.transferTimeoutMs);
        m_idle->start();
    }
    m_socket->connectToHost(request.url.host(), quint16(request.url.port(80)));
}

LeanHttpReply::~LeanHttpReply() {
    *m_alive = false;
    QObject::disconnect(m_socket, nullptr, &m_guard, nullptr);
    m_socket->abort();
    m_socket->deleteLater(); // this may run inside one of the socket's (or the timer's) own signals
    m_idle->stop();
    m_idle->deleteLater();
}

bool LeanHttpReply::hasRawHeader(const QByteArray& name) const {
    return std::any_of(m_headers.begin(), m_headers.end(),
                       [&](const auto& h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray LeanHttpReply::rawHeader(const QByteArray& name) const {
    // Like Qt: the values of a repeated header joined by ", ".
    QByteArray value;
    bool found = false;
    for (const auto& [n, v] : m_headers) {
        if (n.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (found)
            value += ", ";
        value += v;
        found = true;
    }
    return value;
}

QByteArray LeanHttpReply::read(qint64 maxBytes) {
    const qsizetype n = qsizetype(std::min(maxBytes, bytesAvailable()));
    if (n <= 0)
        return {};
    const bool wasFull = bufferFull();
    QByteArray out;
    if (m_bodyPos == 0 && n == m_body.size()) {
        out = std::move(m_body);
        m_body = QByteArray();
    } else {
        out = m_body.mid(m_bodyPos, n);
        m_bodyPos += n;
        if (m_bodyPos == m_body.size()) {
            m_body.clear();
            m_bodyPos = 0;
        } else if (m_bodyPos >= kCompactFrom && m_bodyPos * 2 >= m_body.size()) {
            m_body.remove(0, m_bodyPos);
            m_bodyPos = 0;
        }
    }
    if (m_idle->interval() > 0 && !m_finished)
        m_idle->start(); // a slow reader is not a silent server
    if (wasFull && !bufferFull() && !m_finished)
        scheduleResume(); // the socket holds bytes we left there while the buffer was full
    return out;
}

void LeanHttpReply::abort() {
    if (m_finished)
        return;
    m_body.clear();
    m_bodyPos = 0;
    m_open = false;
    finish(HttpNetworkError::OperationCanceled, QStringLiteral("Operation canceled"));
}

void LeanHttpReply::onConnected() {
    m_stage = Stage::StatusLine;
    m_socket->write(m_requestBytes);
    m_requestBytes.clear();
}

void LeanHttpReply::scheduleResume() {
    if (m_resumeScheduled)
        return;
    m_resumeScheduled = true;
    QTimer::singleShot(0, &m_guard, [this] {
        m_resumeScheduled = false;
        onReadable();
    });
}

bool LeanHttpReply::callBack(const std::function<void()>& callback) {
    const std::weak_ptr<bool> alive = m_alive;
    if (auto copy = callback) // a copy: the callback may delete this reply
        copy();
    return !alive.expired();
}

void LeanHttpReply::onReadable() {
    if (m_finished)
        return;
    const bool hadMetaData = m_stage > Stage::Headers;
    const qsizetype bodyBefore = m_body.size() - m_bodyPos;
    bool progressed = false;
    // Stops while our buffer is full (read() resumes) so that a fast server cannot fill memory; the socket's
    // own buffer is bounded too, which leaves the rest in the kernel.
    while (m_stage != Stage::Done && m_errorString.isEmpty() && !bufferFull()) {
        const qint64 room = m_readBufferLimit > 0
                                ? std::max(m_readBufferLimit - bytesAvailable(), kSmallBlock)
                                : kSocketBlock;
        const qint64 n = std::min({m_socket->bytesAvailable(), kSocketBlock, room});
        if (n <= 0)
            break;
        if (m_rawPos > 0) {
            m_raw.remove(0, m_rawPos);
            m_rawPos = 0;
        }
        m_raw += m_socket->read(n);
        progressed = true;
        decode();
    }
    if (progressed && m_idle->interval() > 0)
        m_idle->start();
    if (!m_errorString.isEmpty()) {
        finish(HttpNetworkError::ProtocolFailure, m_errorString);
        return;
    }
    if (!hadMetaData && m_stage > Stage::Headers && !callBack(onMetaData))
        return;
    if (m_finished) // the callback aborted
        return;
    if (m_body.size() - m_bodyPos > bodyBefore && !callBack(onReadyRead))
        return;
    if (!m_finished && m_stage == Stage::Done)
        finish(HttpNetworkError::NoError, {});
    else if (!m_finished && m_peerClosed && m_socket->bytesAvailable() == 0)
        closedVerdict();
}

void LeanHttpReply::onSocketError() {
    if (m_finished)
        return;
    const auto socketError = m_socket->error();
    if (m_stage == Stage::Connecting) {
        HttpNetworkError e = HttpNetworkError::UnknownNetwork;
        if (socketError == QAbstractSocket::ConnectionRefusedError)
            e = HttpNetworkError::ConnectionRefused;
        else if (socketError == QAbstractSocket::HostNotFoundError)
            e = HttpNetworkError::HostNotFound;
        else if (socketError == QAbstractSocket::SocketTimeoutError)
            e = HttpNetworkError::Timeout;
        else if (socketError == QAbstractSocket::RemoteHostClosedError)
            e = HttpNetworkError::RemoteHostClosed;
        finish(e, m_socket->errorString());
        return;
    }
    // The connection closed (or broke): what the socket still holds is the end of the answer, taken as the
    // read buffer allows; the verdict comes once the socket is empty (closedVerdict()).
    m_peerClosed = true;
    m_closeError = socketError;
    onReadable();
}

void LeanHttpReply::closedVerdict() {
    if (m_stage == Stage::Body && m_chunkLeft < 0) { // a body that ends with the connection
        finish(HttpNetworkError::NoError, {});
        return;
    }
    QString what;
    if (!m_headersDone)
        what = QStringLiteral("Connection closed");
    else if (m_stage == Stage::Body)
        what = QStringLiteral("the connection closed %1 bytes before the end of the answer's body")
                   .arg(m_chunkLeft);
    else
        what = QStringLiteral("the connection closed before the end of the answer's chunked body");
    if (m_closeError != QAbstractSocket::RemoteHostClosedError &&
        m_closeError != QAbstractSocket::UnknownSocketError) {
        finish(HttpNetworkError::UnknownNetwork,
               QStringLiteral("%1 (%2)").arg(what, m_socket->errorString()));
        return;
    }
    finish(HttpNetworkError::RemoteHostClosed, what);
}

bool LeanHttpReply::takeLine(QByteArray* line) {
    const qsizetype nl = m_raw.indexOf('\n', m_rawPos);
    if (nl < 0) {
        if (m_raw.size() - m_rawPos > kLineLimit)
            m_errorString = QStringLiteral("an HTTP answer line longer than %1 bytes").arg(kLineLimit);
        return false;
    }
    qsizetype end = nl;
    if (end > m_rawPos && m_raw.at(end - 1) == '\r')
        --end;
    *line = m_raw.mid(m_rawPos, end - m_rawPos);
    m_rawPos = nl + 1;
    return true;
}

void LeanHttpReply::takeBody(qsizetype bytes) {
    if (m_bodyPos > 0 && m_bodyPos == m_body.size()) {
        m_body.clear();
        m_bodyPos = 0;
    }
    if (m_body.isEmpty() && m_rawPos == 0 && bytes == m_raw.size()) {
        m_body = std::move(m_raw); // the common case of an identity body: no copy
        m_raw = QByteArray();
    } else {
        m_body.append(m_raw.constData() + m_rawPos, bytes);
        m_rawPos += bytes;
    }
}

void LeanHttpReply::decode() {
    QByteArray line;
    while (m_errorString.isEmpty()) {
        const qsizetype avail = m_raw.size() - m_rawPos;
        switch (m_stage) {
        case Stage::Connecting: // bytes before connected(): cannot happen; treat as the status line
        case Stage::StatusLine:
            if (!takeLine(&line))
                return;
            m_headerBytes += line.size();
            if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ') {
                m_errorString = QStringLiteral("not an HTTP/1.x answer");
                return;
            } else {
                bool ok = false;
                const int status = line.mid(9, 3).toInt(&ok);
                if (!ok || status < 100 || (line.size() > 12 && line.at(12) != ' ')) {
                    m_errorString = QStringLiteral("an HTTP status line without a status");
                    return;
                }
                m_status = status;
                m_reason = QString::fromLatin1(line.mid(13));
                m_headers.clear();
                m_stage = Stage::Headers;
            }
            break;
        case Stage::Headers:
            if (!takeLine(&line))
                return;
            if (!decodeHeaderLine(line))
                return;
            break;
        case Stage::ChunkSize: {
            if (!takeLine(&line))
                return;
            m_headerBytes += line.size();
            qint64 size = 0;
            int digits = 0;
            for (const char c : line) {
                int v = -1;
                if (c >= '0' && c <= '9')
                    v = c - '0';
                else if (c >= 'a' && c <= 'f')
                    v = c - 'a' + 10;
                else if (c >= 'A' && c <= 'F')
                    v = c - 'A' + 10;
                if (v < 0)
                    break;
                if (++digits > 15) {
                    digits = 0;
                    break;
                }
                size = size * 16 + v;
            }
            const QByteArray rest = line.mid(digits).trimmed();
            if (digits == 0 || (!rest.isEmpty() && !rest.startsWith(';'))) { // ";ext" is allowed and ignored
                m_errorString = QStringLiteral("a malformed chunk size in the HTTP answer");
                return;
            }
            m_chunkLeft = size;
            m_stage = size == 0 ? Stage::Trailers : Stage::ChunkData;
            break;
        }
        case Stage::ChunkData: {
            if (avail == 0)
                return;
            const qsizetype take = qsizetype(std::min<qint64>(m_chunkLeft, avail));
            takeBody(take);
            m_chunkLeft -= take;
            if (m_chunkLeft == 0)
                m_stage = Stage::ChunkDataEnd;
            break;
        }
        case Stage::ChunkDataEnd:
            if (!takeLine(&line))
                return;
            if (!line.isEmpty()) {
                m_errorString = QStringLiteral("a chunk of the HTTP answer longer than its size");
                return;
            }
            m_stage = Stage::ChunkSize;
            break;
        case Stage::Trailers:
            if (!takeLine(&line))
                return;
            m_headerBytes += line.size();
            if (line.isEmpty())
                m_stage = Stage::Done;
            break;
        case Stage::Body: {
            if (avail == 0)
                return;
            const qsizetype take = m_chunkLeft < 0 ? avail : qsizetype(std::min<qint64>(m_chunkLeft, avail));
            takeBody(take);
            if (m_chunkLeft > 0) {
                m_chunkLeft -= take;
                if (m_chunkLeft == 0)
                    m_stage = Stage::Done;
            }
            break;
        }
        case Stage::Done:
            return;
        }
        if (m_headerBytes > kHeaderLimit) {
            m_errorString = QStringLiteral("HTTP answer headers longer than %1 bytes").arg(kHeaderLimit);
            return;
        }
    }
}

bool LeanHttpReply::decodeHeaderLine(QByteArray line) {
    m_headerBytes += line.size();
    if (line.isEmpty()) {
        if (m_status < 200 && m_status != 101) { // an interim answer (100 Continue): the real one follows
            m_stage = Stage::StatusLine;
            return true;
        }
        m_headersDone = true;
        startBody();
        return true;
    }
    if ((line.at(0) == ' ' || line.at(0) == '\t') && !m_headers.isEmpty()) { // folded continuation
        m_headers.last().second += ' ' + line.trimmed();
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        m_errorString = QStringLiteral("a malformed HTTP header line");
        return false;
    }
    m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    return true;
}

void LeanHttpReply::startBody() {
    const QByteArray coding = rawHeader("Transfer-Encoding").toLower();
    m_chunked = coding.contains("chunked");
    if (hasRawHeader("Content-Length")) {
        bool ok = false;
        m_contentLength = rawHeader("Content-Length").trimmed().toLongLong(&ok);
        if (!ok || m_contentLength < 0) {
            m_errorString = QStringLiteral("a malformed Content-Length in the HTTP answer");
            return;
        }
    }
    if (m_headRequest || m_status == 204 || m_status == 304) {
        m_stage = Stage::Done;
    } else if (m_chunked) {
        m_stage = Stage::ChunkSize;
    } else if (m_contentLength >= 0) {
        m_chunkLeft = m_contentLength;
        m_stage = m_contentLength == 0 ? Stage::Done : Stage::Body;
    } else {
        m_chunkLeft = -1; // until the connection closes
        m_stage = Stage::Body;
    }
    // Stage > Headers from here: onReadable() reports the metadata.
}

void LeanHttpReply::finish(HttpNetworkError error, const QString& text) {
    if (m_finished)
        return;
    m_finished = true;
    m_idle->stop();
    if (error == HttpNetworkError::NoError && m_status >= 400) {
        error = static_cast<HttpNetworkError>(errorOfStatus(m_status));
        m_errorString = QStringLiteral("Error transferring %1 - server replied: %2").arg(m_url, m_reason);
    } else {
        m_errorString = text;
    }
    m_error = error;
    m_stage = Stage::Done;
    QObject::disconnect(m_socket, nullptr, &m_guard, nullptr);
    m_socket->abort();
    callBack(onFinished);
}

} // namespace ckstudio
