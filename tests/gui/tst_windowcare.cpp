// What a desktop user expects from the main window besides editing: translations, the status bar's
// "what is connected where", shortcuts for the main actions, remembered column widths, accessible names and
// error colours that follow the light or dark palette.
#include "ClickHouseMenu.h"
#include "ConnectionStatus.h"
#include "DraftStore.h"
#include "FieldMarks.h"
#include "MainWindow.h"
#include "QuietPrompts.h"
#include "TableEditor.h"
#include "Translations.h"
#include "clickhouse/ClickHouseClient.h"
#include "domain/UserConfig.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/StatusColors.h"
#include "itemmodels/TablesModel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <memory>

using namespace ckstudio;

namespace {

void removeTranslators() {
    for (auto* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

} // namespace

class TestWindowCare : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ckstudio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ckstudio-care-test"));
        QSettings().clear();
    }
    void init() { QFile::remove(DraftStore::draftPath()); }
    void cleanup() { removeTranslators(); }

    void germanCatalogueTranslatesTheMenus() {
        QVERIFY(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(QCoreApplication::translate("ckstudio::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(QCoreApplication::translate("ckstudio::MainWindow", "Opened %1: %n problem(s)", nullptr, 3),
                 QStringLiteral("%1 geöffnet: 3 Probleme"));
        // A window built now shows the German texts.
        MainWindow window(std::make_shared<test::QuietPrompts>());
        QStringList menus;
        for (auto* action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(','))));
        QCOMPARE(window.connectionStatus()->clickHouseText(), QStringLiteral("ClickHouse: nicht verbunden"));
    }

    void englishCatalogueHasThePluralForms() {
        QVERIFY(installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
        const char* context = "ckstudio::MainWindow";
        QCOMPARE(QCoreApplication::translate(context, "Opened %1: %n problem(s)", nullptr, 1),
                 QStringLiteral("Opened %1: 1 problem"));
        QCOMPARE(QCoreApplication::translate(context, "Opened %1: %n problem(s)", nullptr, 2),
                 QStringLiteral("Opened %1: 2 problems"));
    }

    void cLocaleUsesTheEnglishCatalogue() {
        QVERIFY(installTranslations(*qApp, QLocale::c()));
        QCOMPARE(QCoreApplication::translate("ckstudio::ProblemsDock", "%n warning(s)", nullptr, 1),
                 QStringLiteral("1 warning"));
    }

    void unknownLanguageKeepsTheSourceTexts() {
        QVERIFY(!installTranslations(*qApp, QLocale(QLocale::Swahili, QLocale::Kenya)));
        QCOMPARE(QCoreApplication::translate("ckstudio::MainWindow", "&File"), QStringLiteral("&File"));
    }

    void statusBarSaysWhatIsConnected() {
        qunsetenv("CLICKHOUSE_URL");
        qunsetenv("AIVEN_AUTH_TOKEN");
        MainWindow window(std::make_shared<test::QuietPrompts>());
        ConnectionStatus* status = window.connectionStatus();
        QVERIFY(status);
        QCOMPARE(status->parentWidget(), window.statusBar());
        QCOMPARE(status->aivenText(), QStringLiteral("Aiven: offline"));
        QCOMPARE(status->clickHouseText(), QStringLiteral("ClickHouse: not connected"));

        status->setAiven(QUrl(QStringLiteral("https://api.aiven.io")), {});
        QCOMPARE(status->aivenText(), QStringLiteral("Aiven: api.aiven.io"));
        status->setAiven(QUrl(QStringLiteral("https://api.aiven.io")), QStringLiteral("prod"));
        QCOMPARE(status->aivenText(), QStringLiteral("Aiven: api.aiven.io / prod"));

        // Connecting through the ClickHouse menu shows host:port at once; a server that does not answer
        // says so instead of a version.
        ConnectionSettings settings;
        settings.url = QUrl(QStringLiteral("http://127.0.0.1:1/"));
        settings.queryTimeoutMs = 3000;
        window.clickHouseMenu()->connectTo(settings);
        QVERIFY(status->clickHouseText().startsWith(QStringLiteral("ClickHouse: 127.0.0.1:1")));
        QTRY_COMPARE_WITH_TIMEOUT(status->clickHouseText(),
                                  QStringLiteral("ClickHouse: 127.0.0.1:1 (no answer)"), 10000);
    }

    void mainActionsHaveDistinctShortcuts() {
        MainWindow window(std::make_shared<test::QuietPrompts>());
        QMap<QString, QString> owners; // shortcut -> action text
        QStringList withShortcut;
        for (auto* action : window.findChildren<QAction*>()) {
            if (action->shortcut().isEmpty())
                continue;
            const QString key = action->shortcut().toString();
            QVERIFY2(!owners.contains(key), qPrintable(key + QStringLiteral(": ") + owners.value(key) +
                                                       QStringLiteral(" and ") + action->text()));
            owners.insert(key, action->text());
            withShortcut << action->text();
        }
        for (const char* text :
             {"&New", "&Open…", "&Save", "&Export…", "Destination &DDL…", "&Add Table",
              "&Browse Integrations", "&Apply to Integration…", "&Preview Table…", "&Undo"})
            QVERIFY2(withShortcut.contains(QString::fromUtf8(text)), text);
    }

    void columnWidthsAreRemembered() {
        int width = 0;
        {
            MainWindow window(std::make_shared<test::QuietPrompts>());
            window.show();
            QHeaderView* header = window.tableEditor()->columnsView()->horizontalHeader();
            width = header->sectionSize(0) + 37;
            header->resizeSection(0, width);
            window.close();
        }
        MainWindow again(std::make_shared<test::QuietPrompts>());
        QCOMPARE(again.tableEditor()->columnsView()->horizontalHeader()->sectionSize(0), width);
    }

    // Tab alone walks from the tables list through the selected table's fields and back.
    void keyboardReachesTheEditor() {
        MainWindow window(std::make_shared<test::QuietPrompts>());
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openFile(QStringLiteral(CKSTUDIO_SOURCE_DIR "/resources/examples/events.json")));
        window.tablesView()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), window.tablesView());
        QStringList visited;
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            if (auto* focus = QApplication::focusWidget())
                visited << focus->objectName();
        }
        for (const char* name : {"addTableButton", "qt_tabwidget_tabbar", "tableNameEdit", "groupNameEdit",
                                 "dataFormatCombo", "topicsView", "addTopicButton", "tablesView"})
            QVERIFY2(visited.contains(QLatin1String(name)), qPrintable(visited.join(QLatin1Char(','))));

        // Inside the columns grid, Tab while editing a name moves on to the type cell's editor.
        window.tableEditor()->tabs()->setCurrentIndex(1);
        QTableView* columns = window.tableEditor()->columnsView();
        const QModelIndex name = columns->model()->index(0, 0);
        const QModelIndex type = columns->model()->index(0, 1);
        columns->setCurrentIndex(name);
        columns->edit(name);
        QWidget* nameEditor = columns->indexWidget(name);
        QVERIFY(nameEditor);
        QTest::keyClick(nameEditor, Qt::Key_Tab);
        QTRY_VERIFY(columns->indexWidget(type));
    }

    void inputControlsHaveAccessibleNames() {
        MainWindow window(std::make_shared<test::QuietPrompts>());
        window.document()->load(UserConfig{}, {});
        window.show();
        // The editor exists once a table is shown: check its controls too.
        window.document()->addTable(0, ConnectorTable{});
        window.selectTable(0);
        QVERIFY(window.findChild<QLineEdit*>(QStringLiteral("tableNameEdit")));
        QStringList unnamed;
        auto check = [&](QWidget* w) {
            if (w->accessibleName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
                unnamed << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('/') +
                               w->objectName();
        };
        for (auto* w : window.findChildren<QLineEdit*>())
            if (!qobject_cast<QComboBox*>(w->parentWidget())) // a combo's own line edit
                check(w);
        for (auto* w : window.findChildren<QComboBox*>())
            check(w);
        for (auto* w : window.findChildren<QAbstractItemView*>())
            // Headers belong to their view; list views here are the popups of combos and completers.
            if (!w->inherits("QHeaderView") && !w->inherits("QListView"))
                check(w);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void errorColoursFollowThePalette() {
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xf6, 0xf5, 0xf4));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x24, 0x24, 0x24));
        QVERIFY(!isDarkPalette(light));
        QVERIFY(isDarkPalette(dark));
        // Readable: the error colour contrasts with the window in both.
        QVERIFY(errorColor(light).lightness() < light.color(QPalette::Window).lightness() - 100);
        QVERIFY(errorColor(dark).lightness() > dark.color(QPalette::Window).lightness() + 100);

        // A marked field takes the colour of its own palette.
        ConfigDocument document;
        Json table = {{"name", ""}, {"columns", Json::array()}, {"topics", Json::array()}};
        document.load(userConfigFromJson(Json{{"tables", Json::array({table})}}), {});
        document.validateNow();
        QLineEdit field;
        field.setPalette(dark);
        FieldMarks marks;
        marks.add(&field, ".name");
        marks.update(document, 0);
        QVERIFY2(field.styleSheet().contains(errorColor(dark).name()), qPrintable(field.styleSheet()));

        // Models colour problems, defaults and verdicts from the application's palette: a dark one gives the
        // light shades.
        const QPalette before = QGuiApplication::palette();
        QGuiApplication::setPalette(dark);
        TablesModel tables(&document);
        const QModelIndex marked = tables.index(0, static_cast<int>(TablesModel::Column::Name));
        QCOMPARE(tables.data(marked, Qt::ForegroundRole).value<QColor>(), errorColor(dark));
        QVERIFY(successColor(dark).lightness() > dark.color(QPalette::Window).lightness() + 100);
        QVERIFY(sqlKeywordColor(dark).lightness() > sqlKeywordColor(light).lightness());
        QGuiApplication::setPalette(before);
    }

    // packaging/screenshot.sh writes it; the README and the AppStream metainfo show it.
    void screenshotIsCommittedAndReferenced() {
        const QString root = QStringLiteral(CKSTUDIO_SOURCE_DIR);
        const QString relative = QStringLiteral("resources/screenshots/main-window.png");
        const QImage shot(root + QLatin1Char('/') + relative);
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() >= 1000 && shot.height() >= 600);
        for (const char* file :
             {"/README.md", "/resources/desktop/io.github.ckstudio.ClickHouseKafkaStudio.metainfo.xml"}) {
            QFile text(root + QLatin1String(file));
            QVERIFY(text.open(QIODevice::ReadOnly));
            QVERIFY2(QString::fromUtf8(text.readAll()).contains(relative), file);
        }
    }
};

QTEST_MAIN(TestWindowCare)
#include "tst_windowcare.moc"
