// The main window's Aiven menu with a token in the environment: the document switches to the API's live
// schema and the problems dock says which schema is in use; the topic browser dock opens for the opened
// integration's Kafka service.
#include "AivenMenu.h"
#include "EmulatorSession.h"
#include "FakeEditorHost.h"
#include "MainWindow.h"
#include "ProblemsDock.h"
#include "aiven/CreateIntegrationWizard.h"
#include "aiven/TopicBrowser.h"
#include "aiven/TopicOverviewModels.h"
#include "domain/JsonText.h"
#include "itemmodels/ConfigDocument.h"
#include "schema/ConfigValidator.h"
#include "schema/TableRules.h"
#include "secrets/MemorySecretStore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace ckstudio;
using namespace ckstudio::emulator;

namespace {
constexpr int kWait = 10000;
} // namespace

class TestAivenMenu : public QObject {
    Q_OBJECT
    std::unique_ptr<test::EmulatorSession> m_session;

private slots:
    // The menu needs only EditorHost: its menu goes into the host's bar and its notices through the prompts.
    void worksOnAnEditorHostAlone() {
        test::FakeEditorHost host;
        MemorySecretStore secrets;
        AivenMenu menu(&host, &secrets);
        const auto menus = host.window.menuBar()->actions();
        QCOMPARE(menus.size(), 1);
        QCOMPARE(menus.front()->text(), QStringLiteral("&Aiven"));
        menu.showApply(); // no integration open
        QCOMPARE(host.quiet.notices.size(), 1);
        QVERIFY2(host.quiet.notices.front().startsWith(
                     QStringLiteral("Open an integration from the Aiven browser")),
                 qPrintable(host.quiet.notices.front()));
        QVERIFY(host.window.findChildren<QDialog*>().isEmpty());
    }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ckstudio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ckstudio-aivenmenu-test"));
        QSettings().clear();
    }
    void init() {
        m_session = std::make_unique<test::EmulatorSession>();
        QVERIFY2(m_session->error().isEmpty(), qPrintable(m_session->error()));
    }
    void cleanup() { m_session.reset(); }

    void liveSchemaIsUsedAndNamedThenTopicsOfTheOpenedIntegration() {
        // A live schema stricter than the bundled one (table names of at most 6 characters).
        QFile bundled(QStringLiteral(":/schema/clickhouse_kafka.user_config.schema.json"));
        QVERIFY(bundled.open(QIODevice::ReadOnly));
        Json schema = *parseJsonText(bundled.readAll().toStdString()).value;
        schema["properties"]["tables"]["items"]["properties"]["name"]["maxLength"] = 6;
        m_session->emulator().setUserConfigSchema(schema);

        MainWindow window;
        window.show();
        AivenMenu* menu = window.aivenMenu();
        QVERIFY(menu->client()); // the token came from the environment
        QTRY_COMPARE_WITH_TIMEOUT(menu->schemaInUse(), QStringLiteral("live"), kWait);
        QVERIFY(window.problemsDock()->windowTitle().contains(QStringLiteral("live")));

        menu->openIntegration(test::kSeedProject, test::kSeedIntegration);
        QTRY_COMPARE_WITH_TIMEOUT(window.document()->tableCount(), 2, kWait);
        window.document()->validateNow();
        QCOMPARE(window.document()->problemsAt("tables[1].name").size(), std::size_t(1)); // "orders_raw"

        // The destination service's ClickHouse version, read from the API before any connection, reaches
        // whichever validator is in use, and the problems dock names it.
        using Version = std::optional<MajorMinorVersion>;
        QTRY_COMPARE_WITH_TIMEOUT(window.document()->targetVersion(), Version(MajorMinorVersion{25, 8}),
                                  kWait);
        QCOMPARE(window.document()->validator().targetVersion(), Version(MajorMinorVersion{25, 8}));
        QVERIFY2(window.problemsDock()->windowTitle().contains(QStringLiteral("ClickHouse 25.8")),
                 qPrintable(window.problemsDock()->windowTitle()));
        QVERIFY(window.problemsDock()->toolTip().contains(QStringLiteral("demo-clickhouse")));
        window.document()->setValidator(
            std::make_shared<const ConfigValidator>()); // a schema swapped in later
        QCOMPARE(window.document()->validator().targetVersion(), Version(MajorMinorVersion{25, 8}));

        menu->showTopicBrowser();
        TopicBrowser* browser = menu->topicBrowser();
        QVERIFY(browser);
        QTRY_VERIFY_WITH_TIMEOUT(browser->isReady(), kWait);
        QVERIFY(browser->sourceLabel()->text().contains(QStringLiteral("demo-kafka")));
        QTRY_VERIFY_WITH_TIMEOUT(browser->topicsModel()->rowOf(QStringLiteral("events")) >= 0, kWait);
    }

    void wizardFromTheMenuOpensTheCreatedIntegration() {
        MainWindow window;
        window.show();
        AivenMenu* menu = window.aivenMenu();
        QVERIFY(menu->client());
        menu->showCreateIntegration();
        CreateIntegrationWizard* wizard = nullptr;
        QTRY_VERIFY((wizard = window.findChild<CreateIntegrationWizard*>()) != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->isLoading() && wizard->clickhouseBox()->count() > 0, kWait);
        wizard->next();
        wizard->next();
        QVERIFY(wizard->emptyOption()->isChecked()); // the new document has no table
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateIntegrationWizard::ConfirmPage));
        const int before = m_session->emulator().countRequests("POST", QStringLiteral("/integration"));
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->emulator().countRequests("POST", QStringLiteral("/integration")),
                                  before + 1, kWait);
        // The created integration is opened: the document now has it as its remote base.
        QTRY_VERIFY_WITH_TIMEOUT(window.document()->remoteBase().has_value(), kWait);
        QCOMPARE(window.document()->tableCount(), 0);
    }

    void bundledSchemaNamedWhenTheApiHasNone() {
        m_session->emulator().setUserConfigSchema(Json());
        MainWindow window;
        AivenMenu* menu = window.aivenMenu();
        QVERIFY(menu->client());
        QTRY_VERIFY_WITH_TIMEOUT(window.problemsDock()->toolTip().contains(QStringLiteral("unavailable")),
                                 kWait);
        QCOMPARE(menu->schemaInUse(), QStringLiteral("bundled"));
        QVERIFY(window.problemsDock()->windowTitle().contains(QStringLiteral("bundled")));
    }
};

QTEST_MAIN(TestAivenMenu)
#include "tst_aivenmenu.moc"
