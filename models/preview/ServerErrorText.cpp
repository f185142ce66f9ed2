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

} // namespace ckstudio
