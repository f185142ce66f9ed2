#pragma once
// Fetches the clickhouse_kafka integration type's live user_config_schema (GET
// /v1/project/{p}/integration_types) and turns it into a validator for the document. When the API has none or
// it is unusable, failed() says why and the bundled schema stays in use.
#include <QObject>
#include <QPointer>
#include <memory>

namespace ckstudio {

class AivenClient;
class ConfigValidator;

class LiveSchemaLoader : public QObject {
    Q_OBJECT
public:
    explicit LiveSchemaLoader(AivenClient* client, QObject* parent = nullptr);

    void load(const QString& project);
    bool isLoading() const { return m_request != 0; }

signals:
    void loaded(std::shared_ptr<const ckstudio::ConfigValidator> validator, const QString& project);
    void failed(const QString& message);

private:
    QPointer<AivenClient> m_client;
    quint64 m_request = 0;
};

} // namespace ckstudio
