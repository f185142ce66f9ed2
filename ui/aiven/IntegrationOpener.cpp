#include "IntegrationOpener.h"

#include "aiven/AivenClient.h"
#include "itemmodels/ConfigDocument.h"

namespace ckstudio {

IntegrationOpener::IntegrationOpener(AivenClient* client, ConfigDocument* document, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document) {}

IntegrationOpener::~IntegrationOpener() {
    m_destroying = true;
    cancel();
}

void IntegrationOpener::cancel() {
    if (m_request && m_client)
        m_client->cancel(m_request);
    m_request = 0;
}

void IntegrationOpener::open(const QString& project, const QString& integrationId) {
    cancel();
    if (!m_client || !m_document) {
        emit failed(tr("Not connected to Aiven."));
        return;
    }
    QPointer<IntegrationOpener> self(this);
    m_request = m_client->getIntegration(
        project, integrationId, [self, project](AivenResult<AivenIntegration> result) {
            auto* const me = self.data();
            if (!me || me->m_destroying)
                return;
            me->m_request = 0;
            if (!result.ok()) {
                if (!result.error.cancelled)
                    emit me->failed(tr("Could not open the integration: %1").arg(result.error.describe()));
                return;
            }
            if (!me->m_document) {
                emit me->failed(tr("The document was closed."));
                return;
            }
            const UserConfig config = userConfigFromJson(result.value->userConfig);
            me->m_document->load(config, QString());
            me->m_document->setRemoteBase(config);
            emit me->opened(project, *result.value);
        });
}

} // namespace ckstudio
