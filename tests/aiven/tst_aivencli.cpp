// The Aiven commands of ckstudio-cli against the emulator: integrations, pull, push (lost update, --force,
// --dry-run, status), peek, exit codes, and that the token never shows up in any output or log.
#include "AivenEmulator.h"
#include "aiven/AivenClient.h"
#include "cli/Cli.h"
#include "domain/JsonText.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>
#include <sstream>

using namespace ckstudio;
using namespace ckstudio::emulator;

namespace {

const QString kToken = QStringLiteral("emulator-token-0123456789");
const QString kProject = QStringLiteral("demo-project");
const QString kIntegration = QStringLiteral("3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60");

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

CliRun runCommand(const QStringList& args, int timeoutMs = 20000) {
    std::ostringstream out;
    std::ostringstream err;
    cli::CliIo io{out, err};
    std::optional<int> code;
    auto immediate = cli::runCli(args, io, [&](int c) { code = c; });
    if (immediate)
        code = immediate;
    else if (!QTest::qWaitFor([&] { return code.has_value(); }, timeoutMs))
        qWarning("command did not finish: %s", qPrintable(args.join(QLatin1Char(' '))));
    return {code.value_or(-1), out.str(), err.str()};
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Everything Qt logs while a test runs (debug included), to check that no secret reaches a log.
QString g_log;
void captureMessages(QtMsgType, const QMessageLogContext&, const QString& message) {
    g_log += message + QLatin1Char('\n');
}

} // namespace

class TestAivenCli : public QObject {
    Q_OBJECT
    std::unique_ptr<AivenEmulator> m_emulator;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString& name) const { return m_dir->filePath(name); }

    // "Someone else" changes the remote through the API.
    void remoteEdit(const std::function<void(Json&)>& edit) {
        AivenClient::Options options;
        options.baseUrl = m_emulator->url();
        options.token = kToken;
        AivenClient client(options);
        Json config = m_emulator->integration(kProject, kIntegration)->at("user_config");
        edit(config);
        bool done = false;
        client.updateIntegration(kProject, kIntegration, config, &client,
                                 [&](AivenResult<AivenIntegration> r) {
                                     QVERIFY2(r, qPrintable(r.error.describe()));
                                     done = true;
                                 });
        QTRY_VERIFY(done);
    }

    void editFile(const QString& file, const std::function<void(Json&)>& edit) {
        auto json = readJsonFile(file);
        QVERIFY(json);
        edit(*json.value);
        QCOMPARE(writeTextFileAtomically(file, formatJson(*json.value)), std::string());
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_emulator = std::make_unique<AivenEmulator>();
        QString error;
        QVERIFY2(m_emulator->loadSeedFile(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json"), &error),
                 qPrintable(error));
        QVERIFY(m_emulator->start() != 0);
        qputenv("AIVEN_WEB_URL", m_emulator->url().toString().toUtf8());
        qputenv("AIVEN_AUTH_TOKEN", kToken.toUtf8());
        qputenv("AIVEN_CREDENTIALS_FILE", path(QStringLiteral("no-credentials.json")).toUtf8());
        qputenv("CKSTUDIO_STATE_DIR", path(QStringLiteral("state")).toUtf8());
        qputenv("CKSTUDIO_NO_KEYCHAIN", "1");
        qputenv("CKSTUDIO_AIVEN_RETRY_INITIAL_MS", "20");
        qputenv("CKSTUDIO_AIVEN_RETRY_BUDGET_MS", "2000");
    }
    void cleanup() {
        m_emulator.reset();
        m_dir.reset();
    }

    void integrationsTableAndJson() {
        auto r = runCommand({QStringLiteral("integrations"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--service"), QStringLiteral("demo-clickhouse")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("SERVICE_INTEGRATION_ID") == 0, r.out.c_str());
        QVERIFY(r.out.find(kIntegration.toStdString()) != std::string::npos);
        QVERIFY(r.out.find("demo-kafka") != std::string::npos);
        QVERIFY(r.out.find("running") != std::string::npos);
        QVERIFY(r.out.find("8e752fa9") == std::string::npos); // a metrics integration is not listed
        QCOMPARE(std::count(r.out.begin(), r.out.end(), '\n'), 2);

        r = runCommand({QStringLiteral("integrations"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--service"), QStringLiteral("demo-clickhouse"),
                        QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const Json list = Json::parse(r.out);
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(list[0]["service_integration_id"].get<std::string>(), kIntegration.toStdString());
        QVERIFY(list[0].contains("user_config"));
    }

    void pullWritesExactlyTheApiUserConfig() {
        const std::string expected =
            formatJson(m_emulator->integration(kProject, kIntegration)->at("user_config"));
        auto r = runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, expected);
        const QString file = path(QStringLiteral("pulled.json"));
        r = runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, QStringLiteral("-o"), file});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, std::string());
        QCOMPARE(readAll(file).toStdString(), expected);
    }

    void pushRefusesWhenTheRemoteMoved() {
        const QString file = path(QStringLiteral("config.json"));
        QCOMPARE(runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, QStringLiteral("-o"), file})
                     .code,
                 0);
        remoteEdit([](Json& c) { c["tables"][1]["group_name"] = "someone-else"; });
        editFile(file, [](Json& c) { c["tables"][0]["num_consumers"] = 4; });
        m_emulator->clearRequests();

        auto r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, file});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.find("changed since it was pulled") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("orders_raw") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("group_name") != std::string::npos, r.err.c_str());
        QCOMPARE(m_emulator->countRequests("PUT"), 0);
        QCOMPARE(m_emulator->integration(kProject, kIntegration)
                     ->at("user_config")["tables"][1]["group_name"]
                     .get<std::string>(),
                 std::string("someone-else"));

        // --dry-run reports the same refusal and sends nothing either.
        r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, file, QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 3);

        r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, file, QStringLiteral("--force")});
        QCOMPARE(r.code, 0);
        QCOMPARE(m_emulator->countRequests("PUT"), 1);
        const Json remote = m_emulator->integration(kProject, kIntegration)->at("user_config");
        QCOMPARE(remote, *readJsonFile(file).value);
        QVERIFY2(r.out.find("applied to integration") != std::string::npos, r.out.c_str());
    }

    void dryRunPrintsTheDiffAndSendsNothing() {
        const QString file = path(QStringLiteral("config.json"));
        QCOMPARE(runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, QStringLiteral("-o"), file})
                     .code,
                 0);
        editFile(file, [](Json& c) {
            c["tables"][0]["num_consumers"] = 2;
            c["tables"][1]["columns"].push_back(Json{{"name", "note"}, {"type", "String"}});
        });
        const Json before = m_emulator->integration(kProject, kIntegration)->at("user_config");
        m_emulator->clearRequests();
        auto r =
            runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, file, QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("~ table events\n    ~ num_consumers: 1 -> 2") != std::string::npos,
                 r.out.c_str());
        QVERIFY2(r.out.find("~ table orders_raw\n    + column note \"String\"") != std::string::npos,
                 r.out.c_str());
        QVERIFY(r.out.find("nothing was sent") != std::string::npos);
        QCOMPARE(m_emulator->countRequests("PUT"), 0);
        QCOMPARE(m_emulator->countRequests("POST"), 0);
        QCOMPARE(m_emulator->integration(kProject, kIntegration)->at("user_config"), before);
    }

    void pushAppliesAndRecordsTheNewBase() {
        const QString file = path(QStringLiteral("config.json"));
        QCOMPARE(runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, QStringLiteral("-o"), file})
                     .code,
                 0);
        editFile(file, [](Json& c) { c["tables"].erase(1); });
        auto r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, file});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("- table orders_raw") != std::string::npos, r.out.c_str());
        QCOMPARE(m_emulator->integration(kProject, kIntegration)->at("user_config")["tables"].size(),
                 std::size_t(1));
        // A second edit on top of our own push is not a lost update.
        editFile(file, [](Json& c) { c["tables"][0]["skip_broken_messages"] = 5; });
        r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, file});
        QCOMPARE(r.code, 0);
        r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, file});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.find("no changes") != std::string::npos);
    }

    void pushWithoutPullIsRefused() {
        const QString file = path(QStringLiteral("handmade.json"));
        QCOMPARE(writeTextFileAtomically(file, R"({"tables": []})"), std::string());
        auto r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, file});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.find("pull") != std::string::npos, r.err.c_str());
        QCOMPARE(m_emulator->countRequests("PUT"), 0);
    }

    void pushValidatesBeforeSending() {
        const QString file = path(QStringLiteral("config.json"));
        QCOMPARE(runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, QStringLiteral("-o"), file})
                     .code,
                 0);
        editFile(file, [](Json& c) {
            c["tables"][1].erase("group_name");
            c["tables"][0]["num_consumers"] = 99;
        });
        m_emulator->clearRequests();
        auto r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, file, QStringLiteral("--force")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.find("tables[1]") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("tables[0].num_consumers") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("nothing was sent") != std::string::npos, r.err.c_str());
        QCOMPARE(m_emulator->requests().size(), std::size_t(0));
    }

    void pushReportsApiErrorsAndFailedStatus() {
        const QString file = path(QStringLiteral("config.json"));
        QCOMPARE(runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, QStringLiteral("-o"), file})
                     .code,
                 0);
        editFile(file, [](Json& c) { c["tables"][0]["num_consumers"] = 2; });
        QString error;
        m_emulator->addFault(*parseFaultSpec(QStringLiteral("503;method=PUT"), &error));
        auto r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, file});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.find("Injected fault: HTTP 503") != std::string::npos, r.err.c_str());
        QCOMPARE(m_emulator->countRequests("PUT"), 1);
        m_emulator->clearFaults();

        // A ClickHouse the emulator cannot reach: the integration ends up failed, and push says so.
        m_emulator->setClickHouseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/")));
        r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, file, QStringLiteral("--wait"),
                        QStringLiteral("5")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.find("integration failed") != std::string::npos, r.err.c_str());
    }

    // The rules push shares with the Apply dialog (docs/aiven.md, "Apply and push: one workflow").
    void pushFollowsTheSharedStatusAndBaseRules() {
        const QString file = path(QStringLiteral("config.json"));
        QCOMPARE(runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration, QStringLiteral("-o"), file})
                     .code,
                 0);
        const QStringList push{QStringLiteral("push"),
                               QStringLiteral("--project"),
                               kProject,
                               QStringLiteral("--integration"),
                               kIntegration,
                               file};
        // An answer without user_config: what was sent is the new base, so the next push is no conflict.
        editFile(file, [](Json& c) { c["tables"][0]["num_consumers"] = 2; });
        m_emulator->addFault(*parseFaultSpec(QStringLiteral("omit=user_config;method=PUT;count=1"), nullptr));
        auto r = runCommand(push);
        QCOMPARE(r.code, 0);
        editFile(file, [](Json& c) { c["tables"][0]["num_consumers"] = 3; });
        r = runCommand(push);
        QVERIFY2(r.code == 0, r.err.c_str());
        m_emulator->clearFaults();

        // No status at all: applied, "status unknown", at once.
        editFile(file, [](Json& c) { c["tables"][0]["num_consumers"] = 4; });
        m_emulator->addFault(*parseFaultSpec(QStringLiteral("omit=integration_status"), nullptr));
        QElapsedTimer clock;
        clock.start();
        r = runCommand(push);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("status unknown") != std::string::npos, r.out.c_str());
        QVERIFY(clock.elapsed() < 5000);
        m_emulator->clearFaults();

        // A status that never settles (a ClickHouse that never answers): exit 0 when --wait is up, naming it.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        m_emulator->setClickHouseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort())));
        editFile(file, [](Json& c) { c["tables"][0]["num_consumers"] = 5; });
        m_emulator->clearRequests();
        r = runCommand(push + QStringList{QStringLiteral("--wait"), QStringLiteral("0.5")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.find("status starting") != std::string::npos, r.out.c_str());
        QVERIFY(m_emulator->countRequests("GET") >= 2); // the check, then at least one status read
    }

    void peekPrintsNewestMessages() {
        auto r =
            runCommand({QStringLiteral("peek"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--service"), QStringLiteral("demo-kafka"), QStringLiteral("--topic"),
                        QStringLiteral("sensor-readings"), QStringLiteral("--limit"), QStringLiteral("5")});
        QCOMPARE(r.code, 0);
        std::istringstream lines(r.out);
        std::string line;
        int count = 0;
        while (std::getline(lines, line)) {
            const Json value = Json::parse(line);
            QVERIFY(value.contains("sensor_id"));
            QCOMPARE(line, value.dump()); // compact
            ++count;
        }
        QCOMPARE(count, 5);

        r = runCommand({QStringLiteral("peek"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--service"), QStringLiteral("demo-kafka"), QStringLiteral("--topic"),
                        QStringLiteral("mixed-payloads")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, std::string("{\"id\":1,\"note\":\"json object\"}\n\"plain text line\\twith a tab\"\n"
                                    "base64:AAEC/w==\nnull\n"));
        QCOMPARE(
            m_emulator->countRequests("POST", QStringLiteral("/kafka/rest/topics/mixed-payloads/messages")),
            1);

        r = runCommand({QStringLiteral("peek"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--service"), QStringLiteral("demo-kafka"), QStringLiteral("--topic"),
                        QStringLiteral("nope")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.find("Topic 'nope' does not exist") != std::string::npos, r.err.c_str());
    }

    void usageAndRemoteErrors() {
        QCOMPARE(runCommand({QStringLiteral("pull"), QStringLiteral("--integration"), kIntegration}).code, 2);
        QCOMPARE(
            runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, path(QStringLiteral("missing.json"))})
                .code,
            2);
        QCOMPARE(runCommand({QStringLiteral("peek"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--service"), QStringLiteral("k"), QStringLiteral("--topic"),
                             QStringLiteral("t"), QStringLiteral("--limit"), QStringLiteral("zero")})
                     .code,
                 2);
        auto r =
            runCommand({QStringLiteral("integrations"), QStringLiteral("--project"), QStringLiteral("nope"),
                        QStringLiteral("--service"), QStringLiteral("demo-clickhouse")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.find("Project does not exist (HTTP 404)") != std::string::npos, r.err.c_str());

        const QString broken = path(QStringLiteral("broken.json"));
        QCOMPARE(writeTextFileAtomically(broken, "{\n  \"tables\": [\n"), std::string());
        r = runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, broken});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find(broken.toStdString() + ":3:") == 0, r.err.c_str());
    }

    void missingTokenIsAUsageError() {
        qunsetenv("AIVEN_AUTH_TOKEN");
        auto r = runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                             QStringLiteral("--integration"), kIntegration});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.find("AIVEN_AUTH_TOKEN") != std::string::npos, r.err.c_str());
        QCOMPARE(m_emulator->requests().size(), std::size_t(0));

        const QString creds = path(QStringLiteral("creds.json"));
        QCOMPARE(writeTextFileAtomically(creds, "{\"auth_token\": \"" + kToken.toStdString() + "\"}"),
                 std::string());
        qputenv("AIVEN_CREDENTIALS_FILE", creds.toUtf8());
        r = runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration});
        QCOMPARE(r.code, 0);
    }

    void tokenNeverAppearsInOutputOrLogs() {
        g_log.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("ckstudio.*=true\nqt.network.*=true"));
        auto previous = qInstallMessageHandler(captureMessages);
        std::string all;
        auto record = [&](const CliRun& r) { all += r.out + r.err; };
        const QString file = path(QStringLiteral("config.json"));
        record(runCommand({QStringLiteral("integrations"), QStringLiteral("--project"), kProject,
                           QStringLiteral("--service"), QStringLiteral("demo-clickhouse"),
                           QStringLiteral("--json")}));
        record(runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                           QStringLiteral("--integration"), kIntegration, QStringLiteral("-o"), file}));
        editFile(file, [](Json& c) { c["tables"][0]["num_consumers"] = 3; });
        record(
            runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                        QStringLiteral("--integration"), kIntegration, file, QStringLiteral("--dry-run")}));
        record(runCommand({QStringLiteral("push"), QStringLiteral("--project"), kProject,
                           QStringLiteral("--integration"), kIntegration, file}));
        record(runCommand({QStringLiteral("peek"), QStringLiteral("--project"), kProject,
                           QStringLiteral("--service"), QStringLiteral("demo-kafka"),
                           QStringLiteral("--topic"), QStringLiteral("events")}));
        QString error;
        m_emulator->addFault(*parseFaultSpec(QStringLiteral("503;count=2"), &error));
        record(runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                           QStringLiteral("--integration"), kIntegration}));
        // A wrong token is a secret too.
        qputenv("AIVEN_AUTH_TOKEN", "wrong-token-should-stay-hidden");
        const auto refused = runCommand({QStringLiteral("pull"), QStringLiteral("--project"), kProject,
                                         QStringLiteral("--integration"), kIntegration});
        record(refused);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QCOMPARE(refused.code, 4);
        QVERIFY2(refused.err.find("Authentication failed") != std::string::npos, refused.err.c_str());
        QVERIFY(!g_log.isEmpty()); // the debug log did run
        QVERIFY(all.find(kToken.toStdString()) == std::string::npos);
        QVERIFY(all.find("wrong-token-should-stay-hidden") == std::string::npos);
        QVERIFY(!g_log.contains(kToken));
        QVERIFY(!g_log.contains(QStringLiteral("wrong-token-should-stay-hidden")));
        // Nor in the state pull/push keep on disk.
        QDirIterator it(path(QStringLiteral("state")), QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            ++files;
            QVERIFY(!readAll(it.next()).contains(kToken.toUtf8()));
        }
        QVERIFY(files > 0);
    }

    void programsEndToEnd() {
        // The emulator program and ckstudio-cli as separate processes, the way CI and demos use them.
        QProcess emulator;
        emulator.start(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-aiven-emulator"),
                       {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                        QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json")});
        QVERIFY(emulator.waitForStarted());
        // One "kafka <service> bootstrap <address>" line per Kafka service (its mock cluster), then the URL.
        QString banner;
        QStringList kafkaLines;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (emulator.canReadLine()) {
                    banner = QString::fromUtf8(emulator.readLine()).trimmed();
                    if (banner.startsWith(QStringLiteral("kafka ")))
                        kafkaLines << banner;
                }
                return banner.startsWith(QStringLiteral("listening on"));
            }(),
            20000);
        QCOMPARE(kafkaLines.size(), 1);
        QVERIFY2(kafkaLines.first().startsWith(QStringLiteral("kafka demo-kafka bootstrap 127.0.0.1:")),
                 qPrintable(kafkaLines.first()));
        QVERIFY2(banner.startsWith(QStringLiteral("listening on http://127.0.0.1:")), qPrintable(banner));
        const QString url = banner.mid(QStringLiteral("listening on ").size());

        QProcess cliProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AIVEN_WEB_URL"), url);
        env.insert(QStringLiteral("AIVEN_AUTH_TOKEN"), kToken);
        env.insert(QStringLiteral("CKSTUDIO_STATE_DIR"), path(QStringLiteral("proc-state")));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ckstudio.*=true"));
        cliProcess.setProcessEnvironment(env);
        cliProcess.start(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-cli"),
                         {QStringLiteral("integrations"), QStringLiteral("--project"), kProject,
                          QStringLiteral("--service"), QStringLiteral("demo-clickhouse")});
        QVERIFY(cliProcess.waitForFinished(20000));
        const QByteArray out = cliProcess.readAllStandardOutput();
        const QByteArray err = cliProcess.readAllStandardError();
        QCOMPARE(cliProcess.exitCode(), 0);
        QVERIFY2(out.contains(kIntegration.toUtf8()), out.constData());
        QVERIFY(!out.contains(kToken.toUtf8()));
        QVERIFY(!err.contains(kToken.toUtf8()));
        emulator.kill();
        emulator.waitForFinished();

        QProcess help;
        help.start(QStringLiteral(CKSTUDIO_BIN_DIR "/ckstudio-aiven-emulator"), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(10000));
        QCOMPARE(help.exitCode(), 0);
        const QByteArray text = help.readAllStandardOutput();
        QVERIFY(text.contains("--seed") && text.contains("--clickhouse") &&
                text.contains("X-Emulator-Fault"));
    }
};

QTEST_GUILESS_MAIN(TestAivenCli)
#include "tst_aivencli.moc"
