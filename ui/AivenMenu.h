#pragma once
// The main window's Aiven menu: connect (token from env / avn credentials / keychain, or the connect dialog),
// a dock with the project → service → integration browser, opening an integration into the editor (which
// records the pulled config as the document's base) and applying with the diff/conflict dialog.
#include <QObject>
#include <QString>

class QDockWidget;
class QMenu;

namespace ckstudio {

class AivenClient;
class IntegrationBrowser;
class IntegrationOpener;
class MainWindow;
class SecretStore;

class AivenMenu : public QObject {
    Q_OBJECT
public:
    AivenMenu(MainWindow* window, SecretStore* secrets);
    ~AivenMenu() override;

    QMenu* menu() const { return m_menu; }
    AivenClient* client() const { return m_client; }
    IntegrationBrowser* browser() const { return m_browser; }

    void showConnect();
    void showBrowser();
    void openIntegration(const QString& project, const QString& integrationId);
    void showApply();

private:
    void useToken(const QString& token, const QUrl& baseUrl);

    MainWindow* m_window;
    SecretStore* m_secrets;
    QMenu* m_menu;
    AivenClient* m_client = nullptr;
    IntegrationOpener* m_opener = nullptr;
    QDockWidget* m_browserDock = nullptr;
    IntegrationBrowser* m_browser = nullptr;
    QString m_project;
    QString m_integrationId;
};

} // namespace ckstudio
