// The structural diff used by push --dry-run and the lost-update check.
#include "diff/ConfigDiff.h"

#include <QtTest>

using namespace ckstudio;

namespace {

Json baseConfig() {
    return Json::parse(R"({"tables": [
        {"name": "events", "columns": [{"name": "id", "type": "UInt64"}, {"name": "ts", "type": "DateTime"}],
         "topics": [{"name": "events"}], "data_format": "JSONEachRow", "group_name": "ch", "num_consumers": 1},
        {"name": "orders", "columns": [{"name": "order_id", "type": "UInt64"}], "topics": [{"name": "orders"}],
         "data_format": "JSONEachRow", "group_name": "ch"}]})");
}

bool hasLine(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

} // namespace

class TestConfigDiff : public QObject {
    Q_OBJECT
private slots:
    void identicalConfigsHaveNoDiff() {
        const auto diff = diffConfigs(baseConfig(), baseConfig());
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.summary(), std::string("no changes"));
        QVERIFY(!remoteMovedSince(baseConfig(), baseConfig()));
    }

    void keyOrderDoesNotCount() {
        Json reordered = Json::parse(R"({"tables": [
            {"group_name": "ch", "data_format": "JSONEachRow", "topics": [{"name": "events"}], "num_consumers": 1,
             "columns": [{"type": "UInt64", "name": "id"}, {"name": "ts", "type": "DateTime"}], "name": "events"},
            {"name": "orders", "columns": [{"name": "order_id", "type": "UInt64"}], "topics": [{"name": "orders"}],
             "data_format": "JSONEachRow", "group_name": "ch"}]})");
        QVERIFY(sameConfig(baseConfig(), reordered));
        QVERIFY(!remoteMovedSince(baseConfig(), reordered));
    }

    void tablesAddedRemovedChanged() {
        Json after = baseConfig();
        after["tables"].erase(1);
        after["tables"].push_back(Json::parse(
            R"({"name": "clicks", "columns": [{"name": "x", "type": "String"}], "topics": [{"name": "clicks"}],
                "data_format": "CSV", "group_name": "ch"})"));
        after["tables"][0]["columns"][0]["type"] = "UInt32";
        after["tables"][0]["columns"].push_back(Json{{"name", "user"}, {"type", "String"}});
        after["tables"][0]["topics"].push_back(Json{{"name", "events-eu"}});
        after["tables"][0]["num_consumers"] = 4;
        after["tables"][0]["skip_broken_messages"] = 10;
        after["tables"][0].erase("group_name");
        after["tables"][0]["materialized_view"] = Json{{"view_name", "events_mv"}, {"order_by", {"id"}}};

        const auto diff = diffConfigs(baseConfig(), after);
        QCOMPARE(diff.tables.size(), std::size_t(3));
        QCOMPARE(diff.tables[0].name, std::string("events"));
        QCOMPARE(diff.tables[0].kind, ChangeKind::Changed);
        QCOMPARE(diff.tables[1].name, std::string("clicks"));
        QCOMPARE(diff.tables[1].kind, ChangeKind::Added);
        QCOMPARE(diff.tables[2].name, std::string("orders"));
        QCOMPARE(diff.tables[2].kind, ChangeKind::Removed);

        const auto lines = diff.toLines();
        QVERIFY(hasLine(lines, "~ table events"));
        QVERIFY(hasLine(lines, "+ table clicks"));
        QVERIFY(hasLine(lines, "- table orders"));
        QVERIFY(hasLine(lines, "    ~ column id: \"UInt64\" -> \"UInt32\""));
        QVERIFY(hasLine(lines, "    + column user \"String\""));
        QVERIFY(hasLine(lines, "    + topic events-eu"));
        QVERIFY(hasLine(lines, "    ~ num_consumers: 1 -> 4"));
        QVERIFY(hasLine(lines, "    + skip_broken_messages: 10"));
        QVERIFY(hasLine(lines, "    - group_name: \"ch\""));
        QVERIFY(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
            return l.find("+ materialized_view") != std::string::npos;
        }));
        const std::string summary = diff.summary();
        QVERIFY2(summary.find("1 table added (clicks)") != std::string::npos, summary.c_str());
        QVERIFY2(summary.find("1 table removed (orders)") != std::string::npos, summary.c_str());
        QVERIFY2(summary.find("1 table changed (events)") != std::string::npos, summary.c_str());
    }

    void materializedViewFieldsAndOrder() {
        Json before = baseConfig();
        before["tables"][0]["materialized_view"] =
            Json{{"view_name", "mv"}, {"order_by", {"id"}}, {"ttl_days", 30}};
        Json after = before;
        after["tables"][0]["materialized_view"]["order_by"] = Json{"id", "ts"};
        after["tables"][0]["materialized_view"].erase("ttl_days");
        std::swap(after["tables"][0]["columns"][0], after["tables"][0]["columns"][1]);
        std::swap(after["tables"][0], after["tables"][1]);
        const auto diff = diffConfigs(before, after);
        const auto lines = diff.toLines();
        QVERIFY(hasLine(lines, "    ~ materialized_view.order_by: [\"id\"] -> [\"id\",\"ts\"]"));
        QVERIFY(hasLine(lines, "    - materialized_view.ttl_days: 30"));
        QVERIFY(hasLine(lines, "    ~ column order: [\"id\",\"ts\"] -> [\"ts\",\"id\"]"));
        QVERIFY(diff.tableOrderChanged);
        QVERIFY(hasLine(lines, "~ table order changed"));
    }

    void unknownTopLevelKeysAndOddShapes() {
        Json before = baseConfig();
        Json after = baseConfig();
        after["future_option"] = true;
        auto diff = diffConfigs(before, after);
        QCOMPARE(diff.document.size(), std::size_t(1));
        QVERIFY(hasLine(diff.toLines(), "+ future_option: true"));
        // Missing and empty tables mean the same; a non-list is compared as a whole.
        QVERIFY(diffConfigs(Json::object(), Json{{"tables", Json::array()}}).isEmpty());
        diff = diffConfigs(Json{{"tables", "oops"}}, Json{{"tables", Json::array()}});
        QVERIFY(!diff.isEmpty());
        QVERIFY(!diffConfigs(Json::array(), Json::object()).isEmpty());
        // A table without a name is still tracked by position.
        diff = diffConfigs(Json{{"tables", Json::array({Json{{"columns", Json::array()}}})}}, Json::object());
        QCOMPARE(diff.tables.size(), std::size_t(1));
        QCOMPARE(diff.tables[0].name, std::string("#0"));
        QCOMPARE(diff.tables[0].kind, ChangeKind::Removed);
    }

    void userConfigOverloadMatchesJson() {
        Json after = baseConfig();
        after["tables"][1]["group_name"] = "other";
        const auto viaStructs = diffConfigs(userConfigFromJson(baseConfig()), userConfigFromJson(after));
        const auto viaJson = diffConfigs(baseConfig(), after);
        QCOMPARE(viaStructs.toLines(), viaJson.toLines());
        QVERIFY(hasLine(viaJson.toLines(), "    ~ group_name: \"ch\" -> \"other\""));
    }
};

QTEST_GUILESS_MAIN(TestConfigDiff)
#include "tst_configdiff.moc"
