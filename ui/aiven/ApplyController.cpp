#include "ApplyController.h"

#include "aiven/AivenClient.h"
#include "itemmodels/ConfigDocument.h"

namespace ckstudio {

ApplyController::ApplyController(AivenClient* client, ConfigDocument* document, const QString& project,
                                 const QString& integrationId, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document)
    , m_project(project)
    , m_integrationId(integrationId) {
    m_pollTimer.setSingleShot(true);
    m_pollTimer.setInterval(2000);
    connect(&m_pollTimer, &QTimer::timeout, this, &ApplyController::pollStatus);
}

ApplyController::~ApplyController() {
    m_destroying = true;
    if (m_request && m_client)
        m_client->cancel(m_request);
}

void ApplyController::setStatusPolling(int intervalMs, int maxPolls) {
    m_pollTimer.setInterval(intervalMs);
    m_maxPolls = qMax(1, maxPolls);
}

void ApplyController::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ApplyController::fail(const QString& message) {
    setState(State::Failed);
    Q_EMIT finished(false, message);
}

void ApplyController::cancel() {
    m_pollTimer.stop();
    if (m_request && m_client)
        m_client->cancel(m_request); // the callback reports the cancellation
    else if (m_state == State::Following)
        fail(tr("Stopped following the integration status; the change was applied."));
}

void ApplyController::check() {
    if (isBusy())
        return;
    if (!m_client || !m_document) {
        fail(tr("Not connected to Aiven."));
        return;
    }
    setState(State::Checking);
    Q_EMIT progress(tr("Fetching the remote integration…"));
    QPointer<ApplyController> self(this);
    m_request =
        m_client->getIntegration(m_project, m_integrationId, [self](AivenResult<AivenIntegration> result) {
            auto* const me = self.data();
            if (!me || me->m_destroying)
                return;
            me->m_request = 0;
            if (!result.ok()) {
                me->fail(result.error.cancelled
                             ? tr("Cancelled.")
                             : tr("Could not fetch the remote integration: %1").arg(result.error.describe()));
                return;
            }
            if (!me->m_document) {
                me->fail(tr("The document was closed."));
                return;
            }
            me->m_remote = result.value->userConfig;
            const Json mine = toJson(me->m_document->config());
            const auto& base = me->m_document->remoteBase();
            // Without a base nothing says the remote is what the user started from: treat it as moved.
            if (!base || remoteMovedSince(toJson(*base), me->m_remote)) {
                me->setState(State::Conflict);
                Q_EMIT me->conflict(base ? toJson(*base) : Json(), me->m_remote, mine);
                return;
            }
            me->setState(State::Reviewing);
            Q_EMIT me->reviewReady(diffConfigs(me->m_remote, mine));
        });
}

void ApplyController::apply() {
    if (isBusy())
        return;
    if (!m_client || !m_document) {
        fail(tr("Not connected to Aiven."));
        return;
    }
    setState(State::Applying);
    Q_EMIT progress(tr("Applying the configuration…"));
    QPointer<ApplyController> self(this);
    const Json sent = toJson(m_document->config());
    m_request = m_client->updateIntegration(
        m_project, m_integrationId, sent, [self, sent](AivenResult<AivenIntegration> result) {
            auto* const me = self.data();
            if (!me || me->m_destroying)
                return;
            me->m_request = 0;
            if (!result.ok()) {
                me->fail(result.error.cancelled
                             ? tr("Cancelled. The change may or may not have reached Aiven; check again.")
                             : tr("Aiven refused the configuration: %1").arg(result.error.describe()));
                return;
            }
            // The remote now holds what was sent: that is the new base, whatever the status becomes. An
            // answer without user_config says nothing of it; recording an empty base would report a false
            // conflict on the next apply (ckstudio-cli push does the same).
            const Json& answer = result.value->raw;
            const bool hasConfig = answer.is_object() && answer.contains("user_config");
            me->m_remote = hasConfig ? result.value->userConfig : sent;
            if (me->m_document)
                me->m_document->setRemoteBase(userConfigFromJson(me->m_remote));
            me->setState(State::Following);
            Q_EMIT me->statusChanged(result.value->status, result.value->statusErrors);
            me->m_pollsLeft = me->m_maxPolls;
            me->pollStatus();
        });
}

void ApplyController::pollStatus() {
    if (!m_client) {
        fail(tr("Not connected to Aiven."));
        return;
    }
    --m_pollsLeft;
    Q_EMIT progress(tr("Checking the integration status…"));
    QPointer<ApplyController> self(this);
    m_request =
        m_client->getIntegration(m_project, m_integrationId, [self](AivenResult<AivenIntegration> result) {
            auto* const me = self.data();
            if (!me || me->m_destroying)
                return;
            me->m_request = 0;
            if (!result.ok()) {
                me->fail(result.error.cancelled
                             ? tr("Stopped following the integration status; the change was applied.")
                             : tr("The change was applied, but its status could not be read: %1")
                                   .arg(result.error.describe()));
                return;
            }
            const AivenIntegration& integration = *result.value;
            Q_EMIT me->statusChanged(integration.status, integration.statusErrors);
            if (integration.status == QLatin1String("running")) {
                me->setState(State::Succeeded);
                Q_EMIT me->finished(true, tr("Applied; the integration is running."));
            } else if (integration.status == QLatin1String("failed")) {
                QString message = tr("Applied, but the integration failed.");
                if (!integration.likelyErrorCause.isEmpty() &&
                    integration.likelyErrorCause != QLatin1String("null"))
                    message += QLatin1Char(' ') + tr("Likely cause: %1.").arg(integration.likelyErrorCause);
                me->fail(message);
            } else if (me->m_pollsLeft <= 0) {
                me->fail(tr("Applied; the integration is still \"%1\". Check its status later.")
                             .arg(integration.status));
            } else {
                me->m_pollTimer.start();
            }
        });
}

void ApplyController::takeRemote() {
    if (isBusy() || !m_document)
        return;
    const UserConfig remote = userConfigFromJson(m_remote);
    m_document->replaceConfig(remote, tr("Take the remote configuration"));
    m_document->setRemoteBase(remote);
    setState(State::Idle);
}

} // namespace ckstudio
