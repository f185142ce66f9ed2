#pragma once
// Reading JSON text defensively: size and nesting limits, positions as line:column.
#include "domain/Json.h"

#include <QString>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ckstudio {

struct JsonParseError {
    std::size_t line = 0;   // 1-based
    std::size_t column = 0; // 1-based, in bytes
    std::string message;
};

struct JsonReadResult {
    std::optional<Json> value;
    std::optional<JsonParseError> error;
    explicit operator bool() const { return value.has_value(); }
};

struct JsonLimits {
    std::size_t maxBytes = 64u * 1024u * 1024u;
    int maxDepth = 256; // user_config is 5 levels deep; anything far deeper is not a config
};

JsonReadResult parseJsonText(std::string_view text, const JsonLimits& limits = {});

struct JsonFileResult {
    std::optional<Json> value;
    // "FILE:LINE:COL: message" for a parse error, "FILE: message" for I/O errors.
    std::string error;
    bool ioError = false;
    explicit operator bool() const { return value.has_value(); }
};

JsonFileResult readJsonFile(const QString& path, const JsonLimits& limits = {});

// Canonical text: two-space indent, keys in document order, UTF-8 kept, trailing newline.
std::string formatJson(const Json& json);

// Writes atomically (QSaveFile). Returns an error message, empty on success.
std::string writeTextFileAtomically(const QString& path, const std::string& text);

} // namespace ckstudio
