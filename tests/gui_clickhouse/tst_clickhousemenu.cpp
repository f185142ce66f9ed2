// The ClickHouse menu driven through EditorHost alone, with no main window: it asks its questions through
// the host's prompts, puts its dock through the host and reports a server's version as a signal.
#include "ClickHouseMenu.h"
#include "EditorHost.h"
#include "QuietPrompts.h"
#include "clickhouse/ConnectionSettings.h"
#include "clickhouse/PreviewPane.h"
#include "itemmodels/ConfigDocument.h"
#include "secrets/MemorySecretStore.h"

#include <QDialog>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>

using namespace ckstudio;

namespace {

class FakeHost : public EditorHost {
public:
    QMainWindow window;
    ConfigDocument doc;
    test::QuietPrompts quiet;
    int current = -1;
    QStringList statusLines;
    QStringList docks;

    QWidget* hostWidget() override { return &window; }
    QMenu* addMenu(const QString& title) override { return window.menuBar()->addMenu(title); }
    ConfigDocument* document() const override { return const_cast<ConfigDocument*>(&doc); }
    int currentTable() const override { return current; }
    ProblemsDock* problemsDock() const override { return nullptr; }
    UserPrompts& prompts() override { return quiet; }
    void showStatus(const QString& text, int) override { statusLines << text; }
    QDockWidget* addLateDock(const QString& title, const QString& objectName,
                             Qt::DockWidgetArea area) override {
        docks << objectName;
        auto* dock = new QDockWidget(title, &window);
        dock->setObjectName(objectName);
        window.addDockWidget(area, dock);
        return dock;
    }
};

ConnectorTable table(const char* name) {
    ConnectorTable t;
    t.name = name;
    t.columns = {Column{"id", "UInt64"}};
    return t;
}

} // namespace

class TestClickHouseMenu : public QObject {
    Q_OBJECT
private slots:
    void ddlWithoutATableSaysSoThroughThePrompts() {
        FakeHost host;
        MemorySecretStore secrets;
        ClickHouseMenu menu(&host, &secrets);
        menu.runDestinationDdl();
        QCOMPARE(host.quiet.notices, QStringList{QStringLiteral("Select a connector table first.")});
        QVERIFY(host.window.findChildren<QDialog*>().isEmpty());
    }

    void ddlWithoutAConnectionOffersToConnect() {
        FakeHost host;
        host.doc.addTable(0, table("events"));
        host.current = 0;
        MemorySecretStore secrets;
        ClickHouseMenu menu(&host, &secrets);
        menu.runDestinationDdl();
        // No client yet: the connect dialog opens instead of asking for the Kafka service.
        QVERIFY(host.quiet.questions.isEmpty());
        const auto dialogs = host.window.findChildren<QDialog*>();
        QCOMPARE(dialogs.size(), 1);
        QCOMPARE(dialogs.front()->windowTitle(), QStringLiteral("Connect to ClickHouse"));
    }

    void previewDockComesFromTheHost() {
        FakeHost host;
        MemorySecretStore secrets;
        ClickHouseMenu menu(&host, &secrets);
        menu.showPreview();
        QCOMPARE(host.docks, QStringList{QStringLiteral("previewDock")});
        QVERIFY(menu.previewPane());
        menu.showPreview(); // made once
        QCOMPARE(host.docks.size(), 1);
    }

    void connectingTellsTheHost() {
        FakeHost host;
        MemorySecretStore secrets;
        ClickHouseMenu menu(&host, &secrets);
        QSignalSpy changed(&menu, &ClickHouseMenu::connectionChanged);
        ConnectionSettings settings;
        settings.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
        menu.connectTo(settings);
        QVERIFY(menu.client());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(host.statusLines.size(), 1);
        QVERIFY2(host.statusLines.front().contains(QStringLiteral("127.0.0.1:1")),
                 qPrintable(host.statusLines.front()));
    }
};

QTEST_MAIN(TestClickHouseMenu)
#include "tst_clickhousemenu.moc"
