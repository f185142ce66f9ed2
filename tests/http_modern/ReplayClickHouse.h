#pragma once
// A byte-exact stand-in for the HTTP interface of ClickHouse 24-26, which has no server package here. It
// answers each POST with a scripted response written the way the server writes it: status line and headers,
// the body as chunks (Transfer-Encoding: chunked), and an ending that is either the final "0\r\n\r\n" or a
// close without it (what 24.11+ does after a mid-stream exception, to break the protocol on purpose).
//
// Layouts, from ClickHouse's source:
// - <= 24.10: the exception text is appended to the body, which then ends normally
//   (src/Server/HTTP/WriteBufferFromHTTPServerResponse.cpp, 24.8).
// - 24.11-25.10: next(); "__exception__\r\n" message '\n'; next(); cancel() - no final chunk, Connection:
// close
//   (same file, PR #68800, 24.11).
// - 25.11+: every response has X-ClickHouse-Exception-Tag (16 letters/digits); the block is
//   "\r\n__exception__\r\nTAG\r\n" message '\n' LEN " " TAG "\r\n__exception__\r\n", LEN counting the message
//   and its '\n', then cancel() (src/Server/HTTP/HTTP1/HTTP1ServerResponse.cpp,
//   WriteBufferFromHTTP1ServerResponse::cancelWithException, PR #88818, 25.11-26.5).
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QTcpServer>
#include <functional>

namespace ckstudio::test {

struct ReplayRequest {
    QByteArray target; // path and query string
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; // the SQL
    QByteArray header(const QByteArray& name) const;
};

struct ReplayResponse {
    int status = 200;
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<QByteArray> chunks;
    bool finalChunk = true; // false: close the connection after the last chunk, without "0\r\n\r\n"
};

enum class ExceptionLayout { AppendedText, Marker, TaggedFrame }; // <= 24.10, 24.11-25.10, 25.11+

// The chunk(s) a server of `layout` writes for `message` ("Code: N. DB::Exception: ..."); `tag` for 25.11+.
QList<QByteArray> exceptionChunks(ExceptionLayout layout, const QByteArray& message, const QByteArray& tag);

class ReplayClickHouse : public QTcpServer {
public:
    using Handler = std::function<ReplayResponse(const ReplayRequest&)>;
    explicit ReplayClickHouse(Handler handler, QObject* parent = nullptr);
    bool listenOnLoopback(); // a free port on 127.0.0.1
    QByteArray url() const;  // http://127.0.0.1:PORT/
    int requestCount() const { return m_requests; }

private:
    void serve(class QTcpSocket* socket);
    Handler m_handler;
    int m_requests = 0;
};

} // namespace ckstudio::test
