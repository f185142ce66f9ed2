#pragma once
// A plain-HTTP/1.1 reply read straight from one socket on the calling thread, for large streamed answers (the
// preview). Qt Network's reader takes each chunk-size line from the socket a byte or two per read() and wakes
// the main thread from its HTTP thread for every piece (docs/performance.md, CLI preview); this one reads
// large blocks and decodes the chunked body in memory. One request per connection (Connection: close), no
// TLS, no proxy, no redirects, no streamed request body: QtHttpTransport keeps everything else
// (leanReaderApplies()).
//
// Same verdicts as Qt's path: an answer whose body is cut short (closed mid-chunk, no final 0-chunk,
// Content-Length not reached) ends in RemoteHostClosed, never as complete; a malformed answer in
// ProtocolFailure; no data for transferTimeoutMs or abort() in OperationCanceled; an HTTP error status in
// Qt's network error for it, with the body readable.
#include "http/HttpTransport.h"

#include <QObject>
#include <QTimer>
#include <memory>

class QTcpSocket;

namespace ckstudio {

// Whether `request` may go through LeanHttpReply: plain http, no credentials in the URL, no redirects to
// follow, no streamed body, and no proxy configured for it (Qt's application proxy or the environment's).
bool leanReaderApplies(const HttpRequest& request);

class LeanHttpReply final : public HttpReply {
public:
    explicit LeanHttpReply(const HttpRequest& request);
    ~LeanHttpReply() override;

    int httpStatus() const override { return m_headersDone ? m_status : 0; } // like Qt: with the headers
    bool hasRawHeader(const QByteArray& name) const override;
    QByteArray rawHeader(const QByteArray& name) const override;
    qint64 contentLength() const override { return m_contentLength; }
    HttpNetworkError error() const override { return m_error; }
    QString errorString() const override { return m_errorString; }
    bool isOpen() const override { return m_open; }
    qint64 bytesAvailable() const override { return m_body.size() - m_bodyPos; }
    QByteArray read(qint64 maxBytes) override;
    QByteArray readAll() override { return read(bytesAvailable()); }
    void setReadBufferSize(qint64 bytes) override { m_readBufferLimit = bytes; }
    void abort() override;

private:
    enum class Stage {
        Connecting,
        StatusLine,
        Headers,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Body,
        Done
    };

    void onConnected();
    void onReadable();
    void onSocketError();
    void closedVerdict();
    void decode();
    bool decodeHeaderLine(QByteArray line);
    void startBody();
    void takeBody(qsizetype bytes);
    bool takeLine(QByteArray* line);
    void finish(HttpNetworkError error, const QString& text);
    void scheduleResume();
    bool callBack(const std::function<void()>& callback); // false: `this` was deleted by the callback
    bool bufferFull() const { return m_readBufferLimit > 0 && bytesAvailable() >= m_readBufferLimit; }

    QByteArray m_requestBytes;
    QString m_url;
    QTcpSocket* m_socket = nullptr; // deleted later: this may be deleted from one of its signals
    QTimer* m_idle;                 // transferTimeoutMs without data; deleted later like the socket
    QObject m_guard;                // context of every connection; its deletion cuts them
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);

    Stage m_stage = Stage::Connecting;
    QByteArray m_raw; // bytes from the socket not decoded yet, from m_rawPos
    qsizetype m_rawPos = 0;
    QByteArray m_body; // decoded body not read yet, from m_bodyPos
    qsizetype m_bodyPos = 0;
    qint64 m_chunkLeft = 0;   // ChunkData: bytes of the chunk still to come; Body: -1 until close
    qint64 m_headerBytes = 0; // status line, headers and trailers so far (bounded)
    qint64 m_readBufferLimit = 0;
    bool m_resumeScheduled = false;
    bool m_peerClosed = false; // the connection is gone; the socket may still hold its last bytes
    int m_closeError = 0;      // QAbstractSocket::SocketError of the close

    int m_status = 0;
    QString m_reason;
    bool m_headersDone = false;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_headRequest = false;
    HttpNetworkError m_error = HttpNetworkError::NoError;
    QString m_errorString;
    bool m_open = true;
    bool m_finished = false;
};

} // namespace ckstudio
