#pragma once
// Validation of a user_config: the JSON schema's rules (driven by the schema document itself, bundled or
// live), plus what the schema cannot say (ClickHouse type grammar, duplicates, cross-references, warnings).
#include "domain/Json.h"
#include "domain/Problem.h"
#include "domain/UserConfig.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace ckstudio {

class JsonSchema; // parsed schema, see schema/JsonSchema.h

class ConfigValidator {
public:
    // The schema bundled with the application (resources: :/schema/clickhouse_kafka.user_config.schema.json).
    static std::shared_ptr<const JsonSchema> bundledSchema();
    // A schema document (file given with --schema, or the live user_config_schema from integration_types).
    // Returns nullptr and fills `error` when the document is not a usable schema.
    static std::shared_ptr<const JsonSchema> loadSchema(const Json& schemaDocument, std::string* error);

    // A null schema means the bundled one.
    explicit ConfigValidator(std::shared_ptr<const JsonSchema> schema = bundledSchema());

    // Every problem of the document, errors and warnings, in document order.
    Problems validate(const Json& userConfig) const;
    Problems validate(const UserConfig& config) const { return validate(toJson(config)); }

    // Only the problems of one table (path prefix tables[index]), for live validation while editing.
    Problems validateTable(const Json& table, std::size_t index) const;

    const JsonSchema& schema() const { return *m_schema; }

    // The ClickHouse version (major, minor) the config is for, when known: the Aiven service's
    // (AivenService::clickhouseVersion) or version() of the connected server. Settings and column types that
    // version cannot take become warnings naming what they need (schema/TableRules.h).
    void setTargetVersion(std::optional<std::pair<int, int>> version) { m_targetVersion = version; }
    std::optional<std::pair<int, int>> targetVersion() const { return m_targetVersion; }

private:
    std::shared_ptr<const JsonSchema> m_schema;
    std::optional<std::pair<int, int>> m_targetVersion;
};

// Warnings for an edit of a pulled config: a table with a positional data format (CSV, TSV, ...) whose
// columns changed position relative to the same table (by name) in `base` reads messages of the old layout
// into the wrong columns. One warning per table, at tables[i].columns of `edited`.
Problems reorderWarnings(const UserConfig& base, const UserConfig& edited);

} // namespace ckstudio
