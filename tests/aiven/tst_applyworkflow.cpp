// ApplyWorkflow, the one apply-with-lost-update-check that the Apply dialog and `ckstudio-cli push` drive,
// against the Aiven API emulator, without widgets: the check's three verdicts, force, the PUT answer without
// user_config, and every way the integration's status can end (docs/aiven.md, "Apply and push").
#include "AivenEmulator.h"
#include "aiven/AivenClient.h"
#include "aiven/ApplyWorkflow.h"

#include <QTcpServer>
#include <QtTest>

using namespace ckstudio;
using namespace ckstudio::emulator;

namespace {
const QString kToken = QStringLiteral("emulator-token-0123456789");
const QString kProject = QStringLiteral("demo-project");
const QString kIntegration = QStringLiteral("3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60");
constexpr int kWait = 10000;
} // namespace

class TestApplyWorkflow : public QObject {
    Q_OBJECT

    std::unique_ptr<AivenEmulator> m_emulator;
    std::unique_ptr<AivenClient> m_client;

    std::unique_ptr<AivenClient> makeClient(const QString& token = kToken) {
        AivenClient::Options options;
        options.baseUrl = m_emulator->url();
        options.token = token;
        options.timeoutMs = 5000;
        options.retry.maxAttempts = 1;
        return std::make_unique<AivenClient>(options);
    }

    Json remoteConfig() const { return m_emulator->integration(kProject, kIntegration)->at("user_config"); }

    void addFault(const QString& spec) {
        QString error;
        const auto fault = parseFaultSpec(spec, &error);
        QVERIFY2(fault, qPrintable(error));
        m_emulator->addFault(*fault);
    }

    // Someone else applies a change.
    void remoteEdit(const std::string& groupName) {
        Json config = remoteConfig();
        config["tables"][0]["group_name"] = groupName;
        bool done = false;
        m_client->updateIntegration(kProject, kIntegration, config, m_client.get(),
                                    [&](AivenResult<AivenIntegration> r) {
                                        QVERIFY2(r.ok(), qPrintable(r.error.describe()));
                                        done = true;
                                    });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
    }

    // Runs check() to its verdict (or its failure).
    std::optional<ApplyCheck> checkWith(ApplyWorkflow& workflow, const Json& mine, std::optional<Json> base) {
        std::optional<ApplyCheck> result;
        auto connection =
            connect(&workflow, &ApplyWorkflow::checked, this, [&](const ApplyCheck& c) { result = c; });
        workflow.check(mine, std::move(base));
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result || workflow.outcome(), kWait); }();
        disconnect(connection);
        return result;
    }

    // Runs apply() to its end; `newBase` gets what landed() said.
    ApplyOutcome applyToEnd(ApplyWorkflow& workflow, std::optional<Json>* newBase = nullptr) {
        std::optional<ApplyOutcome> result;
        auto finished =
            connect(&workflow, &ApplyWorkflow::finished, this, [&](const ApplyOutcome& o) { result = o; });
        auto landed = connect(&workflow, &ApplyWorkflow::landed, this, [&](const Json& base) {
            if (newBase)
                *newBase = base;
        });
        workflow.apply();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kWait); }();
        disconnect(finished);
        disconnect(landed);
        return result.value_or(ApplyOutcome{ApplyOutcome::Kind::CancelledCheck, {}, {}, {}});
    }

    Json edited(const std::string& groupName) const {
        Json mine = remoteConfig();
        mine["tables"][1]["group_name"] = groupName;
        return mine;
    }

private slots:
    void init() {
        m_emulator = std::make_unique<AivenEmulator>();
        QString error;
        QVERIFY2(m_emulator->loadSeedFile(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json"), &error),
                 qPrintable(error));
        QVERIFY(m_emulator->start() != 0);
        m_client = makeClient();
    }
    void cleanup() {
        m_client.reset();
        m_emulator.reset();
    }

    void cleanApplyLandsAndRuns() {
        const Json base = remoteConfig();
        const Json mine = edited("orders-v2");
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        const auto check = checkWith(workflow, mine, base);
        QVERIFY(check);
        QCOMPARE(check->verdict, ApplyCheck::Verdict::Clean);
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Reviewing);
        QVERIFY(check->moved.isEmpty());
        QCOMPARE(check->changes.tables.size(), std::size_t(1));
        QCOMPARE(check->changes.tables[0].name, std::string("orders_raw"));
        QCOMPARE(m_emulator->countRequests("PUT"), 0);

        std::optional<Json> newBase;
        const ApplyOutcome outcome = applyToEnd(workflow, &newBase);
        QCOMPARE(outcome.kind, ApplyOutcome::Kind::Running);
        QVERIFY(outcome.ok() && outcome.landed());
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Succeeded);
        QCOMPARE(m_emulator->countRequests("PUT"), 1);
        QVERIFY(sameConfig(remoteConfig(), mine));
        QVERIFY(newBase && sameConfig(*newBase, mine));
        QCOMPARE(outcome.status(), QStringLiteral("running"));
        QCOMPARE(outcome.integration->tableCount(), 2);
        QVERIFY2(ApplyWorkflow::describe(outcome).contains(QStringLiteral("running")),
                 qPrintable(ApplyWorkflow::describe(outcome)));
    }

    void remoteMovedIsAConflictUntilForced() {
        const Json base = remoteConfig();
        const Json mine = edited("mine-orders");
        remoteEdit("theirs-events");
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        const auto check = checkWith(workflow, mine, base);
        QVERIFY(check);
        QCOMPARE(check->verdict, ApplyCheck::Verdict::RemoteMoved);
        QVERIFY(check->needsOverwrite());
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Conflict);
        QVERIFY(check->base && *check->base == base);
        QCOMPARE(check->remote.at("tables").at(0).at("group_name"), Json("theirs-events"));
        QCOMPARE(check->mine, mine);
        // What someone else changed: their table only.
        QCOMPARE(check->moved.tables.size(), std::size_t(1));
        QCOMPARE(check->moved.tables[0].name, std::string("events"));
        QCOMPARE(m_emulator->countRequests("PUT"), 1); // theirs only

        // Forced: apply() over the conflict sends mine, which undoes theirs deliberately.
        const ApplyOutcome outcome = applyToEnd(workflow);
        QCOMPARE(outcome.kind, ApplyOutcome::Kind::Running);
        QCOMPARE(m_emulator->countRequests("PUT"), 2);
        QVERIFY(sameConfig(remoteConfig(), mine));
    }

    void takeRemoteMakesTheRemoteTheBase() {
        const Json base = remoteConfig();
        remoteEdit("theirs-events");
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        QVERIFY(checkWith(workflow, edited("mine-orders"), base));
        const Json taken = workflow.takeRemote();
        QCOMPARE(taken, remoteConfig());
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Idle);
        // Taken as the base, the remote is clean again.
        const auto again = checkWith(workflow, taken, taken);
        QVERIFY(again);
        QCOMPARE(again->verdict, ApplyCheck::Verdict::Clean);
        QVERIFY(again->changes.isEmpty());
    }

    void noBaseNeedsADeliberateOverwrite() {
        const Json mine = edited("orders-v2");
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        const auto check = checkWith(workflow, mine, std::nullopt);
        QVERIFY(check);
        QCOMPARE(check->verdict, ApplyCheck::Verdict::NoBase);
        QVERIFY(!check->base);
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Conflict);
        QCOMPARE(check->changes.tables.size(), std::size_t(1)); // what --force would change
        QCOMPARE(m_emulator->countRequests("PUT"), 0);
        const ApplyOutcome outcome = applyToEnd(workflow);
        QCOMPARE(outcome.kind, ApplyOutcome::Kind::Running);
        QVERIFY(sameConfig(remoteConfig(), mine));
    }

    // The false conflict of house review §2.2: an answer without user_config must not leave an empty base.
    void answerWithoutUserConfigKeepsWhatWasSentAsTheBase() {
        const Json base = remoteConfig();
        const Json mine = edited("orders-v2");
        addFault(QStringLiteral("omit=user_config;method=PUT;count=1"));
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        QVERIFY(checkWith(workflow, mine, base));
        std::optional<Json> newBase;
        const ApplyOutcome outcome = applyToEnd(workflow, &newBase);
        QCOMPARE(outcome.kind, ApplyOutcome::Kind::Running);
        QVERIFY(newBase);
        QCOMPARE(*newBase, mine);

        Json next = mine;
        next["tables"][0]["num_consumers"] = 2;
        const auto again = checkWith(workflow, next, *newBase);
        QVERIFY(again);
        QCOMPARE(again->verdict, ApplyCheck::Verdict::Clean);
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Reviewing);
        QCOMPARE(applyToEnd(workflow).kind, ApplyOutcome::Kind::Running);
        QVERIFY(sameConfig(remoteConfig(), next));
    }

    void failedStatusCarriesTheApisErrors() {
        // A ClickHouse nobody listens on: the emulator's connector tables fail, the integration is `failed`.
        m_emulator->setClickHouseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/")));
        const Json base = remoteConfig();
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        workflow.setStatusFollowing(std::chrono::seconds(8), std::chrono::milliseconds(50));
        QVERIFY(checkWith(workflow, edited("orders-v2"), base));
        std::optional<Json> newBase;
        const ApplyOutcome outcome = applyToEnd(workflow, &newBase);
        QCOMPARE(outcome.kind, ApplyOutcome::Kind::IntegrationFailed);
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.landed());
        QVERIFY(newBase); // it landed: the base moved all the same
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Failed);
        const QStringList errors = outcome.integration->statusErrors;
        QVERIFY(!errors.isEmpty());
        const QString message = ApplyWorkflow::describe(outcome);
        QVERIFY2(message.contains(QStringLiteral("failed")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Likely cause: destination")), qPrintable(message));
        for (const QString& e : errors)
            QVERIFY2(message.contains(e), qPrintable(message));
    }

    void statusThatNeverSettlesEndsWhenTheTimeRunsOut() {
        // A ClickHouse that accepts connections and never answers: the integration stays `starting`.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        m_emulator->setClickHouseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort())));
        const Json base = remoteConfig();
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        workflow.setStatusFollowing(std::chrono::milliseconds(600), std::chrono::milliseconds(100));
        QVERIFY(checkWith(workflow, edited("orders-v2"), base));
        const int getsBefore = m_emulator->countRequests("GET");
        QStringList seen;
        connect(&workflow, &ApplyWorkflow::statusChanged, this,
                [&](const QString& status, const QStringList&) { seen << status; });
        const ApplyOutcome outcome = applyToEnd(workflow);
        QCOMPARE(outcome.kind, ApplyOutcome::Kind::NotSettled);
        QCOMPARE(outcome.status(), QStringLiteral("starting"));
        // The change landed and nothing says it failed: a success that says it is not settled.
        QVERIFY(outcome.ok());
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Succeeded);
        QVERIFY(outcome.waited >= std::chrono::milliseconds(600));
        QVERIFY(outcome.waited < std::chrono::milliseconds(3000));
        const int reads = m_emulator->countRequests("GET") - getsBefore;
        QVERIFY2(reads >= 3 && reads <= 10, qPrintable(QString::number(reads)));
        QCOMPARE(seen.size(), reads + 1); // the PUT answer's status, then every read
        QVERIFY(seen.first() == QStringLiteral("starting"));
        const QString message = ApplyWorkflow::describe(outcome);
        QVERIFY2(message.contains(QStringLiteral("still \"starting\"")), qPrintable(message));
    }

    void emptyStatusEndsAtOnceAsUnknown() {
        addFault(QStringLiteral("omit=integration_status"));
        const Json base = remoteConfig();
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        workflow.setStatusFollowing(std::chrono::seconds(5), std::chrono::milliseconds(50));
        QVERIFY(checkWith(workflow, edited("orders-v2"), base));
        const int getsBefore = m_emulator->countRequests("GET");
        const ApplyOutcome outcome = applyToEnd(workflow);
        QCOMPARE(outcome.kind, ApplyOutcome::Kind::NoStatus);
        QVERIFY(outcome.ok());
        QVERIFY(outcome.status().isEmpty());
        QCOMPARE(m_emulator->countRequests("GET") - getsBefore, 1); // read once, not polled until time-out
        QVERIFY(outcome.waited < std::chrono::seconds(5));
        QVERIFY(sameConfig(remoteConfig(), edited("orders-v2")));
    }

    void serverErrorsKeepTheirCodeAndMessage() {
        // The PUT refused: the API's message and HTTP status, nothing landed, the base stays.
        const Json base = remoteConfig();
        Json mine = base;
        mine["tables"][0]["data_format"] = "NotAFormat";
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        QVERIFY(checkWith(workflow, mine, base));
        bool landed = false;
        connect(&workflow, &ApplyWorkflow::landed, this, [&] { landed = true; });
        const ApplyOutcome outcome = applyToEnd(workflow);
        QCOMPARE(outcome.kind, ApplyOutcome::Kind::Rejected);
        QVERIFY(!outcome.landed());
        QVERIFY(!landed);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->httpStatus, 400);
        QVERIFY2(outcome.error->message.startsWith(QStringLiteral("Invalid 'user_config'")),
                 qPrintable(outcome.error->message));
        const QString message = ApplyWorkflow::describe(outcome);
        QVERIFY2(message.contains(outcome.error->message) && message.contains(QStringLiteral("HTTP 400")),
                 qPrintable(message));
        QCOMPARE(remoteConfig(), base);

        // The check refused: the API's machine code too.
        auto stranger = makeClient(QStringLiteral("not-a-token-of-this-api"));
        ApplyWorkflow refused(stranger.get(), kProject, kIntegration);
        QVERIFY(!checkWith(refused, base, base));
        QCOMPARE(refused.state(), ApplyWorkflow::State::Failed);
        QCOMPARE(refused.outcome()->kind, ApplyOutcome::Kind::FetchFailed);
        QCOMPARE(refused.outcome()->error->httpStatus, 403);
        QCOMPARE(refused.outcome()->error->errorCode, QStringLiteral("authentication_failed"));
        QVERIFY(
            ApplyWorkflow::describe(*refused.outcome()).contains(QStringLiteral("Authentication failed")));
    }

    void cancelSaysWhatWasLeftBehind() {
        const Json base = remoteConfig();
        addFault(QStringLiteral("delay=2000;method=PUT"));
        ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
        QVERIFY(checkWith(workflow, edited("orders-v2"), base));
        std::optional<ApplyOutcome> outcome;
        connect(&workflow, &ApplyWorkflow::finished, this, [&](const ApplyOutcome& o) { outcome = o; });
        workflow.apply();
        QCOMPARE(workflow.state(), ApplyWorkflow::State::Applying);
        workflow.cancel();
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, ApplyOutcome::Kind::CancelledSending);
        QVERIFY(ApplyWorkflow::describe(*outcome).contains(QStringLiteral("may or may not")));
        QCOMPARE(m_client->pendingCount(), 0);
    }

    void destroyedWhileBusyCallsNothingBack() {
        addFault(QStringLiteral("delay=1000"));
        bool called = false;
        {
            ApplyWorkflow workflow(m_client.get(), kProject, kIntegration);
            connect(&workflow, &ApplyWorkflow::finished, this, [&] { called = true; });
            workflow.check(remoteConfig(), std::nullopt);
            QVERIFY(workflow.isBusy());
        }
        QCOMPARE(m_client->pendingCount(), 0);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestApplyWorkflow)
#include "tst_applyworkflow.moc"
