#pragma once
// How JSON values and keys appear in validation messages: short, quoted, never a whole subtree.
#include "domain/Json.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace ckstudio {

// Unicode code points of UTF-8 text (what JSON schema's minLength/maxLength count), not bytes.
std::size_t codePointCount(std::string_view utf8);

// A JSON string literal of `text`, shortened to about `maxCodePoints` with "..." so that a 1000-character
// value does not flood a message.
std::string quotedShort(std::string_view text, std::size_t maxCodePoints = 60);

// A scalar as it reads in JSON ("x" quoted and shortened, 5, 1.5, true, null); arrays and objects by kind.
std::string valueText(const Json& value);

// The value with its kind for type errors: "the string \"5\"", "the number 1.5", "an array", "null".
std::string describeValue(const Json& value);

// One step of a JSON path: plain when it is an identifier-like key, ["..."] otherwise.
void appendPathKey(std::string& path, std::string_view key);

} // namespace ckstudio
