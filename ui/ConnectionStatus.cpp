#include "ConnectionStatus.h"

#include "clickhouse/ClickHouseClient.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ckstudio {

namespace {
QString hostPort(const QUrl& url) {
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1:%2").arg(url.host()).arg(port);
}
} // namespace

ConnectionStatus::ConnectionStatus(QWidget* parent)
    : QWidget(parent)
    , m_aiven(new QLabel(this))
    , m_clickHouse(new QLabel(this)) {
    setObjectName(QStringLiteral("connectionStatus"));
    m_aiven->setObjectName(QStringLiteral("aivenStatus"));
    m_clickHouse->setObjectName(QStringLiteral("clickHouseStatus"));
    m_aiven->setAccessibleName(tr("Aiven connection"));
    m_clickHouse->setAccessibleName(tr("ClickHouse connection"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_aiven);
    layout->addWidget(m_clickHouse);
    setAiven({}, {});
    setClickHouse(nullptr);
}

void ConnectionStatus::setAiven(const QUrl& baseUrl, const QString& project) {
    if (baseUrl.isEmpty()) {
        m_aiven->setText(tr("Aiven: offline"));
        m_aiven->setToolTip(tr("Not connected to the Aiven API (Aiven ▸ Connect…)"));
        return;
    }
    m_aiven->setText(project.isEmpty() ? tr("Aiven: %1").arg(baseUrl.host())
                                       : tr("Aiven: %1 / %2").arg(baseUrl.host(), project));
    m_aiven->setToolTip(baseUrl.toString(QUrl::RemoveUserInfo));
}

void ConnectionStatus::setClickHouse(ClickHouseClient* client) {
    m_client = client;
    if (!client) {
        m_clickHouse->setText(tr("ClickHouse: not connected"));
        m_clickHouse->setToolTip(tr("Not connected to ClickHouse (ClickHouse ▸ Connect…)"));
        return;
    }
    m_clickHouse->setToolTip(client->settings().displayUrl());
    showClickHouse({});
    // The version query is the client's first round trip anyway (it is cached for every later query).
    QPointer<ClickHouseClient> asked(client);
    client->loadCapabilities(this, [this, asked](const std::optional<ClickHouseError>& error) {
        if (!asked || asked != m_client)
            return; // replaced meanwhile
        if (error) {
            showClickHouse(tr("no answer"));
            m_clickHouse->setToolTip(asked->settings().displayUrl() + QLatin1Char('\n') + error->toString());
        } else
            showClickHouse(asked->capabilities()->version().text);
    });
}

void ConnectionStatus::showClickHouse(const QString& version) {
    const QString where = hostPort(m_client->settings().url);
    m_clickHouse->setText(version.isEmpty() ? tr("ClickHouse: %1").arg(where)
                                            : tr("ClickHouse: %1 (%2)").arg(where, version));
}

QString ConnectionStatus::aivenText() const {
    return m_aiven->text();
}

QString ConnectionStatus::clickHouseText() const {
    return m_clickHouse->text();
}

} // namespace ckstudio
