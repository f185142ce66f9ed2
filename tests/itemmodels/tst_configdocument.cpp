// ConfigDocument: every edit is one undoable command that undoes and redoes to identical JSON; validation
// follows edits (debounced, per table) and agrees with validating the whole document.
#include "TestConfigs.h"
#include "domain/JsonText.h"
#include "itemmodels/ConfigDocument.h"
#include "schema/ConfigValidator.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace ckstudio;

namespace {
std::string dump(const ConfigDocument& doc) {
    return toJson(doc.config()).dump();
}
} // namespace

class TestConfigDocument : public QObject {
    Q_OBJECT

    // Runs `edit`, which must change the JSON with exactly one undo step; then checks undo/redo reproduce
    // both states exactly.
    void checkUndoRedo(ConfigDocument& doc, const std::function<void()>& edit) {
        const auto before = dump(doc);
        const int steps = doc.undoStack()->count();
        edit();
        const auto after = dump(doc);
        QVERIFY2(after != before, "the edit changed nothing");
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QCOMPARE(dump(doc), before);
        doc.undoStack()->redo();
        QCOMPARE(dump(doc), after);
    }

private slots:
    void init() {
        m_doc = std::make_unique<ConfigDocument>();
        m_doc->load(testing::twoTables(), {});
    }
    void cleanup() { m_doc.reset(); }

    void theTestConfigIsValid() {
        std::string lines;
        for (const auto& problem : m_doc->problems())
            lines += problem.toLine() + "\n";
        QVERIFY2(m_doc->problems().empty(), lines.c_str());
    }

    void everyEditUndoesAndRedoes_data() {
        QTest::addColumn<int>("which");
        const char* names[] = {"addTable",     "duplicateTable", "removeTable",   "moveTable",
                               "setTableName", "setGroupName",   "setDataFormat", "setMaterializedView",
                               "clearView",    "setSetting",     "unsetSetting",  "addColumn",
                               "removeColumn", "moveColumn",     "setColumnName", "setColumnType",
                               "addTopic",     "removeTopic",    "setTopicName",  "replaceConfig"};
        for (int i = 0; i < 20; ++i)
            QTest::newRow(names[i]) << i;
    }
    void everyEditUndoesAndRedoes() {
        QFETCH(int, which);
        auto& d = *m_doc;
        d.load(testing::twoTablesWithUnknownKeys(), {});
        MaterializedView view;
        view.viewName = "events_mv";
        view.orderBy = {"id"};
        view.ttlDays = 30;
        if (which == 8) { // clearing needs a view to clear
            d.setMaterializedView(0, view);
            d.undoStack()->setClean();
        }
        const std::function<void()> edits[] = {
            [&] { d.addTable(1, newConnectorTable("new_table")); },
            [&] { d.duplicateTable(0); },
            [&] { d.removeTable(0); },
            [&] { d.moveTable(0, 1); },
            [&] { d.setTableName(0, "renamed"); },
            [&] { d.setGroupName(1, "other-group"); },
            [&] { d.setDataFormat(0, "JSONStringsEachRow"); },
            [&] { d.setMaterializedView(0, view); },
            [&] { d.setMaterializedView(0, std::nullopt); },
            [&] { d.setSetting(1, "auto_offset_reset", "latest"); },
            [&] { d.unsetSetting(0, "num_consumers"); },
            [&] {
                d.addColumn(0, 1, Column{"added", "Int32", Json::object(), {}, {}});
            },
            [&] { d.removeColumn(0, 0); },
            [&] { d.moveColumn(0, 0, 2); },
            [&] { d.setColumnName(0, 1, "created_at"); },
            [&] { d.setColumnType(0, 2, "LowCardinality(String)"); },
            [&] {
                d.addTopic(1, 2, Topic{"v3", Json::object(), {}, {}});
            },
            [&] { d.removeTopic(1, 0); },
            [&] { d.setTopicName(0, 0, "events-v2"); },
            [&] {
                d.replaceConfig(userConfigFromJson(Json::parse(R"({"tables":[]})")), QStringLiteral("Paste"));
            },
        };
        checkUndoRedo(d, edits[which]);
        // Unknown keys of the untouched parts survive every edit.
        if (which != 19)
            QCOMPARE_JSON(toJson(d.config())["x_root_unknown"], Json(1));
    }

    void editsKeepUnknownKeysOfTheEditedTable() {
        m_doc->load(testing::twoTablesWithUnknownKeys(), {});
        m_doc->setColumnType(0, 0, "Int64");
        m_doc->setSetting(0, "max_block_size", 1000);
        const auto table = toJson(m_doc->config())["tables"][0];
        QCOMPARE_JSON(table["x_future_key"], Json::parse(R"({"kept": true})"));
        QCOMPARE_JSON(table["max_block_size"], Json(1000));
        QCOMPARE_JSON(table["columns"][0]["type"], Json("Int64"));
    }

    void noOpEditsPushNothing() {
        m_doc->setTableName(0, "events");
        m_doc->setColumnType(0, 0, "UInt64");
        m_doc->setSetting(0, "num_consumers", 1);
        m_doc->unsetSetting(1, "num_consumers");
        m_doc->moveColumn(0, 1, 1);
        m_doc->removeColumn(0, 99);
        m_doc->removeTable(-1);
        QCOMPARE(m_doc->undoStack()->count(), 0);
        QVERIFY(!m_doc->isModified());
    }

    void typingIntoOneFieldIsOneUndoStep() {
        const auto before = dump(*m_doc);
        m_doc->setColumnType(0, 2, "L");
        m_doc->setColumnType(0, 2, "Lo");
        m_doc->setColumnType(0, 2, "LowCardinality(String)");
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_doc->config().tables[0].columns[2].type, std::string("LowCardinality(String)"));
        m_doc->setColumnType(0, 1, "DateTime64(3)"); // another cell: a step of its own
        QCOMPARE(m_doc->undoStack()->count(), 2);
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(dump(*m_doc), before);
    }

    void duplicateGetsAFreeName() {
        m_doc->duplicateTable(0);
        m_doc->duplicateTable(0);
        QCOMPARE(m_doc->tableCount(), 4);
        QCOMPARE(m_doc->table(1)->name, std::string("events_copy2"));
        QCOMPARE(m_doc->table(2)->name, std::string("events_copy"));
        QCOMPARE(m_doc->table(1)->columns, m_doc->table(0)->columns);
    }

    void newColumnWritesBothKeys() {
        m_doc->addColumn(1, 1, Column{});
        const auto column = toJson(m_doc->config())["tables"][1]["columns"][1];
        QCOMPARE_JSON(column, Json::parse(R"({"name": "", "type": ""})"));
    }

    void signalsNameTheChange() {
        QSignalSpy about(m_doc.get(), &ConfigDocument::itemAboutToBeMoved);
        QSignalSpy moved(m_doc.get(), &ConfigDocument::itemMoved);
        QSignalSpy changed(m_doc.get(), &ConfigDocument::tableChanged);
        QSignalSpy setting(m_doc.get(), &ConfigDocument::settingChanged);
        m_doc->moveColumn(0, 2, 0);
        QCOMPARE(about.count(), 1);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved[0][1].toInt(), 0);
        QCOMPARE(moved[0][2].toInt(), 2);
        QCOMPARE(moved[0][3].toInt(), 0);
        m_doc->setSetting(1, "skip_broken_messages", 5);
        QCOMPARE(setting.count(), 1);
        QCOMPARE(setting[0][0].toInt(), 1);
        QCOMPARE(setting[0][1].toString(), QStringLiteral("skip_broken_messages"));
        QCOMPARE(changed.count(), 1);
    }

    void modifiedFollowsTheUndoStack() {
        QSignalSpy spy(m_doc.get(), &ConfigDocument::modifiedChanged);
        m_doc->setGroupName(0, "g2");
        QVERIFY(m_doc->isModified());
        m_doc->undoStack()->undo();
        QVERIFY(!m_doc->isModified());
        QCOMPARE(spy.count(), 2);
        m_doc->setModified(true); // a recovered draft holds unsaved work without history
        QVERIFY(m_doc->isModified());
    }

    void saveAndReloadGiveTheSameJson() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        m_doc->setColumnType(0, 0, "Int128");
        QCOMPARE(m_doc->saveFile(path), std::string());
        QVERIFY(!m_doc->isModified());
        QCOMPARE(m_doc->filePath(), path);
        ConfigDocument reopened;
        QCOMPARE(reopened.loadFile(path), std::string());
        QCOMPARE(dump(reopened), dump(*m_doc));
        QCOMPARE(reopened.undoStack()->count(), 0);
    }

    void brokenFileNamesFileLineColumnAndKeepsTheDocument() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"tables\": [\n    {\"name\": }\n  ]\n}\n");
        file.close();
        const auto before = dump(*m_doc);
        const auto error = m_doc->loadFile(path);
        QVERIFY2(QString::fromStdString(error).startsWith(path + QStringLiteral(":3:")), error.c_str());
        QCOMPARE(dump(*m_doc), before);
    }

    void validationIsDebouncedAndFollowsEdits() {
        m_doc->setValidationDelay(20);
        QVERIFY(m_doc->problemsAt("tables[0].columns[1].type").empty());
        QSignalSpy spy(m_doc.get(), &ConfigDocument::problemsChanged);
        m_doc->setColumnType(0, 1, "DateTimeX(");
        QCOMPARE(spy.count(), 0); // not while typing
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(m_doc->problemsAt("tables[0].columns[1].type").size(), std::size_t(1));
        QCOMPARE(m_doc->problemCountUnder("tables[0]"), 1);
        QCOMPARE(m_doc->problemCountUnder("tables[1]"), 0);
        m_doc->undoStack()->undo();
        m_doc->validateNow();
        QVERIFY(m_doc->problemsAt("tables[0].columns[1].type").empty());
    }

    // The GUI tidies the heap on this signal (ui/shell/HeapTidy.h): after loading, pasting or a new schema,
    // after the problems are out; never after an edit that re-validated one table.
    void wholeDocumentValidationIsAnnounced() {
        QSignalSpy whole(m_doc.get(), &ConfigDocument::wholeDocumentValidated);
        QSignalSpy problems(m_doc.get(), &ConfigDocument::problemsChanged);
        int problemsAtWhole = -1;
        connect(m_doc.get(), &ConfigDocument::wholeDocumentValidated, this,
                [&] { problemsAtWhole = static_cast<int>(problems.count()); });
        m_doc->setColumnType(0, 1, "DateTimeX(");
        m_doc->validateNow();
        QCOMPARE(problems.count(), 1);
        QCOMPARE(whole.count(), 0);
        m_doc->load(testing::twoTables(), {});
        QCOMPARE(whole.count(), 1);
        QCOMPARE(problemsAtWhole, 2); // problemsChanged() came first
        auto pasted = testing::twoTables();
        pasted.tables.pop_back();
        m_doc->replaceConfig(pasted, QStringLiteral("Paste"));
        m_doc->validateNow();
        QCOMPARE(whole.count(), 2);
        m_doc->validateNow(); // nothing pending: no validation, no signal
        QCOMPARE(whole.count(), 2);
    }

    // Per-table re-validation must give exactly what validating everything gives.
    void localValidationAgreesWithFullValidation() {
        m_doc->setColumnType(1, 0, "Nullable(Array(String))");
        m_doc->setTopicName(0, 0, "bad topic");
        m_doc->setSetting(1, "num_consumers", 99);
        m_doc->setColumnName(0, 0, "");
        m_doc->validateNow();
        const auto full = m_doc->validator().validate(m_doc->config());
        QVERIFY(full.size() >= 4);
        QCOMPARE(m_doc->problems().size(), full.size());
        for (const auto& problem : full)
            QVERIFY2(!m_doc->problemsAt(problem.path).empty(), problem.path.c_str());
        QCOMPARE(m_doc->problemCountUnder("tables[1]") + m_doc->problemCountUnder("tables[0]"),
                 static_cast<int>(full.size()));
    }

    void renameRevalidatesDuplicates() {
        m_doc->setTableName(1, "events");
        m_doc->validateNow();
        QVERIFY(m_doc->problemCountUnder("tables") > 0);
        m_doc->undoStack()->undo();
        m_doc->validateNow();
        QCOMPARE(m_doc->problems().size(), std::size_t(0));
    }

private:
    std::unique_ptr<ConfigDocument> m_doc;
};

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_configdocument.moc"
