// MockKafkaCluster: topics, produce, watermarks and committed offsets, checked against kcat (a separate
// librdkafka client talking to the mock over loopback sockets).
#include "MockKafkaCluster.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace ckstudio::test;

namespace {

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ProcessResult runKcat(const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(QStringLiteral("kcat"), args);
    ProcessResult r;
    if (!p.waitForStarted(5000)) {
        r.err = "kcat did not start";
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(2000);
        r.err = "kcat timed out: " + p.readAllStandardError();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QList<QByteArray> sortedLines(const QByteArray& text) {
    QList<QByteArray> lines = text.split('\n');
    lines.removeAll(QByteArray());
    std::sort(lines.begin(), lines.end());
    return lines;
}

} // namespace

class TestKafkaMock : public QObject {
    Q_OBJECT
    MockKafkaCluster cluster;

private slots:
    void initTestCase() {
        QVERIFY2(cluster.isValid(), qPrintable(cluster.error()));
        QVERIFY(cluster.bootstrapServers().startsWith(QLatin1String("127.0.0.1:")));
    }

    void newTopicHasEmptyPartitions() {
        QString error;
        QVERIFY2(cluster.createTopic(QStringLiteral("empty"), 3, &error), qPrintable(error));
        const auto offsets = cluster.offsets(QStringLiteral("empty"), &error);
        QVERIFY2(offsets, qPrintable(error));
        QCOMPARE(offsets->size(), 3);
        for (int p = 0; p < 3; ++p) {
            QCOMPARE(offsets->at(p).partition, p);
            QCOMPARE(offsets->at(p).earliest, 0);
            QCOMPARE(offsets->at(p).latest, 0);
        }
    }

    void listsTopics() {
        QString error;
        QVERIFY(cluster.createTopic(QStringLiteral("listed-b"), 1, &error));
        QVERIFY(cluster.createTopic(QStringLiteral("listed-a"), 1, &error));
        const QStringList names = cluster.topics(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(names.indexOf(QStringLiteral("listed-a")) >= 0);
        QVERIFY(names.indexOf(QStringLiteral("listed-a")) < names.indexOf(QStringLiteral("listed-b")));
        QVERIFY(!names.contains(QStringLiteral("never-created")));
    }

    void rejectsBadTopics() {
        QString error;
        QVERIFY(cluster.createTopic(QStringLiteral("twice"), 1, &error));
        QVERIFY(!cluster.createTopic(QStringLiteral("twice"), 1, &error));
        QVERIFY2(error.contains(QLatin1String("twice")), qPrintable(error));
        QVERIFY(!cluster.createTopic(QStringLiteral("none"), 0, &error));
        QVERIFY2(error.contains(QLatin1String("partition")), qPrintable(error));
    }

    void producesToChosenPartitions() {
        QString error;
        QVERIFY(cluster.createTopic(QStringLiteral("chosen"), 3, &error));
        QList<MockMessage> messages;
        for (int i = 0; i < 5; ++i)
            messages.append({0, QByteArray("k") + QByteArray::number(i), QByteArray::number(i), 0});
        for (int i = 0; i < 3; ++i)
            messages.append({2, std::nullopt, QByteArray("v") + QByteArray::number(i), 0});
        QList<qint64> written;
        QVERIFY2(cluster.produce(QStringLiteral("chosen"), messages, &error, &written), qPrintable(error));
        QCOMPARE(written, (QList<qint64>{0, 1, 2, 3, 4, 0, 1, 2}));
        const auto offsets = cluster.offsets(QStringLiteral("chosen"), &error);
        QVERIFY2(offsets, qPrintable(error));
        QCOMPARE(offsets->at(0).latest, 5);
        QCOMPARE(offsets->at(1).latest, 0);
        QCOMPARE(offsets->at(2).latest, 3);
    }

    void produceFailsFastForUnknownTopicOrPartition() {
        QString error;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!cluster.produce(QStringLiteral("missing"), {{0, std::nullopt, QByteArray("x"), 0}}, &error));
        QVERIFY2(error.contains(QLatin1String("missing")), qPrintable(error));
        QVERIFY(!cluster.produce(QStringLiteral("chosen"), {{7, std::nullopt, QByteArray("x"), 0}}, &error));
        QVERIFY2(error.contains(QLatin1String("partition 7")), qPrintable(error));
        QVERIFY(!cluster.offsets(QStringLiteral("missing"), &error));
        QVERIFY2(timer.elapsed() < 5000, "unknown topics must not wait for timeouts");
    }

    void kcatReadsWhatWasProduced() {
        QString error;
        QVERIFY(cluster.createTopic(QStringLiteral("to-kcat"), 2, &error));
        QVERIFY2(cluster.produce(QStringLiteral("to-kcat"),
                                 {{0, QByteArray("a"), QByteArray("{\"n\":1}"), 1700000000000},
                                  {1, QByteArray("b"), QByteArray("{\"n\":2}"), 1700000001000},
                                  {1, std::nullopt, std::nullopt, 1700000002000}},
                                 &error),
                 qPrintable(error));
        const auto r = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), cluster.bootstrapServers(),
                                QStringLiteral("-t"), QStringLiteral("to-kcat"), QStringLiteral("-e"),
                                QStringLiteral("-q"), QStringLiteral("-Z"), QStringLiteral("-f"),
                                QStringLiteral("%p|%o|%k|%s|%T\\n")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sortedLines(r.out),
                 (QList<QByteArray>{"0|0|a|{\"n\":1}|1700000000000", "1|0|b|{\"n\":2}|1700000001000",
                                    "1|1|NULL|NULL|1700000002000"}));
    }

    void kcatProducesToTheMock() {
        QString error;
        QVERIFY(cluster.createTopic(QStringLiteral("from-kcat"), 2, &error));
        const auto produced =
            runKcat({QStringLiteral("-P"), QStringLiteral("-b"), cluster.bootstrapServers(),
                     QStringLiteral("-t"), QStringLiteral("from-kcat"), QStringLiteral("-p"),
                     QStringLiteral("1"), QStringLiteral("-K"), QStringLiteral(":")},
                    "k1:one\nk2:two\nk3:three\n");
        QVERIFY2(produced.exitCode == 0, produced.err.constData());
        const auto offsets = cluster.offsets(QStringLiteral("from-kcat"), &error);
        QVERIFY2(offsets, qPrintable(error));
        QCOMPARE(offsets->at(0).latest, 0);
        QCOMPARE(offsets->at(1).latest, 3);
        const auto consumed =
            runKcat({QStringLiteral("-C"), QStringLiteral("-b"), cluster.bootstrapServers(),
                     QStringLiteral("-t"), QStringLiteral("from-kcat"), QStringLiteral("-e"),
                     QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("%o %k=%s\\n")});
        QVERIFY2(consumed.exitCode == 0, consumed.err.constData());
        QCOMPARE(consumed.out, QByteArray("0 k1=one\n1 k2=two\n2 k3=three\n"));
    }

    void reportsCommittedOffsetsOfAConsumerGroup() {
        QString error;
        QVERIFY(cluster.createTopic(QStringLiteral("grouped"), 3, &error));
        QList<MockMessage> messages;
        for (int i = 0; i < 9; ++i)
            messages.append({i % 3, std::nullopt, QByteArray::number(i), 0});
        messages.append({0, std::nullopt, QByteArray("extra"), 0});
        QVERIFY(cluster.produce(QStringLiteral("grouped"), messages, &error));
        auto before =
            cluster.committedOffsets(QStringLiteral("kcat-group"), QStringLiteral("grouped"), &error);
        QVERIFY2(before, qPrintable(error));
        QVERIFY(before->isEmpty());

        // A balanced consumer that reads everything and commits on the way out.
        const auto r =
            runKcat({QStringLiteral("-b"), cluster.bootstrapServers(), QStringLiteral("-G"),
                     QStringLiteral("kcat-group"), QStringLiteral("-X"),
                     QStringLiteral("auto.offset.reset=earliest"), QStringLiteral("-e"), QStringLiteral("-q"),
                     QStringLiteral("-f"), QStringLiteral("%s\\n"), QStringLiteral("grouped")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sortedLines(r.out).size(), 10);
        const auto after =
            cluster.committedOffsets(QStringLiteral("kcat-group"), QStringLiteral("grouped"), &error);
        QVERIFY2(after, qPrintable(error));
        QCOMPARE(*after, (QMap<int, qint64>{{0, 4}, {1, 3}, {2, 3}}));
        // Another group has nothing committed.
        const auto other =
            cluster.committedOffsets(QStringLiteral("other"), QStringLiteral("grouped"), &error);
        QVERIFY2(other && other->isEmpty(), qPrintable(error));
    }

    void seedsTheOffsetsOfAnIdleGroup() {
        QString error;
        QVERIFY2(cluster.seedCommittedOffsets(QStringLiteral("seeded"), QStringLiteral("grouped"),
                                              {{0, 1}, {2, 0}}, &error),
                 qPrintable(error));
        const auto committed =
            cluster.committedOffsets(QStringLiteral("seeded"), QStringLiteral("grouped"), &error);
        QVERIFY2(committed, qPrintable(error));
        QCOMPARE(*committed, (QMap<int, qint64>{{0, 1}, {2, 0}}));
        // A consumer of that group starts where the seed says, not at the reset point.
        const auto r =
            runKcat({QStringLiteral("-b"), cluster.bootstrapServers(), QStringLiteral("-G"),
                     QStringLiteral("seeded"), QStringLiteral("-X"),
                     QStringLiteral("auto.offset.reset=latest"), QStringLiteral("-e"), QStringLiteral("-q"),
                     QStringLiteral("-f"), QStringLiteral("%p:%o\\n"), QStringLiteral("grouped")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sortedLines(r.out), (QList<QByteArray>{"0:1", "0:2", "0:3", "2:0", "2:1", "2:2"}));
    }
};

QTEST_GUILESS_MAIN(TestKafkaMock)
#include "tst_kafka_mock.moc"
