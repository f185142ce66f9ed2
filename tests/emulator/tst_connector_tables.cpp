// The emulator's Kafka-engine DDL for one tables[] entry: settings mapped to what the server knows, the rest
// skipped with a note naming them; names and strings quoted.
#include "ConnectorTables.h"

#include <QTest>

using namespace ckstudio;
using namespace ckstudio::emulator;

namespace {

Json column(const char* name, const char* type) {
    return Json{{"name", name}, {"type", type}};
}

Json topic(const char* name) {
    return Json{{"name", name}};
}

// What ClickHouse 18.16 accepts as named Kafka settings (reference/clickhouse.md §3.2, verified there).
const QSet<QString> k1816 = {QStringLiteral("kafka_broker_list"),   QStringLiteral("kafka_topic_list"),
                             QStringLiteral("kafka_group_name"),    QStringLiteral("kafka_format"),
                             QStringLiteral("kafka_num_consumers"), QStringLiteral("kafka_max_block_size")};

} // namespace

class TestConnectorTables : public QObject {
    Q_OBJECT
private slots:
    void oldServerSkipsWhatItLacks() {
        const Json table = {{"name", "orders_raw"},
                            {"columns", Json::array({column("id", "UInt64"), column("note`s", "String")})},
                            {"topics", Json::array({topic("orders"), topic("orders-eu")})},
                            {"data_format", "JSONEachRow"},
                            {"group_name", "g'1"},
                            {"num_consumers", 2},
                            {"max_block_size", 5},
                            {"skip_broken_messages", 10},
                            {"date_time_input_format", "best_effort"},
                            {"thread_per_consumer", true}};
        const auto sql =
            connectorTableSql(QStringLiteral("service_kafka-1"), table, QStringLiteral("127.0.0.1:4000"),
                              k1816, QStringLiteral("18.16.1"));
        QCOMPARE(sql.name, QStringLiteral("orders_raw"));
        QCOMPARE(sql.group, QStringLiteral("g'1"));
        QCOMPARE(sql.topics, (QStringList{QStringLiteral("orders"), QStringLiteral("orders-eu")}));
        QVERIFY(!sql.startAtLatest);
        QCOMPARE(sql.create,
                 QStringLiteral(
                     "CREATE TABLE `service_kafka-1`.`orders_raw` (`id` UInt64, `note\\`s` String) "
                     "ENGINE = Kafka SETTINGS kafka_broker_list = '127.0.0.1:4000', "
                     "kafka_topic_list = 'orders,orders-eu', kafka_group_name = 'g\\'1', "
                     "kafka_format = 'JSONEachRow', kafka_num_consumers = 2, kafka_max_block_size = 5"));
        QCOMPARE(sql.notes.size(), 3);
        const QString notes = sql.notes.join(QLatin1Char('\n'));
        QVERIFY2(
            notes.contains(QStringLiteral("skip_broken_messages skipped: ClickHouse 18.16.1 has no Kafka "
                                          "setting kafka_skip_broken_messages")),
            qPrintable(notes));
        QVERIFY(notes.contains(QStringLiteral("date_time_input_format skipped")));
        QVERIFY(notes.contains(QStringLiteral("thread_per_consumer skipped")));
    }

    void newerServerGetsEverySetting() {
        QSet<QString> all = k1816;
        for (const QString& s : candidateKafkaSettings())
            all.insert(s);
        const Json table = {{"name", "t"},
                            {"columns", Json::array({column("a", "String")})},
                            {"topics", Json::array({topic("x")})},
                            {"auto_offset_reset", "latest"},
                            {"thread_per_consumer", true},
                            {"date_time_input_format", "best_effort"},
                            {"handle_error_mode", "stream"}};
        const auto sql = connectorTableSql(QStringLiteral("service_k"), table, QStringLiteral("b:1"), all,
                                           QStringLiteral("25.8.1"));
        QVERIFY(sql.notes.isEmpty());
        QCOMPARE(sql.group, QStringLiteral("clickhouse")); // Aiven's default
        QVERIFY(sql.startAtLatest);
        QVERIFY(sql.create.contains(QStringLiteral("kafka_format = 'JSONEachRow'")));
        QVERIFY(sql.create.contains(QStringLiteral("kafka_auto_offset_reset = 'latest'")));
        QVERIFY(sql.create.contains(QStringLiteral("kafka_thread_per_consumer = 1")));
        QVERIFY(sql.create.contains(QStringLiteral("kafka_date_time_input_format = 'best_effort'")));
        QVERIFY(sql.create.contains(QStringLiteral("kafka_handle_error_mode = 'stream'")));
    }

    void autoOffsetResetOnOldServerSaysHowItIsApplied() {
        const Json table = {{"name", "t"},
                            {"columns", Json::array()},
                            {"topics", Json::array({topic("x")})},
                            {"auto_offset_reset", "earliest"}};
        const auto sql = connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), k1816,
                                           QStringLiteral("18.16.1"));
        QCOMPARE(sql.notes.size(), 1);
        QVERIFY(sql.notes.first().contains(QStringLiteral("starting offsets were set instead")));
        QVERIFY(!sql.create.contains(QStringLiteral("auto_offset_reset")));
    }
};

QTEST_GUILESS_MAIN(TestConnectorTables)
#include "tst_connector_tables.moc"
