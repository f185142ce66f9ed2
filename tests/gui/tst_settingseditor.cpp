// The settings grid (SettingsEditor over SettingsModel, QAbstractItemModelTester attached): its rows and
// reset buttons follow a swapped-in schema.
#include "SettingsEditor.h"
#include "itemmodels/ConfigDocument.h"
#include "itemmodels/SettingsModel.h"
#include "schema/ConfigValidator.h"
#include "schema/JsonSchema.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <functional>
#include <memory>

using namespace ckstudio;

namespace {

// The bundled schema with its table settings edited, as a live schema from the API could differ.
std::shared_ptr<const ConfigValidator> liveValidator(const std::function<void(Json&)>& editSettings) {
    Json document = ConfigValidator::bundledSchema()->document();
    editSettings(document["properties"]["tables"]["items"]["properties"]);
    std::string error;
    auto schema = ConfigValidator::loadSchema(document, &error);
    if (!schema)
        qFatal("unusable test schema: %s", error.c_str());
    return std::make_shared<const ConfigValidator>(schema);
}

} // namespace

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

        m_doc->setValidator(liveValidator([](Json& settings) {
            settings["x_linger_ms"] = Json::parse(R"({"type": "integer", "minimum": 0, "default": 100})");
        }));
        QCOMPARE(model->rowCount(), bundledRows + 1);
        QVERIFY(button("x_linger_ms"));
        QCOMPARE(button("x_linger_ms")->text(), QStringLiteral("Reset to 100"));
        QVERIFY(!button("x_linger_ms")->isEnabled()); // unset
        QVERIFY(button("num_consumers")->isEnabled());

        // Another default for the same settings: the rows stay, the reset button names the new default.
        m_doc->setValidator(liveValidator([](Json& settings) {
            settings["x_linger_ms"] = Json::parse(R"({"type": "integer", "minimum": 0, "default": 250})");
        }));
        QCOMPARE(model->rowCount(), bundledRows + 1);
        QCOMPARE(button("x_linger_ms")->text(), QStringLiteral("Reset to 250"));

        // One fewer than the bundled schema: its row and reset button go.
        m_doc->setValidator(liveValidator([](Json& settings) { settings.erase("skip_broken_messages"); }));
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

private:
    std::unique_ptr<ConfigDocument> m_doc;
    std::unique_ptr<SettingsEditor> m_editor;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestSettingsEditor)
#include "tst_settingseditor.moc"
