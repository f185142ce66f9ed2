#include "preview/ServerErrorText.h"

#include <QRegularExpression>

namespace ckstudio {
namespace {

// "Code: 395, e.displayText() = DB::Exception: msg, e.what() = DB::Exception" (<= 21.7) and
// "Code: 395. DB::Exception: msg. (NAME) (version 24.8.1.1)" (newer).
const QRegularExpression& errorPattern() {
    static const QRegularExpression re(
        QStringLiteral(
            R"(^\s*Code: (\d+)[.,] (?:e\.displayText\(\) = )?(?:DB::Exception: )?(.*?)(?:, e\.what\(\) = \S+)?\s*$)"),
        QRegularExpression::DotMatchesEverythingOption);
    return re;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// "Code: " + digits + ('.' or ',') + ' ' at text[pos].
bool codeMarkerAt(std::string_view text, std::size_t pos) {
    constexpr std::string_view prefix = "Code: ";
    if (text.substr(pos, prefix.size()) != prefix)
        return false;
    std::size_t i = pos + prefix.size();
    const std::size_t digitsStart = i;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    return i > digitsStart && i + 1 < text.size() && (text[i] == '.' || text[i] == ',') && text[i + 1] == ' ';
}

} // namespace

QString ServerErrorText::toString() const {
    return code ? QStringLiteral("Code: %1. %2").arg(code).arg(message) : message;
}

std::optional<ServerErrorText> parseServerErrorText(std::string_view text) {
    const auto m = errorPattern().match(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    if (!m.hasMatch())
        return std::nullopt;
    return ServerErrorText{m.captured(1).toInt(), m.captured(2).trimmed()};
}

std::size_t findServerErrorStart(std::string_view text) {
    const std::size_t frame = text.find("__exception__");
    for (std::size_t pos = text.find("Code: "); pos != std::string_view::npos;
         pos = text.find("Code: ", pos + 1)) {
        if (codeMarkerAt(text, pos))
            return std::min(pos, frame);
    }
    return frame;
}

bool looksLikeServerError(std::string_view line) {
    return codeMarkerAt(line, 0) || line.substr(0, 13) == "__exception__";
}

namespace {

constexpr std::string_view kMarker = "__exception__\r\n";
constexpr std::size_t kMaxTagLength = 64; // 16 in every release so far; a little room for a change

bool isTagChar(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The tag that follows a marker at text[pos] ("__exception__\r\nTAG\r\n"), or empty.
std::string_view tagAfterMarker(std::string_view text, std::size_t pos) {
    const std::size_t begin = pos + kMarker.size();
    std::size_t i = begin;
    while (i < text.size() && i - begin <= kMaxTagLength && isTagChar(text[i]))
        ++i;
    if (i == begin || i - begin > kMaxTagLength || text.substr(i, 2) != "\r\n")
        return {};
    return text.substr(begin, i - begin);
}

ServerErrorText errorFromMessage(std::string_view message) {
    if (auto parsed = parseServerErrorText(message))
        return *parsed;
    return ServerErrorText{0, QString::fromUtf8(message.data(), qsizetype(message.size())).trimmed()};
}

// A 25.11+ frame whose opening marker is at text[pos] and whose tag is `tag`.
ExceptionBlock taggedBlock(std::string_view text, std::size_t pos, std::string_view tag) {
    const std::size_t messageStart = pos + kMarker.size() + tag.size() + 2;
    std::size_t messageEnd = text.size();
    // The trailer "LEN TAG\r\n__exception__": LEN tells where the message ends, even when the message
    // itself has newlines or digits. A stream cut short has no trailer: the message runs to the end.
    const std::string trailer = " " + std::string(tag) + "\r\n__exception__";
    const std::size_t t = text.rfind(trailer);
    if (t != std::string_view::npos && t > messageStart) {
        std::size_t digits = t;
        while (digits > messageStart && isDigit(text[digits - 1]))
            --digits;
        if (digits < t && t - digits <= 9) {
            const std::size_t declared = std::stoull(std::string(text.substr(digits, t - digits)));
            messageEnd = declared <= digits - messageStart ? messageStart + declared : digits;
        }
    }
    ExceptionBlock block;
    block.start = pos >= 2 && text.substr(pos - 2, 2) == "\r\n" ? pos - 2 : pos;
    block.error = errorFromMessage(text.substr(messageStart, messageEnd - messageStart));
    block.tagged = true;
    return block;
}

} // namespace

std::optional<ExceptionBlock> findExceptionBlock(std::string_view text, std::string_view tag) {
    for (std::size_t pos = text.rfind(kMarker); pos != std::string_view::npos;
         pos = pos == 0 ? std::string_view::npos : text.rfind(kMarker, pos - 1)) {
        const std::string_view found = tagAfterMarker(text, pos);
        if (!tag.empty()) {
            if (found == tag)
                return taggedBlock(text, pos, tag);
            continue;
        }
        // Without the header: a 25.11+ frame is recognised by its tag line (its closing marker, followed by
        // nothing, has none), a 24.11-25.10 block by the "Code: " right after the marker.
        const std::size_t after = pos + kMarker.size();
        if (codeMarkerAt(text, after))
            return ExceptionBlock{pos, errorFromMessage(text.substr(after)), false};
        if (!found.empty())
            return taggedBlock(text, pos, found);
    }
    return std::nullopt;
}

} // namespace ckstudio
