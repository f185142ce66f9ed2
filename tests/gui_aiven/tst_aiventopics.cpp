// The topic browser, the create-integration wizard and the live schema against the in-process API emulator
// (and librdkafka's mock cluster for direct reads): peek, pretty/raw, export, infer + apply + undo, consumer
// lag, create (and the API's 400), and validation switching to the API's schema.
#include "AivenEmulator.h"
#include "FaultSpec.h"
#include "MockKafkaCluster.h"
#include "aiven/AivenClient.h"
#include "aiven/ConsumerLagModel.h"
#include "aiven/CreateIntegrationWizard.h"
#include "aiven/InferredColumnsDialog.h"
#include "aiven/LiveSchema.h"
#include "aiven/TopicBrowser.h"
#include "aiven/TopicMessagesModel.h"
#include "aiven/TopicOverviewModels.h"
#include "domain/JsonText.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/ProblemsModel.h"
#include "schema/ConfigValidator.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace ckstudio;
using namespace ckstudio::emulator;

namespace {
const QString kToken = QStringLiteral("emulator-token-0123456789");
const QString kProject = QStringLiteral("demo-project");
const QString kKafka = QStringLiteral("demo-kafka");
const QString kIntegration = QStringLiteral("3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60");
constexpr int kWait = 10000;

Json readJsonBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    auto parsed = parseJsonText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    return parsed ? *parsed.value : Json();
}

Json seedJson() {
    return readJsonBytes(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json"));
}

std::vector<std::unique_ptr<QAbstractItemModelTester>> testModels(TopicBrowser& browser) {
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
             browser.topicsModel(), browser.partitionsModel(), browser.messagesModel(), browser.lagModel()})
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    return testers;
}
} // namespace

class TestAivenTopics : public QObject {
    Q_OBJECT

    std::unique_ptr<AivenEmulator> m_emulator;

    std::unique_ptr<AivenClient> makeClient() {
        AivenClient::Options options;
        options.baseUrl = m_emulator->url();
        options.token = kToken;
        options.timeoutMs = 5000;
        options.retry.maxAttempts = 1;
        return std::make_unique<AivenClient>(options);
    }

    void startEmulator(const Json& seed) {
        m_emulator = std::make_unique<AivenEmulator>();
        QString error;
        QVERIFY2(m_emulator->loadSeed(seed, &error), qPrintable(error));
        QVERIFY(m_emulator->start() != 0);
    }

    // The seed integration's config, as the editor would hold it after opening.
    void loadRemoteConfig(ConfigDocument& document) {
        const Json config = m_emulator->integration(kProject, kIntegration)->at("user_config");
        document.load(userConfigFromJson(config), {});
    }

    void openAndPeek(TopicBrowser& browser, const QString& topic, int limit) {
        QSignalSpy ready(&browser, &TopicBrowser::ready);
        browser.openService(kProject, kKafka);
        QTRY_VERIFY_WITH_TIMEOUT(browser.isReady(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(browser.topicsModel()->rowOf(topic) >= 0, kWait);
        browser.topicsView()->selectRow(browser.topicsModel()->rowOf(topic));
        QCOMPARE(browser.topicEdit()->text(), topic);
        browser.limitSpin()->setValue(limit);
        QSignalSpy finished(&browser, &TopicBrowser::peekFinished);
        QTest::mouseClick(browser.peekButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWait);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(browser.statusLabel()->text()));
    }

    // The stored message at (partition, offset) of a topic of demo-kafka.
    std::optional<StoredMessage> stored(const QString& topic, int partition, qint64 offset) {
        const auto read = m_emulator->topicStore().read(kKafka, topic, partition, offset, 1, 1 << 20);
        if (read.empty() || read.front().offset != offset)
            return std::nullopt;
        return read.front();
    }

private slots:
    void init() { startEmulator(seedJson()); }
    void cleanup() { m_emulator.reset(); }

    void browserListsTopicsPeeksNewestAndShowsMessages() {
        auto client = makeClient();
        ConfigDocument document;
        TopicBrowser browser(client.get(), &document);
        auto testers = testModels(browser);
        browser.show();
        openAndPeek(browser, QStringLiteral("events"), 7);

        // Topics of the service, and the selected topic's partitions with offsets as the API reports them.
        QCOMPARE(browser.topicsModel()->rowCount(),
                 static_cast<int>(m_emulator->topicStore().topics(kKafka).size()));
        const auto partitions = m_emulator->topicStore().partitions(kKafka, QStringLiteral("events"));
        QTRY_COMPARE_WITH_TIMEOUT(browser.partitionsModel()->rowCount(), static_cast<int>(partitions.size()),
                                  kWait);
        for (int row = 0; row < browser.partitionsModel()->rowCount(); ++row) {
            const auto& p = partitions[static_cast<std::size_t>(row)];
            auto* model = browser.partitionsModel();
            QCOMPARE(model->index(row, PartitionsModel::LatestColumn).data().toLongLong(), p.latestOffset);
            QCOMPARE(model->index(row, PartitionsModel::MessagesColumn).data().toLongLong(),
                     p.latestOffset - p.earliestOffset);
        }
        QCOMPARE(browser.partitionBox()->count(), 1 + static_cast<int>(partitions.size()));

        // The 7 newest of the topic, through REST; each row equals what the topic holds at its offset.
        QCOMPARE(browser.peekPath(), PeekPath::AivenRest);
        QVERIFY2(browser.statusLabel()->text().contains(QStringLiteral("REST")),
                 qPrintable(browser.statusLabel()->text()));
        auto* model = browser.messagesModel();
        QCOMPARE(model->rowCount(), 7);
        qint64 newestCut = std::numeric_limits<qint64>::max();
        for (const auto& p : partitions)
            newestCut = std::min(newestCut, p.latestOffset - 3); // 7 newest of 3 round-robin partitions
        for (int row = 0; row < model->rowCount(); ++row) {
            const int partition = model->index(row, TopicMessagesModel::PartitionColumn).data().toInt();
            const qint64 offset = model->index(row, TopicMessagesModel::OffsetColumn).data().toLongLong();
            QVERIFY(offset >= newestCut);
            const auto message = stored(QStringLiteral("events"), partition, offset);
            QVERIFY(message.has_value());
            QCOMPARE(model->index(row, TopicMessagesModel::KeyColumn).data().toString(),
                     QString::fromUtf8(*message->key)); // the keys are numbers: JSON as is
            QCOMPARE(model->index(row, TopicMessagesModel::SizeColumn).data().toLongLong(),
                     message->key->size() + message->value->size());
            QCOMPARE(model->message(row)->value, message->value);
        }

        // Pretty: the message indented with the value expanded; raw: the value's bytes exactly.
        browser.messagesView()->selectRow(2);
        const PeekedMessage* selected = model->message(2);
        QCOMPARE(browser.rawView()->toPlainText(), QString::fromUtf8(*selected->value));
        const QString pretty = browser.prettyView()->toPlainText();
        QVERIFY2(pretty.contains(QStringLiteral("\n  \"value\": {\n    \"id\": ")), qPrintable(pretty));
        QVERIFY(pretty.contains(QStringLiteral("\"offset\": %1").arg(selected->offset)));
        QVERIFY(pretty != browser.rawView()->toPlainText());
    }

    void peekOnePartitionFromAnOffset() {
        auto client = makeClient();
        ConfigDocument document;
        TopicBrowser browser(client.get(), &document);
        auto testers = testModels(browser);
        browser.openService(kProject, kKafka);
        QTRY_VERIFY_WITH_TIMEOUT(browser.isReady(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(browser.topicsModel()->rowOf(QStringLiteral("orders")) >= 0, kWait);
        browser.topicsView()->selectRow(browser.topicsModel()->rowOf(QStringLiteral("orders")));
        QTRY_COMPARE_WITH_TIMEOUT(browser.partitionBox()->count(), 3, kWait);
        browser.partitionBox()->setCurrentIndex(2); // partition 1
        browser.startBox()->setCurrentIndex(1);     // from offset
        QVERIFY(browser.offsetEdit()->isEnabled());
        browser.offsetEdit()->setText(QStringLiteral("10"));
        browser.limitSpin()->setValue(5);
        QSignalSpy finished(&browser, &TopicBrowser::peekFinished);
        browser.peek();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWait);
        auto* model = browser.messagesModel();
        QCOMPARE(model->rowCount(), 5);
        for (int row = 0; row < 5; ++row) {
            QCOMPARE(model->message(row)->partition, 1);
            QCOMPARE(model->message(row)->offset, 10 + row);
        }
    }

    void binaryAndNullValuesShowRaw() {
        auto client = makeClient();
        ConfigDocument document;
        TopicBrowser browser(client.get(), &document);
        openAndPeek(browser, QStringLiteral("mixed-payloads"), 10);
        auto* model = browser.messagesModel();
        QCOMPARE(model->rowCount(), 4);
        browser.messagesView()->selectRow(2);
        QCOMPARE(browser.rawView()->toPlainText(), QStringLiteral("base64:AAEC/w=="));
        QVERIFY(
            browser.prettyView()->toPlainText().contains(QStringLiteral("\"value_base64\": \"AAEC/w==\"")));
        browser.messagesView()->selectRow(3);
        QCOMPARE(browser.rawView()->toPlainText(), QStringLiteral("null"));
        QCOMPARE(model->index(3, TopicMessagesModel::ValueColumn).data().toString(), QStringLiteral("null"));
    }

    void exportWritesOneJsonLinePerShownMessage() {
        auto client = makeClient();
        ConfigDocument document;
        TopicBrowser browser(client.get(), &document);
        openAndPeek(browser, QStringLiteral("events"), 12);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        QCOMPARE(browser.exportMessages(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 13); // 12 lines and the empty rest after the last newline
        QVERIFY(lines.last().isEmpty());
        for (int i = 0; i < 12; ++i) {
            const PeekedMessage* m = browser.messagesModel()->message(i);
            auto line = parseJsonText(lines[i].toStdString());
            QVERIFY2(line.value.has_value(), lines[i].constData());
            QCOMPARE(line.value->at("partition").get<int>(), m->partition);
            QCOMPARE(line.value->at("offset").get<qint64>(), m->offset);
            QCOMPARE(line.value->at("timestamp").get<qint64>(), *m->timestampMs);
            QCOMPARE(QByteArray::fromStdString(line.value->at("key").dump()), *m->key); // numeric keys
            const auto stored = this->stored(QStringLiteral("events"), m->partition, m->offset);
            QVERIFY(line.value->at("value") == *parseJsonText(stored->value->toStdString()).value);
        }
    }

    void inferProposesColumnsAndApplyIsUndoable() {
        auto client = makeClient();
        ConfigDocument document;
        loadRemoteConfig(document);
        const auto before = document.table(0)->columns;
        const auto otherTable = document.table(1)->columns;
        TopicBrowser browser(client.get(), &document);
        browser.setCurrentTableProvider([] { return 0; });
        openAndPeek(browser, QStringLiteral("events"), 30);

        const InferenceResult result = browser.inferColumns();
        QStringList got;
        for (const auto& c : result.columns)
            got << QStringLiteral("%1 %2").arg(QString::fromStdString(c.name),
                                               QString::fromStdString(c.type));
        QCOMPARE(got, (QStringList{QStringLiteral("id Int64"), QStringLiteral("user_id String"),
                                   QStringLiteral("event_type String"), QStringLiteral("amount Float64"),
                                   QStringLiteral("ts DateTime64(3)")}));

        browser.showInferredColumns();
        QTRY_VERIFY(browser.inferDialog() && browser.inferDialog()->isVisible());
        QVERIFY(browser.inferDialog()->text()->toPlainText().contains(QStringLiteral("ts DateTime64(3)")));
        QVERIFY(browser.inferDialog()->applyButton()->isEnabled());
        QVERIFY(browser.inferDialog()->applyButton()->text().contains(QStringLiteral("events")));
        const int undoBefore = document.undoStack()->count();
        QTest::mouseClick(browser.inferDialog()->applyButton(), Qt::LeftButton);
        QCOMPARE(document.undoStack()->count(), undoBefore + 1);
        QCOMPARE(document.table(0)->columns.size(), result.columns.size());
        QCOMPARE(document.table(0)->columns[4].type, std::string("DateTime64(3)"));
        QVERIFY(document.table(1)->columns == otherTable);
        document.undoStack()->undo();
        QVERIFY(document.table(0)->columns == before);
        document.undoStack()->redo();
        QCOMPARE(document.table(0)->columns[0].type, std::string("Int64"));
    }

    void consumerLagOfEachTableGroup() {
        auto client = makeClient();
        ConfigDocument document;
        loadRemoteConfig(document);
        TopicBrowser browser(client.get(), &document);
        auto testers = testModels(browser);
        browser.openService(kProject, kKafka);
        auto* lag = browser.lagModel();
        QCOMPARE(lag->rowCount(), 2); // events <- events, orders_raw <- orders
        auto expected = [&](const QString& topic, const QString& group) {
            qint64 sum = 0;
            for (const auto& p : m_emulator->topicStore().partitions(kKafka, topic))
                sum += p.latestOffset - p.consumerGroupOffsets.at(group);
            return sum;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            lag->index(0, ConsumerLagModel::LagColumn).data(ConsumerLagModel::LagRole).isValid() &&
                lag->index(1, ConsumerLagModel::LagColumn).data(ConsumerLagModel::LagRole).isValid(),
            kWait);
        QCOMPARE(lag->index(0, ConsumerLagModel::GroupColumn).data().toString(),
                 QStringLiteral("clickhouse-events"));
        const qint64 eventsLag = expected(QStringLiteral("events"), QStringLiteral("clickhouse-events"));
        QVERIFY(eventsLag > 0);
        QCOMPARE(lag->index(0, ConsumerLagModel::LagColumn).data(ConsumerLagModel::LagRole).toLongLong(),
                 eventsLag);
        QCOMPARE(lag->index(1, ConsumerLagModel::LagColumn).data(ConsumerLagModel::LagRole).toLongLong(),
                 expected(QStringLiteral("orders"), QStringLiteral("clickhouse-orders")));

        // The consumer commits more: refresh shows the smaller lag.
        m_emulator->topicStore().setConsumerGroupOffset(
            kKafka, QStringLiteral("events"), 0, QStringLiteral("clickhouse-events"),
            m_emulator->topicStore().partitions(kKafka, QStringLiteral("events"))[0].latestOffset);
        browser.refreshLag();
        QTRY_COMPARE_WITH_TIMEOUT(
            lag->index(0, ConsumerLagModel::LagColumn).data(ConsumerLagModel::LagRole).toLongLong(),
            expected(QStringLiteral("events"), QStringLiteral("clickhouse-events")), kWait);

        // A group that never committed, and a topic the service does not have.
        document.setGroupName(1, "never-ran");
        Topic missing;
        missing.name = "no-such-topic";
        document.addTopic(1, 1, missing);
        QCOMPARE(lag->rowCount(), 3);
        browser.refreshLag();
        QTRY_COMPARE_WITH_TIMEOUT(lag->index(1, ConsumerLagModel::LagColumn).data().toString(),
                                  QStringLiteral("no offsets committed"), kWait);
        QVERIFY(lag->index(2, ConsumerLagModel::LagColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("not a topic")));
    }

    void consumerLagCountsUncommittedPartitionsWhole() {
        AivenTopic topic;
        topic.partitions = {{0, 0, 100, {{QStringLiteral("g"), 90}}},
                            {1, 20, 50, {}},
                            {2, 40, 60, {{QStringLiteral("g"), 10}}}};
        const auto lag = consumerLag(topic, QStringLiteral("g"));
        QVERIFY(lag.has_value());
        QCOMPARE(lag->lag, 10 + 30 + 20); // partition 2's commit is below retention: only what is left counts
        QCOMPARE(lag->committed, 2);
        QVERIFY(!consumerLag(topic, QStringLiteral("other")).has_value());
    }

    void directReadWhenTheServiceHasNoRestProxy() {
        test::MockKafkaCluster cluster;
        QVERIFY2(cluster.isValid(), qPrintable(cluster.error()));
        QVERIFY(cluster.createTopic(QStringLiteral("clicks"), 2));
        QList<test::MockMessage> produced;
        for (int i = 0; i < 6; ++i)
            produced.push_back({i % 2, QByteArray("k") + QByteArray::number(i),
                                QByteArray(R"({"n":)") + QByteArray::number(i) + "}", 1700000000000 + i});
        QVERIFY(cluster.produce(QStringLiteral("clicks"), produced));

        // demo-kafka with kafka_rest off, its kafka component at the mock cluster (plaintext).
        Json seed = seedJson();
        for (auto& service : seed["projects"][0]["services"])
            if (service["service_name"] == "demo-kafka") {
                service["user_config"]["kafka_rest"] = false;
                const QString bootstrap = cluster.bootstrapServers().section(QLatin1Char(','), 0, 0);
                for (auto& c : service["components"])
                    if (c["component"] == "kafka") {
                        c["host"] = bootstrap.section(QLatin1Char(':'), 0, 0).toStdString();
                        c["port"] = bootstrap.section(QLatin1Char(':'), 1).toInt();
                        c["ssl"] = false;
                    }
            }
        startEmulator(seed);
        auto client = makeClient();
        ConfigDocument document;
        TopicBrowser browser(client.get(), &document);
        auto testers = testModels(browser);
        browser.openService(kProject, kKafka);
        QTRY_VERIFY_WITH_TIMEOUT(browser.isReady(), kWait);
        QCOMPARE(browser.peekPath(), PeekPath::DirectKafka);
        QVERIFY(browser.sourceLabel()->text().contains(QStringLiteral("REST proxy off")));
        browser.topicEdit()->setText(QStringLiteral("clicks"));
        browser.limitSpin()->setValue(4);
        QSignalSpy finished(&browser, &TopicBrowser::peekFinished);
        browser.peek();
        QVERIFY(browser.isPeeking()); // the GUI thread is free while librdkafka reads
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(browser.statusLabel()->text()));
        QVERIFY(browser.statusLabel()->text().contains(QStringLiteral("directly from Kafka")));
        QCOMPARE(m_emulator->countRequests("POST", QStringLiteral("/kafka/rest/")), 0);
        auto* model = browser.messagesModel();
        QCOMPARE(model->rowCount(), 4);
        for (int row = 0; row < 4; ++row) {
            const int i = row + 2; // the 4 newest by timestamp
            QCOMPARE(model->message(row)->value, std::optional<QByteArray>(produced[i].value));
            QCOMPARE(model->message(row)->key, std::optional<QByteArray>(produced[i].key));
            QCOMPARE(*model->message(row)->timestampMs, produced[i].timestampMs);
        }
    }

    void directReadFromAnExternalEndpoint() {
        test::MockKafkaCluster cluster;
        QVERIFY2(cluster.isValid(), qPrintable(cluster.error()));
        QVERIFY(cluster.createTopic(QStringLiteral("ext"), 1));
        QVERIFY(cluster.produce(QStringLiteral("ext"), {{0, QByteArray("a"), QByteArray(R"({"x":1})"), 0},
                                                        {0, std::nullopt, QByteArray("text"), 0}}));
        Json seed = seedJson();
        auto& endpoint = seed["projects"][0]["integration_endpoints"][0];
        endpoint["user_config"] = Json{{"bootstrap_servers", cluster.bootstrapServers().toStdString()},
                                       {"security_protocol", "PLAINTEXT"}};
        startEmulator(seed);
        auto client = makeClient();
        ConfigDocument document;
        TopicBrowser browser(client.get(), &document);
        browser.openEndpoint(kProject, QString::fromStdString(endpoint["endpoint_id"].get<std::string>()));
        QTRY_VERIFY_WITH_TIMEOUT(browser.isReady(), kWait);
        QCOMPARE(browser.peekPath(), PeekPath::DirectKafka);
        QVERIFY(browser.sourceLabel()->text().contains(QStringLiteral("onprem-kafka")));
        QCOMPARE(browser.topicsModel()->rowCount(), 0); // the API does not list an external cluster's topics
        browser.topicEdit()->setText(QStringLiteral("ext"));
        QSignalSpy finished(&browser, &TopicBrowser::peekFinished);
        browser.peek();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(browser.statusLabel()->text()));
        QCOMPARE(browser.messagesModel()->rowCount(), 2);
        QCOMPARE(browser.messagesModel()->message(0)->value,
                 std::optional<QByteArray>(QByteArray(R"({"x":1})")));
        QVERIFY(!browser.messagesModel()->message(1)->key.has_value());
        browser.messagesView()->selectRow(1);
        QCOMPARE(browser.rawView()->toPlainText(), QStringLiteral("text"));
    }

    void projectCaFromTheApi() {
        // The emulator has no kms/ca: a one-shot HTTP answer stands in for the API.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray requestLine;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                const QByteArray head = socket->readAll();
                requestLine = head.left(head.indexOf("\r\n"));
                const QByteArray body =
                    R"({"certificate":"-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n"})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
        });
        AivenClient::Options options;
        options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
        options.token = kToken;
        options.retry.maxAttempts = 1;
        AivenClient client(options);
        std::optional<AivenResult<QString>> got;
        client.getProjectCa(QStringLiteral("my project"), &client, [&](AivenResult<QString> r) { got = r; });
        QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), kWait);
        QVERIFY2(got->ok(), qPrintable(got->error.describe()));
        QCOMPARE(requestLine, QByteArray("GET /v1/project/my%20project/kms/ca HTTP/1.1"));
        QVERIFY(got->value->startsWith(QStringLiteral("-----BEGIN CERTIFICATE-----\n")));
    }

    void browserSaysWhyASourceCannotBeOpened() {
        auto client = makeClient();
        ConfigDocument document;
        TopicBrowser browser(client.get(), &document);
        QSignalSpy failed(&browser, &TopicBrowser::failed);
        browser.openService(kProject, QStringLiteral("nope"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("Service nope does not exist (HTTP 404)"));
        QCOMPARE(browser.sourceLabel()->text(),
                 QStringLiteral("Kafka service nope: Service nope does not exist (HTTP 404)"));
        QVERIFY(!browser.isReady());
        QVERIFY(!browser.peekButton()->isEnabled());
    }

    void cancelStopsARunningPeek() {
        auto client = makeClient();
        ConfigDocument document;
        TopicBrowser browser(client.get(), &document);
        browser.openService(kProject, kKafka);
        QTRY_VERIFY_WITH_TIMEOUT(browser.isReady(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(client->pendingCount(), 0, kWait); // the topic list has arrived
        m_emulator->addFault(*parseFaultSpec(QStringLiteral("delay=3000"), nullptr));
        browser.topicEdit()->setText(QStringLiteral("events"));
        QSignalSpy finished(&browser, &TopicBrowser::peekFinished);
        browser.peek();
        QVERIFY(browser.cancelButton()->isEnabled());
        QTest::mouseClick(browser.cancelButton(), Qt::LeftButton);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(!browser.isPeeking());
        QCOMPARE(browser.statusLabel()->text(), QStringLiteral("Peek cancelled."));
        QCOMPARE(client->pendingCount(), 0);
    }

    void wizardCreatesAnIntegrationFromTheDocument() {
        auto client = makeClient();
        ConfigDocument document;
        loadRemoteConfig(document);
        document.setTableName(0, "events_copy");
        CreateIntegrationWizard wizard(client.get(), &document, kProject);
        QSignalSpy created(&wizard, &CreateIntegrationWizard::created);
        AivenIntegration integration;
        connect(&wizard, &CreateIntegrationWizard::created, this,
                [&](const QString&, const AivenIntegration& i) { integration = i; });
        wizard.show();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isLoading() && wizard.clickhouseBox()->count() > 0, kWait);
        QCOMPARE(wizard.projectBox()->currentText(), kProject);
        QCOMPARE(wizard.clickhouseBox()->currentText(), QStringLiteral("demo-clickhouse"));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateIntegrationWizard::SourcePage));
        QCOMPARE(wizard.kafkaServiceBox()->currentText(), kKafka);
        QCOMPARE(wizard.endpointBox()->count(), 1); // the seed's external_kafka endpoint
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateIntegrationWizard::TablesPage));
        QVERIFY(wizard.documentOption()->isChecked());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateIntegrationWizard::ConfirmPage));
        QVERIFY(wizard.summary()->toPlainText().contains(QStringLiteral("events_copy")));
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(wizard.isCreating());
        QVERIFY(wizard.progress()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, kWait);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        const auto remote = m_emulator->integration(kProject, integration.id);
        QVERIFY(remote.has_value());
        QCOMPARE(QString::fromStdString(remote->at("source_service").get<std::string>()), kKafka);
        QCOMPARE(QString::fromStdString(remote->at("dest_service").get<std::string>()),
                 QStringLiteral("demo-clickhouse"));
        QVERIFY(remote->at("user_config") == toJson(document.config()));

        // The API now lists it among the ClickHouse service's integrations.
        bool listed = false;
        client->listServiceIntegrations(
            kProject, QStringLiteral("demo-clickhouse"), client.get(),
            [&](AivenResult<std::vector<AivenIntegration>> r) {
                QVERIFY(r.ok());
                for (const auto& i : clickhouseKafkaIntegrations(*r.value, QStringLiteral("demo-clickhouse")))
                    listed = listed || i.id == integration.id;
            });
        QTRY_VERIFY_WITH_TIMEOUT(listed, kWait);
    }

    void wizardShowsTheApisMessageForAnInvalidConfig() {
        auto client = makeClient();
        ConfigDocument document;
        loadRemoteConfig(document);
        document.setTableName(0, std::string(60, 'x')); // the schema allows 40 characters
        CreateIntegrationWizard wizard(client.get(), &document, kProject);
        QSignalSpy created(&wizard, &CreateIntegrationWizard::created);
        wizard.show();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isLoading() && wizard.clickhouseBox()->count() > 0, kWait);
        wizard.next();
        wizard.endpointOption()->setChecked(true); // from the external endpoint this time
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CreateIntegrationWizard::ConfirmPage));
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isCreating(), kWait);
        const QString error = wizard.errorLabel()->text();
        QVERIFY2(error.contains(QStringLiteral("400")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("tables[0].name")) || error.contains(QStringLiteral("name")),
                 qPrintable(error));
        QCOMPARE(created.count(), 0);
        QVERIFY(wizard.isVisible());
        QCOMPARE(wizard.currentId(), int(CreateIntegrationWizard::ConfirmPage));
        const auto& log = m_emulator->requests();
        const auto post =
            std::find_if(log.begin(), log.end(), [](const auto& r) { return r.method == "POST"; });
        QVERIFY(post != log.end());
        auto body = parseJsonText(post->body.toStdString());
        QCOMPARE(QString::fromStdString(body.value->at("source_endpoint_id").get<std::string>()),
                 QStringLiteral("a1b2c3d4-0000-4000-8000-00000000e001"));
    }

    void wizardInfersOneTableFromATopic() {
        auto client = makeClient();
        ConfigDocument document;
        CreateIntegrationWizard wizard(client.get(), &document, kProject);
        wizard.show();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isLoading() && wizard.clickhouseBox()->count() > 0, kWait);
        QVERIFY(wizard.emptyOption()->isChecked()); // the document has no table
        wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard.topicBox()->findText(QStringLiteral("sensor-readings")) >= 0, kWait);
        wizard.next();
        wizard.topicBox()->setCurrentIndex(wizard.topicBox()->findText(QStringLiteral("sensor-readings")));
        wizard.inferOption()->setChecked(true);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled()); // nothing inferred yet
        QTest::mouseClick(wizard.inferButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), kWait);
        const UserConfig config = wizard.userConfig();
        QCOMPARE(config.tables.size(), std::size_t(1));
        QCOMPARE(config.tables[0].name, std::string("sensor_readings"));
        QCOMPARE(config.tables[0].topics[0].name, std::string("sensor-readings"));
        QCOMPARE(config.tables[0].groupName, std::string("clickhouse-sensor-readings"));
        QCOMPARE(config.tables[0].columns[0].name, std::string("sensor_id"));
        QCOMPARE(config.tables[0].columns[0].type, std::string("Int64"));
        QVERIFY(wizard.inferLabel()->text().contains(QStringLiteral("sensor_readings")));
        // The inferred table is valid for the bundled schema.
        QVERIFY(ConfigValidator().validate(config).empty());
    }

    // A service with Kafka REST off: the wizard reads its topic directly, as the topic browser does (it used
    // to peek through REST and fail with "Kafka REST is not enabled").
    void wizardInfersFromAServiceWithoutKafkaRest() {
        test::MockKafkaCluster cluster;
        QVERIFY2(cluster.isValid(), qPrintable(cluster.error()));
        QVERIFY(cluster.createTopic(QStringLiteral("sensor-readings"), 1));
        QVERIFY(cluster.produce(QStringLiteral("sensor-readings"),
                                {{0, std::nullopt, QByteArray(R"({"sensor_id":7,"celsius":21.5})"), 0},
                                 {0, std::nullopt, QByteArray(R"({"sensor_id":8,"celsius":19.0})"), 0}}));
        Json seed = seedJson();
        for (auto& service : seed["projects"][0]["services"])
            if (service["service_name"] == "demo-kafka") {
                service["user_config"]["kafka_rest"] = false;
                const QString bootstrap = cluster.bootstrapServers().section(QLatin1Char(','), 0, 0);
                for (auto& c : service["components"])
                    if (c["component"] == "kafka") {
                        c["host"] = bootstrap.section(QLatin1Char(':'), 0, 0).toStdString();
                        c["port"] = bootstrap.section(QLatin1Char(':'), 1).toInt();
                        c["ssl"] = false;
                    }
            }
        startEmulator(seed);
        auto client = makeClient();
        ConfigDocument document;
        CreateIntegrationWizard wizard(client.get(), &document, kProject);
        wizard.show();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isLoading() && wizard.clickhouseBox()->count() > 0, kWait);
        wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard.topicBox()->findText(QStringLiteral("sensor-readings")) >= 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(client->pendingCount(), 0, kWait); // the source is resolved
        wizard.next();
        wizard.topicBox()->setCurrentIndex(wizard.topicBox()->findText(QStringLiteral("sensor-readings")));
        QTest::mouseClick(wizard.inferButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 20000);
        const UserConfig config = wizard.userConfig();
        QCOMPARE(config.tables.size(), std::size_t(1));
        QCOMPARE(config.tables[0].columns.size(), std::size_t(2));
        QCOMPARE(config.tables[0].columns[0].name, std::string("sensor_id"));
        QCOMPARE(config.tables[0].columns[1].name, std::string("celsius"));
        QCOMPARE(m_emulator->countRequests("POST", QStringLiteral("/kafka/rest/")), 0);
    }

    void liveSchemaReplacesTheBundledOne() {
        // The API's schema is stricter than the bundled one: table names of at most 6 characters.
        Json schema = readJsonBytes(QStringLiteral(":/schema/clickhouse_kafka.user_config.schema.json"));
        QVERIFY(schema.is_object());
        schema["properties"]["tables"]["items"]["properties"]["name"]["maxLength"] = 6;
        m_emulator->setUserConfigSchema(schema);

        auto client = makeClient();
        ConfigDocument document;
        loadRemoteConfig(document); // tables "events" and "orders_raw"
        ProblemsModel problems(&document);
        QAbstractItemModelTester tester(&problems, QAbstractItemModelTester::FailureReportingMode::QtTest);
        document.validateNow();
        QVERIFY(document.problemsAt("tables[1].name").empty());
        const int before = problems.rowCount();

        LiveSchemaLoader loader(client.get());
        QSignalSpy validatorChanged(&document, &ConfigDocument::validatorChanged);
        connect(&loader, &LiveSchemaLoader::loaded, &document,
                [&](std::shared_ptr<const ConfigValidator> v, const QString&) {
                    document.setValidator(std::move(v));
                });
        QSignalSpy failed(&loader, &LiveSchemaLoader::failed);
        loader.load(kProject);
        QTRY_COMPARE_WITH_TIMEOUT(validatorChanged.count(), 1, kWait);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(document.problemsAt("tables[1].name").size(), std::size_t(1));
        QVERIFY(document.problemsAt("tables[0].name").empty()); // "events" fits
        QCOMPARE(problems.rowCount(), before + 1);

        // Back to the bundled schema: the problem goes away.
        document.setValidator({});
        QVERIFY(document.problemsAt("tables[1].name").empty());
        QCOMPARE(problems.rowCount(), before);

        // An API without a usable schema: failed(), nothing swapped.
        m_emulator->setUserConfigSchema(Json());
        loader.load(kProject);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(validatorChanged.count(), 2);
    }
};

QTEST_MAIN(TestAivenTopics)
#include "tst_aiventopics.moc"
