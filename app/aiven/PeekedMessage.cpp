#include "aiven/PeekedMessage.h"

#include "domain/JsonText.h"
#include "kafka/MessageText.h"

#include <QStringDecoder>

namespace ckstudio {
namespace {

std::optional<Json> parsed(const std::optional<std::string>& text) {
    if (!text)
        return std::nullopt;
    auto result = parseJsonText(*text);
    if (!result)
        return std::nullopt;
    return *result.value;
}

bool isUtf8(const QByteArray& bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes); // decode() is lazy until converted
    return !decoder.hasError();
}

// key/value of the exported object; a payload that is not UTF-8 goes to NAME_base64.
void putPayload(std::string& line, const char* name, const std::optional<QByteArray>& payload) {
    if (const auto json = payloadAsJson(payload)) {
        line += ",\"" + std::string(name) + "\":" + *json;
        return;
    }
    line += ",\"" + std::string(name) + "_base64\":\"" + payload->toBase64().toStdString() + "\"";
}

} // namespace

PeekedMessage peekedMessage(const AivenMessage& message) {
    PeekedMessage out;
    out.partition = message.partition;
    out.offset = message.offset;
    out.timestampMs = message.timestamp;
    out.key = message.keyBytes;
    out.value = message.valueBytes;
    return out;
}

PeekedMessage peekedMessage(const KafkaMessage& message) {
    PeekedMessage out;
    out.partition = message.partition;
    out.offset = message.offset;
    if (message.timestampMs >= 0)
        out.timestampMs = message.timestampMs;
    out.key = message.key;
    out.value = message.value;
    return out;
}

std::string messageJsonLine(const PeekedMessage& message) {
    std::string line = "{\"partition\":" + std::to_string(message.partition) +
                       ",\"offset\":" + std::to_string(message.offset) + ",\"timestamp\":" +
                       (message.timestampMs ? std::to_string(*message.timestampMs) : std::string("null"));
    putPayload(line, "key", message.key);
    putPayload(line, "value", message.value);
    return line + "}";
}

QString prettyMessage(const PeekedMessage& message) {
    auto object = parsed(messageJsonLine(message));
    return object ? QString::fromStdString(object->dump(2)) : QString();
}

QString rawValue(const PeekedMessage& message) {
    if (!message.value)
        return QStringLiteral("null");
    if (isUtf8(*message.value))
        return QString::fromUtf8(*message.value);
    return QStringLiteral("base64:") + QString::fromLatin1(message.value->toBase64());
}

} // namespace ckstudio
