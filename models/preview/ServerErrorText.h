#pragma once
// Recognising ClickHouse's error text: in an error body, or appended to a 200 response when the query fails
// after the first bytes were sent (legacy "Code: N, e.displayText() = DB::Exception: ..." and modern
// "Code: N. DB::Exception: ... (NAME) (version ...)", and the 25.11+ "__exception__TAG" frame).
#include <QString>
#include <optional>
#include <string_view>

namespace ckstudio {

struct ServerErrorText {
    int code = 0;    // ClickHouse error code; 0 when the text carried none
    QString message; // the server's message without the "Code: N" prefix and the "e.what()" suffix
    QString toString() const;
};

// The error in `text` when it starts with "Code: N[.,] " (leading whitespace allowed).
std::optional<ServerErrorText> parseServerErrorText(std::string_view text);

// Where an appended error starts in `text` (a "Code: N[.,] " or "__exception__" marker), or npos.
std::size_t findServerErrorStart(std::string_view text);

// True when `line` begins like an error ClickHouse writes into a stream.
bool looksLikeServerError(std::string_view line);

} // namespace ckstudio
