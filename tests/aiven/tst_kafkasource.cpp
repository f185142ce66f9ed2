// KafkaSourceResolver against the in-process Aiven API emulator, without widgets: a Kafka service with Kafka
// REST on and off, an external endpoint, an integration's source, a missing service, the API's own error,
// listing a project's sources, cancel, and that no secret of the source reaches an error text. Then
// `ckstudio-cli peek --project` through the same resolver, reading librdkafka's mock cluster when the service
// has Kafka REST off.
#include "AivenEmulator.h"
#include "FaultSpec.h"
#include "MockKafkaCluster.h"
#include "aiven/AivenClient.h"
#include "aiven/KafkaSourceResolver.h"
#include "cli/Cli.h"
#include "domain/JsonText.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sstream>

using namespace ckstudio;
using namespace ckstudio::emulator;

namespace {
const QString kToken = QStringLiteral("emulator-token-0123456789");
const QString kProject = QStringLiteral("demo-project");
const QString kKafka = QStringLiteral("demo-kafka");
const QString kIntegration = QStringLiteral("3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60");
const QString kEndpoint = QStringLiteral("a1b2c3d4-0000-4000-8000-00000000e001");
const QString kEndpointPassword = QStringLiteral("external-kafka-secret-55e1");
constexpr int kWait = 10000;

Json seedJson() {
    QFile file(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    auto parsed = parseJsonText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    return parsed ? *parsed.value : Json();
}

Json& serviceOf(Json& seed, const QString& name) {
    for (auto& service : seed["projects"][0]["services"])
        if (service["service_name"] == name.toStdString())
            return service;
    static Json none;
    return none;
}

// demo-kafka with Kafka REST off; its kafka component at `bootstrap` ("host:port") over TLS or plaintext.
void turnRestOff(Json& seed, const QString& bootstrap, bool ssl) {
    Json& kafka = serviceOf(seed, QStringLiteral("demo-kafka"));
    kafka["user_config"]["kafka_rest"] = false;
    for (auto& c : kafka["components"])
        if (c["component"] == "kafka") {
            c["host"] = bootstrap.section(QLatin1Char(':'), 0, 0).toStdString();
            c["port"] = bootstrap.section(QLatin1Char(':'), 1).toInt();
            c["ssl"] = ssl;
        }
}

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

CliRun runCommand(const QStringList& args) {
    std::ostringstream out;
    std::ostringstream err;
    cli::CliIo io{out, err};
    std::optional<int> code;
    if (auto immediate = cli::runCli(args, io, [&](int c) { code = c; }))
        code = immediate;
    else if (!QTest::qWaitFor([&] { return code.has_value(); }, 30000))
        qWarning("command did not finish: %s", qPrintable(args.join(QLatin1Char(' '))));
    return {code.value_or(-1), out.str(), err.str()};
}
} // namespace

class TestKafkaSource : public QObject {
    Q_OBJECT

    std::unique_ptr<AivenEmulator> m_emulator;
    std::unique_ptr<AivenClient> m_client;
    QTemporaryDir m_dir;

    void start(const Json& seed) {
        m_client.reset();
        m_emulator = std::make_unique<AivenEmulator>();
        QString error;
        QVERIFY2(m_emulator->loadSeed(seed, &error), qPrintable(error));
        QVERIFY(m_emulator->start() != 0);
        AivenClient::Options options;
        options.baseUrl = m_emulator->url();
        options.token = kToken;
        options.timeoutMs = 5000;
        options.retry.maxAttempts = 1;
        m_client = std::make_unique<AivenClient>(options);
        qputenv("AIVEN_WEB_URL", m_emulator->url().toString().toUtf8());
    }

    // The one answer of a resolution.
    std::optional<KafkaSourceResult> resolve(const KafkaSourceQuery& query) {
        KafkaSourceResolver resolver(m_client.get());
        std::optional<KafkaSourceResult> answer;
        int answers = 0;
        connect(&resolver, &KafkaSourceResolver::resolved, this, [&](const KafkaSourceResult& r) {
            answer = r;
            ++answers;
        });
        resolver.resolve(query);
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, kWait))
            return std::nullopt;
        QTest::qWait(20); // nothing more arrives
        if (answers != 1 || resolver.isRunning() || m_client->pendingCount() != 0)
            return std::nullopt;
        return answer;
    }

    std::optional<KafkaSourceList> list(const QString& project) {
        KafkaSourceResolver resolver(m_client.get());
        std::optional<KafkaSourceList> answer;
        connect(&resolver, &KafkaSourceResolver::listed, this, [&](const KafkaSourceList& l) { answer = l; });
        resolver.listSources(project);
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, kWait))
            return std::nullopt;
        return answer;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv("AIVEN_AUTH_TOKEN", kToken.toUtf8());
        qputenv("AIVEN_CREDENTIALS_FILE", m_dir.filePath(QStringLiteral("no-credentials.json")).toUtf8());
        qputenv("CKSTUDIO_STATE_DIR", m_dir.filePath(QStringLiteral("state")).toUtf8());
        qputenv("CKSTUDIO_NO_KEYCHAIN", "1");
        qputenv("CKSTUDIO_AIVEN_RETRY_INITIAL_MS", "20");
        qputenv("CKSTUDIO_AIVEN_RETRY_BUDGET_MS", "200");
    }
    void init() { start(seedJson()); }
    void cleanup() {
        m_client.reset();
        m_emulator.reset();
    }

    void serviceWithKafkaRestIsReadThroughRest() {
        const auto r = resolve({kProject, kKafka, {}, {}});
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->errorText()));
        QVERIFY(r->source.kafkaRest);
        QVERIFY(!r->source.direct.has_value());
        QCOMPARE(r->source.project, kProject);
        QCOMPARE(r->source.service, kKafka);
        QCOMPARE(r->errorText(), QString());
        // One plain GET: secrets are asked for only when the brokers are read directly.
        QCOMPARE(m_emulator->countRequests("GET"), 1);
        QVERIFY(!m_emulator->requests().front().query.contains(QStringLiteral("include_secrets=true")));
    }

    void serviceWithKafkaRestOffIsReadDirectlyOverTls() {
        Json seed = seedJson();
        turnRestOff(seed, QStringLiteral("kafka.example:12700"), true);
        Json& user = serviceOf(seed, kKafka)["users"][0];
        user["access_cert"] = "-----BEGIN CERTIFICATE-----\nCERT\n-----END CERTIFICATE-----\n";
        user["access_key"] = "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n";
        start(seed);
        const auto r = resolve({kProject, kKafka, {}, {}});
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->errorText()));
        QVERIFY(!r->source.kafkaRest);
        QVERIFY(r->source.direct.has_value());
        QCOMPARE(r->source.direct->bootstrapServers, QStringLiteral("kafka.example:12700"));
        QCOMPARE(r->source.direct->securityProtocol, QStringLiteral("ssl"));
        QVERIFY(r->source.direct->certificatePem.contains("CERT"));
        // The key came with include_secrets=true (the emulator redacts it otherwise).
        QVERIFY(r->source.direct->keyPem.contains("PRIVATE KEY"));
        // The emulator has no kms/ca: the project CA is asked for, and without it the system's CAs remain.
        QCOMPARE(m_emulator->countRequests("GET", QStringLiteral("/kms/ca")), 1);
        QVERIFY(r->source.direct->caPem.isEmpty());
    }

    void serviceWithKafkaRestOffOverPlaintextNeedsNoCa() {
        Json seed = seedJson();
        turnRestOff(seed, QStringLiteral("127.0.0.1:9092"), false);
        start(seed);
        const auto r = resolve({kProject, kKafka, {}, {}});
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->errorText()));
        QCOMPARE(r->source.direct->bootstrapServers, QStringLiteral("127.0.0.1:9092"));
        QCOMPARE(r->source.direct->securityProtocol, QString());
        QCOMPARE(m_emulator->countRequests("GET", QStringLiteral("/kms/ca")), 0);
    }

    void externalEndpointIsReadDirectly() {
        const auto r = resolve({kProject, {}, kEndpoint, {}});
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->errorText()));
        QVERIFY(!r->source.kafkaRest);
        QVERIFY(r->source.service.isEmpty());
        QCOMPARE(r->source.endpointId, kEndpoint);
        QCOMPARE(r->source.endpointName, QStringLiteral("onprem-kafka"));
        const KafkaConnection& c = *r->source.direct;
        QCOMPARE(c.bootstrapServers, QStringLiteral("10.0.0.1:9092,10.0.0.2:9092"));
        QCOMPARE(c.securityProtocol, QStringLiteral("sasl_ssl"));
        QCOMPARE(c.saslMechanism, QStringLiteral("SCRAM-SHA-512"));
        QCOMPARE(c.saslUsername, QStringLiteral("ingest"));
        QCOMPARE(c.saslPassword, kEndpointPassword); // asked for with include_secrets=true
    }

    void integrationResolvesToItsSource() {
        auto r = resolve({kProject, {}, {}, kIntegration});
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->errorText()));
        QCOMPARE(r->source.service, kKafka);
        QCOMPARE(r->source.integrationId, kIntegration);
        QVERIFY(r->source.kafkaRest);

        // The same integration with an external endpoint as its source.
        Json seed = seedJson();
        for (auto& integration : seed["projects"][0]["integrations"])
            if (integration["service_integration_id"] == kIntegration.toStdString()) {
                integration["source_service"] = nullptr;
                integration["source_endpoint_id"] = kEndpoint.toStdString();
            }
        start(seed);
        r = resolve({kProject, {}, {}, kIntegration});
        QVERIFY(r.has_value());
        QVERIFY2(r->ok(), qPrintable(r->errorText()));
        QVERIFY(r->source.service.isEmpty());
        QCOMPARE(r->source.endpointName, QStringLiteral("onprem-kafka"));
        QCOMPARE(r->source.direct->saslUsername, QStringLiteral("ingest"));

        r = resolve({kProject, {}, {}, QStringLiteral("no-such-integration")});
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->error->httpStatus, 404);
        QVERIFY2(r->errorText().startsWith(QStringLiteral("Integration no-such-integration: ")),
                 qPrintable(r->errorText()));
    }

    void missingServiceIsTheApisError() {
        const auto r = resolve({kProject, QStringLiteral("nope"), {}, {}});
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->error->httpStatus, 404);
        QCOMPARE(r->error->errorCode, QStringLiteral("service_not_found"));
        QCOMPARE(r->error->message, QStringLiteral("Service nope does not exist"));
        QCOMPARE(r->errorText(),
                 QStringLiteral("Kafka service nope: Service nope does not exist (HTTP 404)"));
    }

    void apiErrorKeepsItsCodeAndMessage() {
        QString error;
        m_emulator->addFault(
            *parseFaultSpec(QStringLiteral("status=403;path=/integration_endpoint"), &error));
        const auto r = resolve({kProject, {}, kEndpoint, {}});
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->error->httpStatus, 403);
        QCOMPARE(r->error->message, QStringLiteral("Injected fault: HTTP 403"));
        QCOMPARE(
            r->errorText(),
            QStringLiteral("External Kafka endpoint %1: Injected fault: HTTP 403 (HTTP 403)").arg(kEndpoint));
        QVERIFY(!r->errorText().contains(kToken));
    }

    void unusableSourcesSayWhyWithoutTheirSecrets() {
        Json seed = seedJson();
        // An endpoint with credentials but no bootstrap_servers.
        auto& endpoint = seed["projects"][0]["integration_endpoints"][0];
        endpoint["user_config"].erase("bootstrap_servers");
        endpoint["user_config"]["ssl_client_key"] = "-----BEGIN PRIVATE KEY-----\nENDPOINT-KEY\n";
        // A service with Kafka REST off and no kafka component, whose users hold a password and a key.
        Json& kafka = serviceOf(seed, kKafka);
        kafka["user_config"]["kafka_rest"] = false;
        Json components = Json::array();
        for (const auto& c : kafka["components"])
            if (c["component"] != "kafka")
                components.push_back(c);
        kafka["components"] = components;
        kafka["users"][0]["access_key"] = "SERVICE-ACCESS-KEY";
        start(seed);

        auto r = resolve({kProject, {}, kEndpoint, {}});
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->error->httpStatus, 0);
        QCOMPARE(r->errorText(),
                 QStringLiteral("External Kafka endpoint onprem-kafka: it has no bootstrap_servers"));
        QVERIFY(!r->source.direct.has_value());
        QVERIFY(!r->errorText().contains(kEndpointPassword));
        QVERIFY(!r->errorText().contains(QStringLiteral("ENDPOINT-KEY")));

        r = resolve({kProject, kKafka, {}, {}});
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(
            r->errorText(),
            QStringLiteral("Kafka service demo-kafka: its REST proxy is off and it lists no Kafka address"));
        QVERIFY(!r->errorText().contains(QStringLiteral("kafka-admin-secret-91bd")));
        QVERIFY(!r->errorText().contains(QStringLiteral("SERVICE-ACCESS-KEY")));

        // Not a Kafka service at all.
        r = resolve({kProject, QStringLiteral("demo-clickhouse"), {}, {}});
        QVERIFY(r.has_value());
        QCOMPARE(r->errorText(),
                 QStringLiteral("Kafka service demo-clickhouse: it is a clickhouse service, not Kafka"));
    }

    void aQueryNamesOneSource() {
        auto r = resolve({kProject, kKafka, kEndpoint, {}});
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(m_emulator->requests().size(), std::size_t(0));
        KafkaSourceResolver unconnected(nullptr);
        std::optional<KafkaSourceResult> answer;
        connect(&unconnected, &KafkaSourceResolver::resolved, this,
                [&](const KafkaSourceResult& result) { answer = result; });
        unconnected.resolve({kProject, kKafka, {}, {}});
        QVERIFY(answer.has_value()); // at once
        QCOMPARE(answer->errorText(), QStringLiteral("Kafka service demo-kafka: not connected to Aiven"));
    }

    void cancelDropsTheAnswer() {
        m_emulator->addFault(*parseFaultSpec(QStringLiteral("delay=500"), nullptr));
        KafkaSourceResolver resolver(m_client.get());
        int answers = 0;
        connect(&resolver, &KafkaSourceResolver::resolved, this, [&] { ++answers; });
        resolver.resolve({kProject, kKafka, {}, {}});
        QVERIFY(resolver.isRunning());
        resolver.cancel();
        QVERIFY(!resolver.isRunning());
        QCOMPARE(m_client->pendingCount(), 0);
        QTest::qWait(700);
        QCOMPARE(answers, 0);

        // A second resolution replaces the first: only its answer comes.
        std::optional<KafkaSourceResult> last;
        connect(&resolver, &KafkaSourceResolver::resolved, this,
                [&](const KafkaSourceResult& r) { last = r; });
        resolver.resolve({kProject, QStringLiteral("nope"), {}, {}});
        resolver.resolve({kProject, {}, kEndpoint, {}});
        QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), kWait);
        QTest::qWait(700);
        QCOMPARE(answers, 1);
        QCOMPARE(last->source.endpointId, kEndpoint);
    }

    void listsTheProjectsKafkaSources() {
        auto l = list(kProject);
        QVERIFY(l.has_value());
        QVERIFY(l->ok());
        QCOMPARE(l->choices.size(), std::size_t(2));
        QCOMPARE(l->choices[0].service, kKafka);
        QCOMPARE(l->choices[0].name, kKafka);
        QCOMPARE(l->choices[1].endpointId, kEndpoint);
        QCOMPARE(l->choices[1].name, QStringLiteral("onprem-kafka"));

        // Without the endpoint list the services can still be picked.
        m_emulator->addFault(
            *parseFaultSpec(QStringLiteral("status=500;path=/integration_endpoint"), nullptr));
        l = list(kProject);
        QVERIFY(l.has_value() && l->ok());
        QCOMPARE(l->choices.size(), std::size_t(1));
        m_emulator->clearFaults();

        l = list(QStringLiteral("no-such-project"));
        QVERIFY(l.has_value());
        QVERIFY(!l->ok());
        QCOMPARE(l->error->httpStatus, 404);
        QCOMPARE(l->error->message, QStringLiteral("Project does not exist"));
    }

    void kafkaConnectionsFromServicesAndEndpoints() {
        const Json seed = seedJson();
        Json kafka;
        for (const auto& service : seed["projects"][0]["services"])
            if (service["service_name"] == "demo-kafka")
                kafka = service;
        kafka["users"][0]["access_cert"] = "CERT-PEM";
        kafka["users"][0]["access_key"] = "KEY-PEM";
        const AivenService service = aivenServiceFromJson(kafka);
        QVERIFY(serviceHasKafkaRest(service));
        const auto tls = kafkaConnectionForService(service, "CA-PEM");
        QVERIFY(tls.has_value());
        QCOMPARE(tls->bootstrapServers, QStringLiteral("demo-kafka-demo-project.a.aivencloud.com:12700"));
        QCOMPARE(tls->securityProtocol, QStringLiteral("ssl"));
        QCOMPARE(tls->certificatePem, QByteArray("CERT-PEM"));
        QCOMPARE(tls->keyPem, QByteArray("KEY-PEM"));
        QCOMPARE(tls->caPem, QByteArray("CA-PEM"));
        kafka["user_config"]["kafka_rest"] = false;
        QVERIFY(!serviceHasKafkaRest(aivenServiceFromJson(kafka)));

        const AivenIntegrationEndpoint endpoint =
            aivenEndpointFromJson(seed["projects"][0]["integration_endpoints"][0]);
        const auto sasl = kafkaConnectionForEndpoint(endpoint);
        QVERIFY(sasl.has_value());
        QCOMPARE(sasl->bootstrapServers, QStringLiteral("10.0.0.1:9092,10.0.0.2:9092"));
        QCOMPARE(sasl->securityProtocol, QStringLiteral("sasl_ssl"));
        QCOMPARE(sasl->saslMechanism, QStringLiteral("SCRAM-SHA-512"));
        QCOMPARE(sasl->saslUsername, QStringLiteral("ingest"));
        QCOMPARE(sasl->saslPassword, kEndpointPassword);
        QVERIFY(!kafkaConnectionForEndpoint(AivenIntegrationEndpoint{}).has_value());
    }

    // `peek --project` asks the resolver too: with Kafka REST off it reads the brokers (fixed: it used to
    // fail with the API's "Kafka REST is not enabled" while the topic browser read the same topic directly).
    void cliPeekReadsDirectlyWhenKafkaRestIsOff() {
        test::MockKafkaCluster cluster;
        QVERIFY2(cluster.isValid(), qPrintable(cluster.error()));
        QVERIFY(cluster.createTopic(QStringLiteral("clicks"), 2));
        QVERIFY(cluster.produce(QStringLiteral("clicks"),
                                {{0, QByteArray("a"), QByteArray(R"({ "n": 1 })"), 1700000000000},
                                 {1, std::nullopt, QByteArray("text"), 1700000001000},
                                 {0, std::nullopt, std::nullopt, 1700000002000}}));
        Json seed = seedJson();
        turnRestOff(seed, cluster.bootstrapServers().section(QLatin1Char(','), 0, 0), false);
        start(seed);
        const QStringList peek = {QStringLiteral("peek"),
                                  QStringLiteral("--project"),
                                  kProject,
                                  QStringLiteral("--service"),
                                  kKafka,
                                  QStringLiteral("--topic"),
                                  QStringLiteral("clicks")};
        auto r = runCommand(peek);
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(r.out, std::string("{\"n\":1}\n\"text\"\nnull\n"));
        QCOMPARE(r.err, std::string());
        QCOMPARE(m_emulator->countRequests("POST", QStringLiteral("/kafka/rest/")), 0);

        r = runCommand(peek + QStringList{QStringLiteral("--with-offsets"), QStringLiteral("--limit"),
                                          QStringLiteral("1")});
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(r.out, std::string("0:1\tnull\n"));

        // A service the API does not know: its error, exit 4.
        r = runCommand({QStringLiteral("peek"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--service"), QStringLiteral("nope"), QStringLiteral("--topic"),
                        QStringLiteral("clicks")});
        QCOMPARE(r.code, 4);
        QCOMPARE(
            r.err,
            std::string("ckstudio-cli peek: Kafka service nope: Service nope does not exist (HTTP 404)\n"));
        QVERIFY(r.out.empty());
    }
};

QTEST_GUILESS_MAIN(TestKafkaSource)
#include "tst_kafkasource.moc"
