#include "ReplayClickHouse.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace ckstudio::test {

QByteArray ReplayRequest::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QList<QByteArray> exceptionChunks(ExceptionLayout layout, const QByteArray& message, const QByteArray& tag) {
    QByteArray text = message;
    if (!text.endsWith('\n'))
        text += '\n';
    switch (layout) {
    case ExceptionLayout::AppendedText:
        return {text};
    case ExceptionLayout::Marker:
        return {QByteArrayLiteral("__exception__\r\n") + text};
    case ExceptionLayout::TaggedFrame:
        return {QByteArrayLiteral("\r\n__exception__\r\n") + tag + "\r\n" + text +
                QByteArray::number(text.size()) + ' ' + tag + "\r\n__exception__\r\n"};
    }
    return {};
}

ReplayClickHouse::ReplayClickHouse(Handler handler, QObject* parent)
    : QTcpServer(parent)
    , m_handler(std::move(handler)) {
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = nextPendingConnection())
            serve(socket);
    });
}

bool ReplayClickHouse::listenOnLoopback() {
    return listen(QHostAddress::LocalHost, 0);
}

QByteArray ReplayClickHouse::url() const {
    return "http://127.0.0.1:" + QByteArray::number(serverPort()) + '/';
}

void ReplayClickHouse::serve(QTcpSocket* socket) {
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
        *buffer += socket->readAll();
        for (;;) { // keep-alive: one connection may carry several requests
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            ReplayRequest request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            request.target = lines.value(0).split(' ').value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            }
            length = request.header("Content-Length").toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            request.body = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            ++m_requests;

            const ReplayResponse response = m_handler(request);
            QByteArray head =
                "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
            head += "Date: Mon, 07 Dec 2026 12:00:00 GMT\r\n";
            head += response.finalChunk ? "Connection: Keep-Alive\r\n" : "Connection: Close\r\n";
            head += "Content-Type: text/tab-separated-values; charset=UTF-8\r\n";
            head += "Transfer-Encoding: chunked\r\n";
            for (const auto& [key, value] : response.headers)
                head += key + ": " + value + "\r\n";
            head += "\r\n";
            socket->write(head);
            for (const QByteArray& chunk : response.chunks)
                if (!chunk.isEmpty())
                    socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
            if (response.finalChunk) {
                socket->write("0\r\n\r\n");
            } else {
                socket->flush();
                socket->disconnectFromHost(); // FIN once the bytes are out; no final chunk
                return;
            }
        }
    });
}

} // namespace ckstudio::test
