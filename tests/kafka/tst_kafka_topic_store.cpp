// MockKafkaTopicStore: the emulator's topic store on mock clusters, one per service, readable by real
// clients.
#include "MockKafkaTopicStore.h"
#include "kafka/KafkaReader.h"

#include <QTest>

using namespace ckstudio;
using namespace ckstudio::test;

class TestKafkaTopicStore : public QObject {
    Q_OBJECT
    MockKafkaTopicStore store;
    const QString kafka = QStringLiteral("kafka-1");

private slots:
    void topicsPerService() {
        store.createTopic(kafka, QStringLiteral("orders"), 2);
        store.createTopic(kafka, QStringLiteral("orders"), 2); // again: no change, no error
        store.createTopic(QStringLiteral("kafka-2"), QStringLiteral("other"), 1);
        QCOMPARE(store.topics(kafka), std::vector<QString>{QStringLiteral("orders")});
        QVERIFY(store.hasTopic(kafka, QStringLiteral("orders")));
        QVERIFY(!store.hasTopic(kafka, QStringLiteral("other")));
        QVERIFY(!store.hasTopic(QStringLiteral("unknown-service"), QStringLiteral("orders")));
        QVERIFY(store.topics(QStringLiteral("unknown-service")).empty());
        QVERIFY(store.bootstrapServers(kafka) != store.bootstrapServers(QStringLiteral("kafka-2")));
    }

    void appendThenRead() {
        QCOMPARE(store.append(kafka, QStringLiteral("orders"), 1, QByteArray("k"), QByteArray("{\"a\":1}"),
                              1700000000000),
                 std::optional<qint64>(0));
        QCOMPARE(store.append(kafka, QStringLiteral("orders"), 1, std::nullopt, std::nullopt, 1700000000001),
                 std::optional<qint64>(1));
        QCOMPARE(
            store.append(kafka, QStringLiteral("orders"), 1, std::nullopt, QByteArray("xyz"), 1700000000002),
            std::optional<qint64>(2));
        QVERIFY(!store.append(kafka, QStringLiteral("orders"), 5, std::nullopt, QByteArray("x"), 0));
        QVERIFY(!store.append(kafka, QStringLiteral("missing"), 0, std::nullopt, QByteArray("x"), 0));

        const auto all = store.read(kafka, QStringLiteral("orders"), 1, 0, 100, 1 << 20);
        QCOMPARE(all.size(), std::size_t(3));
        QCOMPARE(all[0].key.value_or(QByteArray()), QByteArray("k"));
        QCOMPARE(all[0].timestampMs, 1700000000000);
        QVERIFY(!all[1].value);
        QCOMPARE(all[2].offset, 2);
        QCOMPARE(store.read(kafka, QStringLiteral("orders"), 1, 1, 1, 1 << 20).at(0).offset, 1);
        QCOMPARE(store.read(kafka, QStringLiteral("orders"), 1, 0, 100, 9).size(),
                 std::size_t(2)); // 8 + 0 bytes
        QVERIFY(store.read(kafka, QStringLiteral("orders"), 0, 0, 100, 1 << 20).empty());

        const auto partitions = store.partitions(kafka, QStringLiteral("orders"));
        QCOMPARE(partitions.size(), std::size_t(2));
        QCOMPARE(partitions[1].latestOffset, 3);
        QCOMPARE(partitions[0].latestOffset, 0);
    }

    void groupOffsets() {
        store.setConsumerGroupOffset(kafka, QStringLiteral("orders"), 1, QStringLiteral("ch"), 2);
        const auto partitions = store.partitions(kafka, QStringLiteral("orders"));
        QCOMPARE(partitions[1].consumerGroupOffsets.at(QStringLiteral("ch")), 2);
        QVERIFY(partitions[0].consumerGroupOffsets.empty());
    }

    void realClientsSeeTheSameMessages() {
        KafkaConnection connection;
        connection.bootstrapServers = store.bootstrapServers(kafka);
        KafkaReadRequest request;
        request.topic = QStringLiteral("orders");
        std::atomic_bool cancelled{false};
        const auto result = readKafkaTopic(connection, request, cancelled);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(result.messages.size(), 3);
        QCOMPARE(result.messages.last().value.value_or(QByteArray()), QByteArray("xyz"));
    }
};

QTEST_GUILESS_MAIN(TestKafkaTopicStore)
#include "tst_kafka_topic_store.moc"
