#include "IntegrationOpener.h"

#include "aiven/AivenClient.h"
#include "itemmodels/ConfigDocument.h"

namespace ckstudio {

IntegrationOpener::IntegrationOpener(AivenClient* client, ConfigDocument* document, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_document(document) {}

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
    m_request = m_client->getIntegration(
        project, integrationId, this, [this, project](AivenResult<AivenIntegration> result) {
            m_request = 0;
            if (!result.ok()) {
                if (!result.error.cancelled)
                    emit failed(tr("Could not open the integration: %1").arg(result.error.describe()));
                return;
            }
            if (!m_document) {
                emit failed(tr("The document was closed."));
                return;
            }
            const UserConfig config = userConfigFromJson(result.value->userConfig);
            m_document->load(config, QString());
            m_document->setRemoteBase(config);
            emit opened(project, *result.value);
        });
}

} // namespace ckstudio
