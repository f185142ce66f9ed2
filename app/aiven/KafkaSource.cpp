#include "aiven/KafkaSource.h"

namespace ckstudio {
namespace {

QString text(const Json& object, const char* key) {
    if (!object.is_object() || !object.contains(key) || !object.at(key).is_string())
        return {};
    return QString::fromStdString(object.at(key).get<std::string>());
}

} // namespace

bool serviceHasKafkaRest(const AivenService& service) {
    const Json& raw = service.raw;
    if (!raw.is_object() || !raw.contains("user_config") || !raw.at("user_config").is_object())
        return true;
    const Json& config = raw.at("user_config");
    return !(config.contains("kafka_rest") && config.at("kafka_rest") == false);
}

std::optional<KafkaConnection> kafkaConnectionForService(const AivenService& service,
                                                         const QByteArray& caPem) {
    for (const auto& component : service.components) {
        if (component.component != QLatin1String("kafka") || component.host.isEmpty() || component.port <= 0)
            continue;
        KafkaConnection connection;
        connection.bootstrapServers = QStringLiteral("%1:%2").arg(component.host).arg(component.port);
        bool ssl = false;
        if (service.raw.is_object() && service.raw.contains("components"))
            for (const auto& c : service.raw.at("components"))
                if (text(c, "component") == QLatin1String("kafka") && c.contains("ssl") &&
                    c.at("ssl") == true)
                    ssl = true;
        if (ssl) {
            connection.securityProtocol = QStringLiteral("ssl");
            connection.caPem = caPem;
            if (service.raw.contains("users") && service.raw.at("users").is_array())
                for (const auto& user : service.raw.at("users"))
                    if (text(user, "username") == QLatin1String("avnadmin")) {
                        connection.certificatePem = text(user, "access_cert").toUtf8();
                        connection.keyPem = text(user, "access_key").toUtf8();
                    }
            if (connection.certificatePem.isEmpty() && service.raw.contains("connection_info")) {
                const Json& info = service.raw.at("connection_info");
                connection.certificatePem = text(info, "kafka_access_cert").toUtf8();
                connection.keyPem = text(info, "kafka_access_key").toUtf8();
            }
        }
        return connection;
    }
    return std::nullopt;
}

std::optional<KafkaConnection> kafkaConnectionForEndpoint(const AivenIntegrationEndpoint& endpoint) {
    const Json& config = endpoint.userConfig;
    KafkaConnection connection;
    connection.bootstrapServers = text(config, "bootstrap_servers");
    if (connection.bootstrapServers.isEmpty())
        return std::nullopt;
    connection.securityProtocol = text(config, "security_protocol").toLower();
    connection.saslMechanism = text(config, "sasl_mechanism");
    connection.saslUsername = text(config, "sasl_plain_username");
    connection.saslPassword = text(config, "sasl_plain_password");
    connection.caPem = text(config, "ssl_ca_cert").toUtf8();
    connection.certificatePem = text(config, "ssl_client_cert").toUtf8();
    connection.keyPem = text(config, "ssl_client_key").toUtf8();
    return connection;
}

} // namespace ckstudio
