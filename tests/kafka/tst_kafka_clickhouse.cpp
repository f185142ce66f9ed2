// The whole pipeline on one machine: librdkafka's mock cluster -> a real clickhouse-server 18.16 Kafka table
// -> materialized view -> MergeTree. Every produced message lands exactly once with its values, and reading
// the topic with KafkaReader leaves the table's consumer group where it was.
#include "ClickHouseServer.h"
#include "MockKafkaCluster.h"
#include "kafka/KafkaReader.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QTest>
#include <QThread>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

const QString kTopic = QStringLiteral("page-views");
const QString kGroup = QStringLiteral("clickhouse-page-views");
constexpr int kWaitMs = 40000; // the Kafka engine flushes every 7.5 s (stream_flush_interval_ms) on 18.16

QByteArray message(int id) {
    return QStringLiteral("{\"id\":%1,\"url\":\"/page/%1\",\"ms\":%2}").arg(id).arg(id * 10).toUtf8();
}

// What the destination must hold after ids 1..last were produced, as TabSeparated.
QByteArray expectedRows(int last) {
    QByteArray rows;
    for (int id = 1; id <= last; ++id)
        rows += QStringLiteral("%1\t/page/%1\t%2\n").arg(id).arg(id * 10).toUtf8();
    return rows;
}

} // namespace

class TestKafkaClickHouse : public QObject {
    Q_OBJECT
    ClickHouseServer server;
    MockKafkaCluster cluster;
    const qint64 m_baseTime = QDateTime::currentMSecsSinceEpoch();

    bool produce(int from, int to) {
        QList<MockMessage> messages;
        for (int id = from; id <= to; ++id)
            messages.append({id % 2, QByteArray::number(id), message(id),
                             m_baseTime + id}); // distinct times: a stable order
        QString error;
        const bool ok = cluster.produce(kTopic, messages, &error);
        if (!ok)
            qWarning("produce failed: %s", qPrintable(error));
        return ok;
    }

    // Waits until the destination has `rows` rows (or the deadline passes); returns the count seen last.
    int waitForRows(int rows) {
        QDeadlineTimer deadline(kWaitMs);
        int count = -1;
        while (!deadline.hasExpired()) {
            count = server.queryOk(QStringLiteral("SELECT count() FROM kdb.page_views")).trimmed().toInt();
            if (count >= rows)
                break;
            QThread::msleep(250);
        }
        return count;
    }

    QMap<int, qint64> latestOffsets() {
        QMap<int, qint64> latest;
        if (const auto offsets = cluster.offsets(kTopic))
            for (const PartitionOffsets& p : *offsets)
                latest.insert(p.partition, p.latest);
        return latest;
    }

    // The group commits after each block it wrote; waits until it committed everything produced.
    QMap<int, qint64> waitForCommitted(const QMap<int, qint64>& target) {
        QDeadlineTimer deadline(kWaitMs);
        QMap<int, qint64> committed;
        while (!deadline.hasExpired()) {
            committed = cluster.committedOffsets(kGroup, kTopic).value_or(QMap<int, qint64>());
            if (committed == target)
                break;
            QThread::msleep(250);
        }
        return committed;
    }

private slots:
    void initTestCase() {
        QVERIFY2(cluster.isValid(), qPrintable(cluster.error()));
        QVERIFY2(server.start(), qPrintable(server.error()));
        QString error;
        QVERIFY(cluster.createTopic(kTopic, 2, &error));
        // 18.16's consumers reset to "latest": start the group at 0 so nothing produced before it joins is
        // skipped.
        QVERIFY2(cluster.seedCommittedOffsets(kGroup, kTopic, {{0, 0}, {1, 0}}, &error), qPrintable(error));
        for (const QString& sql : {
                 QStringLiteral("CREATE DATABASE kdb"),
                 QStringLiteral(
                     "CREATE TABLE kdb.page_views_queue (id UInt64, url String, ms UInt32) ENGINE = Kafka "
                     "SETTINGS kafka_broker_list = '%1', kafka_topic_list = '%2', kafka_group_name = '%3', "
                     "kafka_format = 'JSONEachRow'")
                     .arg(cluster.bootstrapServers(), kTopic, kGroup),
                 QStringLiteral(
                     "CREATE TABLE kdb.page_views (id UInt64, url String, ms UInt32) ENGINE = MergeTree "
                     "ORDER BY id"),
                 QStringLiteral("CREATE MATERIALIZED VIEW kdb.page_views_mv TO kdb.page_views AS "
                                "SELECT id, url, ms FROM kdb.page_views_queue"),
             }) {
            const auto r = server.query(sql);
            QVERIFY2(r.ok(), qPrintable(sql + QStringLiteral("\n") + QString::fromUtf8(r.body)));
        }
    }

    void everyMessageLandsWithItsValues() {
        QVERIFY(produce(1, 20));
        const int rows = waitForRows(20);
        QVERIFY2(rows == 20, qPrintable(QStringLiteral("%1 rows of 20\n").arg(rows) + server.logTail()));
        QCOMPARE(server.queryOk(QStringLiteral(
                     "SELECT id, url, ms FROM kdb.page_views ORDER BY id FORMAT TabSeparated")),
                 expectedRows(20));
        const auto latest = latestOffsets();
        QCOMPARE(latest, (QMap<int, qint64>{{0, 10}, {1, 10}}));
        QCOMPARE(waitForCommitted(latest), latest);
    }

    void peekingLeavesTheGroupAlone() {
        const auto before = cluster.committedOffsets(kGroup, kTopic);
        QVERIFY(before);
        KafkaConnection connection;
        connection.bootstrapServers = cluster.bootstrapServers();
        std::atomic_bool cancelled{false};

        KafkaReadRequest newest;
        newest.topic = kTopic;
        newest.limit = 3;
        const auto peeked = readKafkaTopic(connection, newest, cancelled);
        QVERIFY2(peeked.ok(), qPrintable(peeked.errorText));
        QCOMPARE(peeked.messages.size(), 3);
        QSet<QByteArray> values;
        for (const KafkaMessage& m : peeked.messages)
            values.insert(m.value.value_or(QByteArray()));
        QCOMPARE(values, (QSet<QByteArray>{message(18), message(19), message(20)}));

        KafkaReadRequest everything;
        everything.topic = kTopic;
        everything.start = KafkaStart::Offset;
        everything.limit = 1000;
        const auto all = readKafkaTopic(connection, everything, cancelled);
        QVERIFY2(all.ok(), qPrintable(all.errorText));
        QCOMPARE(all.messages.size(), 20);

        QCOMPARE(cluster.committedOffsets(kGroup, kTopic), before);

        // The group still gets every later message, once.
        QVERIFY(produce(21, 30));
        const int rows = waitForRows(30);
        QVERIFY2(rows == 30, qPrintable(QStringLiteral("%1 rows of 30\n").arg(rows) + server.logTail()));
        QCOMPARE(server.queryOk(QStringLiteral(
                     "SELECT id, url, ms FROM kdb.page_views ORDER BY id FORMAT TabSeparated")),
                 expectedRows(30));
        const auto latest = latestOffsets();
        QCOMPARE(latest, (QMap<int, qint64>{{0, 15}, {1, 15}}));
        QCOMPARE(waitForCommitted(latest), latest);
    }

    void cleanupTestCase() {
        // Stop the consumer before the cluster goes away, so the server does not log reconnect attempts.
        server.query(QStringLiteral("DROP TABLE IF EXISTS kdb.page_views_mv"));
        server.query(QStringLiteral("DROP TABLE IF EXISTS kdb.page_views_queue"));
        server.stop();
    }
};

QTEST_GUILESS_MAIN(TestKafkaClickHouse)
#include "tst_kafka_clickhouse.moc"
