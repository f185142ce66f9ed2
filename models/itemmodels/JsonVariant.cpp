#include "itemmodels/JsonVariant.h"

namespace ckstudio {

QVariant jsonToVariant(const Json& value) {
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number_integer())
        return QVariant::fromValue(value.get<qlonglong>());
    if (value.is_number_float())
        return value.get<double>();
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

Json variantToJson(const QVariant& value, const std::string& schemaType) {
    if (!value.isValid())
        return nullptr;
    bool ok = false;
    if (schemaType == "integer") {
        const qlonglong number = value.toLongLong(&ok);
        return ok ? Json(static_cast<std::int64_t>(number)) : Json(nullptr);
    }
    if (schemaType == "number") {
        const double number = value.toDouble(&ok);
        return ok ? Json(number) : Json(nullptr);
    }
    if (schemaType == "boolean") {
        if (value.typeId() == QMetaType::Bool)
            return value.toBool();
        const QString text = value.toString().trimmed().toLower();
        if (text == QLatin1String("true"))
            return true;
        if (text == QLatin1String("false"))
            return false;
        return nullptr;
    }
    return value.toString().toStdString();
}

QString jsonDisplayText(const Json& value) {
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

} // namespace ckstudio
