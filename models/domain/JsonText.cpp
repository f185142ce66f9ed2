#include "domain/JsonText.h"

#include "domain/JsonParser.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <utility>

namespace ckstudio {
namespace {

JsonParseError positionOf(std::string_view text, std::size_t byteOffset, std::string message) {
    JsonParseError e;
    e.line = 1;
    e.column = 1;
    const std::size_t end = std::min(byteOffset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++e.line;
            e.column = 1;
        } else {
            ++e.column;
        }
    }
    e.message = std::move(message);
    return e;
}

} // namespace

JsonReadResult parseJsonText(std::string_view text, const JsonLimits& limits) {
    JsonReadResult result;
    if (text.size() > limits.maxBytes) {
        result.error = JsonParseError{1, 1,
                                      "file is " + std::to_string(text.size()) + " bytes, more than the " +
                                          std::to_string(limits.maxBytes) + " bytes a config can have"};
        return result;
    }
    // Nesting far beyond any config is refused before the recursive code (validation, writing) sees it.
    Json value;
    JsonParseFailure failure;
    if (parseJsonValue(text, limits.maxDepth, value, failure))
        result.value = std::move(value);
    else
        result.error = positionOf(text, failure.offset, std::move(failure.message));
    return result;
}

JsonFileResult readJsonFile(const QString& path, const JsonLimits& limits) {
    JsonFileResult result;
    const std::string name = path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.ioError = true;
        result.error = name + ": " + file.errorString().toStdString();
        return result;
    }
    if (static_cast<std::size_t>(file.size()) > limits.maxBytes) {
        result.error = name + ":1:1: file is " + std::to_string(file.size()) + " bytes, more than the " +
                       std::to_string(limits.maxBytes) + " bytes a config can have";
        return result;
    }
    const QByteArray bytes = file.readAll();
    auto parsed =
        parseJsonText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), limits);
    if (!parsed) {
        const auto& e = *parsed.error;
        result.error =
            name + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
        return result;
    }
    result.value = std::move(parsed.value);
    return result;
}

std::string formatJson(const Json& json) {
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string writeTextFileAtomically(const QString& path, const std::string& text) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path.toStdString() + ": " + file.errorString().toStdString();
    if (file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
        const auto err = file.errorString().toStdString();
        file.cancelWriting();
        return path.toStdString() + ": " + err;
    }
    if (!file.commit())
        return path.toStdString() + ": " + file.errorString().toStdString();
    return {};
}

} // namespace ckstudio
