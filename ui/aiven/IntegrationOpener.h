#pragma once
// Opens a remote integration into the edited document: fetches it, loads its user_config and remembers it as
// the document's remote base (what apply later compares the remote against).
#include "aiven/AivenTypes.h"

#include <QObject>
#include <QPointer>

namespace ckstudio {

class AivenClient;
class ConfigDocument;

class IntegrationOpener : public QObject {
    Q_OBJECT
public:
    IntegrationOpener(AivenClient* client, ConfigDocument* document, QObject* parent = nullptr);

    // Starts fetching; a previous open still in flight is cancelled. Ends with opened() or failed().
    void open(const QString& project, const QString& integrationId);
    void cancel();
    bool isBusy() const { return m_request != 0; }

signals:
    void opened(const QString& project, const ckstudio::AivenIntegration& integration);
    void failed(const QString& message);

private:
    QPointer<AivenClient> m_client;
    QPointer<ConfigDocument> m_document;
    quint64 m_request = 0;
};

} // namespace ckstudio
