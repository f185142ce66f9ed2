// The Aiven widgets against the in-process API emulator: browse, open, edit, apply with the diff, and the
// lost-update conflict (someone else applies between open and apply).
#include "AivenEmulator.h"
#include "FaultSpec.h"
#include "ItemViewInput.h"
#include "aiven/AivenClient.h"
#include "aiven/ApplyDialog.h"
#include "aiven/ApplyWorkflow.h"
#include "aiven/ConnectDialog.h"
#include "aiven/IntegrationBrowser.h"
#include "aiven/IntegrationOpener.h"
#include "aiven/IntegrationTreeModel.h"
#include "diff/ConfigDiff.h"
#include "itemmodels/ConfigDocument.h"
#include "secrets/MemorySecretStore.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace ckstudio;
using namespace ckstudio::test;
using namespace ckstudio::emulator;

namespace {
const QString kToken = QStringLiteral("emulator-token-0123456789");
const QString kProject = QStringLiteral("demo-project");
const QString kService = QStringLiteral("demo-clickhouse");
const QString kIntegration = QStringLiteral("3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60");
constexpr int kWait = 5000;

IntegrationTreeModel::Kind kindOf(const QModelIndex& index) {
    return static_cast<IntegrationTreeModel::Kind>(index.data(IntegrationTreeModel::KindRole).toInt());
}
} // namespace

class TestAivenGui : public QObject {
    Q_OBJECT

    std::unique_ptr<AivenEmulator> m_emulator;

    std::unique_ptr<AivenClient> makeClient(const QString& token = kToken) {
        AivenClient::Options options;
        options.baseUrl = m_emulator->url();
        options.token = token;
        options.timeoutMs = 5000;
        options.retry.maxAttempts = 1;
        return std::make_unique<AivenClient>(options);
    }

    Json remoteConfig() const { return m_emulator->integration(kProject, kIntegration)->at("user_config"); }

    // Opens the seed's integration into `document` through the opener.
    void openInto(AivenClient& client, ConfigDocument& document) {
        IntegrationOpener opener(&client, &document);
        QSignalSpy opened(&opener, &IntegrationOpener::opened);
        QSignalSpy failed(&opener, &IntegrationOpener::failed);
        opener.open(kProject, kIntegration);
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() + failed.count() == 1, kWait);
        QCOMPARE(failed.count(), 0);
    }

    // Someone else applies a change between open and apply.
    void remoteEdit(const std::string& groupName) {
        auto other = makeClient();
        Json config = remoteConfig();
        config["tables"][0]["group_name"] = groupName;
        bool done = false;
        other->updateIntegration(kProject, kIntegration, config, other.get(),
                                 [&](AivenResult<AivenIntegration> r) {
                                     QVERIFY2(r.ok(), qPrintable(r.error.describe()));
                                     done = true;
                                 });
        QTRY_VERIFY_WITH_TIMEOUT(done, kWait);
    }

private slots:
    void init() {
        m_emulator = std::make_unique<AivenEmulator>();
        QString error;
        QVERIFY2(m_emulator->loadSeedFile(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json"), &error),
                 qPrintable(error));
        QVERIFY(m_emulator->start() != 0);
    }
    void cleanup() { m_emulator.reset(); }

    void browseProjectsServicesIntegrations() {
        auto client = makeClient();
        IntegrationBrowser browser(client.get());
        QAbstractItemModelTester tester(browser.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        browser.show();
        QTreeView* view = browser.view();
        IntegrationTreeModel* model = browser.model();

        QTRY_VERIFY_WITH_TIMEOUT(childNamed(*model, {}, kProject).isValid(), kWait);
        const QModelIndex project = childNamed(*model, {}, kProject);
        QCOMPARE(kindOf(project), IntegrationTreeModel::Kind::Project);
        QVERIFY(model->hasChildren(project));

        view->expand(project);
        // The project shows a loading row first, then its ClickHouse services only (not the Kafka one).
        QTRY_VERIFY_WITH_TIMEOUT(childNamed(*model, project, kService).isValid(), kWait);
        QVERIFY(!childNamed(*model, project, QStringLiteral("demo-kafka")).isValid());
        const QModelIndex service = childNamed(*model, project, kService);
        QCOMPARE(kindOf(service), IntegrationTreeModel::Kind::Service);

        view->expand(service);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(service) > 0 && kindOf(model->index(0, 0, service)) !=
                                                                     IntegrationTreeModel::Kind::Loading,
                                 kWait);
        QModelIndex integration;
        for (int row = 0; row < model->rowCount(service); ++row) {
            const QModelIndex index = model->index(row, 0, service);
            QCOMPARE(kindOf(index), IntegrationTreeModel::Kind::Integration);
            if (index.data(IntegrationTreeModel::IntegrationIdRole).toString() == kIntegration)
                integration = index;
        }
        QVERIFY(integration.isValid());
        QCOMPARE(integration.data().toString(), QStringLiteral("demo-kafka"));
        QVERIFY(model->index(integration.row(), IntegrationTreeModel::DetailsColumn, service)
                    .data()
                    .toString()
                    .contains(QStringLiteral("running")));

        QSignalSpy openRequested(&browser, &IntegrationBrowser::openIntegrationRequested);
        view->setCurrentIndex(integration);
        browser.openCurrent();
        QCOMPARE(openRequested.count(), 1);
        QCOMPARE(openRequested.at(0).at(0).toString(), kProject);
        QCOMPARE(openRequested.at(0).at(1).toString(), kIntegration);

        // Refresh of the service reloads its integrations (one more request for them).
        const int before = m_emulator->countRequests("GET", QStringLiteral("/integration"));
        view->setCurrentIndex(integration);
        browser.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_emulator->countRequests("GET", QStringLiteral("/integration")) == before + 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(service) > 0 && kindOf(model->index(0, 0, service)) ==
                                                                     IntegrationTreeModel::Kind::Integration,
                                 kWait);
    }

    void failedFetchShowsAnErrorRow() {
        const QString badToken = QStringLiteral("not-a-valid-token-secret");
        auto client = makeClient(badToken);
        IntegrationTreeModel model(client.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.fetchMore({}); // the tester may have asked already
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() == 1, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(kindOf(model.index(0, 0)) == IntegrationTreeModel::Kind::Error, kWait);
        const QString text = model.index(0, 0).data().toString();
        QVERIFY2(text.contains(QStringLiteral("403")) || text.contains(QStringLiteral("401")),
                 qPrintable(text));
        QVERIFY(!text.contains(badToken));
        QVERIFY(!model.isBusy());
    }

    void cancelShowsCancelledAndDestroyingIsSafe() {
        m_emulator->addFault(*parseFaultSpec(QStringLiteral("delay=3000"), nullptr));
        auto client = makeClient();
        {
            IntegrationTreeModel model(client.get());
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(model.isBusy(), kWait);
            QCOMPARE(kindOf(model.index(0, 0)), IntegrationTreeModel::Kind::Loading);
            model.cancelAll();
            QVERIFY(!model.isBusy());
            QCOMPARE(kindOf(model.index(0, 0)), IntegrationTreeModel::Kind::Error);
            model.refresh();
            QVERIFY(model.isBusy());
        } // destroyed while loading: the request is cancelled, no callback reaches the dead model
        QCOMPARE(client->pendingCount(), 0);
    }

    void openEditApplyShowsDiffAndLands() {
        auto client = makeClient();
        ConfigDocument document;
        openInto(*client, document);
        QVERIFY(document.remoteBase().has_value());
        QVERIFY(toJson(document.config()) == remoteConfig());

        document.setGroupName(0, "clickhouse-events-v2");
        ApplyDialog dialog(client.get(), &document, kProject, kIntegration);
        QSignalSpy applied(&dialog, &ApplyDialog::applied);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.applyButton()->isVisible(), kWait);
        QVERIFY(dialog.applyButton()->isEnabled());
        QVERIFY(!dialog.overwriteButton()->isVisible());
        QVERIFY2(dialog.diffText().contains(QStringLiteral("events")), qPrintable(dialog.diffText()));
        QVERIFY2(dialog.diffText().contains(QStringLiteral("clickhouse-events-v2")),
                 qPrintable(dialog.diffText()));
        QVERIFY(!dialog.diffText().contains(QStringLiteral("orders_raw")));
        QCOMPARE(m_emulator->countRequests("PUT"), 0);

        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.workflow()->state(), ApplyWorkflow::State::Succeeded, kWait);
        QCOMPARE(m_emulator->countRequests("PUT"), 1);
        QCOMPARE(applied.count(), 1);
        QVERIFY(remoteConfig().at("tables").at(0).at("group_name") == Json("clickhouse-events-v2"));
        QVERIFY(toJson(document.config()) == remoteConfig());
        QVERIFY(toJson(*document.remoteBase()) == remoteConfig()); // the new base
        QVERIFY2(dialog.statusText().contains(QStringLiteral("running")), qPrintable(dialog.statusText()));
    }

    // A PUT answer without user_config: the base is what was sent, so the next apply sees no conflict.
    void applyWhoseAnswerLacksTheConfigKeepsWhatWasSentAsTheBase() {
        auto client = makeClient();
        ConfigDocument document;
        openInto(*client, document);
        document.setGroupName(0, "clickhouse-events-v3");
        QString error;
        const auto omit = parseFaultSpec(QStringLiteral("omit=user_config;method=PUT;count=1"), &error);
        QVERIFY2(omit, qPrintable(error));
        m_emulator->addFault(*omit);
        {
            ApplyDialog dialog(client.get(), &document, kProject, kIntegration);
            dialog.show();
            QTRY_VERIFY_WITH_TIMEOUT(dialog.applyButton()->isVisible(), kWait);
            QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(dialog.workflow()->state(), ApplyWorkflow::State::Succeeded, kWait);
        }
        QVERIFY(document.remoteBase().has_value());
        QVERIFY(toJson(*document.remoteBase()) == remoteConfig());
        QVERIFY(toJson(*document.remoteBase()) == toJson(document.config()));

        document.setGroupName(1, "orders-v2");
        ApplyDialog again(client.get(), &document, kProject, kIntegration);
        again.show();
        QTRY_VERIFY_WITH_TIMEOUT(again.applyButton()->isVisible() || again.overwriteButton()->isVisible(),
                                 kWait);
        QCOMPARE(again.workflow()->state(), ApplyWorkflow::State::Reviewing);
        QVERIFY(!again.overwriteButton()->isVisible());
    }

    void unchangedDocumentHasNothingToApply() {
        auto client = makeClient();
        ConfigDocument document;
        openInto(*client, document);
        ApplyDialog dialog(client.get(), &document, kProject, kIntegration);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.applyButton()->isVisible(), kWait);
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(dialog.diffText().isEmpty());
    }

    void conflictRefusesThenOverwriteSucceeds() {
        auto client = makeClient();
        ConfigDocument document;
        openInto(*client, document);
        document.setGroupName(1, "mine-orders");
        remoteEdit("theirs-events");

        ApplyDialog dialog(client.get(), &document, kProject, kIntegration);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.overwriteButton()->isVisible(), kWait);
        QCOMPARE(dialog.workflow()->state(), ApplyWorkflow::State::Conflict);
        QVERIFY(!dialog.applyButton()->isVisible());
        QVERIFY(dialog.takeRemoteButton()->isVisible());
        QCOMPARE(m_emulator->countRequests("PUT"), 1); // only theirs
        // Three versions: base has neither change, remote has theirs, mine has mine.
        QVERIFY(dialog.baseText().contains(QStringLiteral("clickhouse-events")));
        QVERIFY(!dialog.baseText().contains(QStringLiteral("theirs-events")));
        QVERIFY(!dialog.baseText().contains(QStringLiteral("mine-orders")));
        QVERIFY(dialog.remoteText().contains(QStringLiteral("theirs-events")));
        QVERIFY(!dialog.remoteText().contains(QStringLiteral("mine-orders")));
        QVERIFY(dialog.mineText().contains(QStringLiteral("mine-orders")));
        QVERIFY(!dialog.mineText().contains(QStringLiteral("theirs-events")));

        QTest::mouseClick(dialog.overwriteButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.workflow()->state(), ApplyWorkflow::State::Succeeded, kWait);
        QCOMPARE(m_emulator->countRequests("PUT"), 2);
        QVERIFY(remoteConfig() == toJson(document.config()));
        QVERIFY(remoteConfig().at("tables").at(0).at("group_name") == Json("clickhouse-events"));
    }

    void conflictTakeRemoteReplacesTheDocumentUndoably() {
        auto client = makeClient();
        ConfigDocument document;
        openInto(*client, document);
        document.setGroupName(1, "mine-orders");
        const Json mine = toJson(document.config());
        remoteEdit("theirs-events");

        ApplyDialog dialog(client.get(), &document, kProject, kIntegration);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.takeRemoteButton()->isVisible(), kWait);
        QTest::mouseClick(dialog.takeRemoteButton(), Qt::LeftButton);
        QVERIFY(toJson(document.config()) == remoteConfig());
        QVERIFY(toJson(*document.remoteBase()) == remoteConfig());
        QCOMPARE(m_emulator->countRequests("PUT"), 1); // nothing was applied
        document.undoStack()->undo();
        QVERIFY(toJson(document.config()) == mine);
    }

    void rejectedConfigIsReportedAndNothingChanges() {
        auto client = makeClient();
        ConfigDocument document;
        openInto(*client, document);
        const Json before = remoteConfig();
        document.setDataFormat(0, "NotAFormat");
        ApplyDialog dialog(client.get(), &document, kProject, kIntegration);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.applyButton()->isVisible(), kWait);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.workflow()->state(), ApplyWorkflow::State::Failed, kWait);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("400")), qPrintable(dialog.statusText()));
        QVERIFY(remoteConfig() == before);
        QVERIFY(toJson(*document.remoteBase()) == before); // base unchanged: nothing landed
    }
    // No base (the document was not opened from the integration): the conflict view, as for a remote that
    // moved; only a deliberate overwrite sends it.
    void noBaseShowsTheConflictView() {
        auto client = makeClient();
        ConfigDocument document;
        openInto(*client, document);
        document.setRemoteBase(std::nullopt);
        document.setGroupName(1, "mine-orders");
        ApplyDialog dialog(client.get(), &document, kProject, kIntegration);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.overwriteButton()->isVisible(), kWait);
        QCOMPARE(dialog.workflow()->state(), ApplyWorkflow::State::Conflict);
        QVERIFY(!dialog.applyButton()->isVisible());
        QVERIFY(dialog.baseText().isEmpty());
        QVERIFY(dialog.mineText().contains(QStringLiteral("mine-orders")));
        QCOMPARE(m_emulator->countRequests("PUT"), 0);
        QTest::mouseClick(dialog.overwriteButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.workflow()->state(), ApplyWorkflow::State::Succeeded, kWait);
        QVERIFY(remoteConfig() == toJson(document.config()));
        QVERIFY(document.remoteBase().has_value());
    }

    // A `failed` status: the dialog lists the API's errors and its message names them too.
    void failedStatusShowsTheErrors() {
        auto client = makeClient();
        ConfigDocument document;
        openInto(*client, document);
        m_emulator->setClickHouseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/")));
        document.setGroupName(0, "clickhouse-events-v4");
        ApplyDialog dialog(client.get(), &document, kProject, kIntegration);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.applyButton()->isVisible(), kWait);
        QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.workflow()->state(), ApplyWorkflow::State::Failed, kWait);
        QCOMPARE(dialog.workflow()->outcome()->kind, ApplyOutcome::Kind::IntegrationFailed);
        const QStringList errors = dialog.statusErrors();
        QVERIFY(!errors.isEmpty());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("integration failed")),
                 qPrintable(dialog.statusText()));
        for (const QString& e : errors)
            QVERIFY2(dialog.statusText().contains(e), qPrintable(dialog.statusText()));
        QVERIFY(toJson(*document.remoteBase()) == remoteConfig()); // it landed all the same
    }

    void connectDialogTestsAndRemembersTheToken() {
        MemorySecretStore keychain;
        AivenClient::Options initial;
        initial.baseUrl = m_emulator->url();
        ConnectDialog dialog(&keychain, initial);
        dialog.show();
        QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Password);
        QSignalSpy tested(&dialog, &ConnectDialog::tested);

        const QString badToken = QStringLiteral("wrong-token-do-not-show");
        dialog.tokenEdit()->setText(badToken);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, kWait);
        QCOMPARE(tested.at(0).at(0).toBool(), false);
        QVERIFY(!dialog.resultText().contains(badToken));

        dialog.tokenEdit()->setText(kToken);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, kWait);
        QVERIFY2(tested.at(1).at(0).toBool(), qPrintable(dialog.resultText()));
        QVERIFY(dialog.resultText().contains(QStringLiteral("1 project")));
        QVERIFY(!dialog.resultText().contains(kToken));

        dialog.rememberBox()->setChecked(true);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, kWait);
        QCOMPARE(dialog.clientOptions().token, kToken);
        QCOMPARE(dialog.clientOptions().baseUrl, m_emulator->url());
        std::optional<QString> stored;
        keychain.read(aivenTokenSecretKey(), [&](const SecretResult& r) { stored = r.value; });
        QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), kWait);
        QCOMPARE(*stored, kToken);
    }

    void connectDialogReportsAKeychainFailureAndStaysOpen() {
        MemorySecretStore keychain;
        keychain.setFailure(QStringLiteral("keychain locked"));
        AivenClient::Options initial;
        initial.baseUrl = m_emulator->url();
        initial.token = kToken;
        ConnectDialog dialog(&keychain, initial);
        dialog.show();
        dialog.rememberBox()->setChecked(true);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.resultText().contains(QStringLiteral("keychain locked")), kWait);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(!dialog.resultText().contains(kToken));
    }
};

QTEST_MAIN(TestAivenGui)
#include "tst_aivengui.moc"
