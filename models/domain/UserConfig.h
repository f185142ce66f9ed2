#pragma once
// Domain types for a clickhouse_kafka integration's user_config.
//
// Plain structs. A typed key is written when it was read (it is in keyOrder) or holds a non-empty value, so a
// missing mandatory key stays missing (and is reported as such) while anything the editor fills in appears.
// Every struct keeps what it does not model in `extra` (a JSON object, original order) and the
// key order it was read with, so that a round trip reproduces the input. A known key whose value has the wrong
// JSON type is not converted: it stays verbatim in `extra` (and the typed field stays empty) so that nothing is
// lost and the schema validator, which checks the serialized JSON, reports it at its path.
#include "domain/Json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ckstudio {

struct Column {
    std::string name;
    std::string type;
    Json extra = Json::object();
    std::vector<std::string> keyOrder;
    std::optional<Json> verbatim; // set when the element was not a JSON object: written back as it was
    friend bool operator==(const Column&, const Column&) = default;
};

struct Topic {
    std::string name;
    Json extra = Json::object();
    std::vector<std::string> keyOrder;
    std::optional<Json> verbatim; // set when the element was not a JSON object
    friend bool operator==(const Topic&, const Topic&) = default;
};

// The server-side materialized view Aiven creates for a table (schema: tables[].materialized_view).
struct MaterializedView {
    std::string viewName;
    std::vector<std::string> orderBy;
    std::optional<std::string> databaseName;
    std::optional<std::string> engine;
    std::optional<std::vector<std::string>> engineParams;
    std::optional<std::string> ttlColumn;
    std::optional<std::int64_t> ttlDays;
    std::optional<std::int64_t> localDiskTtlDays;
    Json extra = Json::object();
    std::vector<std::string> keyOrder;
    std::optional<Json> verbatim; // set when the value was not a JSON object
    friend bool operator==(const MaterializedView&, const MaterializedView&) = default;
};

// One Kafka-engine connector table (schema: tables[]).
struct ConnectorTable {
    std::string name;
    std::vector<Column> columns;
    std::vector<Topic> topics;
    std::string dataFormat;
    std::string groupName;
    std::optional<MaterializedView> materializedView;
    // Optional settings (auto_offset_reset, num_consumers, producer_* ...) and keys this version does not know,
    // verbatim and in order. Which of them are settings is the schema's business (SettingsModel, validator).
    Json extra = Json::object();
    std::vector<std::string> keyOrder;
    std::optional<Json> verbatim; // set when the element was not a JSON object
    friend bool operator==(const ConnectorTable&, const ConnectorTable&) = default;

    const Json* setting(const std::string& key) const;
    void setSetting(const std::string& key, Json value);
    void unsetSetting(const std::string& key);
};

// The whole user_config object.
struct UserConfig {
    std::vector<ConnectorTable> tables;
    Json extra = Json::object();
    std::vector<std::string> keyOrder;
    std::optional<Json> verbatim; // set when the document was not a JSON object
    friend bool operator==(const UserConfig&, const UserConfig&) = default;
};

// Conversions. fromJson never throws: wrong shapes are kept verbatim in `extra` (see above).
UserConfig userConfigFromJson(const Json& json);
Json toJson(const UserConfig& config);
ConnectorTable connectorTableFromJson(const Json& json);
Json toJson(const ConnectorTable& table);
Column columnFromJson(const Json& json);
Json toJson(const Column& column);
Topic topicFromJson(const Json& json);
Json toJson(const Topic& topic);
MaterializedView materializedViewFromJson(const Json& json);
Json toJson(const MaterializedView& view);

// A new table with the schema's defaults for the mandatory keys that have one.
ConnectorTable newConnectorTable(const std::string& name);

} // namespace ckstudio
