#include "aiven/AivenClient.h"

#include "domain/JsonText.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>

Q_LOGGING_CATEGORY(lcAiven, "ckstudio.aiven")

namespace ckstudio {
namespace {

struct DeleteLater {
    void operator()(QObject* object) const {
        if (object)
            object->deleteLater();
    }
};

bool isRetryableTransportError(HttpNetworkError e) {
    switch (e) {
    case HttpNetworkError::ConnectionRefused:
    case HttpNetworkError::RemoteHostClosed:
    case HttpNetworkError::TemporaryNetworkFailure:
    case HttpNetworkError::NetworkSessionFailed:
    case HttpNetworkError::UnknownNetwork:
    case HttpNetworkError::ProxyConnectionClosed:
    case HttpNetworkError::ProxyConnectionRefused:
    case HttpNetworkError::ProtocolFailure:
        return true;
    default:
        return false;
    }
}

QString segment(const QString& s) {
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

const Json& member(const Json& obj, const char* key) {
    static const Json null;
    return obj.is_object() && obj.contains(key) ? obj.at(key) : null;
}

template <typename T, typename Convert>
std::function<void(AivenResult<Json>)> adapt(std::function<void(AivenResult<T>)> done, Convert convert) {
    return [done = std::move(done), convert](AivenResult<Json> raw) {
        AivenResult<T> result;
        result.error = raw.error;
        if (raw.value) {
            result.value = convert(*raw.value, result.error);
            if (!result.value && result.error.message.isEmpty())
                result.error.message = QStringLiteral("the API's answer does not have the expected shape");
        }
        if (done)
            done(std::move(result));
    };
}

// An object under `key`, or nullopt with a message naming the key.
std::optional<Json> objectAt(const Json& doc, const char* key, AivenError& error) {
    const Json& value = member(doc, key);
    if (value.is_object())
        return value;
    error.message = QStringLiteral("the API's answer has no '%1' object").arg(QLatin1String(key));
    return std::nullopt;
}

template <typename T, typename FromJson>
std::optional<std::vector<T>> listAt(const Json& doc, const char* key, FromJson fromJson, AivenError& error) {
    const Json& value = member(doc, key);
    if (!value.is_array()) {
        error.message = QStringLiteral("the API's answer has no '%1' list").arg(QLatin1String(key));
        return std::nullopt;
    }
    std::vector<T> out;
    for (const auto& item : value)
        out.push_back(fromJson(item));
    return out;
}

const char* formatName(AivenMessageFormat f) {
    return f == AivenMessageFormat::JsonFormat ? "json" : "binary";
}

const QList<QPair<QString, QString>> kListQuery = {{QStringLiteral("limit"), QStringLiteral("999")}};

} // namespace

struct AivenClient::Pending {
    RequestId id = 0;
    QByteArray verb;
    QUrl url;
    std::optional<QByteArray> body;
    JsonCallback done;
    QPointer<QObject> context;              // the callback runs only while it lives
    QMetaObject::Connection contextDropped; // its destroyed() aborts the request
    int attempts = 0;
    QElapsedTimer clock;
    std::unique_ptr<HttpReply> reply;
    std::unique_ptr<QTimer, DeleteLater> retryTimer;
};

AivenClient::AivenClient(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_http(createHttpTransport()) {
    if (!m_options.caFile.isEmpty())
        m_http->addCaFile(m_options.caFile); // a file without certificates leaves the system's CAs
}

AivenClient::~AivenClient() {
    // Silent: the owner is going away, nobody is left to call back.
    m_pending.clear(); // deleting a reply stops it without calling back
}

QString AivenClient::scrub(QString text) const {
    if (!m_options.token.isEmpty())
        text.replace(m_options.token, QStringLiteral("<token>"));
    return text;
}

AivenClient::RequestId AivenClient::send(const QByteArray& verb, const QStringList& pathSegments,
                                         const QList<QPair<QString, QString>>& query,
                                         std::optional<Json> body, QObject* context, JsonCallback done) {
    Q_ASSERT_X(context, "AivenClient", "every request needs a context object");
    if (!context)
        qCWarning(lcAiven) << verb.constData() << "without a context object: its answer will be dropped";
    auto pending = std::make_unique<Pending>();
    pending->id = m_nextId++;
    pending->verb = verb;
    QString path = m_options.baseUrl.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    path += QStringLiteral("/v1");
    for (const auto& s : pathSegments)
        path += QLatin1Char('/') + segment(s);
    QUrl url = m_options.baseUrl;
    url.setPath(path, QUrl::StrictMode);
    if (!query.isEmpty()) {
        QUrlQuery q;
        q.setQueryItems(query);
        url.setQuery(q);
    }
    pending->url = url;
    if (body)
        pending->body = QByteArray::fromStdString(body->dump(-1, ' ', false, Json::error_handler_t::replace));
    pending->done = std::move(done);
    pending->context = context;
    pending->clock.start();
    const RequestId id = pending->id;
    pending->contextDropped = connect(context, &QObject::destroyed, this, [this, id] { drop(id); });
    Pending& ref = *pending;
    m_pending.emplace(id, std::move(pending));
    emit pendingCountChanged(pendingCount());
    start(ref);
    return id;
}

void AivenClient::start(Pending& pending) {
    ++pending.attempts;
    HttpRequest request;
    request.verb = pending.verb;
    request.url = pending.url;
    request.headers = {{"Authorization", "aivenv1 " + m_options.token.toUtf8()},
                       {"User-Agent", QByteArray("ckstudio/" CKSTUDIO_VERSION " (Qt/") + qVersion() + ")"},
                       {"Content-Type", "application/json"},
                       {"Accept", "application/json"}};
    request.body = pending.body;
    request.transferTimeoutMs = m_options.timeoutMs;
    request.followSafeRedirects = true;
    pending.reply = m_http->send(request);
    const RequestId id = pending.id;
    pending.reply->onFinished = [this, id] { onFinished(id); };
    qCDebug(lcAiven) << pending.verb.constData() << pending.url.path(QUrl::FullyEncoded) << "attempt"
                     << pending.attempts;
}

void AivenClient::onFinished(RequestId id) {
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending& pending = *it->second;
    // Taken before any callback runs: a callback may destroy this client, and the reply lives to the end.
    const std::unique_ptr<HttpReply> reply = std::move(pending.reply);
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    const int status = reply->httpStatus();
    const HttpNetworkError netError = reply->error();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QString host = pending.url.host();
    qCDebug(lcAiven) << pending.verb.constData() << pending.url.path(QUrl::FullyEncoded) << "->" << status
                     << static_cast<int>(netError) << body.size() << "bytes";

    AivenResult<Json> result;
    bool transportRetryable = false;
    if (netError == HttpNetworkError::OperationCanceled) {
        result.error.message =
            QStringLiteral("no answer from %1 within %2 s").arg(host).arg(m_options.timeoutMs / 1000.0);
    } else if (isTransportError(netError)) {
        transportRetryable = isRetryableTransportError(netError);
        const qint64 expected = reply->contentLength();
        if (status > 0 && expected > body.size())
            result.error.message = QStringLiteral("the answer from %1 was cut off after %2 of %3 bytes (%4)")
                                       .arg(host)
                                       .arg(body.size())
                                       .arg(expected)
                                       .arg(reply->errorString());
        else if (status > 0)
            result.error.message = QStringLiteral("the connection to %1 broke during the answer: %2")
                                       .arg(host, reply->errorString());
        else if (netError == HttpNetworkError::RemoteHostClosed)
            result.error.message = QStringLiteral("%1 closed the connection without answering").arg(host);
        else
            result.error.message = QStringLiteral("cannot reach %1: %2").arg(host, reply->errorString());
        result.error.retryable = transportRetryable;
    } else if (status >= 400) {
        result.error = aivenErrorFromHttp(status, body);
    } else if (status == 0) {
        result.error.message = QStringLiteral("no HTTP answer from %1: %2").arg(host, reply->errorString());
    } else if (body.trimmed().isEmpty()) {
        result.value = Json::object(); // 204 or an empty 2xx: success without data
    } else {
        auto parsed =
            parseJsonText(std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
        if (!parsed) {
            result.error.httpStatus = status;
            result.error.message =
                QStringLiteral("the answer from %1 is not valid JSON (%2 bytes; line %3, column %4: %5)")
                    .arg(host)
                    .arg(body.size())
                    .arg(parsed.error->line)
                    .arg(parsed.error->column)
                    .arg(QString::fromStdString(parsed.error->message));
        } else if (parsed.value->is_object() && parsed.value->contains("error") &&
                   !parsed.value->at("error").is_null() && parsed.value->at("error") != false &&
                   parsed.value->at("error") != "") {
            // avn treats a 2xx carrying a truthy "error" as a failure; so do we.
            result.error = aivenErrorFromHttp(status, body);
            if (result.error.message.isEmpty())
                result.error.message = QStringLiteral("the API reported an error");
        } else {
            result.value = std::move(*parsed.value);
        }
    }

    if (!result.value) {
        const bool isGet = pending.verb == "GET";
        const int code = result.error.httpStatus;
        const bool retry = code == 429 || (isGet && (code >= 500 || transportRetryable));
        if (retry && pending.attempts < m_options.retry.maxAttempts) {
            const auto hint = retryHint(retryAfter, result.error.message);
            const auto delay = m_options.retry.delayFor(pending.attempts, hint);
            if (std::chrono::milliseconds(pending.clock.elapsed()) + delay <= m_options.retry.budget) {
                qCDebug(lcAiven) << "retrying in" << delay.count() << "ms";
                pending.retryTimer.reset(new QTimer);
                pending.retryTimer->setSingleShot(true);
                connect(pending.retryTimer.get(), &QTimer::timeout, this, [this, id] {
                    auto found = m_pending.find(id);
                    if (found != m_pending.end())
                        start(*found->second);
                });
                pending.retryTimer->start(static_cast<int>(delay.count()));
                return;
            }
        }
        result.error.attempts = pending.attempts;
        if (pending.attempts > 1)
            result.error.message += QStringLiteral(" (gave up after %1 attempts)").arg(pending.attempts);
    }
    complete(id, std::move(result));
}

void AivenClient::complete(RequestId id, AivenResult<Json> result) {
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    JsonCallback done = std::move(it->second->done);
    const QPointer<QObject> context = it->second->context;
    disconnect(it->second->contextDropped);
    m_pending.erase(it); // before the callback, which may destroy this client
    result.error.message = scrub(result.error.message);
    emit pendingCountChanged(pendingCount());
    if (done && context)
        done(std::move(result));
}

void AivenClient::drop(RequestId id) {
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    qCDebug(lcAiven) << it->second->verb.constData() << it->second->url.path(QUrl::FullyEncoded)
                     << "dropped: its context is gone";
    m_pending.erase(it); // deleting the reply aborts the HTTP request without calling back
    emit pendingCountChanged(pendingCount());
}

void AivenClient::cancel(RequestId id) {
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending& pending = *it->second;
    pending.reply.reset(); // stops it without calling back
    AivenResult<Json> result;
    result.error.cancelled = true;
    result.error.attempts = pending.attempts;
    result.error.message = QStringLiteral("cancelled");
    complete(id, std::move(result));
}

void AivenClient::cancelAll() {
    std::vector<RequestId> ids;
    for (const auto& [id, p] : m_pending)
        ids.push_back(id);
    for (RequestId id : ids)
        cancel(id);
}

AivenClient::RequestId AivenClient::listProjects(QObject* context, Callback<std::vector<AivenProject>> done) {
    return send("GET", {QStringLiteral("project")}, {}, std::nullopt, context,
                adapt<std::vector<AivenProject>>(std::move(done), [](const Json& doc, AivenError& e) {
                    return listAt<AivenProject>(doc, "projects", aivenProjectFromJson, e);
                }));
}

AivenClient::RequestId AivenClient::listServices(const QString& project, QObject* context,
                                                 Callback<std::vector<AivenService>> done) {
    return send("GET", {QStringLiteral("project"), project, QStringLiteral("service")}, kListQuery,
                std::nullopt, context,
                adapt<std::vector<AivenService>>(std::move(done), [](const Json& doc, AivenError& e) {
                    return listAt<AivenService>(doc, "services", aivenServiceFromJson, e);
                }));
}

AivenClient::RequestId AivenClient::getService(const QString& project, const QString& service,
                                               bool includeSecrets, QObject* context,
                                               Callback<AivenService> done) {
    QList<QPair<QString, QString>> query;
    if (includeSecrets)
        query.append({QStringLiteral("include_secrets"), QStringLiteral("true")});
    return send("GET", {QStringLiteral("project"), project, QStringLiteral("service"), service}, query,
                std::nullopt, context,
                adapt<AivenService>(std::move(done),
                                    [](const Json& doc, AivenError& e) -> std::optional<AivenService> {
                                        auto obj = objectAt(doc, "service", e);
                                        if (!obj)
                                            return std::nullopt;
                                        return aivenServiceFromJson(*obj);
                                    }));
}

AivenClient::RequestId AivenClient::listServiceIntegrations(const QString& project, const QString& service,
                                                            QObject* context,
                                                            Callback<std::vector<AivenIntegration>> done) {
    return send("GET",
                {QStringLiteral("project"), project, QStringLiteral("service"), service,
                 QStringLiteral("integration")},
                kListQuery, std::nullopt, context,
                adapt<std::vector<AivenIntegration>>(std::move(done), [](const Json& doc, AivenError& e) {
                    return listAt<AivenIntegration>(doc, "service_integrations", aivenIntegrationFromJson, e);
                }));
}

namespace {
auto integrationFrom() {
    return [](const Json& doc, AivenError& e) -> std::optional<AivenIntegration> {
        auto obj = objectAt(doc, "service_integration", e);
        if (!obj)
            return std::nullopt;
        return aivenIntegrationFromJson(*obj);
    };
}
} // namespace

AivenClient::RequestId AivenClient::getIntegration(const QString& project, const QString& integrationId,
                                                   QObject* context, Callback<AivenIntegration> done) {
    return send("GET", {QStringLiteral("project"), project, QStringLiteral("integration"), integrationId}, {},
                std::nullopt, context, adapt<AivenIntegration>(std::move(done), integrationFrom()));
}

AivenClient::RequestId AivenClient::createIntegration(const QString& project,
                                                      const AivenIntegrationSource& source,
                                                      const QString& destService, const Json& userConfig,
                                                      QObject* context, Callback<AivenIntegration> done) {
    Json body = Json::object();
    body["integration_type"] = "clickhouse_kafka";
    if (!source.service.isEmpty())
        body["source_service"] = source.service.toStdString();
    if (!source.endpointId.isEmpty())
        body["source_endpoint_id"] = source.endpointId.toStdString();
    body["dest_service"] = destService.toStdString();
    body["user_config"] = userConfig.is_null() ? Json::object() : userConfig;
    return send("POST", {QStringLiteral("project"), project, QStringLiteral("integration")}, {},
                std::move(body), context, adapt<AivenIntegration>(std::move(done), integrationFrom()));
}

AivenClient::RequestId AivenClient::updateIntegration(const QString& project, const QString& integrationId,
                                                      const Json& userConfig, QObject* context,
                                                      Callback<AivenIntegration> done) {
    Json body = Json::object();
    body["user_config"] = userConfig;
    return send("PUT", {QStringLiteral("project"), project, QStringLiteral("integration"), integrationId}, {},
                std::move(body), context, adapt<AivenIntegration>(std::move(done), integrationFrom()));
}

AivenClient::RequestId AivenClient::deleteIntegration(const QString& project, const QString& integrationId,
                                                      QObject* context, Callback<bool> done) {
    return send("DELETE", {QStringLiteral("project"), project, QStringLiteral("integration"), integrationId},
                {}, std::nullopt, context,
                adapt<bool>(std::move(done), [](const Json&, AivenError&) { return std::optional(true); }));
}

AivenClient::RequestId
AivenClient::listIntegrationEndpoints(const QString& project, QObject* context,
                                      Callback<std::vector<AivenIntegrationEndpoint>> done) {
    return send(
        "GET", {QStringLiteral("project"), project, QStringLiteral("integration_endpoint")}, kListQuery,
        std::nullopt, context,
        adapt<std::vector<AivenIntegrationEndpoint>>(std::move(done), [](const Json& doc, AivenError& e) {
            return listAt<AivenIntegrationEndpoint>(doc, "service_integration_endpoints",
                                                    aivenEndpointFromJson, e);
        }));
}

AivenClient::RequestId AivenClient::getIntegrationEndpoint(const QString& project, const QString& endpointId,
                                                           bool includeSecrets, QObject* context,
                                                           Callback<AivenIntegrationEndpoint> done) {
    QList<QPair<QString, QString>> query;
    if (includeSecrets)
        query.append({QStringLiteral("include_secrets"), QStringLiteral("true")});
    return send(
        "GET", {QStringLiteral("project"), project, QStringLiteral("integration_endpoint"), endpointId},
        query, std::nullopt, context,
        adapt<AivenIntegrationEndpoint>(
            std::move(done), [](const Json& doc, AivenError& e) -> std::optional<AivenIntegrationEndpoint> {
                auto obj = objectAt(doc, "service_integration_endpoint", e);
                if (!obj)
                    return std::nullopt;
                return aivenEndpointFromJson(*obj);
            }));
}

AivenClient::RequestId AivenClient::getProjectCa(const QString& project, QObject* context,
                                                 Callback<QString> done) {
    return send("GET", {QStringLiteral("project"), project, QStringLiteral("kms"), QStringLiteral("ca")}, {},
                std::nullopt, context,
                adapt<QString>(std::move(done), [](const Json& doc, AivenError& e) -> std::optional<QString> {
                    const Json& certificate = member(doc, "certificate");
                    if (certificate.is_string())
                        return QString::fromStdString(certificate.get<std::string>());
                    e.message = QStringLiteral("the API's answer has no 'certificate'");
                    return std::nullopt;
                }));
}

AivenClient::RequestId AivenClient::listIntegrationTypes(const QString& project, QObject* context,
                                                         Callback<std::vector<AivenIntegrationType>> done) {
    return send("GET", {QStringLiteral("project"), project, QStringLiteral("integration_types")}, {},
                std::nullopt, context,
                adapt<std::vector<AivenIntegrationType>>(std::move(done), [](const Json& doc, AivenError& e) {
                    return listAt<AivenIntegrationType>(doc, "integration_types",
                                                        aivenIntegrationTypeFromJson, e);
                }));
}

AivenClient::RequestId AivenClient::listTopics(const QString& project, const QString& service,
                                               QObject* context,
                                               Callback<std::vector<AivenTopicSummary>> done) {
    return send(
        "GET",
        {QStringLiteral("project"), project, QStringLiteral("service"), service, QStringLiteral("topic")},
        kListQuery, std::nullopt, context,
        adapt<std::vector<AivenTopicSummary>>(std::move(done), [](const Json& doc, AivenError& e) {
            return listAt<AivenTopicSummary>(doc, "topics", aivenTopicSummaryFromJson, e);
        }));
}

AivenClient::RequestId AivenClient::getTopic(const QString& project, const QString& service,
                                             const QString& topic, QObject* context,
                                             Callback<AivenTopic> done) {
    return send(
        "GET",
        {QStringLiteral("project"), project, QStringLiteral("service"), service, QStringLiteral("topic"),
         topic},
        {}, std::nullopt, context,
        adapt<AivenTopic>(std::move(done), [](const Json& doc, AivenError& e) -> std::optional<AivenTopic> {
            auto obj = objectAt(doc, "topic", e);
            if (!obj)
                return std::nullopt;
            return aivenTopicFromJson(*obj);
        }));
}

AivenClient::RequestId AivenClient::readMessages(const QString& project, const QString& service,
                                                 const QString& topic,
                                                 const std::vector<std::pair<int, qint64>>& startOffsets,
                                                 AivenMessageFormat format, QObject* context,
                                                 Callback<std::vector<AivenMessage>> done) {
    Json partitions = Json::object();
    for (const auto& [partition, offset] : startOffsets)
        partitions[std::to_string(partition)] = Json{{"offset", offset}};
    Json body = Json::object();
    body["format"] = formatName(format);
    body["partitions"] = std::move(partitions);
    body["timeout"] = 3000; // the API's minimum: the data is there already, we only read up to the known end
    body["max_bytes"] = 8 * 1024 * 1024;
    return send(
        "POST",
        {QStringLiteral("project"), project, QStringLiteral("service"), service, QStringLiteral("kafka"),
         QStringLiteral("rest"), QStringLiteral("topics"), topic, QStringLiteral("messages")},
        {}, std::move(body), context,
        adapt<std::vector<AivenMessage>>(std::move(done), [format](const Json& doc, AivenError& e) {
            return listAt<AivenMessage>(
                doc, "messages", [format](const Json& m) { return aivenMessageFromJson(m, format); }, e);
        }));
}

AivenClient::RequestId AivenClient::newestMessages(const QString& project, const QString& service,
                                                   const QString& topic, int limit, AivenMessageFormat format,
                                                   QObject* context,
                                                   Callback<std::vector<AivenMessage>> done) {
    return getTopic(
        project, service, topic, context,
        [this, project, service, topic, limit, format, context, done](AivenResult<AivenTopic> t) {
            if (!t) {
                AivenResult<std::vector<AivenMessage>> failed;
                failed.error = t.error;
                if (done)
                    done(std::move(failed));
                return;
            }
            const auto starts = newestMessageStartOffsets(t.value->partitions, limit);
            if (starts.empty()) {
                if (done)
                    done(AivenResult<std::vector<AivenMessage>>{std::vector<AivenMessage>{}, {}});
                return;
            }
            // Ends as known now: messages written after the offsets were read are not part of this sample.
            std::map<int, std::pair<qint64, qint64>> window;
            for (const auto& p : t.value->partitions)
                for (const auto& [partition, from] : starts)
                    if (p.partition == partition)
                        window[partition] = {from, p.latestOffset};
            // The first step calls back only while context lives, so it is alive here.
            readMessages(project, service, topic, starts, format, context,
                         [window, done](AivenResult<std::vector<AivenMessage>> r) {
                             if (r.value) {
                                 auto& messages = *r.value;
                                 std::erase_if(messages, [&](const AivenMessage& m) {
                                     auto it = window.find(m.partition);
                                     return it == window.end() || m.offset < it->second.first ||
                                            m.offset >= it->second.second;
                                 });
                                 const bool allTimed =
                                     std::all_of(messages.begin(), messages.end(), [](const AivenMessage& m) {
                                         return m.timestamp.has_value();
                                     });
                                 std::stable_sort(messages.begin(), messages.end(),
                                                  [allTimed](const AivenMessage& a, const AivenMessage& b) {
                                                      if (allTimed && *a.timestamp != *b.timestamp)
                                                          return *a.timestamp < *b.timestamp;
                                                      return std::pair(a.partition, a.offset) <
                                                             std::pair(b.partition, b.offset);
                                                  });
                             }
                             if (done)
                                 done(std::move(r));
                         });
        });
}

AivenClient::RequestId AivenClient::produceMessages(const QString& project, const QString& service,
                                                    const QString& topic, AivenMessageFormat format,
                                                    const std::vector<AivenProduceRecord>& records,
                                                    QObject* context,
                                                    Callback<std::vector<AivenProducedOffset>> done) {
    Json list = Json::array();
    for (const auto& r : records) {
        Json record = Json::object();
        if (!r.key.is_null())
            record["key"] = r.key;
        record["value"] = r.value;
        if (r.partition)
            record["partition"] = *r.partition;
        list.push_back(std::move(record));
    }
    Json body = Json::object();
    body["format"] = formatName(format);
    body["records"] = std::move(list);
    return send(
        "POST",
        {QStringLiteral("project"), project, QStringLiteral("service"), service, QStringLiteral("kafka"),
         QStringLiteral("rest"), QStringLiteral("topics"), topic, QStringLiteral("produce")},
        {}, std::move(body), context,
        adapt<std::vector<AivenProducedOffset>>(std::move(done), [](const Json& doc, AivenError& e) {
            return listAt<AivenProducedOffset>(
                doc, "offsets",
                [](const Json& o) {
                    AivenProducedOffset out;
                    out.partition =
                        member(o, "partition").is_number() ? member(o, "partition").get<int>() : 0;
                    out.offset = member(o, "offset").is_number() ? member(o, "offset").get<qint64>() : -1;
                    if (member(o, "error").is_string())
                        out.error = QString::fromStdString(member(o, "error").get<std::string>());
                    return out;
                },
                e);
        }));
}

} // namespace ckstudio
