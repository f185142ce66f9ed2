#pragma once
// What one ClickHouse server supports, read once per connection: version, setting names, format names.
// Settings the server does not list are never sent (an unknown URL setting is a hard error, Code 115).
#include <QByteArray>
#include <QSet>
#include <QString>
#include <optional>

namespace ckstudio {

struct ServerVersion {
    int major = 0;
    int minor = 0;
    int patch = 0;
    QString text;
    static ServerVersion parse(const QString& text);
    bool atLeast(int maj, int min, int pat = 0) const;
};

class ServerCapabilities {
public:
    // The SQL that reads everything in one round trip (TabSeparated: kind \t value).
    static QString bootstrapSql();
    static std::optional<ServerCapabilities> fromBootstrapResult(const QByteArray& tsv);

    const ServerVersion& version() const { return m_version; }
    bool hasSetting(const QString& name) const { return m_settings.contains(name); }
    bool hasFormat(const QString& name) const { return m_formats.contains(name); }
    qsizetype settingCount() const { return m_settings.size(); }

    // cancel_http_readonly_queries_on_client_close exists and is not the 19.13.5-19.17 version that hangs.
    bool cancelOnCloseUsable() const;
    bool hasJsonCompactEachRow() const {
        return hasFormat(QStringLiteral("JSONCompactEachRowWithNamesAndTypes"));
    }
    // format() table function with a structure argument (used to check sample messages).
    bool hasFormatTableFunction() const { return m_version.atLeast(23, 3); }

    // The user's `readonly` level (profile or grant): 1 refuses every setting in a request, `readonly`
    // itself included (Code 164 READONLY), so nothing is sent then; 2 lets settings through.
    int readonlyLevel() const { return m_readonly; }
    bool settingsAllowed() const { return m_readonly != 1; }

    // Settings every version we talk to knows; the only ones sent before capabilities are known.
    static bool isAncientSetting(const QString& name);

private:
    ServerVersion m_version;
    QSet<QString> m_settings;
    QSet<QString> m_formats;
    int m_readonly = 0;
};

} // namespace ckstudio
