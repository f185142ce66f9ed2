#include "aiven/AivenErrors.h"

#include "domain/JsonText.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>

namespace ckstudio {
namespace {

QString text(const Json& v) {
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

QString reasonPhrase(int status) {
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 408:
        return QStringLiteral("Request Timeout");
    case 409:
        return QStringLiteral("Conflict");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 501:
        return QStringLiteral("Not Implemented (try again later)");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return QStringLiteral("HTTP error");
    }
}

// A server's wait, at most a day: anything longer is past every retry budget anyway, and a bigger double (or
// inf) has no qint64 value.
std::chrono::milliseconds waitOf(double milliseconds) {
    constexpr double longest = 24 * 3600 * 1000.0;
    return std::chrono::milliseconds(static_cast<qint64>(std::min(milliseconds, longest)));
}

} // namespace

AivenError aivenErrorFromHttp(int status, const QByteArray& body) {
    AivenError error;
    error.httpStatus = status;
    error.retryable = status == 429 || status >= 500;
    const auto parsed =
        parseJsonText(std::string_view(body.constData(), static_cast<std::size_t>(body.size())));
    if (parsed && parsed.value->is_object()) {
        const Json& doc = *parsed.value;
        if (doc.contains("message"))
            error.message = text(doc.at("message"));
        if (doc.contains("error_code"))
            error.errorCode = text(doc.at("error_code"));
        const Json errors = doc.contains("errors") ? doc.at("errors") : Json();
        const Json first = errors.is_array() && !errors.empty() ? errors.at(0) : errors;
        if (first.is_object()) {
            if (error.message.isEmpty() && first.contains("message"))
                error.message = text(first.at("message"));
            if (error.errorCode.isEmpty() && first.contains("error_code"))
                error.errorCode = text(first.at("error_code"));
        } else if (first.is_string() && error.message.isEmpty()) {
            error.message = text(first);
        }
        if (error.message.isEmpty() && doc.contains("error"))
            error.message = text(doc.at("error"));
    }
    if (error.message.isEmpty()) {
        // Not Aiven's shape: say so without echoing the body, which may carry credentials.
        error.message = reasonPhrase(status);
        if (!body.isEmpty() && !(parsed && parsed.value->is_object()))
            error.message += QStringLiteral(" (the answer was not JSON, %1 bytes)").arg(body.size());
    }
    return error;
}

std::optional<std::chrono::milliseconds> retryHint(const QByteArray& retryAfterHeader,
                                                   const QString& message) {
    const QByteArray header = retryAfterHeader.trimmed();
    if (!header.isEmpty()) {
        bool ok = false;
        const double seconds = header.toDouble(&ok);
        if (ok && seconds >= 0)
            return waitOf(seconds * 1000);
        const QDateTime when =
            QLocale::c().toDateTime(QString::fromLatin1(header).replace(QLatin1String(" GMT"), QString()),
                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (when.isValid()) {
            QDateTime utc = when;
            utc.setTimeZone(QTimeZone::utc());
            return std::chrono::milliseconds(
                std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(utc)));
        }
    }
    static const QRegularExpression tryAgain(
        QStringLiteral("try again in (\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|seconds?)?\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = tryAgain.match(message);
    if (match.hasMatch()) {
        const double n = match.captured(1).toDouble();
        const bool millis = match.captured(2).compare(QLatin1String("ms"), Qt::CaseInsensitive) == 0;
        return waitOf(millis ? n : n * 1000);
    }
    return std::nullopt;
}

std::chrono::milliseconds RetryPolicy::delayFor(int retry,
                                                std::optional<std::chrono::milliseconds> hint) const {
    if (hint)
        return *hint;
    auto delay = initialDelay;
    for (int i = 1; i < retry && delay < maxDelay; ++i)
        delay *= 2;
    return std::min(delay, maxDelay);
}

} // namespace ckstudio
