// The settings grid (SettingsEditor over SettingsModel, QAbstractItemModelTester attached): its rows and
// reset buttons follow a swapped-in schema.
#include "EditedSchema.h"
#include "SettingsEditor.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/SettingsModel.h"
#include "schema/ConfigValidator.h"
#include "schema/JsonSchema.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <functional>
#include <memory>

using namespace ckstudio;

namespace {} // namespace

class TestSettingsEditor : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_doc = std::make_unique<ConfigDocument>();
        m_doc->setValidationDelay(0);
        m_doc->load(userConfigFromJson(Json::parse(R"({"tables": [
            {"name": "events", "columns": [{"name": "id", "type": "UInt64"}], "topics": [{"name": "events"}],
             "data_format": "JSONEachRow", "group_name": "ch-events", "num_consumers": 2}]})")),
                    {});
        m_editor = std::make_unique<SettingsEditor>(m_doc.get());
        m_editor->setTableIndex(0);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_editor->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_editor->resize(800, 600);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }
    void cleanup() {
        m_tester.reset();
        m_editor.reset();
        m_doc.reset();
    }

    void rowsAndResetButtonsFollowASwappedSchema() {
        auto* model = m_editor->view()->model();
        const int bundledRows = model->rowCount();
        QVERIFY(bundledRows >= 10);
        const auto button = [this](const char* key) {
            return m_editor->findChild<QToolButton*>(QStringLiteral("resetSetting_") + QLatin1String(key));
        };
        QVERIFY(!button("x_linger_ms"));

        m_doc->setValidator(test::validatorWithEditedSettings([](Json& settings) {
            settings["x_linger_ms"] = Json::parse(R"({"type": "integer", "minimum": 0, "default": 100})");
        }));
        QCOMPARE(model->rowCount(), bundledRows + 1);
        QVERIFY(button("x_linger_ms"));
        QCOMPARE(button("x_linger_ms")->text(), QStringLiteral("Reset to 100"));
        QVERIFY(!button("x_linger_ms")->isEnabled()); // unset
        QVERIFY(button("num_consumers")->isEnabled());

        // Another default for the same settings: the rows stay, the reset button names the new default.
        m_doc->setValidator(test::validatorWithEditedSettings([](Json& settings) {
            settings["x_linger_ms"] = Json::parse(R"({"type": "integer", "minimum": 0, "default": 250})");
        }));
        QCOMPARE(model->rowCount(), bundledRows + 1);
        QCOMPARE(button("x_linger_ms")->text(), QStringLiteral("Reset to 250"));

        // One fewer than the bundled schema: its row and reset button go.
        m_doc->setValidator(test::validatorWithEditedSettings(
            [](Json& settings) { settings.erase("skip_broken_messages"); }));
        QCOMPARE(model->rowCount(), bundledRows - 1);
        QTRY_VERIFY(!button("x_linger_ms"));
        QTRY_VERIFY(!button("skip_broken_messages"));
        QCOMPARE(m_editor->model()->rowOfKey(QStringLiteral("skip_broken_messages")), -1);
        QCOMPARE(m_editor->model()
                     ->index(m_editor->model()->rowOfKey(QStringLiteral("num_consumers")),
                             int(SettingsModel::Column::Value))
                     .data(Qt::EditRole)
                     .toInt(),
                 2);
    }

    // An open spin box takes the range of a schema swapped in meanwhile, untouched or while being typed into.
    void openSpinBoxFollowsASwappedRange() {
        auto* view = m_editor->view();
        const QModelIndex cell = editValue(QStringLiteral("num_consumers"));
        auto* spin = qobject_cast<QSpinBox*>(view->indexWidget(cell));
        QVERIFY(spin);
        const int bundledMaximum = spin->maximum();
        QVERIFY(bundledMaximum > 5);

        m_doc->setValidator(test::validatorWithEditedSettings(
            [](Json& settings) { settings["num_consumers"]["maximum"] = 5; }));
        QCOMPARE(spin->maximum(), 5);
        QCOMPARE(spin->value(), 2);

        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("4"));
        m_doc->setValidator(test::validatorWithEditedSettings(
            [](Json& settings) { settings["num_consumers"]["maximum"] = 3; }));
        QCOMPARE(spin->maximum(), 3);
        QCOMPARE(spin->value(), 3); // the typed 4 no longer fits
        QVERIFY2(view->indexWidget(cell) == spin, "the schema swap closed the editor");
    }

    // An uncommitted change in the spin box of an integer setting (num_consumers, 2 in the document) survives
    // re-validation and a dataChanged over its cell; an untouched editor still follows the model.
    void spinBoxKeepsUncommittedInputThroughRevalidation_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("expectedText");
        QTest::addColumn<int>("committed"); // num_consumers after Return; 0: not checked
        QTest::newRow("typed") << QStringLiteral("type 7") << QStringLiteral("7") << 7;
        QTest::newRow("stepped up") << QStringLiteral("key up") << QStringLiteral("4") << 4;
        QTest::newRow("cleared") << QStringLiteral("clear") << QString() << 0;
    }
    void spinBoxKeepsUncommittedInputThroughRevalidation() {
        QFETCH(QString, action);
        QFETCH(QString, expectedText);
        QFETCH(int, committed);
        auto* view = m_editor->view();
        auto* model = m_editor->model();
        const QModelIndex cell = editValue(QStringLiteral("num_consumers"));
        auto* spin = qobject_cast<QSpinBox*>(view->indexWidget(cell));
        QVERIFY2(spin, "num_consumers is not edited with a spin box");
        QCOMPARE(spin->value(), 2);
        // Untouched, the editor follows the model.
        m_doc->setSetting(0, "num_consumers", Json(3));
        QCOMPARE(spin->value(), 3);

        spin->setFocus();
        if (action == QLatin1String("type 7")) {
            spin->selectAll();
            QTest::keyClicks(spin, QStringLiteral("7"));
        } else if (action == QLatin1String("key up")) {
            QTest::keyClick(spin, Qt::Key_Up);
        } else {
            spin->selectAll();
            QTest::keyClick(spin, Qt::Key_Backspace);
        }
        QCOMPARE(spin->text(), expectedText);

        m_doc->setValidator(std::make_shared<const ConfigValidator>()); // re-validates every cell
        emit model->dataChanged(cell, cell);                            // every role of that cell
        QCoreApplication::processEvents();
        QVERIFY2(view->indexWidget(cell) == spin, "re-validation closed the editor");
        QCOMPARE(spin->text(), expectedText);
        QCOMPARE(toJson(m_doc->config())["tables"][0]["num_consumers"].get<int>(), 3); // not committed yet

        if (committed == 0)
            return;
        QTest::keyClick(spin, Qt::Key_Return);
        QCoreApplication::processEvents();
        QCOMPARE(toJson(m_doc->config())["tables"][0]["num_consumers"].get<int>(), committed);
    }

    // The same for the combo box of an enum setting (auto_offset_reset, unset: the default "earliest").
    void comboBoxKeepsUncommittedChoiceThroughRevalidation() {
        auto* view = m_editor->view();
        auto* model = m_editor->model();
        const QModelIndex cell = editValue(QStringLiteral("auto_offset_reset"));
        auto* combo = qobject_cast<QComboBox*>(view->indexWidget(cell));
        QVERIFY2(combo, "auto_offset_reset is not edited with a combo box");
        QCOMPARE(combo->currentText(), QStringLiteral("earliest"));
        m_doc->setSetting(0, "auto_offset_reset", Json("latest"));
        QCOMPARE(combo->currentText(), QStringLiteral("latest")); // untouched: follows the model

        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Home); // the first choice
        QCOMPARE(combo->currentText(), QStringLiteral("beginning"));
        m_doc->setValidator(std::make_shared<const ConfigValidator>());
        emit model->dataChanged(cell, cell);
        QCoreApplication::processEvents();
        QVERIFY2(view->indexWidget(cell) == combo, "re-validation closed the editor");
        QCOMPARE(combo->currentText(), QStringLiteral("beginning"));
        QCOMPARE(toJson(m_doc->config())["tables"][0]["auto_offset_reset"].get<std::string>(),
                 std::string("latest"));

        QTest::keyClick(combo, Qt::Key_Return);
        QCoreApplication::processEvents();
        QCOMPARE(toJson(m_doc->config())["tables"][0]["auto_offset_reset"].get<std::string>(),
                 std::string("beginning"));
    }

private:
    // Opens the editor of `key`'s value cell, as a double click would; the cell.
    QModelIndex editValue(const QString& key) {
        SettingsModel* model = m_editor->model();
        const QModelIndex cell = model->index(model->rowOfKey(key), int(SettingsModel::Column::Value));
        m_editor->view()->setCurrentIndex(cell);
        m_editor->view()->edit(cell);
        return cell;
    }

    std::unique_ptr<ConfigDocument> m_doc;
    std::unique_ptr<SettingsEditor> m_editor;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestSettingsEditor)
#include "tst_settingseditor.moc"
