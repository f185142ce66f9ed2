#include "clickhouse/ServerCapabilities.h"

#include <QList>

namespace ckstudio {

ServerVersion ServerVersion::parse(const QString& text) {
    ServerVersion v;
    v.text = text.trimmed();
    const auto parts = v.text.split(QLatin1Char('.'));
    if (!parts.isEmpty())
        v.major = parts.value(0).toInt();
    if (parts.size() > 1)
        v.minor = parts.value(1).toInt();
    if (parts.size() > 2)
        v.patch = parts.value(2).toInt();
    return v;
}

bool ServerVersion::atLeast(int maj, int min, int pat) const {
    if (major != maj)
        return major > maj;
    if (minor != min)
        return minor > min;
    return patch >= pat;
}

QString ServerCapabilities::bootstrapSql() {
    return QStringLiteral("SELECT 'version', version() UNION ALL SELECT 'setting', name FROM system.settings "
                          "UNION ALL SELECT 'format', name FROM system.formats "
                          "UNION ALL SELECT 'readonly', value FROM system.settings WHERE name = 'readonly' "
                          "FORMAT TabSeparated");
}

std::optional<ServerCapabilities> ServerCapabilities::fromBootstrapResult(const QByteArray& tsv) {
    ServerCapabilities caps;
    bool haveVersion = false;
    for (const QByteArray& line : tsv.split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        if (tab < 0)
            continue;
        const QByteArray kind = line.left(tab);
        const QString value = QString::fromUtf8(line.mid(tab + 1));
        if (kind == "version") {
            caps.m_version = ServerVersion::parse(value);
            haveVersion = caps.m_version.major > 0;
        } else if (kind == "setting") {
            caps.m_settings.insert(value);
        } else if (kind == "format") {
            caps.m_formats.insert(value);
        } else if (kind == "readonly") {
            caps.m_readonly = value.toInt();
        }
    }
    if (!haveVersion)
        return std::nullopt;
    return caps;
}

bool ServerCapabilities::cancelOnCloseUsable() const {
    if (!hasSetting(QStringLiteral("cancel_http_readonly_queries_on_client_close")))
        return false;
    // Requests with this setting hang on 19.13.5 - 19.17.x (ClickHouse issues #7019, #7939, #8628).
    const bool buggy = m_version.major == 19 && ((m_version.minor == 13 && m_version.patch >= 5) ||
                                                (m_version.minor > 13 && m_version.minor <= 17));
    return !buggy;
}

bool ServerCapabilities::isAncientSetting(const QString& name) {
    static const QSet<QString> ancient = {
        QStringLiteral("readonly"), QStringLiteral("max_execution_time"), QStringLiteral("max_result_rows"),
        QStringLiteral("result_overflow_mode"), QStringLiteral("max_block_size")};
    return ancient.contains(name);
}

} // namespace ckstudio
