// AivenClient against the in-process emulator: every endpoint, every fault, cancellation.
#include "AivenEmulator.h"
#include "aiven/AivenClient.h"
#include "aiven/AivenErrors.h"

#include <QElapsedTimer>
#include <QtTest>
#include <memory>

using namespace ckstudio;
using namespace ckstudio::emulator;
using namespace std::chrono_literals;

namespace {

const QString kToken = QStringLiteral("emulator-token-0123456789");
const QString kProject = QStringLiteral("demo-project");
const QString kIntegration = QStringLiteral("3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60");

template <typename T, typename Start> AivenResult<T> await(Start start, int timeoutMs = 15000) {
    std::optional<AivenResult<T>> out;
    start([&out](AivenResult<T> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs)) {
        AivenResult<T> timedOut;
        timedOut.error.message = QStringLiteral("test: no callback");
        return timedOut;
    }
    return std::move(*out);
}

FaultSpec fault(const QString& text) {
    QString error;
    auto spec = parseFaultSpec(text, &error);
    if (!spec)
        qFatal("bad fault spec in test: %s", qPrintable(error));
    return *spec;
}

} // namespace

class TestAivenClient : public QObject {
    Q_OBJECT
    std::unique_ptr<AivenEmulator> m_emulator;

    std::unique_ptr<AivenClient> makeClient(const QString& token = kToken, int timeoutMs = 5000) {
        AivenClient::Options options;
        options.baseUrl = m_emulator->url();
        options.token = token;
        options.timeoutMs = timeoutMs;
        options.retry.maxAttempts = 4;
        options.retry.initialDelay = 20ms;
        options.retry.maxDelay = 100ms;
        options.retry.budget = 5000ms;
        return std::make_unique<AivenClient>(options);
    }

private slots:
    void init() {
        m_emulator = std::make_unique<AivenEmulator>();
        QString error;
        QVERIFY2(m_emulator->loadSeedFile(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json"), &error),
                 qPrintable(error));
        QVERIFY(m_emulator->start() != 0);
    }
    void cleanup() { m_emulator.reset(); }

    void projectsAndServices() {
        auto client = makeClient();
        auto projects = await<std::vector<AivenProject>>([&](auto cb) { client->listProjects(this, cb); });
        QVERIFY2(projects, qPrintable(projects.error.describe()));
        QCOMPARE(projects.value->size(), std::size_t(1));
        QCOMPARE(projects.value->front().name, kProject);

        auto services =
            await<std::vector<AivenService>>([&](auto cb) { client->listServices(kProject, this, cb); });
        QVERIFY(services);
        QCOMPARE(services.value->size(), std::size_t(3));
        QCOMPARE(m_emulator->requests().back().query, QStringLiteral("limit=999"));

        auto redacted = await<AivenService>([&](auto cb) {
            client->getService(kProject, QStringLiteral("demo-clickhouse"), false, this, cb);
        });
        QVERIFY(redacted);
        QVERIFY(!redacted.value->adminPassword);
        QVERIFY(redacted.value->adminPasswordRedacted);
        QCOMPARE(redacted.value->clickhouseHttpsUrl(),
                 QUrl(QStringLiteral("https://demo-clickhouse-demo-project.a.aivencloud.com:12692/")));
        QCOMPARE(redacted.value->clickhouseVersion, QStringLiteral("25.8"));

        auto withSecrets = await<AivenService>([&](auto cb) {
            client->getService(kProject, QStringLiteral("demo-clickhouse"), true, this, cb);
        });
        QVERIFY(withSecrets);
        QCOMPARE(withSecrets.value->adminPassword,
                 std::optional<QString>(QStringLiteral("ch-admin-secret-7f3a")));
        QCOMPARE(m_emulator->requests().back().query, QStringLiteral("include_secrets=true"));
    }

    // The version comes from user_config.clickhouse_version, else metadata.service_version.
    void clickhouseVersionFromTheServiceAnswer() {
        QCOMPARE(aivenServiceFromJson(Json::parse(R"({"user_config":{"clickhouse_version":"26.3"},
            "metadata":{"service_version":"25.8"}})"))
                     .clickhouseVersion,
                 QStringLiteral("26.3"));
        QCOMPARE(
            aivenServiceFromJson(Json::parse(R"({"user_config":{},"metadata":{"service_version":"25.8"}})"))
                .clickhouseVersion,
            QStringLiteral("25.8"));
        QVERIFY(aivenServiceFromJson(Json::parse(R"({"user_config":{"clickhouse_version":null}})"))
                    .clickhouseVersion.isEmpty());
    }

    void secretsForbiddenForReadOnlyToken() {
        auto client = makeClient(QStringLiteral("emulator-readonly-token"));
        auto r = await<AivenService>([&](auto cb) {
            client->getService(kProject, QStringLiteral("demo-clickhouse"), true, this, cb);
        });
        QVERIFY(!r);
        QCOMPARE(r.error.httpStatus, 403);
        QCOMPARE(r.error.message, QStringLiteral("Insufficient permissions to read secrets"));
        QCOMPARE(r.error.attempts, 1);
    }

    void wrongTokenIsRefusedAndNotRetried() {
        auto client = makeClient(QStringLiteral("not-a-valid-token"));
        auto r = await<std::vector<AivenProject>>([&](auto cb) { client->listProjects(this, cb); });
        QVERIFY(!r);
        QCOMPARE(r.error.httpStatus, 403);
        QCOMPARE(r.error.errorCode, QStringLiteral("authentication_failed"));
        QCOMPARE(r.error.message, QStringLiteral("Authentication failed"));
        QVERIFY(!r.error.describe().contains(QStringLiteral("not-a-valid-token")));
        QCOMPARE(m_emulator->countRequests("GET"), 1);
    }

    void integrationsFilteredAndExact() {
        auto client = makeClient();
        auto all = await<std::vector<AivenIntegration>>([&](auto cb) {
            client->listServiceIntegrations(kProject, QStringLiteral("demo-clickhouse"), this, cb);
        });
        QVERIFY(all);
        QCOMPARE(all.value->size(),
                 std::size_t(3)); // clickhouse_kafka, metrics, and a not-enabled suggestion
        const auto kafka = clickhouseKafkaIntegrations(*all.value, QStringLiteral("demo-clickhouse"));
        QCOMPARE(kafka.size(), std::size_t(1));
        QCOMPARE(kafka.front().id, kIntegration);
        QCOMPARE(kafka.front().source(), QStringLiteral("demo-kafka"));
        QCOMPARE(kafka.front().tableCount(), 2);
        QCOMPARE(kafka.front().status, QStringLiteral("running"));

        auto one = await<AivenIntegration>(
            [&](auto cb) { client->getIntegration(kProject, kIntegration, this, cb); });
        QVERIFY(one);
        // Key order as the API sent it (the seed): pull must reproduce it exactly.
        QCOMPARE(one.value->userConfig.dump(),
                 m_emulator->integration(kProject, kIntegration)->at("user_config").dump());
        QCOMPARE(QString::fromStdString(one.value->userConfig["tables"][0].begin().key()),
                 QStringLiteral("name"));
    }

    void updateValidAndInvalid() {
        auto client = makeClient();
        Json config = m_emulator->integration(kProject, kIntegration)->at("user_config");
        config["tables"][0]["num_consumers"] = 3;
        auto updated = await<AivenIntegration>(
            [&](auto cb) { client->updateIntegration(kProject, kIntegration, config, this, cb); });
        QVERIFY2(updated, qPrintable(updated.error.describe()));
        QCOMPARE(updated.value->userConfig["tables"][0]["num_consumers"].get<int>(), 3);
        QCOMPARE(m_emulator->integration(kProject, kIntegration)->at("user_config"), config);
        QVERIFY(m_emulator->requests().back().body.startsWith("{\"user_config\":"));

        config["tables"][0].erase("group_name");
        auto refused = await<AivenIntegration>(
            [&](auto cb) { client->updateIntegration(kProject, kIntegration, config, this, cb); });
        QVERIFY(!refused);
        QCOMPARE(refused.error.httpStatus, 400);
        QVERIFY2(refused.error.message.contains(QStringLiteral("group_name")),
                 qPrintable(refused.error.message));
        QCOMPARE(m_emulator->countRequests("PUT"), 2);
    }

    void createAndDelete() {
        auto client = makeClient();
        const Json config =
            Json::parse(R"({"tables": [{"name": "t", "columns": [{"name": "a", "type": "String"}],
            "topics": [{"name": "events"}], "data_format": "JSONEachRow", "group_name": "g"}]})");
        auto created = await<AivenIntegration>([&](auto cb) {
            client->createIntegration(kProject, {QStringLiteral("demo-kafka"), {}},
                                      QStringLiteral("demo-clickhouse"), config, this, cb);
        });
        QVERIFY2(created, qPrintable(created.error.describe()));
        QVERIFY(!created.value->id.isEmpty());
        QCOMPARE(created.value->userConfig, config);

        auto fromEndpoint = await<AivenIntegration>([&](auto cb) {
            client->createIntegration(kProject, {{}, QStringLiteral("a1b2c3d4-0000-4000-8000-00000000e001")},
                                      QStringLiteral("demo-clickhouse"), Json::object(), this, cb);
        });
        QVERIFY2(fromEndpoint, qPrintable(fromEndpoint.error.describe()));
        QCOMPARE(fromEndpoint.value->source(), QStringLiteral("a1b2c3d4-0000-4000-8000-00000000e001"));

        auto deleted =
            await<bool>([&](auto cb) { client->deleteIntegration(kProject, created.value->id, this, cb); });
        QVERIFY(deleted);
        auto gone = await<AivenIntegration>(
            [&](auto cb) { client->getIntegration(kProject, created.value->id, this, cb); });
        QVERIFY(!gone);
        QCOMPARE(gone.error.httpStatus, 404);
        QCOMPARE(gone.error.errorCode, QStringLiteral("service_integration_not_found"));
    }

    void endpointsAndTypes() {
        auto client = makeClient();
        auto endpoints = await<std::vector<AivenIntegrationEndpoint>>(
            [&](auto cb) { client->listIntegrationEndpoints(kProject, this, cb); });
        QVERIFY(endpoints);
        QCOMPARE(endpoints.value->size(), std::size_t(1));
        QCOMPARE(endpoints.value->front().type, QStringLiteral("external_kafka"));
        QCOMPARE(endpoints.value->front().userConfig["sasl_plain_password"].get<std::string>(),
                 std::string("<redacted>"));
        auto one = await<AivenIntegrationEndpoint>([&](auto cb) {
            client->getIntegrationEndpoint(kProject, endpoints.value->front().id, true, this, cb);
        });
        QVERIFY(one);
        QCOMPARE(one.value->userConfig["sasl_plain_password"].get<std::string>(),
                 std::string("external-kafka-secret-55e1"));

        auto types = await<std::vector<AivenIntegrationType>>(
            [&](auto cb) { client->listIntegrationTypes(kProject, this, cb); });
        QVERIFY(types);
        QCOMPARE(types.value->front().type, QStringLiteral("clickhouse_kafka"));
        QVERIFY(types.value->front().userConfigSchema.contains("properties"));
    }

    void topicsAndNewestMessages() {
        auto client = makeClient();
        auto topics = await<std::vector<AivenTopicSummary>>(
            [&](auto cb) { client->listTopics(kProject, QStringLiteral("demo-kafka"), this, cb); });
        QVERIFY(topics);
        QCOMPARE(topics.value->size(), std::size_t(5));
        auto topic = await<AivenTopic>([&](auto cb) {
            client->getTopic(kProject, QStringLiteral("demo-kafka"), QStringLiteral("events"), this, cb);
        });
        QVERIFY(topic);
        QCOMPARE(topic.value->partitions.size(), std::size_t(3));
        QCOMPARE(topic.value->partitions[1].latestOffset, qint64(100));
        QCOMPARE(topic.value->partitions[1].consumerGroups.front().group,
                 QStringLiteral("clickhouse-events"));
        QCOMPARE(topic.value->partitions[1].consumerGroups.front().offset, qint64(98));

        auto newest = await<std::vector<AivenMessage>>([&](auto cb) {
            client->newestMessages(kProject, QStringLiteral("demo-kafka"), QStringLiteral("events"), 10,
                                   AivenMessageFormat::Binary, this, cb);
        });
        QVERIFY2(newest, qPrintable(newest.error.describe()));
        QCOMPARE(newest.value->size(), std::size_t(10));
        // Round robin over 3 partitions of 100: 4 + 3 + 3, the newest of each, ordered by timestamp.
        int perPartition[3] = {0, 0, 0};
        for (const auto& m : *newest.value) {
            ++perPartition[m.partition];
            QVERIFY(m.offset >= 96);
            QVERIFY(m.valueBytes);
            QVERIFY(Json::accept(m.valueBytes->toStdString()));
        }
        QCOMPARE(perPartition[0], 4);
        QCOMPARE(perPartition[1], 3);
        QCOMPARE(newest.value->back().timestamp, std::optional<qint64>(newest.value->back().timestamp));
        QVERIFY(*newest.value->front().timestamp < *newest.value->back().timestamp);
        QCOMPARE(Json::parse(newest.value->back().valueBytes->toStdString())["id"].get<int>(), 300);

        auto asJson = await<std::vector<AivenMessage>>([&](auto cb) {
            client->newestMessages(kProject, QStringLiteral("demo-kafka"), QStringLiteral("orders"), 3,
                                   AivenMessageFormat::JsonFormat, this, cb);
        });
        QVERIFY(asJson);
        QCOMPARE(asJson.value->size(), std::size_t(3));
        QVERIFY(asJson.value->front().value.is_object());
        QVERIFY(asJson.value->front().value.contains("order_id"));

        auto empty = await<std::vector<AivenMessage>>([&](auto cb) {
            client->newestMessages(kProject, QStringLiteral("demo-kafka"), QStringLiteral("empty-topic"), 5,
                                   AivenMessageFormat::Binary, this, cb);
        });
        QVERIFY(empty);
        QVERIFY(empty.value->empty());

        auto missing = await<std::vector<AivenMessage>>([&](auto cb) {
            client->newestMessages(kProject, QStringLiteral("demo-kafka"), QStringLiteral("nope"), 5,
                                   AivenMessageFormat::Binary, this, cb);
        });
        QVERIFY(!missing);
        QCOMPARE(missing.error.httpStatus, 404);
    }

    void produceThenRead() {
        auto client = makeClient();
        std::vector<AivenProduceRecord> records{{Json(), Json{{"id", 1}}, 0},
                                                {Json("k"), Json{{"id", 2}}, 1}};
        auto produced = await<std::vector<AivenProducedOffset>>([&](auto cb) {
            client->produceMessages(kProject, QStringLiteral("demo-kafka"), QStringLiteral("empty-topic"),
                                    AivenMessageFormat::JsonFormat, records, this, cb);
        });
        QVERIFY2(produced, qPrintable(produced.error.describe()));
        QCOMPARE(produced.value->size(), std::size_t(2));
        QCOMPARE(produced.value->at(1).partition, 1);
        QCOMPARE(produced.value->at(1).offset, qint64(0));
        auto read = await<std::vector<AivenMessage>>([&](auto cb) {
            client->readMessages(kProject, QStringLiteral("demo-kafka"), QStringLiteral("empty-topic"),
                                 {{0, 0}, {1, 0}}, AivenMessageFormat::JsonFormat, this, cb);
        });
        QVERIFY(read);
        QCOMPARE(read.value->size(), std::size_t(2));
        QCOMPARE(read.value->at(1).value["id"].get<int>(), 2);
    }

    void pathSegmentsArePercentEncoded() {
        auto client = makeClient();
        auto r = await<AivenService>(
            [&](auto cb) { client->getService(kProject, QStringLiteral("a/b c"), false, this, cb); });
        QVERIFY(!r);
        QCOMPARE(r.error.httpStatus, 404);
        QCOMPARE(r.error.message, QStringLiteral("Service a/b c does not exist"));
        QVERIFY(m_emulator->requests().back().path.endsWith(QStringLiteral("/service/a%2Fb%20c")));
    }

    void getRetriedOn5xxThenSucceeds_data() {
        QTest::addColumn<QString>("spec");
        QTest::newRow("503") << QStringLiteral("503;count=2");
        QTest::newRow("501") << QStringLiteral("status=501;count=2");
        QTest::newRow("500") << QStringLiteral("500;count=2");
        QTest::newRow("429") << QStringLiteral("429;count=2");
        QTest::newRow("drop") << QStringLiteral("drop;count=2");
        QTest::newRow("truncate") << QStringLiteral("truncate;count=2");
    }
    void getRetriedOn5xxThenSucceeds() {
        QFETCH(QString, spec);
        m_emulator->addFault(fault(spec));
        auto client = makeClient();
        auto r = await<AivenIntegration>(
            [&](auto cb) { client->getIntegration(kProject, kIntegration, this, cb); });
        QVERIFY2(r, qPrintable(r.error.describe()));
        QCOMPARE(m_emulator->countRequests("GET"), 3);
    }

    void getGivesUpWithinBounds() {
        m_emulator->addFault(fault(QStringLiteral("503")));
        auto client = makeClient();
        QElapsedTimer clock;
        clock.start();
        auto r = await<AivenIntegration>(
            [&](auto cb) { client->getIntegration(kProject, kIntegration, this, cb); });
        QVERIFY(!r);
        QCOMPARE(r.error.httpStatus, 503);
        QCOMPARE(r.error.attempts, 4);
        QVERIFY(r.error.retryable);
        QVERIFY2(r.error.message.contains(QStringLiteral("gave up after 4 attempts")),
                 qPrintable(r.error.message));
        QCOMPARE(m_emulator->countRequests("GET"), 4);
        QVERIFY(clock.elapsed() < 3000);
    }

    void retryBudgetStopsEarly() {
        m_emulator->addFault(fault(QStringLiteral("503")));
        AivenClient::Options options;
        options.baseUrl = m_emulator->url();
        options.token = kToken;
        options.retry.maxAttempts = 50;
        options.retry.initialDelay = 100ms;
        options.retry.maxDelay = 100ms;
        options.retry.budget = 450ms;
        AivenClient client(options);
        QElapsedTimer clock;
        clock.start();
        auto r = await<std::vector<AivenProject>>([&](auto cb) { client.listProjects(this, cb); });
        QVERIFY(!r);
        QVERIFY(r.error.attempts >= 3 && r.error.attempts <= 5);
        QVERIFY(clock.elapsed() < 2000);
    }

    void putNotRetriedOn503() {
        m_emulator->addFault(fault(QStringLiteral("503;method=PUT")));
        auto client = makeClient();
        const Json config = m_emulator->integration(kProject, kIntegration)->at("user_config");
        auto r = await<AivenIntegration>(
            [&](auto cb) { client->updateIntegration(kProject, kIntegration, config, this, cb); });
        QVERIFY(!r);
        QCOMPARE(r.error.httpStatus, 503);
        QCOMPARE(r.error.attempts, 1);
        QCOMPARE(m_emulator->countRequests("PUT"), 1);
        QVERIFY(!r.error.message.contains(QStringLiteral("gave up")));
    }

    void putRetriedOn429HonouringRetryAfter() {
        m_emulator->addFault(fault(QStringLiteral("429;retry-after=1;count=1;method=PUT")));
        auto client = makeClient();
        const Json config = m_emulator->integration(kProject, kIntegration)->at("user_config");
        QElapsedTimer clock;
        clock.start();
        auto r = await<AivenIntegration>(
            [&](auto cb) { client->updateIntegration(kProject, kIntegration, config, this, cb); });
        QVERIFY2(r, qPrintable(r.error.describe()));
        QCOMPARE(m_emulator->countRequests("PUT"), 2);
        QVERIFY2(clock.elapsed() >= 950,
                 qPrintable(QString::number(clock.elapsed()))); // not the 20 ms schedule
    }

    void retryHintFromMessage() {
        m_emulator->addFault(fault(QStringLiteral("429;message-hint=1;count=1")));
        auto client = makeClient();
        QElapsedTimer clock;
        clock.start();
        auto r = await<std::vector<AivenProject>>([&](auto cb) { client->listProjects(this, cb); });
        QVERIFY(r);
        QVERIFY(clock.elapsed() >= 950);
    }

    void truncatedBodyGivesClearError() {
        m_emulator->addFault(fault(QStringLiteral("truncate")));
        auto client = makeClient();
        auto r = await<AivenIntegration>(
            [&](auto cb) { client->getIntegration(kProject, kIntegration, this, cb); });
        QVERIFY(!r);
        QVERIFY2(r.error.message.contains(QStringLiteral("cut off")) ||
                     r.error.message.contains(QStringLiteral("closed")),
                 qPrintable(r.error.message));
        QCOMPARE(r.error.attempts, 4);
    }

    void droppedConnection() {
        m_emulator->addFault(fault(QStringLiteral("drop;method=PUT")));
        auto client = makeClient();
        auto r = await<AivenIntegration>(
            [&](auto cb) { client->updateIntegration(kProject, kIntegration, Json::object(), this, cb); });
        QVERIFY(!r);
        QCOMPARE(r.error.httpStatus, 0);
        QVERIFY2(r.error.message.contains(QStringLiteral("127.0.0.1")), qPrintable(r.error.message));
        QCOMPARE(r.error.attempts, 1);
    }

    void slowAnswerTimesOut() {
        m_emulator->addFault(fault(QStringLiteral("delay=3000")));
        auto client = makeClient(kToken, 300);
        QElapsedTimer clock;
        clock.start();
        auto r = await<std::vector<AivenProject>>([&](auto cb) { client->listProjects(this, cb); });
        QVERIFY(!r);
        QVERIFY2(r.error.message.contains(QStringLiteral("no answer")), qPrintable(r.error.message));
        QVERIFY(clock.elapsed() < 2500);
    }

    void cancelAllCallsBackAndDestructionIsSilent() {
        m_emulator->addFault(fault(QStringLiteral("delay=2000")));
        auto client = makeClient();
        std::optional<AivenResult<std::vector<AivenProject>>> result;
        client->listProjects(this, [&](auto r) { result = std::move(r); });
        QCOMPARE(client->pendingCount(), 1);
        client->cancelAll();
        QVERIFY(result);
        QVERIFY(result->error.cancelled);
        QCOMPARE(client->pendingCount(), 0);

        bool called = false;
        client->listProjects(this, [&](auto) { called = true; });
        client.reset();
        QTest::qWait(100);
        QVERIFY(!called);
    }

    // The context object owns the callback's lifetime: gone before the answer, the request is aborted (the
    // emulator's delayed answer finds the connection closed) and nothing is called.
    void contextDestroyedBeforeTheAnswerAbortsTheRequest() {
        m_emulator->addFault(fault(QStringLiteral("delay=1500")));
        auto client = makeClient();
        QSignalSpy pending(client.get(), &AivenClient::pendingCountChanged);
        auto context = std::make_unique<QObject>();
        int calls = 0;
        client->listProjects(context.get(), [&](auto) { ++calls; });
        QCOMPARE(client->pendingCount(), 1);
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->countRequests("GET") == 1; }, 3000));
        context.reset();
        QCOMPARE(client->pendingCount(), 0);
        QCOMPARE(pending.count(), 2);
        QCOMPARE(pending.last().at(0).toInt(), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->abandonedAnswers() == 1; }, 4000));
        QTest::qWait(100);
        QCOMPARE(calls, 0);

        // The client goes on serving other contexts.
        m_emulator->clearFaults();
        auto r = await<std::vector<AivenProject>>([&](auto cb) { client->listProjects(this, cb); });
        QVERIFY2(r, qPrintable(r.error.describe()));
    }

    // newestMessages() runs two requests; a context destroyed during the second stops it too.
    void contextDestroyedDuringTheSecondStepOfNewestMessages() {
        m_emulator->addFault(fault(QStringLiteral("delay=1500;method=POST")));
        auto client = makeClient();
        auto context = std::make_unique<QObject>();
        int calls = 0;
        client->newestMessages(kProject, QStringLiteral("demo-kafka"), QStringLiteral("events"), 10,
                               AivenMessageFormat::JsonFormat, context.get(), [&](auto) { ++calls; });
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->countRequests("POST") == 1; }, 3000));
        QCOMPARE(client->pendingCount(), 1);
        context.reset();
        QCOMPARE(client->pendingCount(), 0);
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->abandonedAnswers() == 1; }, 4000));
        QCOMPARE(calls, 0);
    }

    void contextAliveIsCalledOnce() {
        auto client = makeClient();
        QObject context;
        int calls = 0;
        AivenResult<AivenIntegration> got;
        client->getIntegration(kProject, kIntegration, &context, [&](AivenResult<AivenIntegration> r) {
            ++calls;
            got = std::move(r);
        });
        QVERIFY(QTest::qWaitFor([&] { return calls > 0; }, 5000));
        QTest::qWait(100);
        QCOMPARE(calls, 1);
        QVERIFY2(got, qPrintable(got.error.describe()));
        QCOMPARE(got.value->id, kIntegration);
        QCOMPARE(client->pendingCount(), 0);
    }

    void cancelByIdCallsBackOnceWithTheCancelledError() {
        m_emulator->addFault(fault(QStringLiteral("delay=1000")));
        auto client = makeClient();
        auto context = std::make_unique<QObject>();
        int calls = 0;
        AivenResult<AivenIntegration> got;
        int otherCalls = 0;
        const auto id = client->getIntegration(kProject, kIntegration, context.get(),
                                               [&](AivenResult<AivenIntegration> r) {
                                                   ++calls;
                                                   got = std::move(r);
                                               });
        client->listProjects(context.get(), [&](auto) { ++otherCalls; });
        client->cancel(id);
        QCOMPARE(calls, 1);
        QVERIFY(!got);
        QVERIFY(got.error.cancelled);
        QCOMPARE(got.error.message, QStringLiteral("cancelled"));
        QCOMPARE(client->pendingCount(), 1); // only the cancelled one ended
        context.reset();                     // neither the cancelled request nor the other calls back now
        QCOMPARE(client->pendingCount(), 0);
        QTest::qWait(1300);
        QCOMPARE(calls, 1);
        QCOMPARE(otherCalls, 0);
    }

    void destroyingTheClientWithRequestsPendingCallsNothing() {
        m_emulator->addFault(fault(QStringLiteral("delay=1000")));
        auto client = makeClient();
        auto context = std::make_unique<QObject>();
        int calls = 0;
        client->listProjects(context.get(), [&](auto) { ++calls; });
        client->getIntegration(kProject, kIntegration, context.get(), [&](auto) { ++calls; });
        client->newestMessages(kProject, QStringLiteral("demo-kafka"), QStringLiteral("events"), 10,
                               AivenMessageFormat::JsonFormat, context.get(), [&](auto) { ++calls; });
        QCOMPARE(client->pendingCount(), 3);
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->requests().size() == 3; }, 3000));
        client.reset();
        QVERIFY(QTest::qWaitFor([&] { return m_emulator->abandonedAnswers() == 3; }, 4000));
        context.reset(); // its destroyed() reaches no client any more
        QTest::qWait(100);
        QCOMPARE(calls, 0);
    }

    void errorBodiesParsedDefensively() {
        auto e = aivenErrorFromHttp(
            404,
            R"({"message": "Account does not exist", "errors": [{"error_code": "account_not_found", "message": "x", "status": 404}]})");
        QCOMPARE(e.message, QStringLiteral("Account does not exist"));
        QCOMPARE(e.errorCode, QStringLiteral("account_not_found"));
        e = aivenErrorFromHttp(500, R"({"message": "Something went wrong", "errors": "wow!"})");
        QCOMPARE(e.message, QStringLiteral("Something went wrong"));
        e = aivenErrorFromHttp(400, R"({"errors": ["first problem", "second"]})");
        QCOMPARE(e.message, QStringLiteral("first problem"));
        e = aivenErrorFromHttp(400, R"({"errors": "only a string"})");
        QCOMPARE(e.message, QStringLiteral("only a string"));
        e = aivenErrorFromHttp(502, "<html>secret-looking proxy page</html>");
        QVERIFY(e.message.contains(QStringLiteral("Bad Gateway")));
        QVERIFY(!e.message.contains(QStringLiteral("secret")));
        QVERIFY(e.retryable);
        e = aivenErrorFromHttp(403, "");
        QCOMPARE(e.message, QStringLiteral("Forbidden"));
        QVERIFY(!e.retryable);
    }

    void retryHints() {
        QCOMPARE(retryHint("3", {}), std::optional<std::chrono::milliseconds>(3000ms));
        QCOMPARE(retryHint({}, QStringLiteral("Rate limit 120 exceeded - try again in 28s")),
                 std::optional<std::chrono::milliseconds>(28000ms));
        QVERIFY(!retryHint({}, QStringLiteral("no hint here")));
        // Beyond qint64 milliseconds (found by fuzz_aiven_error): a day, which no retry budget waits for.
        QCOMPARE(retryHint("44444444444444444444444", {}), std::optional<std::chrono::milliseconds>(24h));
        QCOMPARE(retryHint({}, QStringLiteral("try again in 99999999999999999999999 seconds")),
                 std::optional<std::chrono::milliseconds>(24h));
        RetryPolicy policy;
        QCOMPARE(policy.delayFor(1, std::nullopt), 1000ms);
        QCOMPARE(policy.delayFor(3, std::nullopt), 4000ms);
        QCOMPARE(policy.delayFor(10, std::nullopt), 15000ms);
        QCOMPARE(policy.delayFor(2, 7000ms), 7000ms);
    }

    void startOffsetsRoundRobin() {
        std::vector<AivenPartition> partitions{{0, 0, 2, {}}, {1, 10, 110, {}}, {2, 0, 0, {}}};
        const auto starts = newestMessageStartOffsets(partitions, 10);
        QCOMPARE(starts.size(), std::size_t(2));
        QCOMPARE(starts[0], std::make_pair(0, qint64(0)));   // both of partition 0's messages
        QCOMPARE(starts[1], std::make_pair(1, qint64(102))); // the other 8 from partition 1
        QVERIFY(newestMessageStartOffsets(partitions, 0).empty());
    }
};

QTEST_GUILESS_MAIN(TestAivenClient)
#include "tst_aivenclient.moc"
