// ClickHouseClient, PreviewSession, `preview`, `insert` and `ddl --execute` against a real clickhouse-server
// (18.16 from Debian) started by the fixture, over HTTP and HTTPS.
#include "ClickHouseServer.h"
#include "cli/Cli.h"
#include "cli/CmdDdlExecute.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/PreviewSession.h"
#include "clickhouse/SampleCheck.h"
#include "clickhouse/TableInspector.h"
#include "domain/Json.h"
#include "preview/ResultRowModel.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sstream>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

CliRun runAndWait(const std::function<std::optional<int>(cli::CliIo&, const cli::Finish&)>& start,
                  int timeoutMs = 30000) {
    std::ostringstream out, err;
    cli::CliIo io{out, err};
    CliRun r;
    bool finished = false;
    auto result = start(io, [&](int code) {
        r.code = code;
        finished = true;
    });
    if (result) {
        r.code = *result;
        finished = true;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!finished && !deadline.hasExpired())
        QTest::qWait(10);
    QTest::qWait(0); // let deleteLater() of the command run
    r.out = out.str();
    r.err = err.str();
    return r;
}

QString jstr(const Json& j) {
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QStringLiteral("<not a string>");
}

CliRun cliRun(const QStringList& args, int timeoutMs = 30000) {
    return runAndWait([&](cli::CliIo& io, const cli::Finish& f) { return cli::runCli(args, io, f); },
                      timeoutMs);
}

} // namespace

class TestClickHouseClient : public QObject {
    Q_OBJECT
    ClickHouseServer server;
    QString url;

    QStringList conn() const { return {QStringLiteral("--clickhouse-url"), url}; }
    ConnectionSettings settings() const {
        ConnectionSettings s;
        s.url = server.httpUrl();
        s.queryTimeoutMs = 30000;
        return s;
    }
    void exec(const char* sql) {
        const auto r = server.query(QString::fromUtf8(sql));
        QVERIFY2(r.ok(), r.body.constData());
    }

private slots:
    void initTestCase() {
        QVERIFY2(server.start(), qPrintable(server.error()));
        url = server.httpUrl().toString();
        for (const char* v : {"CLICKHOUSE_URL", "CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD"})
            qunsetenv(v);
        exec("CREATE DATABASE `svc-db`");
        exec("CREATE TABLE `svc-db`.`hostile.t` (id UInt64, i64 Int64, s String, n Nullable(String), "
             "arr Array(String), d Decimal(18, 3), f Float64, an Array(Nullable(String)), t Tuple(String, "
             "UInt8)) "
             "ENGINE = Memory");
        exec("INSERT INTO `svc-db`.`hostile.t` VALUES "
             "(18446744073709551615, -9223372036854775808, 'tab\\there\\nnewline\\\\back\\'quote\"dq', NULL, "
             "['a\\'b', 'c\\\\d', 'e\\tf', ''], 123.456, 1e308, [NULL, '\\\\N'], ('x\\'y', 1)), "
             "(0, 9223372036854775807, '', '', [], -0.001, -0., [], ('', 0)), "
             "(1, -1, '\\\\N', '\\\\N', ['\\\\N'], 0, nan, ['null'], ('\\\\N', 255)), "
             "(2, 0, 'emoji \xF0\x9F\x98\x80 \xC3\xA9', 'null', ['\xF0\x9F\x98\x80'], 99999999999999.999, "
             "inf, [NULL], ('\\0\\b\\f\\r', 2)), "
             "(3, 42, 'ctl \\x01\\x07\\x0B\\x1F\\x7F end', 'NULL', ['[', ']', ','], 1, -inf, ['a', NULL], "
             "('\\'', 3))");
        exec("CREATE VIEW `svc-db`.throwing AS SELECT number, throwIf(number = 500000) AS x FROM "
             "system.numbers "
             "LIMIT 1000000");
    }

    void capabilities() {
        ClickHouseClient client(settings());
        std::optional<std::optional<ClickHouseError>> result;
        QObject context;
        client.loadCapabilities(&context, [&](const std::optional<ClickHouseError>& e) { result = e; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QVERIFY2(!*result, qPrintable((*result)->toString()));
        const auto& caps = *client.capabilities();
        QCOMPARE(caps.version().major, 18);
        QCOMPARE(caps.version().minor, 16);
        QVERIFY(caps.hasSetting(QStringLiteral("max_execution_time")));
        QVERIFY(caps.settingCount() > 100);
        QVERIFY(!caps.hasSetting(QStringLiteral("cancel_http_readonly_queries_on_client_close")));
        QVERIFY(!caps.cancelOnCloseUsable());
        QVERIFY(caps.hasFormat(QStringLiteral("TabSeparatedWithNamesAndTypes")));
        QVERIFY(!caps.hasJsonCompactEachRow());
        // Settings the server lacks are not sent (else Code 115 Unknown setting).
        const auto sent = client.supportedSettings(
            {{QStringLiteral("readonly"), QStringLiteral("2")},
             {QStringLiteral("stream_like_engine_allow_direct_select"), QStringLiteral("1")}});
        QCOMPARE(sent.size(), 1);
    }

    // readonly=1 refuses every setting in a request, readonly=2 included (Code 164): the client reads the
    // level with its first, setting-free query and sends none from then on.
    void readonlyUserConnectsPreviewsAndInspects() {
        ConnectionSettings s = settings();
        s.user = ClickHouseServer::readonlyUser();
        ClickHouseClient client(s);
        std::optional<std::optional<ClickHouseError>> result;
        QObject context;
        client.loadCapabilities(&context, [&](const std::optional<ClickHouseError>& e) { result = e; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QVERIFY2(!*result, qPrintable((*result)->toString()));
        QCOMPARE(client.capabilities()->readonlyLevel(), 1);
        QVERIFY(client.supportedSettings({{QStringLiteral("readonly"), QStringLiteral("2")}}).isEmpty());

        const QByteArray expected = server.queryOk(
            QStringLiteral("SELECT * FROM `svc-db`.`hostile.t` LIMIT 100 FORMAT TabSeparated"));
        const auto r = cliRun(QStringList{QStringLiteral("preview"), QStringLiteral("--table"),
                                          QStringLiteral("`svc-db`.`hostile.t`"), QStringLiteral("--user"),
                                          ClickHouseServer::readonlyUser()} +
                              conn());
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(QByteArray::fromStdString(r.out), expected);

        TableInfo info;
        bool inspected = false;
        std::optional<ClickHouseError> inspectError;
        inspectTable(&client, TableName{QStringLiteral("svc-db"), QStringLiteral("hostile.t")}, &context,
                     [&](const TableInfo& i, const std::optional<ClickHouseError>& e) {
                         info = i;
                         inspectError = e;
                         inspected = true;
                     });
        QTRY_VERIFY_WITH_TIMEOUT(inspected, 15000);
        QVERIFY2(!inspectError, qPrintable(inspectError ? inspectError->toString() : QString()));
        QVERIFY(info.exists);
        QCOMPARE(info.engine, QStringLiteral("Memory"));
        QCOMPARE(info.columns.size(), std::size_t(9));
    }

    void previewTsvEqualsServerTabSeparated() {
        const QByteArray expected = server.queryOk(
            QStringLiteral("SELECT * FROM `svc-db`.`hostile.t` LIMIT 100 FORMAT TabSeparated"));
        QVERIFY(expected.count('\n') == 5);
        const auto r = cliRun(QStringList{QStringLiteral("preview"), QStringLiteral("--table"),
                                          QStringLiteral("`svc-db`.`hostile.t`")} +
                              conn());
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(QByteArray::fromStdString(r.out), expected);
    }

    void theRealExecutableStreamsAndExits() {
        // Through main(): the event loop runs, stdout gets the rows, the exit code is the command's.
        QProcess p;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLICKHOUSE_URL"), url);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-cli"),
                {QStringLiteral("preview"), QStringLiteral("--table"), QStringLiteral("`svc-db`.`hostile.t`"),
                 QStringLiteral("--limit"), QStringLiteral("3")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(
            p.readAllStandardOutput(),
            server.queryOk(QStringLiteral("SELECT * FROM `svc-db`.`hostile.t` LIMIT 3 FORMAT TabSeparated")));
        p.start(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-cli"),
                {QStringLiteral("preview"), QStringLiteral("--table"), QStringLiteral("`svc-db`.missing")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 4);
        QVERIFY(p.readAllStandardOutput().isEmpty());
    }

    void previewJsonlIsExact() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("rows.jsonl"));
        const auto r = cliRun(QStringList{QStringLiteral("preview"), QStringLiteral("--table"),
                                          QStringLiteral("`svc-db`.`hostile.t`"), QStringLiteral("--format"),
                                          QStringLiteral("jsonl"), QStringLiteral("--output"), file} +
                              conn());
        QVERIFY2(r.code == 0, r.err.c_str());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 6); // 5 rows + the empty string after the last newline
        std::vector<Json> rows;
        for (int i = 0; i < 5; ++i) {
            rows.push_back(Json::parse(lines[i].toStdString(), nullptr, false));
            QVERIFY2(!rows.back().is_discarded(), lines[i].constData());
        }
        QCOMPARE(jstr(rows[0]["id"]), QString::fromUtf8("18446744073709551615"));
        QCOMPARE(jstr(rows[0]["i64"]), QString::fromUtf8("-9223372036854775808"));
        QCOMPARE(jstr(rows[0]["s"]), QString::fromUtf8("tab\there\nnewline\\back'quote\"dq"));
        QVERIFY(rows[0]["n"].is_null());
        QVERIFY(rows[0]["arr"] == Json::parse(R"(["a'b","c\\d","e\tf",""])"));
        QCOMPARE(jstr(rows[0]["d"]), QString::fromUtf8("123.456"));
        QVERIFY(rows[0]["an"][0].is_null());
        QCOMPARE(jstr(rows[0]["an"][1]), QString::fromUtf8("\\N"));
        QVERIFY(rows[0]["t"] == Json::parse(R"(["x'y",1])"));
        QCOMPARE(jstr(rows[1]["n"]), QString::fromUtf8(""));
        QCOMPARE(jstr(rows[2]["s"]), QString::fromUtf8("\\N"));
        QCOMPARE(jstr(rows[2]["n"]), QString::fromUtf8("\\N"));
        QCOMPARE(jstr(rows[3]["s"]), QString::fromUtf8("emoji \xF0\x9F\x98\x80 \xC3\xA9"));
        QCOMPARE(jstr(rows[3]["n"]), QString::fromUtf8("null"));
        QCOMPARE(jstr(rows[3]["d"]), QString::fromUtf8("99999999999999.999"));
        QCOMPARE(jstr(rows[3]["f"]), QString::fromUtf8("inf"));
        QCOMPARE(jstr(rows[4]["s"]), QString::fromUtf8("ctl \x01\x07\x0B\x1F\x7F end"));
    }

    void previewOverHttpsNeedsTheCa() {
        const QString https = server.httpsUrl().toString();
        const QStringList base{QStringLiteral("preview"), QStringLiteral("--table"),
                               QStringLiteral("`svc-db`.`hostile.t`"), QStringLiteral("--clickhouse-url"),
                               https};
        const auto refused = cliRun(base);
        QCOMPARE(refused.code, 4);
        QVERIFY2(QString::fromStdString(refused.err).contains(QStringLiteral("TLS")), refused.err.c_str());
        const auto accepted = cliRun(base + QStringList{QStringLiteral("--ca-file"), server.caFile()});
        QVERIFY2(accepted.code == 0, accepted.err.c_str());
        QCOMPARE(QByteArray::fromStdString(accepted.out),
                 server.queryOk(
                     QStringLiteral("SELECT * FROM `svc-db`.`hostile.t` LIMIT 100 FORMAT TabSeparated")));
    }

    void wrongPasswordIsAnAuthErrorWithoutThePassword() {
        const QStringList args = QStringList{QStringLiteral("preview"), QStringLiteral("--table"),
                                             QStringLiteral("`svc-db`.`hostile.t`"), QStringLiteral("--user"),
                                             ClickHouseServer::passwordUser()} +
                                 conn();
        qputenv("CLICKHOUSE_PASSWORD", "hunter2-not-it");
        const auto wrong = cliRun(args);
        qputenv("CLICKHOUSE_PASSWORD", ClickHouseServer::password().toUtf8());
        const auto right = cliRun(args);
        qunsetenv("CLICKHOUSE_PASSWORD");
        QCOMPARE(wrong.code, 4);
        QVERIFY2(QString::fromStdString(wrong.err).contains(QStringLiteral("authentication failed")),
                 wrong.err.c_str());
        QVERIFY(wrong.err.find("hunter2") == std::string::npos &&
                wrong.out.find("hunter2") == std::string::npos);
        QVERIFY2(right.code == 0, right.err.c_str());
        QVERIFY(right.err.find(ClickHouseServer::password().toStdString()) == std::string::npos);
        // A password flag is refused rather than echoed.
        const auto flag = cliRun(args + QStringList{QStringLiteral("--password"), QStringLiteral("x")});
        QCOMPARE(flag.code, 2);
    }

    void unknownTableAndBadNames() {
        const auto r = cliRun(QStringList{QStringLiteral("preview"), QStringLiteral("--table"),
                                          QStringLiteral("`svc-db`.nope")} +
                              conn());
        QCOMPARE(r.code, 4);
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("does not exist")), r.err.c_str());
        const auto bad = cliRun(
            QStringList{QStringLiteral("preview"), QStringLiteral("--table"), QStringLiteral("svc-db.nope")} +
            conn());
        QCOMPARE(bad.code, 2);
        const auto noServer = cliRun({QStringLiteral("preview"), QStringLiteral("--table"),
                                      QStringLiteral("a.b"), QStringLiteral("--clickhouse-url"),
                                      QStringLiteral("http://127.0.0.1:%1/").arg(freeLoopbackPort())});
        QCOMPARE(noServer.code, 4);
        QVERIFY(noServer.out.empty());
        QVERIFY2(QString::fromStdString(noServer.err).contains(QStringLiteral("network error")) &&
                     QString::fromStdString(noServer.err).contains(QStringLiteral("refused")),
                 noServer.err.c_str());
    }

    void errorInTheMiddleOfALongStreamIsAnError() {
        const auto r = cliRun(QStringList{QStringLiteral("preview"), QStringLiteral("--table"),
                                          QStringLiteral("`svc-db`.throwing"), QStringLiteral("--limit"),
                                          QStringLiteral("1000000")} +
                                  conn(),
                              60000);
        QCOMPARE(r.code, 4);
        QVERIFY2(r.out.empty(), "no partial result may be printed");
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("395")), r.err.c_str());
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("throwIf")), r.err.c_str());

        // The same through the model directly: some rows arrived, then the error.
        ClickHouseClient client(settings());
        ResultRowModel model;
        model.begin(WireFormat::TabSeparatedWithNamesAndTypes, 10000000);
        QueryOptions o;
        o.streaming = true;
        auto* q =
            client.query(QStringLiteral("SELECT number, throwIf(number = 500000) FROM system.numbers LIMIT "
                                        "1000000 FORMAT TabSeparatedWithNamesAndTypes"),
                         o);
        connect(q, &ClickHouseQuery::dataReceived, &model,
                [&](const QByteArray& c) { model.appendBytes(c); });
        bool done = false;
        connect(q, &ClickHouseQuery::finished, &model, [&] {
            QVERIFY(!q->error()); // HTTP 200: the error is in the body
            model.endOfStream();
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
        QCOMPARE(model.state(), ResultRowModel::State::Failed);
        QCOMPARE(model.serverErrorCode(), 395);
        QVERIFY(model.loadedRows() > 0 && model.loadedRows() <= 500000);
    }

    void cancelEndsTheServerSideQuery() {
        ClickHouseClient client(settings());
        QueryOptions o;
        o.queryId = QStringLiteral("ckstudio-cancel-test");
        auto* q = client.query(
            QStringLiteral("SELECT count() FROM (SELECT number FROM system.numbers LIMIT 100000000000)"), o);
        QPointer<ClickHouseQuery> guard(q);
        std::optional<ClickHouseError> error;
        bool done = false;
        connect(q, &ClickHouseQuery::finished, this, [&] {
            error = q->error();
            done = true;
        });
        const QString running =
            QStringLiteral("SELECT count() FROM system.processes WHERE query_id = 'ckstudio-cancel-test'");
        QTRY_COMPARE_WITH_TIMEOUT(server.queryOk(running), QByteArray("1\n"), 10000);
        q->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QVERIFY(error);
        QCOMPARE(error->kind, ClickHouseError::Kind::Cancelled);
        // The server-side query ends too (KILL QUERY on the same server).
        QTRY_COMPARE_WITH_TIMEOUT(server.queryOk(running), QByteArray("0\n"), 10000);
    }

    // Fault: the server dies (SIGKILL) while rows stream in. Its own server, so the others stay up.
    void serverKilledMidPreviewIsAnIncompleteError() {
        ClickHouseServer victim;
        QVERIFY2(victim.start(), qPrintable(victim.error()));
        const auto created = victim.query(QStringLiteral(
            "CREATE VIEW default.endless AS SELECT number, toString(number) AS s FROM system.numbers"));
        QVERIFY2(created.ok(), created.body.constData());
        ConnectionSettings s;
        s.url = victim.httpUrl();
        s.queryTimeoutMs = 60000;
        ClickHouseClient client(s);
        ResultRowModel model;
        PreviewSession session(&client, &model);
        bool killed = false;
        connect(&model, &ResultRowModel::rowsLoaded, this, [&](qsizetype rows) {
            if (!killed && rows > 0) {
                killed = true;
                victim.kill();
            }
        });
        std::optional<std::optional<ClickHouseError>> result;
        connect(&session, &PreviewSession::finished, this,
                [&](const std::optional<ClickHouseError>& e) { result = e; });
        PreviewRequest request;
        request.table = TableName{QStringLiteral("default"), QStringLiteral("endless")};
        request.limit = 500000000;
        session.start(request);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY(killed);
        QVERIFY2(result->has_value(), "a broken stream must not finish as a success");
        QVERIFY2((*result)->kind == ClickHouseError::Kind::Network ||
                     (*result)->kind == ClickHouseError::Kind::Protocol,
                 qPrintable((*result)->toString()));
        QCOMPARE(model.state(), ResultRowModel::State::Failed);
        QVERIFY(model.loadedRows() > 0);

        // The CLI: exit 4, nothing on stdout (a partial result is never printed as if complete).
        ClickHouseServer second;
        QVERIFY2(second.start(), qPrintable(second.error()));
        QVERIFY(second
                    .query(QStringLiteral("CREATE VIEW default.endless AS SELECT number, toString(number) "
                                          "AS s FROM system.numbers"))
                    .ok());
        QTimer::singleShot(1000, this, [&] { second.kill(); });
        const auto r =
            cliRun({QStringLiteral("preview"), QStringLiteral("--table"), QStringLiteral("default.endless"),
                    QStringLiteral("--limit"), QStringLiteral("500000000"),
                    QStringLiteral("--clickhouse-url"), second.httpUrl().toString()},
                   60000);
        QVERIFY(!second.isRunning());
        QCOMPARE(r.code, 4);
        QVERIFY2(r.out.empty(), "no partial result may be printed");
        QVERIFY2(QString::fromStdString(r.err).contains(QStringLiteral("network error")), r.err.c_str());
    }

    void timeoutIsAnError() {
        auto s = settings();
        s.queryTimeoutMs = 500;
        ClickHouseClient client(s);
        auto* q = client.query(QStringLiteral("SELECT sleep(3)"));
        std::optional<ClickHouseError> error;
        bool done = false;
        connect(q, &ClickHouseQuery::finished, this, [&] {
            error = q->error();
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QVERIFY(error);
        QCOMPARE(error->kind, ClickHouseError::Kind::Timeout);
    }

    void kafkaTablePreviewIsRefusedAndInsertExplained() {
        exec("CREATE TABLE `svc-db`.queue (ts UInt64, msg String) ENGINE = Kafka SETTINGS "
             "kafka_broker_list = '127.0.0.1:1', kafka_topic_list = 'events,audit', kafka_group_name = "
             "'prod-group', "
             "kafka_format = 'JSONEachRow'");
        exec("CREATE TABLE `svc-db`.sink (ts UInt64, msg String) ENGINE = Memory");
        exec("CREATE MATERIALIZED VIEW `svc-db`.`queue-mv` TO `svc-db`.sink AS SELECT ts, msg FROM "
             "`svc-db`.queue");
        const auto r = cliRun(QStringList{QStringLiteral("preview"), QStringLiteral("--table"),
                                          QStringLiteral("`svc-db`.queue")} +
                              conn());
        QCOMPARE(r.code, 1);
        const QString err = QString::fromStdString(r.err);
        QVERIFY2(err.contains(QStringLiteral("CONSUMES")), r.err.c_str());
        QVERIFY2(err.contains(QStringLiteral("prod-group")), r.err.c_str());
        QVERIFY2(err.contains(QStringLiteral("queue-mv")), r.err.c_str());
        QVERIFY2(err.contains(QStringLiteral("--consume")), r.err.c_str());
        QVERIFY(r.out.empty());

        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("rows.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"ts\":1,\"msg\":\"a\"}\n");
        f.close();
        const auto ins = cliRun(QStringList{QStringLiteral("insert"), QStringLiteral("--table"),
                                            QStringLiteral("`svc-db`.queue"), QStringLiteral("--format"),
                                            QStringLiteral("JSONEachRow"), f.fileName()} +
                                conn());
        QCOMPARE(ins.code, 4);
        const QString insErr = QString::fromStdString(ins.err);
        QVERIFY2(insErr.contains(QStringLiteral("first one only")), ins.err.c_str());
        QVERIFY2(insErr.contains(QStringLiteral("cannot INSERT into Kafka-engine tables")), ins.err.c_str());
    }

    void insertWritesRows() {
        exec("CREATE TABLE `svc-db`.ins (id UInt64, s String, n Nullable(Int32)) ENGINE = Memory");
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("rows.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"id\":18446744073709551615,\"s\":\"tab\\there\",\"n\":null}\n{\"id\":2,\"s\":\"\",\"n\":-"
                "5}\n");
        f.close();
        const QStringList args = QStringList{QStringLiteral("insert"),       QStringLiteral("--table"),
                                             QStringLiteral("`svc-db`.ins"), QStringLiteral("--format"),
                                             QStringLiteral("JSONEachRow"),  f.fileName()} +
                                 conn();
        const auto r = cliRun(args);
        QVERIFY2(r.code == 0, r.err.c_str());
        QCOMPARE(server.queryOk(QStringLiteral("SELECT * FROM `svc-db`.ins ORDER BY id FORMAT TabSeparated")),
                 QByteArray("2\t\t-5\n18446744073709551615\ttab\\there\t\\N\n"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"id\":\"not a number\"}\n");
        f.close();
        const auto bad = cliRun(args);
        QCOMPARE(bad.code, 4);
        QVERIFY2(QString::fromStdString(bad.err).contains(QStringLiteral("ClickHouse error")),
                 bad.err.c_str());
        const auto unknownFormat = cliRun(
            QStringList{QStringLiteral("insert"), QStringLiteral("--table"), QStringLiteral("`svc-db`.ins"),
                        QStringLiteral("--format"), QStringLiteral("Parquet"), f.fileName()} +
            conn());
        QCOMPARE(unknownFormat.code, 1);
        const auto missingFile =
            cliRun(QStringList{QStringLiteral("insert"), QStringLiteral("--table"),
                               QStringLiteral("`svc-db`.ins"), QStringLiteral("--format"),
                               QStringLiteral("CSV"), dir.filePath(QStringLiteral("nope.csv"))} +
                   conn());
        QCOMPARE(missingFile.code, 2);
    }

    void sampleCheckSaysWhichMessageFails() {
        ClickHouseClient client(settings());
        SampleCheck check(&client);
        bool done = false;
        std::optional<ClickHouseError> error;
        connect(&check, &SampleCheck::finished, this, [&](const std::optional<ClickHouseError>& e) {
            error = e;
            done = true;
        });
        check.start({{QStringLiteral("ts"), QStringLiteral("UInt64")},
                     {QStringLiteral("msg"), QStringLiteral("String")}},
                    QStringLiteral("JSONEachRow"),
                    {QStringLiteral("{\"ts\": 1, \"msg\": \"ok\"}"),
                     QStringLiteral("{\"ts\": \"yesterday\", \"msg\": 1}"), QStringLiteral("{\"ts\": 2}"),
                     QStringLiteral("not json at all")});
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
        const auto& v = check.verdicts();
        QCOMPARE(v.size(), 4u);
        QVERIFY(v[0].ok);
        QVERIFY(!v[1].ok);
        QVERIFY2(!v[1].error.isEmpty(), "the server's reason is kept");
        QVERIFY(v[2].ok); // missing fields take defaults in JSONEachRow
        QVERIFY(!v[3].ok);
        // Nothing permanent was created.
        QCOMPARE(
            server.queryOk(QStringLiteral("SELECT count() FROM system.tables WHERE name LIKE '%sample%'")),
            QByteArray("0\n"));
    }

    // readonly=1 refuses format() and temporary tables: without a local parser the check says so and how to
    // fix it (and gives no verdict); with one, every message goes there, with all of the table's settings.
    void sampleCheckAsReadonlyUser() {
        ConnectionSettings s = settings();
        s.user = ClickHouseServer::readonlyUser();
        const std::vector<TableColumn> columns = {{QStringLiteral("ts"), QStringLiteral("UInt64")}};
        const QStringList messages = {QStringLiteral("{\"ts\": 1}"), QStringLiteral("{\"ts\": \"x\"}")};
        const FormatSettings tableSettings = {{QStringLiteral("date_time_input_format"), QStringLiteral("'basic'")}};
        {
            ClickHouseClient client(s);
            SampleCheck check(&client);
            std::optional<std::optional<ClickHouseError>> result;
            connect(&check, &SampleCheck::finished, this,
                    [&](const std::optional<ClickHouseError>& e) { result = e; });
            check.start(columns, QStringLiteral("JSONEachRow"), messages, tableSettings);
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
            QVERIFY(result->has_value());
            QCOMPARE((*result)->kind, ClickHouseError::Kind::Usage);
            QVERIFY2((*result)->message.contains(QStringLiteral("user reader: its profile has readonly=1")),
                     qPrintable((*result)->message));
            QVERIFY((*result)->message.contains(QStringLiteral("readonly=2")));
            QVERIFY(check.verdicts().empty());
        }
        ClickHouseClient client(s);
        SampleCheck check(&client);
        QStringList parsed;
        check.setLocalParser(
            [&](const QString& sql, QObject* context, auto done) {
                parsed << sql;
                // Answers later, on the context's thread, as a worker does.
                QMetaObject::invokeMethod(context, [done, failed = parsed.size() == 2] {
                    ClickHouseError e{ClickHouseError::Kind::Server, QStringLiteral("Cannot parse input"), 27, 0};
                    done(failed ? std::optional<ClickHouseError>(e) : std::nullopt, failed ? QByteArray() : "1\n");
                }, Qt::QueuedConnection);
            },
            QStringLiteral("the stub engine"));
        std::optional<std::optional<ClickHouseError>> result;
        connect(&check, &SampleCheck::finished, this, [&](const std::optional<ClickHouseError>& e) { result = e; });
        check.start(columns, QStringLiteral("JSONEachRow"), messages, tableSettings);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QVERIFY2(!*result, qPrintable((*result)->toString()));
        QCOMPARE(parsed.size(), 2);
        QCOMPARE(parsed.first(), sampleCheckStatement(QStringLiteral("JSONEachRow"), QStringLiteral("`ts` UInt64"),
                                                      messages.first(), tableSettings));
        QVERIFY(check.ignoredSettings().isEmpty());
        QVERIFY2(check.checkedBy().startsWith(QStringLiteral("the stub engine (")), qPrintable(check.checkedBy()));
        QCOMPARE(check.verdicts().size(), 2u);
        QVERIFY(check.verdicts()[0].ok);
        QCOMPARE(check.verdicts()[0].rows, 1);
        QVERIFY(!check.verdicts()[1].ok);
        QCOMPARE(check.verdicts()[1].error, QStringLiteral("Cannot parse input"));
    }

    void ddlExecuteCreatesThenReportsExisting() {
        exec("CREATE TABLE `svc-db`.src (ts DateTime, msg String) ENGINE = Memory");
        const std::vector<DdlStatement> statements = {
            {"destination table svc-db.dest-1", "CREATE TABLE IF NOT EXISTS `svc-db`.`dest-1` (`ts` "
                                                "DateTime, `msg` String) ENGINE = MergeTree ORDER BY ts"},
            {"materialized view svc-db.mv-1", "CREATE MATERIALIZED VIEW IF NOT EXISTS `svc-db`.`mv-1` TO "
                                              "`svc-db`.`dest-1` AS SELECT ts AS `ts`, msg AS "
                                              "`msg` FROM `svc-db`.src"},
        };
        const auto run = [&](const std::vector<DdlStatement>& s) {
            return runAndWait([&](cli::CliIo& io, const cli::Finish& f) {
                return cli::executeDdl(s, QStringList{QStringLiteral("config.json")} + conn(), io, f);
            });
        };
        const auto first = run(statements);
        QVERIFY2(first.code == 0, first.err.c_str());
        QCOMPARE(
            QByteArray::fromStdString(first.out),
            QByteArray("created: destination table svc-db.dest-1\ncreated: materialized view svc-db.mv-1\n"));
        QVERIFY2(first.err.find("[1/2]") != std::string::npos, first.err.c_str());
        QCOMPARE(server.queryOk(
                     QStringLiteral("SELECT count() FROM system.tables WHERE database = 'svc-db' AND name IN "
                                    "('dest-1', 'mv-1')")),
                 QByteArray("2\n"));
        exec("INSERT INTO `svc-db`.src VALUES ('2024-01-02 03:04:05', 'hello')");
        QCOMPARE(server.queryOk(QStringLiteral("SELECT msg FROM `svc-db`.`dest-1`")), QByteArray("hello\n"));

        const auto second = run(statements);
        QVERIFY2(second.code == 0, second.err.c_str());
        QCOMPARE(QByteArray::fromStdString(second.out),
                 QByteArray("already existed: destination table svc-db.dest-1\n"
                            "already existed: materialized view svc-db.mv-1\n"));

        // An existing destination whose columns differ is reported.
        const std::vector<DdlStatement> changed = {{"destination table svc-db.dest-1",
                                                    "CREATE TABLE IF NOT EXISTS `svc-db`.`dest-1` (`ts` "
                                                    "DateTime64(3), `msg` String, `level` String) ENGINE = "
                                                    "MergeTree ORDER BY ts"}};
        const auto third = run(changed);
        QVERIFY2(third.code == 0, third.err.c_str());
        QVERIFY2(third.out.find("missing column level String") != std::string::npos, third.out.c_str());
        QVERIFY2(third.out.find("column ts is DateTime, the DDL says DateTime64(3)") != std::string::npos,
                 third.out.c_str());

        const std::vector<DdlStatement> broken = {
            {"destination table svc-db.bad", "CREATE TABLE `svc-db`.bad (x NoSuchType) ENGINE = Memory"},
            {"materialized view svc-db.bad-mv",
             "CREATE MATERIALIZED VIEW `svc-db`.`bad-mv` TO `svc-db`.bad AS SELECT 1"}};
        const auto fourth = run(broken);
        QCOMPARE(fourth.code, 4);
        QVERIFY2(fourth.err.find("NoSuchType") != std::string::npos, fourth.err.c_str());
        QVERIFY2(fourth.out.find(
                     "failed: destination table svc-db.bad\nnot run: materialized view svc-db.bad-mv") !=
                     std::string::npos,
                 fourth.out.c_str());
    }
};

QTEST_GUILESS_MAIN(TestClickHouseClient)
#include "tst_clickhouse_client.moc"
