#pragma once
// The bundled user_config schema with its table settings edited, as a live schema from the API may differ
// (header only: for the tests that link ckstudio_models).
#include "schema/ConfigValidator.h"
#include "schema/JsonSchema.h"

#include <QtGlobal>
#include <functional>
#include <memory>

namespace ckstudio::test {

inline std::shared_ptr<const ConfigValidator>
validatorWithEditedSettings(const std::function<void(Json& settings)>& editSettings) {
    Json document = ConfigValidator::bundledSchema()->document();
    editSettings(document["properties"]["tables"]["items"]["properties"]);
    std::string error;
    auto schema = ConfigValidator::loadSchema(document, &error);
    if (!schema)
        qFatal("unusable test schema: %s", error.c_str());
    return std::make_shared<const ConfigValidator>(schema);
}

} // namespace ckstudio::test
