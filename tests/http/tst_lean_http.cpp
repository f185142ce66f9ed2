// The HTTP module's lean reader (app/http/LeanHttpReply.h) against an in-process server that plays scripted
// answers in pieces: the body as sent, and every cut-short answer an error, never a complete result.
#include "http/HttpTransport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

using namespace ckstudio;

namespace {

// Answers every connection with `pieces`, one write per event-loop pass `gapMs` apart, then closes (or holds
// the connection open). Keeps the last request's bytes.
class ScriptedServer : public QObject {
public:
    QList<QByteArray> pieces;
    int gapMs = 0;
    bool closeAtEnd = true;
    QByteArray request;
    bool clientClosed = false;

    ScriptedServer() {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                s->setParent(this);
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRequestBytes(s); });
                connect(s, &QTcpSocket::disconnected, this, [this] { clientClosed = true; });
            }
        });
    }
    QUrl url(const QString& pathAndQuery = QStringLiteral("/?query_id=q1")) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(pathAndQuery));
    }

private:
    void onRequestBytes(QTcpSocket* s) {
        m_pending += s->readAll();
        const qsizetype end = m_pending.indexOf("\r\n\r\n");
        if (end < 0 || m_answering)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : m_pending.left(end).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (m_pending.size() < end + 4 + length)
            return;
        request = m_pending;
        m_pending.clear();
        m_answering = true;
        playFrom(s, 0);
    }
    void playFrom(QTcpSocket* s, int index) {
        if (s->state() != QAbstractSocket::ConnectedState)
            return;
        if (index == pieces.size()) {
            if (closeAtEnd)
                s->disconnectFromHost();
            return;
        }
        s->write(pieces.at(index));
        s->flush();
        QTimer::singleShot(gapMs, s, [this, s, index] { playFrom(s, index + 1); });
    }

    QTcpServer m_server;
    QByteArray m_pending;
    bool m_answering = false;
};

struct Outcome {
    int status = 0;
    QByteArray body;
    HttpNetworkError error = HttpNetworkError::NoError;
    QString errorString;
    int finishedCalls = 0;
    bool metaDataFirst = true; // onMetaData before any body byte
    QByteArray exceptionCode;
    qint64 contentLength = -2;
};

HttpRequest post(const QUrl& url, const QByteArray& sql = "SELECT 1") {
    HttpRequest r;
    r.operation = HttpRequest::Operation::Post;
    r.url = url;
    r.headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"X-ClickHouse-User", "default"}};
    r.body = sql;
    r.preferLeanReader = true;
    return r;
}

// Runs `request` to its end (or `limitMs`), reading the body as it comes; `afterFirstBytes` runs once, when
// the first body bytes arrived.
Outcome run(HttpTransport& transport, const HttpRequest& request, int limitMs = 10000,
            const std::function<void(HttpReply&)>& afterFirstBytes = {}) {
    Outcome o;
    QEventLoop loop;
    bool metaSeen = false;
    std::unique_ptr<HttpReply> reply = transport.send(request);
    HttpReply* r = reply.get();
    r->onMetaData = [&] {
        metaSeen = true;
        o.status = r->httpStatus();
        o.exceptionCode = r->rawHeader("x-clickhouse-exception-code");
        o.contentLength = r->contentLength();
    };
    r->onReadyRead = [&] {
        const QByteArray bytes = r->readAll();
        if (!metaSeen && !bytes.isEmpty())
            o.metaDataFirst = false;
        const bool first = o.body.isEmpty() && !bytes.isEmpty();
        o.body += bytes;
        if (first && afterFirstBytes)
            afterFirstBytes(*r);
    };
    r->onFinished = [&] {
        ++o.finishedCalls;
        o.body += r->readAll();
        o.status = r->httpStatus();
        o.error = r->error();
        o.errorString = r->errorString();
        loop.quit();
    };
    QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
    loop.exec();
    QCoreApplication::processEvents(); // a second finished call would come now
    return o;
}

QByteArray chunkedAnswer(const QList<QByteArray>& chunks, const QByteArray& end = "0\r\n\r\n") {
    QByteArray a = "HTTP/1.1 200 OK\r\nContent-Type: text/tab-separated-values\r\n"
                   "X-ClickHouse-Query-Id: q1\r\nTransfer-Encoding: chunked\r\nConnection: Close\r\n\r\n";
    for (const QByteArray& c : chunks)
        a += QByteArray::number(c.size(), 16) + "\r\n" + c + "\r\n";
    return a + end;
}

QList<QByteArray> splitAt(const QByteArray& bytes, qsizetype at) {
    return {bytes.left(at), bytes.mid(at)};
}

QList<QByteArray> bytewise(const QByteArray& bytes) {
    QList<QByteArray> out;
    for (const char c : bytes)
        out << QByteArray(1, c);
    return out;
}

} // namespace

class TstLeanHttp : public QObject {
    Q_OBJECT

    std::unique_ptr<HttpTransport> m_transport;

private slots:
    void initTestCase() { m_transport = createHttpTransport(); }

    void requestIsSentAsAsked() {
        ScriptedServer server;
        server.pieces = {chunkedAnswer({"1\n"})};
        const Outcome o = run(*m_transport, post(server.url(), "SELECT 1 FORMAT TSV"));
        QCOMPARE(o.error, HttpNetworkError::NoError);
        QCOMPARE(o.body, QByteArray("1\n"));
        const QByteArray& req = server.request;
        QVERIFY2(req.startsWith("POST /?query_id=q1 HTTP/1.1\r\n"), req.constData());
        QVERIFY(req.contains("\r\nHost: 127.0.0.1:"));
        QVERIFY(
            req.contains("\r\nConnection: close\r\n")); // the lean reader's mark: Qt keeps connections alive
        QVERIFY(req.contains("\r\nX-ClickHouse-User: default\r\n"));
        QVERIFY(req.contains("\r\nContent-Length: 19\r\n"));
        QVERIFY(req.endsWith("\r\n\r\nSELECT 1 FORMAT TSV"));
    }

    void otherRequestsKeepQtsPath_data() {
        QTest::addColumn<bool>("prefer");
        QTest::addColumn<bool>("proxy");
        QTest::newRow("not preferred") << false << false;
        QTest::newRow("application proxy") << true << true;
    }
    void otherRequestsKeepQtsPath() {
        QFETCH(bool, prefer);
        QFETCH(bool, proxy);
        ScriptedServer server;
        server.pieces = {chunkedAnswer({"1\n"})};
        HttpRequest r = post(server.url());
        r.preferLeanReader = prefer;
        if (proxy) // Qt itself bypasses a proxy for loopback, but the lean reader must leave the choice to it
            QNetworkProxy::setApplicationProxy(
                QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), server.url().port()));
        const Outcome o = run(*m_transport, r);
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        QCOMPARE(o.body, QByteArray("1\n"));
        QVERIFY2(!server.request.contains("Connection: close"), server.request.constData());
    }

    void chunkedCutAcrossReadsAtEveryByte() {
        // Chunk extensions and trailers are allowed and dropped; the body is the chunks' bytes.
        const QByteArray answer =
            chunkedAnswer({"id\tname\n", "1\tab", "c\n2\t\\N\n"})
                .replace("\r\n4\r\n", "\r\n4;name=\"v\"\r\n") // an extension on the second chunk
                .replace("0\r\n\r\n", "0\r\nX-Trailer: t\r\n\r\n");
        QVERIFY(answer.contains(";name="));
        for (qsizetype at = 1; at < answer.size(); ++at) {
            ScriptedServer server;
            server.pieces = splitAt(answer, at);
            server.gapMs = 1;
            const Outcome o = run(*m_transport, post(server.url()));
            QVERIFY2(o.error == HttpNetworkError::NoError, qPrintable(QString::number(at) + o.errorString));
            QCOMPARE(o.status, 200);
            QCOMPARE(o.body, QByteArray("id\tname\n1\tabc\n2\t\\N\n"));
            QCOMPARE(o.finishedCalls, 1);
            QVERIFY(o.metaDataFirst);
            QCOMPARE(o.contentLength, -1);
        }
    }

    void chunkedOneBytePerWrite() {
        const QByteArray answer = chunkedAnswer({"a\n", QByteArray(300, 'x'), "\n"});
        ScriptedServer server;
        server.pieces = bytewise(answer);
        const Outcome o = run(*m_transport, post(server.url()));
        QCOMPARE(o.error, HttpNetworkError::NoError);
        QCOMPARE(o.body, "a\n" + QByteArray(300, 'x') + "\n");
    }

    void interimAnswerIsSkipped() {
        ScriptedServer server;
        server.pieces = {"HTTP/1.1 100 Continue\r\n\r\n", chunkedAnswer({"1\n"})};
        const Outcome o = run(*m_transport, post(server.url()));
        QCOMPARE(o.error, HttpNetworkError::NoError);
        QCOMPARE(o.status, 200);
        QCOMPARE(o.body, QByteArray("1\n"));
    }

    void contentLengthBodyAtEveryByte() {
        const QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nab\tc\n\n";
        for (qsizetype at = 1; at < answer.size(); ++at) {
            ScriptedServer server;
            server.pieces = splitAt(answer, at);
            server.gapMs = 1;
            server.closeAtEnd = false; // the length ends the body, not the close
            const Outcome o = run(*m_transport, post(server.url()));
            QVERIFY2(o.error == HttpNetworkError::NoError, qPrintable(QString::number(at) + o.errorString));
            QCOMPARE(o.body, QByteArray("ab\tc\n\n"));
            QCOMPARE(o.contentLength, 6);
        }
    }

    void bodyUntilCloseIsComplete() {
        ScriptedServer server;
        server.pieces = {"HTTP/1.0 200 OK\r\n\r\nab", "c\n"};
        server.gapMs = 5;
        const Outcome o = run(*m_transport, post(server.url()));
        QCOMPARE(o.error, HttpNetworkError::NoError);
        QCOMPARE(o.body, QByteArray("abc\n"));
    }

    void cutShortIsAnError_data() {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("status");
        const QByteArray full = chunkedAnswer({"1\tab\n", "2\tcd\n"});
        QTest::newRow("closed mid-chunk") << full.left(full.indexOf("2\tcd") + 2) << 200;
        QTest::newRow("closed in a chunk-size line") << full.left(full.lastIndexOf("0\r\n") + 1) << 200;
        QTest::newRow("no final 0-chunk") << full.left(full.lastIndexOf("0\r\n")) << 200;
        QTest::newRow("closed in the trailers") << full.left(full.size() - 2) << 200;
        QTest::newRow("Content-Length not reached")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345") << 200;
        QTest::newRow("closed in the headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << 0;
        QTest::newRow("closed before the answer") << QByteArray() << 0;
    }
    void cutShortIsAnError() {
        QFETCH(QByteArray, answer);
        QFETCH(int, status);
        ScriptedServer server;
        server.pieces = {answer};
        const Outcome o = run(*m_transport, post(server.url()));
        QCOMPARE(o.finishedCalls, 1);
        QCOMPARE(o.error, HttpNetworkError::RemoteHostClosed);
        QVERIFY(!o.errorString.isEmpty());
        if (status == 0) // no answer yet: what the clients tell from a server's own error
            QCOMPARE(o.status, 0);
        else
            QCOMPARE(o.status, status);
    }

    void malformedAnswerIsAProtocolFailure_data() {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("chunk size not hex")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n");
        QTest::newRow("chunk longer than its size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n");
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n");
    }
    void malformedAnswerIsAProtocolFailure() {
        QFETCH(QByteArray, answer);
        ScriptedServer server;
        server.pieces = {answer};
        server.closeAtEnd = false;
        const Outcome o = run(*m_transport, post(server.url()));
        QCOMPARE(o.finishedCalls, 1);
        QCOMPARE(o.error, HttpNetworkError::ProtocolFailure);
    }

    void errorStatusKeepsItsBody_data() {
        QTest::addColumn<QByteArray>("answer");
        const QByteArray text = "Code: 60. DB::Exception: Table default.nope doesn't exist.\n";
        QTest::newRow("Content-Length")
            << "HTTP/1.1 500 Internal Server Error\r\nX-ClickHouse-Exception-Code: 60\r\nContent-Length: " +
                   QByteArray::number(text.size()) + "\r\n\r\n" + text;
        QTest::newRow("chunked") << chunkedAnswer({text}).replace("200 OK\r\n",
                                                                  "500 Internal Server Error\r\n"
                                                                  "X-ClickHouse-Exception-Code: 60\r\n");
    }
    void errorStatusKeepsItsBody() {
        QFETCH(QByteArray, answer);
        ScriptedServer server;
        server.pieces = {answer};
        const Outcome o = run(*m_transport, post(server.url()));
        QCOMPARE(o.status, 500);
        QCOMPARE(o.error, HttpNetworkError(401)); // QNetworkReply::InternalServerError, as on Qt's path
        QVERIFY(o.errorString.contains(QStringLiteral("Internal Server Error")));
        QCOMPARE(o.exceptionCode, QByteArray("60"));
        QCOMPARE(o.body, QByteArray("Code: 60. DB::Exception: Table default.nope doesn't exist.\n"));
    }

    void midStreamExceptionBlockIsPassedThrough() {
        // 24.11+: the exception block after rows, then the close without the final chunk. The bytes reach the
        // client as sent (models/preview finds the block) and the reply still reports the cut.
        const QByteArray block =
            "__exception__\r\ntag1\r\nCode: 395. DB::Exception: boom\n27 tag1\r\n__exception__\r\n";
        const QByteArray answer = chunkedAnswer({"1\n2\n", block}, QByteArray());
        ScriptedServer server;
        server.pieces = {answer};
        const Outcome o = run(*m_transport, post(server.url()));
        QCOMPARE(o.body, "1\n2\n" + block);
        QCOMPARE(o.error, HttpNetworkError::RemoteHostClosed);
    }

    void cancelClosesTheConnection() {
        ScriptedServer server;
        server.pieces = {chunkedAnswer({"1\n"}, QByteArray())}; // then silence, connection open
        server.closeAtEnd = false;
        const Outcome o = run(*m_transport, post(server.url()), 10000, [](HttpReply& r) { r.abort(); });
        QCOMPARE(o.finishedCalls, 1);
        QCOMPARE(o.error, HttpNetworkError::OperationCanceled);
        QTRY_VERIFY(server.clientClosed);
    }

    void deletedInItsOwnCallback() {
        ScriptedServer server;
        server.pieces = {chunkedAnswer({"1\n", "2\n"})};
        std::unique_ptr<HttpReply> reply = m_transport->send(post(server.url()));
        bool called = false;
        reply->onReadyRead = [&] {
            called = true;
            reply.reset();
        };
        QTRY_VERIFY(called);
        QVERIFY(!reply);
        QTRY_VERIFY(server.clientClosed);
    }

    void silenceTimesOut() {
        ScriptedServer server;
        server.pieces = {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n1\n\r\n"};
        server.closeAtEnd = false;
        HttpRequest r = post(server.url());
        r.transferTimeoutMs = 300;
        QElapsedTimer t;
        t.start();
        const Outcome o = run(*m_transport, r);
        QCOMPARE(o.error, HttpNetworkError::OperationCanceled);
        QCOMPARE(o.body, QByteArray("1\n"));
        QVERIFY2(t.elapsed() >= 250 && t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }

    void connectionRefused() {
        quint16 port = 0;
        {
            QTcpServer s;
            QVERIFY(s.listen(QHostAddress::LocalHost));
            port = s.serverPort();
        }
        const Outcome o = run(*m_transport, post(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port))));
        QCOMPARE(o.status, 0);
        QCOMPARE(o.error, HttpNetworkError::ConnectionRefused);
    }

    void largeBodyThroughASmallReadBuffer() {
        // The reader stops taking from the socket while its buffer is full and resumes when it is read.
        QByteArray body;
        for (int i = 0; i < 200000; ++i)
            body += QByteArray::number(i) + "\tvalue\n";
        QList<QByteArray> chunks;
        for (qsizetype at = 0; at < body.size(); at += 4096)
            chunks << body.mid(at, 4096);
        ScriptedServer server;
        server.pieces = {chunkedAnswer(chunks)};
        std::unique_ptr<HttpReply> reply = m_transport->send(post(server.url()));
        reply->setReadBufferSize(64 * 1024);
        QByteArray got;
        bool finished = false;
        qint64 mostBuffered = 0;
        reply->onReadyRead = [&] { mostBuffered = std::max(mostBuffered, reply->bytesAvailable()); };
        reply->onFinished = [&] { finished = true; };
        QElapsedTimer t;
        t.start();
        while (!(finished && reply->bytesAvailable() == 0) && t.elapsed() < 20000) {
            QCoreApplication::processEvents();
            got += reply->read(16 * 1024); // a slow reader
        }
        QVERIFY(finished);
        QCOMPARE(reply->error(), HttpNetworkError::NoError);
        QCOMPARE(got.size(), body.size());
        QVERIFY(got == body);
        QVERIFY2(mostBuffered < 3 * 64 * 1024, qPrintable(QString::number(mostBuffered)));
    }
};

QTEST_GUILESS_MAIN(TstLeanHttp)
#include "tst_lean_http.moc"
