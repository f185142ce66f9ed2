#include "schema/ConfigValidator.h"

#include "schema/JsonSchema.h"
#include "schema/ProblemCollector.h"
#include "schema/SchemaNode.h"
#include "schema/SchemaRules.h"
#include "schema/TableRules.h"
#include "schema/ValueText.h"

#include <QFile>

namespace ckstudio {
namespace {

std::shared_ptr<const JsonSchema> loadBundledSchema() {
    QFile file(QStringLiteral(":/schema/clickhouse_kafka.user_config.schema.json"));
    Json document = Json::object();
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = file.readAll();
        document = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    }
    auto schema = std::make_shared<const JsonSchema>(std::move(document));
    // The resource is compiled in and covered by tests; reaching this means a broken build.
    Q_ASSERT_X(schema->compileError().empty() && schema->compiledNode("tables[]"), "bundledSchema",
               "the bundled user_config schema is missing or unusable");
    return schema;
}

std::optional<std::size_t> typeMaxLength(const JsonSchema& schema) {
    const SchemaNode* type = schema.compiledNode("tables[].columns[].type");
    return type ? type->maxLength : std::nullopt;
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    const std::size_t shown = std::min<std::size_t>(names.size(), 12);
    for (std::size_t i = 0; i < shown; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > shown)
        out += ", ...";
    return out;
}

} // namespace

std::shared_ptr<const JsonSchema> ConfigValidator::bundledSchema() {
    static const std::shared_ptr<const JsonSchema> schema = loadBundledSchema();
    return schema;
}

std::shared_ptr<const JsonSchema> ConfigValidator::loadSchema(const Json& schemaDocument,
                                                              std::string* error) {
    auto schema = std::make_shared<const JsonSchema>(schemaDocument);
    if (!schema->compileError().empty()) {
        if (error)
            *error = schema->compileError();
        return nullptr;
    }
    return schema;
}

ConfigValidator::ConfigValidator(std::shared_ptr<const JsonSchema> schema)
    : m_schema(schema ? std::move(schema) : bundledSchema()) {}

Problems ConfigValidator::validate(const Json& userConfig) const {
    ProblemCollector out;
    DocumentPath path;
    SchemaRules(out, path).check(userConfig, m_schema->root());
    if (userConfig.is_object()) {
        if (auto tables = userConfig.find("tables"); tables != userConfig.end() && tables->is_array()) {
            PathStep atTables(path, userConfig, "tables");
            TableRules rules(out, path, typeMaxLength(*m_schema), m_targetVersion);
            std::size_t index = 0;
            for (const Json& table : *tables) {
                PathStep atTable(path, index++);
                rules.check(table);
            }
        }
    }
    DocumentRules(out, path).check(userConfig);
    return out.takeInDocumentOrder();
}

Problems ConfigValidator::validateTable(const Json& table, std::size_t index) const {
    ProblemCollector out;
    DocumentPath path;
    PathStep atTables(path, "tables", 0);
    PathStep atTable(path, index);
    if (const SchemaNode* tableSchema = m_schema->compiledNode("tables[]"))
        SchemaRules(out, path).check(table, *tableSchema);
    TableRules(out, path, typeMaxLength(*m_schema), m_targetVersion).check(table);
    return out.takeInDocumentOrder();
}

Problems reorderWarnings(const UserConfig& base, const UserConfig& edited) {
    Problems out;
    for (std::size_t i = 0; i < edited.tables.size(); ++i) {
        const ConnectorTable& table = edited.tables[i];
        if (!isPositionalFormat(table.dataFormat))
            continue;
        const auto before = std::find_if(base.tables.begin(), base.tables.end(),
                                         [&](const ConnectorTable& t) { return t.name == table.name; });
        if (before == base.tables.end())
            continue;
        std::vector<std::string> was;
        std::vector<std::string> now;
        for (const auto& c : before->columns)
            was.push_back(c.name);
        for (const auto& c : table.columns)
            now.push_back(c.name);
        // Appending or dropping columns at the end keeps every other field where it was.
        const std::size_t common = std::min(was.size(), now.size());
        if (std::equal(was.begin(), was.begin() + static_cast<std::ptrdiff_t>(common), now.begin()))
            continue;
        out.push_back(Problem{"tables[" + std::to_string(i) + "].columns",
                              "column positions changed (was " + joinNames(was) + "; now " + joinNames(now) +
                                  "): " + table.dataFormat +
                                  " maps fields by position, so messages in the old layout land in the wrong "
                                  "columns",
                              Problem::Severity::Warning});
    }
    return out;
}

} // namespace ckstudio
