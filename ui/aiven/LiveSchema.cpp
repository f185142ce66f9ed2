#include "aiven/LiveSchema.h"

#include "aiven/AivenClient.h"
#include "schema/ConfigValidator.h"

namespace ckstudio {

LiveSchemaLoader::LiveSchemaLoader(AivenClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client) {}

LiveSchemaLoader::~LiveSchemaLoader() {
    if (m_client && m_request)
        m_client->cancel(std::exchange(m_request, 0));
}

void LiveSchemaLoader::load(const QString& project) {
    if (!m_client)
        return;
    if (m_request)
        m_client->cancel(std::exchange(m_request, 0));
    QPointer<LiveSchemaLoader> self(this);
    m_request = m_client->listIntegrationTypes(
        project, [self, project](AivenResult<std::vector<AivenIntegrationType>> result) {
            if (!self || self->m_request == 0)
                return;
            self->m_request = 0;
            if (!result) {
                emit self->failed(result.error.describe());
                return;
            }
            for (const auto& type : *result.value) {
                if (type.type != QLatin1String("clickhouse_kafka"))
                    continue;
                if (type.userConfigSchema.is_null()) {
                    emit self->failed(tr("the API gave no user_config_schema for clickhouse_kafka"));
                    return;
                }
                std::string error;
                auto schema = ConfigValidator::loadSchema(type.userConfigSchema, &error);
                if (!schema) {
                    emit self->failed(
                        tr("the live schema is not usable: %1").arg(QString::fromStdString(error)));
                    return;
                }
                emit self->loaded(std::make_shared<const ConfigValidator>(std::move(schema)), project);
                return;
            }
            emit self->failed(tr("the API lists no clickhouse_kafka integration type"));
        });
}

} // namespace ckstudio
