// Preview of a Kafka connector table through a temporary twin (own consumer group), against a real
// clickhouse-server 18.16 consuming librdkafka's mock cluster: the production group's offsets do not move,
// the twin is gone afterwards (also after cancel), 18.16's "new group starts at LATEST" is said plainly, and
// `ckstudio-cli preview --twin` does the same.
#include "ClickHouseServer.h"
#include "MockKafkaCluster.h"
#include "cli/Cli.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/PreviewSession.h"
#include "clickhouse/TwinTable.h"
#include "preview/ResultRowModel.h"

#include <QSignalSpy>
#include <QTest>
#include <sstream>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

const QString kTopic = QStringLiteral("orders");
const QString kProdGroup = QStringLiteral("prod-orders");
const QMap<int, qint64> kProdOffsets{{0, 2}}; // the production group's position, must never move

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

CliRun cliRun(const QStringList& args, int timeoutMs = 60000) {
    std::ostringstream out, err;
    cli::CliIo io{out, err};
    CliRun r;
    bool finished = false;
    if (auto code = cli::runCli(args, io, [&](int c) {
            r.code = c;
            finished = true;
        })) {
        r.code = *code;
        finished = true;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!finished && !deadline.hasExpired())
        QTest::qWait(10);
    QTest::qWait(0);
    r.out = out.str();
    r.err = err.str();
    return r;
}

TableInfo kafkaInfo(const QString& engineFull) {
    TableInfo info;
    info.name = TableName{QStringLiteral("service_k"), QStringLiteral("events")};
    info.exists = true;
    info.engine = QStringLiteral("Kafka");
    info.engineFull = engineFull;
    info.columns = {{QStringLiteral("id"), QStringLiteral("UInt64")},
                    {QStringLiteral("odd name"), QStringLiteral("Nullable(String)")}};
    return info;
}

} // namespace

class TestTwinPreview : public QObject {
    Q_OBJECT
    ClickHouseServer server;
    MockKafkaCluster cluster;
    std::unique_ptr<ClickHouseClient> client;

    QByteArray twinTablesLeft() {
        return server.queryOk(QStringLiteral(
            "SELECT count() FROM system.tables WHERE name LIKE 'ckstudio_preview_%' FORMAT TabSeparated"));
    }

    struct Outcome {
        std::optional<ClickHouseError> error;
        std::optional<TwinReport> twin;
        qsizetype rows = 0;
        ResultRowModel::State state = ResultRowModel::State::Idle;
        qint64 received = 0;
    };

    Outcome preview(PreviewRequest request, bool cancelWhenCreated = false) {
        ResultRowModel model;
        PreviewSession session(client.get(), &model);
        std::optional<std::optional<ClickHouseError>> result;
        connect(&session, &PreviewSession::finished, this,
                [&](const std::optional<ClickHouseError>& e) { result = e; });
        if (cancelWhenCreated)
            connect(&session, &PreviewSession::twinCreated, &session, &PreviewSession::cancel);
        session.start(request);
        QDeadlineTimer deadline(60000);
        while (!result && !deadline.hasExpired())
            QTest::qWait(20);
        Outcome o;
        if (!result)
            o.error = ClickHouseError{ClickHouseError::Kind::Timeout, QStringLiteral("test timeout"), 0, 0};
        else
            o.error = *result;
        o.twin = session.twin();
        o.rows = model.loadedRows();
        o.state = model.state();
        o.received = session.receivedBytes();
        return o;
    }

private slots:
    void twinSqlSwapsTheGroupAndKeepsEverythingElse() {
        QString error;
        const auto named = twinTableSql(
            kafkaInfo(QStringLiteral("Kafka SETTINGS kafka_broker_list = 'b:9092', kafka_topic_list = 'a,b', "
                                     "kafka_group_name = 'prod\\'s', kafka_format = 'JSONEachRow'")),
            QStringLiteral("scratch"), QStringLiteral("ckstudio_preview_x"), &error);
        QVERIFY2(named, qPrintable(error));
        QCOMPARE(named->createPlain,
                 QStringLiteral("CREATE TABLE `scratch`.`ckstudio_preview_x` (`id` UInt64, `odd name` "
                                "Nullable(String)) ENGINE = Kafka SETTINGS kafka_broker_list = 'b:9092', "
                                "kafka_topic_list = 'a,b', kafka_group_name = 'ckstudio_preview_x', "
                                "kafka_format = 'JSONEachRow'"));
        QCOMPARE(named->createEarliest,
                 named->createPlain + QStringLiteral(", kafka_auto_offset_reset = 'earliest'"));
        QCOMPARE(named->drop, QStringLiteral("DROP TABLE IF EXISTS `scratch`.`ckstudio_preview_x`"));
        QCOMPARE(named->createDatabase, QStringLiteral("CREATE DATABASE IF NOT EXISTS `scratch`"));

        // Aiven's builds: an existing reset setting is replaced, not duplicated.
        const auto aiven =
            twinTableSql(kafkaInfo(QStringLiteral(
                             "Kafka SETTINGS kafka_group_name = 'g', kafka_auto_offset_reset = 'latest', "
                             "kafka_format = 'CSV'")),
                         QStringLiteral("t"), QStringLiteral("n"), &error);
        QVERIFY(aiven);
        QVERIFY2(aiven->createEarliest.endsWith(QStringLiteral(
                     "kafka_group_name = 'n', kafka_auto_offset_reset = 'earliest', kafka_format = 'CSV'")),
                 qPrintable(aiven->createEarliest));

        const auto positional =
            twinTableSql(kafkaInfo(QStringLiteral("Kafka('b:1', 'topic', 'old group', 'TSV')")),
                         QStringLiteral("t"), QStringLiteral("new"), &error);
        QVERIFY(positional);
        QVERIFY2(
            positional->createPlain.endsWith(QStringLiteral("ENGINE = Kafka('b:1', 'topic', 'new', 'TSV')")),
            qPrintable(positional->createPlain));

        // Credentials the server masks cannot be copied into a twin: a clear refusal, not a failed login.
        QVERIFY(!twinTableSql(
            kafkaInfo(QStringLiteral("Kafka SETTINGS kafka_broker_list = 'b:9092', kafka_group_name = 'g', "
                                     "kafka_sasl_username = 'avnadmin', kafka_sasl_password = '[HIDDEN]'")),
            QStringLiteral("t"), QStringLiteral("n"), &error));
        QVERIFY2(error.contains(QStringLiteral("hides the Kafka credentials")) &&
                     error.contains(QStringLiteral("displaySecretsInShowAndSelect")),
                 qPrintable(error));

        TableInfo memory = kafkaInfo(QString());
        memory.engine = QStringLiteral("Memory");
        QVERIFY(!twinTableSql(memory, QStringLiteral("t"), QStringLiteral("n"), &error));
        QVERIFY2(error.contains(QStringLiteral("not a Kafka-engine table")), qPrintable(error));
        QVERIFY(freshTwinGroup().startsWith(QStringLiteral("ckstudio_preview_")));
        QVERIFY(freshTwinGroup() != freshTwinGroup());
    }

    void initTestCase() {
        QVERIFY2(cluster.isValid(), qPrintable(cluster.error()));
        QVERIFY2(server.start(), qPrintable(server.error()));
        for (const char* v : {"CLICKHOUSE_URL", "CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD"})
            qunsetenv(v);
        QString error;
        QVERIFY2(cluster.createTopic(kTopic, 1, &error), qPrintable(error));
        QList<MockMessage> messages;
        for (int id = 1; id <= 5; ++id)
            messages.append(
                {0, std::nullopt, QStringLiteral("{\"id\":%1,\"item\":\"item-%1\"}").arg(id).toUtf8(), 0});
        QVERIFY2(cluster.produce(kTopic, messages, &error), qPrintable(error));
        QVERIFY2(cluster.seedCommittedOffsets(kProdGroup, kTopic, kProdOffsets, &error), qPrintable(error));
        for (const QString& sql :
             {QStringLiteral("CREATE DATABASE shop"),
              QStringLiteral(
                  "CREATE TABLE shop.orders_queue (id UInt64, item String) ENGINE = Kafka SETTINGS "
                  "kafka_broker_list = '%1', kafka_topic_list = '%2', kafka_group_name = '%3', "
                  "kafka_format = 'JSONEachRow'")
                  .arg(cluster.bootstrapServers(), kTopic, kProdGroup),
              QStringLiteral("CREATE TABLE shop.plain (id UInt64) ENGINE = Memory")}) {
            const auto r = server.query(sql);
            QVERIFY2(r.ok(), qPrintable(sql + QStringLiteral("\n") + QString::fromUtf8(r.body)));
        }
        ConnectionSettings s;
        s.url = server.httpUrl();
        s.queryTimeoutMs = 60000;
        client = std::make_unique<ClickHouseClient>(s);
    }

    void twinLeavesTheProductionGroupAndDropsItself() {
        PreviewRequest request;
        request.table = TableName{QStringLiteral("shop"), QStringLiteral("orders_queue")};
        request.limit = 10;
        request.twin = true;
        const Outcome o = preview(request);
        QVERIFY2(!o.error, qPrintable(o.error->toString()));
        QVERIFY(o.twin);
        QVERIFY(o.twin->group.startsWith(QStringLiteral("ckstudio_preview_")));
        QCOMPARE(o.twin->table.database, QStringLiteral("ckstudio_tmp"));
        QCOMPARE(o.twin->sourceGroup, kProdGroup);
        QVERIFY2(!o.twin->fromEarliest, "18.16's Kafka engine has no kafka_auto_offset_reset");
        QVERIFY(o.twin->dropped);
        const QString note = o.twin->explanation();
        QVERIFY2(note.contains(QStringLiteral("LATEST")) && note.contains(QStringLiteral("cannot show")),
                 qPrintable(note));
        QCOMPARE(o.state, ResultRowModel::State::Finished);
        QVERIFY2(o.received > 0, "the header lines at least were received");
        QCOMPARE(twinTablesLeft(), QByteArray("0\n"));
        QCOMPARE(cluster.committedOffsets(kProdGroup, kTopic), std::optional(kProdOffsets));
    }

    void twinInAGivenDatabaseWithAGivenGroup() {
        PreviewRequest request;
        request.table = TableName{QStringLiteral("shop"), QStringLiteral("orders_queue")};
        request.limit = 5;
        request.twin = true;
        request.twinDatabase = QStringLiteral("scratch-db");
        request.twinGroup = QStringLiteral("ckstudio_preview_given");
        const Outcome o = preview(request);
        QVERIFY2(!o.error, qPrintable(o.error->toString()));
        QCOMPARE(o.twin->table.database, QStringLiteral("scratch-db"));
        QCOMPARE(o.twin->table.table, QStringLiteral("ckstudio_preview_given"));
        QVERIFY(o.twin->dropped);
        // 18.16 also ends the SELECT at the first empty poll: said, not hidden.
        QVERIFY(o.twin->quickEmptyPoll);
        QVERIFY2(o.twin->explanation().contains(QStringLiteral("first empty poll")),
                 qPrintable(o.twin->explanation()));
        QCOMPARE(server.queryOk(QStringLiteral("EXISTS TABLE `scratch-db`.ckstudio_preview_given")),
                 QByteArray("0\n"));
        QCOMPARE(twinTablesLeft(), QByteArray("0\n"));
        QCOMPARE(cluster.committedOffsets(kProdGroup, kTopic), std::optional(kProdOffsets));
    }

    void cancelDropsTheTwinToo() {
        PreviewRequest request;
        request.table = TableName{QStringLiteral("shop"), QStringLiteral("orders_queue")};
        request.twin = true;
        const Outcome o = preview(request, true);
        QVERIFY(o.error);
        QCOMPARE(o.error->kind, ClickHouseError::Kind::Cancelled);
        QVERIFY(o.twin && o.twin->dropped);
        QCOMPARE(twinTablesLeft(), QByteArray("0\n"));
        QCOMPARE(cluster.committedOffsets(kProdGroup, kTopic), std::optional(kProdOffsets));
    }

    void cliTwinSaysWhatItSaw() {
        const QStringList base{QStringLiteral("preview"), QStringLiteral("--clickhouse-url"),
                               server.httpUrl().toString(), QStringLiteral("--table")};
        const auto r =
            cliRun(base + QStringList{QStringLiteral("shop.orders_queue"), QStringLiteral("--twin")});
        QVERIFY2(r.code == 0, r.err.c_str());
        const QString err = QString::fromStdString(r.err);
        QVERIFY2(err.contains(QStringLiteral("LATEST")) && err.contains(QStringLiteral("was dropped")) &&
                     err.contains(kProdGroup),
                 r.err.c_str());
        QCOMPARE(twinTablesLeft(), QByteArray("0\n"));
        QCOMPARE(cluster.committedOffsets(kProdGroup, kTopic), std::optional(kProdOffsets));

        const auto notKafka =
            cliRun(base + QStringList{QStringLiteral("shop.plain"), QStringLiteral("--twin")});
        QCOMPARE(notKafka.code, 2);
        QVERIFY2(QString::fromStdString(notKafka.err).contains(QStringLiteral("not a Kafka-engine table")),
                 notKafka.err.c_str());
        const auto help = cliRun({QStringLiteral("preview"), QStringLiteral("--help")});
        QVERIFY(help.out.find("--twin") != std::string::npos);
        const auto orphanDb =
            cliRun(base + QStringList{QStringLiteral("shop.plain"), QStringLiteral("--twin-database"),
                                      QStringLiteral("x")});
        QCOMPARE(orphanDb.code, 2);
    }

    void cleanupTestCase() {
        client.reset();
        server.query(QStringLiteral("DROP TABLE IF EXISTS shop.orders_queue"));
        server.stop();
    }
};

QTEST_GUILESS_MAIN(TestTwinPreview)
#include "tst_twin_preview.moc"
