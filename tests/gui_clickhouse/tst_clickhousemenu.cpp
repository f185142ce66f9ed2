// The ClickHouse menu driven through EditorHost alone, with no main window: it asks its questions through
// the host's prompts, puts its dock through the host and reports a server's version as a signal.
#include "ClickHouseMenu.h"
#include "FakeEditorHost.h"
#include "clickhouse/ConnectionSettings.h"
#include "clickhouse/PreviewPane.h"
#include "itemmodels/ConfigDocument.h"
#include "secrets/MemorySecretStore.h"

#include <QDialog>
#include <QSignalSpy>
#include <QTest>

using namespace ckstudio;

namespace {

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
        test::FakeEditorHost host;
        MemorySecretStore secrets;
        ClickHouseMenu menu(&host, &secrets);
        menu.runDestinationDdl();
        QCOMPARE(host.quiet.notices, QStringList{QStringLiteral("Select a connector table first.")});
        QVERIFY(host.window.findChildren<QDialog*>().isEmpty());
    }

    void ddlWithoutAConnectionOffersToConnect() {
        test::FakeEditorHost host;
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
        test::FakeEditorHost host;
        MemorySecretStore secrets;
        ClickHouseMenu menu(&host, &secrets);
        menu.showPreview();
        QCOMPARE(host.docks, QStringList{QStringLiteral("previewDock")});
        QVERIFY(menu.previewPane());
        menu.showPreview(); // made once
        QCOMPARE(host.docks.size(), 1);
    }

    void connectingTellsTheHost() {
        test::FakeEditorHost host;
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
