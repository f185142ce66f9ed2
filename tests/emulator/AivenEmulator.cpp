#include "AivenEmulator.h"

#include "SchemaCheck.h"
#include "domain/JsonText.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>
#include <algorithm>

namespace ckstudio::emulator {
namespace {

QString qs(const Json& obj, const char* key) {
    return obj.is_object() && obj.contains(key) && obj.at(key).is_string()
               ? QString::fromStdString(obj.at(key).get<std::string>())
               : QString();
}

QByteArray reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

// Secrets the API redacts unless include_secrets=true (and the caller may read them).
bool isSecretKey(const std::string& key) {
    return key == "password" || key.find("password") != std::string::npos || key == "ssl_client_key" ||
           key == "access_key" || key == "kafka_access_key";
}

void redact(Json& value) {
    if (value.is_object()) {
        for (auto& [key, item] : value.items()) {
            if (isSecretKey(key) && item.is_string())
                item = "<redacted>";
            else
                redact(item);
        }
    } else if (value.is_array()) {
        for (auto& item : value)
            redact(item);
    }
}

const QString kEventTypes[] = {QStringLiteral("view"), QStringLiteral("click"), QStringLiteral("purchase")};

// Deterministic sample messages from a compact description in the seed.
QByteArray generatedMessage(const QString& kind, int i, qint64 timestampMs) {
    Json m = Json::object();
    const std::string ts = QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC)
                               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                               .toStdString();
    if (kind == QLatin1String("sensor")) {
        m["sensor_id"] = 1000 + i % 25;
        m["ts"] = ts;
        m["key"] = "temp-" + std::to_string(i % 4);
        m["value"] = 15.0 + (i * 7 % 200) / 10.0;
    } else if (kind == QLatin1String("orders")) {
        m["order_id"] = 50000 + i;
        m["customer"] = "customer-" + std::to_string(i % 31);
        m["total"] = (i * 1373 % 100000) / 100.0;
        m["currency"] = i % 5 == 0 ? "USD" : "EUR";
        m["created_at"] = ts;
    } else {
        m["id"] = i + 1;
        m["user_id"] = "user-" + std::to_string(i % 17);
        m["event_type"] = kEventTypes[i % 3].toStdString();
        m["amount"] = (i * 37 % 1000) / 10.0;
        m["ts"] = ts;
    }
    return QByteArray::fromStdString(m.dump());
}

// The mock cluster speaks plaintext on loopback: the service's Kafka endpoints are rewritten to it (first
// broker as host/port, all of them in connection_info), and `ssl` says false so clients do not try TLS.
void pointAtBrokers(Json& service, const QString& bootstrap) {
    const QStringList brokers = bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (brokers.isEmpty())
        return;
    const QString host = brokers.first().section(QLatin1Char(':'), 0, -2);
    const int port = brokers.first().section(QLatin1Char(':'), -1).toInt();
    if (service.contains("components") && service.at("components").is_array())
        for (auto& c : service["components"])
            if (qs(c, "component") == QLatin1String("kafka")) {
                c["host"] = host.toStdString();
                c["port"] = port;
                c["ssl"] = false;
                c.erase("kafka_authentication_method"); // neither certificate nor SASL: plaintext
            }
    service["service_uri"] = brokers.first().toStdString();
    service["service_uri_params"]["host"] = host.toStdString();
    service["service_uri_params"]["port"] = QString::number(port).toStdString();
    Json list = Json::array();
    for (const QString& b : brokers)
        list.push_back(b.toStdString());
    service["connection_info"]["kafka"] = list;
}

} // namespace

Json aivenErrorBody(int status, const QString& message, const QString& errorCode) {
    Json item = Json::object();
    if (!errorCode.isEmpty())
        item["error_code"] = errorCode.toStdString();
    item["message"] = message.toStdString();
    item["status"] = status;
    Json body = Json::object();
    body["errors"] = Json::array({item});
    body["message"] = message.toStdString();
    return body;
}

AivenEmulator::AivenEmulator(QObject* parent)
    : QAbstractHttpServer(parent)
    , m_topicStore(std::make_unique<InMemoryTopicStore>())
    , m_storeFactory([] { return std::make_unique<InMemoryTopicStore>(); })
    , m_network(new QNetworkAccessManager(this)) {
    m_connector = new ConnectorTables(
        m_network, [this] { return m_topicStore.get(); }, this);
    QFile schema(QStringLiteral(":/schema/clickhouse_kafka.user_config.schema.json"));
    if (schema.open(QIODevice::ReadOnly)) {
        const QByteArray text = schema.readAll();
        auto parsed =
            parseJsonText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        if (parsed)
            m_schema = *parsed.value;
    }
}

AivenEmulator::~AivenEmulator() = default;

void AivenEmulator::setTopicStore(std::unique_ptr<TopicStore> store) {
    m_topicStore = std::move(store);
}

void AivenEmulator::setTopicStoreFactory(std::function<std::unique_ptr<TopicStore>()> factory) {
    m_storeFactory = std::move(factory);
}

void AivenEmulator::setClickHouseUrl(const QUrl& url) {
    m_clickhouse = url;
    m_connector->setClickHouseUrl(url);
}

std::vector<std::pair<QString, QString>> AivenEmulator::kafkaBootstraps() const {
    std::vector<std::pair<QString, QString>> out;
    for (const auto& p : m_projects)
        for (const auto& service : p.services)
            if (qs(service, "service_type") == QLatin1String("kafka")) {
                const QString address = m_topicStore->bootstrapServers(qs(service, "service_name"));
                if (!address.isEmpty())
                    out.emplace_back(qs(service, "service_name"), address);
            }
    return out;
}

void AivenEmulator::applyAllToClickHouse() {
    for (const auto& p : m_projects)
        for (const auto& i : p.integrations)
            if (qs(i, "integration_type") == QLatin1String("clickhouse_kafka") &&
                !qs(i, "service_integration_id").isEmpty())
                applyToClickHouse(qs(p.info, "project_name"), qs(i, "service_integration_id"));
}

quint16 AivenEmulator::start(quint16 port) {
    m_port = listen(QHostAddress::LocalHost, port);
    return m_port;
}

QUrl AivenEmulator::url() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

int AivenEmulator::countRequests(const QByteArray& method, const QString& pathContains) const {
    return static_cast<int>(std::count_if(m_log.begin(), m_log.end(), [&](const LoggedRequest& r) {
        return (method.isEmpty() || r.method == method) &&
               (pathContains.isEmpty() || r.path.contains(pathContains));
    }));
}

bool AivenEmulator::loadSeedFile(const QString& path, QString* error) {
    auto file = readJsonFile(path);
    if (!file) {
        if (error)
            *error = QString::fromStdString(file.error);
        return false;
    }
    return loadSeed(*file.value, error);
}

bool AivenEmulator::loadSeed(const Json& seed, QString* error) {
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!seed.is_object() || !seed.contains("projects") || !seed.at("projects").is_array())
        return fail(QStringLiteral("the seed needs a \"projects\" list"));
    m_projects.clear();
    m_topicStore = m_storeFactory();
    if (seed.contains("tokens") && seed.at("tokens").is_array())
        for (const auto& t : seed.at("tokens")) {
            if (t.is_string())
                m_tokens.push_back(QString::fromStdString(t.get<std::string>()));
            else if (t.is_object() && t.contains("token")) {
                m_tokens.push_back(qs(t, "token"));
                if (t.contains("read_secrets") && t.at("read_secrets") == false)
                    m_tokensWithoutSecrets.push_back(qs(t, "token"));
            }
        }
    const qint64 baseTime = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (const auto& p : seed.at("projects")) {
        if (!p.is_object() || qs(p, "project_name").isEmpty())
            return fail(QStringLiteral("every project needs a \"project_name\""));
        Project project;
        project.info = Json::object();
        for (const auto& [key, value] : p.items())
            if (key != "services" && key != "integrations" && key != "integration_endpoints" &&
                key != "topics")
                project.info[key] = value;
        for (const char* list : {"services", "integrations", "integration_endpoints"})
            if (p.contains(list) && p.at(list).is_array())
                for (const auto& item : p.at(list)) {
                    auto& target = std::string(list) == "services"       ? project.services
                                   : std::string(list) == "integrations" ? project.integrations
                                                                         : project.endpoints;
                    target.push_back(item);
                }
        if (p.contains("topics") && p.at("topics").is_object())
            for (const auto& [serviceName, topicList] : p.at("topics").items()) {
                const QString service = QString::fromStdString(serviceName);
                for (const auto& t : topicList) {
                    const QString topic = qs(t, "topic_name");
                    const int partitions = t.contains("partitions") && t.at("partitions").is_number_integer()
                                               ? t.at("partitions").get<int>()
                                               : 1;
                    m_topicStore->createTopic(service, topic, partitions);
                    int index = 0;
                    std::vector<AppendRecord> records;
                    if (t.contains("generate") && t.at("generate").is_object()) {
                        const Json& g = t.at("generate");
                        const int count = g.contains("count") ? g.at("count").get<int>() : 100;
                        const QString kind = qs(g, "template");
                        for (; index < count; ++index) {
                            const qint64 ts = baseTime + index * 1000LL;
                            records.push_back({index % partitions, QByteArray::number(index % 17),
                                               generatedMessage(kind, index, ts), ts});
                        }
                    }
                    if (t.contains("messages") && t.at("messages").is_array())
                        for (const auto& m : t.at("messages")) {
                            const int partition =
                                m.contains("partition") ? m.at("partition").get<int>() : index % partitions;
                            std::optional<QByteArray> key;
                            if (m.contains("key") && m.at("key").is_string())
                                key = QByteArray::fromStdString(m.at("key").get<std::string>());
                            std::optional<QByteArray> value;
                            if (m.contains("value_text"))
                                value = QByteArray::fromStdString(m.at("value_text").get<std::string>());
                            else if (m.contains("value_base64"))
                                value = QByteArray::fromBase64(
                                    QByteArray::fromStdString(m.at("value_base64").get<std::string>()));
                            else if (m.contains("value") && !m.at("value").is_null())
                                value = QByteArray::fromStdString(m.at("value").dump());
                            const qint64 ts = baseTime + index * 1000LL;
                            if (partition < 0 || partition >= partitions)
                                return fail(
                                    QStringLiteral("topic %1 has no partition %2").arg(topic).arg(partition));
                            records.push_back({partition, key, value, ts});
                            ++index;
                        }
                    if (!records.empty() && !m_topicStore->appendMany(service, topic, records))
                        return fail(QStringLiteral("cannot write the seed messages of topic %1").arg(topic));
                    if (t.contains("consumer_groups") && t.at("consumer_groups").is_object())
                        for (const auto& [group, offsets] : t.at("consumer_groups").items())
                            for (const auto& [partition, offset] : offsets.items())
                                m_topicStore->setConsumerGroupOffset(service, topic, std::stoi(partition),
                                                                     QString::fromStdString(group),
                                                                     offset.get<qint64>());
                }
            }
        // Kafka services with real (mock) brokers say where they are, so that direct Kafka clients reach
        // them.
        for (auto& service : project.services) {
            if (qs(service, "service_type") != QLatin1String("kafka"))
                continue;
            const QString address = m_topicStore->bootstrapServers(qs(service, "service_name"));
            if (!address.isEmpty())
                pointAtBrokers(service, address);
        }
        m_projects.push_back(std::move(project));
    }
    return true;
}

std::optional<Json> AivenEmulator::integration(const QString& project, const QString& id) const {
    for (const auto& p : m_projects)
        if (qs(p.info, "project_name") == project)
            for (const auto& i : p.integrations)
                if (qs(i, "service_integration_id") == id)
                    return i;
    return std::nullopt;
}

AivenEmulator::Project* AivenEmulator::findProject(const QString& name) {
    for (auto& p : m_projects)
        if (qs(p.info, "project_name") == name)
            return &p;
    return nullptr;
}

Json* AivenEmulator::findService(Project& project, const QString& name) {
    for (auto& s : project.services)
        if (qs(s, "service_name") == name)
            return &s;
    return nullptr;
}

Json* AivenEmulator::findIntegration(Project& project, const QString& id) {
    if (id.isEmpty())
        return nullptr;
    for (auto& i : project.integrations)
        if (qs(i, "service_integration_id") == id)
            return &i;
    return nullptr;
}

Json AivenEmulator::serviceView(const Project& project, const Json& service, bool withSecrets) const {
    Json view = service;
    if (!withSecrets)
        redact(view);
    const QString name = qs(service, "service_name");
    Json integrations = Json::array();
    for (const auto& i : project.integrations)
        if (qs(i, "source_service") == name || qs(i, "dest_service") == name)
            integrations.push_back(i);
    view["service_integrations"] = integrations;
    return view;
}

Json AivenEmulator::topicView(const QString& service, const QString& topic) const {
    Json partitions = Json::array();
    for (const auto& p : m_topicStore->partitions(service, topic)) {
        Json groups = Json::array();
        for (const auto& [group, offset] : p.consumerGroupOffsets)
            groups.push_back(Json{{"group_name", group.toStdString()}, {"offset", offset}});
        partitions.push_back(Json{{"partition", p.partition},
                                  {"earliest_offset", p.earliestOffset},
                                  {"latest_offset", p.latestOffset},
                                  {"isr", 3},
                                  {"size", (p.latestOffset - p.earliestOffset) * 120},
                                  {"remote_size", 0},
                                  {"consumer_groups", groups}});
    }
    Json t = Json::object();
    t["topic_name"] = topic.toStdString();
    t["partitions"] = partitions;
    t["replication"] = 3;
    t["retention_hours"] = 168;
    t["min_insync_replicas"] = 2;
    t["cleanup_policy"] = "delete";
    t["state"] = "ACTIVE";
    t["tags"] = Json::array();
    t["config"] = Json::object();
    return t;
}

std::vector<std::string> AivenEmulator::validateUserConfig(const Json& userConfig) const {
    if (m_schema.is_null())
        return userConfig.is_object() ? std::vector<std::string>{}
                                      : std::vector<std::string>{"user_config: not an object"};
    return checkAgainstSchema(userConfig, m_schema);
}

bool AivenEmulator::handleRequest(const QHttpServerRequest& httpRequest, QTcpSocket* socket) {
    Request request;
    request.method = QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                                    static_cast<int>(httpRequest.method())))
                         .toUpper();
    const QUrl url = httpRequest.url();
    request.encodedPath = url.path(QUrl::FullyEncoded);
    for (const QString& s : request.encodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        request.segments << QUrl::fromPercentEncoding(s.toUtf8());
    request.query = httpRequest.query();
    request.body = httpRequest.body();
    // Auth: "aivenv1 <token>" (documented) or "Bearer <token>".
    const QByteArray auth = httpRequest.value("Authorization").trimmed();
    const int space = auth.indexOf(' ');
    if (space > 0) {
        const QByteArray scheme = auth.left(space).toLower();
        if (scheme == "aivenv1" || scheme == "bearer")
            request.token = QString::fromUtf8(auth.mid(space + 1).trimmed());
    }
    LoggedRequest logged{request.method, request.encodedPath, url.query(QUrl::FullyEncoded), request.body,
                         false};

    // Faults: the header's first, then the command line's.
    std::optional<FaultSpec> fault;
    const QByteArray header = httpRequest.value("X-Emulator-Fault");
    if (!header.isEmpty()) {
        QString error;
        fault = parseFaultSpec(QString::fromUtf8(header), &error);
        if (!fault) {
            writeResponse(socket,
                          {400, aivenErrorBody(400, QStringLiteral("X-Emulator-Fault: %1").arg(error)), {}},
                          false);
            m_log.push_back(logged);
            return true;
        }
        if (!fault->matches(request.method, request.encodedPath))
            fault.reset();
    }
    if (!fault)
        for (const auto& f : m_faults)
            if (f.matches(request.method, request.encodedPath) &&
                (f.count < 0 || m_faultCounters[QStringLiteral("flag:") + f.text] < f.count)) {
                fault = f;
                fault->text = QStringLiteral("flag:") + f.text;
                break;
            }
    if (fault) {
        int& used = m_faultCounters[fault->text];
        if (fault->count >= 0 && used >= fault->count)
            fault.reset();
        else
            ++used;
    }
    logged.faulted = fault.has_value();
    m_log.push_back(logged);

    Response response;
    if (fault && fault->status) {
        QString message = QStringLiteral("Injected fault: HTTP %1").arg(fault->status);
        if (fault->status == 429) {
            message = QStringLiteral(
                "The user has sent too many requests in a given amount of time: Rate limit 120 "
                "exceeded");
            if (!fault->retryMessageHint.isEmpty())
                message += QStringLiteral(" - try again in %1s").arg(fault->retryMessageHint);
        }
        response = {fault->status, aivenErrorBody(fault->status, message), {}};
        if (fault->retryAfterSeconds)
            response.headers.append({"Retry-After", QByteArray::number(*fault->retryAfterSeconds)});
    } else {
        response = route(request);
    }
    if (fault && !fault->omitKey.isEmpty() && response.body.is_object()) {
        const std::string key = fault->omitKey.toStdString();
        response.body.erase(key);
        for (auto& [name, value] : response.body.items())
            if (value.is_object())
                value.erase(key);
    }
    const bool truncate = fault && fault->truncate;
    const bool drop = fault && fault->drop;
    const int delay = fault ? fault->delayMs : 0;
    QPointer<QTcpSocket> guard(socket);
    auto deliver = [this, guard, response, truncate, drop] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState) {
            ++m_abandonedAnswers;
            return;
        }
        if (drop) {
            guard->abort();
            return;
        }
        writeResponse(guard, response, truncate);
    };
    if (delay > 0)
        QTimer::singleShot(delay, this, deliver);
    else
        deliver();
    return true;
}

void AivenEmulator::missingHandler(const QHttpServerRequest&, QTcpSocket* socket) {
    writeResponse(socket, {404, aivenErrorBody(404, QStringLiteral("Not found")), {}}, false);
}

void AivenEmulator::writeResponse(QTcpSocket* socket, const Response& response, bool truncate) {
    const QByteArray body = response.body.is_null() && response.status == 204
                                ? QByteArray()
                                : QByteArray::fromStdString(response.body.dump());
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + " " + reason(response.status) + "\r\n";
    head += "Content-Type: application/json\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [key, value] : response.headers)
        head += key + ": " + value + "\r\n";
    if (truncate)
        head += "Connection: close\r\n";
    head += "\r\n";
    socket->write(head);
    if (truncate) {
        // Promise the whole body, deliver half of it, hang up.
        socket->write(body.left(body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    socket->write(body);
}

AivenEmulator::Response AivenEmulator::route(Request& request) {
    const QStringList& s = request.segments;
    if (s.size() >= 2 && s[0] == QLatin1String("_emulator") && s[1] == QLatin1String("requests")) {
        Json list = Json::array();
        for (const auto& r : m_log)
            list.push_back(Json{
                {"method", r.method.toStdString()}, {"path", r.path.toStdString()}, {"faulted", r.faulted}});
        return {200, Json{{"requests", list}}, {}};
    }
    if (request.token.isEmpty() ||
        (!m_tokens.empty() && std::find(m_tokens.begin(), m_tokens.end(), request.token) == m_tokens.end()))
        return {403,
                aivenErrorBody(403, QStringLiteral("Authentication failed"),
                               QStringLiteral("authentication_failed")),
                {}};
    request.canReadSecrets = std::find(m_tokensWithoutSecrets.begin(), m_tokensWithoutSecrets.end(),
                                       request.token) == m_tokensWithoutSecrets.end();
    if (s.size() < 2 || s[0] != QLatin1String("v1") || s[1] != QLatin1String("project"))
        return {404, aivenErrorBody(404, QStringLiteral("Not found: %1").arg(request.encodedPath)), {}};
    if (s.size() == 2) {
        if (request.method != "GET")
            return {405, aivenErrorBody(405, QStringLiteral("Method not allowed")), {}};
        Json projects = Json::array();
        Json membership = Json::object();
        for (const auto& p : m_projects) {
            projects.push_back(p.info);
            membership[qs(p.info, "project_name").toStdString()] = "admin";
        }
        return {200, Json{{"project_membership", membership}, {"projects", projects}}, {}};
    }
    Project* project = findProject(s[2]);
    if (!project)
        return {404,
                aivenErrorBody(404, QStringLiteral("Project does not exist"),
                               QStringLiteral("project_not_found")),
                {}};
    return projectRoute(request, *project);
}

AivenEmulator::Response AivenEmulator::projectRoute(Request& request, Project& project) {
    const QStringList& s = request.segments;
    const QString what = s.size() > 3 ? s[3] : QString();
    const bool get = request.method == "GET";
    const bool wantSecrets =
        request.query.queryItemValue(QStringLiteral("include_secrets")) == QLatin1String("true");
    if (wantSecrets && !request.canReadSecrets && what == QLatin1String("service"))
        return {403,
                aivenErrorBody(403, QStringLiteral("Insufficient permissions to read secrets"),
                               QStringLiteral("permission_denied")),
                {}};
    if (what == QLatin1String("service") && s.size() == 4 && get) {
        Json list = Json::array();
        for (const auto& svc : project.services)
            list.push_back(serviceView(project, svc, wantSecrets));
        return {200, Json{{"services", list}}, {}};
    }
    if (what == QLatin1String("service") && s.size() >= 5) {
        Json* service = findService(project, s[4]);
        if (!service)
            return {404,
                    aivenErrorBody(404, QStringLiteral("Service %1 does not exist").arg(s[4]),
                                   QStringLiteral("service_not_found")),
                    {}};
        return serviceRoute(request, project, *service);
    }
    if (what == QLatin1String("integration"))
        return integrationRoute(request, project);
    if (what == QLatin1String("integration_endpoint") && get) {
        if (s.size() == 4) {
            Json list = Json::array();
            for (auto e : project.endpoints) {
                redact(e); // the list always redacts
                list.push_back(e);
            }
            return {200, Json{{"service_integration_endpoints", list}}, {}};
        }
        for (const auto& e : project.endpoints)
            if (qs(e, "endpoint_id") == s[4]) {
                Json view = e;
                if (!wantSecrets || !request.canReadSecrets)
                    redact(view);
                return {200, Json{{"service_integration_endpoint", view}}, {}};
            }
        return {404, aivenErrorBody(404, QStringLiteral("Integration endpoint does not exist")), {}};
    }
    if (what == QLatin1String("integration_types") && s.size() == 4 && get) {
        Json type = Json::object();
        type["integration_type"] = "clickhouse_kafka";
        type["source_description"] = "Kafka service or external Kafka endpoint";
        type["source_service_types"] = Json::array({"kafka"});
        type["dest_description"] = "ClickHouse service";
        type["dest_service_type"] = "clickhouse";
        type["dest_service_types"] = Json::array({"clickhouse"});
        type["user_config_schema"] = m_schema;
        return {200, Json{{"integration_types", Json::array({type})}}, {}};
    }
    return {404, aivenErrorBody(404, QStringLiteral("Not found: %1").arg(request.encodedPath)), {}};
}

AivenEmulator::Response AivenEmulator::serviceRoute(Request& request, Project& project, Json& service) {
    const QStringList& s = request.segments;
    const QString name = qs(service, "service_name");
    const bool get = request.method == "GET";
    const bool wantSecrets =
        request.query.queryItemValue(QStringLiteral("include_secrets")) == QLatin1String("true");
    if (s.size() == 5 && get)
        return {200, Json{{"service", serviceView(project, service, wantSecrets)}}, {}};
    const QString what = s.size() > 5 ? s[5] : QString();
    if (what == QLatin1String("integration") && s.size() == 6 && get) {
        Json list = Json::array();
        for (const auto& i : project.integrations)
            if (qs(i, "source_service") == name || qs(i, "dest_service") == name)
                list.push_back(i);
        return {200, Json{{"service_integrations", list}}, {}};
    }
    if (what == QLatin1String("topic") && get) {
        if (s.size() == 6) {
            Json list = Json::array();
            for (const auto& t : m_topicStore->topics(name))
                list.push_back(Json{{"topic_name", t.toStdString()},
                                    {"partitions", m_topicStore->partitions(name, t).size()},
                                    {"replication", 3},
                                    {"state", "ACTIVE"},
                                    {"cleanup_policy", "delete"},
                                    {"retention_hours", 168}});
            return {200, Json{{"topics", list}}, {}};
        }
        if (s.size() == 7) {
            if (!m_topicStore->hasTopic(name, s[6]))
                return {404, aivenErrorBody(404, QStringLiteral("Topic '%1' does not exist").arg(s[6])), {}};
            return {200, Json{{"topic", topicView(name, s[6])}}, {}};
        }
    }
    if (what == QLatin1String("kafka") && s.size() == 10 && s[6] == QLatin1String("rest") &&
        s[7] == QLatin1String("topics") && request.method == "POST") {
        const Json& userConfig = service.contains("user_config") ? service.at("user_config") : Json();
        if (userConfig.is_object() && userConfig.contains("kafka_rest") &&
            userConfig.at("kafka_rest") == false)
            return {400,
                    aivenErrorBody(400, QStringLiteral("Kafka REST is not enabled for service %1").arg(name)),
                    {}};
        if (!m_topicStore->hasTopic(name, s[8]))
            return {404, aivenErrorBody(404, QStringLiteral("Topic '%1' does not exist").arg(s[8])), {}};
        if (s[9] == QLatin1String("messages"))
            return topicMessages(request, service, s[8]);
        if (s[9] == QLatin1String("produce"))
            return produce(request, service, s[8]);
    }
    return {404, aivenErrorBody(404, QStringLiteral("Not found: %1").arg(request.encodedPath)), {}};
}

AivenEmulator::Response AivenEmulator::topicMessages(Request& request, const Json& service,
                                                     const QString& topic) {
    auto parsed = parseJsonText(
        std::string_view(request.body.constData(), static_cast<std::size_t>(request.body.size())));
    if (!parsed || !parsed.value->is_object())
        return {400, aivenErrorBody(400, QStringLiteral("Invalid JSON body")), {}};
    const Json& body = *parsed.value;
    if (!body.contains("partitions") || !body.at("partitions").is_object())
        return {400, aivenErrorBody(400, QStringLiteral("'partitions' is a required property")), {}};
    const std::string format = body.contains("format") && body.at("format").is_string()
                                   ? body.at("format").get<std::string>()
                                   : std::string("binary");
    if (format != "binary" && format != "json")
        return {400,
                aivenErrorBody(400, QStringLiteral("Format %1 is not supported by this emulator")
                                        .arg(QString::fromStdString(format))),
                {}};
    if (body.contains("timeout") &&
        (!body.at("timeout").is_number_integer() || body.at("timeout").get<int>() < 3000 ||
         body.at("timeout").get<int>() > 40000))
        return {400, aivenErrorBody(400, QStringLiteral("timeout: must be between 3000 and 40000")), {}};
    qint64 maxBytes = 1000000000;
    if (body.contains("max_bytes")) {
        if (!body.at("max_bytes").is_number_integer() || body.at("max_bytes").get<qint64>() < 1024)
            return {400, aivenErrorBody(400, QStringLiteral("max_bytes: must be at least 1024")), {}};
        maxBytes = body.at("max_bytes").get<qint64>();
    }
    const QString name = qs(service, "service_name");
    Json messages = Json::array();
    for (const auto& [partitionKey, spec] : body.at("partitions").items()) {
        bool ok = false;
        const int partition = QString::fromStdString(partitionKey).toInt(&ok);
        if (!ok || !spec.is_object() || !spec.contains("offset") || !spec.at("offset").is_number_integer())
            return {400,
                    aivenErrorBody(400, QStringLiteral("partitions.%1: needs {\"offset\": N}")
                                            .arg(QString::fromStdString(partitionKey))),
                    {}};
        for (const auto& m :
             m_topicStore->read(name, topic, partition, spec.at("offset").get<qint64>(), 1000, maxBytes)) {
            Json out = Json::object();
            out["topic"] = topic.toStdString();
            out["partition"] = partition;
            out["offset"] = m.offset;
            out["timestamp"] = m.timestampMs;
            auto encode = [&](const std::optional<QByteArray>& bytes, Json& target) -> bool {
                if (!bytes) {
                    target = nullptr;
                    return true;
                }
                if (format == "binary") {
                    target = bytes->toBase64().toStdString();
                    return true;
                }
                auto value = parseJsonText(
                    std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())));
                if (!value)
                    return false;
                target = *value.value;
                return true;
            };
            Json key;
            Json value;
            if (!encode(m.key, key))
                key = m.key ? Json(m.key->toStdString()) : Json();
            if (!encode(m.value, value))
                return {500,
                        aivenErrorBody(
                            500, QStringLiteral("Message at offset %1 of partition %2 is not valid JSON; "
                                                "use format binary")
                                     .arg(m.offset)
                                     .arg(partition)),
                        {}};
            out["key"] = key;
            out["value"] = value;
            messages.push_back(std::move(out));
        }
    }
    return {200, Json{{"messages", messages}}, {}};
}

AivenEmulator::Response AivenEmulator::produce(Request& request, const Json& service, const QString& topic) {
    auto parsed = parseJsonText(
        std::string_view(request.body.constData(), static_cast<std::size_t>(request.body.size())));
    if (!parsed || !parsed.value->is_object() || !parsed.value->contains("records") ||
        !parsed.value->at("records").is_array())
        return {400, aivenErrorBody(400, QStringLiteral("'records' is a required property")), {}};
    const Json& body = *parsed.value;
    const std::string format = body.contains("format") && body.at("format").is_string()
                                   ? body.at("format").get<std::string>()
                                   : std::string("binary");
    if (body.at("records").size() > 32)
        return {
            400, aivenErrorBody(400, QStringLiteral("At most 32 records can be produced per request")), {}};
    const QString name = qs(service, "service_name");
    const auto partitions = m_topicStore->partitions(name, topic);
    Json offsets = Json::array();
    int next = 0;
    for (const auto& record : body.at("records")) {
        auto bytes = [&](const char* field) -> std::optional<QByteArray> {
            if (!record.contains(field) || record.at(field).is_null())
                return std::nullopt;
            if (format == "binary" && record.at(field).is_string())
                return QByteArray::fromBase64(QByteArray::fromStdString(record.at(field).get<std::string>()));
            return QByteArray::fromStdString(record.at(field).dump());
        };
        const int partition = record.contains("partition") && record.at("partition").is_number_integer()
                                  ? record.at("partition").get<int>()
                                  : next++ % static_cast<int>(std::max<std::size_t>(1, partitions.size()));
        auto offset = m_topicStore->append(name, topic, partition, bytes("key"), bytes("value"),
                                           QDateTime::currentMSecsSinceEpoch());
        if (offset)
            offsets.push_back(Json{
                {"partition", partition}, {"offset", *offset}, {"error", nullptr}, {"error_code", nullptr}});
        else
            offsets.push_back(Json{{"partition", partition},
                                   {"offset", nullptr},
                                   {"error", "Unknown partition"},
                                   {"error_code", 40402}});
    }
    return {200, Json{{"offsets", offsets}, {"key_schema_id", nullptr}, {"value_schema_id", nullptr}}, {}};
}

AivenEmulator::Response AivenEmulator::integrationRoute(Request& request, Project& project) {
    const QStringList& s = request.segments;
    if (s.size() == 4) {
        if (request.method == "POST")
            return createIntegration(request, project);
        return {405, aivenErrorBody(405, QStringLiteral("Method not allowed")), {}};
    }
    Json* integration = findIntegration(project, s[4]);
    if (!integration)
        return {404,
                aivenErrorBody(404, QStringLiteral("Service integration does not exist"),
                               QStringLiteral("service_integration_not_found")),
                {}};
    if (request.method == "GET")
        return {200, Json{{"service_integration", *integration}}, {}};
    if (request.method == "PUT")
        return updateIntegration(request, project, *integration);
    if (request.method == "DELETE") {
        const QString kafka = qs(*integration, "source_service");
        std::erase_if(project.integrations,
                      [&](const Json& i) { return qs(i, "service_integration_id") == s[4]; });
        if (m_clickhouse.isValid() && !kafka.isEmpty())
            m_connector->dropDatabase(QStringLiteral("service_") + kafka);
        return {200, Json{{"message", "deleted"}}, {}};
    }
    return {405, aivenErrorBody(405, QStringLiteral("Method not allowed")), {}};
}

AivenEmulator::Response AivenEmulator::createIntegration(Request& request, Project& project) {
    auto parsed = parseJsonText(
        std::string_view(request.body.constData(), static_cast<std::size_t>(request.body.size())));
    if (!parsed || !parsed.value->is_object())
        return {400, aivenErrorBody(400, QStringLiteral("Invalid JSON body")), {}};
    const Json& body = *parsed.value;
    if (qs(body, "integration_type") != QLatin1String("clickhouse_kafka"))
        return {
            400,
            aivenErrorBody(400, QStringLiteral("This emulator creates clickhouse_kafka integrations only")),
            {}};
    const QString source = qs(body, "source_service");
    const QString endpoint = qs(body, "source_endpoint_id");
    const QString dest = qs(body, "dest_service");
    if (source.isEmpty() == endpoint.isEmpty())
        return {
            400,
            aivenErrorBody(400, QStringLiteral("Give exactly one of source_service and source_endpoint_id")),
            {}};
    if (!source.isEmpty() && !findService(project, source))
        return {404, aivenErrorBody(404, QStringLiteral("Service %1 does not exist").arg(source)), {}};
    if (!findService(project, dest))
        return {404, aivenErrorBody(404, QStringLiteral("Service %1 does not exist").arg(dest)), {}};
    const Json userConfig = body.contains("user_config") && !body.at("user_config").is_null()
                                ? body.at("user_config")
                                : Json::object();
    const auto problems = validateUserConfig(userConfig);
    if (!problems.empty())
        return {400,
                aivenErrorBody(400, QStringLiteral("Invalid 'user_config': %1")
                                        .arg(QString::fromStdString(problems.front()))),
                {}};
    const QString projectName = qs(project.info, "project_name");
    Json i = Json::object();
    i["service_integration_id"] = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    i["integration_type"] = "clickhouse_kafka";
    i["source_project"] = projectName.toStdString();
    i["source_service"] = source.isEmpty() ? Json() : Json(source.toStdString());
    i["source_service_type"] = source.isEmpty() ? Json() : Json("kafka");
    i["source_endpoint_id"] = endpoint.isEmpty() ? Json() : Json(endpoint.toStdString());
    i["source_endpoint"] = Json();
    i["dest_project"] = projectName.toStdString();
    i["dest_service"] = dest.toStdString();
    i["dest_service_type"] = "clickhouse";
    i["dest_endpoint_id"] = Json();
    i["dest_endpoint"] = Json();
    i["active"] = true;
    i["enabled"] = true;
    i["description"] = "Send Kafka topics to ClickHouse";
    i["integration_status"] = Json{{"state", Json{{"status", m_clickhouse.isValid() ? "starting" : "running"},
                                                  {"errors", Json::array()},
                                                  {"likely_error_cause", "null"},
                                                  {"nodes", Json::object()}}},
                                   {"status_user_desc", ""}};
    i["user_config"] = userConfig;
    project.integrations.push_back(i);
    const QString id = qs(i, "service_integration_id");
    applyToClickHouse(projectName, id);
    return {200, Json{{"service_integration", i}}, {}};
}

AivenEmulator::Response AivenEmulator::updateIntegration(Request& request, Project& project,
                                                         Json& integration) {
    auto parsed = parseJsonText(
        std::string_view(request.body.constData(), static_cast<std::size_t>(request.body.size())));
    if (!parsed || !parsed.value->is_object())
        return {400, aivenErrorBody(400, QStringLiteral("Invalid JSON body")), {}};
    if (!parsed.value->contains("user_config"))
        return {400, aivenErrorBody(400, QStringLiteral("'user_config' is a required property")), {}};
    const Json& userConfig = parsed.value->at("user_config");
    const auto problems = validateUserConfig(userConfig);
    if (!problems.empty())
        return {400,
                aivenErrorBody(400, QStringLiteral("Invalid 'user_config': %1")
                                        .arg(QString::fromStdString(problems.front()))),
                {}};
    integration["user_config"] = userConfig;
    integration["integration_status"]["state"]["status"] = m_clickhouse.isValid() ? "starting" : "running";
    integration["integration_status"]["state"]["errors"] = Json::array();
    const QString id = qs(integration, "service_integration_id");
    const Json snapshot = integration;
    applyToClickHouse(qs(project.info, "project_name"), id);
    return {200, Json{{"service_integration", snapshot}}, {}};
}

// What Aiven does in ClickHouse when an integration is applied: database service_<kafka> with one
// Kafka-engine table per entry, reading the Kafka service's (mock) brokers or the external endpoint's
// bootstrap_servers.
void AivenEmulator::applyToClickHouse(const QString& projectName, const QString& integrationId) {
    Project* project = findProject(projectName);
    Json* integration = project ? findIntegration(*project, integrationId) : nullptr;
    if (!integration)
        return;
    if (!m_clickhouse.isValid()) {
        emit integrationApplied(integrationId, true);
        return;
    }
    QString source = qs(*integration, "source_service");
    QString kafkaService = source;
    QString brokers;
    if (source.isEmpty()) {
        for (const auto& e : project->endpoints)
            if (qs(e, "endpoint_id") == qs(*integration, "source_endpoint_id")) {
                source = qs(e, "endpoint_name");
                brokers =
                    e.contains("user_config") ? qs(e.at("user_config"), "bootstrap_servers") : QString();
            }
    } else {
        brokers = m_topicStore->bootstrapServers(source);
        if (brokers.isEmpty()) // in-memory topics: no broker to read, the tables exist all the same
            brokers = QStringLiteral("127.0.0.1:9");
    }
    const Json& config = integration->at("user_config");
    const Json tables = config.is_object() && config.contains("tables") ? config.at("tables") : Json::array();
    QPointer<AivenEmulator> self(this);
    m_connector->apply(
        QStringLiteral("service_") + source, kafkaService, brokers, tables,
        [self, projectName, integrationId](const ConnectorApplyResult& result) {
            if (!self)
                return;
            Project* p = self->findProject(projectName);
            Json* i = p ? self->findIntegration(*p, integrationId) : nullptr;
            if (i) {
                Json errors = Json::array();
                for (const QString& e : result.errors)
                    errors.push_back(e.toStdString());
                for (const QString& n : result.notes)
                    errors.push_back((QStringLiteral("note: ") + n).toStdString());
                auto& state = (*i)["integration_status"]["state"];
                state["status"] = result.ok() ? "running" : "failed";
                state["errors"] = errors;
                state["likely_error_cause"] = result.ok() ? "null" : "destination";
                (*i)["integration_status"]["status_user_desc"] =
                    result.ok()
                        ? (result.notes.isEmpty() ? std::string("Integration is running")
                                                  : (QStringLiteral("Integration is running; ") +
                                                     result.notes.join(QStringLiteral("; ")))
                                                        .toStdString())
                        : (QStringLiteral("Integration failed: ") + result.errors.join(QStringLiteral("; ")))
                              .toStdString();
            }
            emit self->integrationApplied(integrationId, result.ok());
        });
}

} // namespace ckstudio::emulator
