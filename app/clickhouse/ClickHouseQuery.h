#pragma once
// One request to ClickHouse in flight. Owned by its ClickHouseClient; deletes itself (deleteLater) after
// finished() was emitted, so read the result inside the slot connected to finished().
#include "clickhouse/ClickHouseError.h"
#include "http/HttpTransport.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>

namespace ckstudio {

class ClickHouseClient;

class ClickHouseQuery : public QObject {
    Q_OBJECT
public:
    QString queryId() const { return m_queryId; }
    bool isFinished() const { return m_finished; }
    // Set once finished: empty on success.
    const std::optional<ClickHouseError>& error() const { return m_error; }
    // The whole body (buffered queries only).
    const QByteArray& body() const { return m_body; }

    // Stops the request: aborts the reply and, unless the server cancels readonly queries on client close,
    // sends KILL QUERY for this query_id so that the server-side work ends too. finished() follows with a
    // Cancelled error.
    void cancel();

signals:
    void dataReceived(const QByteArray& chunk); // streaming queries: body bytes as they arrive (status 2xx)
    void finished();

private:
    friend class ClickHouseClient;
    // `statement`: what the SQL does in a few keywords ("CREATE DATABASE"), named in a missing-grant error.
    ClickHouseQuery(ClickHouseClient* client, std::unique_ptr<HttpReply> reply, QString queryId,
                    bool streaming, bool serverCancelsOnClose, int timeoutMs, QString statement = {});

    void onMetaData();
    void onReadyRead();
    void drainSlice();
    void onFinished();
    void finishWith(std::optional<ClickHouseError> error);
    std::optional<ClickHouseError> errorFromReply();

    QPointer<ClickHouseClient> m_client;
    std::unique_ptr<HttpReply> m_reply;
    QString m_queryId;
    QString m_statement;
    bool m_streaming = false;
    bool m_serverCancelsOnClose = false;
    bool m_errorStatus = false; // status or header say the body is an error message
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_finished = false;
    bool m_replyFinished = false; // the transport is done; buffered bytes may still be waiting
    bool m_drainScheduled = false;
    QByteArray m_body;
    QByteArray m_tail; // last bytes of a streamed body, for a 24.11+ exception block
    QByteArray m_exceptionTag;
    QStringList m_sslErrors;
    QTimer m_deadline;
    std::optional<ClickHouseError> m_error;
};

} // namespace ckstudio
