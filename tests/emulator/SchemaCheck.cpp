#include "SchemaCheck.h"

#include <QRegularExpression>
#include <QString>

namespace ckstudio::emulator {
namespace {

bool hasType(const Json& value, const std::string& type) {
    if (type == "object")
        return value.is_object();
    if (type == "array")
        return value.is_array();
    if (type == "string")
        return value.is_string();
    if (type == "integer")
        return value.is_number_integer() ||
               (value.is_number_float() &&
                value.get<double>() == static_cast<double>(static_cast<long long>(value.get<double>())));
    if (type == "number")
        return value.is_number();
    if (type == "boolean")
        return value.is_boolean();
    if (type == "null")
        return value.is_null();
    return true;
}

std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

std::string where(const std::string& path) {
    return path.empty() ? std::string("user_config") : path;
}

} // namespace

std::vector<std::string> checkAgainstSchema(const Json& value, const Json& schema, const std::string& path) {
    std::vector<std::string> problems;
    if (!schema.is_object())
        return problems;
    if (schema.contains("type")) {
        const Json& t = schema.at("type");
        bool ok = false;
        if (t.is_string())
            ok = hasType(value, t.get<std::string>());
        else if (t.is_array())
            for (const auto& one : t)
                ok = ok || (one.is_string() && hasType(value, one.get<std::string>()));
        else
            ok = true;
        if (!ok) {
            problems.push_back(where(path) + ": " + value.dump() + " is not of type " + t.dump());
            return problems;
        }
    }
    if (schema.contains("enum") && schema.at("enum").is_array()) {
        bool found = false;
        for (const auto& option : schema.at("enum"))
            found = found || option == value;
        if (!found)
            problems.push_back(where(path) + ": " + value.dump() + " is not one of " +
                               schema.at("enum").dump());
    }
    if (value.is_string()) {
        const auto length = QString::fromStdString(value.get<std::string>()).size();
        if (schema.contains("minLength") && length < schema.at("minLength").get<long long>())
            problems.push_back(where(path) + ": " + value.dump() + " is too short");
        if (schema.contains("maxLength") && length > schema.at("maxLength").get<long long>())
            problems.push_back(where(path) + ": " + value.dump() + " is too long");
        if (schema.contains("pattern") && schema.at("pattern").is_string()) {
            const QRegularExpression re(QString::fromStdString(schema.at("pattern").get<std::string>()));
            if (re.isValid() && !re.match(QString::fromStdString(value.get<std::string>())).hasMatch())
                problems.push_back(where(path) + ": " + value.dump() + " does not match " +
                                   schema.at("pattern").dump());
        }
    }
    if (value.is_number()) {
        const double n = value.get<double>();
        if (schema.contains("minimum") && schema.at("minimum").is_number() &&
            n < schema.at("minimum").get<double>())
            problems.push_back(where(path) + ": " + value.dump() + " is less than the minimum of " +
                               schema.at("minimum").dump());
        if (schema.contains("maximum") && schema.at("maximum").is_number() &&
            n > schema.at("maximum").get<double>())
            problems.push_back(where(path) + ": " + value.dump() + " is greater than the maximum of " +
                               schema.at("maximum").dump());
    }
    if (value.is_array()) {
        if (schema.contains("maxItems") &&
            static_cast<long long>(value.size()) > schema.at("maxItems").get<long long>())
            problems.push_back(where(path) + ": has more than " + schema.at("maxItems").dump() + " items");
        if (schema.contains("items"))
            for (std::size_t i = 0; i < value.size(); ++i) {
                auto sub =
                    checkAgainstSchema(value.at(i), schema.at("items"), path + "[" + std::to_string(i) + "]");
                problems.insert(problems.end(), sub.begin(), sub.end());
            }
    }
    if (value.is_object()) {
        if (schema.contains("required") && schema.at("required").is_array())
            for (const auto& key : schema.at("required"))
                if (key.is_string() && !value.contains(key.get<std::string>()))
                    problems.push_back(where(path) + ": '" + key.get<std::string>() +
                                       "' is a required property");
        const Json props = schema.contains("properties") ? schema.at("properties") : Json::object();
        const bool closed =
            !(schema.contains("additionalProperties") && schema.at("additionalProperties") != false);
        for (const auto& [key, item] : value.items()) {
            if (props.contains(key)) {
                auto sub = checkAgainstSchema(item, props.at(key), join(path, key));
                problems.insert(problems.end(), sub.begin(), sub.end());
            } else if (closed) {
                problems.push_back(where(path) + ": additional property '" + key + "' is not allowed");
            }
        }
    }
    return problems;
}

} // namespace ckstudio::emulator
