#pragma once
// Recognising ClickHouse's error text: in an error body, or appended to a 200 response when the query fails
// after the first bytes were sent (legacy "Code: N, e.displayText() = DB::Exception: ..." and modern
// "Code: N. DB::Exception: ... (NAME) (version ...)"), and the exception blocks of 24.11+ (below).
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

// The block a 24.11+ server writes when a query fails after the body started, before it closes the
// connection without the final chunk (src/Server/HTTP/WriteBufferFromHTTPServerResponse.cpp and, 25.11+,
// src/Server/HTTP/HTTP1/HTTP1ServerResponse.cpp, WriteBufferFromHTTP1ServerResponse::cancelWithException):
//   24.11-25.10: "__exception__\r\nCode: N. DB::Exception: ...\n"
//   25.11+:      "\r\n__exception__\r\nTAG\r\nCode: N. ...\nLEN TAG\r\n__exception__\r\n" (TAG: the
//                X-ClickHouse-Exception-Tag header, 16 letters and digits; LEN counts the message and its
//                '\n')
struct ExceptionBlock {
    std::size_t start = 0; // where the block (including a 25.11+ leading "\r\n") begins in the text
    ServerErrorText error;
    bool tagged = false;
};
// The last exception block in `text`. With `tag` (the response header), only a 25.11+ frame with that tag
// counts; without it (a parser that never sees headers) any well-formed block does. A raw CR never
// occurs in TabSeparated or JSON rows, so "__exception__\r\n" cannot come from data of those formats.
std::optional<ExceptionBlock> findExceptionBlock(std::string_view text, std::string_view tag = {});

} // namespace ckstudio
