// Round trip of user_config through the domain structs: unknown keys, key order and wrong shapes survive.
#include "domain/UserConfig.h"

#include <QTest>

using namespace ckstudio;

class TestUserConfig : public QObject {
    Q_OBJECT
private slots:
    void roundTripKeepsEverything_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("minimal") << QStringLiteral(R"({"tables":[{"name":"t","columns":[{"name":"id","type":"UInt64"}],"topics":[{"name":"a"}],"data_format":"JSONEachRow","group_name":"g"}]})");
        QTest::newRow("unknown keys everywhere") << QStringLiteral(R"({"zeta":1,"tables":[{"future":true,"group_name":"g","name":"t","columns":[{"type":"String","name":"x","codec":"ZSTD"}],"topics":[{"name":"a","partitions":3}],"data_format":"CSV","num_consumers":2}],"alpha":[1,2]})");
        QTest::newRow("wrong shapes") << QStringLiteral(R"({"tables":[{"name":5,"columns":"id UInt64","topics":[7,{"name":null}],"data_format":["x"],"group_name":{}},"not a table"]})");
        QTest::newRow("tables not array") << QStringLiteral(R"({"tables":{"name":"t"}})");
        QTest::newRow("not an object") << QStringLiteral(R"([1,2,3])");
        QTest::newRow("missing mandatory") << QStringLiteral(R"({"tables":[{"name":"t"}]})");
        QTest::newRow("materialized view") << QStringLiteral(R"({"tables":[{"name":"t","columns":[],"topics":[],"data_format":"JSONEachRow","group_name":"g","materialized_view":{"view_name":"v","order_by":["id"],"engine":"MergeTree","engine_params":[],"ttl_days":3,"x":1}}]})");
        QTest::newRow("mv wrong shapes") << QStringLiteral(R"({"tables":[{"materialized_view":{"view_name":1,"order_by":"id","ttl_days":"3","engine_params":[1]}}]})");
        QTest::newRow("empty") << QStringLiteral(R"({})");
    }
    void roundTripKeepsEverything() {
        QFETCH(QString, text);
        const Json in = Json::parse(text.toStdString());
        const UserConfig config = userConfigFromJson(in);
        const Json out = toJson(config);
        QCOMPARE(QString::fromStdString(out.dump()), QString::fromStdString(in.dump()));
    }

    void typedFieldsAreRead() {
        const auto config = userConfigFromJson(Json::parse(
            R"({"tables":[{"name":"t","columns":[{"name":"id","type":"UInt64"}],"topics":[{"name":"a"},{"name":"b"}],"data_format":"CSV","group_name":"g","num_consumers":2}]})"));
        QCOMPARE(config.tables.size(), std::size_t(1));
        const auto& t = config.tables[0];
        QCOMPARE(t.name, std::string("t"));
        QCOMPARE(t.columns.at(0).type, std::string("UInt64"));
        QCOMPARE(t.topics.size(), std::size_t(2));
        QCOMPARE(t.dataFormat, std::string("CSV"));
        QVERIFY(t.setting("num_consumers"));
        QCOMPARE(t.setting("num_consumers")->get<int>(), 2);
    }

    void editsAppearAndOnlyThem() {
        auto config = userConfigFromJson(Json::parse(R"({"tables":[{"name":"t","x":1,"group_name":"g"}]})"));
        config.tables[0].columns.push_back(Column{"id", "UInt64", Json::object(), {}, std::nullopt});
        config.tables[0].setSetting("num_consumers", 3);
        config.tables[0].unsetSetting("x");
        QCOMPARE(QString::fromStdString(toJson(config).dump()),
                 QStringLiteral(R"({"tables":[{"name":"t","group_name":"g","columns":[{"name":"id","type":"UInt64"}],"num_consumers":3}]})"));
    }

    void typedValueReplacesWrongShape() {
        auto config = userConfigFromJson(Json::parse(R"({"tables":[{"name":5}]})"));
        config.tables[0].name = "fixed";
        QCOMPARE(QString::fromStdString(toJson(config).dump()), QStringLiteral(R"({"tables":[{"name":"fixed"}]})"));
    }

    void newTableHasMandatoryKeys() {
        UserConfig config;
        config.tables.push_back(newConnectorTable("events"));
        const Json j = toJson(config);
        const auto& t = j["tables"][0];
        for (const char* key : {"name", "columns", "topics", "data_format", "group_name"})
            QVERIFY2(t.contains(key), key);
        QCOMPARE(t["data_format"].get<std::string>(), std::string("JSONEachRow"));
    }
};

QTEST_APPLESS_MAIN(TestUserConfig)
#include "tst_userconfig.moc"
