// Docks made on first use (Aiven integrations, Kafka topics, ClickHouse preview) did not exist when the main
// window restored its saved layout (QMainWindow::restoreState in the constructor). Each one, created in a
// later session, goes back to where the user left it in the last one.
#include "AivenMenu.h"
#include "ClickHouseMenu.h"
#include "DraftStore.h"
#include "EmulatorSession.h"
#include "MainWindow.h"
#include "QuietPrompts.h"
#include "itemmodels/ConfigDocument.h"

#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <memory>

using namespace ckstudio;
using namespace ckstudio::emulator;

namespace {

constexpr int kWait = 10000;

// Makes the dock the way the user does, from the menus; the dock's object name.
QString createDock(MainWindow& window, const QString& dock) {
    if (dock == QLatin1String("aivenBrowserDock")) {
        window.aivenMenu()->showBrowser();
    } else if (dock == QLatin1String("kafkaTopicsDock")) {
        window.aivenMenu()->openIntegration(test::kSeedProject, test::kSeedIntegration);
        if (!QTest::qWaitFor([&] { return window.document()->tableCount() == 2; }, kWait))
            return QStringLiteral("the integration did not open");
        window.aivenMenu()->showTopicBrowser();
    } else {
        window.clickHouseMenu()->showPreview();
        // Not connected: the connect dialog opens too.
        for (auto* dialog : window.findChildren<QDialog*>())
            dialog->close();
    }
    return window.findChild<QDockWidget*>(dock) ? QString() : QStringLiteral("no dock ") + dock;
}

} // namespace

class TestDockPlaces : public QObject {
    Q_OBJECT
    std::unique_ptr<test::EmulatorSession> m_session;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ckstudio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ckstudio-dockplaces-test"));
    }
    void init() {
        QSettings().clear();
        QFile::remove(DraftStore::draftPath());
        m_session = std::make_unique<test::EmulatorSession>();
        QVERIFY2(m_session->error().isEmpty(), qPrintable(m_session->error()));
    }
    void cleanup() { m_session.reset(); }

    void lateDockReturnsToItsSavedArea_data() {
        QTest::addColumn<QString>("dock");
        QTest::addColumn<Qt::DockWidgetArea>("defaultArea");
        QTest::addColumn<Qt::DockWidgetArea>("movedTo");
        QTest::newRow("Aiven integrations")
            << QStringLiteral("aivenBrowserDock") << Qt::LeftDockWidgetArea << Qt::RightDockWidgetArea;
        QTest::newRow("Kafka topics")
            << QStringLiteral("kafkaTopicsDock") << Qt::BottomDockWidgetArea << Qt::TopDockWidgetArea;
        QTest::newRow("ClickHouse preview")
            << QStringLiteral("previewDock") << Qt::BottomDockWidgetArea << Qt::RightDockWidgetArea;
    }
    void lateDockReturnsToItsSavedArea() {
        QFETCH(QString, dock);
        QFETCH(Qt::DockWidgetArea, defaultArea);
        QFETCH(Qt::DockWidgetArea, movedTo);
        const auto prompts = std::make_shared<test::QuietPrompts>();
        {
            // First session: the dock opens in its default area; the user moves it, then quits.
            MainWindow window(prompts);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const QString created = createDock(window, dock);
            QVERIFY2(created.isEmpty(), qPrintable(created));
            auto* widget = window.findChild<QDockWidget*>(dock);
            QCOMPARE(window.dockWidgetArea(widget), defaultArea); // nothing saved yet
            window.addDockWidget(movedTo, widget);
            QCOMPARE(window.dockWidgetArea(widget), movedTo);
            QVERIFY(window.close()); // saves the layout
        }
        QVERIFY(!QSettings().value(QStringLiteral("mainWindow/state")).toByteArray().isEmpty());

        // Next session: the layout is restored before the dock exists; made later, it goes where it was.
        MainWindow window(prompts);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.findChild<QDockWidget*>(dock));
        const QString created = createDock(window, dock);
        QVERIFY2(created.isEmpty(), qPrintable(created));
        auto* widget = window.findChild<QDockWidget*>(dock);
        QCOMPARE(window.dockWidgetArea(widget), movedTo);
        QVERIFY(widget->isVisible());
        QVERIFY(!widget->isFloating());
        window.close();
    }
};

QTEST_MAIN(TestDockPlaces)
#include "tst_dockplaces.moc"
