#pragma once
// Conversions between JSON scalars and QVariant for item models and editors.
#include "domain/Json.h"

#include <QString>
#include <QVariant>

namespace ckstudio {

// Scalars become bool / qlonglong / double / QString; arrays and objects their compact JSON text.
QVariant jsonToVariant(const Json& value);
// Converts an edited value to the JSON type the schema expects ("integer", "number", "boolean", "string").
// Returns null JSON when `value` cannot be read as that type.
Json variantToJson(const QVariant& value, const std::string& schemaType);
// How a value reads in a cell: strings bare, everything else as compact JSON.
QString jsonDisplayText(const Json& value);

} // namespace ckstudio
