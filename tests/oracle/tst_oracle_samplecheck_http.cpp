// SampleCheck's pieces on their own, and SampleCheck over HTTP against the 18.16 fixture (the INSERT path, no
// format()): the table's format settings decide the verdict, settings a server lacks are reported, and an
// empty message gets a verdict of its own. tst_oracle_samplecheck.cpp checks the format() path against the
// 26.5 Kafka engine.
#include "ClickHouseServer.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/SampleCheck.h"
#include "connector/ConnectorTableSql.h"
#include "engine/EngineWorker.h"

#include <QTest>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

QString shown(const FormatSettings& settings) {
    QStringList parts;
    for (const auto& s : settings)
        parts << s.first + QStringLiteral(" = ") + s.second;
    return parts.join(QStringLiteral(", "));
}

ClickHouseError serverError(int code, const QString& message) {
    ClickHouseError e;
    e.kind = ClickHouseError::Kind::Server;
    e.serverCode = code;
    e.message = message;
    return e;
}

} // namespace

class TestSampleCheckHttp : public QObject {
    Q_OBJECT
    ClickHouseServer m_server;

    struct Run {
        std::optional<ClickHouseError> error;
        std::vector<SampleVerdict> verdicts;
        QStringList ignored;
        QString checkedBy;
    };

    // As `user` (empty: the default one); `engine`, when given, parses what the server cannot.
    Run check(const QStringList& messages, const FormatSettings& settings, const QString& user = {},
              EngineWorker* engine = nullptr) {
        ConnectionSettings connection;
        connection.url = m_server.httpUrl();
        connection.user = user;
        connection.queryTimeoutMs = 30000;
        ClickHouseClient client(connection);
        SampleCheck check(&client);
        if (engine)
            check.setLocalParser(
                [engine](const QString& sql, QObject* context, auto done) {
                    engine->query(sql.toUtf8(), QByteArrayLiteral("TabSeparated"), context,
                                  [done](const EngineReply& reply) { done(reply.error, reply.data); });
                },
                QStringLiteral("ClickHouse 26.5 embedded"));
        bool finished = false;
        Run run;
        connect(&check, &SampleCheck::finished, this, [&](const std::optional<ClickHouseError>& e) {
            run.error = e;
            finished = true;
        });
        check.start({{QStringLiteral("id"), QStringLiteral("UInt32")},
                     {QStringLiteral("ts"), QStringLiteral("DateTime")}},
                    QStringLiteral("JSONEachRow"), messages, settings);
        if (!QTest::qWaitFor([&] { return finished; }, 60000))
            run.error = ClickHouseError{ClickHouseError::Kind::Timeout, QStringLiteral("no answer"), 0, 0};
        run.verdicts = check.verdicts();
        run.ignored = check.ignoredSettings();
        run.checkedBy = check.checkedBy();
        return run;
    }

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.error())); }

    void settingsComeFromTheEngineClause() {
        // engine_full of a Kafka table: the kafka_* settings are the engine's, the rest format settings.
        QCOMPARE(
            shown(tableFormatSettings(QStringLiteral(
                "Kafka SETTINGS kafka_broker_list = 'b:9092', kafka_topic_list = 't', kafka_group_name = "
                "'g', kafka_format = 'JSONEachRow', date_time_input_format = 'basic', "
                "input_format_skip_unknown_fields = 1"))),
            QStringLiteral("date_time_input_format = 'basic', input_format_skip_unknown_fields = 1"));
        // A CREATE statement: quotes hide look-alikes, escaped quotes and commas stay in their value, and the
        // clause ends where the list does.
        QCOMPARE(
            shown(tableFormatSettings(QStringLiteral(
                "CREATE TABLE db.t (`s` String DEFAULT 'ENGINE SETTINGS a = 1', `settings` UInt8) ENGINE = "
                "Kafka SETTINGS kafka_format = 'CSV', format_csv_delimiter = ';', "
                "format_template_row = 'it\\'s, here', KAFKA_SCHEMA = 'x', input_format_allow_errors_num "
                "= 0 COMMENT 'a, b = 2'"))),
            QStringLiteral("format_csv_delimiter = ';', format_template_row = 'it\\'s, here', "
                           "input_format_allow_errors_num = 0"));
        // A user_config table that does not exist yet: the CREATE the mapping would run carries its settings.
        KafkaServer server;
        server.version = QStringLiteral("26.5.1.1");
        server.settings = {QStringLiteral("date_time_input_format")};
        const Json config = Json::parse(R"({"name": "events", "columns": [{"name": "ts", "type": "DateTime"}],
            "topics": [{"name": "events"}], "data_format": "JSONEachRow", "date_time_input_format": "basic"})");
        const ConnectorTableSql table =
            connectorTableSql(QStringLiteral("db"), config, QStringLiteral("b:9092"), server);
        QCOMPARE(shown(tableFormatSettings(table.create)),
                 QStringLiteral("date_time_input_format = 'basic'"));
        QVERIFY(tableFormatSettings(QStringLiteral("Kafka('b:9092', 't', 'g', 'JSONEachRow')")).isEmpty());
        QVERIFY(tableFormatSettings(QString()).isEmpty());
        QVERIFY(tableFormatSettings(QStringLiteral("Kafka SETTINGS")).isEmpty());
    }

    void statementCarriesTheSettings() {
        QCOMPARE(
            sampleCheckStatement(QStringLiteral("JSONEachRow"), QStringLiteral("`a` UInt8"),
                                 QStringLiteral("{\"a\":'1'}"),
                                 {{QStringLiteral("date_time_input_format"), QStringLiteral("'basic'")},
                                  {QStringLiteral("input_format_skip_unknown_fields"), QStringLiteral("0")}}),
            QStringLiteral("SELECT count() FROM format(JSONEachRow, '`a` UInt8', '{\"a\":\\'1\\'}') SETTINGS "
                           "date_time_input_format = 'basic', input_format_skip_unknown_fields = 0 FORMAT "
                           "TabSeparated"));
        QCOMPARE(
            sampleCheckStatement(QStringLiteral("CSV"), QStringLiteral("`a` UInt8"), QStringLiteral("1"), {}),
            QStringLiteral("SELECT count() FROM format(CSV, '`a` UInt8', '1') FORMAT TabSeparated"));
    }

    void verdictFromTheAnswer() {
        SampleVerdict v = sampleVerdict(3, std::nullopt, "2\n");
        QVERIFY(v.ok && !v.noRow);
        QCOMPARE(v.index, 3);
        QCOMPARE(v.rows, 2);
        v = sampleVerdict(0, serverError(27, QStringLiteral("Cannot parse input: (at row 1)")), QByteArray());
        QVERIFY(!v.ok && !v.noRow);
        QCOMPARE(v.error, QStringLiteral("Cannot parse input: (at row 1)"));
        // format() over a message without a row; 26.5's words (tst_oracle_samplecheck meets them for real)
        v = sampleVerdict(
            0,
            serverError(10, QStringLiteral("Not found column or subcolumn ts in block. There are "
                                           "only columns: . (NOT_FOUND_COLUMN_IN_BLOCK)")),
            QByteArray());
        QVERIFY(!v.ok && v.noRow);
        QCOMPARE(v.error, QStringLiteral("the message holds no row"));
        v = sampleVerdict(
            0, serverError(10, QStringLiteral("Not found column x in block. There are only columns: y.")),
            QByteArray());
        QVERIFY(!v.ok && !v.noRow); // a real missing column stays the server's error
        v = sampleVerdict(0, std::nullopt, "0\n");
        QVERIFY(!v.ok && v.noRow);
        v = sampleVerdict(0, std::nullopt, QByteArray()); // an INSERT: no count
        QVERIFY(v.ok);
        QCOMPARE(v.rows, -1);
        QVERIFY(!verdictWithoutServer(0, QStringLiteral(" ")));
        const auto empty = verdictWithoutServer(4, QString());
        QVERIFY(empty && !empty->ok && empty->noRow && empty->index == 4);
        QCOMPARE(empty->error,
                 QStringLiteral("the message is empty: it gives no row (the Kafka engine skips it)"));
    }

    // 18.16's defaults are date_time_input_format = basic and input_format_skip_unknown_fields = 0: the
    // table's settings, not the server's, decide.
    void tableSettingsDecideTheVerdict() {
        const QStringList messages = {QStringLiteral("{\"id\":1,\"ts\":\"2024-01-01T10:00:00+02:00\"}"),
                                      QStringLiteral("{\"id\":2,\"zz\":3}"), QStringLiteral("{\"id\":3}")};
        const Run defaults = check(messages, {});
        QVERIFY2(!defaults.error, qPrintable(defaults.error ? defaults.error->toString() : QString()));
        QCOMPARE(defaults.verdicts.size(), std::size_t(3));
        QVERIFY(!defaults.verdicts[0].ok);
        QVERIFY(!defaults.verdicts[1].ok);
        QVERIFY(defaults.verdicts[2].ok);

        const Run lenient =
            check(messages, {{QStringLiteral("date_time_input_format"), QStringLiteral("'best_effort'")},
                             {QStringLiteral("input_format_skip_unknown_fields"), QStringLiteral("1")}});
        QVERIFY2(!lenient.error, qPrintable(lenient.error ? lenient.error->toString() : QString()));
        QCOMPARE(lenient.verdicts.size(), std::size_t(3));
        for (const SampleVerdict& v : lenient.verdicts)
            QVERIFY2(v.ok, qPrintable(messages[v.index] + QStringLiteral(": ") + v.error));
        QVERIFY(lenient.ignored.isEmpty());
    }

    // A readonly=1 user's server refuses the check (Code 164 for the temporary table); the embedded 26.5
    // parses the messages instead, with the table's settings, and agrees with 18.16 given the same settings.
    void readonlyUserIsCheckedOnTheEmbeddedEngine() {
        if (const QString why = EmbeddedClickHouse::loadError(); !why.isEmpty())
            QSKIP(qPrintable(why));
        const QStringList messages = {QStringLiteral("{\"id\":1,\"ts\":\"2024-01-01T10:00:00+02:00\"}"),
                                      QStringLiteral("{\"id\":2,\"zz\":3}"), QStringLiteral("{\"id\":3}"),
                                      QStringLiteral("not json")};
        // 18.16's defaults, spelled out: 26.5's own defaults differ (best_effort).
        const FormatSettings asOn1816 = {{QStringLiteral("date_time_input_format"), QStringLiteral("'basic'")},
                                         {QStringLiteral("input_format_skip_unknown_fields"), QStringLiteral("0")}};
        const Run refused = check(messages, asOn1816, ClickHouseServer::readonlyUser());
        QVERIFY(refused.error);
        QVERIFY2(refused.error->message.contains(QStringLiteral("readonly=1")), qPrintable(refused.error->message));

        EngineWorker engine;
        const Run local = check(messages, asOn1816, ClickHouseServer::readonlyUser(), &engine);
        QVERIFY2(!local.error, qPrintable(local.error ? local.error->toString() : QString()));
        QVERIFY2(local.checkedBy.startsWith(QStringLiteral("ClickHouse 26.5 embedded")), qPrintable(local.checkedBy));
        const Run server = check(messages, asOn1816);
        QVERIFY2(!server.error, qPrintable(server.error ? server.error->toString() : QString()));
        QCOMPARE(local.verdicts.size(), server.verdicts.size());
        for (std::size_t i = 0; i < server.verdicts.size(); ++i)
            QVERIFY2(local.verdicts[i].ok == server.verdicts[i].ok,
                     qPrintable(messages[int(i)] + QStringLiteral(": 26.5 says ") + local.verdicts[i].error +
                                QStringLiteral(", 18.16 says ") + server.verdicts[i].error));
        QVERIFY(!local.verdicts[0].ok && !local.verdicts[1].ok && local.verdicts[2].ok && !local.verdicts[3].ok);
        QCOMPARE(local.verdicts[2].rows, 1); // format() counts the rows, the 18.16 INSERT cannot
    }

    void settingsTheServerLacksAreReported() {
        const QString newer = QStringLiteral("input_format_json_read_numbers_as_strings"); // 22.x
        QCOMPARE(m_server.queryOk(
                     QStringLiteral("SELECT count() FROM system.settings WHERE name = '%1'").arg(newer)),
                 QByteArray("0\n"));
        const Run run = check({QStringLiteral("{\"id\":2,\"zz\":3}")},
                              {{newer, QStringLiteral("1")},
                               {QStringLiteral("input_format_skip_unknown_fields"), QStringLiteral("1")}});
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->toString() : QString()));
        QCOMPARE(run.ignored, QStringList{newer + QStringLiteral(" = 1")});
        QCOMPARE(run.verdicts.size(), std::size_t(1));
        QVERIFY2(run.verdicts[0].ok, qPrintable(run.verdicts[0].error)); // the setting it has still applies
    }

    // 18.16 takes an empty INSERT body as zero rows, "fine"; the Kafka engine skips an empty message.
    void emptyMessageHasAVerdictOfItsOwn() {
        const Run run = check({QString(), QStringLiteral("{\"id\":1}")}, {});
        QVERIFY2(!run.error, qPrintable(run.error ? run.error->toString() : QString()));
        QCOMPARE(run.verdicts.size(), std::size_t(2));
        QVERIFY(!run.verdicts[0].ok);
        QVERIFY(run.verdicts[0].noRow);
        QCOMPARE(run.verdicts[0].error,
                 QStringLiteral("the message is empty: it gives no row (the Kafka engine skips it)"));
        QVERIFY(run.verdicts[1].ok);
    }
};

QTEST_GUILESS_MAIN(TestSampleCheckHttp)
#include "tst_oracle_samplecheck_http.moc"
