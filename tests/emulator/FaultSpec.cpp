#include "FaultSpec.h"

#include <QStringList>

namespace ckstudio::emulator {

bool FaultSpec::matches(const QByteArray& requestMethod, const QString& path) const {
    if (!method.isEmpty() && method.compare(requestMethod, Qt::CaseInsensitive) != 0)
        return false;
    return pathContains.isEmpty() || path.contains(pathContains);
}

std::optional<FaultSpec> parseFaultSpec(const QString& text, QString* error) {
    FaultSpec spec;
    spec.text = text.trimmed();
    auto fail = [&](const QString& message) -> std::optional<FaultSpec> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    for (const QString& rawPart : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString part = rawPart.trimmed();
        const int eq = part.indexOf(QLatin1Char('='));
        const QString key = (eq < 0 ? part : part.left(eq)).trimmed().toLower();
        const QString value = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
        bool ok = true;
        bool numeric = false;
        const int bare = key.toInt(&numeric);
        if (eq < 0 && numeric) {
            spec.status = bare;
        } else if (key == QLatin1String("status")) {
            spec.status = value.toInt(&ok);
        } else if (key == QLatin1String("count")) {
            spec.count = value.toInt(&ok);
        } else if (key == QLatin1String("retry-after")) {
            spec.retryAfterSeconds = value.toInt(&ok);
        } else if (key == QLatin1String("message-hint")) {
            value.toInt(&ok);
            spec.retryMessageHint = value;
        } else if (key == QLatin1String("delay")) {
            spec.delayMs = value.toInt(&ok);
        } else if (key == QLatin1String("truncate")) {
            spec.truncate = true;
        } else if (key == QLatin1String("drop")) {
            spec.drop = true;
        } else if (key == QLatin1String("omit")) {
            spec.omitKey = value;
        } else if (key == QLatin1String("method")) {
            spec.method = value.toUpper().toLatin1();
        } else if (key == QLatin1String("path")) {
            spec.pathContains = value;
        } else if (key == QLatin1String("id")) {
            // only distinguishes counters
        } else {
            return fail(QStringLiteral("unknown fault option '%1'").arg(key));
        }
        if (!ok)
            return fail(QStringLiteral("fault option '%1' needs a number").arg(key));
    }
    if (spec.status != 0 && (spec.status < 100 || spec.status > 599))
        return fail(QStringLiteral("fault status %1 is not an HTTP status").arg(spec.status));
    return spec;
}

} // namespace ckstudio::emulator
