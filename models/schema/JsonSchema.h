#pragma once
// A parsed JSON schema document (the subset Aiven's user_config schemas use: type, properties, required,
// items, enum, minimum/maximum, minLength/maxLength, pattern, maxItems/minItems, default, title, description,
// additionalProperties). Also answers the editor's questions about fields (titles, defaults, ranges).
#include "domain/Json.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ckstudio {

// What the schema says about one property.
struct SchemaProperty {
    std::string name;        // key, e.g. "num_consumers"
    std::string type;        // "string", "integer", "boolean", "array", "object", "number"
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

private:
    const Json* node(std::string_view genericPath) const;
    Json m_document;
};

} // namespace ckstudio
