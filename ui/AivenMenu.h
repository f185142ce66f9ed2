#pragma once
// The main window's Aiven menu: connect (token from env / avn credentials / keychain, or the connect dialog),
// a dock with the project → service → integration browser, opening an integration into the editor (which
// records the pulled config as the document's base) and applying with the diff/conflict dialog; a topic
// browser dock for the current integration's Kafka source (or a chosen one), the create-integration wizard,
// and the live schema: once connected, the document validates against the API's clickhouse_kafka schema.
#include <QObject>
#include <QString>
#include <QUrl>

class QDockWidget;
class QMenu;

namespace ckstudio {

class AivenClient;
class IntegrationBrowser;
class IntegrationOpener;
class LiveSchemaLoader;
class TopicBrowser;
class EditorHost;
class SecretStore;

class AivenMenu : public QObject {
    Q_OBJECT
public:
    AivenMenu(EditorHost* host, SecretStore* secrets);
    ~AivenMenu() override;

    QMenu* menu() const { return m_menu; }
    AivenClient* client() const { return m_client; }
    IntegrationBrowser* browser() const { return m_browser; }

    void showConnect();
    void showBrowser();
    void openIntegration(const QString& project, const QString& integrationId);
    void showApply();
    void showTopicBrowser();
    void showCreateIntegration();
    TopicBrowser* topicBrowser() const { return m_topicBrowser; }
    // "bundled" or "live": which schema the document validates against.
    QString schemaInUse() const { return m_schemaInUse; }
    // The ClickHouse version the document is checked for ("25.8", "26.5.1.1") and where it came from ("the
    // Aiven service X", "the connected server"): the problems dock names both. Text without a version is
    // ignored.
    void setTargetVersion(const QString& versionText, const QString& source);

signals:
    // A client was made for `baseUrl` (project empty) or an integration of `project` was opened.
    void connectionChanged(const QUrl& baseUrl, const QString& project);

private:
    void useToken(const QString& token, const QUrl& baseUrl);
    void loadLiveSchema(const QString& project);
    void setSchemaLabel(const QString& inUse, const QString& detail);
    void refreshProblemsTitle();
    void loadTargetVersion(const QString& project, const QString& clickhouseService);
    void chooseKafkaSource(const QString& project);
    void browseTopics(const QString& project, const QString& service, const QString& endpointId);

    EditorHost* m_host;
    SecretStore* m_secrets;
    QMenu* m_menu;
    AivenClient* m_client = nullptr;
    IntegrationOpener* m_opener = nullptr;
    QDockWidget* m_browserDock = nullptr;
    IntegrationBrowser* m_browser = nullptr;
    LiveSchemaLoader* m_schemaLoader = nullptr;
    QDockWidget* m_topicDock = nullptr;
    TopicBrowser* m_topicBrowser = nullptr;
    QString m_project;
    QString m_integrationId;
    QString m_sourceService;    // the opened integration's Kafka service, or
    QString m_sourceEndpointId; // its external endpoint
    QString m_schemaInUse;
    QString m_schemaDetail;
    QString m_versionSource;
};

} // namespace ckstudio
