#pragma once
// Checks that a payload is one JSON value and writes it without insignificant whitespace, in one pass and
// without building the value: peek prints every JSON message this way, and building a Json of each one to
// check it (domain/JsonParser) was most of the CPU a peek of many messages took.
//
// It accepts exactly what parseJsonValue() accepts (RFC 8259, strings of valid UTF-8 with paired surrogate
// escapes, finite numbers, at most kMaxDepth nested arrays/objects, a leading UTF-8 byte order mark) and
// writes what compactJson() would: every byte outside the whitespace between tokens, as it was (numbers, key
// order, escapes and a byte order mark stay). tst_message_text compares the two on generated documents.
#include <string>
#include <string_view>

namespace ckstudio {

inline constexpr int kMaxJsonDepth = 256;

// Appends the compacted JSON to `out` and returns true; false, with `out` as it was, when `text` is not one
// JSON value or nests deeper than kMaxJsonDepth.
bool appendCompactJson(std::string_view text, std::string& out);

} // namespace ckstudio
