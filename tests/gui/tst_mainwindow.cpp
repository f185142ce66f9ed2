// The editor window driven through its widgets (offscreen): build a table with clicks and typing, see a bad
// type reach the problems dock, undo, save, reopen; open a broken file; recover a draft; jump to a problem.
// Questions the window asks are answered by ScriptedPrompts, so no modal dialog ever blocks.
#include "DraftStore.h"
#include "ItemViewInput.h"
#include "MainWindow.h"
#include "ProblemsDock.h"
#include "QuietPrompts.h"
#include "SettingsEditor.h"
#include "TableEditor.h"
#include "UserPrompts.h"
#include "domain/JsonText.h"
#include "itemmodels/ColumnsModel.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/ProblemsModel.h"
#include "itemmodels/SettingsModel.h"
#include "schema/ConfigValidator.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace ckstudio;
using namespace ckstudio::test;

namespace {

// Scripted answers for the file and draft questions; the rest as QuietPrompts answers them.
class ScriptedPrompts : public test::QuietPrompts {
public:
    SaveChoice saveChoice = SaveChoice::Cancel;
    QString openPath;
    QString savePath;
    bool recoverDraft = true;
    int saveQuestions = 0;
    int draftQuestions = 0;

    SaveChoice askSaveChanges(QWidget*, const QString&) override {
        ++saveQuestions;
        return saveChoice;
    }
    QString askOpenFile(QWidget*, const QString&) override { return openPath; }
    QString askSaveFile(QWidget*, const QString&) override { return savePath; }
    bool askRecoverDraft(QWidget*, const QString&) override {
        ++draftQuestions;
        return recoverDraft;
    }
};

QString fixture(const char* name) {
    return QStringLiteral(CKSTUDIO_FIXTURES_DIR "/gui/") + QLatin1String(name);
}

template <typename T> T* child(QWidget& parent, const char* name) {
    auto* widget = parent.findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no widget %s", name);
    return widget;
}

QAction* actionWithShortcut(QWidget& window, QKeySequence::StandardKey key) {
    for (auto* action : window.findChildren<QAction*>())
        if (action->shortcut() == QKeySequence(key))
            return action;
    return nullptr;
}

std::string dump(const ConfigDocument& doc) {
    return toJson(doc.config()).dump();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings and drafts under a test location
        QCoreApplication::setOrganizationName(QStringLiteral("ckstudio-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ckstudio-gui-test"));
        QSettings().clear();
    }
    void init() {
        QFile::remove(DraftStore::draftPath());
        m_prompts = std::make_shared<ScriptedPrompts>();
    }

    void buildTableTypeBadTypeUndoSaveReopen() {
        QTemporaryDir dir;
        MainWindow window(m_prompts);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* doc = window.document();
        doc->setValidationDelay(0);

        QTest::mouseClick(child<QPushButton>(window, "addTableButton"), Qt::LeftButton);
        QCOMPARE(doc->tableCount(), 1);
        QCOMPARE(window.currentTable(), 0);
        auto* name = child<QLineEdit>(window, "tableNameEdit");
        QCOMPARE(name->text(), QStringLiteral("table_1"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("orders"));
        QCOMPARE(doc->table(0)->name, std::string("orders"));

        // A topic, typed into the topics list.
        QTest::mouseClick(child<QPushButton>(window, "addTopicButton"), Qt::LeftButton);
        auto* topics = child<QTableView>(window, "topicsView");
        typeIntoCell(topics, topics->model()->index(0, 0), QStringLiteral("orders-topic"));
        QCOMPARE(doc->table(0)->topics.at(0).name, std::string("orders-topic"));

        // Two columns; the second gets a type the parser rejects.
        auto* tabs = child<QTabWidget>(window, "tableTabs");
        tabs->setCurrentIndex(1);
        auto* columns = child<QTableView>(window, "columnsView");
        const int typeColumn = int(ColumnsModel::Column::Type);
        QTest::mouseClick(child<QPushButton>(window, "addColumnButton"), Qt::LeftButton);
        typeIntoCell(columns, columns->model()->index(0, 0), QStringLiteral("id"));
        typeIntoCell(columns, columns->model()->index(0, typeColumn), QStringLiteral("UInt64"));
        QTest::mouseClick(child<QPushButton>(window, "addColumnButton"), Qt::LeftButton);
        typeIntoCell(columns, columns->model()->index(1, 0), QStringLiteral("amount"));
        typeIntoCell(columns, columns->model()->index(1, typeColumn), QStringLiteral("Decimal(99, 2)"));
        QCOMPARE(doc->table(0)->columns.size(), std::size_t(2));
        QCOMPARE(doc->table(0)->columns[1].type, std::string("Decimal(99, 2)"));

        // The problems dock lists it; the cell is marked.
        doc->validateNow();
        auto* problems = window.problemsDock()->view()->model();
        bool listed = false;
        for (int row = 0; row < problems->rowCount(); ++row)
            listed = listed || problems->index(row, 0).data(ProblemsModel::PathRole).toString() ==
                                   QStringLiteral("tables[0].columns[1].type");
        QVERIFY2(listed, "the bad type is not in the problems dock");
        QVERIFY(columns->model()->index(1, typeColumn).data(ColumnsModel::HasErrorRole).toBool());

        // Undo (the Edit menu's standard shortcut) takes the type back.
        auto* undo = actionWithShortcut(window, QKeySequence::Undo);
        QVERIFY(undo);
        QVERIFY(actionWithShortcut(window, QKeySequence::Redo));
        undo->trigger();
        QCOMPARE(doc->table(0)->columns[1].type, std::string());
        typeIntoCell(columns, columns->model()->index(1, typeColumn), QStringLiteral("Decimal(18, 2)"));
        doc->validateNow();
        QCOMPARE(doc->problems().size(), std::size_t(0));

        // Save through the File menu's action; the title loses its modified mark.
        m_prompts->savePath = dir.filePath(QStringLiteral("orders.json"));
        QVERIFY(window.isWindowModified());
        auto* save = actionWithShortcut(window, QKeySequence::Save);
        QVERIFY(save);
        save->trigger();
        QVERIFY(QFile::exists(m_prompts->savePath));
        QVERIFY(!doc->isModified());
        QVERIFY(!window.isWindowModified());
        QVERIFY(m_prompts->errors.isEmpty());

        MainWindow reopened(m_prompts);
        QVERIFY(reopened.openFile(m_prompts->savePath));
        QCOMPARE(dump(*reopened.document()), dump(*doc));
        QCOMPARE(reopened.document()->table(0)->columns[1].type, std::string("Decimal(18, 2)"));
        QCOMPARE(child<QLineEdit>(reopened, "tableNameEdit")->text(), QStringLiteral("orders"));
    }

    // A schema swap (the live schema arriving from Aiven) re-validates everything; a cell being typed into
    // at that moment keeps what was typed.
    // An empty document shows a hint, not a disabled editor; the editor is built when a table is first shown
    // and the hint returns whenever no table is selected.
    void editorAppearsWithTheFirstTable() {
        MainWindow window(m_prompts);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* area = child<QStackedWidget>(window, "editorArea");
        auto* hint = child<QLabel>(window, "noTableHint");
        QCOMPARE(area->currentWidget(), hint);
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
        QVERIFY(!window.findChild<TableEditor*>());
        QVERIFY(!window.findChild<QLineEdit*>(QStringLiteral("tableNameEdit")));

        QTest::mouseClick(child<QPushButton>(window, "addTableButton"), Qt::LeftButton);
        auto* editor = window.findChild<TableEditor*>();
        QVERIFY(editor);
        QCOMPARE(area->currentWidget(), editor);
        QCOMPARE(child<QLineEdit>(window, "tableNameEdit")->text(), QStringLiteral("table_1"));

        QTest::mouseClick(child<QPushButton>(window, "removeTableButton"), Qt::LeftButton);
        QCOMPARE(window.document()->tableCount(), 0);
        QCOMPARE(area->currentWidget(), hint);

        // Undo brings the table back; opening a file selects its first table; New shows the hint again.
        window.document()->undoStack()->undo();
        window.selectTable(0);
        QCOMPARE(area->currentWidget(), editor);
        QVERIFY(window.openFile(fixture("with-problems.json")));
        QCOMPARE(area->currentWidget(), editor);
        QVERIFY(!child<QLineEdit>(window, "tableNameEdit")->text().isEmpty());
        m_prompts->saveChoice = ScriptedPrompts::SaveChoice::Discard;
        QVERIFY(window.newDocument());
        QCOMPARE(area->currentWidget(), hint);
        QCOMPARE(window.findChildren<TableEditor*>().size(), 1); // built once, kept
    }

    void schemaSwapKeepsAnOpenCellEdit() {
        MainWindow window(m_prompts);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* doc = window.document();
        doc->setValidationDelay(0);
        QTest::mouseClick(child<QPushButton>(window, "addTableButton"), Qt::LeftButton);
        child<QTabWidget>(window, "tableTabs")->setCurrentIndex(1);
        QTest::mouseClick(child<QPushButton>(window, "addColumnButton"), Qt::LeftButton);
        auto* columns = child<QTableView>(window, "columnsView");
        const int row = columns->model()->rowCount() - 1;
        for (int column : {int(ColumnsModel::Column::Name), int(ColumnsModel::Column::Type)}) {
            const QModelIndex cell = columns->model()->index(row, column);
            columns->setCurrentIndex(cell);
            columns->edit(cell);
            auto* editor = qobject_cast<QLineEdit*>(columns->indexWidget(cell));
            QVERIFY(editor);
            editor->selectAll();
            const QString text = column == int(ColumnsModel::Column::Name) ? QStringLiteral("typed_name")
                                                                           : QStringLiteral("UInt32");
            QTest::keyClicks(editor, text);
            doc->setValidator(std::make_shared<const ConfigValidator>());
            QCoreApplication::processEvents();
            QVERIFY2(columns->indexWidget(cell) == editor, "the schema swap closed the cell editor");
            QCOMPARE(editor->text(), text);
            QTest::keyClick(editor, Qt::Key_Return);
            QCoreApplication::processEvents();
        }
        QCOMPARE(doc->table(0)->columns.at(std::size_t(row)).name, std::string("typed_name"));
        QCOMPARE(doc->table(0)->columns.at(std::size_t(row)).type, std::string("UInt32"));
    }
    void brokenFileIsReportedWithLineAndColumn() {
        MainWindow window(m_prompts);
        QVERIFY(window.openFile(fixture("with-problems.json")));
        const auto before = dump(*window.document());
        QVERIFY(!window.openFile(fixture("broken.json")));
        QCOMPARE(m_prompts->errors.size(), 1);
        QVERIFY2(m_prompts->errors[0].startsWith(fixture("broken.json") + QStringLiteral(":3:")),
                 qPrintable(m_prompts->errors[0]));
        QCOMPARE(dump(*window.document()), before);
    }

    void activatingAProblemJumpsToTheCell() {
        MainWindow window(m_prompts);
        window.show();
        QVERIFY(window.openFile(fixture("with-problems.json")));
        QCOMPARE(window.currentTable(), 0);
        auto* view = window.problemsDock()->view();
        int typeRow = -1;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, 0).data(ProblemsModel::PathRole).toString() ==
                QStringLiteral("tables[1].columns[1].type"))
                typeRow = row;
        QVERIFY(typeRow >= 0);
        emit view->activated(view->model()->index(typeRow, 1));
        QCOMPARE(window.currentTable(), 1);
        QCOMPARE(child<QTabWidget>(window, "tableTabs")->currentIndex(), 1);
        const auto current = window.tableEditor()->columnsView()->currentIndex();
        QCOMPARE(current.row(), 1);
        QCOMPARE(current.column(), int(ColumnsModel::Column::Type));

        // A setting's problem opens the settings tab on its row.
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, 0).data(ProblemsModel::PathRole).toString() ==
                QStringLiteral("tables[1].num_consumers"))
                emit view->activated(view->model()->index(row, 0));
        QCOMPARE(child<QTabWidget>(window, "tableTabs")->currentIndex(), 2);
        auto* settings = child<QTableView>(window, "settingsView");
        QCOMPARE(settings->currentIndex().data(SettingsModel::KeyRole).toString(),
                 QStringLiteral("num_consumers"));
    }

    void settingsUseTheSchemaRangeAndReset() {
        MainWindow window(m_prompts);
        window.show();
        QVERIFY(window.openFile(fixture("with-problems.json")));
        window.selectTable(0);
        child<QTabWidget>(window, "tableTabs")->setCurrentIndex(2);
        auto* settings = child<QTableView>(window, "settingsView");
        auto* model = settings->model();
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(SettingsModel::KeyRole).toString() == QStringLiteral("num_consumers"))
                row = r;
        QVERIFY(row >= 0);
        const auto value = model->index(row, int(SettingsModel::Column::Value));
        settings->setCurrentIndex(value);
        settings->edit(value);
        auto* spin = qobject_cast<QSpinBox*>(settings->indexWidget(value));
        QVERIFY2(spin, "num_consumers is not edited with a spin box");
        QCOMPARE(spin->minimum(), 1);
        QCOMPARE(spin->maximum(), 10);
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("4"));
        QTest::keyClick(spin, Qt::Key_Return);
        QCoreApplication::processEvents();
        QCOMPARE(toJson(window.document()->config())["tables"][0].value("num_consumers", 0), 4);

        auto* reset = child<QToolButton>(window, "resetSetting_num_consumers");
        QVERIFY(reset->isEnabled());
        QTest::mouseClick(reset, Qt::LeftButton);
        QVERIFY(!toJson(window.document()->config())["tables"][0].contains("num_consumers"));
        QVERIFY(!reset->isEnabled());

        // The 32-bit maximum of auto_offset_reset_by_duration_ms fits the spin box exactly.
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(SettingsModel::KeyRole).toString() ==
                QStringLiteral("auto_offset_reset_by_duration_ms")) {
                const auto duration = model->index(r, int(SettingsModel::Column::Value));
                settings->edit(duration);
                auto* big = qobject_cast<QSpinBox*>(settings->indexWidget(duration));
                QVERIFY(big);
                QCOMPARE(big->maximum(), 2147483647);
            }
    }

    void unsavedChangesAreAskedAbout() {
        MainWindow window(m_prompts);
        QVERIFY(window.openFile(fixture("with-problems.json")));
        window.document()->setGroupName(0, "changed");
        m_prompts->saveChoice = UserPrompts::SaveChoice::Cancel;
        QVERIFY(!window.newDocument());
        QCOMPARE(m_prompts->saveQuestions, 1);
        QCOMPARE(window.document()->tableCount(), 2);
        QVERIFY(!window.close()); // cancelled as well
        m_prompts->saveChoice = UserPrompts::SaveChoice::Discard;
        QVERIFY(window.newDocument());
        QCOMPARE(window.document()->tableCount(), 0);
        QVERIFY(!window.document()->isModified());
    }

    void pasteReplacesTheDocumentUndoably() {
        MainWindow window(m_prompts);
        QVERIFY(window.openFile(fixture("with-problems.json")));
        const auto before = dump(*window.document());
        QVERIFY(!window.pasteConfigText(QStringLiteral("{\"tables\": [")));
        QCOMPARE(m_prompts->errors.size(), 1);
        QVERIFY2(m_prompts->errors[0].startsWith(QStringLiteral("clipboard:1:")),
                 qPrintable(m_prompts->errors[0]));
        QVERIFY(!window.pasteConfigText(QStringLiteral("{\"name\": 1}")));
        QCOMPARE(dump(*window.document()), before);

        QVERIFY(window.pasteConfigText(QStringLiteral(
            R"({"user_config": {"tables": [{"name": "pasted", "columns": [{"name": "a", "type": "String"}],
                "topics": [{"name": "p"}], "data_format": "JSONEachRow", "group_name": "g"}]}})")));
        QCOMPARE(window.document()->tableCount(), 1);
        QCOMPARE(child<QLineEdit>(window, "tableNameEdit")->text(), QStringLiteral("pasted"));
        window.document()->undoStack()->undo();
        QCOMPARE(dump(*window.document()), before);
    }

    void draftIsOfferedAfterACrash() {
        {
            MainWindow crashed(m_prompts);
            crashed.draftStore()->setDelay(10);
            QVERIFY(crashed.openFile(fixture("with-problems.json")));
            crashed.document()->setGroupName(0, "unsaved-work");
            QTRY_VERIFY(QFile::exists(DraftStore::draftPath())); // written shortly after the change
            // The window goes away without a close event: as if the process died.
        }
        QVERIFY(QFile::exists(DraftStore::draftPath()));

        MainWindow next(m_prompts);
        next.startUp(QString());
        QCOMPARE(m_prompts->draftQuestions, 1);
        QCOMPARE(next.document()->table(0)->groupName, std::string("unsaved-work"));
        QVERIFY(next.document()->isModified());
        QCOMPARE(next.document()->filePath(), fixture("with-problems.json"));

        // A clean close (discarding) removes the draft: the next start asks nothing.
        m_prompts->saveChoice = UserPrompts::SaveChoice::Discard;
        QVERIFY(next.close());
        QVERIFY(!QFile::exists(DraftStore::draftPath()));
        MainWindow clean(m_prompts);
        clean.startUp(QString());
        QCOMPARE(m_prompts->draftQuestions, 1);
    }

    void declinedDraftIsDiscarded() {
        {
            MainWindow crashed(m_prompts);
            crashed.document()->addTable(0, newConnectorTable("lost"));
            crashed.draftStore()->flush();
        }
        QVERIFY(QFile::exists(DraftStore::draftPath()));
        m_prompts->recoverDraft = false;
        MainWindow next(m_prompts);
        next.startUp(fixture("with-problems.json"));
        QCOMPARE(m_prompts->draftQuestions, 1);
        QCOMPARE(next.document()->tableCount(), 2); // FILE opened instead
        QVERIFY(!QFile::exists(DraftStore::draftPath()));
    }

private:
    std::shared_ptr<ScriptedPrompts> m_prompts;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
