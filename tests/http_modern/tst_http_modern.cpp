// The HTTP interface of ClickHouse 24-26 (no server package here): byte-exact replays of what those servers
// send (ReplayClickHouse.h names the source files), driven through ckstudio-cli preview and the client.
// A query that fails after its body started must show the server's code and message, exit 4, no row and
// never a short success, whichever view of the broken connection Qt takes (the close, or a complete body).
#include "CliProcess.h"
#include "ReplayClickHouse.h"
#include "clickhouse/ClickHouseClient.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

const QByteArray kTag = "Xq3vB7rT0pLm2sZa";
const QByteArray kMemoryError =
    "Code: 241. DB::Exception: Memory limit (total) exceeded: would use 9.31 GiB (attempt to allocate chunk "
    "of "
    "4194304 bytes), maximum: 9.31 GiB. (MEMORY_LIMIT_EXCEEDED) (version 26.5.1.1 (official build))";

QByteArray versionOf(ExceptionLayout layout) {
    switch (layout) {
    case ExceptionLayout::AppendedText:
        return "24.8.14.39";
    case ExceptionLayout::Marker:
        return "25.3.6.56";
    case ExceptionLayout::TaggedFrame:
        return "26.5.1.1";
    }
    return {};
}

// What one scripted server does: its version and exception layout, whether it lists JSONCompact* (the
// preview then reads TabSeparated), how the failing SELECT's rows look and how its answer ends.
struct Script {
    ExceptionLayout layout = ExceptionLayout::TaggedFrame;
    bool jsonCompact = true;
    bool twoColumns = true;
    bool cutMidRow = false;
    bool finalChunk = false;
    QByteArray error = kMemoryError;
    int readonly = 0;
    QList<QByteArray> bodies; // the SQL of every request, in order
};

ReplayResponse answer(Script& script, const ReplayRequest& request) {
    script.bodies << request.body;
    ReplayResponse r;
    if (script.layout == ExceptionLayout::TaggedFrame)
        r.headers.append(qMakePair(QByteArray("X-ClickHouse-Exception-Tag"), kTag));
    r.headers.append(qMakePair(QByteArray("X-ClickHouse-Format"), QByteArray("TabSeparated")));
    const QByteArray& sql = request.body;
    if (request.target.contains("readonly=") && script.readonly == 1) {
        r.status = 500;
        r.reason = "Internal Server Error";
        r.headers.append(qMakePair(QByteArray("X-ClickHouse-Exception-Code"), QByteArray("164")));
        r.chunks = {"Code: 164. DB::Exception: Cannot modify 'readonly' setting in readonly mode. (READONLY) "
                    "(version 26.5.1.1 (official build))\n"};
        return r;
    }
    if (sql.contains("FROM system.formats")) {
        QByteArray tsv = "version\t" + versionOf(script.layout) + '\n';
        for (const char* s :
             {"readonly", "max_execution_time", "max_result_rows", "result_overflow_mode", "max_block_size",
              "output_format_json_quote_64bit_integers", "output_format_json_quote_decimals",
              "output_format_json_quote_denormals", "http_write_exception_in_output_format",
              "enable_http_compression", "cancel_http_readonly_queries_on_client_close"})
            tsv += QByteArray("setting\t") + s + '\n';
        tsv += "format\tTabSeparated\nformat\tTabSeparatedWithNamesAndTypes\nformat\tJSONEachRow\n";
        if (script.jsonCompact)
            tsv += "format\tJSONCompactEachRowWithNamesAndTypes\n";
        tsv += "readonly\t" + QByteArray::number(script.readonly) + '\n';
        r.chunks = {tsv};
        return r;
    }
    if (sql.contains("FROM system.tables")) {
        r.chunks = {
            R"({"database":"default","name":"events","engine":"MergeTree","engine_full":"MergeTree ORDER BY n SETTINGS index_granularity = 8192","create_table_query":"CREATE TABLE default.events (`n` UInt64, `s` String) ENGINE = MergeTree ORDER BY n","dependencies_database":[],"dependencies_table":[]})"
            "\n"};
        return r;
    }
    if (sql.contains("FROM system.columns")) {
        r.chunks = {
            script.twoColumns
                ? QByteArray("{\"name\":\"n\",\"type\":\"UInt64\"}\n{\"name\":\"s\",\"type\":\"String\"}\n")
                : QByteArray("{\"name\":\"n\",\"type\":\"UInt64\"}\n")};
        return r;
    }
    if (sql.startsWith("SELECT * FROM")) {
        QByteArray rows;
        const bool json = sql.contains("JSONCompact");
        if (json) {
            rows =
                script.twoColumns ? "[\"n\", \"s\"]\n[\"UInt64\", \"String\"]\n" : "[\"n\"]\n[\"UInt64\"]\n";
            for (int i = 0; i < 3; ++i)
                rows += script.twoColumns
                            ? "[\"" + QByteArray::number(i) + "\", \"row " + QByteArray::number(i) + "\"]\n"
                            : "[\"" + QByteArray::number(i) + "\"]\n";
            if (script.cutMidRow)
                rows += "[\"3\", \"ro";
        } else {
            rows = script.twoColumns ? "n\ts\nUInt64\tString\n" : "n\nUInt64\n";
            for (int i = 0; i < 3; ++i)
                rows += script.twoColumns ? QByteArray::number(i) + "\trow " + QByteArray::number(i) + '\n'
                                          : QByteArray::number(i) + '\n';
            if (script.cutMidRow)
                rows += "3\tro";
        }
        r.chunks = {rows};
        r.chunks += exceptionChunks(script.layout, script.error, kTag);
        r.finalChunk = script.finalChunk || script.layout == ExceptionLayout::AppendedText;
        return r;
    }
    r.status = 400;
    r.reason = "Bad Request";
    r.chunks = {"Code: 62. DB::Exception: the replay server has no answer for this query. (SYNTAX_ERROR)\n"};
    return r;
}

QByteArray selectOf(const Script& script) {
    for (const QByteArray& body : script.bodies)
        if (body.startsWith("SELECT * FROM") && body.contains(" LIMIT "))
            return body;
    return {};
}

using test::CliRun;

// The child must not take a ClickHouse from the test's environment.
CliRun runCliWithoutClickHouseEnv(const QStringList& args) {
    return test::runCli(args, CliOptions()
                                  .without(QStringLiteral("CLICKHOUSE_URL"))
                                  .without(QStringLiteral("CLICKHOUSE_PASSWORD"))
                                  .timeout(30000));
}

const char* layoutName(ExceptionLayout layout) {
    switch (layout) {
    case ExceptionLayout::AppendedText:
        return "24.10";
    case ExceptionLayout::Marker:
        return "24.11";
    case ExceptionLayout::TaggedFrame:
        return "25.11";
    }
    return "?";
}

} // namespace

class TestHttpModern : public QObject {
    Q_OBJECT
private slots:
    void previewFailingMidStream_data() {
        QTest::addColumn<int>("layout");
        QTest::addColumn<bool>("jsonCompact");
        QTest::addColumn<bool>("twoColumns");
        QTest::addColumn<bool>("cutMidRow");
        QTest::addColumn<bool>("finalChunk");
        for (ExceptionLayout layout :
             {ExceptionLayout::AppendedText, ExceptionLayout::Marker, ExceptionLayout::TaggedFrame})
            for (const bool json : {false, true})
                for (const bool two : {false, true})
                    for (const bool cut : {false, true})
                        for (const bool final : {false, true}) {
                            if (layout == ExceptionLayout::AppendedText && !final)
                                continue; // <= 24.10 always ended the body normally
                            if (cut && !two)
                                continue;
                            QTest::addRow("%s %s %s%s %s", layoutName(layout), json ? "JSONCompact" : "TSV",
                                          two ? "2 columns" : "1 column", cut ? " cut mid-row" : "",
                                          final ? "complete body" : "connection closed")
                                << int(layout) << json << two << cut << final;
                        }
    }

    void previewFailingMidStream() {
        QFETCH(int, layout);
        QFETCH(bool, jsonCompact);
        QFETCH(bool, twoColumns);
        QFETCH(bool, cutMidRow);
        QFETCH(bool, finalChunk);
        Script script;
        script.layout = ExceptionLayout(layout);
        script.jsonCompact = jsonCompact;
        script.twoColumns = twoColumns;
        script.cutMidRow = cutMidRow;
        script.finalChunk = finalChunk;
        ReplayClickHouse server([&](const ReplayRequest& r) { return answer(script, r); });
        QVERIFY(server.listenOnLoopback());
        const CliRun run = runCliWithoutClickHouseEnv(
            {QStringLiteral("preview"), QStringLiteral("--table"), QStringLiteral("default.events"),
             QStringLiteral("--format"), jsonCompact ? QStringLiteral("jsonl") : QStringLiteral("tsv"),
             QStringLiteral("--clickhouse-url"), QString::fromLatin1(server.url())});
        QVERIFY2(run.exitCode == 4, run.err.constData());
        QVERIFY2(run.err.contains("ClickHouse error 241: Memory limit (total) exceeded: would use 9.31 GiB"),
                 run.err.constData());
        QVERIFY2(run.err.contains("(MEMORY_LIMIT_EXCEEDED)"), run.err.constData());
        QVERIFY2(!run.err.contains("__exception__") && !run.err.contains(kTag), run.err.constData());
        QVERIFY2(!run.err.contains("network error") && !run.err.contains("does not match"),
                 run.err.constData());
        QCOMPARE(run.out, QByteArray()); // no row of a failed preview, bogus or not
        QVERIFY(selectOf(script).contains(jsonCompact ? "JSONCompactEachRowWithNamesAndTypes"
                                                      : "TabSeparatedWithNamesAndTypes"));
    }

    // Buffered answers (the client's own small queries in JSONEachRow or TabSeparated).
    void bufferedQueryFailingMidStream_data() {
        QTest::addColumn<int>("layout");
        QTest::addColumn<bool>("finalChunk");
        for (ExceptionLayout layout : {ExceptionLayout::Marker, ExceptionLayout::TaggedFrame})
            for (const bool final : {false, true})
                QTest::addRow("%s %s", layoutName(layout), final ? "complete body" : "connection closed")
                    << int(layout) << final;
    }

    void bufferedQueryFailingMidStream() {
        QFETCH(int, layout);
        QFETCH(bool, finalChunk);
        ReplayClickHouse server([&](const ReplayRequest&) {
            ReplayResponse r;
            if (ExceptionLayout(layout) == ExceptionLayout::TaggedFrame)
                r.headers.append(qMakePair(QByteArray("X-ClickHouse-Exception-Tag"), kTag));
            r.chunks = {"{\"a\":\"1\"}\n{\"a\":\"2\"}\n"};
            r.chunks += exceptionChunks(ExceptionLayout(layout), kMemoryError, kTag);
            r.finalChunk = finalChunk;
            return r;
        });
        QVERIFY(server.listenOnLoopback());
        ConnectionSettings settings;
        settings.url = QUrl(QString::fromLatin1(server.url()));
        ClickHouseClient client(settings);
        ClickHouseQuery* q = client.query(QStringLiteral("SELECT a FROM t FORMAT JSONEachRow"));
        QSignalSpy finished(q, &ClickHouseQuery::finished);
        std::optional<ClickHouseError> error;
        connect(q, &ClickHouseQuery::finished, this, [&] { error = q->error(); });
        QVERIFY(finished.wait(10000));
        QVERIFY(error);
        QCOMPARE(int(error->kind), int(ClickHouseError::Kind::Server));
        QCOMPARE(error->serverCode, 241);
        QVERIFY2(error->message.startsWith(QStringLiteral("Memory limit (total) exceeded")),
                 qPrintable(error->message));
        QVERIFY2(error->message.endsWith(QStringLiteral("(version 26.5.1.1 (official build))")),
                 qPrintable(error->message));
    }

    // 24+ answers 403 both for a failed login and for a missing grant: the code tells them apart.
    void errorStatusesAreClassifiedByCode_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("shown");
        QTest::newRow("497 ACCESS_DENIED")
            << 403 << 497 << int(ClickHouseError::Kind::Access)
            << QStringLiteral("missing grant (ClickHouse error 497): CREATE "
                              "DATABASE refused: default: Not enough privileges.");
        QTest::newRow("516 AUTHENTICATION_FAILED")
            << 403 << 516 << int(ClickHouseError::Kind::Auth) << QStringLiteral("authentication failed: ");
        QTest::newRow("194 REQUIRED_PASSWORD")
            << 401 << 194 << int(ClickHouseError::Kind::Auth) << QStringLiteral("authentication failed: ");
        QTest::newRow("192 UNKNOWN_USER")
            << 403 << 192 << int(ClickHouseError::Kind::Auth) << QStringLiteral("authentication failed: ");
        QTest::newRow("60 UNKNOWN_TABLE")
            << 404 << 60 << int(ClickHouseError::Kind::Server) << QStringLiteral("ClickHouse error 60: ");
    }

    void errorStatusesAreClassifiedByCode() {
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(int, kind);
        QFETCH(QString, shown);
        const QByteArray message =
            code == 497
                ? QByteArray("default: Not enough privileges. To execute this query, it's necessary to "
                             "have the grant CREATE DATABASE ON ckstudio_tmp.*. (ACCESS_DENIED)")
                : QByteArray("the server's own words. (SOME_NAME)");
        ReplayClickHouse server([&](const ReplayRequest&) {
            ReplayResponse r;
            r.status = status;
            r.reason = "Forbidden";
            r.headers.append(qMakePair(QByteArray("X-ClickHouse-Exception-Code"), QByteArray::number(code)));
            r.headers.append(qMakePair(QByteArray("X-ClickHouse-Exception-Tag"), kTag));
            r.chunks = {"Code: " + QByteArray::number(code) + ". DB::Exception: " + message +
                        " (version 26.5.1.1 (official build))\n"};
            return r;
        });
        QVERIFY(server.listenOnLoopback());
        ConnectionSettings settings;
        settings.url = QUrl(QString::fromLatin1(server.url()));
        ClickHouseClient client(settings);
        ClickHouseQuery* q = client.query(QStringLiteral("CREATE DATABASE IF NOT EXISTS ckstudio_tmp"));
        QSignalSpy finished(q, &ClickHouseQuery::finished);
        std::optional<ClickHouseError> error;
        connect(q, &ClickHouseQuery::finished, this, [&] { error = q->error(); });
        QVERIFY(finished.wait(10000));
        QVERIFY(error);
        QCOMPARE(int(error->kind), kind);
        QCOMPARE(error->serverCode, code);
        QVERIFY2(error->toString().startsWith(shown), qPrintable(error->toString()));
        QVERIFY2(error->toString().contains(QString::fromLatin1(message)), qPrintable(error->toString()));
    }

    // A user whose profile has readonly=1 refuses every setting in a request, even readonly=2 (Code 164):
    // the client learns the level from its first (setting-free) query and then sends none.
    void readonlyUserPreviewsWithoutSettings() {
        Script script;
        script.readonly = 1;
        script.layout = ExceptionLayout::TaggedFrame;
        script.error = "Code: 159. DB::Exception: Timeout exceeded: elapsed 30.2 seconds, maximum: 30. "
                       "(TIMEOUT_EXCEEDED) (version 26.5.1.1 (official build))";
        ReplayClickHouse server([&](const ReplayRequest& r) { return answer(script, r); });
        QVERIFY(server.listenOnLoopback());
        const CliRun run = runCliWithoutClickHouseEnv(
            {QStringLiteral("preview"), QStringLiteral("--table"), QStringLiteral("default.events"),
             QStringLiteral("--clickhouse-url"), QString::fromLatin1(server.url())});
        QVERIFY2(run.err.contains("ClickHouse error 159: Timeout exceeded"), run.err.constData());
        QVERIFY2(!run.err.contains("164"), run.err.constData());
        QCOMPARE(run.exitCode, 4);
        // readonly=1 cannot switch off JSON's bare 64-bit integers: the preview reads TabSeparated.
        QVERIFY(selectOf(script).contains("TabSeparatedWithNamesAndTypes"));
    }
};

QTEST_MAIN(TestHttpModern)
#include "tst_http_modern.moc"
