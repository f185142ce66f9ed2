#pragma once
// What the schema cannot say about a user_config: ClickHouse column types, duplicates, at least one column
// and topic, materialized_view cross-references, and warnings (positional formats, settings that need a newer
// ClickHouse, consumer counts). Values of the wrong shape are skipped here: the schema rules report them.
#include "domain/Json.h"
#include "schema/ProblemCollector.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ckstudio {

// A ClickHouse version as (major, minor).
using MajorMinorVersion = std::pair<int, int>;

// "25.8", "26.5.1.1", "v25.8": its major and minor; nullopt for text that does not start with N.N.
std::optional<MajorMinorVersion> parseServerVersion(std::string_view text);

// Rules inside one table (tables[i]); `path` points at the table. One instance may check many tables.
class TableRules {
public:
    // `typeMaxLength`: the schema's maxLength for columns[].type; longer types are left to the schema's
    // error. `targetVersion`: the ClickHouse version the config is for, when known (the service's, from
    // Aiven, or version() of the connected server): settings and types that version cannot take are
    // warned about, naming the version or setting they need. Unknown: the settings that need a newer
    // version than some Aiven services run are warned about anyway, types are not.
    TableRules(ProblemCollector& out, DocumentPath& path, std::optional<std::size_t> typeMaxLength,
               std::optional<MajorMinorVersion> targetVersion = std::nullopt)
        : m_out(out)
        , m_path(path)
        , m_typeMaxLength(typeMaxLength)
        , m_targetVersion(targetVersion) {}

    void check(const Json& table);

private:
    void checkColumns(const Json& table, const Json& columns);
    void checkType(const std::string& type); // the path points at columns[i].type
    void checkTopics(const Json& table, const Json& topics);
    void checkSettings(const Json& table);
    void checkMaterializedView(const Json& table, const Json& view);
    void checkEngineParameters(const Json& view); // the path points at materialized_view
    void requireColumn(const Json& name, const char* role);

    // What the type parser said about a type string; configs repeat a handful of types many times.
    struct TypeVerdict {
        std::string error; // with its position, empty when valid
        std::vector<std::string> warnings;
    };

    ProblemCollector& m_out;
    DocumentPath& m_path;
    std::optional<std::size_t> m_typeMaxLength;
    std::optional<MajorMinorVersion> m_targetVersion;
    std::unordered_map<std::string, TypeVerdict> m_typeVerdicts;
    std::vector<std::string> m_columnNames; // in order; empty when columns is not an array of named columns
    std::vector<std::string> m_columnTypes;
    bool m_columnsKnown = false;
};

// Rules across tables: duplicate table names and view names, tables that share a consumer group on a topic.
// `path` points at the document root.
class DocumentRules {
public:
    DocumentRules(ProblemCollector& out, DocumentPath& path)
        : m_out(out)
        , m_path(path) {}

    void check(const Json& document);

private:
    ProblemCollector& m_out;
    DocumentPath& m_path;
};

// Data formats that map fields to columns by position rather than by name.
bool isPositionalFormat(const std::string& dataFormat);

} // namespace ckstudio
