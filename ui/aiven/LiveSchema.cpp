#include "aiven/LiveSchema.h"

#include "aiven/AivenClient.h"
#include "schema/ConfigValidator.h"

namespace ckstudio {

LiveSchemaLoader::LiveSchemaLoader(AivenClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client) {}

void LiveSchemaLoader::load(const QString& project) {
    if (!m_client)
        return;
    if (m_request)
        m_client->cancel(std::exchange(m_request, 0));
    m_request = m_client->listIntegrationTypes(
        project, this, [this, project](AivenResult<std::vector<AivenIntegrationType>> result) {
            if (m_request == 0) // cancelled by the next load()
                return;
            m_request = 0;
            if (!result) {
                emit failed(result.error.describe());
                return;
            }
            for (const auto& type : *result.value) {
                if (type.type != QLatin1String("clickhouse_kafka"))
                    continue;
                if (type.userConfigSchema.is_null()) {
                    emit failed(tr("the API gave no user_config_schema for clickhouse_kafka"));
                    return;
                }
                std::string error;
                auto schema = ConfigValidator::loadSchema(type.userConfigSchema, &error);
                if (!schema) {
                    emit failed(tr("the live schema is not usable: %1").arg(QString::fromStdString(error)));
                    return;
                }
                emit loaded(std::make_shared<const ConfigValidator>(std::move(schema)), project);
                return;
            }
            emit failed(tr("the API lists no clickhouse_kafka integration type"));
        });
}

} // namespace ckstudio
