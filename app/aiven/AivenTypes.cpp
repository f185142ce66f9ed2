#include "aiven/AivenTypes.h"

#include <algorithm>

namespace ckstudio {
namespace {

QString str(const Json& obj, const char* key) {
    if (!obj.is_object() || !obj.contains(key))
        return {};
    const Json& v = obj.at(key);
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_number_integer())
        return QString::number(v.get<qint64>());
    return {};
}

qint64 integer(const Json& obj, const char* key, qint64 fallback = 0) {
    if (!obj.is_object() || !obj.contains(key))
        return fallback;
    const Json& v = obj.at(key);
    if (v.is_number_integer())
        return v.get<qint64>();
    if (v.is_number_float())
        return static_cast<qint64>(v.get<double>());
    if (v.is_string()) {
        bool ok = false;
        const qint64 n = QString::fromStdString(v.get<std::string>()).toLongLong(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

bool boolean(const Json& obj, const char* key) {
    return obj.is_object() && obj.contains(key) && obj.at(key).is_boolean() && obj.at(key).get<bool>();
}

const Json& member(const Json& obj, const char* key) {
    static const Json null;
    return obj.is_object() && obj.contains(key) ? obj.at(key) : null;
}

std::optional<QByteArray> decodeBase64(const Json& value) {
    if (!value.is_string())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(value.get<std::string>()),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

const QString kRedacted = QStringLiteral("<redacted>");

} // namespace

QString AivenError::describe() const {
    QString text = message.isEmpty() ? QStringLiteral("request failed") : message;
    if (httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(httpStatus);
    return text;
}

std::optional<QUrl> AivenService::clickhouseHttpsUrl() const {
    const AivenComponent* best = nullptr;
    auto rank = [](const QString& route) {
        if (route == QLatin1String("dynamic"))
            return 0;
        if (route == QLatin1String("public"))
            return 1;
        return 2;
    };
    for (const auto& c : components) {
        if (c.component != QLatin1String("clickhouse_https") || c.host.isEmpty() || c.port <= 0)
            continue;
        if (!c.usage.isEmpty() && c.usage != QLatin1String("primary"))
            continue;
        if (!best || rank(c.route) < rank(best->route))
            best = &c;
    }
    if (!best)
        return std::nullopt;
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(best->host);
    url.setPort(best->port);
    url.setPath(QStringLiteral("/"));
    return url;
}

int AivenIntegration::tableCount() const {
    const Json& tables = member(userConfig, "tables");
    return tables.is_array() ? static_cast<int>(tables.size()) : 0;
}

std::vector<AivenIntegration> clickhouseKafkaIntegrations(const std::vector<AivenIntegration>& all,
                                                          const QString& clickhouseService) {
    std::vector<AivenIntegration> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const AivenIntegration& i) {
        return i.type == QLatin1String("clickhouse_kafka") && !i.id.isEmpty() &&
               (clickhouseService.isEmpty() || i.destService.isEmpty() || i.destService == clickhouseService);
    });
    return out;
}

AivenProject aivenProjectFromJson(const Json& json) {
    QString name = str(json, "project_name");
    if (name.isEmpty())
        name = str(json, "project_id");
    return {name, json};
}

AivenService aivenServiceFromJson(const Json& json) {
    AivenService s;
    s.name = str(json, "service_name");
    s.type = str(json, "service_type");
    s.state = str(json, "state");
    s.clickhouseVersion = str(member(json, "user_config"), "clickhouse_version");
    if (s.clickhouseVersion.isEmpty())
        s.clickhouseVersion = str(member(json, "metadata"), "service_version");
    s.raw = json;
    const Json& components = member(json, "components");
    if (components.is_array())
        for (const auto& c : components)
            s.components.push_back({str(c, "component"), str(c, "host"), static_cast<int>(integer(c, "port")),
                                    str(c, "route"), str(c, "usage")});
    const Json& users = member(json, "users");
    if (users.is_array())
        for (const auto& u : users)
            if (str(u, "username") == QLatin1String("avnadmin") && member(u, "password").is_string()) {
                const QString password = str(u, "password");
                if (password == kRedacted)
                    s.adminPasswordRedacted = true;
                else if (!password.isEmpty())
                    s.adminPassword = password;
            }
    if (!s.adminPassword) {
        const Json& params = member(json, "service_uri_params");
        const QString password = str(params, "password");
        if (password == kRedacted)
            s.adminPasswordRedacted = true;
        else if (!password.isEmpty() &&
                 (str(params, "user").isEmpty() || str(params, "user") == QLatin1String("avnadmin")))
            s.adminPassword = password;
    }
    return s;
}

AivenIntegration aivenIntegrationFromJson(const Json& json) {
    AivenIntegration i;
    i.id = str(json, "service_integration_id");
    i.type = str(json, "integration_type");
    i.sourceService = str(json, "source_service");
    i.sourceEndpointId = str(json, "source_endpoint_id");
    i.sourceProject = str(json, "source_project");
    i.destService = str(json, "dest_service");
    i.destEndpointId = str(json, "dest_endpoint_id");
    i.destProject = str(json, "dest_project");
    i.description = str(json, "description");
    i.active = boolean(json, "active");
    i.enabled = boolean(json, "enabled");
    const Json& state = member(member(json, "integration_status"), "state");
    i.status = str(state, "status");
    i.likelyErrorCause = str(state, "likely_error_cause");
    const Json& errors = member(state, "errors");
    if (errors.is_array())
        for (const auto& e : errors)
            if (e.is_string())
                i.statusErrors << QString::fromStdString(e.get<std::string>());
    if (json.is_object() && json.contains("user_config") && !json.at("user_config").is_null())
        i.userConfig = json.at("user_config");
    i.raw = json;
    return i;
}

AivenIntegrationEndpoint aivenEndpointFromJson(const Json& json) {
    AivenIntegrationEndpoint e;
    e.id = str(json, "endpoint_id");
    e.name = str(json, "endpoint_name");
    e.type = str(json, "endpoint_type");
    if (member(json, "user_config").is_object())
        e.userConfig = json.at("user_config");
    e.raw = json;
    return e;
}

AivenIntegrationType aivenIntegrationTypeFromJson(const Json& json) {
    return {str(json, "integration_type"), member(json, "user_config_schema"), json};
}

AivenTopicSummary aivenTopicSummaryFromJson(const Json& json) {
    return {str(json, "topic_name"), static_cast<int>(integer(json, "partitions")), str(json, "state"), json};
}

AivenTopic aivenTopicFromJson(const Json& json) {
    AivenTopic t;
    t.name = str(json, "topic_name");
    t.raw = json;
    const Json& partitions = member(json, "partitions");
    if (partitions.is_array())
        for (const auto& p : partitions) {
            AivenPartition part;
            part.partition = static_cast<int>(integer(p, "partition"));
            part.earliestOffset = integer(p, "earliest_offset");
            part.latestOffset = integer(p, "latest_offset");
            const Json& groups = member(p, "consumer_groups");
            if (groups.is_array())
                for (const auto& g : groups)
                    part.consumerGroups.push_back({str(g, "group_name"), integer(g, "offset")});
            t.partitions.push_back(std::move(part));
        }
    return t;
}

AivenMessage aivenMessageFromJson(const Json& json, AivenMessageFormat format) {
    AivenMessage m;
    m.topic = str(json, "topic");
    m.partition = static_cast<int>(integer(json, "partition"));
    m.offset = integer(json, "offset");
    if (json.is_object() && json.contains("timestamp") && json.at("timestamp").is_number())
        m.timestamp = integer(json, "timestamp");
    m.key = member(json, "key");
    m.value = member(json, "value");
    if (format == AivenMessageFormat::Binary) {
        m.keyBytes = decodeBase64(m.key);
        m.valueBytes = decodeBase64(m.value);
    }
    return m;
}

std::vector<std::pair<int, qint64>> newestMessageStartOffsets(const std::vector<AivenPartition>& partitions,
                                                              int limit) {
    std::vector<qint64> available;
    std::vector<qint64> taken(partitions.size(), 0);
    for (const auto& p : partitions)
        available.push_back(std::max<qint64>(0, p.latestOffset - p.earliestOffset));
    // Round robin: one message from each partition that still has some, until the limit is reached. Without
    // timestamps this is the fairest guess at "newest across partitions", and it fetches exactly `limit`.
    qint64 remaining = std::max(0, limit);
    bool progress = true;
    while (remaining > 0 && progress) {
        progress = false;
        for (std::size_t i = 0; i < partitions.size() && remaining > 0; ++i) {
            if (taken[i] < available[i]) {
                ++taken[i];
                --remaining;
                progress = true;
            }
        }
    }
    std::vector<std::pair<int, qint64>> starts;
    for (std::size_t i = 0; i < partitions.size(); ++i)
        if (taken[i] > 0)
            starts.emplace_back(partitions[i].partition, partitions[i].latestOffset - taken[i]);
    return starts;
}

} // namespace ckstudio
