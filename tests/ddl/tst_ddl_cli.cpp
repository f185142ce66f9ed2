// `ckstudio-cli ddl`, run as a process: script on stdout, exit codes 0/1/2, messages naming the problem.
#include "CliProcess.h"
#include "ddl/DestinationDdl.h"
#include "domain/JsonText.h"

#include <QProcess>
#include <QTest>

using namespace ckstudio;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& args) {
    const auto run =
        test::runCli(QStringList{QStringLiteral("ddl")} + args, test::CliOptions().timeout(30000));
    return {run.exitCode, run.outText(), run.errText()};
}

#define FIXTURE_CONFIG CKSTUDIO_FIXTURES_DIR "/ddl/hostile.json"
const QString kConfig = QStringLiteral(FIXTURE_CONFIG);

QStringList strings(const QByteArrayList& list) {
    QStringList out;
    for (const auto& item : list)
        out << QString::fromUtf8(item);
    return out;
}

} // namespace

class TestDdlCli : public QObject {
    Q_OBJECT
private slots:
    void help() {
        const auto r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: ckstudio-cli ddl CONFIG.json --kafka-service SVC")));
        QVERIFY(r.out.contains(QStringLiteral("--virtual-columns")));
    }

    void scriptForEveryTable() {
        const auto r = runCli({kConfig, QStringLiteral("--kafka-service"), QStringLiteral("my-kafka")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const auto config = userConfigFromJson(*readJsonFile(kConfig).value);
        DdlOptions o;
        o.kafkaService = "my-kafka";
        std::vector<DdlStatement> all;
        for (const auto& t : config.tables)
            for (const auto& s : destinationDdl(t, o))
                all.push_back(s);
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(r.out, QString::fromStdString(ddlScript(all)));
        QVERIFY(r.out.contains(QStringLiteral("FROM `service_my-kafka`.`1st-table\\`\\\\ ü`;\n")));
    }

    void optionsReachTheStatements() {
        const auto r = runCli({kConfig,
                               QStringLiteral("--kafka-service=k"),
                               QStringLiteral("--table"),
                               QStringLiteral("events"),
                               QStringLiteral("--target-database"),
                               QStringLiteral("an-db"),
                               QStringLiteral("--engine"),
                               QStringLiteral("VersionedCollapsingMergeTree"),
                               QStringLiteral("--engine-params"),
                               QStringLiteral("sign,version"),
                               QStringLiteral("--order-by"),
                               QStringLiteral("ts,id"),
                               QStringLiteral("--partition-by"),
                               QStringLiteral("toYYYYMM(ts)"),
                               QStringLiteral("--ttl-column"),
                               QStringLiteral("ts"),
                               QStringLiteral("--ttl-days"),
                               QStringLiteral("90"),
                               QStringLiteral("--destination"),
                               QStringLiteral("ev"),
                               QStringLiteral("--view"),
                               QStringLiteral("ev_mv")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("CREATE TABLE IF NOT EXISTS `an-db`.`ev`\n")));
        QVERIFY(r.out.contains(QStringLiteral("ENGINE = VersionedCollapsingMergeTree(`sign`, `version`)\n"
                                              "PARTITION BY toYYYYMM(ts)\nORDER BY (`ts`, `id`)\n"
                                              "TTL `ts` + INTERVAL 90 DAY;\n\n")));
        QVERIFY(r.out.contains(
            QStringLiteral("CREATE MATERIALIZED VIEW IF NOT EXISTS `an-db`.`ev_mv` TO `an-db`.`ev`")));
        QVERIFY(r.out.endsWith(QStringLiteral("FROM `service_k`.`events`;\n")));
        QVERIFY(r.err.contains(QStringLiteral("warning: ")) && r.err.contains(QStringLiteral("19.6")));
    }

    void virtualColumnsAndTuple() {
        const auto r = runCli({kConfig, QStringLiteral("--kafka-service"), QStringLiteral("k"),
                               QStringLiteral("--table"), QStringLiteral("events"),
                               QStringLiteral("--virtual-columns"), QStringLiteral("_topic,_offset"),
                               QStringLiteral("--order-by"), QStringLiteral("tuple()")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("    `_topic` String,\n    `_offset` UInt64\n)")));
        QVERIFY(r.out.contains(QStringLiteral("ORDER BY tuple();")));
        QVERIFY(r.err.contains(QStringLiteral("_topic")));
    }

    void invalidForDdlExitsOne_data() {
        QTest::addColumn<QByteArrayList>("extra");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown table")
            << QByteArrayList{"--table", "nope"} << QByteArray("no table named 'nope'");
        QTest::newRow("order-by column") << QByteArrayList{"--table", "events", "--order-by", "id,missing"}
                                         << QByteArray("order_by[1]: no column 'missing'");
        QTest::newRow("engine") << QByteArrayList{"--engine", "Memory"}
                                << QByteArray("engine: unknown engine 'Memory'");
        QTest::newRow("sign column") << QByteArrayList{"--table",         "events",
                                                       "--engine",        "CollapsingMergeTree",
                                                       "--engine-params", "version"}
                                     << QByteArray("engine_params[0]: column 'version'");
        QTest::newRow("ttl column") << QByteArrayList{"--table", "events",     "--ttl-column",
                                                      "level",   "--ttl-days", "3"}
                                    << QByteArray("ttl_column: column 'level' is String");
        QTest::newRow("virtual") << QByteArrayList{"--virtual-columns", "_nope"}
                                 << QByteArray("unknown Kafka virtual column '_nope'");
        QTest::newRow("nullable key")
            << QByteArrayList{"--table", "events", "--order-by", "note"}
            << QByteArray("order_by[0]: column 'note' cannot be in the sorting key: it is Nullable(String)");
    }
    void invalidForDdlExitsOne() {
        QFETCH(QByteArrayList, extra);
        QFETCH(QByteArray, message);
        const auto r = runCli(strings(QByteArrayList{FIXTURE_CONFIG, "--kafka-service", "k"} + extra));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QString::fromUtf8(message)), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(kConfig + QLatin1Char(':')), qPrintable(r.err));
    }

    void usageAndFileErrorsExitTwo_data() {
        QTest::addColumn<QByteArrayList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no service") << QByteArrayList{FIXTURE_CONFIG}
                                    << QByteArray("missing --kafka-service SVC");
        QTest::newRow("no config") << QByteArrayList{"--kafka-service", "k"}
                                   << QByteArray("missing CONFIG.json");
        QTest::newRow("unknown option") << QByteArrayList{FIXTURE_CONFIG, "--kafka-service", "k", "--bogus"}
                                        << QByteArray("unknown option --bogus");
        QTest::newRow("missing value") << QByteArrayList{FIXTURE_CONFIG, "--kafka-service"}
                                       << QByteArray("--kafka-service needs a value");
        QTest::newRow("ttl days") << QByteArrayList{FIXTURE_CONFIG, "--kafka-service", "k", "--ttl-days",
                                                    "ten"}
                                  << QByteArray("--ttl-days needs a whole number");
        QTest::newRow("url without execute")
            << QByteArrayList{FIXTURE_CONFIG, "--kafka-service", "k", "--clickhouse-url", "http://x"}
            << QByteArray("only used with --execute");
        QTest::newRow("names need one table")
            << QByteArrayList{FIXTURE_CONFIG, "--kafka-service", "k", "--destination", "d"}
            << QByteArray("add --table");
        QTest::newRow("missing file")
            << QByteArrayList{CKSTUDIO_FIXTURES_DIR "/ddl/none.json", "--kafka-service", "k"}
            << QByteArray(CKSTUDIO_FIXTURES_DIR "/ddl/none.json: ");
        QTest::newRow("broken json") << QByteArrayList{CKSTUDIO_FIXTURES_DIR "/ddl/broken.json",
                                                       "--kafka-service", "k"}
                                     << QByteArray(CKSTUDIO_FIXTURES_DIR "/ddl/broken.json:3:");
    }
    void usageAndFileErrorsExitTwo() {
        QFETCH(QByteArrayList, args);
        QFETCH(QByteArray, message);
        const auto r = runCli(strings(args));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QString::fromUtf8(message)), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestDdlCli)
#include "tst_ddl_cli.moc"
