#pragma once
// A strict RFC 8259 reader straight into the domain's Json (nlohmann::ordered_json), used for every config
// file. nlohmann's own parser keeps three copies of each character it reads (token text for messages, token
// buffer, value) and grows each object's member vector by deep copies; on the largest config the schema
// allows that was over half of `ckstudio-cli validate`. This reader copies string runs in bulk and builds
// each object once, at its final size.
//
// It produces what nlohmann::ordered_json::parse produces for the same text: positive integers as unsigned,
// negative as signed, integers beyond 64 bits as doubles, a duplicate key keeps its first position and its
// last value. Strings must be valid UTF-8 (no overlong forms, no surrogates); escapes must pair surrogates.
#include "domain/Json.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace ckstudio {

struct JsonParseFailure {
    std::size_t offset = 0; // byte offset of the offending character
    std::string message;
    bool tooDeep = false;
};

// Returns false and fills `failure` when the text is not one JSON value (with optional surrounding
// whitespace) or nests arrays/objects deeper than maxDepth levels.
bool parseJsonValue(std::string_view text, int maxDepth, Json& out, JsonParseFailure& failure);

} // namespace ckstudio
