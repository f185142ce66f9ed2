#pragma once
// Asynchronous client for the parts of Aiven's public REST API the studio uses (reference/aiven-api.md).
// One HTTP transport (http/HttpTransport.h); every request is owned by the client, time-limited, retried
// within bounds, and its result is delivered once, as a value, to the callback given with it.
// Every request names a context object, as QObject::connect does: when the context is destroyed before the
// answer, the request is aborted and its callback never runs, so callers need no lifetime guards of their
// own (they must not cancel their requests in their destructor either: that calls back into a half-destroyed
// object). Destroying the client aborts everything without calling back; cancel() and cancelAll() call back
// with a cancelled error.
#include "aiven/AivenErrors.h"
#include "aiven/AivenTypes.h"
#include "http/HttpTransport.h"

#include <QObject>
#include <QUrl>
#include <functional>
#include <map>
#include <memory>

namespace ckstudio {

class AivenClient : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl baseUrl = QUrl(QStringLiteral("https://api.aiven.io"));
        QString token;         // sent as "Authorization: aivenv1 <token>"; never logged or shown
        int timeoutMs = 30000; // per attempt, no bytes moving for this long fails the attempt
        RetryPolicy retry;
        QString caFile; // a PEM CA to trust besides the system's (proxies, tests)
    };

    template <typename T> using Callback = std::function<void(AivenResult<T>)>;
    using RequestId = quint64;

    explicit AivenClient(Options options, QObject* parent = nullptr);
    ~AivenClient() override;

    RequestId listProjects(QObject* context, Callback<std::vector<AivenProject>> done);
    RequestId listServices(const QString& project, QObject* context,
                           Callback<std::vector<AivenService>> done);
    // includeSecrets asks for passwords: the API answers 403 to callers without the permission, or
    // "<redacted>".
    RequestId getService(const QString& project, const QString& service, bool includeSecrets,
                         QObject* context, Callback<AivenService> done);
    // Every integration the API lists for the service (all types, both directions); see
    // clickhouseKafkaIntegrations().
    RequestId listServiceIntegrations(const QString& project, const QString& service, QObject* context,
                                      Callback<std::vector<AivenIntegration>> done);
    RequestId getIntegration(const QString& project, const QString& integrationId, QObject* context,
                             Callback<AivenIntegration> done);
    RequestId createIntegration(const QString& project, const AivenIntegrationSource& source,
                                const QString& destService, const Json& userConfig, QObject* context,
                                Callback<AivenIntegration> done);
    // PUT {"user_config": ...}: the whole document replaces the remote one.
    RequestId updateIntegration(const QString& project, const QString& integrationId, const Json& userConfig,
                                QObject* context, Callback<AivenIntegration> done);
    RequestId deleteIntegration(const QString& project, const QString& integrationId, QObject* context,
                                Callback<bool> done);
    RequestId listIntegrationEndpoints(const QString& project, QObject* context,
                                       Callback<std::vector<AivenIntegrationEndpoint>> done);
    RequestId getIntegrationEndpoint(const QString& project, const QString& endpointId, bool includeSecrets,
                                     QObject* context, Callback<AivenIntegrationEndpoint> done);
    // The project's CA certificate (PEM), which Aiven services' TLS endpoints (Kafka, ClickHouse) chain to.
    RequestId getProjectCa(const QString& project, QObject* context, Callback<QString> done);
    RequestId listIntegrationTypes(const QString& project, QObject* context,
                                   Callback<std::vector<AivenIntegrationType>> done);
    RequestId listTopics(const QString& project, const QString& service, QObject* context,
                         Callback<std::vector<AivenTopicSummary>> done);
    RequestId getTopic(const QString& project, const QString& service, const QString& topic, QObject* context,
                       Callback<AivenTopic> done);
    // Reads from explicit offsets through Kafka REST; no consumer group, nothing committed.
    RequestId readMessages(const QString& project, const QString& service, const QString& topic,
                           const std::vector<std::pair<int, qint64>>& startOffsets, AivenMessageFormat format,
                           QObject* context, Callback<std::vector<AivenMessage>> done);
    // The newest `limit` messages: reads the topic's offsets, then the tails (see
    // newestMessageStartOffsets()). Returns the id of the first step; cancelAll() or the context's
    // destruction stops either step.
    RequestId newestMessages(const QString& project, const QString& service, const QString& topic, int limit,
                             AivenMessageFormat format, QObject* context,
                             Callback<std::vector<AivenMessage>> done);
    RequestId produceMessages(const QString& project, const QString& service, const QString& topic,
                              AivenMessageFormat format, const std::vector<AivenProduceRecord>& records,
                              QObject* context, Callback<std::vector<AivenProducedOffset>> done);

    void cancel(RequestId id); // calls back with a cancelled error
    void cancelAll();          // the same for every pending request
    int pendingCount() const { return static_cast<int>(m_pending.size()); }

    const Options& options() const { return m_options; }

signals:
    // For a busy indicator: the number of requests in flight or waiting to be retried changed.
    void pendingCountChanged(int count);

private:
    struct Pending;
    using JsonCallback = std::function<void(AivenResult<Json>)>;

    RequestId send(const QByteArray& verb, const QStringList& pathSegments,
                   const QList<QPair<QString, QString>>& query, std::optional<Json> body, QObject* context,
                   JsonCallback done);
    void start(Pending& pending);
    void onFinished(RequestId id);
    void complete(RequestId id, AivenResult<Json> result);
    void drop(RequestId id); // silently: the request's context is gone
    QString scrub(QString text) const;

    Options m_options;
    std::unique_ptr<HttpTransport> m_http;
    std::map<RequestId, std::unique_ptr<Pending>> m_pending;
    RequestId m_nextId = 1;
};

} // namespace ckstudio
