#include "schema/JsonSchema.h"

#include "schema/SchemaNode.h"
#include "schema/ValueText.h"

#include <array>
#include <limits>

namespace ckstudio {
namespace {

struct TypeName {
    const char* name;
    SchemaNode::TypeBit bit;
    const char* article; // for messages: "a string"
};

constexpr std::array<TypeName, 7> kTypeNames = {{
    {"string", SchemaNode::String, "a string"},
    {"integer", SchemaNode::Integer, "an integer"},
    {"number", SchemaNode::Number, "a number"},
    {"boolean", SchemaNode::Boolean, "a boolean"},
    {"array", SchemaNode::Array, "an array"},
    {"object", SchemaNode::Object, "an object"},
    {"null", SchemaNode::Null, "null"},
}};

const TypeName* findTypeName(const std::string& name) {
    for (const auto& t : kTypeNames)
        if (name == t.name)
            return &t;
    return nullptr;
}

std::string keywordPath(const std::string& where, std::string_view keyword) {
    return where.empty() ? std::string(keyword) : where + "." + std::string(keyword);
}

bool isNonNegativeInteger(const Json& v) {
    return v.is_number_unsigned() || (v.is_number_integer() && v.get<long long>() >= 0);
}

// JSON schema patterns are ECMA-262, where "$" (without the multiline flag) is the end of the input; in PCRE
// it also matches before a final newline, which would let "topic\n" through. Outside character classes an
// unescaped "$" becomes "\z"; the rest of the subset Aiven uses reads the same in both dialects.
QString ecmaPatternForPcre(const std::string& pattern) {
    std::string out;
    bool inClass = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            out += c;
            out += pattern[++i];
        } else if (inClass) {
            inClass = c != ']';
            out += c;
        } else if (c == '[') {
            inClass = true;
            out += c;
            if (i + 1 < pattern.size() && pattern[i + 1] == '^')
                out += pattern[++i];
            if (i + 1 < pattern.size() && pattern[i + 1] == ']') // a leading "]" is a member
                out += pattern[++i];
        } else if (c == '$') {
            out += "\\z";
        } else {
            out += c;
        }
    }
    return QString::fromStdString(out);
}

// Turns schema objects into SchemaNodes. Keywords outside the supported subset (and Aiven's own markers such
// as _secure or example) are ignored; a supported keyword with the wrong shape is a compile error. The first
// error is kept and compilation continues, so that a caller who ignores it still gets the usable rest.
class SchemaCompiler {
public:
    std::shared_ptr<const SchemaNode> compile(const Json& schema, const std::string& where) {
        auto node = std::make_shared<SchemaNode>();
        if (!schema.is_object()) {
            fail(where, "expected a schema object, got " + describeValue(schema));
            return node;
        }
        readType(schema, where, *node);
        readText(schema, "title", node->title);
        readText(schema, "description", node->description);
        readText(schema, "user_error", node->userError);
        if (auto it = schema.find("default"); it != schema.end())
            node->defaultValue = *it;
        if (auto it = schema.find("example"); it != schema.end())
            node->example = *it;
        readEnum(schema, where, *node);
        node->minimum = readNumber(schema, where, "minimum");
        node->maximum = readNumber(schema, where, "maximum");
        node->minLength = readCount(schema, where, "minLength");
        node->maxLength = readCount(schema, where, "maxLength");
        node->minItems = readCount(schema, where, "minItems");
        node->maxItems = readCount(schema, where, "maxItems");
        readPattern(schema, where, *node);
        readProperties(schema, where, *node);
        readRequired(schema, where, *node);
        readAdditional(schema, where, *node);
        if (auto it = schema.find("items"); it != schema.end()) {
            if (it->is_object())
                node->items = compile(*it, keywordPath(where, "items"));
            else
                fail(keywordPath(where, "items"),
                     "expected one schema object (tuple schemas are not supported)");
        }
        return node;
    }

    const std::string& firstError() const { return m_firstError; }

private:
    void fail(const std::string& where, const std::string& message) {
        if (m_firstError.empty())
            m_firstError = (where.empty() ? std::string("(schema)") : where) + ": " + message;
    }

    static void readText(const Json& schema, const char* keyword, std::string& target) {
        if (auto it = schema.find(keyword); it != schema.end() && it->is_string())
            target = it->get<std::string>();
    }

    void readType(const Json& schema, const std::string& where, SchemaNode& node) {
        auto it = schema.find("type");
        if (it == schema.end())
            return;
        std::vector<std::string> names;
        if (it->is_string()) {
            names.push_back(it->get<std::string>());
        } else if (it->is_array()) {
            for (const auto& n : *it) {
                if (!n.is_string()) {
                    fail(keywordPath(where, "type"), "expected type names, got " + describeValue(n));
                    return;
                }
                names.push_back(n.get<std::string>());
            }
        } else {
            fail(keywordPath(where, "type"),
                 "expected a type name or a list of them, got " + describeValue(*it));
            return;
        }
        for (const auto& name : names) {
            const TypeName* t = findTypeName(name);
            if (!t) {
                fail(keywordPath(where, "type"), "unknown type " + quotedShort(name) +
                                                     "; known: string, integer, number, boolean, array, "
                                                     "object, null");
                return;
            }
            node.types |= t->bit;
            if (!node.typeName.empty()) {
                node.typeName += " or ";
                node.typeDescription += " or ";
            }
            node.typeName += t->name;
            node.typeDescription += t->article;
        }
    }

    void readEnum(const Json& schema, const std::string& where, SchemaNode& node) {
        auto it = schema.find("enum");
        if (it == schema.end())
            return;
        if (!it->is_array() || it->empty()) {
            fail(keywordPath(where, "enum"), "expected a non-empty list of values");
            return;
        }
        for (const auto& v : *it) {
            node.enumValues.push_back(v);
            if (!node.enumText.empty())
                node.enumText += ", ";
            node.enumText += v.is_string() ? v.get<std::string>() : v.dump();
        }
    }

    std::optional<Json> readNumber(const Json& schema, const std::string& where, const char* keyword) {
        auto it = schema.find(keyword);
        if (it == schema.end())
            return std::nullopt;
        if (!it->is_number()) {
            fail(keywordPath(where, keyword), "expected a number, got " + describeValue(*it));
            return std::nullopt;
        }
        return *it;
    }

    std::optional<std::size_t> readCount(const Json& schema, const std::string& where, const char* keyword) {
        auto it = schema.find(keyword);
        if (it == schema.end())
            return std::nullopt;
        if (!isNonNegativeInteger(*it)) {
            fail(keywordPath(where, keyword), "expected a non-negative integer, got " + describeValue(*it));
            return std::nullopt;
        }
        return static_cast<std::size_t>(it->get<unsigned long long>());
    }

    void readPattern(const Json& schema, const std::string& where, SchemaNode& node) {
        auto it = schema.find("pattern");
        if (it == schema.end())
            return;
        if (!it->is_string()) {
            fail(keywordPath(where, "pattern"), "expected a regular expression, got " + describeValue(*it));
            return;
        }
        node.pattern = it->get<std::string>();
        QRegularExpression re(ecmaPatternForPcre(node.pattern));
        if (!re.isValid()) {
            fail(keywordPath(where, "pattern"),
                 "not a valid regular expression: " + re.errorString().toStdString() + " at offset " +
                     std::to_string(re.patternErrorOffset()));
            return;
        }
        re.optimize(); // compile now, once, instead of on the first of many matches
        node.regex = std::move(re);
    }

    void readProperties(const Json& schema, const std::string& where, SchemaNode& node) {
        auto it = schema.find("properties");
        if (it == schema.end())
            return;
        const std::string at = keywordPath(where, "properties");
        if (!it->is_object()) {
            fail(at, "expected an object of property schemas, got " + describeValue(*it));
            return;
        }
        for (const auto& [key, sub] : it->items()) {
            node.propertyIndex.emplace(key, node.properties.size());
            node.properties.emplace_back(key, compile(sub, keywordPath(at, key)));
            if (!node.allowedKeysText.empty())
                node.allowedKeysText += ", ";
            node.allowedKeysText += key;
        }
    }

    void readRequired(const Json& schema, const std::string& where, SchemaNode& node) {
        auto it = schema.find("required");
        if (it == schema.end())
            return;
        if (!it->is_array()) {
            fail(keywordPath(where, "required"), "expected a list of keys, got " + describeValue(*it));
            return;
        }
        for (const auto& key : *it) {
            if (!key.is_string()) {
                fail(keywordPath(where, "required"), "expected key names, got " + describeValue(key));
                return;
            }
            node.required.push_back(key.get<std::string>());
        }
    }

    void readAdditional(const Json& schema, const std::string& where, SchemaNode& node) {
        auto it = schema.find("additionalProperties");
        if (it == schema.end())
            return; // closed: the API rejects keys its schema does not list
        if (it->is_boolean()) {
            node.additionalAllowed = it->get<bool>();
        } else if (it->is_object()) {
            node.additionalAllowed = true;
            node.additionalSchema = compile(*it, keywordPath(where, "additionalProperties"));
        } else {
            fail(keywordPath(where, "additionalProperties"),
                 "expected true, false or a schema, got " + describeValue(*it));
        }
    }

    std::string m_firstError;
};

// "tables[].columns[].type" -> {"tables[]", "columns[]", "type"}; "" -> {}.
std::vector<std::string_view> splitGenericPath(std::string_view path) {
    std::vector<std::string_view> parts;
    while (!path.empty()) {
        const auto dot = path.find('.');
        parts.push_back(path.substr(0, dot));
        if (dot == std::string_view::npos)
            break;
        path.remove_prefix(dot + 1);
    }
    return parts;
}

// Splits "columns[]" into the key "columns" and how many item levels follow it.
std::pair<std::string_view, int> keyAndItemLevels(std::string_view part) {
    int levels = 0;
    while (part.size() >= 2 && part.substr(part.size() - 2) == "[]") {
        part.remove_suffix(2);
        ++levels;
    }
    return {part, levels};
}

std::optional<long long> asLongLong(const std::optional<Json>& number) {
    if (!number)
        return std::nullopt;
    if (number->is_number_unsigned()) {
        const auto v = number->get<unsigned long long>();
        if (v <= static_cast<unsigned long long>(std::numeric_limits<long long>::max()))
            return static_cast<long long>(v);
        return std::nullopt;
    }
    if (number->is_number_integer())
        return number->get<long long>();
    return std::nullopt; // a fractional bound has no place in SchemaProperty's integer fields
}

SchemaProperty describe(const std::string& name, const SchemaNode& node, bool required) {
    SchemaProperty p;
    p.name = name;
    p.type = node.typeName;
    p.title = node.title;
    p.description = node.description;
    p.defaultValue = node.defaultValue;
    p.example = node.example;
    for (const auto& v : node.enumValues)
        p.enumValues.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    p.minimum = asLongLong(node.minimum);
    p.maximum = asLongLong(node.maximum);
    p.minLength = node.minLength;
    p.maxLength = node.maxLength;
    p.maxItems = node.maxItems;
    p.pattern = node.pattern;
    p.userError = node.userError;
    p.required = required;
    return p;
}

} // namespace

JsonSchema::JsonSchema(Json document)
    : m_document(std::move(document)) {
    SchemaCompiler compiler;
    m_root = compiler.compile(m_document, {});
    m_compileError = compiler.firstError();
    if (m_compileError.empty() && m_root->types != 0 && (m_root->types & SchemaNode::Object) == 0)
        m_compileError = "type: a user_config schema describes an object, this one " + m_root->typeName;
}

const SchemaNode* JsonSchema::compiledNode(std::string_view genericPath) const {
    const SchemaNode* current = m_root.get();
    for (auto part : splitGenericPath(genericPath)) {
        auto [key, levels] = keyAndItemLevels(part);
        if (!key.empty()) {
            current = current->property(std::string(key));
            if (!current)
                return nullptr;
        }
        for (int i = 0; i < levels; ++i) {
            current = current->items.get();
            if (!current)
                return nullptr;
        }
    }
    return current;
}

const Json* JsonSchema::node(std::string_view genericPath) const {
    const Json* current = &m_document;
    for (auto part : splitGenericPath(genericPath)) {
        auto [key, levels] = keyAndItemLevels(part);
        if (!key.empty()) {
            if (!current->is_object())
                return nullptr;
            auto props = current->find("properties");
            if (props == current->end() || !props->is_object())
                return nullptr;
            auto it = props->find(std::string(key));
            if (it == props->end())
                return nullptr;
            current = &*it;
        }
        for (int i = 0; i < levels; ++i) {
            if (!current->is_object())
                return nullptr;
            auto it = current->find("items");
            if (it == current->end())
                return nullptr;
            current = &*it;
        }
    }
    return current;
}

std::optional<SchemaProperty> JsonSchema::property(std::string_view genericPath) const {
    const SchemaNode* found = compiledNode(genericPath);
    if (!found || !node(genericPath))
        return std::nullopt;
    // The name is the last key of the path; "required" is what the enclosing object says about it.
    const auto parts = splitGenericPath(genericPath);
    const std::string name =
        parts.empty() ? std::string() : std::string(keyAndItemLevels(parts.back()).first);
    bool required = false;
    if (!parts.empty()) {
        const auto dot = genericPath.rfind('.');
        const std::string_view parentPath =
            dot == std::string_view::npos ? std::string_view() : genericPath.substr(0, dot);
        if (const SchemaNode* parent = compiledNode(parentPath))
            required = parent->isRequired(name);
    }
    return describe(name, *found, required);
}

std::vector<SchemaProperty> JsonSchema::properties(std::string_view genericObjectPath) const {
    std::vector<SchemaProperty> result;
    const SchemaNode* object = compiledNode(genericObjectPath);
    if (!object)
        return result;
    for (const auto& [key, sub] : object->properties)
        result.push_back(describe(key, *sub, object->isRequired(key)));
    return result;
}

std::vector<SchemaProperty> JsonSchema::tableSettings() const {
    static const std::array<std::string_view, 6> notSettings = {
        "name", "columns", "topics", "data_format", "group_name", "materialized_view"};
    std::vector<SchemaProperty> result;
    const SchemaNode* table = compiledNode("tables[]");
    if (!table)
        return result;
    for (const auto& [key, sub] : table->properties) {
        bool skip = (sub->types & (SchemaNode::Array | SchemaNode::Object)) != 0;
        for (auto n : notSettings)
            skip = skip || key == n;
        if (!skip)
            result.push_back(describe(key, *sub, table->isRequired(key)));
    }
    return result;
}

} // namespace ckstudio
