// `ddl --execute` (cli::executeDdl, app/cli/CmdDdlExecute) on a real ClickHouse 18.16, run twice: the second
// run finds what exists and compares an existing destination's columns with the DDL by canonical type (BIGINT
// is stored as Int64, Decimal32(4) as Decimal(9, 4), a Nested column as its arrays c.a, c.b), and finds an
// existing database; and its output against 26.5's HTTP interface, replayed (ModernDdlReplay.h).
#include "ClickHouseServer.h"
#include "ModernDdlReplay.h"
#include "cli/Cli.h"
#include "cli/CmdDdlExecute.h"
#include "ddl/DestinationDdl.h"

#include <QTest>
#include <sstream>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

const std::string kKafka = "exec-kafka";

struct Run {
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestDdlExecute : public QObject {
    Q_OBJECT
    ClickHouseServer server;

    bool run(const std::string& sql) {
        const auto r = server.query(QString::fromStdString(sql));
        if (!r.ok())
            qWarning("statement failed (%d): %s\n%s", r.status, sql.c_str(), r.body.constData());
        return r.ok();
    }

    Run execute(const std::vector<DdlStatement>& statements, const QString& url = {}) {
        std::ostringstream out;
        std::ostringstream err;
        cli::CliIo io{out, err};
        std::optional<int> code;
        const auto immediate = cli::executeDdl(
            statements,
            {QStringLiteral("--clickhouse-url"), url.isEmpty() ? server.httpUrl().toString() : url}, io,
            [&](int c) { code = c; });
        if (immediate)
            code = immediate;
        else if (!QTest::qWaitFor([&] { return code.has_value(); }, 60000))
            qWarning("executeDdl did not finish");
        return {code.value_or(-1), QString::fromStdString(out.str()), QString::fromStdString(err.str())};
    }

    // A connector table whose types the server stores under other names.
    static ConnectorTable aliasTable() {
        ConnectorTable t = newConnectorTable("aliases");
        t.columns = {{"id", "BIGINT", {}, {}, {}},    {"name", "VARCHAR", {}, {}, {}},
                     {"n", "INT", {}, {}, {}},        {"amount", "Decimal32(4)", {}, {}, {}},
                     {"ratio", "DOUBLE", {}, {}, {}}, {"tags", "Nested(k String, v UInt8)", {}, {}, {}}};
        return t;
    }

private slots:
    void initTestCase() {
        QVERIFY2(server.start(), qPrintable(server.error()));
        const auto table = aliasTable();
        QVERIFY(run("CREATE DATABASE " + quoteIdentifier("service_" + kKafka)));
        std::string sql = "CREATE TABLE " + qualifiedName("service_" + kKafka, table.name) + " (";
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            sql += (i ? ", " : "") + quoteIdentifier(table.columns[i].name) + " " + table.columns[i].type;
        QVERIFY(run(sql + ") ENGINE = Null"));
    }

    void secondRunFindsMatchingColumns() {
        DdlOptions o;
        o.kafkaService = kKafka;
        const auto result = generateDestinationDdl(aliasTable(), o);
        QVERIFY(!hasErrors(result.problems));
        Run first = execute(result.statements);
        QVERIFY2(first.code == cli::ExitOk, qPrintable(first.err));
        QVERIFY2(first.out.contains(QStringLiteral("created: destination table default.aliases_data")),
                 qPrintable(first.out));

        Run second = execute(result.statements);
        QVERIFY2(second.code == cli::ExitOk, qPrintable(second.err));
        QVERIFY2(
            second.out.contains(QStringLiteral("already existed: destination table default.aliases_data")),
            qPrintable(second.out));
        QVERIFY2(second.err.contains(QStringLiteral("its columns match the DDL")), qPrintable(second.err));
        QVERIFY2(!second.out.contains(QStringLiteral("differs")), qPrintable(second.out));
    }

    // The comparison still sees real differences: a column of another type, one missing, one extra.
    void differencesAreStillReported() {
        QVERIFY(run(
            "CREATE TABLE default.other_data (id Int32, name String, extra UInt8, `tags.k` Array(String)) "
            "ENGINE = MergeTree() ORDER BY id"));
        DdlOptions o;
        o.kafkaService = kKafka;
        o.destinationName = "other_data";
        o.viewName = "other_mv";
        const auto result = generateDestinationDdl(aliasTable(), o);
        QVERIFY(!hasErrors(result.problems));
        const Run r = execute({result.statements.front()});
        QVERIFY2(r.code == cli::ExitOk, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("column id is Int32, the DDL says BIGINT")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("missing column amount Decimal32(4)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("missing column tags.v Array(UInt8)")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("extra column extra UInt8")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("column name is")), qPrintable(r.out)); // VARCHAR is String
        QVERIFY2(!r.out.contains(QStringLiteral("tags.k")), qPrintable(r.out));
    }

    // A CREATE DATABASE for a database that exists is not run again (the probe read '' for every database).
    void existingDatabaseIsFound() {
        QVERIFY(run("CREATE DATABASE `probe-db`"));
        const Run r = execute({{"database probe-db", "CREATE DATABASE IF NOT EXISTS `probe-db`"},
                               {"database probe-new", "CREATE DATABASE IF NOT EXISTS `probe-new`"}});
        QVERIFY2(r.code == cli::ExitOk, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("already existed: database probe-db")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("created: database probe-new")), qPrintable(r.out));
    }

    // The same output against 26.5's HTTP interface: existing objects, a view the server refuses (its code
    // and message on stderr, exit 4) and the statement after it not run.
    void modernServerOutput() {
        ModernDdlReplay modern;
        ReplayClickHouse replay([&](const ReplayRequest& r) { return modern.answer(r); });
        QVERIFY(replay.listenOnLoopback());
        const Run r = execute(kModernStatements, QString::fromLatin1(replay.url()));
        QCOMPARE(r.code, int(cli::ExitRemote));
        QCOMPARE(r.out, QStringLiteral("already existed: database dest\n"
                                       "already existed: destination table dest.events\n"
                                       "failed: materialized view dest.events_mv\n"
                                       "not run: materialized view dest.other_mv\n"));
        QVERIFY2(r.err.startsWith(QStringLiteral("connected to ClickHouse 26.5.1.1 at ")), qPrintable(r.err));
        QVERIFY2(
            r.err.contains(QStringLiteral("[2/4] destination table dest.events: already exists, not changed\n"
                                          "      its columns match the DDL\n"
                                          "[3/4] materialized view dest.events_mv: running...\n")),
            qPrintable(r.err));
        QVERIFY2(
            r.err.contains(QStringLiteral("ckstudio-cli ddl --execute: materialized view dest.events_mv: "
                                          "ClickHouse error 60: ")),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Unknown table expression identifier 'src.raw'")),
                 qPrintable(r.err));
    }

    // An existing destination's differences are printed even when a later statement fails.
    void differencesSurviveALaterFailure() {
        QVERIFY(run("CREATE DATABASE later"));
        QVERIFY(run("CREATE TABLE later.t (id Int32) ENGINE = Memory"));
        const Run r = execute(
            {{"destination table later.t", "CREATE TABLE IF NOT EXISTS later.t (id Int64) ENGINE = Memory"},
             {"destination table later.bad", "CREATE TABLE later.bad (x NoSuchType) ENGINE = Memory"}});
        QCOMPARE(r.code, int(cli::ExitRemote));
        QCOMPARE(r.out, QStringLiteral(
                            "already existed: destination table later.t\n"
                            "warning: later.t differs from the DDL: column id is Int32, the DDL says Int64\n"
                            "failed: destination table later.bad\n"));
    }

    void cleanupTestCase() { server.stop(); }
};

QTEST_GUILESS_MAIN(TestDdlExecute)
#include "tst_ddl_execute.moc"
