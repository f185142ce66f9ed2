#include "aiven/PulledBaseStore.h"

#include "domain/JsonText.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace ckstudio {
namespace {

QString apiKey(const QUrl& api) {
    return api.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString(QUrl::FullyEncoded);
}

} // namespace

PulledBaseStore::PulledBaseStore(QString directory)
    : m_directory(std::move(directory)) {}

QString PulledBaseStore::defaultDirectory(const QProcessEnvironment& env) {
    const QString explicitDir = env.value(QStringLiteral("CKSTUDIO_STATE_DIR"));
    if (!explicitDir.isEmpty())
        return explicitDir;
    const QString state = env.value(QStringLiteral("XDG_STATE_HOME"));
    if (!state.isEmpty())
        return state + QStringLiteral("/ckstudio/pulled-bases");
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/pulled-bases");
}

QString PulledBaseStore::fileFor(const QUrl& api, const QString& project,
                                 const QString& integrationId) const {
    const QByteArray key =
        (apiKey(api) + QLatin1Char('\n') + project + QLatin1Char('\n') + integrationId).toUtf8();
    const QByteArray hash = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32);
    return m_directory + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".json");
}

std::string PulledBaseStore::record(const QUrl& api, const QString& project, const QString& integrationId,
                                    const Json& userConfig) {
    if (!QDir().mkpath(m_directory))
        return m_directory.toStdString() + ": cannot create the directory for pulled bases";
    const std::string text = formatJson(userConfig);
    Json doc = Json::object();
    doc["api"] = apiKey(api).toStdString();
    doc["project"] = project.toStdString();
    doc["integration_id"] = integrationId.toStdString();
    doc["pulled_at"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    doc["user_config_sha256"] =
        QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256)
            .toHex()
            .toStdString();
    doc["user_config"] = userConfig;
    return writeTextFileAtomically(fileFor(api, project, integrationId), formatJson(doc));
}

std::optional<Json> PulledBaseStore::load(const QUrl& api, const QString& project,
                                          const QString& integrationId, std::string* error) const {
    const QString path = fileFor(api, project, integrationId);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    auto file = readJsonFile(path);
    if (!file || !file.value->is_object() || !file.value->contains("user_config")) {
        if (error)
            *error = file ? path.toStdString() + ": not a pulled-base record" : file.error;
        return std::nullopt;
    }
    return file.value->at("user_config");
}

} // namespace ckstudio
