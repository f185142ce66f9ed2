#pragma once
// Applying a config to its remote integration without losing anyone else's change. The Apply dialog and
// `ckstudio-cli push` both drive this class, so both follow one set of rules (docs/aiven.md, "Apply and push:
// one workflow"):
//   check(mine, base): GET the integration and compare its user_config with the base the edit started from.
//       Clean: the remote is the base; RemoteMoved: someone changed it since; NoBase: nothing says what the
//       edit started from. Only Clean goes on to apply() without a deliberate overwrite (GUI: Overwrite,
//       CLI: --force).
//   apply(): PUT the checked config. The answer's user_config becomes the new base, or what was sent when the
//       answer lacks it; then the integration's status is followed until it settles or the time runs out.
// The base is JSON exactly as the server held it; results arrive as signals and as outcome().
#include "aiven/AivenClient.h"
#include "diff/ConfigDiff.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <optional>

namespace ckstudio {

// What check() found.
struct ApplyCheck {
    enum class Verdict { Clean, RemoteMoved, NoBase };
    Verdict verdict = Verdict::Clean;
    std::optional<Json> base; // what the edit started from; none for NoBase
    Json remote;              // the integration's user_config now
    Json mine;                // what apply() sends
    ConfigDiff changes;       // remote -> mine: what applying changes
    ConfigDiff moved;         // base -> remote: what someone else changed (RemoteMoved)

    bool needsOverwrite() const { return verdict != Verdict::Clean; }
};

// How a check or an apply ended.
struct ApplyOutcome {
    enum class Kind {
        Running,           // applied; the integration runs
        NotSettled,        // applied; the time ran out while the status was still something else
        NoStatus,          // applied; the API reports no status for the integration
        IntegrationFailed, // applied; the integration's status is `failed`
        StatusUnreadable,  // applied; reading the status afterwards failed (`error`)
        StoppedFollowing,  // applied; cancel() stopped following the status
        Rejected,          // the PUT was refused (`error`): nothing changed remotely
        CancelledSending,  // cancel() during the PUT: it may or may not have landed
        FetchFailed,       // check(): the remote could not be read (`error`)
        CancelledCheck,    // cancel() during check(): nothing was sent
    };
    Kind kind = Kind::Running;
    std::optional<AivenIntegration> integration; // as last seen after the PUT (status, errors, tables)
    std::optional<AivenError> error;             // the server's own message and code, or the network's
    std::chrono::milliseconds waited{0};         // how long the status was followed

    // The change landed and nothing says it failed (the CLI's exit 0).
    bool ok() const { return kind == Kind::Running || kind == Kind::NotSettled || kind == Kind::NoStatus; }
    // The remote holds what was sent, whatever became of it afterwards.
    bool landed() const {
        return ok() || kind == Kind::IntegrationFailed || kind == Kind::StatusUnreadable ||
               kind == Kind::StoppedFollowing;
    }
    QString status() const { return integration ? integration->status : QString(); }
};

class ApplyWorkflow : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Checking, Reviewing, Conflict, Applying, Following, Succeeded, Failed };
    Q_ENUM(State)

    ApplyWorkflow(AivenClient* client, QString project, QString integrationId, QObject* parent = nullptr);

    // How long the status is followed after the PUT (at least one read, however short) and how often it is
    // read. Default: 10 s, every second.
    void setStatusFollowing(std::chrono::milliseconds wait, std::chrono::milliseconds interval);

    // `base`: the user_config the edit started from, as the server sent it; none when unknown.
    void check(Json mine, std::optional<Json> base);
    // After check(): Reviewing, or Conflict as a deliberate overwrite. Sends the checked config.
    void apply();
    // After a conflict: the remote, which the caller takes as its document and base. Back to Idle.
    Json takeRemote();
    void cancel();

    State state() const { return m_state; }
    bool isBusy() const {
        return m_state == State::Checking || m_state == State::Applying || m_state == State::Following;
    }
    const std::optional<ApplyCheck>& lastCheck() const { return m_check; }
    const std::optional<ApplyOutcome>& outcome() const { return m_outcome; }

    // A sentence for the user about `outcome` (the GUI's wording; the CLI keeps its own lines).
    static QString describe(const ApplyOutcome& outcome);

signals:
    void stateChanged(ckstudio::ApplyWorkflow::State state);
    // A line for the progress display ("Fetching the remote integration…").
    void progress(const QString& message);
    void checked(const ckstudio::ApplyCheck& check);
    // The PUT was accepted: the remote now holds `newBase`, whatever its status becomes.
    void landed(const ckstudio::Json& newBase);
    // Following: the integration's status as last seen.
    void statusChanged(const QString& status, const QStringList& errors);
    // The end of check() when it failed, or of apply() in every case.
    void finished(const ckstudio::ApplyOutcome& outcome);

private:
    template <typename T> AivenClient::Callback<T> answered(void (ApplyWorkflow::*handler)(AivenResult<T>));
    void onRemoteFetched(AivenResult<AivenIntegration> result);
    void onPutAnswered(AivenResult<AivenIntegration> result);
    void onStatusRead(AivenResult<AivenIntegration> result);
    void readStatus();
    void setState(State state);
    void finish(ApplyOutcome::Kind kind, std::optional<AivenError> error = std::nullopt);

    QPointer<AivenClient> m_client;
    QString m_project;
    QString m_integrationId;
    State m_state = State::Idle;
    AivenClient::RequestId m_request = 0;
    Json m_mine;
    std::optional<Json> m_base;
    std::optional<ApplyCheck> m_check;
    std::optional<ApplyOutcome> m_outcome;
    std::optional<AivenIntegration> m_lastSeen;
    std::chrono::milliseconds m_wait{10000};
    QElapsedTimer m_following;
    QTimer m_nextRead;
};

} // namespace ckstudio
