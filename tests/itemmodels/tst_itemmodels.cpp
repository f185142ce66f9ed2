// The item models over ConfigDocument: QAbstractItemModelTester watches every model while the document is
// edited, undone and redone; QSignalSpy checks the exact signals; problems show on the right cells.
#include "EditedSchema.h"
#include "TestConfigs.h"
#include "itemmodels/ColumnsModel.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/ProblemsModel.h"
#include "itemmodels/SettingsModel.h"
#include "itemmodels/TablesModel.h"
#include "itemmodels/TopicsModel.h"
#include "schema/ConfigValidator.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <functional>
#include <memory>

using namespace ckstudio;

namespace {
QString text(const QAbstractItemModel& model, int row, int column, int role = Qt::DisplayRole) {
    return model.data(model.index(row, column), role).toString();
}
std::vector<std::string> columnNames(const ConfigDocument& doc, int table) {
    std::vector<std::string> names;
    for (const auto& c : doc.table(table)->columns)
        names.push_back(c.name);
    return names;
}
} // namespace

class TestItemModels : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_doc = std::make_unique<ConfigDocument>();
        m_doc->setValidationDelay(0);
        m_doc->load(testing::twoTables(), {});
    }
    void cleanup() { m_doc.reset(); }

    // Every model stays consistent through every kind of edit, undo and redo.
    void testersSurviveAllEdits() {
        TablesModel tables(m_doc.get());
        ColumnsModel columns(m_doc.get());
        TopicsModel topics(m_doc.get());
        SettingsModel settings(m_doc.get());
        ProblemsModel problems(m_doc.get());
        columns.setTableIndex(1);
        topics.setTableIndex(1);
        settings.setTableIndex(1);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        QAbstractItemModelTester t1(&tables, mode), t2(&columns, mode), t3(&topics, mode),
            t4(&settings, mode), t5(&problems, mode);

        auto& d = *m_doc;
        d.addTable(0, newConnectorTable("first"));
        d.duplicateTable(2);
        d.moveTable(2, 0);
        d.addColumn(2, 0, Column{"c0", "Int8", Json::object(), {}, {}});
        d.addColumn(2, 2, Column{"c2", "Bad(", Json::object(), {}, {}});
        d.moveColumn(2, 0, 2);
        d.setColumnType(2, 1, "UInt16");
        d.removeColumn(2, 0);
        d.addTopic(2, 0, Topic{"t0", Json::object(), {}, {}});
        d.setTopicName(2, 0, "t-zero");
        d.removeTopic(2, 1);
        d.setSetting(2, "num_consumers", 4);
        d.setSetting(2, "thread_per_consumer", true);
        d.unsetSetting(2, "num_consumers");
        d.setDataFormat(2, "JSONStringsEachRow");
        d.setTableName(2, "views2");
        d.removeTable(0);
        d.replaceConfig(testing::twoTables(), QStringLiteral("Paste"));
        d.validateNow();
        while (d.undoStack()->canUndo()) {
            d.undoStack()->undo();
            d.validateNow();
        }
        QCOMPARE_JSON(toJson(d.config()), toJson(testing::twoTables()));
        while (d.undoStack()->canRedo())
            d.undoStack()->redo();
        d.load(UserConfig{}, {});
        QCOMPARE(tables.rowCount(), 0);
        QCOMPARE(columns.tableIndex(), -1);
    }

    void tablesModelShowsTablesAndCounts() {
        TablesModel model(m_doc.get());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(text(model, 0, int(TablesModel::Column::Name)), QStringLiteral("events"));
        QCOMPARE(text(model, 1, int(TablesModel::Column::Format)), QStringLiteral("TSKV"));
        QCOMPARE(model.data(model.index(0, int(TablesModel::Column::Columns))).toInt(), 3);
        QCOMPARE(model.data(model.index(1, int(TablesModel::Column::Topics))).toInt(), 2);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_doc->addTable(1, newConnectorTable("middle"));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted[0][1].toInt(), 1);
        QCOMPARE(inserted[0][2].toInt(), 1);
        QCOMPARE(text(model, 1, 0), QStringLiteral("middle"));

        m_doc->moveTable(0, 2);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved[0][1].toInt(), 0); // start
        QCOMPARE(moved[0][4].toInt(), 3); // destination row, counted before the move
        QCOMPARE(text(model, 2, 0), QStringLiteral("events"));

        changed.clear();
        m_doc->addColumn(2, 0, Column{"x", "UInt8", Json::object(), {}, {}});
        QVERIFY(changed.count() >= 1);
        const auto topLeft = changed[0][0].value<QModelIndex>();
        QCOMPARE(topLeft.row(), 2);
        QCOMPARE(topLeft.column(), int(TablesModel::Column::Columns));
        QCOMPARE(model.data(model.index(2, int(TablesModel::Column::Columns))).toInt(), 4);

        QVERIFY(model.setData(model.index(2, 0), QStringLiteral("events_renamed")));
        QCOMPARE(m_doc->table(2)->name, std::string("events_renamed"));
    }

    void tablesModelMarksTablesWithProblems() {
        TablesModel model(m_doc.get());
        QCOMPARE(model.data(model.index(1, 0), TablesModel::HasErrorRole).toBool(), false);
        m_doc->setColumnType(1, 0, "NotAType");
        m_doc->validateNow();
        QCOMPARE(model.data(model.index(1, 0), TablesModel::ProblemCountRole).toInt(), 1);
        QCOMPARE(model.data(model.index(1, 0), TablesModel::HasErrorRole).toBool(), true);
        QVERIFY(model.data(model.index(1, 0), Qt::DecorationRole).isValid());
        QVERIFY(!model.data(model.index(0, 0), Qt::DecorationRole).isValid());
        QVERIFY(
            model.data(model.index(1, 0), Qt::ToolTipRole).toString().contains(QStringLiteral("1 problem")));
    }

    void columnsModelEditsAndMarksCells() {
        ColumnsModel model(m_doc.get());
        QCOMPARE(model.rowCount(), 0);
        model.setTableIndex(0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(text(model, 1, int(ColumnsModel::Column::Type)), QStringLiteral("DateTime"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(
            model.setData(model.index(1, int(ColumnsModel::Column::Type)), QStringLiteral("DateTime64(x)")));
        QCOMPARE(m_doc->table(0)->columns[1].type, std::string("DateTime64(x)"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), 1);

        m_doc->validateNow();
        const auto typeCell = model.index(1, int(ColumnsModel::Column::Type));
        QCOMPARE(model.data(typeCell, ColumnsModel::HasErrorRole).toBool(), true);
        QVERIFY(!model.data(typeCell, Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(model.data(typeCell, Qt::DecorationRole).isValid());
        QCOMPARE(model.data(typeCell, ColumnsModel::PathRole).toString(),
                 QStringLiteral("tables[0].columns[1].type"));
        const auto nameCell = model.index(1, int(ColumnsModel::Column::Name));
        QCOMPARE(model.data(nameCell, ColumnsModel::HasErrorRole).toBool(), false);
        QVERIFY(!model.data(nameCell, Qt::DecorationRole).isValid());

        m_doc->undoStack()->undo();
        m_doc->validateNow();
        QCOMPARE(model.data(typeCell, ColumnsModel::HasErrorRole).toBool(), false);
    }

    void columnsModelMovesRows() {
        ColumnsModel model(m_doc.get());
        model.setTableIndex(0);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QVERIFY(model.moveRows({}, 0, 1, {}, 3)); // id to the end
        QCOMPARE(moved.count(), 1);
        QCOMPARE(columnNames(*m_doc, 0), (std::vector<std::string>{"ts", "user", "id"}));
        QVERIFY(model.moveRows({}, 1, 2, {}, 0)); // user, id to the front
        QCOMPARE(columnNames(*m_doc, 0), (std::vector<std::string>{"user", "id", "ts"}));
        QVERIFY(!model.moveRows({}, 0, 1, {}, 1)); // onto itself
        m_doc->undoStack()->undo();                // the two-row move is one step
        QCOMPARE(columnNames(*m_doc, 0), (std::vector<std::string>{"ts", "user", "id"}));
    }

    void columnsModelDragAndDrop() {
        ColumnsModel model(m_doc.get());
        model.setTableIndex(0);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(model.flags({}).testFlag(Qt::ItemIsDropEnabled));
        std::unique_ptr<QMimeData> mime(
            model.mimeData({model.index(0, 0), model.index(0, 1), model.index(1, 0)}));
        QVERIFY(mime->hasFormat(QLatin1String(ColumnsModel::MimeType)));
        QVERIFY(model.canDropMimeData(mime.get(), Qt::MoveAction, 3, 0, {}));
        QVERIFY(!model.canDropMimeData(mime.get(), Qt::CopyAction, 3, 0, {}));
        model.dropMimeData(mime.get(), Qt::MoveAction, 3, 0, {});
        QCOMPARE(columnNames(*m_doc, 0), (std::vector<std::string>{"user", "id", "ts"}));
        // Dropping onto a cell inserts before it.
        std::unique_ptr<QMimeData> last(model.mimeData({model.index(2, 0)}));
        model.dropMimeData(last.get(), Qt::MoveAction, -1, -1, model.index(0, 0));
        QCOMPARE(columnNames(*m_doc, 0), (std::vector<std::string>{"ts", "user", "id"}));
        // Rows of another table are refused.
        model.setTableIndex(1);
        QVERIFY(!model.dropMimeData(last.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(m_doc->table(1)->columns.size(), std::size_t(1));
    }

    void scopedModelsFollowTheirTable() {
        ColumnsModel model(m_doc.get());
        model.setTableIndex(1);
        m_doc->addTable(0, newConnectorTable("before"));
        QCOMPARE(model.tableIndex(), 2);
        QCOMPARE(text(model, 0, 0), QStringLiteral("url"));
        m_doc->moveTable(2, 0);
        QCOMPARE(model.tableIndex(), 0);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        m_doc->removeTable(0);
        QCOMPARE(model.tableIndex(), -1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 1);
    }

    void topicsModelEditsNames() {
        TopicsModel model(m_doc.get());
        model.setTableIndex(1);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        m_doc->removeTopic(1, 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(text(model, 0, 0), QStringLiteral("v2"));
        QVERIFY(model.setData(model.index(0, 0), QStringLiteral("bad topic!")));
        m_doc->validateNow();
        QCOMPARE(model.data(model.index(0, 0), TopicsModel::HasErrorRole).toBool(), true);
        QVERIFY(!text(model, 0, 0, Qt::ToolTipRole).isEmpty());
    }

    void settingsModelIsDrivenByTheSchema() {
        SettingsModel model(m_doc.get());
        model.setTableIndex(0);
        const auto settings = m_doc->validator().schema().tableSettings();
        QVERIFY(settings.size() >= 10);
        QCOMPARE(model.rowCount(), static_cast<int>(settings.size()));
        QCOMPARE(model.rowOfKey(QStringLiteral("name")), -1);
        QCOMPARE(model.rowOfKey(QStringLiteral("materialized_view")), -1);

        const int consumers = model.rowOfKey(QStringLiteral("num_consumers"));
        QVERIFY(consumers >= 0);
        const auto value = model.index(consumers, int(SettingsModel::Column::Value));
        QCOMPARE(model.data(value, SettingsModel::IsSetRole).toBool(), true);
        QCOMPARE(model.data(value, Qt::EditRole).toLongLong(), 1LL);
        QCOMPARE(model.data(value, SettingsModel::MinimumRole).toLongLong(), 1LL);
        QCOMPARE(model.data(value, SettingsModel::MaximumRole).toLongLong(), 10LL);
        QVERIFY(!model.data(value, Qt::ToolTipRole).toString().isEmpty());

        const int byDuration = model.rowOfKey(QStringLiteral("auto_offset_reset_by_duration_ms"));
        QVERIFY(byDuration >= 0);
        QCOMPARE(model.data(model.index(byDuration, 1), SettingsModel::MaximumRole).toLongLong(),
                 2147483647LL);

        const int reset = model.rowOfKey(QStringLiteral("auto_offset_reset"));
        const auto resetValue = model.index(reset, int(SettingsModel::Column::Value));
        QVERIFY(model.data(resetValue, SettingsModel::AllowedValuesRole)
                    .toStringList()
                    .contains(QStringLiteral("latest")));
        QCOMPARE(model.data(resetValue, SettingsModel::IsSetRole).toBool(), false);
        QCOMPARE(model.data(resetValue, Qt::DisplayRole).toString(),
                 QStringLiteral("earliest")); // the default
        QVERIFY(model.data(resetValue, Qt::FontRole).value<QFont>().italic());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(resetValue, QStringLiteral("latest")));
        QCOMPARE_JSON(toJson(m_doc->config())["tables"][0]["auto_offset_reset"], Json("latest"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), reset);
        QCOMPARE(model.data(resetValue, SettingsModel::IsSetRole).toBool(), true);

        // Unset removes the key; the document's JSON no longer has it.
        QVERIFY(model.setData(value, false, SettingsModel::IsSetRole));
        QVERIFY(!toJson(m_doc->config())["tables"][0].contains("num_consumers"));

        // Integers are written as JSON integers; out-of-range values are reported on the cell.
        QVERIFY(model.setData(value, 11));
        QCOMPARE_JSON(toJson(m_doc->config())["tables"][0]["num_consumers"], Json(11));
        m_doc->validateNow();
        QCOMPARE(model.data(value, SettingsModel::HasErrorRole).toBool(), true);
        QVERIFY(!model.setData(value, QStringLiteral("many"))); // not an integer: refused

        const int perConsumer = model.rowOfKey(QStringLiteral("thread_per_consumer"));
        const auto check = model.index(perConsumer, int(SettingsModel::Column::Value));
        QVERIFY(model.flags(check).testFlag(Qt::ItemIsUserCheckable));
        QVERIFY(model.setData(check, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE_JSON(toJson(m_doc->config())["tables"][0]["thread_per_consumer"], Json(true));
        QCOMPARE(model.data(check, Qt::CheckStateRole).toInt(), int(Qt::Checked));
    }

    // A live schema swapped in (ConfigDocument::setValidator) brings its own settings: the rows follow it and
    // the values stay in the document.
    void settingsModelFollowsASwappedSchema() {
        auto json = toJson(m_doc->config());
        json["tables"][0]["x_linger_ms"] = 250; // unknown to the bundled schema, kept by the document
        m_doc->load(userConfigFromJson(json), {});
        SettingsModel model(m_doc.get());
        model.setTableIndex(0);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int bundledRows = model.rowCount();
        QVERIFY(bundledRows >= 10);
        QCOMPARE(model.rowOfKey(QStringLiteral("x_linger_ms")), -1);
        QVERIFY(model.rowOfKey(QStringLiteral("skip_broken_messages")) >= 0);

        const auto valueOf = [&](const char* key, int role) {
            const int row = model.rowOfKey(QString::fromLatin1(key));
            return row < 0 ? QVariant() : model.index(row, int(SettingsModel::Column::Value)).data(role);
        };
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // One setting more.
        m_doc->setValidator(test::validatorWithEditedSettings([](Json& settings) {
            settings["x_linger_ms"] = Json::parse(R"({"type":"integer","minimum":0,"maximum":60000})");
        }));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), bundledRows + 1);
        QVERIFY(model.rowOfKey(QStringLiteral("x_linger_ms")) >= 0);
        QCOMPARE(valueOf("x_linger_ms", SettingsModel::IsSetRole).toBool(), true);
        QCOMPARE(valueOf("x_linger_ms", Qt::EditRole).toLongLong(), 250LL);
        QCOMPARE(valueOf("x_linger_ms", SettingsModel::MaximumRole).toLongLong(), 60000LL);
        QCOMPARE(valueOf("num_consumers", Qt::EditRole).toLongLong(), 1LL);

        // One setting fewer.
        m_doc->setValidator(test::validatorWithEditedSettings(
            [](Json& settings) { settings.erase("skip_broken_messages"); }));
        QCOMPARE(resets.count(), 2);
        QCOMPARE(model.rowCount(), bundledRows - 1);
        QCOMPARE(model.rowOfKey(QStringLiteral("skip_broken_messages")), -1);
        QCOMPARE(model.rowOfKey(QStringLiteral("x_linger_ms")), -1);
        QCOMPARE(valueOf("num_consumers", Qt::EditRole).toLongLong(), 1LL);

        // The same keys with another range: no reset (an open editor stays), that row changes.
        m_doc->setValidator(test::validatorWithEditedSettings(
            [](Json& settings) { settings["num_consumers"]["maximum"] = 4; }));
        QCOMPARE(resets.count(), 3); // skip_broken_messages is back
        changed.clear();
        m_doc->setValidator(test::validatorWithEditedSettings(
            [](Json& settings) { settings["num_consumers"]["maximum"] = 6; }));
        QCOMPARE(resets.count(), 3);
        QCOMPARE(model.rowCount(), bundledRows);
        QCOMPARE(valueOf("num_consumers", SettingsModel::MaximumRole).toLongLong(), 6LL);
        const int consumers = model.rowOfKey(QStringLiteral("num_consumers"));
        QVERIFY(std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant>& signal) {
            return signal[0].value<QModelIndex>().row() <= consumers &&
                   consumers <= signal[1].value<QModelIndex>().row() &&
                   signal[2].value<QList<int>>().isEmpty(); // every role: the properties changed
        }));

        // Back to the bundled schema.
        m_doc->setValidator(nullptr);
        QCOMPARE(model.rowCount(), bundledRows);
        QCOMPARE(valueOf("num_consumers", SettingsModel::MaximumRole).toLongLong(), 10LL);
        QCOMPARE(toJson(m_doc->config())["tables"][0]["x_linger_ms"].get<int>(), 250);
    }

    void problemsModelListsEveryProblem() {
        ProblemsModel model(m_doc.get());
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        m_doc->setColumnType(1, 0, "Nope");
        m_doc->setTopicName(0, 0, "");
        m_doc->validateNow();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), static_cast<int>(m_doc->problems().size()));
        QVERIFY(model.rowCount() >= 2);
        QVERIFY(model.errorCount() >= 2);
        bool sawType = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto path = model.data(model.index(row, 0), ProblemsModel::PathRole).toString();
            if (path == QStringLiteral("tables[1].columns[0].type")) {
                sawType = true;
                QCOMPARE(model.data(model.index(row, 0), ProblemsModel::TableIndexRole).toInt(), 1);
                QVERIFY(!text(model, row, int(ProblemsModel::Column::Message)).isEmpty());
            }
        }
        QVERIFY(sawType);
        QCOMPARE(ProblemsModel::tableIndexOfPath(QStringLiteral("tables[12].name")), 12);
        QCOMPARE(ProblemsModel::tableIndexOfPath(QStringLiteral("")), -1);
    }

private:
    std::unique_ptr<ConfigDocument> m_doc;
};

QTEST_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
