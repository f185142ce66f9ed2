#pragma once
// One node of a compiled JSON schema: the keywords of a schema object, checked and pre-digested once (regexes
// compiled, property lookup indexed, message fragments joined) so that validating a large config stays cheap.
#include "domain/Json.h"

#include <QRegularExpression>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ckstudio {

struct SchemaNode {
    // JSON types the node accepts, as bits; 0 accepts any value.
    enum TypeBit : unsigned {
        String = 1u << 0,
        Integer = 1u << 1,
        Number = 1u << 2,
        Boolean = 1u << 3,
        Array = 1u << 4,
        Object = 1u << 5,
        Null = 1u << 6,
    };
    unsigned types = 0;
    std::string typeName;        // as the schema spells it: "string", "integer or null"
    std::string typeDescription; // for messages: "a string", "an integer or null"

    std::string title;
    std::string description;
    std::optional<Json> defaultValue;
    std::optional<Json> example;

    std::vector<Json> enumValues;
    std::string enumText; // "Avro, AvroConfluent, CSV" for messages

    std::optional<Json> minimum; // JSON numbers, compared exactly (see ConfigValidator)
    std::optional<Json> maximum;
    std::optional<std::size_t> minLength; // Unicode code points
    std::optional<std::size_t> maxLength;
    std::optional<std::size_t> minItems;
    std::optional<std::size_t> maxItems;

    std::string pattern;
    std::optional<QRegularExpression> regex;
    std::string userError;

    // Objects: properties in schema order, an index for lookup, required keys in schema order.
    std::vector<std::pair<std::string, std::shared_ptr<const SchemaNode>>> properties;
    std::unordered_map<std::string, std::size_t> propertyIndex;
    std::vector<std::string> required;
    // Keys the schema does not list: rejected unless additionalProperties is true or a schema.
    bool additionalAllowed = false;
    std::shared_ptr<const SchemaNode> additionalSchema;
    std::string allowedKeysText; // "name, columns, topics" for messages

    // Arrays.
    std::shared_ptr<const SchemaNode> items;

    const SchemaNode* property(const std::string& key) const {
        auto it = propertyIndex.find(key);
        return it == propertyIndex.end() ? nullptr : properties[it->second].second.get();
    }
    bool isRequired(const std::string& key) const {
        for (const auto& r : required)
            if (r == key)
                return true;
        return false;
    }
};

} // namespace ckstudio
