#include "clickhouse/ClickHouseQuery.h"

#include "clickhouse/ClickHouseClient.h"
#include "preview/ServerErrorText.h"

namespace ckstudio {
namespace {

// The end of a streamed body is kept for a 24.11+ exception block: a 25.11+ frame carries up to 16 KiB of
// message plus its tag lines and trailer.
constexpr qsizetype kTailBytes = 20 * 1024;
// A streamed body is handed on in slices of at most kSliceBytes, one slice per event-loop pass, so that
// parsing never holds the (GUI) event loop for long (measured: whole-buffer readAll() + parse stalled it
// 350-550 ms). The reply's read buffer is limited to kStreamBuffer so that a fast server cannot pile the body
// up in memory faster than we parse it.
constexpr qint64 kSliceBytes = 64 * 1024;
constexpr qint64 kStreamBuffer = 4 * 1024 * 1024;
constexpr qsizetype kErrorBodyLimit = 64 * 1024;

QString bodyText(const QByteArray& body) {
    QString text = QString::fromUtf8(body.left(2000)).trimmed();
    return text.isEmpty() ? QStringLiteral("(empty answer)") : text;
}

bool isAuthenticationCode(int code) {
    // UNKNOWN_USER, WRONG_PASSWORD, REQUIRED_PASSWORD, AUTHENTICATION_FAILED
    return code == 192 || code == 193 || code == 194 || code == 516;
}

// 24+ answers 403 for a missing grant too (ACCESS_DENIED 497, src/Server/HTTP/exceptionCodeToHTTPStatus.cpp):
// the code decides, the status only where the server sends none (18.16 uses 401/403 for logins alone).
ClickHouseError::Kind kindOfErrorAnswer(int status, int code) {
    if (isAuthenticationCode(code))
        return ClickHouseError::Kind::Auth;
    if (code == 497)
        return ClickHouseError::Kind::Access;
    if ((status == 401 || status == 403) && code == 0)
        return ClickHouseError::Kind::Auth;
    return ClickHouseError::Kind::Server;
}

} // namespace

ClickHouseQuery::ClickHouseQuery(ClickHouseClient* client, std::unique_ptr<HttpReply> reply, QString queryId,
                                 bool streaming, bool serverCancelsOnClose, int timeoutMs, QString statement)
    : QObject(client)
    , m_client(client)
    , m_reply(std::move(reply))
    , m_queryId(std::move(queryId))
    , m_statement(std::move(statement))
    , m_streaming(streaming)
    , m_serverCancelsOnClose(serverCancelsOnClose) {
    m_deadline.setSingleShot(true);
    if (!m_reply)
        return; // a query that failed before it was sent; finishWith() follows
    if (m_streaming) {
        // Qt starts a POST on the next event-loop pass and its HTTP thread ignores a limit set before that:
        // set it again from a call queued behind the start. Without it Qt read up to the whole body (80+ MB)
        // before the first readyRead; bench_preview's peak memory was 2.3-3.6x the TSV bytes in half the
        // runs.
        m_reply->setReadBufferSize(kStreamBuffer);
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_finished)
                    m_reply->setReadBufferSize(kStreamBuffer);
            },
            Qt::QueuedConnection);
    }
    m_reply->onMetaData = [this] { onMetaData(); };
    m_reply->onReadyRead = [this] { onReadyRead(); };
    m_reply->onFinished = [this] { onFinished(); };
    m_reply->onTlsErrors = [this](const QStringList& errors) { m_sslErrors << errors; };
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_replyFinished) { // only our own buffered bytes were left
            finishWith(errorFromReply());
            return;
        }
        if (!m_serverCancelsOnClose && m_client)
            m_client->killQuery(m_queryId);
        m_reply->abort();
    });
    m_deadline.start(timeoutMs);
}

void ClickHouseQuery::cancel() {
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (!m_reply) {
        finishWith(ClickHouseError{ClickHouseError::Kind::Cancelled, QStringLiteral("cancelled"), 0, 0});
        return;
    }
    if (m_replyFinished) { // the transport is done; only our own buffered bytes were left
        finishWith(errorFromReply());
        return;
    }
    if (!m_serverCancelsOnClose && m_client)
        m_client->killQuery(m_queryId);
    m_reply->abort();
}

void ClickHouseQuery::onMetaData() {
    const int status = m_reply->httpStatus();
    m_errorStatus = (status != 0 && (status < 200 || status > 299)) ||
                   m_reply->hasRawHeader(QByteArrayLiteral("X-ClickHouse-Exception-Code"));
    m_exceptionTag = m_reply->rawHeader(QByteArrayLiteral("X-ClickHouse-Exception-Tag"));
}

void ClickHouseQuery::onReadyRead() {
    if (m_cancelled || m_timedOut || m_finished)
        return;
    if (m_errorStatus || !m_streaming) {
        const QByteArray chunk = m_reply->readAll();
        if (!m_errorStatus || m_body.size() < kErrorBodyLimit)
            m_body += chunk;
        return;
    }
    if (!m_drainScheduled)
        drainSlice();
}

void ClickHouseQuery::drainSlice() {
    m_drainScheduled = false;
    if (m_cancelled || m_timedOut || m_finished)
        return;
    const QByteArray chunk = m_reply->read(kSliceBytes);
    if (!chunk.isEmpty()) {
        m_tail += chunk;
        if (m_tail.size() > 2 * kTailBytes)
            m_tail = m_tail.right(kTailBytes);
        emit dataReceived(chunk); // may cancel this query
        if (m_cancelled || m_timedOut || m_finished)
            return;
    }
    if (m_reply->bytesAvailable() > 0) {
        // The rest on the next pass: timers, input and painting get their turn in between.
        m_drainScheduled = true;
        QTimer::singleShot(0, this, &ClickHouseQuery::drainSlice);
        return;
    }
    if (m_replyFinished)
        finishWith(errorFromReply());
}

std::optional<ClickHouseError> ClickHouseQuery::errorFromReply() {
    if (m_cancelled)
        return ClickHouseError{ClickHouseError::Kind::Cancelled, QStringLiteral("cancelled"), 0, 0};
    if (m_timedOut)
        return ClickHouseError{
            ClickHouseError::Kind::Timeout,
            QStringLiteral("no complete answer within %1 s").arg(m_deadline.interval() / 1000.0), 0, 0};
    const int status = m_reply->httpStatus();
    const auto netError = m_reply->error();
    if (status == 0 && netError != HttpNetworkError::NoError) {
        if (netError == HttpNetworkError::SslHandshakeFailed || !m_sslErrors.isEmpty()) {
            const QString detail =
                m_sslErrors.isEmpty() ? m_reply->errorString() : m_sslErrors.join(QStringLiteral("; "));
            return ClickHouseError{ClickHouseError::Kind::Tls,
                                   detail + QStringLiteral(" (give the server's CA with --ca-file)"), 0, 0};
        }
        if (netError == HttpNetworkError::Timeout || netError == HttpNetworkError::OperationCanceled)
            return ClickHouseError{ClickHouseError::Kind::Timeout,
                                   QStringLiteral("the server stopped answering"), 0, 0};
        return ClickHouseError{ClickHouseError::Kind::Network, m_reply->errorString(), 0, 0};
    }
    if (m_errorStatus) {
        m_body += m_reply->readAll();
        ClickHouseError e{ClickHouseError::Kind::Server, bodyText(m_body), 0, status};
        if (const auto parsed = parseServerErrorText(std::string_view(m_body.constData(), m_body.size()))) {
            e.serverCode = parsed->code;
            e.message = parsed->message;
        }
        const QByteArray headerCode = m_reply->rawHeader(QByteArrayLiteral("X-ClickHouse-Exception-Code"));
        if (!headerCode.isEmpty() && e.serverCode == 0)
            e.serverCode = headerCode.toInt();
        e.kind = kindOfErrorAnswer(status, e.serverCode);
        if (e.kind == ClickHouseError::Kind::Access && !m_statement.isEmpty())
            e.message = QStringLiteral("%1 refused: %2").arg(m_statement, e.message);
        return e;
    }
    // 2xx. A 24.11+ server that fails after the body started writes an exception block and closes the
    // connection without the final chunk, so Qt may report the close (RemoteHostClosed) or nothing: the
    // block wins over the transport's view either way.
    const QByteArray& tail = m_streaming ? m_tail : m_body;
    if (const auto block = findExceptionBlock(
            std::string_view(tail.constData(), std::size_t(tail.size())),
            std::string_view(m_exceptionTag.constData(), std::size_t(m_exceptionTag.size())))) {
        ClickHouseError e{ClickHouseError::Kind::Server, block->error.message, block->error.code, status};
        if (e.message.isEmpty())
            e.message = QStringLiteral("(empty answer)");
        return e;
    }
    if (netError != HttpNetworkError::NoError) // e.g. the connection broke in the middle of the body
        return ClickHouseError{ClickHouseError::Kind::Network, m_reply->errorString(), 0, status};
    if (!m_streaming) {
        // Buffered answers to our own small queries: a trailing "Code: N" line is an error.
        const std::string_view text(m_body.constData(), static_cast<std::size_t>(m_body.size()));
        std::size_t lineStart = 0;
        while (lineStart < text.size()) {
            const std::string_view rest = text.substr(lineStart);
            if (looksLikeServerError(rest)) {
                ClickHouseError e{ClickHouseError::Kind::Server,
                                  QString::fromUtf8(rest.data(), qsizetype(rest.size())).trimmed(), 0,
                                  status};
                if (const auto parsed = parseServerErrorText(rest)) {
                    e.serverCode = parsed->code;
                    e.message = parsed->message;
                }
                return e;
            }
            const std::size_t nl = text.find('\n', lineStart);
            if (nl == std::string_view::npos)
                break;
            lineStart = nl + 1;
        }
    }
    return std::nullopt;
}

void ClickHouseQuery::onFinished() {
    if (m_finished)
        return;
    m_replyFinished = true;
    if (m_streaming && !m_errorStatus && !m_cancelled && !m_timedOut) {
        if (!m_drainScheduled)
            drainSlice(); // finishes once the buffered bytes are handed on
        return;
    }
    if (!m_errorStatus && !m_cancelled && !m_timedOut && m_reply->bytesAvailable() > 0)
        onReadyRead();
    finishWith(errorFromReply());
}

void ClickHouseQuery::finishWith(std::optional<ClickHouseError> error) {
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_error = std::move(error);
    emit finished();
    deleteLater();
}

} // namespace ckstudio
