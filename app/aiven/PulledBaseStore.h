#pragma once
// The remote base of a pulled config: what `pull` fetched, kept outside the pulled file so that file holds
// exactly the API's user_config. `push` compares the remote with it to refuse overwriting someone else's
// change. One small JSON file per (API, project, integration) under the state directory.
#include "domain/Json.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>
#include <optional>
#include <string>

namespace ckstudio {

class PulledBaseStore {
public:
    explicit PulledBaseStore(QString directory);

    // CKSTUDIO_STATE_DIR, else $XDG_STATE_HOME/ckstudio/pulled-bases, else the app's local data directory.
    static QString defaultDirectory(const QProcessEnvironment& env);

    // Returns an error message, empty on success.
    std::string record(const QUrl& api, const QString& project, const QString& integrationId,
                       const Json& userConfig);
    // nullopt when nothing was recorded; `error` set when a record exists but cannot be read.
    std::optional<Json> load(const QUrl& api, const QString& project, const QString& integrationId,
                             std::string* error = nullptr) const;

    QString fileFor(const QUrl& api, const QString& project, const QString& integrationId) const;

private:
    QString m_directory;
};

} // namespace ckstudio
