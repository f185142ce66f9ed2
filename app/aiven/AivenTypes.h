#pragma once
// Values the Aiven client delivers: results as values (never exceptions), and the API objects the application
// reads. Each object keeps the API's JSON as `raw` (ordered, unknown keys kept) next to the fields it needs.
#include "domain/Json.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>
#include <vector>

namespace ckstudio {

struct AivenError {
    int httpStatus = 0; // 0 when no HTTP answer arrived (network error, timeout, cancelled)
    QString message;    // the API's own message, or a description of the network failure; never the token
    QString errorCode;  // the API's machine code (errors[0].error_code) when it gave one
    bool retryable = false;
    bool cancelled = false;
    int attempts = 1; // how many times the request was sent

    // "message (HTTP 403)" for the user.
    QString describe() const;
};

template <typename T> struct AivenResult {
    std::optional<T> value;
    AivenError error;
    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }
};

struct AivenProject {
    QString name;
    Json raw;
};

struct AivenComponent {
    QString component; // clickhouse, clickhouse_https, kafka, kafka_rest ...
    QString host;
    int port = 0;
    QString route;
    QString usage;
};

struct AivenService {
    QString name;
    QString type;  // clickhouse, kafka, ...
    QString state; // RUNNING, POWEROFF, ...
    std::vector<AivenComponent> components;
    // The avnadmin password when the API revealed it (include_secrets=true and the right permission).
    std::optional<QString> adminPassword;
    bool adminPasswordRedacted = false;
    // A ClickHouse service's version as the API tells it, before any connection ("25.8"): user_config's
    // clickhouse_version (the key of Aiven's service schema, go-api-schemas service_types.yml, set when the
    // service was created or upgraded with a version), else metadata.service_version. Empty when neither.
    QString clickhouseVersion;
    Json raw;

    // https://host:port/ of the primary clickhouse_https component (dynamic route preferred, then public).
    std::optional<QUrl> clickhouseHttpsUrl() const;
};

struct AivenIntegration {
    QString id; // service_integration_id
    QString type;
    QString sourceService;
    QString sourceEndpointId;
    QString sourceProject;
    QString destService;
    QString destEndpointId;
    QString destProject;
    QString description;
    bool active = false;
    bool enabled = false;
    QString status;           // integration_status.state.status: running, starting, failed, inactive, unknown
    QStringList statusErrors; // integration_status.state.errors
    QString likelyErrorCause;
    Json userConfig = Json::object(); // exactly as the API sent it
    Json raw;

    QString source() const { return sourceService.isEmpty() ? sourceEndpointId : sourceService; }
    QString dest() const { return destService.isEmpty() ? destEndpointId : destService; }
    int tableCount() const;
};

// The clickhouse_kafka integrations of a ClickHouse service in a list that mixes every type, both directions
// and "not enabled" suggestions (null id).
std::vector<AivenIntegration> clickhouseKafkaIntegrations(const std::vector<AivenIntegration>& all,
                                                          const QString& clickhouseService);

struct AivenIntegrationEndpoint {
    QString id;
    QString name;
    QString type; // external_kafka, ...
    Json userConfig = Json::object();
    Json raw;
};

struct AivenIntegrationType {
    QString type;
    Json userConfigSchema; // null when the API gave none
    Json raw;
};

struct AivenTopicSummary {
    QString name;
    int partitionCount = 0;
    QString state;
    Json raw;
};

struct AivenConsumerGroupOffset {
    QString group;
    qint64 offset = 0;
};

struct AivenPartition {
    int partition = 0;
    qint64 earliestOffset = 0;
    qint64 latestOffset = 0; // the next offset to be written
    std::vector<AivenConsumerGroupOffset> consumerGroups;
};

struct AivenTopic {
    QString name;
    std::vector<AivenPartition> partitions;
    Json raw;
};

enum class AivenMessageFormat { Binary, JsonFormat };

struct AivenMessage {
    QString topic;
    int partition = 0;
    qint64 offset = 0;
    std::optional<qint64> timestamp;
    Json key; // as sent: base64 text for binary, a JSON value for json
    Json value;
    // For binary: the decoded bytes (nullopt when the value was null or not valid base64).
    std::optional<QByteArray> keyBytes;
    std::optional<QByteArray> valueBytes;
};

struct AivenProduceRecord {
    Json key; // null for none; base64 text for binary
    Json value;
    std::optional<int> partition;
};

struct AivenProducedOffset {
    int partition = 0;
    qint64 offset = -1;
    QString error; // empty when the record was written
};

struct AivenIntegrationSource {
    QString service;    // an Aiven for Apache Kafka service, or
    QString endpointId; // an external_kafka integration endpoint
};

// Parsing the API's objects (tolerant: missing or mistyped fields become empty values).
AivenProject aivenProjectFromJson(const Json& json);
AivenService aivenServiceFromJson(const Json& json);
AivenIntegration aivenIntegrationFromJson(const Json& json);
AivenIntegrationEndpoint aivenEndpointFromJson(const Json& json);
AivenIntegrationType aivenIntegrationTypeFromJson(const Json& json);
AivenTopicSummary aivenTopicSummaryFromJson(const Json& json);
AivenTopic aivenTopicFromJson(const Json& json);
AivenMessage aivenMessageFromJson(const Json& json, AivenMessageFormat format);

// How many of the newest `limit` messages to take from each partition so that together they are the newest
// `limit` across the topic: round robin over the partitions' tails. Returns partition -> start offset for
// partitions that contribute.
std::vector<std::pair<int, qint64>> newestMessageStartOffsets(const std::vector<AivenPartition>& partitions,
                                                              int limit);

} // namespace ckstudio
