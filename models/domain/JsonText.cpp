#include "domain/JsonText.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace ckstudio {
namespace {

struct TooDeep {};

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

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column 2: ".
std::string plainMessage(const std::string& what) {
    auto pos = what.find(": ");
    if (pos == std::string::npos && !what.empty() && what.front() == '[') {
        const auto bracket = what.find("] ");
        pos = bracket == std::string::npos ? pos : bracket;
    }
    std::string msg = pos == std::string::npos ? what : what.substr(pos + 2);
    if (msg.rfind("syntax error while parsing value - ", 0) == 0)
        msg = msg.substr(35);
    return msg;
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
    std::size_t deepestOffset = 0;
    try {
        // The callback sees the depth of every value; nesting far beyond any config is refused before the
        // recursive code (validation, writing) ever sees it.
        auto json = Json::parse(
            text.begin(), text.end(),
            [&](int depth, Json::parse_event_t, Json&) {
                if (depth > limits.maxDepth)
                    throw TooDeep{};
                return true;
            },
            true, false);
        result.value = std::move(json);
    } catch (const Json::parse_error& e) {
        result.error = positionOf(text, e.byte > 0 ? e.byte - 1 : 0, plainMessage(e.what()));
    } catch (const Json::out_of_range& e) {
        // A number beyond double's range ("1e400") is refused by the parser with the literal in its message.
        std::string message = plainMessage(e.what());
        std::size_t offset = 0;
        const auto open = message.find('\'');
        const auto close = message.rfind('\'');
        if (open != std::string::npos && close > open) {
            const auto found = text.find(message.substr(open + 1, close - open - 1));
            if (found != std::string_view::npos)
                offset = found;
        }
        result.error = positionOf(text, offset, message);
    } catch (const Json::exception& e) {
        // Anything else the parser throws is still an error about the text, never a crash.
        result.error = positionOf(text, 0, plainMessage(e.what()));
    } catch (const TooDeep&) {
        // Find where the nesting got too deep, for the message.
        int depth = 0;
        bool inString = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > limits.maxDepth) {
                    deepestOffset = i;
                    break;
                }
            } else if (c == ']' || c == '}') {
                --depth;
            }
        }
        result.error = positionOf(text, deepestOffset,
                                  "nesting deeper than " + std::to_string(limits.maxDepth) + " levels");
    }
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
    auto parsed = parseJsonText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), limits);
    if (!parsed) {
        const auto& e = *parsed.error;
        result.error = name + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
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
