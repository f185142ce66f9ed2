#pragma once
// Where a topic's messages can be read, asked once: an Aiven for Apache Kafka service (through its Kafka REST
// endpoint, or directly with librdkafka when the service has REST off), an external_kafka integration
// endpoint (directly), or an integration whose source is either. The topic browser, the create-integration
// wizard and `ckstudio-cli peek --project` all ask here and get one answer, instead of driving the API step
// by step themselves. Also parses the API's service and endpoint JSON into a KafkaConnection.
#include "aiven/AivenClient.h"
#include "kafka/KafkaConnection.h"

#include <QObject>
#include <QPointer>
#include <optional>
#include <vector>

namespace ckstudio {

// What to resolve: exactly one of service, endpointId and integrationId.
struct KafkaSourceQuery {
    QString project;
    QString service;       // an Aiven for Apache Kafka service
    QString endpointId;    // an external_kafka integration endpoint
    QString integrationId; // an integration: its source service or endpoint
};

struct KafkaSource {
    QString project;
    QString service;       // the Aiven Kafka service; empty for an external endpoint
    QString endpointId;    // the external endpoint; empty for a service
    QString endpointName;  // the endpoint's name, once the API gave it
    QString integrationId; // the integration it is the source of, when asked for one
    // Reads go through Aiven's Kafka REST endpoint of project/service.
    bool kafkaRest = false;
    // How to read with librdkafka; set exactly when kafkaRest is false.
    std::optional<KafkaConnection> direct;
};

struct KafkaSourceResult {
    // On success the whole answer; on failure what was being resolved (project, service or endpoint).
    KafkaSource source;
    // The API's own error (status, code, message) as it sent it, or why the source is unusable (httpStatus
    // 0). Never holds a secret of the source.
    std::optional<AivenError> error;
    bool ok() const { return !error.has_value(); }
    // "Kafka service S: message (HTTP 404)" / "External Kafka endpoint E: ..." / "Integration I: ...".
    QString errorText() const;
};

// One Kafka source of a project a user can pick.
struct KafkaSourceChoice {
    QString service;    // an Aiven for Apache Kafka service, or
    QString endpointId; // an external_kafka endpoint
    QString name;       // the service's or endpoint's name
};

struct KafkaSourceList {
    std::vector<KafkaSourceChoice> choices; // services first, in the API's order
    std::optional<AivenError> error;        // the service list's error; an endpoint list error is ignored
    bool ok() const { return !error.has_value(); }
};

// One resolution or listing at a time; starting another, cancel() or destruction drops the running one
// (its signal never comes).
class KafkaSourceResolver : public QObject {
    Q_OBJECT
public:
    // `client` must outlive the running request (a gone client ends it with an error).
    explicit KafkaSourceResolver(AivenClient* client, QObject* parent = nullptr);

    // Emits resolved() once, possibly before returning (no client, an unusable query).
    void resolve(const KafkaSourceQuery& query);
    // Emits listed() once: the project's Kafka services and external_kafka endpoints.
    void listSources(const QString& project);
    void cancel();
    bool isRunning() const { return m_request != 0; }

signals:
    void resolved(const ckstudio::KafkaSourceResult& result);
    void listed(const ckstudio::KafkaSourceList& list);

private:
    template <typename T, typename Step> AivenClient::Callback<T> next(Step step);
    void resolveService(KafkaSource source);
    void resolveServiceDirect(KafkaSource source, const AivenService& plain);
    void resolveEndpoint(KafkaSource source);
    void finish(KafkaSource source, std::optional<AivenError> error = std::nullopt);
    void fail(KafkaSource source, const QString& reason);

    QPointer<AivenClient> m_client;
    quint64 m_request = 0;    // the client request in flight
    quint64 m_generation = 0; // bumped by every start and cancel; answers of older ones are dropped
};

// False when the service's user_config turns the Kafka REST proxy off (`"kafka_rest": false`).
bool serviceHasKafkaRest(const AivenService& service);

// The service's `kafka` component (TLS with the avnadmin access certificate when the API revealed it);
// nullopt when the service lists no such component. `caPem` is the project CA, if known.
std::optional<KafkaConnection> kafkaConnectionForService(const AivenService& service,
                                                         const QByteArray& caPem = {});

// An external_kafka endpoint's user_config: bootstrap_servers, security_protocol, sasl_mechanism,
// sasl_plain_username/password, ssl_ca_cert, ssl_client_cert/key. nullopt without bootstrap servers.
std::optional<KafkaConnection> kafkaConnectionForEndpoint(const AivenIntegrationEndpoint& endpoint);

} // namespace ckstudio
Q_DECLARE_METATYPE(ckstudio::KafkaSourceResult)
Q_DECLARE_METATYPE(ckstudio::KafkaSourceList)
