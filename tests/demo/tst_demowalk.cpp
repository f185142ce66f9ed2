// The demo's main path through the real main window, offscreen: a clickhouse-server and the Aiven API
// emulator (seeded like the demo) reached through the environment exactly as packaging/demo.sh does, then
// browse → open → edit (a column added in the table editor) → apply (diff dialog) → peek → preview, each
// step checked by its effect: the emulator's integration changed, messages were read, rows reached the
// preview.
#include "AivenEmulator.h"
#include "AivenMenu.h"
#include "ClickHouseMenu.h"
#include "ClickHouseServer.h"
#include "ConnectionStatus.h"
#include "DraftStore.h"
#include "ItemViewInput.h"
#include "MainWindow.h"
#include "MockKafkaTopicStore.h"
#include "QuietPrompts.h"
#include "TableEditor.h"
#include "aiven/AivenClient.h"
#include "aiven/ApplyWorkflow.h"
#include "aiven/ApplyDialog.h"
#include "aiven/IntegrationBrowser.h"
#include "aiven/IntegrationTreeModel.h"
#include "aiven/PeekedMessage.h"
#include "aiven/TopicBrowser.h"
#include "aiven/TopicMessagesModel.h"
#include "aiven/TopicOverviewModels.h"
#include "clickhouse/PreviewPane.h"
#include "domain/UserConfig.h"
#include "itemmodels/ColumnsModel.h"
#include "itemmodels/ConfigDocument.h"
#include "preview/ResultRowModel.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <memory>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {
const QString kProject = QStringLiteral("demo-project");
const QString kClickHouseService = QStringLiteral("demo-clickhouse");
const QString kIntegration = QStringLiteral("3f6c1c1e-8a5b-4c7e-9d3a-1b2c3d4e5f60");
constexpr int kWait = 10000;

} // namespace

class TestDemoWalk : public QObject {
    Q_OBJECT

    test::ClickHouseServer m_server;
    std::unique_ptr<emulator::AivenEmulator> m_emulator;

    // The columns of a connector table the emulator made in ClickHouse (database service_demo-kafka).
    QStringList connectorColumns(const QString& table) const {
        const auto r = m_server.query(
            QStringLiteral(
                "SELECT name FROM system.columns WHERE database = 'service_demo-kafka' AND table = '%1'")
                .arg(table));
        return r.ok() ? QString::fromUtf8(r.body).split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                      : QStringList();
    }

    Json remoteTables() const {
        return m_emulator->integration(kProject, kIntegration)->at("user_config").at("tables");
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ckstudio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ckstudio-demo-walk"));
        QSettings().clear();
        QFile::remove(DraftStore::draftPath());

        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_emulator = std::make_unique<emulator::AivenEmulator>();
        // As packaging/demo.sh runs it: topics in librdkafka's mock cluster, integrations applied to the
        // ClickHouse as real ENGINE = Kafka connector tables.
        m_emulator->setTopicStoreFactory([] { return std::make_unique<test::MockKafkaTopicStore>(); });
        QString error;
        QVERIFY2(m_emulator->loadSeedFile(QStringLiteral(CKSTUDIO_FIXTURES_DIR "/aiven/seed.json"), &error),
                 qPrintable(error));
        QVERIFY(m_emulator->start() != 0);
        m_emulator->setClickHouseUrl(m_server.httpUrl());
        QSignalSpy applied(m_emulator.get(), &emulator::AivenEmulator::integrationApplied);
        m_emulator->applyAllToClickHouse();
        QTRY_VERIFY_WITH_TIMEOUT(applied.count() >= 1, kWait);
        QVERIFY(applied.last().at(1).toBool());
        QCOMPARE(connectorColumns(QStringLiteral("events")).size(), 5);

        // The demo's destination table, as its DDL + materialized view fill it from the events topic.
        QVERIFY(m_server
                    .query(QStringLiteral(
                        "CREATE TABLE default.events_data (id UInt64, user_id String, event_type "
                        "String, amount Float64, ts DateTime) ENGINE = MergeTree ORDER BY id"))
                    .ok());
        QVERIFY(m_server
                    .query(QStringLiteral("INSERT INTO default.events_data VALUES "
                                          "(1, 'u-1', 'view', 0, '2026-11-26 10:00:00'), "
                                          "(2, 'u-2', 'purchase', 19.5, '2026-11-26 10:00:01'), "
                                          "(3, 'u-1', 'purchase', 7.25, '2026-11-26 10:00:02')"))
                    .ok());

        // What packaging/demo.sh exports before it starts ckstudio.
        qputenv("AIVEN_AUTH_TOKEN", "emulator-token-0123456789");
        qputenv("AIVEN_WEB_URL", m_emulator->url().toString().toUtf8());
        qputenv("CLICKHOUSE_URL", m_server.httpUrl().toString().toUtf8());
        qunsetenv("CLICKHOUSE_USER");
        qunsetenv("CLICKHOUSE_PASSWORD");
    }
    void cleanupTestCase() {
        m_emulator.reset();
        m_server.stop();
    }

    void browseOpenEditApplyPeekPreview() {
        auto prompts = std::make_shared<test::QuietPrompts>();
        MainWindow window(prompts);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConfigDocument* document = window.document();
        ConnectionStatus* status = window.connectionStatus();

        // Connected from the environment: the status bar says where.
        QCOMPARE(status->aivenText(), QStringLiteral("Aiven: 127.0.0.1"));
        const QString chWhere = QStringLiteral("ClickHouse: 127.0.0.1:%1").arg(m_server.httpUrl().port());
        QTRY_VERIFY2_WITH_TIMEOUT(status->clickHouseText().startsWith(chWhere + QStringLiteral(" (18.")),
                                  qPrintable(status->clickHouseText()), kWait);

        // Browse: project → ClickHouse service → the clickhouse_kafka integration.
        window.aivenMenu()->showBrowser();
        IntegrationBrowser* browser = window.aivenMenu()->browser();
        QVERIFY(browser);
        IntegrationTreeModel* tree = browser->model();
        QTRY_VERIFY_WITH_TIMEOUT(childNamed(*tree, {}, kProject).isValid(), kWait);
        const QModelIndex project = childNamed(*tree, {}, kProject);
        browser->view()->expand(project);
        QTRY_VERIFY_WITH_TIMEOUT(childNamed(*tree, project, kClickHouseService).isValid(), kWait);
        const QModelIndex service = childNamed(*tree, project, kClickHouseService);
        browser->view()->expand(service);
        QModelIndex integration;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < tree->rowCount(service); ++row) {
                    const QModelIndex index = tree->index(row, 0, service);
                    if (index.data(IntegrationTreeModel::IntegrationIdRole).toString() == kIntegration)
                        integration = index;
                }
                return integration.isValid();
            }(),
            kWait);

        // Open: the integration's tables land in the editor, with the pulled config as the base.
        browser->view()->setCurrentIndex(integration);
        browser->openCurrent();
        QTRY_COMPARE_WITH_TIMEOUT(document->tableCount(), 2, kWait);
        QVERIFY(document->remoteBase().has_value());
        QCOMPARE(document->table(0)->name, std::string("events"));
        QCOMPARE(status->aivenText(), QStringLiteral("Aiven: 127.0.0.1 / demo-project"));

        // The live schema replaces the bundled one once the API answers (it re-validates the document); edit
        // after that, as a user would see the problems dock's title change.
        QTRY_COMPARE_WITH_TIMEOUT(window.aivenMenu()->schemaInUse(), QStringLiteral("live"), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(window.aivenMenu()->client()->pendingCount(), 0, kWait);

        // Edit: a column added and typed in the table editor's columns grid.
        window.selectTable(0);
        const std::size_t columnsBefore = document->table(0)->columns.size();
        window.tableEditor()->tabs()->setCurrentIndex(1);
        QTableView* columns = window.tableEditor()->columnsView();
        auto* add = window.findChild<QPushButton*>(QStringLiteral("addColumnButton"));
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        const int row = int(columnsBefore);
        typeIntoCell(columns, columns->model()->index(row, int(ColumnsModel::Column::Name)),
                     QStringLiteral("country"));
        typeIntoCell(columns, columns->model()->index(row, int(ColumnsModel::Column::Type)),
                     QStringLiteral("String"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(document->table(0)->columns.size(), columnsBefore + 1);
        QCOMPARE(document->table(0)->columns.back().type, std::string("String"));
        document->validateNow();
        QStringList problems;
        for (const auto& problem : document->problems())
            problems << QString::fromStdString(problem.toLine());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(remoteTables().at(0).at("columns").size(), columnsBefore); // nothing sent yet

        // Apply: the diff names the new column; accepting it changes the emulator's integration.
        window.aivenMenu()->showApply();
        auto* apply = window.findChild<ApplyDialog*>();
        QVERIFY(apply);
        QTRY_VERIFY_WITH_TIMEOUT(apply->applyButton()->isVisible() && apply->applyButton()->isEnabled(),
                                 kWait);
        QVERIFY2(apply->diffText().contains(QStringLiteral("country")), qPrintable(apply->diffText()));
        QVERIFY(!apply->diffText().contains(QStringLiteral("orders_raw")));
        QTest::mouseClick(apply->applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(apply->workflow()->state(), ApplyWorkflow::State::Succeeded, kWait);
        const Json landed = remoteTables().at(0).at("columns");
        QCOMPARE(landed.size(), columnsBefore + 1);
        QVERIFY(landed.back().at("name") == Json("country"));
        QVERIFY(landed.back().at("type") == Json("String"));
        // ...and, as on Aiven, the connector table in ClickHouse now has the column.
        QTRY_VERIFY_WITH_TIMEOUT(
            connectorColumns(QStringLiteral("events")).contains(QStringLiteral("country")), kWait);
        QVERIFY(!document->isModified() || toJson(*document->remoteBase()) == toJson(document->config()));
        apply->close();

        // Peek: the opened integration's Kafka service in the topic browser (Aiven ▸ Kafka Topics); the
        // newest messages of the table's topic, read without a consumer group.
        const QString topic = QString::fromStdString(document->table(0)->topics.at(0).name);
        window.aivenMenu()->showTopicBrowser();
        TopicBrowser* topics = window.aivenMenu()->topicBrowser();
        QVERIFY(topics);
        QTRY_VERIFY_WITH_TIMEOUT(topics->isReady(), kWait);
        QVERIFY2(topics->sourceLabel()->text().contains(QStringLiteral("demo-kafka")),
                 qPrintable(topics->sourceLabel()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(topics->topicsModel()->rowOf(topic) >= 0, kWait);
        topics->topicsView()->selectRow(topics->topicsModel()->rowOf(topic));
        topics->limitSpin()->setValue(10);
        QSignalSpy peeked(topics, &TopicBrowser::peekFinished);
        QTest::mouseClick(topics->peekButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(peeked.count(), 1, kWait);
        QVERIFY2(peeked.at(0).at(0).toBool(), qPrintable(topics->statusLabel()->text()));
        QCOMPARE(topics->messagesModel()->rowCount(), 10);
        const PeekedMessage* first = topics->messagesModel()->message(0);
        QVERIFY(first && first->value);
        QVERIFY2(first->value->contains("event_type"), first->value->constData());

        // Preview: the destination table's rows through the ClickHouse menu's preview dock.
        window.clickHouseMenu()->showPreview();
        PreviewPane* preview = window.clickHouseMenu()->previewPane();
        QVERIFY(preview);
        QVERIFY(preview->isVisible());
        // The connector table itself: a SELECT would consume its messages, so the pane refuses and says why.
        preview->setTable(QStringLiteral("`service_demo-kafka`.events"));
        preview->run();
        QTRY_VERIFY_WITH_TIMEOUT(preview->isConsumptionWarningVisible(), kWait);
        QCOMPARE(preview->resultModel()->rowCount(), 0);
        // The destination table shows its rows.
        preview->setTable(QStringLiteral("default.events_data"));
        preview->run();
        QTRY_VERIFY_WITH_TIMEOUT(!preview->isRunning(), kWait);
        QVERIFY2(preview->isComplete(), qPrintable(preview->statusText()));
        QCOMPARE(preview->resultModel()->rowCount(), 3);
        QVERIFY(prompts->errors.isEmpty());
    }
};

QTEST_MAIN(TestDemoWalk)
#include "tst_demowalk.moc"
