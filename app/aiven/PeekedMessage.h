#pragma once
// One message read by the topic browser, whichever way it was read (Aiven's Kafka REST endpoint or a direct
// librdkafka read), and the texts the browser shows and exports for it.
#include "aiven/AivenTypes.h"
#include "kafka/KafkaReader.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <string>

namespace ckstudio {

struct PeekedMessage {
    int partition = 0;
    qint64 offset = 0;
    std::optional<qint64> timestampMs;
    std::optional<QByteArray> key;   // nullopt: no key
    std::optional<QByteArray> value; // nullopt: null value (tombstone)
    qint64 size() const { return (key ? key->size() : 0) + (value ? value->size() : 0); }
};

// REST messages must have been read with AivenMessageFormat::Binary (bytes, whatever the payload is).
PeekedMessage peekedMessage(const AivenMessage& message);
PeekedMessage peekedMessage(const KafkaMessage& message);

// One JSONEachRow line (no newline), the same shape as `ckstudio-cli peek --format jsonl`:
// {"partition","offset","timestamp" (ms or null),"key","value"}; a JSON payload as that JSON, other UTF-8
// text as a string, bytes that are not UTF-8 in "key_base64"/"value_base64" instead.
std::string messageJsonLine(const PeekedMessage& message);
// The same object indented, with a JSON value expanded, for reading.
QString prettyMessage(const PeekedMessage& message);
// The value's bytes exactly as stored: UTF-8 text as is, other bytes as "base64:...", "null" for none.
QString rawValue(const PeekedMessage& message);

} // namespace ckstudio
