#include "clickhouse/ConnectionPanel.h"

#include "clickhouse/ClickHouseClient.h"
#include "secrets/SecretStore.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ckstudio {

ConnectionPanel::ConnectionPanel(SecretStore* store, const QProcessEnvironment& env, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_test(new QPushButton(tr("&Test"), this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_result(new QLabel(this)) {
    m_url->setPlaceholderText(QStringLiteral("https://host:8443/"));
    m_url->setAccessibleName(tr("ClickHouse URL"));
    m_user->setPlaceholderText(tr("default"));
    m_user->setAccessibleName(tr("ClickHouse user"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("ClickHouse password"));
    m_caFile->setPlaceholderText(tr("system certificates only"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_browse->setAccessibleName(tr("Choose CA certificate file"));
    m_test->setAccessibleName(tr("Test connection"));
    m_cancel->setAccessibleName(tr("Cancel connection test"));
    m_cancel->setEnabled(false);
    m_result->setWordWrap(true);
    m_result->setAccessibleName(tr("Connection test result"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* ca = new QHBoxLayout;
    ca->addWidget(m_caFile, 1);
    ca->addWidget(m_browse);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_test);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto* form = new QFormLayout(this);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("U&ser:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("C&A file:"), ca);
    form->addRow(buttons);
    form->addRow(m_result);

    // The environment wins over nothing, and connectionFromArgs reads it the same way for the CLI.
    QStringList noArgs;
    const ConnectionArgsResult fromEnv = connectionFromArgs(noArgs, env);
    if (fromEnv.error.isEmpty())
        setSettings(fromEnv.settings);

    connect(m_test, &QPushButton::clicked, this, &ConnectionPanel::test);
    connect(m_cancel, &QPushButton::clicked, this, &ConnectionPanel::cancelTest);
    connect(m_url, &QLineEdit::editingFinished, this, &ConnectionPanel::loadStoredPassword);
    connect(m_user, &QLineEdit::editingFinished, this, &ConnectionPanel::loadStoredPassword);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("CA certificate file"), m_caFile->text(),
                                         tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    if (m_password->text().isEmpty())
        loadStoredPassword();
}

ConnectionPanel::~ConnectionPanel() = default;

ConnectionSettings ConnectionPanel::settings() const {
    ConnectionSettings s;
    s.url = QUrl::fromUserInput(m_url->text().trimmed());
    s.user = m_user->text().trimmed();
    s.password = m_password->text();
    s.caFile = m_caFile->text().trimmed();
    return s;
}

void ConnectionPanel::setSettings(const ConnectionSettings& settings) {
    m_url->setText(settings.url.toString());
    m_user->setText(settings.user);
    m_password->setText(settings.password);
    m_caFile->setText(settings.caFile);
}

QString ConnectionPanel::resultText() const {
    return m_result->text();
}

QString ConnectionPanel::secretKey(const ConnectionSettings& settings) {
    return QStringLiteral("clickhouse-password:%1@%2")
        .arg(settings.user.isEmpty() ? QStringLiteral("default") : settings.user, settings.displayUrl());
}

void ConnectionPanel::loadStoredPassword() {
    if (!m_store || !m_password->text().isEmpty() || m_url->text().trimmed().isEmpty())
        return;
    const QString key = secretKey(settings());
    QPointer<ConnectionPanel> self(this);
    m_store->read(key, [self, key](const SecretResult& result) {
        // Only fill in when the fields still name the same entry and the user typed nothing meanwhile.
        if (!self || !result.ok() || !result.value || !self->m_password->text().isEmpty() ||
            secretKey(self->settings()) != key)
            return;
        self->m_password->setText(*result.value);
    });
}

void ConnectionPanel::test() {
    const ConnectionSettings s = settings();
    if (!s.url.isValid() || s.url.host().isEmpty() ||
        (s.url.scheme() != QLatin1String("http") && s.url.scheme() != QLatin1String("https"))) {
        finishTest(tr("Enter an http:// or https:// URL."), false);
        return;
    }
    m_testClient = std::make_unique<ClickHouseClient>(s);
    m_test->setEnabled(false);
    m_cancel->setEnabled(true);
    m_result->setText(tr("Connecting to %1…").arg(s.displayUrl()));
    ClickHouseClient* client = m_testClient.get();
    m_testClient->loadCapabilities(this, [this, client](const std::optional<ClickHouseError>& error) {
        if (m_testClient.get() != client)
            return; // cancelled or replaced by a newer test
        if (error) {
            finishTest(tr("Connection failed: %1").arg(error->toString()), false);
            return;
        }
        const ConnectionSettings tested = m_testClient->settings();
        const QString version = m_testClient->capabilities()->version().text;
        finishTest(tr("Connected: ClickHouse %1").arg(version), true);
        if (m_store && !tested.password.isEmpty())
            m_store->write(secretKey(tested), tested.password, [](const SecretResult&) {});
        emit connected(tested, version);
    });
}

void ConnectionPanel::cancelTest() {
    if (!m_testClient)
        return;
    finishTest(tr("Connection test cancelled."), false);
}

void ConnectionPanel::finishTest(const QString& message, bool ok) {
    // Deleting the client aborts its requests; later so that we never delete it inside its own callback.
    if (m_testClient)
        m_testClient.release()->deleteLater();
    m_test->setEnabled(true);
    m_cancel->setEnabled(false);
    m_result->setText(message);
    if (!ok)
        emit testFailed(message);
}

} // namespace ckstudio
