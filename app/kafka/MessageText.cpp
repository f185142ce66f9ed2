#include "kafka/MessageText.h"

#include "domain/JsonParser.h"
#include "kafka/KafkaReader.h"

#include <QStringDecoder>

namespace ckstudio {

std::string compactJson(const QByteArray& json) {
    std::string out;
    out.reserve(std::size_t(json.size()));
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '"')
            inString = true;
        out += c;
    }
    return out;
}

std::string jsonStringLiteral(const QByteArray& utf8) {
    static const char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20 || byte == 0x7f) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

std::optional<std::string> payloadAsJson(const std::optional<QByteArray>& payload) {
    if (!payload)
        return std::string("null");
    const QByteArray& bytes = *payload;
    // The config reader's parser, not nlohmann::json::accept: that one stops at a NUL byte as if the text
    // ended there, so "1\0garbage" passed as JSON and was printed with its raw NUL.
    Json ignored;
    JsonParseFailure failure;
    if (!bytes.trimmed().isEmpty() &&
        parseJsonValue(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), 256,
                       ignored, failure))
        return compactJson(bytes);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder.decode(bytes); // decoded only to validate
    if (!decoder.hasError())
        return jsonStringLiteral(bytes);
    return std::nullopt;
}

std::string payloadAsLine(const std::optional<QByteArray>& payload) {
    if (auto json = payloadAsJson(payload))
        return *json;
    return "base64:" + payload->toBase64().toStdString();
}

void appendMessageLine(const KafkaMessage& m, MessageLineFormat format, std::string& out) {
    if (format == MessageLineFormat::Values) {
        out += payloadAsLine(m.value);
        out += '\n';
        return;
    }
    out += "{\"partition\":";
    out += std::to_string(m.partition);
    out += ",\"offset\":";
    out += std::to_string(m.offset);
    out += ",\"timestamp\":";
    out += m.timestampMs >= 0 ? std::to_string(m.timestampMs) : std::string("null");
    auto field = [&](const char* name, const std::optional<QByteArray>& payload) {
        out += ",\"";
        out += name;
        if (auto json = payloadAsJson(payload)) {
            out += "\":";
            out += *json;
        } else {
            out += "_base64\":\"";
            out += payload->toBase64().toStdString();
            out += '"';
        }
    };
    field("key", m.key);
    field("value", m.value);
    out += "}\n";
}

} // namespace ckstudio
