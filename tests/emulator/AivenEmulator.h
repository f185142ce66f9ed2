#pragma once
// A stand-in for Aiven's public REST API (the subset ckstudio uses) with the real paths, field names and
// error bodies (reference/aiven-api.md), for tests and demos. State comes from a JSON seed; faults are
// injected by
// --fault or by the X-Emulator-Fault request header (see FaultSpec.h). Topics live in a TopicStore: in memory
// by default, in librdkafka mock clusters (one per Kafka service) with setTopicStoreFactory(); then the Kafka
// services' `kafka` component, service_uri and connection_info name the cluster's real address. Optionally
// does what Aiven does to a ClickHouse when an integration is applied: database service_<kafka> with one
// ENGINE = Kafka table per tables[] entry (ConnectorTables.h).
#include "ConnectorTables.h"
#include "FaultSpec.h"
#include "TopicStore.h"
#include "domain/Json.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <map>
#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace ckstudio::emulator {

class AivenEmulator : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit AivenEmulator(QObject* parent = nullptr);
    ~AivenEmulator() override;

    // Replaces all state. Returns false with `error` when the seed is not usable.
    bool loadSeed(const Json& seed, QString* error);
    bool loadSeedFile(const QString& path, QString* error);

    // Listens on 127.0.0.1; port 0 picks a free one. Returns the port, 0 on failure.
    quint16 start(quint16 port = 0);
    QUrl url() const;

    void addToken(const QString& token) { m_tokens.push_back(token); }
    void addFault(const FaultSpec& fault) { m_faults.push_back(fault); }
    void clearFaults() {
        m_faults.clear();
        m_faultCounters.clear();
    }
    void setClickHouseUrl(const QUrl& url);
    // Applies every clickhouse_kafka integration of the seed to the ClickHouse (as they would exist on
    // Aiven).
    void applyAllToClickHouse();
    // The JSON schema PUT/POST validate user_config against (default: the bundled clickhouse_kafka schema).
    void setUserConfigSchema(const Json& schema) { m_schema = schema; }
    void setTopicStore(std::unique_ptr<TopicStore> store);
    // loadSeed() makes its store with this (default: an InMemoryTopicStore). Set it before loadSeed().
    void setTopicStoreFactory(std::function<std::unique_ptr<TopicStore>()> factory);
    // Kafka service name -> its brokers' address, for stores with real brokers (empty otherwise).
    std::vector<std::pair<QString, QString>> kafkaBootstraps() const;
    TopicStore& topicStore() { return *m_topicStore; }

    struct LoggedRequest {
        QByteArray method;
        QString path; // percent-encoded, without query
        QString query;
        QByteArray body;
        bool faulted = false;
    };
    const std::vector<LoggedRequest>& requests() const { return m_log; }
    int countRequests(const QByteArray& method, const QString& pathContains = {}) const;
    void clearRequests() { m_log.clear(); }
    // Delayed answers that found their connection closed when due: the client had aborted the request.
    int abandonedAnswers() const { return m_abandonedAnswers; }

    // Test access to the state, as the API would show it.
    std::optional<Json> integration(const QString& project, const QString& id) const;

signals:
    void integrationApplied(const QString& integrationId, bool ok);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Request {
        QByteArray method;
        QStringList segments; // decoded path segments
        QString encodedPath;
        QUrlQuery query;
        QByteArray body;
        QString token;
        bool canReadSecrets = true;
    };
    struct Response {
        int status = 200;
        Json body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    struct Project {
        Json info;
        std::vector<Json> services;
        std::vector<Json> integrations;
        std::vector<Json> endpoints;
    };

    Response route(Request& request);
    Response projectRoute(Request& request, Project& project);
    Response serviceRoute(Request& request, Project& project, Json& service);
    Response integrationRoute(Request& request, Project& project);
    Response topicMessages(Request& request, const Json& service, const QString& topic);
    Response produce(Request& request, const Json& service, const QString& topic);
    Response createIntegration(Request& request, Project& project);
    Response updateIntegration(Request& request, Project& project, Json& integration);

    Project* findProject(const QString& name);
    Json* findService(Project& project, const QString& name);
    Json* findIntegration(Project& project, const QString& id);
    Json serviceView(const Project& project, const Json& service, bool withSecrets) const;
    Json topicView(const QString& service, const QString& topic) const;
    std::vector<std::string> validateUserConfig(const Json& userConfig) const;
    void applyToClickHouse(const QString& project, const QString& integrationId);
    void writeResponse(QTcpSocket* socket, const Response& response, bool truncate);

    std::vector<Project> m_projects;
    std::unique_ptr<TopicStore> m_topicStore;
    std::function<std::unique_ptr<TopicStore>()> m_storeFactory;
    ConnectorTables* m_connector;
    std::vector<QString> m_tokens;
    std::vector<QString> m_tokensWithoutSecrets;
    std::vector<FaultSpec> m_faults;
    std::map<QString, int> m_faultCounters;
    std::vector<LoggedRequest> m_log;
    int m_abandonedAnswers = 0;
    QUrl m_clickhouse;
    Json m_schema;
    QNetworkAccessManager* m_network;
    quint16 m_port = 0;
    int m_nextId = 1;
};

// A JSON error body the way Aiven writes them.
Json aivenErrorBody(int status, const QString& message, const QString& errorCode = {});

} // namespace ckstudio::emulator
