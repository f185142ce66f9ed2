// The generated DDL on a real ClickHouse 18.16: stand-ins for the connector tables (same columns, ENGINE =
// Null) in `service_<kafka>` with a hostile Kafka service name, the DDL run statement by statement, and rows
// inserted into the stand-ins reaching the destination tables with exact values, through every engine the
// server can run.
#include "ClickHouseServer.h"
#include "ddl/DestinationDdl.h"
#include "domain/JsonText.h"

#include <QProcess>
#include <QTest>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

const std::string kKafka = "my-kafka-1";
const std::string kSourceDb = "service_" + kKafka;

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

UserConfig fixtureConfig() {
    const auto file = readJsonFile(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/ddl/hostile.json"));
    return file ? userConfigFromJson(*file.value) : UserConfig{};
}

} // namespace

class TestDdlClickHouse : public QObject {
    Q_OBJECT
    ClickHouseServer server;
    UserConfig config;

    bool run(const std::string& sql) {
        const auto r = server.query(q(sql));
        if (!r.ok())
            qWarning("statement failed (%d): %s\n%s", r.status, sql.c_str(), r.body.constData());
        return r.ok();
    }

private slots:
    void initTestCase() {
        config = fixtureConfig();
        QCOMPARE(config.tables.size(), std::size_t(2));
        QVERIFY2(server.start(), qPrintable(server.error()));
        QVERIFY(run("CREATE DATABASE " + quoteIdentifier(kSourceDb)));
        // Stand-ins for what the integration creates: the connector tables' columns, without Kafka.
        for (const auto& table : config.tables) {
            std::string sql = "CREATE TABLE " + qualifiedName(kSourceDb, table.name) + " (";
            for (std::size_t i = 0; i < table.columns.size(); ++i)
                sql += (i ? ", " : "") + quoteIdentifier(table.columns[i].name) + " " + table.columns[i].type;
            QVERIFY(run(sql + ") ENGINE = Null"));
        }
    }

    // The CLI's script, split where it says statements end, runs as is and moves hostile rows exactly.
    void cliScriptMovesRowsExactly() {
        QProcess cli;
        cli.start(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-cli"),
                  {QStringLiteral("ddl"), QStringLiteral(CKSTUDIO_FIXTURES_DIR "/ddl/hostile.json"),
                   QStringLiteral("--kafka-service"), q(kKafka)});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QString script = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY(script.endsWith(QStringLiteral(";\n")));
        const QStringList statements = script.split(QStringLiteral(";\n\n"));
        QCOMPARE(statements.size(), 4); // destination + view per table
        for (const auto& statement : statements)
            QVERIFY(run(statement.toStdString()));

        QVERIFY(run("INSERT INTO " + qualifiedName(kSourceDb, "events") +
                    " (id, ts, level, amount, sign, version, note) VALUES "
                    "(2, '2024-01-02 03:04:06', 'warn', -2.25, -1, 7, 'x\\ty'), "
                    "(1, '2024-01-02 03:04:05', 'info', 1.5, 1, 6, NULL)"));
        QCOMPARE(server.queryOk(
                     QStringLiteral("SELECT * FROM default.events_data ORDER BY id FORMAT TabSeparated")),
                 QByteArray("1\t2024-01-02 03:04:05\tinfo\t1.5\t1\t6\t\\N\n"
                            "2\t2024-01-02 03:04:06\twarn\t-2.25\t-1\t7\tx\\ty\n"));

        const std::string hostile = config.tables[1].name;
        std::string columns;
        for (const auto& c : config.tables[1].columns)
            columns += (columns.empty() ? "" : ", ") + quoteIdentifier(c.name);
        QVERIFY(run("INSERT INTO " + qualifiedName(kSourceDb, hostile) + " (" + columns +
                    ") VALUES (7, 'dash-d', -9223372036854775808, 'Grüße 😀', '2020-02-29', 'q\\'s', -1), "
                    "(3, 'b`\\\\', 42, '', '1999-12-31', NULL, 1)"));
        // 18.16's TabSeparated escapes ' as \' and newer servers do not: compare without that difference.
        QCOMPARE(server
                     .queryOk(q("SELECT * FROM " + qualifiedName("default", hostile + "_data") +
                                " ORDER BY `order` FORMAT TabSeparated"))
                     .replace("\\'", "'"),
                 QByteArray("3\tb`\\\\\t42\t\t1999-12-31\t\\N\t1\n"
                            "7\tdash-d\t-9223372036854775808\tGrüße 😀\t2020-02-29\tq's\t-1\n"));
        // The destination's names are exactly the connector's, and the view exists under its own name.
        QCOMPARE(server.queryOk(q("SELECT name FROM system.columns WHERE database = 'default' AND table = " +
                                  quoteStringLiteral(hostile + "_data") + " FORMAT TabSeparatedRaw")),
                 QByteArray("order\nmy-col\na`b\\c\nünï näme 名\n2x\nit's \"q\"\nselect\n"));
        QCOMPARE(server.queryOk(q("SELECT engine FROM system.tables WHERE database = 'default' AND name = " +
                                  quoteStringLiteral(hostile + "_mv") + " FORMAT TabSeparatedRaw")),
                 QByteArray("MaterializedView\n"));
    }

    // Every engine (and option) 18.16 can run without ZooKeeper: created, fed, and holding the rows.
    void everyEngineTakesRows_data() {
        QTest::addColumn<QByteArray>("engine");
        QTest::addColumn<QByteArrayList>("params");
        QTest::addColumn<QByteArrayList>("orderBy");
        QTest::addColumn<QByteArray>("partitionBy");
        QTest::newRow("MergeTree") << QByteArray("MergeTree") << QByteArrayList{}
                                   << QByteArrayList{"ts", "id"} << QByteArray("toYYYYMM(ts)");
        QTest::newRow("Replacing") << QByteArray("ReplacingMergeTree") << QByteArrayList{"version"}
                                   << QByteArrayList{"id"} << QByteArray("");
        QTest::newRow("Replacing no version")
            << QByteArray("ReplacingMergeTree") << QByteArrayList{} << QByteArrayList{} << QByteArray("");
        QTest::newRow("Summing") << QByteArray("SummingMergeTree") << QByteArrayList{"amount"}
                                 << QByteArrayList{"id"} << QByteArray("");
        QTest::newRow("Summing two") << QByteArray("SummingMergeTree") << QByteArrayList{"amount", "version"}
                                     << QByteArrayList{"id"} << QByteArray("");
        QTest::newRow("Aggregating") << QByteArray("AggregatingMergeTree") << QByteArrayList{}
                                     << QByteArrayList{"id"} << QByteArray("");
        QTest::newRow("Collapsing") << QByteArray("CollapsingMergeTree") << QByteArrayList{"sign"}
                                    << QByteArrayList{"id"} << QByteArray("");
        QTest::newRow("VersionedCollapsing")
            << QByteArray("VersionedCollapsingMergeTree") << QByteArrayList{"sign", "version"}
            << QByteArrayList{"id"} << QByteArray("");
        QTest::newRow("no sorting key")
            << QByteArray("MergeTree") << QByteArrayList{} << QByteArrayList{"tuple()"} << QByteArray("");
    }
    void everyEngineTakesRows() {
        QFETCH(QByteArray, engine);
        QFETCH(QByteArrayList, params);
        QFETCH(QByteArrayList, orderBy);
        QFETCH(QByteArray, partitionBy);
        const std::string suffix = QString::fromLatin1(QTest::currentDataTag())
                                       .replace(QLatin1Char(' '), QLatin1Char('_'))
                                       .toStdString();
        DdlOptions o;
        o.kafkaService = kKafka;
        o.engine = engine.toStdString();
        for (const auto& p : params)
            o.engineParams.push_back(p.toStdString());
        if (orderBy == QByteArrayList{"tuple()"})
            o.orderByTuple = true;
        else
            for (const auto& c : orderBy)
                o.orderBy.push_back(c.toStdString());
        o.partitionBy = partitionBy.toStdString();
        o.destinationName = "events-" + suffix;
        o.viewName = "events-" + suffix + "-mv";
        const auto result = generateDestinationDdl(config.tables[0], o);
        QVERIFY(!hasErrors(result.problems));
        for (const auto& s : result.statements)
            QVERIFY(run(s.sql));
        QVERIFY(run("INSERT INTO " + qualifiedName(kSourceDb, "events") +
                    " (id, ts, level, amount, sign, version, note) VALUES "
                    "(10, '2024-03-01 00:00:00', 'a', 0.5, 1, 1, NULL), (11, '2024-04-01 00:00:00', 'b', 2, "
                    "1, 2, 'n')"));
        QCOMPARE(
            server.queryOk(q("SELECT id, amount, note FROM " + qualifiedName("default", o.destinationName) +
                             " ORDER BY id FORMAT TabSeparated")),
            QByteArray("10\t0.5\t\\N\n11\t2\tn\n"));
    }

    // --execute runs the same statements on the server given on the command line.
    void cliExecuteCreatesAndFeeds() {
        QVERIFY(run("CREATE DATABASE `exec-db`"));
        QProcess cli;
        cli.start(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-cli"),
                  {QStringLiteral("ddl"), QStringLiteral(CKSTUDIO_FIXTURES_DIR "/ddl/hostile.json"),
                   QStringLiteral("--kafka-service"), q(kKafka), QStringLiteral("--table"),
                   q(config.tables[1].name), QStringLiteral("--target-database"), QStringLiteral("exec-db"),
                   QStringLiteral("--execute"), QStringLiteral("--clickhouse-url"),
                   server.httpUrl().toString()});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const std::string hostile = config.tables[1].name;
        QVERIFY(run("INSERT INTO " + qualifiedName(kSourceDb, hostile) +
                    " (`order`, `my-col`) VALUES (99, 'via execute')"));
        QCOMPARE(server.queryOk(q("SELECT `order`, `my-col` FROM " +
                                  qualifiedName("exec-db", hostile + "_data") + " FORMAT TabSeparated")),
                 QByteArray("99\tvia execute\n"));
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestDdlClickHouse)
#include "tst_ddl_clickhouse.moc"
