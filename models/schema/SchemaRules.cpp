#include "schema/SchemaRules.h"

#include "schema/SchemaNode.h"
#include "text/EditDistance.h"
#include "schema/ValueText.h"

#include <algorithm>
#include <cmath>

namespace ckstudio {
namespace {

// A number too large for 64 bits arrives as a double; when it has no fraction it was written as an integer
// (99999999999999999999), so it is checked against the range rather than called "not an integer".
bool isIntegerBeyond64Bits(const Json& value) {
    if (!value.is_number_float())
        return false;
    const double v = value.get<double>();
    return std::isfinite(v) && std::floor(v) == v && std::fabs(v) >= 9223372036854775808.0;
}

bool matchesType(const Json& value, unsigned types) {
    switch (value.type()) {
    case Json::value_t::string:
        return types & SchemaNode::String;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return types & (SchemaNode::Integer | SchemaNode::Number);
    case Json::value_t::number_float:
        return (types & SchemaNode::Number) ||
               ((types & SchemaNode::Integer) && isIntegerBeyond64Bits(value));
    case Json::value_t::boolean: // true is not 1: the API's schema check keeps them apart
        return types & SchemaNode::Boolean;
    case Json::value_t::array:
        return types & SchemaNode::Array;
    case Json::value_t::object:
        return types & SchemaNode::Object;
    case Json::value_t::null:
        return types & SchemaNode::Null;
    default:
        return false;
    }
}

// Exact for every int64, uint64 and double: long double has at least a 64-bit mantissa on the targets we
// build.
long double numberValue(const Json& n) {
    if (n.is_number_unsigned())
        return static_cast<long double>(n.get<unsigned long long>());
    if (n.is_number_integer())
        return static_cast<long double>(n.get<long long>());
    return static_cast<long double>(n.get<double>());
}

// The schema key a misspelt key most likely meant, if one is close enough.
std::string closestKey(const std::string& key, const SchemaNode& schema) {
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(2, key.size() / 4) + 1;
    for (const auto& [candidate, node] : schema.properties) {
        const std::size_t d = editDistance(key, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

void SchemaRules::check(const Json& value, const SchemaNode& schema) {
    if (schema.types != 0 && !matchesType(value, schema.types)) {
        std::string message = "expected " + schema.typeDescription + ", got " + describeValue(value);
        if ((schema.types & SchemaNode::Integer) && value.is_number_float() &&
            std::isfinite(value.get<double>()) && std::floor(value.get<double>()) == value.get<double>())
            message += " (write whole numbers without a decimal point or exponent)";
        error(std::move(message));
        return;
    }
    if (!schema.enumValues.empty() &&
        std::find(schema.enumValues.begin(), schema.enumValues.end(), value) == schema.enumValues.end()) {
        error(valueText(value) + " is not one of " + schema.enumText);
        return;
    }
    switch (value.type()) {
    case Json::value_t::string:
        checkString(value.get_ref<const std::string&>(), schema);
        break;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        checkNumber(value, schema);
        break;
    case Json::value_t::array:
        checkArray(value, schema);
        break;
    case Json::value_t::object:
        checkObject(value, schema);
        break;
    default:
        break;
    }
}

void SchemaRules::checkString(const std::string& text, const SchemaNode& schema) {
    if (schema.minLength || schema.maxLength) {
        const std::size_t length = codePointCount(text);
        if (schema.minLength && length < *schema.minLength) {
            if (length == 0)
                error("empty; at least " + plural(*schema.minLength, "character is", "characters are") +
                      " required");
            else
                error(plural(length, "character", "characters") + ", fewer than the minimum length " +
                      std::to_string(*schema.minLength));
            return;
        }
        if (schema.maxLength && length > *schema.maxLength) {
            error(plural(length, "character", "characters") + ", more than the maximum length " +
                  std::to_string(*schema.maxLength));
            return;
        }
    }
    if (schema.regex && !schema.regex->match(QString::fromStdString(text)).hasMatch()) {
        if (schema.userError.empty())
            error(quotedShort(text) + " does not match the pattern " + schema.pattern);
        else
            error(quotedShort(text) + " is not allowed: " + schema.userError);
    }
}

void SchemaRules::checkNumber(const Json& value, const SchemaNode& schema) {
    const long double v = numberValue(value);
    if (schema.minimum && v < numberValue(*schema.minimum))
        error(value.dump() + " is below the minimum " + schema.minimum->dump());
    else if (schema.maximum && v > numberValue(*schema.maximum))
        error(value.dump() + " is above the maximum " + schema.maximum->dump());
}

void SchemaRules::checkArray(const Json& array, const SchemaNode& schema) {
    if (schema.minItems && array.size() < *schema.minItems)
        error(plural(array.size(), "item", "items") + ", fewer than the minimum " +
              std::to_string(*schema.minItems));
    else if (schema.maxItems && array.size() > *schema.maxItems)
        error(plural(array.size(), "item", "items") + ", more than the maximum " +
              std::to_string(*schema.maxItems));
    if (!schema.items)
        return;
    for (std::size_t i = 0; i < array.size(); ++i) {
        PathStep step(m_path, i);
        check(array[i], *schema.items);
    }
}

void SchemaRules::checkObject(const Json& object, const SchemaNode& schema) {
    for (const auto& key : schema.required)
        if (!object.contains(key))
            error("missing required key " + quotedShort(key));
    std::uint32_t position = 0;
    for (const auto& [key, member] : object.items()) {
        PathStep step(m_path, key, position++);
        if (const SchemaNode* sub = schema.property(key)) {
            check(member, *sub);
        } else if (schema.additionalSchema) {
            check(member, *schema.additionalSchema);
        } else if (!schema.additionalAllowed) {
            std::string message = "unknown key " + quotedShort(key);
            if (const std::string guess = closestKey(key, schema); !guess.empty())
                message += " (did you mean \"" + guess + "\"?)";
            if (schema.properties.empty())
                message += "; this object takes no keys";
            else
                message += "; allowed keys: " + schema.allowedKeysText;
            error(std::move(message));
        }
    }
}

} // namespace ckstudio
