#pragma once
// A parsed JSON schema document (the subset Aiven's user_config schemas use: type, properties, required,
// items, enum, minimum/maximum, minLength/maxLength, pattern, maxItems/minItems, default, title, description,
// additionalProperties). Also answers the editor's questions about fields (titles, defaults, ranges).
#include "domain/Json.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ckstudio {

struct SchemaNode; // compiled form of a schema object, see schema/SchemaNode.h

// What the schema says about one property.
struct SchemaProperty {
    std::string name; // key, e.g. "num_consumers"
    std::string type; // "string", "integer", "boolean", "array", "object", "number"
    std::string title;
    std::string description;
    std::optional<Json> defaultValue;
    std::optional<Json> example;
    std::vector<std::string> enumValues;
    std::optional<long long> minimum;
    std::optional<long long> maximum;
    std::optional<std::size_t> minLength;
    std::optional<std::size_t> maxLength;
    std::optional<std::size_t> maxItems;
    std::string pattern;
    std::string userError; // the schema's own wording for a pattern mismatch, when it has one
    bool required = false;

    bool operator==(const SchemaProperty&) const = default;
};

class JsonSchema {
public:
    explicit JsonSchema(Json document);

    const Json& document() const { return m_document; }

    // A property by its generic path: "tables", "tables[].name", "tables[].columns[].type",
    // "tables[].materialized_view.engine". nullopt when the schema does not have it.
    std::optional<SchemaProperty> property(std::string_view genericPath) const;

    // The optional scalar settings of a table (everything but name, columns, topics, data_format, group_name,
    // materialized_view), in the schema's order.
    std::vector<SchemaProperty> tableSettings() const;

    // Properties of an object node by generic path ("" = root, "tables[]", "tables[].materialized_view").
    std::vector<SchemaProperty> properties(std::string_view genericObjectPath) const;

    // The compiled schema the validator walks. An unusable document compiles to a root that accepts anything.
    const SchemaNode& root() const { return *m_root; }
    // The compiled node of a generic path (as for property()), nullptr when the schema does not have it.
    const SchemaNode* compiledNode(std::string_view genericPath) const;
    // Empty when the document is a usable schema, otherwise its first problem with the keyword's path
    // (e.g. "properties.tables.items.maxItems: expected a non-negative integer, got \"x\"").
    const std::string& compileError() const { return m_compileError; }

private:
    const Json* node(std::string_view genericPath) const;
    Json m_document;
    std::shared_ptr<const SchemaNode> m_root;
    std::string m_compileError;
};

} // namespace ckstudio
