#pragma once
// The main window's ClickHouse menu: connection, preview dock, running the destination DDL, writing rows back
// and checking sample messages. Owns the one ClickHouseClient of the window (replaced on reconnect).
#include <QObject>
#include <QPointer>

class QDockWidget;
class QMenu;

namespace ckstudio {

class ClickHouseClient;
class EditorHost;
class PreviewPane;
class SecretStore;
struct ConnectionSettings;

class ClickHouseMenu : public QObject {
    Q_OBJECT
public:
    ClickHouseMenu(EditorHost* host, SecretStore* secrets);
    ~ClickHouseMenu() override;

    QMenu* menu() const { return m_menu; }
    ClickHouseClient* client() const { return m_client; }
    PreviewPane* previewPane() const { return m_preview; }
    void connectTo(const ConnectionSettings& settings);

    void showConnect();
    void showPreview();
    void runDestinationDdl();
    void showWriteBack();
    void showSampleCheck();

signals:
    void connectionChanged(const QString& description);
    // A server was connected to: its version and where it came from, for the validation's target version.
    void serverVersionKnown(const QString& version, const QString& source);

private:
    bool requireClient();
    QString currentConnectorTable() const;

    EditorHost* m_host;
    SecretStore* m_secrets;
    QMenu* m_menu;
    ClickHouseClient* m_client = nullptr;
    QDockWidget* m_previewDock = nullptr;
    PreviewPane* m_preview = nullptr;
    QString m_kafkaService;
};

} // namespace ckstudio
