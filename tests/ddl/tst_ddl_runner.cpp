// DdlRunner, the DDL run that the dialog and `ddl --execute` drive: against a real ClickHouse 18.16 (fresh
// run, rerun, an existing destination with other columns, a failing statement, cancel at each point) and
// against a byte-exact replay of 26.5's HTTP interface (tests/http_modern/ReplayClickHouse): canonical
// types in system.columns, an error status with X-ClickHouse-Exception-Code, a readonly=1 user.
#include "ClickHouseServer.h"
#include "ModernDdlReplay.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/DdlRunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

using Outcome = DdlStep::Outcome;

std::vector<Outcome> outcomesOf(const DdlRunner& runner) {
    std::vector<Outcome> out;
    for (const DdlStep& s : runner.steps())
        out.push_back(s.outcome);
    return out;
}

QString differencesOf(const DdlStep& step) {
    QStringList lines;
    for (const ColumnDifference& d : step.differences)
        lines << d.toString();
    return lines.join(QStringLiteral("; "));
}

// Starts `runner` and waits for finished(); returns its argument, or nullopt when it did not come.
std::optional<bool> runToEnd(DdlRunner& runner) {
    QSignalSpy finished(&runner, &DdlRunner::finished);
    runner.start();
    if (!finished.wait(30000))
        return std::nullopt;
    return finished.first().first().toBool();
}

} // namespace

class TestDdlRunner : public QObject {
    Q_OBJECT
    ClickHouseServer server;
    std::unique_ptr<ClickHouseClient> client;

    void exec(const QString& sql) {
        const QueryResult r = server.query(sql);
        QVERIFY2(r.ok(), r.body.constData());
    }

    // Through the system tables: 18.16 has no EXISTS DATABASE.
    bool exists(const QString& database, const QString& table = {}) {
        const QString sql =
            table.isEmpty()
                ? QStringLiteral("SELECT count() FROM system.databases WHERE name = '%1'").arg(database)
                : QStringLiteral("SELECT count() FROM system.tables WHERE database = '%1' AND name = '%2'")
                      .arg(database, table);
        return server.queryOk(sql).trimmed() == "1";
    }

    static std::vector<DdlStatement> destination(const QString& db) {
        const std::string d = db.toStdString();
        return {
            {"database " + d, "CREATE DATABASE IF NOT EXISTS " + d},
            {"destination table " + d + ".events",
             "CREATE TABLE IF NOT EXISTS " + d +
                 ".events (id BIGINT, name VARCHAR, amount Decimal32(4)) ENGINE = MergeTree ORDER BY id"},
            {"materialized view " + d + ".events_mv", "CREATE MATERIALIZED VIEW IF NOT EXISTS " + d +
                                                          ".events_mv TO " + d +
                                                          ".events AS SELECT id, name, amount FROM src.raw"},
        };
    }

private slots:
    void initTestCase() {
        QVERIFY2(server.start(), qPrintable(server.error()));
        ConnectionSettings settings;
        settings.url = server.httpUrl();
        client = std::make_unique<ClickHouseClient>(settings);
        exec(QStringLiteral("CREATE DATABASE src"));
        exec(QStringLiteral(
            "CREATE TABLE src.raw (id Int64, name String, amount Decimal(9, 4)) ENGINE = Memory"));
    }

    void targetsAndColumnsAreRead() {
        const auto t = DdlTarget::of(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS `my-db` . `events.data` (`id` UInt64) ENGINE = Memory"));
        QCOMPARE(t.kind, DdlTarget::Kind::Table);
        QCOMPARE(t.name.database, QStringLiteral("my-db"));
        QCOMPARE(t.name.table, QStringLiteral("events.data"));
        QCOMPARE(DdlTarget::of(QStringLiteral("CREATE MATERIALIZED VIEW db.mv TO db.t AS SELECT 1")).kind,
                 DdlTarget::Kind::View);
        QCOMPARE(DdlTarget::of(QStringLiteral("create or replace view db.v AS SELECT 1")).name.table,
                 QStringLiteral("v"));
        QCOMPARE(DdlTarget::of(QStringLiteral("CREATE DATABASE IF NOT EXISTS x")).name.database,
                 QStringLiteral("x"));
        QCOMPARE(DdlTarget::of(QStringLiteral("ALTER TABLE db.t ADD COLUMN c UInt8")).kind,
                 DdlTarget::Kind::Other);
        const auto columns = createTableColumns(
            QStringLiteral("CREATE TABLE d.t (`a,b` Nullable(Decimal(18, 3)), c String default 'x,y', ts "
                           "DateTime CODEC(ZSTD(1)), INDEX i c TYPE minmax GRANULARITY 1) ENGINE = MergeTree "
                           "ORDER BY tuple()"));
        QCOMPARE(columns.size(), 3u);
        QCOMPARE(columns.at(0).name, QStringLiteral("a,b"));
        QCOMPARE(columns.at(0).type, QStringLiteral("Nullable(Decimal(18, 3))"));
        QCOMPARE(columns.at(1).type, QStringLiteral("String"));
        QCOMPARE(columns.at(2).type, QStringLiteral("DateTime"));
    }

    void columnsCompareByStoredType() {
        const std::vector<DdlColumn> planned = {
            {QStringLiteral("id"), QStringLiteral("BIGINT")},
            {QStringLiteral("e"), QStringLiteral("Enum('a', 'b')")},
            {QStringLiteral("n"), QStringLiteral("Nested(k String, v UInt8)")},
            {QStringLiteral("gone"), QStringLiteral("String")}};
        const std::vector<DdlColumn> existing = {
            {QStringLiteral("id"), QStringLiteral("Int64")},
            {QStringLiteral("e"), QStringLiteral("Enum8('a' = 1, 'b' = 2)")},
            {QStringLiteral("n.k"), QStringLiteral("Array(String)")},
            {QStringLiteral("n.v"), QStringLiteral("Array(UInt16)")},
            {QStringLiteral("more"), QStringLiteral("UInt8")}};
        const auto d = compareColumns(planned, existing);
        QCOMPARE(d.size(), 3u);
        QCOMPARE(d[0].toString(), QStringLiteral("column n.v is Array(UInt16), the DDL says Array(UInt8)"));
        QCOMPARE(d[1].toString(), QStringLiteral("missing column gone String"));
        QCOMPARE(d[2].toString(), QStringLiteral("extra column more UInt8 (not in the DDL)"));
        // flatten_nested = 0: the server keeps the Nested column whole.
        QVERIFY(
            compareColumns({planned[2]}, {{QStringLiteral("n"), QStringLiteral("Nested(k String, v UInt8)")}})
                .empty());
    }

    // One query for every target; databases and tables only those the statements make.
    void probeIsOneQuery() {
        const QString sql = DdlRunner::probeSql(
            {DdlTarget::of(QStringLiteral("CREATE DATABASE IF NOT EXISTS `a'b`")),
             DdlTarget::of(QStringLiteral("CREATE TABLE d.t (x UInt8) ENGINE = Memory")),
             DdlTarget::of(QStringLiteral("CREATE MATERIALIZED VIEW d.mv TO d.t AS SELECT 1 AS x")),
             DdlTarget::of(QStringLiteral("SELECT 1"))});
        QCOMPARE(sql,
                 QStringLiteral("SELECT 'table' AS kind, database AS found_database, name AS found_table "
                                "FROM system.tables WHERE (database = 'd' AND name = 't') OR (database "
                                "= 'd' AND name = 'mv') UNION ALL SELECT 'database' AS kind, name AS "
                                "found_database, '' AS found_table FROM system.databases WHERE name IN "
                                "('a\\'b') FORMAT JSONEachRow"));
        QVERIFY(DdlRunner::probeSql({DdlTarget::of(QStringLiteral("SELECT 1"))}).isEmpty());
        const QueryResult r = server.query(sql);
        QVERIFY2(r.ok(), r.body.constData()); // 18.16 takes it as it is
    }

    void freshRunCreatesInOrder() {
        DdlRunner runner(destination(QStringLiteral("fresh")));
        runner.setClient(client.get());
        QList<std::size_t> started;
        QList<std::size_t> done;
        connect(&runner, &DdlRunner::stepStarted, this, [&](std::size_t i) { started << i; });
        connect(&runner, &DdlRunner::stepDone, this, [&](std::size_t i) { done << i; });
        QSignalSpy connected(&runner, &DdlRunner::connected);
        QCOMPARE(runToEnd(runner), std::optional<bool>(true));
        QCOMPARE(connected.size(), 1);
        QCOMPARE(outcomesOf(runner), (std::vector<Outcome>{Outcome::Ran, Outcome::Ran, Outcome::Ran}));
        QCOMPARE(started, (QList<std::size_t>{0, 1, 2}));
        QCOMPARE(done, (QList<std::size_t>{0, 1, 2}));
        QVERIFY(!runner.stop());
        QVERIFY(exists(QStringLiteral("fresh"), QStringLiteral("events_mv")));
    }

    void rerunSkipsExistingAndFindsSameColumns() {
        DdlRunner runner(destination(QStringLiteral("again")));
        runner.setClient(client.get());
        QCOMPARE(runToEnd(runner), std::optional<bool>(true));
        exec(QStringLiteral("INSERT INTO src.raw VALUES (1, 'one', 1.5)"));
        QCOMPARE(server.queryOk(QStringLiteral("SELECT count() FROM again.events")).trimmed(),
                 QByteArray("1"));

        QCOMPARE(runToEnd(runner), std::optional<bool>(true)); // the same runner, started again
        QCOMPARE(outcomesOf(runner),
                 (std::vector<Outcome>{Outcome::Existed, Outcome::Existed, Outcome::Existed}));
        const DdlStep& table = runner.steps()[1];
        QVERIFY(
            table
                .columnsCompared); // BIGINT, VARCHAR, Decimal32(4) are stored as Int64, String, Decimal(9, 4)
        QVERIFY2(table.differences.empty(), qPrintable(differencesOf(table)));
        QVERIFY(!runner.steps()[0].columnsCompared);
        QVERIFY(!runner.steps()[2].columnsCompared);
        QCOMPARE(server.queryOk(QStringLiteral("SELECT count() FROM again.events")).trimmed(),
                 QByteArray("1"));
    }

    void existingDestinationWithOtherColumnsIsReported() {
        exec(QStringLiteral("CREATE DATABASE other"));
        exec(
            QStringLiteral("CREATE TABLE other.events (id Int32, name String, extra UInt8) ENGINE = Memory"));
        DdlRunner runner(destination(QStringLiteral("other")));
        runner.setClient(client.get());
        QCOMPARE(runToEnd(runner), std::optional<bool>(true));
        QCOMPARE(outcomesOf(runner),
                 (std::vector<Outcome>{Outcome::Existed, Outcome::Existed, Outcome::Ran}));
        const DdlStep& table = runner.steps()[1];
        QVERIFY(table.columnsCompared);
        QCOMPARE(differencesOf(table),
                 QStringLiteral("column id is Int32, the DDL says BIGINT; missing column "
                                "amount Decimal32(4); extra column extra UInt8 (not in "
                                "the DDL)"));
        QCOMPARE(
            server
                .queryOk(QStringLiteral("SELECT count() FROM system.columns WHERE database = 'other' AND "
                                        "table = 'events'"))
                .trimmed(),
            QByteArray("3")); // left as it was
    }

    // The failing statement carries the server's own code and message; what follows is not run.
    void failingStatementStopsWithTheServersError() {
        const std::vector<DdlStatement> statements = {
            {"database broken", "CREATE DATABASE IF NOT EXISTS broken"},
            {"destination table broken.t", "CREATE TABLE broken.t (id UInt64) ENGINE = NoSuchEngine"},
            {"materialized view broken.mv",
             "CREATE MATERIALIZED VIEW broken.mv TO broken.t AS SELECT 1 AS id"},
        };
        DdlRunner runner(statements);
        runner.setClient(client.get());
        QCOMPARE(runToEnd(runner), std::optional<bool>(false));
        QCOMPARE(outcomesOf(runner), (std::vector<Outcome>{Outcome::Ran, Outcome::Failed, Outcome::NotRun}));
        const DdlStep& failed = runner.steps()[1];
        QVERIFY(failed.error);
        const QueryResult direct = server.query(QString::fromStdString(statements[1].sql));
        QVERIFY(!direct.ok());
        QCOMPARE(failed.error->kind, ClickHouseError::Kind::Server);
        QVERIFY(failed.error->serverCode > 0);
        QVERIFY2(direct.body.startsWith("Code: " + QByteArray::number(failed.error->serverCode)),
                 direct.body.constData());
        QVERIFY2(direct.body.contains(failed.error->message.toUtf8()), qPrintable(failed.error->message));
        QVERIFY(failed.error->message.contains(QStringLiteral("NoSuchEngine")));
        QVERIFY(runner.stop());
        QCOMPARE(runner.stop()->stage, DdlRunStop::Stage::Running);
        QCOMPARE(runner.stop()->statement, 1u);
        QCOMPARE(runner.stop()->during, QStringLiteral("destination table broken.t"));
        QVERIFY(!exists(QStringLiteral("broken"), QStringLiteral("mv")));
    }

    void cancelBeforeTheServerAnswersRunsNothing() {
        DdlRunner runner(destination(QStringLiteral("never")));
        ConnectionSettings settings;
        settings.url = server.httpUrl();
        ClickHouseClient fresh(settings); // capabilities not loaded yet: cancel lands while connecting
        runner.setClient(&fresh);
        QSignalSpy finished(&runner, &DdlRunner::finished);
        runner.start();
        runner.cancel();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(outcomesOf(runner),
                 (std::vector<Outcome>{Outcome::NotRun, Outcome::NotRun, Outcome::NotRun}));
        QCOMPARE(runner.stop()->error.kind, ClickHouseError::Kind::Cancelled);
        QVERIFY(!exists(QStringLiteral("never")));
    }

    void cancelBetweenStatementsStopsThere() {
        DdlRunner runner(destination(QStringLiteral("half")));
        runner.setClient(client.get());
        connect(&runner, &DdlRunner::stepDone, &runner, [&](std::size_t i) {
            if (i == 0)
                runner.cancel();
        });
        QCOMPARE(runToEnd(runner), std::optional<bool>(false));
        QCOMPARE(outcomesOf(runner), (std::vector<Outcome>{Outcome::Ran, Outcome::NotRun, Outcome::NotRun}));
        QCOMPARE(runner.stop()->error.kind, ClickHouseError::Kind::Cancelled);
        QVERIFY(exists(QStringLiteral("half")));
        QVERIFY(!exists(QStringLiteral("half"), QStringLiteral("events")));
    }

    // A statement in flight is aborted at once; it is reported as cancelled (the server may have run it),
    // not as not run.
    void cancelInFlightAbortsTheStatement() {
        const std::vector<DdlStatement> statements = {
            {"table default.slow", "CREATE TABLE default.slow ENGINE = Memory AS SELECT sleep(3) AS x"},
            {"table default.after", "CREATE TABLE default.after (x UInt8) ENGINE = Memory"},
        };
        DdlRunner runner(statements);
        runner.setClient(client.get());
        QElapsedTimer clock;
        connect(&runner, &DdlRunner::stepStarted, &runner, [&](std::size_t i) {
            if (i == 0)
                QTimer::singleShot(300, &runner, [&] {
                    clock.start();
                    runner.cancel();
                });
        });
        QCOMPARE(runToEnd(runner), std::optional<bool>(false));
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(outcomesOf(runner), (std::vector<Outcome>{Outcome::Cancelled, Outcome::NotRun}));
        QCOMPARE(runner.stop()->error.kind, ClickHouseError::Kind::Cancelled);
        QVERIFY(!exists(QStringLiteral("default"), QStringLiteral("after")));
    }

    void withoutAClientTheRunStops() {
        DdlRunner runner(destination(QStringLiteral("nowhere")));
        QCOMPARE(runToEnd(runner), std::optional<bool>(false));
        QCOMPARE(runner.stop()->error.kind, ClickHouseError::Kind::Usage);
        QCOMPARE(runner.steps()[0].outcome, Outcome::NotRun);
    }

    // 26.5: one probe (with readonly=2) finds the database and the table; the table's stored types equal the
    // planned ones; the first missing view fails with the server's 404 and code 60, the next is not run.
    void modernServerRun() {
        ModernDdlReplay modern;
        ReplayClickHouse replay([&](const ReplayRequest& r) { return modern.answer(r); });
        QVERIFY(replay.listenOnLoopback());
        ConnectionSettings settings;
        settings.url = QUrl(QString::fromLatin1(replay.url()));
        ClickHouseClient modernClient(settings);
        DdlRunner runner(kModernStatements);
        runner.setClient(&modernClient);
        QCOMPARE(runToEnd(runner), std::optional<bool>(false));
        QCOMPARE(outcomesOf(runner), (std::vector<Outcome>{Outcome::Existed, Outcome::Existed,
                                                           Outcome::Failed, Outcome::NotRun}));
        const DdlStep& table = runner.steps()[1];
        QVERIFY(table.columnsCompared);
        QVERIFY2(table.differences.empty(), qPrintable(differencesOf(table)));
        const DdlStep& view = runner.steps()[2];
        QVERIFY(view.error);
        QCOMPARE(view.error->serverCode, 60);
        QCOMPARE(view.error->httpStatus, 404);
        QVERIFY2(view.error->message.contains(QStringLiteral(
                     "Unknown table expression identifier 'src.raw' in scope SELECT id FROM src.raw")),
                 qPrintable(view.error->message));
        QCOMPARE(modern.bodies.size(), 4); // capabilities, the probe, system.columns, the failing view
        QVERIFY(modern.bodies[1].contains("FROM system.tables") &&
                modern.bodies[1].contains("FROM system.databases"));
        QVERIFY(modern.targets[1].contains("readonly=2"));
        QVERIFY(modern.bodies[3].startsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS dest.events_mv"));
    }

    // A readonly=1 user's server refuses every setting, even readonly=2: the runner learns it from the
    // capabilities and probes without settings.
    void modernReadonlyUserProbesWithoutSettings() {
        ModernDdlReplay modern;
        modern.readonly = 1;
        ReplayClickHouse replay([&](const ReplayRequest& r) { return modern.answer(r); });
        QVERIFY(replay.listenOnLoopback());
        ConnectionSettings settings;
        settings.url = QUrl(QString::fromLatin1(replay.url()));
        ClickHouseClient modernClient(settings);
        DdlRunner runner({kModernStatements[0], kModernStatements[1]});
        runner.setClient(&modernClient);
        QCOMPARE(runToEnd(runner), std::optional<bool>(true));
        QCOMPARE(outcomesOf(runner), (std::vector<Outcome>{Outcome::Existed, Outcome::Existed}));
        for (const QByteArray& target : modern.targets)
            QVERIFY2(!target.contains("readonly="), target.constData());
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestDdlRunner)
#include "tst_ddl_runner.moc"
