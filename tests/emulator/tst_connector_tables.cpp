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
const KafkaServer server1816 = {QStringLiteral("18.16.1"), k1816, false, {}};

// A server with every setting the mapping may use (Aiven's fork), dead_letter_queue configured or not.
KafkaServer everySetting(bool deadLetterQueue) {
    KafkaServer server{QStringLiteral("25.8.1"), k1816, deadLetterQueue, {}};
    for (const QString& s : candidateKafkaSettings())
        server.settings.insert(s);
    return server;
}

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
        const auto sql = connectorTableSql(QStringLiteral("service_kafka-1"), table,
                                           QStringLiteral("127.0.0.1:4000"), server1816);
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
        QCOMPARE(sql.skipped, (QStringList{QStringLiteral("skip_broken_messages"), // in document order
                                           QStringLiteral("date_time_input_format"),
                                           QStringLiteral("thread_per_consumer")}));
        QCOMPARE(sql.mapped.value(QStringLiteral("max_block_size")), QStringLiteral("kafka_max_block_size"));
    }

    void newerServerGetsEverySetting() {
        const Json table = {{"name", "t"},
                            {"columns", Json::array({column("a", "String")})},
                            {"topics", Json::array({topic("x")})},
                            {"auto_offset_reset", "latest"},
                            {"thread_per_consumer", true},
                            {"date_time_input_format", "best_effort"},
                            {"handle_error_mode", "stream"}};
        const auto sql =
            connectorTableSql(QStringLiteral("service_k"), table, QStringLiteral("b:1"), everySetting(false));
        QVERIFY(sql.notes.isEmpty());
        QCOMPARE(sql.group, QStringLiteral("clickhouse")); // Aiven's default
        QVERIFY(sql.startAtLatest);
        QVERIFY(sql.create.contains(QStringLiteral("kafka_format = 'JSONEachRow'")));
        QVERIFY(sql.create.contains(QStringLiteral("kafka_auto_offset_reset = 'latest'")));
        QVERIFY(sql.create.contains(QStringLiteral("kafka_thread_per_consumer = 1")));
        // The format setting itself, which upstream takes too (kafka_date_time_input_format is Aiven's
        // alias).
        QVERIFY(sql.create.contains(QStringLiteral(", date_time_input_format = 'best_effort'")));
        QVERIFY(sql.create.contains(QStringLiteral("kafka_handle_error_mode = 'stream'")));
    }

    void autoOffsetResetOnOldServerSaysHowItIsApplied() {
        const Json table = {{"name", "t"},
                            {"columns", Json::array()},
                            {"topics", Json::array({topic("x")})},
                            {"auto_offset_reset", "earliest"}};
        const auto sql = emulatedTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), server1816);
        QCOMPARE(sql.notes.size(), 1);
        QVERIFY(sql.notes.first().contains(QStringLiteral("starting offsets were set instead")));
        QVERIFY(!sql.create.contains(QStringLiteral("auto_offset_reset")));
        // The mapping itself only says what the server lacks.
        const auto plain = connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), server1816);
        QCOMPARE(plain.notes.size(), 1);
        QVERIFY2(plain.notes.first().contains(QStringLiteral("a setting of Aiven's ClickHouse fork")),
                 qPrintable(plain.notes.first()));
        QVERIFY(!plain.notes.first().contains(QStringLiteral("starting offsets")));
    }

    // 0 means "the server's default" for these; 26.5 refuses kafka_max_block_size = 0 (Code 36).
    void zeroMeansTheServersDefault() {
        const Json table = {{"name", "t"},
                            {"columns", Json::array({column("a", "String")})},
                            {"topics", Json::array({topic("x")})},
                            {"max_block_size", 0},
                            {"poll_max_batch_size", 0},
                            {"poll_max_timeout_ms", 0},
                            {"skip_broken_messages", 0},
                            {"auto_offset_reset_by_duration_ms", 0},
                            {"producer_linger_ms", 0},
                            {"producer_compression_level", -1}};
        const auto sql =
            connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), everySetting(false));
        QCOMPARE(sql.serverDefaults,
                 (QStringList{QStringLiteral("max_block_size"), QStringLiteral("poll_max_batch_size"),
                              QStringLiteral("poll_max_timeout_ms"),
                              QStringLiteral("auto_offset_reset_by_duration_ms"),
                              QStringLiteral("producer_linger_ms"),
                              QStringLiteral("producer_compression_level")}));
        QVERIFY(sql.notes.isEmpty());
        QVERIFY2(!sql.create.contains(QStringLiteral("max_block_size")), qPrintable(sql.create));
        QVERIFY(!sql.create.contains(QStringLiteral("kafka_poll")));
        QVERIFY(!sql.create.contains(QStringLiteral("kafka_producer")));
        QVERIFY(sql.create.contains(QStringLiteral("kafka_skip_broken_messages = 0"))); // its real default
        // Any other value goes through.
        Json one = table;
        one["max_block_size"] = 1;
        one["poll_max_batch_size"] = 1000000000;
        const auto set =
            connectorTableSql(QStringLiteral("d"), one, QStringLiteral("b:1"), everySetting(false));
        QVERIFY(set.create.contains(QStringLiteral("kafka_max_block_size = 1,")));
        QVERIFY(set.create.contains(QStringLiteral("kafka_poll_max_batch_size = 1000000000")));
    }

    void deadLetterQueueNeedsTheServersTable() {
        const Json table = {{"name", "t"},
                            {"columns", Json::array({column("a", "String")})},
                            {"topics", Json::array({topic("x")})},
                            {"handle_error_mode", "dead_letter_queue"}};
        const auto without =
            connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), everySetting(false));
        QCOMPARE(without.skipped, QStringList{QStringLiteral("handle_error_mode")});
        QVERIFY(!without.create.contains(QStringLiteral("kafka_handle_error_mode")));
        QCOMPARE(without.notes.size(), 1);
        QVERIFY2(without.notes.first().contains(QStringLiteral("<dead_letter_queue> in the server config")),
                 qPrintable(without.notes.first()));
        const auto with =
            connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), everySetting(true));
        QVERIFY(with.skipped.isEmpty());
        QVERIFY(with.create.contains(QStringLiteral("kafka_handle_error_mode = 'dead_letter_queue'")));
        // The other modes need no server table.
        Json stream = table;
        stream["handle_error_mode"] = "stream";
        const auto streamed =
            connectorTableSql(QStringLiteral("d"), stream, QStringLiteral("b:1"), everySetting(false));
        QVERIFY(streamed.create.contains(QStringLiteral("kafka_handle_error_mode = 'stream'")));
    }

    // Upstream's kafka_compression_codec/_level carry the fork's producer_compression_* where those are
    // missing.
    void compressionFallsBackToUpstreamsSettings() {
        KafkaServer upstream{QStringLiteral("26.5.1.1"), k1816, false, {}};
        upstream.settings << QStringLiteral("kafka_compression_codec")
                          << QStringLiteral("kafka_compression_level");
        const Json table = {{"name", "t"},
                            {"columns", Json::array({column("a", "String")})},
                            {"topics", Json::array({topic("x")})},
                            {"producer_compression_codec", "zstd"},
                            {"producer_compression_level", 5}};
        const auto sql = connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), upstream);
        QVERIFY2(sql.create.endsWith(
                     QStringLiteral("kafka_compression_codec = 'zstd', kafka_compression_level = 5")),
                 qPrintable(sql.create));
        QCOMPARE(sql.mapped.value(QStringLiteral("producer_compression_codec")),
                 QStringLiteral("kafka_compression_codec"));
        // The fork's own names win where the server has them.
        const auto aiven =
            connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), everySetting(false));
        QVERIFY(aiven.create.contains(QStringLiteral("kafka_producer_compression_codec = 'zstd'")));
        // Neither: one note naming both.
        const auto old = connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), server1816);
        QVERIFY2(old.notes.first().contains(QStringLiteral(
                     "no Kafka setting kafka_producer_compression_codec or kafka_compression_codec")),
                 qPrintable(old.notes.first()));
    }

    // 18.16 creates a Kafka table of a format it lacks and fails on the first message: said up front.
    void aFormatTheServerLacksIsNamed() {
        KafkaServer server = server1816;
        server.inputFormats = {QStringLiteral("JSONEachRow"), QStringLiteral("CSV")};
        Json table = {{"name", "t"},
                      {"columns", Json::array({column("a", "String")})},
                      {"topics", Json::array({topic("x")})},
                      {"data_format", "Parquet"}};
        const auto sql = connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), server);
        QCOMPARE(sql.unsupported, QStringList{QStringLiteral("data_format")});
        QVERIFY(sql.create.contains(QStringLiteral("kafka_format = 'Parquet'")));
        QCOMPARE(sql.notes.size(), 1);
        QVERIFY2(sql.notes.first().contains(QStringLiteral("ClickHouse 18.16.1 has no input format Parquet")),
                 qPrintable(sql.notes.first()));
        table["data_format"] = "CSV";
        QVERIFY(connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), server)
                    .unsupported.isEmpty());
        // Formats unknown: nothing said.
        table["data_format"] = "Parquet";
        QVERIFY(
            connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), server1816).notes.isEmpty());
    }

    void keysTheMappingDoesNotKnowAreNamed() {
        const Json table = {{"name", "t"},
                            {"columns", Json::array({column("a", "String")})},
                            {"topics", Json::array({topic("x")})},
                            {"future_setting", 3},
                            {"materialized_view", Json::object()}};
        const auto sql =
            connectorTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), everySetting(false));
        QCOMPARE(sql.unmapped, QStringList{QStringLiteral("future_setting")});
        QVERIFY(!sql.create.contains(QStringLiteral("future_setting")));
        QCOMPARE(sql.notes.size(), 2); // the unknown key and the view, which is not part of the table
        const auto emulated =
            emulatedTableSql(QStringLiteral("d"), table, QStringLiteral("b:1"), everySetting(false));
        QVERIFY(
            emulated.notes.join(QLatin1Char('\n')).contains(QStringLiteral("ckstudio-cli ddl --execute")));
    }

    // A fake server that knows only kafka_num_consumers and kafka_handle_error_mode, without a DLQ table.
    void probeFindsWhatTheServerTakes() {
        QStringList seen;
        const auto run = [&](const QString& sql) {
            seen << sql;
            if (sql == inputFormatsProbeSql())
                return ProbeAnswer{true, {}, QByteArrayLiteral("JSONEachRow\nCSV\n")};
            const QString settings = sql.section(QStringLiteral(" SETTINGS "), 1);
            for (const QString& item : settings.split(QStringLiteral(", "))) {
                const QString name = item.section(QLatin1Char(' '), 0, 0);
                if (!name.startsWith(QLatin1String("kafka_")) &&
                    name != QLatin1String("date_time_input_format"))
                    continue;
                if (k1816.contains(name) || name == QLatin1String("kafka_handle_error_mode")) {
                    if (item.contains(QLatin1String("'dead_letter_queue'")))
                        return ProbeAnswer{false,
                                           QStringLiteral("Code: 36. DB::Exception: The table "
                                                          "system.dead_letter_queue is not configured"),
                                           {}};
                    continue;
                }
                return ProbeAnswer{false,
                                   QStringLiteral("Code: 115. DB::Exception: Unknown setting '%1': for "
                                                  "storage Kafka. (UNKNOWN_SETTING)")
                                       .arg(name),
                                   {}};
            }
            return ProbeAnswer{true, {}, {}};
        };
        QString error;
        const KafkaServer server =
            probeKafkaServer(QStringLiteral("1.2"), QStringLiteral("`p`"), run, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(server.version, QStringLiteral("1.2"));
        QSet<QString> expected = k1816;
        expected.insert(QStringLiteral("kafka_handle_error_mode"));
        QCOMPARE(server.settings, expected);
        QVERIFY(!server.deadLetterQueue);
        QVERIFY(seen.at(seen.size() - 2)
                    .endsWith(QStringLiteral("kafka_handle_error_mode = 'dead_letter_queue'")));
        QCOMPARE(server.inputFormats, (QSet<QString>{QStringLiteral("JSONEachRow"), QStringLiteral("CSV")}));
        // Another error stops the probe with only the required four, and says why.
        const auto broken = probeKafkaServer(
            {}, QStringLiteral("`p`"),
            [](const QString&) {
                return ProbeAnswer{false, QStringLiteral("Code: 164. readonly"), {}};
            },
            &error);
        QCOMPARE(broken.settings.size(), 4);
        QCOMPARE(error, QStringLiteral("Code: 164. readonly"));
    }

    void probeStatements() {
        const QString sql =
            kafkaSettingsProbeSql(QStringLiteral("`p`"), {QStringLiteral("kafka_max_block_size"),
                                                          QStringLiteral("date_time_input_format")});
        QVERIFY2(
            sql.endsWith(QStringLiteral(", kafka_max_block_size = 1, date_time_input_format = 'basic', ") +
                         kafkaSettingsProbeEnd() + QStringLiteral(" = 1")),
            qPrintable(sql));
        QVERIFY(sql.startsWith(QStringLiteral("CREATE TABLE `p` (x UInt8) ENGINE = Kafka SETTINGS ")));
        // 26.5's and 18.16's wording.
        QCOMPARE(unknownSettingIn(QStringLiteral("Code: 115. DB::Exception: Unknown setting "
                                                 "'kafka_date_time_input_format': for storage Kafka. "
                                                 "(UNKNOWN_SETTING)")),
                 QStringLiteral("kafka_date_time_input_format"));
        QCOMPARE(
            unknownSettingIn(QStringLiteral("Code: 115, e.displayText() = DB::Exception: Unknown setting "
                                            "kafka_thread_per_consumer, e.what() = DB::Exception")),
            QStringLiteral("kafka_thread_per_consumer"));
        QVERIFY(unknownSettingIn(QStringLiteral("Code: 36. DB::Exception: bad value")).isEmpty());
        QVERIFY(deadLetterQueueProbeSql(QStringLiteral("`p`"))
                    .endsWith(QStringLiteral("kafka_handle_error_mode = 'dead_letter_queue'")));
    }
};

QTEST_GUILESS_MAIN(TestConnectorTables)
#include "tst_connector_tables.moc"
