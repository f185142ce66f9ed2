#pragma once
// Small configs shared by the item model and document tests.
#include "domain/UserConfig.h"

#include <QString>
#include <QTest>

// QCOMPARE cannot take nlohmann values (their implicit conversions confuse its overloads): compare the text.
#define QCOMPARE_JSON(actual, expected)                                                                      \
    QCOMPARE(QString::fromStdString(ckstudio::Json(actual).dump()),                                          \
             QString::fromStdString(ckstudio::Json(expected).dump()))

namespace ckstudio::testing {

// Two valid tables without warnings.
inline UserConfig twoTables() {
    return userConfigFromJson(Json::parse(R"({
  "tables": [
    {"name": "events", "columns": [{"name": "id", "type": "UInt64"}, {"name": "ts", "type": "DateTime"},
                                   {"name": "user", "type": "String"}],
     "topics": [{"name": "events"}], "data_format": "JSONEachRow", "group_name": "ch-events",
     "num_consumers": 1},
    {"name": "views", "columns": [{"name": "url", "type": "String"}], "topics": [{"name": "views"}, {"name": "v2"}],
     "data_format": "TSKV", "group_name": "ch-views"}
  ]
})"));
}

// The same with keys this version does not know, at the root and in the first table: edits must keep them.
inline UserConfig twoTablesWithUnknownKeys() {
    auto json = toJson(twoTables());
    json["x_root_unknown"] = 1;
    json["tables"][0]["x_future_key"] = Json::parse(R"({"kept": true})");
    return userConfigFromJson(json);
}

} // namespace ckstudio::testing
