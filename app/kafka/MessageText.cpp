#include "kafka/MessageText.h"

#include "kafka/CompactJson.h"
#include "kafka/KafkaReader.h"
#include "text/JsonEscape.h"

#include <QStringDecoder>
#include <charconv>

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

namespace {

bool isUtf8(const QByteArray& bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder.decode(bytes); // decoded only to validate
    return !decoder.hasError();
}

// A JSON value compacted, other UTF-8 text as a JSON string, null as null; false (nothing appended) for bytes
// that are not UTF-8.
bool appendPayloadJson(const std::optional<QByteArray>& payload, std::string& out) {
    if (!payload) {
        out += "null";
        return true;
    }
    const QByteArray& bytes = *payload;
    const std::string_view view(bytes.constData(), std::size_t(bytes.size()));
    if (appendCompactJson(view, out))
        return true;
    if (!isUtf8(bytes))
        return false;
    appendJsonString(view, out);
    return true;
}

void appendPayloadLine(const std::optional<QByteArray>& payload, std::string& out) {
    if (appendPayloadJson(payload, out))
        return;
    out += "base64:";
    const QByteArray base64 = payload->toBase64();
    out.append(base64.constData(), std::size_t(base64.size()));
}

} // namespace

std::string jsonStringLiteral(const QByteArray& utf8) {
    std::string out;
    appendJsonString(std::string_view(utf8.constData(), std::size_t(utf8.size())), out);
    return out;
}

std::optional<std::string> payloadAsJson(const std::optional<QByteArray>& payload) {
    std::string out;
    if (!appendPayloadJson(payload, out))
        return std::nullopt;
    return out;
}

std::string payloadAsLine(const std::optional<QByteArray>& payload) {
    std::string out;
    appendPayloadLine(payload, out);
    return out;
}

void appendMessageLine(const KafkaMessage& m, MessageLineFormat format, std::string& out) {
    if (format == MessageLineFormat::Values) {
        appendPayloadLine(m.value, out);
        out += '\n';
        return;
    }
    char number[24];
    auto appendNumber = [&](qint64 n) {
        out.append(number, std::size_t(std::to_chars(number, number + sizeof number, n).ptr - number));
    };
    out += "{\"partition\":";
    appendNumber(m.partition);
    out += ",\"offset\":";
    appendNumber(m.offset);
    out += ",\"timestamp\":";
    if (m.timestampMs >= 0)
        appendNumber(m.timestampMs);
    else
        out += "null";
    auto field = [&](const char* name, const std::optional<QByteArray>& payload) {
        out += ",\"";
        out += name;
        const std::size_t nameEnd = out.size();
        out += "\":";
        if (appendPayloadJson(payload, out))
            return;
        out.resize(nameEnd);
        out += "_base64\":\"";
        const QByteArray base64 = payload->toBase64();
        out.append(base64.constData(), std::size_t(base64.size()));
        out += '"';
    };
    field("key", m.key);
    field("value", m.value);
    out += "}\n";
}

} // namespace ckstudio
