#pragma once
// The status bar's permanent "what is connected where": the Aiven API host and the project of the open
// integration (or offline), and the ClickHouse server's host:port and version (or not connected).
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QLabel;

namespace ckstudio {

class ClickHouseClient;

class ConnectionStatus : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionStatus(QWidget* parent = nullptr);

    // An empty URL: offline. `project` empty: connected, no integration opened yet.
    void setAiven(const QUrl& baseUrl, const QString& project);
    // Shows host:port at once and the version once the client has read it; null: not connected.
    void setClickHouse(ClickHouseClient* client);

    QString aivenText() const;
    QString clickHouseText() const;

private:
    void showClickHouse(const QString& version);

    QLabel* m_aiven;
    QLabel* m_clickHouse;
    QPointer<ClickHouseClient> m_client;
};

} // namespace ckstudio
