#include "clickhouse/ClickHouseClient.h"

#include <QIODevice>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace ckstudio {

ClickHouseClient::ClickHouseClient(ConnectionSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_http(createHttpTransport()) {
    m_settings.url.setUserInfo({}); // credentials only ever travel in headers
    if (!m_settings.caFile.isEmpty())
        if (const auto error = m_http->addCaFile(m_settings.caFile))
            m_setupError = ClickHouseError{ClickHouseError::Kind::Usage, *error, 0, 0};
}

ClickHouseClient::~ClickHouseClient() = default;

QList<QPair<QString, QString>>
ClickHouseClient::supportedSettings(const QList<QPair<QString, QString>>& wanted) const {
    QList<QPair<QString, QString>> out;
    if (m_capabilities && !m_capabilities->settingsAllowed())
        return out; // readonly=1: any setting in the request is refused
    for (const auto& s : wanted) {
        const bool known = m_capabilities ? m_capabilities->hasSetting(s.first)
                                         : ServerCapabilities::isAncientSetting(s.first);
        if (known)
            out << s;
    }
    return out;
}

HttpRequest ClickHouseClient::makeRequest(const QueryOptions& options, const QString& queryId,
                                          const QString& sqlInUrl, bool* serverCancelsOnClose) const {
    QUrl url = m_settings.url;
    QUrlQuery q;
    if (!options.database.isEmpty())
        q.addQueryItem(QStringLiteral("database"), options.database);
    q.addQueryItem(QStringLiteral("query_id"), queryId);
    if (!options.sessionId.isEmpty())
        q.addQueryItem(QStringLiteral("session_id"), options.sessionId);
    // A buffered answer is read whole anyway: the server holds it back until the query ends, so that a
    // failure is a clean error status instead of a block at the end of a broken body (every version has
    // this parameter; it is not a setting, so readonly=1 takes it too).
    if (!options.streaming && sqlInUrl.isEmpty())
        q.addQueryItem(QStringLiteral("wait_end_of_query"), QStringLiteral("1"));
    bool readonly = false;
    bool cancelOnClose = false;
    for (const auto& s : supportedSettings(options.settings)) {
        if (s.first == QLatin1String("readonly") && s.second != QLatin1String("0"))
            readonly = true;
        if (s.first == QLatin1String("cancel_http_readonly_queries_on_client_close")) {
            if (!m_capabilities || !m_capabilities->cancelOnCloseUsable())
                continue;
            cancelOnClose = s.second == QLatin1String("1");
        }
        q.addQueryItem(s.first, s.second);
    }
    *serverCancelsOnClose = readonly && cancelOnClose;
    if (!sqlInUrl.isEmpty())
        q.addQueryItem(QStringLiteral("query"), sqlInUrl);
    // QUrlQuery leaves '+' and '&' in values ambiguous; encode them.
    url.setQuery(q.query(QUrl::FullyEncoded).replace(QLatin1Char('+'), QStringLiteral("%2B")),
                 QUrl::StrictMode);
    HttpRequest request;
    request.operation = HttpRequest::Operation::Post;
    request.url = url;
    request.headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"Accept-Encoding", "identity"}};
    const QString user = m_settings.user.isEmpty() && !m_settings.password.isEmpty() ? QStringLiteral("default")
                                                                                   : m_settings.user;
    if (!user.isEmpty())
        request.headers.append({"X-ClickHouse-User", user.toUtf8()});
    if (!m_settings.password.isEmpty())
        request.headers.append({"X-ClickHouse-Key", m_settings.password.toUtf8()});
    request.preferLeanReader = options.streaming; // the preview's large answers (app/http/LeanHttpReply.h)
    request.followSafeRedirects = false; // a redirect is an answer, not followed with the credentials
    const int timeout = options.timeoutMs > 0 ? options.timeoutMs : m_settings.queryTimeoutMs;
    request.transferTimeoutMs =
        std::min(timeout, 30000); // idle limit; the whole-request limit is the query's
    return request;
}

ClickHouseQuery* ClickHouseClient::failedQuery(const ClickHouseError& error) {
    // Report through the same asynchronous path as a real query.
    auto* q = new ClickHouseQuery(this, nullptr, QString(), false, true, 0);
    QTimer::singleShot(0, q, [q, error] { q->finishWith(error); });
    return q;
}

ClickHouseQuery* ClickHouseClient::query(const QString& sql, const QueryOptions& options) {
    if (m_setupError)
        return failedQuery(*m_setupError);
    const QString id =
        options.queryId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : options.queryId;
    bool cancelsOnClose = false;
    HttpRequest request = makeRequest(options, id, {}, &cancelsOnClose);
    request.body = sql.toUtf8();
    return new ClickHouseQuery(this, m_http->send(request), id, options.streaming, cancelsOnClose,
                               options.timeoutMs > 0 ? options.timeoutMs : m_settings.queryTimeoutMs,
                               statementKeywords(sql));
}

ClickHouseQuery* ClickHouseClient::insert(const QString& statement, QIODevice* data,
                                          const QueryOptions& options) {
    if (m_setupError)
        return failedQuery(*m_setupError);
    const QString id =
        options.queryId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : options.queryId;
    bool cancelsOnClose = false;
    HttpRequest request = makeRequest(options, id, statement, &cancelsOnClose);
    for (auto& [name, value] : request.headers)
        if (name == "Content-Type")
            value = "application/octet-stream";
    request.bodyDevice = data;
    return new ClickHouseQuery(this, m_http->send(request), id, false, false,
                               options.timeoutMs > 0 ? options.timeoutMs : m_settings.queryTimeoutMs,
                               statementKeywords(statement));
}

void ClickHouseClient::killQuery(const QString& queryId) {
    if (queryId.isEmpty())
        return;
    QString escaped = queryId;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    QueryOptions o;
    o.timeoutMs = 10000;
    query(QStringLiteral("KILL QUERY WHERE query_id = '%1' FORMAT TabSeparated").arg(escaped), o);
}

void ClickHouseClient::loadCapabilities(QObject* context, CapabilitiesDone done) {
    if (m_capabilities) {
        QTimer::singleShot(0, context, [done] { done(std::nullopt); });
        return;
    }
    m_capabilityWaiters.append({QPointer<QObject>(context), std::move(done)});
    if (m_loadingCapabilities)
        return;
    m_loadingCapabilities = true;
    // No settings: a readonly=1 user's server refuses any (even readonly=2), and the bootstrap is a SELECT.
    QueryOptions o;
    o.timeoutMs = std::min(m_settings.queryTimeoutMs, 30000);
    auto* q = query(ServerCapabilities::bootstrapSql(), o);
    connect(q, &ClickHouseQuery::finished, this, [this, q] {
        m_loadingCapabilities = false;
        std::optional<ClickHouseError> error = q->error();
        if (!error) {
            m_capabilities = ServerCapabilities::fromBootstrapResult(q->body());
            if (!m_capabilities)
                error = ClickHouseError{ClickHouseError::Kind::Protocol,
                                        QStringLiteral("the server did not say its version"), 0, 0};
        }
        const auto waiters = std::exchange(m_capabilityWaiters, {});
        for (const auto& w : waiters)
            if (w.first)
                w.second(error);
    });
}

} // namespace ckstudio
