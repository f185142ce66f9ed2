#pragma once
// Applying the edited document to its remote integration, guarding against lost updates:
//   check():  fetch the remote again. If it moved away from the document's base (someone else applied
//             meanwhile), report a conflict with base, remote and mine; otherwise report the diff that
//             applying would make (remote -> mine).
//   apply():  PUT mine (after check(), or deliberately over a conflict: "overwrite"), make it the new base,
//             then follow integration_status until it is running or failed, or the polls run out.
//   takeRemote(): after a conflict, replace the document with the remote (one undoable step) and make it the
//             base, so the user can redo their edits on top of it.
// Every step can be cancelled; results arrive as signals.
#include "aiven/AivenTypes.h"
#include "diff/ConfigDiff.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace ckstudio {

class AivenClient;
class ConfigDocument;

class ApplyController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Checking, Reviewing, Conflict, Applying, Following, Succeeded, Failed };
    Q_ENUM(State)

    ApplyController(AivenClient* client, ConfigDocument* document, const QString& project,
                    const QString& integrationId, QObject* parent = nullptr);
    ~ApplyController() override;

    // How integration_status is followed after the PUT.
    void setStatusPolling(int intervalMs, int maxPolls);

    void check();
    void apply();
    void takeRemote();
    void cancel();

    State state() const { return m_state; }
    bool isBusy() const {
        return m_state == State::Checking || m_state == State::Applying || m_state == State::Following;
    }
    const Json& remoteConfig() const { return m_remote; }

Q_SIGNALS:
    void stateChanged(ckstudio::ApplyController::State state);
    // A line for the progress display ("Fetching the remote…").
    void progress(const QString& message);
    // check(): the remote is where the document started; `diff` is what applying changes.
    void reviewReady(const ckstudio::ConfigDiff& diff);
    // check(): the remote moved since the base. JSON documents as the API would hold them.
    void conflict(const ckstudio::Json& base, const ckstudio::Json& remote, const ckstudio::Json& mine);
    // Following: the integration's status as last seen.
    void statusChanged(const QString& status, const QStringList& errors);
    // The end of apply() (ok: running) or of any step that failed or was cancelled.
    void finished(bool ok, const QString& message);

private:
    void setState(State state);
    void fail(const QString& message);
    void pollStatus();

    QPointer<AivenClient> m_client;
    QPointer<ConfigDocument> m_document;
    QString m_project;
    QString m_integrationId;
    State m_state = State::Idle;
    quint64 m_request = 0;
    Json m_remote;
    QTimer m_pollTimer;
    int m_pollsLeft = 0;
    int m_maxPolls = 10;
    bool m_destroying = false;
};

} // namespace ckstudio
