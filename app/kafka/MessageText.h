#pragma once
// How `peek --bootstrap` prints message keys and values, one per line, so that every line can be parsed
// back without ambiguity:
//  - a payload that is valid JSON is printed as that JSON, with insignificant whitespace removed (numbers,
//    key order and escapes stay exactly as produced);
//  - other valid UTF-8 text is printed as a JSON string ("..." with \", \\, \n, \t, \r, \uXXXX escapes);
//  - bytes that are not UTF-8 (Avro, Protobuf, compressed data) as "base64:" followed by standard base64;
//  - a null payload (tombstone, or no key) as null.
#include <QByteArray>
#include <optional>
#include <string>

namespace ckstudio {

struct KafkaMessage;

std::string payloadAsLine(const std::optional<QByteArray>& payload);

// The same as JSON text (a JSON value, a JSON string or null); nullopt for bytes that are not UTF-8.
std::optional<std::string> payloadAsJson(const std::optional<QByteArray>& payload);

// The JSON text with whitespace outside strings removed; the input must be valid JSON.
std::string compactJson(const QByteArray& json);

// A JSON string literal for UTF-8 text (escapes quotes, backslashes and control characters).
std::string jsonStringLiteral(const QByteArray& utf8);

// How `peek --bootstrap` prints a whole message:
//  Values  its value as payloadAsLine() does
//  Jsonl   {"partition","offset","timestamp" (ms or null),"key","value"}, with "key_base64"/"value_base64"
//          instead for a key or value that is not UTF-8
enum class MessageLineFormat { Values, Jsonl };

// Appends the message as one line, its newline included.
void appendMessageLine(const KafkaMessage& message, MessageLineFormat format, std::string& out);

} // namespace ckstudio
