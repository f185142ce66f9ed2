#pragma once
// ClickHouse over HTTP(S): POSTs SQL with X-ClickHouse-User/X-ClickHouse-Key, database and settings as URL
// parameters (only settings the server has), a query_id on every query. One HTTP transport
// (http/HttpTransport.h) and one TLS configuration (system CAs + the optional CA file) for every request of
// this client. No nested event loops:
// results arrive through signals and callbacks.
#include "clickhouse/ClickHouseError.h"
#include "clickhouse/ClickHouseQuery.h"
#include "clickhouse/ConnectionSettings.h"
#include "clickhouse/ServerCapabilities.h"
#include "http/HttpTransport.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <functional>
#include <optional>

class QIODevice;

namespace ckstudio {

struct QueryOptions {
    QString database;                        // ?database=
    QList<QPair<QString, QString>> settings; // sent only when the server has them
    bool streaming = false;                  // body via dataReceived() instead of body()
    int timeoutMs = 0;                       // whole-request limit; 0: the connection's queryTimeoutMs
    QString queryId;                         // empty: a fresh UUID
    QString sessionId;                       // ?session_id= (temporary tables; one query at a time)
};

class ClickHouseClient : public QObject {
    Q_OBJECT
public:
    explicit ClickHouseClient(ConnectionSettings settings, QObject* parent = nullptr);
    ~ClickHouseClient() override;

    const ConnectionSettings& settings() const { return m_settings; }
    // A problem with the settings found at construction (unreadable CA file); queries then fail with it.
    const std::optional<ClickHouseError>& setupError() const { return m_setupError; }

    // Loads version, settings and formats once; calls done on the event loop (immediately if known).
    // `context` guards the callback: it is not called after context is destroyed.
    using CapabilitiesDone = std::function<void(const std::optional<ClickHouseError>& error)>;
    void loadCapabilities(QObject* context, CapabilitiesDone done);
    const std::optional<ServerCapabilities>& capabilities() const { return m_capabilities; }

    // POSTs sql. The returned query belongs to this client and deletes itself after finished().
    ClickHouseQuery* query(const QString& sql, const QueryOptions& options = {});
    // POSTs `statement` (e.g. "INSERT INTO db.t FORMAT JSONEachRow") in the URL and streams data as the body.
    // The device must stay alive until the query finishes.
    ClickHouseQuery* insert(const QString& statement, QIODevice* data, const QueryOptions& options = {});

    // Fire-and-forget KILL QUERY for a query of this client (used by ClickHouseQuery::cancel()).
    void killQuery(const QString& queryId);

    // The settings of `options` this server accepts, in order.
    QList<QPair<QString, QString>> supportedSettings(const QList<QPair<QString, QString>>& wanted) const;

private:
    HttpRequest makeRequest(const QueryOptions& options, const QString& queryId, const QString& sqlInUrl,
                            bool* serverCancelsOnClose) const;
    ClickHouseQuery* failedQuery(const ClickHouseError& error);

    ConnectionSettings m_settings;
    std::unique_ptr<HttpTransport> m_http;
    std::optional<ClickHouseError> m_setupError;
    std::optional<ServerCapabilities> m_capabilities;
    bool m_loadingCapabilities = false;
    QList<QPair<QPointer<QObject>, CapabilitiesDone>> m_capabilityWaiters;
};

} // namespace ckstudio
