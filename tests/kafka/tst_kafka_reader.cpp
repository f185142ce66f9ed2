// KafkaReader against librdkafka's mock cluster: newest N across partitions, from an offset, from a time,
// empty and unknown topics, unreachable brokers, cancel, and the asynchronous wrapper.
#include "ClickHouseServer.h" // freeLoopbackPort()
#include "MockKafkaCluster.h"
#include "kafka/KafkaReader.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

constexpr qint64 kBaseTime = 1700000000000; // message i of "orders" has timestamp kBaseTime + i s
const QString kOrders = QStringLiteral("orders");

// Message i of "orders" went to partition i % 3, so it has offset i / 3 there.
QList<int> ids(const KafkaReadResult& result) {
    QList<int> out;
    for (const KafkaMessage& m : result.messages) {
        const int id = m.value ? m.value->mid(6).chopped(1).toInt() : -1; // {"id":N}
        out.append(id);
    }
    return out;
}

QList<int> range(int from, int to) {
    QList<int> out;
    for (int i = from; i <= to; ++i)
        out.append(i);
    return out;
}

} // namespace

class TestKafkaReader : public QObject {
    Q_OBJECT
    MockKafkaCluster cluster;
    KafkaConnection connection;

    KafkaReadResult read(KafkaReadRequest request) {
        std::atomic_bool cancelled{false};
        if (request.topic.isEmpty())
            request.topic = kOrders;
        return readKafkaTopic(connection, request, cancelled);
    }

private slots:
    void initTestCase() {
        QVERIFY2(cluster.isValid(), qPrintable(cluster.error()));
        connection.bootstrapServers = cluster.bootstrapServers();
        QString error;
        QVERIFY(cluster.createTopic(kOrders, 3, &error));
        QList<MockMessage> messages;
        for (int i = 0; i < 30; ++i)
            messages.append({i % 3, QByteArray("k") + QByteArray::number(i),
                             QByteArray("{\"id\":") + QByteArray::number(i) + "}", kBaseTime + i * 1000});
        QVERIFY2(cluster.produce(kOrders, messages, &error), qPrintable(error));
    }

    void newestAcrossPartitions() {
        KafkaReadRequest request;
        request.limit = 5;
        const auto result = read(request);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(ids(result), range(25, 29));
        const KafkaMessage& last = result.messages.last();
        QCOMPARE(last.partition, 29 % 3);
        QCOMPARE(last.offset, 29 / 3);
        QCOMPARE(last.timestampMs, kBaseTime + 29000);
        QCOMPARE(last.key.value_or(QByteArray()), QByteArray("k29"));
        QCOMPARE(last.size(), qint64(3 + 9));
    }

    void newestWhenFewerExist() {
        KafkaReadRequest request;
        request.limit = 1000;
        const auto result = read(request);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(ids(result), range(0, 29));
    }

    void newestOfOnePartition() {
        KafkaReadRequest request;
        request.limit = 2;
        request.partition = 1;
        const auto result = read(request);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(ids(result), (QList<int>{25, 28}));
        request.partition = 3;
        const auto missing = read(request);
        QCOMPARE(missing.error, KafkaError::Request);
        QVERIFY2(missing.errorText.contains(QLatin1String("partition 3")), qPrintable(missing.errorText));
    }

    void fromOffset() {
        KafkaReadRequest request;
        request.start = KafkaStart::Offset;
        request.startOffset = 8; // offsets 8 and 9 of each partition: messages 24..29
        request.limit = 100;
        auto result = read(request);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(ids(result), range(24, 29));
        request.limit = 4; // the oldest four of those
        result = read(request);
        QCOMPARE(ids(result), range(24, 27));
        request.startOffset = 10; // the end: nothing
        result = read(request);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QVERIFY(result.messages.isEmpty());
    }

    void fromTime() {
        KafkaReadRequest request;
        request.start = KafkaStart::Time;
        request.startTimeMs = kBaseTime + 20500;
        request.limit = 100;
        auto result = read(request);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(ids(result), range(21, 29));
        request.limit = 3;
        result = read(request);
        QCOMPARE(ids(result), range(21, 23));
        request.startTimeMs = kBaseTime + 29000; // exactly the last message's time
        result = read(request);
        QCOMPARE(ids(result), QList<int>{29});
        request.startTimeMs = kBaseTime + 30000; // after every message
        result = read(request);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QVERIFY(result.messages.isEmpty());
        request.startTimeMs = 0; // before every message
        result = read(request);
        QCOMPARE(ids(result), range(0, 2));
    }

    void emptyTopic() {
        QString error;
        QVERIFY(cluster.createTopic(QStringLiteral("quiet"), 2, &error));
        for (KafkaStart start : {KafkaStart::Newest, KafkaStart::Offset, KafkaStart::Time}) {
            KafkaReadRequest request;
            request.topic = QStringLiteral("quiet");
            request.start = start;
            QElapsedTimer timer;
            timer.start();
            const auto result = read(request);
            QVERIFY2(result.ok(), qPrintable(result.errorText));
            QVERIFY(result.messages.isEmpty());
            QVERIFY2(timer.elapsed() < 3000, "an empty topic is answered without waiting for messages");
        }
    }

    // More than the local queue holds at once (queued.max.messages.kbytes), so the read takes many servings
    // of the queue: every message once, each partition in offset order, and a limit per partition that
    // stops a partition in the middle of a serving.
    void largeReadTakesEveryMessageOnce() {
        QString error;
        const QString bulk = QStringLiteral("bulk");
        QVERIFY(cluster.createTopic(bulk, 2, &error));
        constexpr int kCount = 12000;
        QList<MockMessage> messages;
        for (int i = 0; i < kCount; ++i)
            messages.append({i % 2, std::nullopt,
                             QByteArray("{\"id\":") + QByteArray::number(i) + ",\"pad\":\"" +
                                 QByteArray(500, 'x') + "\"}",
                             kBaseTime + i});
        QVERIFY2(cluster.produce(bulk, messages, &error), qPrintable(error));
        KafkaReadRequest request;
        request.topic = bulk;
        request.start = KafkaStart::Offset;
        request.limit = kCount;
        const auto all = read(request);
        QVERIFY2(all.ok(), qPrintable(all.errorText));
        QCOMPARE(all.messages.size(), kCount);
        QList<qint64> next = {0, 0};
        for (const KafkaMessage& m : all.messages) {
            QCOMPARE(m.offset, next[m.partition]++);
            QCOMPARE(m.timestampMs, kBaseTime + m.offset * 2 + m.partition); // sorted by time: id order
        }
        request.startOffset = 100;
        request.limit = 3001; // 3001 from each partition, then the oldest 3001 of the 6002
        const auto some = read(request);
        QVERIFY2(some.ok(), qPrintable(some.errorText));
        QCOMPARE(some.messages.size(), 3001);
        QCOMPARE(some.messages.first().offset, 100);
        QCOMPARE(some.messages.last().timestampMs, kBaseTime + 200 + 3000);
    }

    void nullKeysTombstonesAndBinary() {
        QString error;
        QVERIFY(cluster.createTopic(QStringLiteral("odd"), 1, &error));
        const QByteArray binary("\x00\xff\x01", 3);
        QVERIFY(cluster.produce(QStringLiteral("odd"),
                                {{0, std::nullopt, binary, kBaseTime},
                                 {0, QByteArray("gone"), std::nullopt, kBaseTime + 1},
                                 {0, QByteArray(""), QByteArray(""), kBaseTime + 2}},
                                &error));
        KafkaReadRequest request;
        request.topic = QStringLiteral("odd");
        const auto result = read(request);
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(result.messages.size(), 3);
        QVERIFY(!result.messages[0].key);
        QCOMPARE(result.messages[0].value.value_or(QByteArray()), binary);
        QCOMPARE(result.messages[1].key.value_or(QByteArray()), QByteArray("gone"));
        QVERIFY(!result.messages[1].value);
        QVERIFY(result.messages[2].value.has_value());
        QVERIFY(result.messages[2].value->isEmpty());
    }

    void unknownTopicIsARemoteError() {
        KafkaReadRequest request;
        request.topic = QStringLiteral("no-such-topic");
        QElapsedTimer timer;
        timer.start();
        const auto result = read(request);
        QCOMPARE(result.error, KafkaError::Remote);
        QVERIFY2(result.errorText.contains(QLatin1String("'no-such-topic' does not exist")),
                 qPrintable(result.errorText));
        QVERIFY(timer.elapsed() < 5000);
        // Asking did not create it.
        QString error;
        QVERIFY(!cluster.offsets(QStringLiteral("no-such-topic"), &error));
    }

    void unreachableBrokerFailsFast() {
        KafkaConnection nowhere;
        nowhere.bootstrapServers = QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort());
        KafkaReadRequest request;
        request.topic = kOrders;
        std::atomic_bool cancelled{false};
        QElapsedTimer timer;
        timer.start();
        const auto result = readKafkaTopic(nowhere, request, cancelled);
        QCOMPARE(result.error, KafkaError::Remote);
        QVERIFY2(result.errorText.contains(nowhere.bootstrapServers), qPrintable(result.errorText));
        QVERIFY2(timer.elapsed() < 5000, "a refused connection must not wait for the whole timeout");
    }

    void badSettingsAreTheCallersError() {
        KafkaConnection bad = connection;
        bad.securityProtocol = QStringLiteral("carrier_pigeon");
        bad.saslPassword = QStringLiteral("hunter2-secret");
        KafkaReadRequest request;
        request.topic = kOrders;
        std::atomic_bool cancelled{false};
        const auto result = readKafkaTopic(bad, request, cancelled);
        QCOMPARE(result.error, KafkaError::Request);
        QVERIFY2(result.errorText.contains(QLatin1String("security.protocol")), qPrintable(result.errorText));
        QVERIFY(!result.errorText.contains(QLatin1String("hunter2")));
        request.limit = 0;
        QCOMPARE(readKafkaTopic(connection, request, cancelled).error, KafkaError::Request);
    }

    void asynchronousRead() {
        KafkaReader reader;
        QSignalSpy spy(&reader, &KafkaReader::finished);
        KafkaReadRequest request;
        request.topic = kOrders;
        request.limit = 2;
        QVERIFY(reader.start(connection, request));
        QVERIFY(reader.isRunning());
        QVERIFY(!reader.start(connection, request)); // one read at a time
        QVERIFY(spy.wait(10000));
        const auto result = spy.at(0).at(0).value<KafkaReadResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText));
        QCOMPARE(ids(result), (QList<int>{28, 29}));
        QVERIFY(!reader.isRunning());
    }

    void cancelStopsAWaitingRead() {
        // A broker that answers after 20 s: the read is stuck waiting for metadata until cancelled.
        MockKafkaCluster slow;
        QVERIFY(slow.isValid());
        QString error;
        QVERIFY(slow.createTopic(QStringLiteral("t"), 1, &error));
        QVERIFY(slow.setBrokerRtt(1, 20000));
        KafkaConnection slowConnection;
        slowConnection.bootstrapServers = slow.bootstrapServers();
        KafkaReader reader;
        QSignalSpy spy(&reader, &KafkaReader::finished);
        KafkaReadRequest request;
        request.topic = QStringLiteral("t");
        request.timeoutMs = 30000;
        QVERIFY(reader.start(slowConnection, request));
        QTest::qWait(300);
        QVERIFY(reader.isRunning());
        QElapsedTimer timer;
        timer.start();
        reader.cancel();
        QVERIFY(spy.wait(5000));
        QVERIFY2(timer.elapsed() < 2500, "cancel is noticed within one request slice");
        const auto result = spy.at(0).at(0).value<KafkaReadResult>();
        QVERIFY(result.cancelled);
        QVERIFY(!result.ok());
        QVERIFY(result.messages.isEmpty());
        slow.setBrokerRtt(1, 0);
    }

    void destroyingARunningReaderIsSafe() {
        MockKafkaCluster slow;
        QVERIFY(slow.setBrokerRtt(1, 20000));
        KafkaConnection slowConnection;
        slowConnection.bootstrapServers = slow.bootstrapServers();
        KafkaReadRequest request;
        request.topic = QStringLiteral("t");
        {
            KafkaReader reader;
            QVERIFY(reader.start(slowConnection, request));
            QTest::qWait(100);
        } // cancelled; the worker ends on its own
        QElapsedTimer timer;
        timer.start();
        QThreadPool::globalInstance()->waitForDone(5000);
        QVERIFY(timer.elapsed() < 3000);
        slow.setBrokerRtt(1, 0);
    }
};

QTEST_GUILESS_MAIN(TestKafkaReader)
#include "tst_kafka_reader.moc"
