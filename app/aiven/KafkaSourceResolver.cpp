#include "aiven/KafkaSourceResolver.h"

#include "text/JsonFields.h"

#include <utility>

namespace ckstudio {
namespace {

QString text(const Json& object, const char* key) {
    return QString::fromStdString(stringField(object, key));
}

AivenError reasonError(const QString& reason) {
    AivenError error;
    error.message = reason;
    return error;
}

} // namespace

QString KafkaSourceResult::errorText() const {
    if (!error)
        return {};
    QString subject;
    if (!source.service.isEmpty())
        subject = KafkaSourceResolver::tr("Kafka service %1").arg(source.service);
    else if (!source.endpointId.isEmpty())
        subject = KafkaSourceResolver::tr("External Kafka endpoint %1")
                      .arg(source.endpointName.isEmpty() ? source.endpointId : source.endpointName);
    else if (!source.integrationId.isEmpty())
        subject = KafkaSourceResolver::tr("Integration %1").arg(source.integrationId);
    else
        subject = KafkaSourceResolver::tr("Kafka source");
    return QStringLiteral("%1: %2").arg(subject, error->describe());
}

KafkaSourceResolver::KafkaSourceResolver(AivenClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client) {}

void KafkaSourceResolver::cancel() {
    ++m_generation;
    const quint64 request = std::exchange(m_request, 0);
    if (m_client && request)
        m_client->cancel(request);
}

// The callback of one step: dropped when the resolver has started over since (the resolver is the context of
// its requests, so a gone resolver is never called).
template <typename T, typename Step> AivenClient::Callback<T> KafkaSourceResolver::next(Step step) {
    return [this, generation = m_generation, step = std::move(step)](AivenResult<T> result) mutable {
        if (generation != m_generation)
            return;
        m_request = 0;
        step(std::move(result));
    };
}

void KafkaSourceResolver::finish(KafkaSource source, std::optional<AivenError> error) {
    m_request = 0;
    KafkaSourceResult result;
    result.source = std::move(source);
    result.error = std::move(error);
    emit resolved(result);
}

void KafkaSourceResolver::fail(KafkaSource source, const QString& reason) {
    finish(std::move(source), reasonError(reason));
}

void KafkaSourceResolver::resolve(const KafkaSourceQuery& query) {
    cancel();
    KafkaSource source;
    source.project = query.project;
    source.service = query.service;
    source.endpointId = query.endpointId;
    source.integrationId = query.integrationId;
    if (!m_client) {
        fail(std::move(source), tr("not connected to Aiven"));
        return;
    }
    const int given = int(!query.service.isEmpty()) + int(!query.endpointId.isEmpty()) +
                      int(!query.integrationId.isEmpty());
    if (query.project.isEmpty() || given != 1) {
        fail(std::move(source), tr("give a project and one of a service, an endpoint or an integration"));
        return;
    }
    if (!query.service.isEmpty()) {
        resolveService(std::move(source));
        return;
    }
    if (!query.endpointId.isEmpty()) {
        resolveEndpoint(std::move(source));
        return;
    }
    m_request = m_client->getIntegration(
        query.project, query.integrationId, this,
        next<AivenIntegration>([this, source](AivenResult<AivenIntegration> result) mutable {
            if (!result) {
                finish(std::move(source), result.error);
                return;
            }
            if (!result.value->sourceProject.isEmpty())
                source.project = result.value->sourceProject;
            source.service = result.value->sourceService;
            source.endpointId = result.value->sourceEndpointId;
            if (!source.service.isEmpty())
                resolveService(std::move(source));
            else if (!source.endpointId.isEmpty())
                resolveEndpoint(std::move(source));
            else
                fail(std::move(source), tr("it names no source"));
        }));
}

void KafkaSourceResolver::resolveService(KafkaSource source) {
    const QString project = source.project;
    const QString service = source.service;
    m_request = m_client->getService(
        project, service, false, this,
        next<AivenService>([this, source](AivenResult<AivenService> result) mutable {
            if (!result) {
                finish(std::move(source), result.error);
                return;
            }
            if (!result.value->type.isEmpty() && result.value->type != QLatin1String("kafka")) {
                fail(std::move(source), tr("it is a %1 service, not Kafka").arg(result.value->type));
                return;
            }
            if (serviceHasKafkaRest(*result.value)) {
                source.kafkaRest = true;
                finish(std::move(source));
                return;
            }
            resolveServiceDirect(std::move(source), *result.value);
        }));
}

// No REST proxy: read directly, with the access certificate if the API reveals it to this token.
void KafkaSourceResolver::resolveServiceDirect(KafkaSource source, const AivenService& plain) {
    const QString project = source.project;
    m_request = m_client->getService(
        project, source.service, true, this,
        next<AivenService>([this, source, plain](AivenResult<AivenService> secret) mutable {
            auto connection = kafkaConnectionForService(secret ? *secret.value : plain);
            if (!connection) {
                fail(std::move(source), tr("its REST proxy is off and it lists no Kafka address"));
                return;
            }
            if (connection->securityProtocol != QLatin1String("ssl")) {
                source.direct = std::move(connection);
                finish(std::move(source));
                return;
            }
            // TLS to an Aiven service chains to the project's CA, not to a public one; without it the
            // system's CAs are tried.
            m_request = m_client->getProjectCa(
                source.project, this,
                next<QString>([this, source, connection = *connection](AivenResult<QString> ca) mutable {
                    if (ca)
                        connection.caPem = ca.value->toUtf8();
                    source.direct = std::move(connection);
                    finish(std::move(source));
                }));
        }));
}

void KafkaSourceResolver::resolveEndpoint(KafkaSource source) {
    const QString project = source.project;
    const QString endpointId = source.endpointId;
    m_request = m_client->getIntegrationEndpoint(
        project, endpointId, true, this,
        next<AivenIntegrationEndpoint>([this, source](AivenResult<AivenIntegrationEndpoint> result) mutable {
            if (!result) {
                finish(std::move(source), result.error);
                return;
            }
            source.endpointName = result.value->name;
            auto connection = kafkaConnectionForEndpoint(*result.value);
            if (!connection) {
                fail(std::move(source), tr("it has no bootstrap_servers"));
                return;
            }
            source.direct = std::move(connection);
            finish(std::move(source));
        }));
}

void KafkaSourceResolver::listSources(const QString& project) {
    cancel();
    if (!m_client) {
        KafkaSourceList list;
        list.error = reasonError(tr("not connected to Aiven"));
        emit listed(list);
        return;
    }
    m_request = m_client->listServices(
        project, this,
        next<std::vector<AivenService>>([this, project](AivenResult<std::vector<AivenService>> services) {
            KafkaSourceList list;
            if (!services) {
                list.error = services.error;
                emit listed(list);
                return;
            }
            for (const auto& s : *services.value)
                if (s.type == QLatin1String("kafka"))
                    list.choices.push_back({s.name, QString(), s.name});
            m_request = m_client->listIntegrationEndpoints(
                project, this,
                next<std::vector<AivenIntegrationEndpoint>>(
                    [this, list](AivenResult<std::vector<AivenIntegrationEndpoint>> endpoints) mutable {
                        if (endpoints) // without them, the services can still be picked
                            for (const auto& e : *endpoints.value)
                                if (e.type == QLatin1String("external_kafka"))
                                    list.choices.push_back({QString(), e.id, e.name});
                        emit listed(list);
                    }));
        }));
}

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
