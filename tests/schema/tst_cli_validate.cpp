// ckstudio-cli validate and format, run as the built binary: output channels, exit codes, positions of JSON
// errors, hostile files (deep nesting, invalid UTF-8, 20+ MB) and a custom --schema.
#include "CliProcess.h"
#include "domain/Json.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = ckstudio::test::CliRun;
using ckstudio::test::runCli;

QString fixture(const char* name) {
    return QStringLiteral(CKSTUDIO_FIXTURES_DIR "/schema/") + QString::fromUtf8(name);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestCliValidate : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(QFile::exists(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-cli"))); }

    void validConfig() {
        const Run run = runCli({QStringLiteral("validate"), fixture("valid.json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("ok: 2 tables\n"));
        QCOMPARE(run.err, QByteArray());
    }

    void invalidConfigListsEveryErrorOnStdout() {
        const Run run = runCli({QStringLiteral("validate"), fixture("invalid.json")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(
            QString::fromUtf8(run.out),
            QStringLiteral(
                "tables[0].columns[1].name: duplicate column name \"id\" (first at columns[0])\n"
                "tables[0].topics[0].name: \"..\" is not allowed: Must consist of alpha-numeric characters, "
                "underscores, dashes or dots, max 249 characters\n"
                "tables[0].data_format: \"JSON\" is not one of Avro, AvroConfluent, CSV, JSONAsString, "
                "JSONCompactEachRow, JSONCompactStringsEachRow, JSONEachRow, JSONStringsEachRow, MsgPack, "
                "Parquet, RawBLOB, TSKV, TSV, TabSeparated\n"
                "tables[0].num_consumers: 11 is above the maximum 10\n"
                "tables[0].materialized_view.order_by[0]: ORDER BY column \"ts\" is not a column of this "
                "table; "
                "columns: id, id\n"
                "tables[1]: missing required key \"group_name\"\n"
                "tables[1].poll_timeout: unknown key \"poll_timeout\"; allowed keys: auto_offset_reset, "
                "auto_offset_reset_by_duration_ms, columns, data_format, date_time_input_format, group_name, "
                "handle_error_mode, materialized_view, max_block_size, max_rows_per_message, name, "
                "num_consumers, poll_max_batch_size, poll_max_timeout_ms, producer_batch_num_messages, "
                "producer_batch_size, producer_compression_codec, producer_compression_level, "
                "producer_linger_ms, producer_queue_buffering_max_kbytes, "
                "producer_queue_buffering_max_messages, "
                "producer_request_required_acks, skip_broken_messages, thread_per_consumer, topics\n"));
        // Warnings and the summary go to stderr; no consumer hint for a count that is an error anyway.
        QCOMPARE(QString::fromUtf8(run.err),
                 QStringLiteral(
                     "tables[1].data_format: warning: CSV maps message fields to columns by position, not "
                     "by name: keep the columns in the order of the fields in the messages\n") +
                     fixture("invalid.json") + QStringLiteral(": invalid, 7 errors, 1 warning\n"));
    }

    void warningsDoNotFail() {
        const Run run = runCli({QStringLiteral("validate"), fixture("warnings.json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("ok: 1 tables\n"));
        QCOMPARE(QString::fromUtf8(run.err),
                 QStringLiteral(
                     "tables[0].data_format: warning: CSV maps message fields to columns by position, not "
                     "by name: keep the columns in the order of the fields in the messages\n"
                     "tables[0].handle_error_mode: warning: dead_letter_queue needs ClickHouse 25.8 or "
                     "newer (on Aiven; upstream ClickHouse has it from 25.1 and needs <dead_letter_queue> in "
                     "the server config for system.dead_letter_queue)\n"));
    }

    void brokenJsonNamesFileLineColumn_data() {
        QTest::addColumn<QString>("command");
        QTest::newRow("validate") << QStringLiteral("validate");
        QTest::newRow("format") << QStringLiteral("format");
    }
    void brokenJsonNamesFileLineColumn() {
        QFETCH(QString, command);
        const QString path = fixture("broken.json");
        const Run run = runCli({command, path});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(run.err.startsWith((path + QStringLiteral(":3:18: ")).toUtf8()), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }

    void hostileFiles_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("position");
        QTest::addColumn<QString>("message");
        const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
        const QByteArray deepObject =
            QByteArray("{\"tables\":") + QByteArray(3000, '[') + QByteArray(3000, ']') + "}";
        const QByteArray badUtf8 = QByteArray("{\"tables\":[{\"name\":\"ab\xC3\x28\"}]}");
        const QByteArray lone = QByteArray("{\n\"tables\": [\xFF]\n}");
        for (const char* command : {"validate", "format"}) {
            const QString c = QString::fromUtf8(command);
            QTest::newRow(QByteArray(command) + " deep arrays")
                << c << deep << QStringLiteral(":1:257: ")
                << QStringLiteral("nesting deeper than 256 levels");
            QTest::newRow(QByteArray(command) + " deep inside a config")
                << c << deepObject << QStringLiteral(":1:266: ") << QStringLiteral("nesting deeper than");
            QTest::newRow(QByteArray(command) + " invalid UTF-8 in a string")
                << c << badUtf8 << QStringLiteral(":1:") << QStringLiteral("UTF-8");
            QTest::newRow(QByteArray(command) + " invalid byte outside strings")
                << c << lone << QStringLiteral(":2:") << QString();
            QTest::newRow(QByteArray(command) + " empty file")
                << c << QByteArray() << QStringLiteral(":1:1: ") << QString();
        }
    }
    void hostileFiles() {
        QFETCH(QString, command);
        QFETCH(QByteArray, content);
        QFETCH(QString, position);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hostile.json"));
        QVERIFY(writeFile(path, content));
        const Run run = runCli({command, path}); // a hang fails in runCli's 60 s wait
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.startsWith(path + position), qPrintable(err));
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void missingAndUnreadableFiles() {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("nope.json"));
        for (const QString& command : {QStringLiteral("validate"), QStringLiteral("format")}) {
            const Run run = runCli({command, missing});
            QCOMPARE(run.exitCode, 2);
            QCOMPARE(run.out, QByteArray());
            QVERIFY2(run.err.startsWith((missing + QStringLiteral(": ")).toUtf8()), run.err.constData());
            const Run directory = runCli({command, dir.path()});
            QCOMPARE(directory.exitCode, 2);
            QVERIFY2(directory.err.startsWith(dir.path().toUtf8()), directory.err.constData());
        }
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("validate without file")
            << QStringList{QStringLiteral("validate")} << QStringLiteral("missing CONFIG.json");
        QTest::newRow("validate two files")
            << QStringList{QStringLiteral("validate"), fixture("valid.json"), fixture("invalid.json")}
            << QStringLiteral("unexpected argument");
        QTest::newRow("validate unknown option")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--strict"), fixture("valid.json")}
            << QStringLiteral("unknown option --strict");
        QTest::newRow("validate --schema without file")
            << QStringList{QStringLiteral("validate"), fixture("valid.json"), QStringLiteral("--schema")}
            << QStringLiteral("--schema needs a value");
        QTest::newRow("format without file")
            << QStringList{QStringLiteral("format")} << QStringLiteral("missing CONFIG.json");
        QTest::newRow("format unknown option")
            << QStringList{QStringLiteral("format"), QStringLiteral("--indent=4"), fixture("valid.json")}
            << QStringLiteral("unknown option");
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    void helpForEachCommand() {
        for (const QString& command : {QStringLiteral("validate"), QStringLiteral("format")}) {
            const Run run = runCli({command, QStringLiteral("--help")});
            QCOMPARE(run.exitCode, 0);
            QVERIFY(run.out.startsWith("Usage: ckstudio-cli " + command.toUtf8() + " CONFIG.json"));
        }
    }

    void customSchema() {
        QTemporaryDir dir;
        ckstudio::Json schema = ckstudio::Json::parse(
            readAll(QStringLiteral(CKSTUDIO_SOURCE_DIR "/resources/clickhouse_kafka.user_config.schema.json"))
                .toStdString());
        schema["properties"]["tables"]["items"]["properties"]["num_consumers"]["maximum"] = 4;
        schema["properties"]["tables"]["items"]["properties"]["data_format"]["enum"].push_back("JSON");
        const QString schemaPath = dir.filePath(QStringLiteral("schema.json"));
        QVERIFY(writeFile(schemaPath, QByteArray::fromStdString(schema.dump())));
        ckstudio::Json config = ckstudio::Json::parse(readAll(fixture("valid.json")).toStdString());
        config["tables"][0]["num_consumers"] = 5;
        config["tables"][1]["data_format"] = "JSON";
        const QString configPath = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(writeFile(configPath, QByteArray::fromStdString(config.dump())));

        const Run custom =
            runCli({QStringLiteral("validate"), configPath, QStringLiteral("--schema"), schemaPath});
        QCOMPARE(custom.exitCode, 1);
        QCOMPARE(custom.out, QByteArray("tables[0].num_consumers: 5 is above the maximum 4\n"));
        // A saved integration_types response works as well: its clickhouse_kafka schema is used.
        const ckstudio::Json response = {
            {"integration_types",
             {{{"integration_type", "other"}, {"user_config_schema", {{"type", "array"}}}},
              {{"integration_type", "clickhouse_kafka"}, {"user_config_schema", schema}}}}};
        const QString responsePath = dir.filePath(QStringLiteral("integration_types.json"));
        QVERIFY(writeFile(responsePath, QByteArray::fromStdString(response.dump())));
        const Run wrapped =
            runCli({QStringLiteral("validate"), configPath, QStringLiteral("--schema"), responsePath});
        QCOMPARE(wrapped.exitCode, 1);
        QCOMPARE(wrapped.out, custom.out);

        const Run bundled = runCli({QStringLiteral("validate"), configPath});
        QCOMPARE(bundled.exitCode, 1);
        QVERIFY2(bundled.out.startsWith("tables[1].data_format: \"JSON\" is not one of"),
                 bundled.out.constData());
        QCOMPARE(bundled.out.count('\n'), 1);
        config["tables"][0]["num_consumers"] = 4;
        QVERIFY(writeFile(configPath, QByteArray::fromStdString(config.dump())));
        const Run ok =
            runCli({QStringLiteral("validate"), QStringLiteral("--schema=") + schemaPath, configPath});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.out, QByteArray("ok: 2 tables\n"));

        // A schema that is not usable, not JSON, or not there: exit 2 naming the schema file.
        const QString badSchema = dir.filePath(QStringLiteral("bad-schema.json"));
        QVERIFY(writeFile(badSchema, R"({"properties":{"tables":{"maxItems":"many"}}})"));
        const Run bad =
            runCli({QStringLiteral("validate"), configPath, QStringLiteral("--schema"), badSchema});
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(QString::fromUtf8(bad.err),
                 badSchema + QStringLiteral(": not a usable schema: properties.tables.maxItems: expected a "
                                            "non-negative integer, got the string \"many\"\n"));
        const Run broken = runCli(
            {QStringLiteral("validate"), configPath, QStringLiteral("--schema"), fixture("broken.json")});
        QCOMPARE(broken.exitCode, 2);
        QVERIFY(broken.err.startsWith((fixture("broken.json") + QStringLiteral(":3:18: ")).toUtf8()));
        const Run missing = runCli({QStringLiteral("validate"), configPath, QStringLiteral("--schema"),
                                    dir.filePath(QStringLiteral("x"))});
        QCOMPARE(missing.exitCode, 2);
        QCOMPARE(missing.out, QByteArray());
    }

    void formatKeepsUnknownKeysAndOrder() {
        const Run run = runCli({QStringLiteral("format"), fixture("format-input.json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray());
        QCOMPARE(QString::fromUtf8(run.out), QString::fromUtf8(readAll(fixture("format-expected.json"))));
        // Canonical output is a fixed point.
        QTemporaryDir dir;
        const QString again = dir.filePath(QStringLiteral("again.json"));
        QVERIFY(writeFile(again, run.out));
        QCOMPARE(runCli({QStringLiteral("format"), again}).out, run.out);
    }

    // A 20+ MB config: format reproduces it, validate reports the oversized value without echoing it.
    void largeFile() {
        ckstudio::Json config = {{"tables", ckstudio::Json::array()}};
        for (int t = 0; t < 400; ++t) {
            ckstudio::Json table = {{"name", "table_" + std::to_string(t)},
                                    {"columns", ckstudio::Json::array()},
                                    {"topics", ckstudio::Json::array()},
                                    {"data_format", "JSONEachRow"},
                                    {"group_name", "group_" + std::to_string(t)}};
            for (int c = 0; c < 100; ++c)
                table["columns"].push_back({{"name", "column_with_a_long_name_" + std::to_string(c)},
                                            {"type", "Array(Tuple(String, Nullable(Float64)))"}});
            for (int k = 0; k < 100; ++k)
                table["topics"].push_back({{"name", "topic-" + std::to_string(t) + "." + std::to_string(k)}});
            config["tables"].push_back(std::move(table));
        }
        config["tables"][399]["group_name"] = std::string(16 * 1024 * 1024, 'g');
        const QByteArray text = QByteArray::fromStdString(config.dump(1));
        QVERIFY(text.size() > 20 * 1024 * 1024);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.json"));
        QVERIFY(writeFile(path, text));

        QElapsedTimer timer;
        timer.start();
        const Run validate = runCli({QStringLiteral("validate"), path});
        qInfo("validate of a %lld MB file: %lld ms", static_cast<long long>(text.size() >> 20),
              timer.elapsed());
        QCOMPARE(validate.exitCode, 1);
        QCOMPARE(validate.out,
                 QByteArray("tables[399].group_name: 16777216 characters, more than the maximum "
                            "length 249\n"));

        timer.restart();
        const Run format = runCli({QStringLiteral("format"), path});
        qInfo("format of a %lld MB file: %lld ms", static_cast<long long>(text.size() >> 20),
              timer.elapsed());
        QCOMPARE(format.exitCode, 0);
        QVERIFY(format.out.size() > 20 * 1024 * 1024);
        QVERIFY(ckstudio::Json::parse(format.out.toStdString()) == config);
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
