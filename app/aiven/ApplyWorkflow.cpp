#include "aiven/ApplyWorkflow.h"

namespace ckstudio {

ApplyWorkflow::ApplyWorkflow(AivenClient* client, QString project, QString integrationId, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_project(std::move(project))
    , m_integrationId(std::move(integrationId)) {
    m_nextRead.setSingleShot(true);
    m_nextRead.setInterval(1000);
    connect(&m_nextRead, &QTimer::timeout, this, &ApplyWorkflow::readStatus);
}

void ApplyWorkflow::setStatusFollowing(std::chrono::milliseconds wait, std::chrono::milliseconds interval) {
    m_wait = std::max(wait, std::chrono::milliseconds(0));
    m_nextRead.setInterval(std::max(interval, std::chrono::milliseconds(1)));
}

// The request in flight is over once its answer arrives.
template <typename T>
AivenClient::Callback<T> ApplyWorkflow::answered(void (ApplyWorkflow::*handler)(AivenResult<T>)) {
    return [this, handler](AivenResult<T> result) {
        m_request = 0;
        (this->*handler)(std::move(result));
    };
}

void ApplyWorkflow::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ApplyWorkflow::finish(ApplyOutcome::Kind kind, std::optional<AivenError> error) {
    m_nextRead.stop();
    ApplyOutcome outcome;
    outcome.kind = kind;
    outcome.integration = m_lastSeen;
    outcome.error = std::move(error);
    if (m_following.isValid())
        outcome.waited = std::chrono::milliseconds(m_following.elapsed());
    m_outcome = outcome;
    setState(outcome.ok() ? State::Succeeded : State::Failed);
    emit finished(outcome);
}

void ApplyWorkflow::check(Json mine, std::optional<Json> base) {
    if (isBusy())
        return;
    m_mine = std::move(mine);
    m_base = std::move(base);
    m_check.reset();
    m_outcome.reset();
    m_lastSeen.reset();
    m_following.invalidate();
    if (!m_client) {
        AivenError error;
        error.message = tr("Not connected to Aiven.");
        finish(ApplyOutcome::Kind::FetchFailed, error);
        return;
    }
    setState(State::Checking);
    emit progress(tr("Fetching the remote integration…"));
    m_request =
        m_client->getIntegration(m_project, m_integrationId, this, answered(&ApplyWorkflow::onRemoteFetched));
}

void ApplyWorkflow::onRemoteFetched(AivenResult<AivenIntegration> result) {
    if (!result) {
        finish(result.error.cancelled ? ApplyOutcome::Kind::CancelledCheck : ApplyOutcome::Kind::FetchFailed,
               result.error);
        return;
    }
    ApplyCheck check;
    check.base = m_base;
    check.remote = result.value->userConfig;
    check.mine = m_mine;
    check.changes = diffConfigs(check.remote, check.mine);
    // Without a base nothing says the remote is what the edit started from: it takes a deliberate overwrite,
    // the same as a remote that moved.
    if (!m_base) {
        check.verdict = ApplyCheck::Verdict::NoBase;
    } else if (remoteMovedSince(*m_base, check.remote)) {
        check.verdict = ApplyCheck::Verdict::RemoteMoved;
        check.moved = diffConfigs(*m_base, check.remote);
    }
    m_check = check;
    setState(check.needsOverwrite() ? State::Conflict : State::Reviewing);
    emit checked(*m_check);
}

void ApplyWorkflow::apply() {
    if (m_state != State::Reviewing && m_state != State::Conflict)
        return;
    if (!m_client) {
        AivenError error;
        error.message = tr("Not connected to Aiven.");
        finish(ApplyOutcome::Kind::Rejected, error);
        return;
    }
    setState(State::Applying);
    emit progress(tr("Applying the configuration…"));
    m_request = m_client->updateIntegration(m_project, m_integrationId, m_check->mine, this,
                                            answered(&ApplyWorkflow::onPutAnswered));
}

void ApplyWorkflow::onPutAnswered(AivenResult<AivenIntegration> result) {
    if (!result) {
        finish(result.error.cancelled ? ApplyOutcome::Kind::CancelledSending : ApplyOutcome::Kind::Rejected,
               result.error);
        return;
    }
    // The remote now holds what was sent: that is the new base, whatever the status becomes. The answer's
    // user_config wins (the API may fill in defaults); an answer without one says nothing of it, and an empty
    // base would report a false conflict on the next apply.
    const Json& answer = result.value->raw;
    const bool hasConfig = answer.is_object() && answer.contains("user_config");
    m_base = hasConfig ? result.value->userConfig : m_check->mine;
    m_lastSeen = *result.value;
    emit landed(*m_base);
    setState(State::Following);
    emit statusChanged(m_lastSeen->status, m_lastSeen->statusErrors);
    // The PUT answer's status may still be the one from before the change: the status read afterwards
    // decides.
    m_following.start();
    readStatus();
}

void ApplyWorkflow::readStatus() {
    if (!m_client) {
        AivenError error;
        error.message = tr("Not connected to Aiven.");
        finish(ApplyOutcome::Kind::StatusUnreadable, error);
        return;
    }
    emit progress(tr("Checking the integration status…"));
    m_request =
        m_client->getIntegration(m_project, m_integrationId, this, answered(&ApplyWorkflow::onStatusRead));
}

void ApplyWorkflow::onStatusRead(AivenResult<AivenIntegration> result) {
    if (!result) {
        finish(result.error.cancelled ? ApplyOutcome::Kind::StoppedFollowing
                                      : ApplyOutcome::Kind::StatusUnreadable,
               result.error);
        return;
    }
    m_lastSeen = *result.value;
    emit statusChanged(m_lastSeen->status, m_lastSeen->statusErrors);
    const QString& status = m_lastSeen->status;
    if (status == QLatin1String("running"))
        finish(ApplyOutcome::Kind::Running);
    else if (status == QLatin1String("failed"))
        finish(ApplyOutcome::Kind::IntegrationFailed);
    else if (status.isEmpty()) // nothing to wait for: reading again would not make one appear
        finish(ApplyOutcome::Kind::NoStatus);
    else if (std::chrono::milliseconds(m_following.elapsed()) >= m_wait)
        finish(ApplyOutcome::Kind::NotSettled);
    else
        m_nextRead.start();
}

Json ApplyWorkflow::takeRemote() {
    if (m_state != State::Conflict || !m_check)
        return Json();
    m_base = m_check->remote;
    setState(State::Idle);
    return m_check->remote;
}

void ApplyWorkflow::cancel() {
    if (m_request && m_client) {
        m_client->cancel(m_request); // the callback reports what the cancellation left behind
    } else if (m_state == State::Following) {
        finish(ApplyOutcome::Kind::StoppedFollowing);
    }
}

QString ApplyWorkflow::describe(const ApplyOutcome& outcome) {
    const QString error = outcome.error ? outcome.error->describe() : QString();
    switch (outcome.kind) {
    case ApplyOutcome::Kind::Running:
        return tr("Applied; the integration is running.");
    case ApplyOutcome::Kind::NotSettled:
        return tr("Applied; after %1 s the integration is still \"%2\". Check its status later.")
            .arg(outcome.waited.count() / 1000.0, 0, 'f', 1)
            .arg(outcome.status());
    case ApplyOutcome::Kind::NoStatus:
        return tr("Applied; Aiven reports no status for the integration.");
    case ApplyOutcome::Kind::IntegrationFailed: {
        QString message = tr("Applied, but the integration failed.");
        const QString cause = outcome.integration ? outcome.integration->likelyErrorCause : QString();
        if (!cause.isEmpty() && cause != QLatin1String("null"))
            message += QLatin1Char(' ') + tr("Likely cause: %1.").arg(cause);
        if (outcome.integration)
            for (const QString& e : outcome.integration->statusErrors)
                message += QStringLiteral("\n  ") + e;
        return message;
    }
    case ApplyOutcome::Kind::StatusUnreadable:
        return tr("The change was applied, but its status could not be read: %1").arg(error);
    case ApplyOutcome::Kind::StoppedFollowing:
        return tr("Stopped following the integration status; the change was applied.");
    case ApplyOutcome::Kind::Rejected:
        return tr("Aiven refused the configuration: %1").arg(error);
    case ApplyOutcome::Kind::CancelledSending:
        return tr("Cancelled. The change may or may not have reached Aiven; check again.");
    case ApplyOutcome::Kind::FetchFailed:
        return tr("Could not fetch the remote integration: %1").arg(error);
    case ApplyOutcome::Kind::CancelledCheck:
        return tr("Cancelled.");
    }
    return QString();
}

} // namespace ckstudio
