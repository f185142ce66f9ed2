#pragma once
// Reading Aiven's error answers defensively: {"message": "...", "errors": [{"message", "error_code",
// "status"}]}, where `errors` may also be a list of strings or one string, and the body may not be JSON at
// all.
#include "aiven/AivenTypes.h"

#include <QByteArray>
#include <chrono>
#include <optional>

namespace ckstudio {

// The error an HTTP answer with status >= 400 stands for. The body is never copied whole into the message.
AivenError aivenErrorFromHttp(int status, const QByteArray& body);

// The wait the server asked for: a Retry-After header (seconds or HTTP date), else "try again in 28s" in the
// message.
std::optional<std::chrono::milliseconds> retryHint(const QByteArray& retryAfterHeader,
                                                   const QString& message);

// Bounded exponential backoff. Injectable so that tests run in milliseconds.
struct RetryPolicy {
    int maxAttempts = 6; // including the first
    std::chrono::milliseconds initialDelay{1000};
    std::chrono::milliseconds maxDelay{15000};
    std::chrono::milliseconds budget{
        60000}; // give up when the next wait would end later than this after the start
    // The wait before retry number `retry` (1-based); a server hint wins over the schedule.
    std::chrono::milliseconds delayFor(int retry, std::optional<std::chrono::milliseconds> hint) const;
};

} // namespace ckstudio
