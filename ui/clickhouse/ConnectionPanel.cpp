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
    , mStore(store)
    , mUrl(new QLineEdit(this))
    , mUser(new QLineEdit(this))
    , mPassword(new QLineEdit(this))
    , mCaFile(new QLineEdit(this))
    , mBrowse(new QPushButton(tr("&Browse…"), this))
    , mTest(new QPushButton(tr("&Test"), this))
    , mCancel(new QPushButton(tr("&Cancel"), this))
    , mResult(new QLabel(this)) {
    mUrl->setPlaceholderText(QStringLiteral("https://host:8443/"));
    mUrl->setAccessibleName(tr("ClickHouse URL"));
    mUser->setPlaceholderText(tr("default"));
    mUser->setAccessibleName(tr("ClickHouse user"));
    mPassword->setEchoMode(QLineEdit::Password);
    mPassword->setAccessibleName(tr("ClickHouse password"));
    mCaFile->setPlaceholderText(tr("system certificates only"));
    mCaFile->setAccessibleName(tr("CA certificate file"));
    mBrowse->setAccessibleName(tr("Choose CA certificate file"));
    mTest->setAccessibleName(tr("Test connection"));
    mCancel->setAccessibleName(tr("Cancel connection test"));
    mCancel->setEnabled(false);
    mResult->setWordWrap(true);
    mResult->setAccessibleName(tr("Connection test result"));
    mResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* ca = new QHBoxLayout;
    ca->addWidget(mCaFile, 1);
    ca->addWidget(mBrowse);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(mTest);
    buttons->addWidget(mCancel);
    buttons->addStretch();
    auto* form = new QFormLayout(this);
    form->addRow(tr("&URL:"), mUrl);
    form->addRow(tr("U&ser:"), mUser);
    form->addRow(tr("&Password:"), mPassword);
    form->addRow(tr("C&A file:"), ca);
    form->addRow(buttons);
    form->addRow(mResult);

    // The environment wins over nothing, and connectionFromArgs reads it the same way for the CLI.
    QStringList noArgs;
    const ConnectionArgsResult fromEnv = connectionFromArgs(noArgs, env);
    if (fromEnv.error.isEmpty())
        setSettings(fromEnv.settings);

    connect(mTest, &QPushButton::clicked, this, &ConnectionPanel::test);
    connect(mCancel, &QPushButton::clicked, this, &ConnectionPanel::cancelTest);
    connect(mUrl, &QLineEdit::editingFinished, this, &ConnectionPanel::loadStoredPassword);
    connect(mUser, &QLineEdit::editingFinished, this, &ConnectionPanel::loadStoredPassword);
    connect(mBrowse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("CA certificate file"), mCaFile->text(),
                                         tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            mCaFile->setText(file);
    });
    if (mPassword->text().isEmpty())
        loadStoredPassword();
}

ConnectionPanel::~ConnectionPanel() = default;

ConnectionSettings ConnectionPanel::settings() const {
    ConnectionSettings s;
    s.url = QUrl::fromUserInput(mUrl->text().trimmed());
    s.user = mUser->text().trimmed();
    s.password = mPassword->text();
    s.caFile = mCaFile->text().trimmed();
    return s;
}

void ConnectionPanel::setSettings(const ConnectionSettings& settings) {
    mUrl->setText(settings.url.toString());
    mUser->setText(settings.user);
    mPassword->setText(settings.password);
    mCaFile->setText(settings.caFile);
}

QString ConnectionPanel::resultText() const {
    return mResult->text();
}

QString ConnectionPanel::secretKey(const ConnectionSettings& settings) {
    return QStringLiteral("clickhouse-password:%1@%2")
        .arg(settings.user.isEmpty() ? QStringLiteral("default") : settings.user, settings.displayUrl());
}

void ConnectionPanel::loadStoredPassword() {
    if (!mStore || !mPassword->text().isEmpty() || mUrl->text().trimmed().isEmpty())
        return;
    const QString key = secretKey(settings());
    QPointer<ConnectionPanel> self(this);
    mStore->read(key, [self, key](const SecretResult& result) {
        // Only fill in when the fields still name the same entry and the user typed nothing meanwhile.
        if (!self || !result.ok() || !result.value || !self->mPassword->text().isEmpty() ||
            secretKey(self->settings()) != key)
            return;
        self->mPassword->setText(*result.value);
    });
}

void ConnectionPanel::test() {
    const ConnectionSettings s = settings();
    if (!s.url.isValid() || s.url.host().isEmpty() ||
        (s.url.scheme() != QLatin1String("http") && s.url.scheme() != QLatin1String("https"))) {
        finishTest(tr("Enter an http:// or https:// URL."), false);
        return;
    }
    mTestClient = std::make_unique<ClickHouseClient>(s);
    mTest->setEnabled(false);
    mCancel->setEnabled(true);
    mResult->setText(tr("Connecting to %1…").arg(s.displayUrl()));
    ClickHouseClient* client = mTestClient.get();
    mTestClient->loadCapabilities(this, [this, client](const std::optional<ClickHouseError>& error) {
        if (mTestClient.get() != client)
            return; // cancelled or replaced by a newer test
        if (error) {
            finishTest(tr("Connection failed: %1").arg(error->toString()), false);
            return;
        }
        const ConnectionSettings tested = mTestClient->settings();
        const QString version = mTestClient->capabilities()->version().text;
        finishTest(tr("Connected: ClickHouse %1").arg(version), true);
        if (mStore && !tested.password.isEmpty())
            mStore->write(secretKey(tested), tested.password, [](const SecretResult&) {});
        emit connected(tested, version);
    });
}

void ConnectionPanel::cancelTest() {
    if (!mTestClient)
        return;
    finishTest(tr("Connection test cancelled."), false);
}

void ConnectionPanel::finishTest(const QString& message, bool ok) {
    // Deleting the client aborts its requests; later so that we never delete it inside its own callback.
    if (mTestClient)
        mTestClient.release()->deleteLater();
    mTest->setEnabled(true);
    mCancel->setEnabled(false);
    mResult->setText(message);
    if (!ok)
        emit testFailed(message);
}

} // namespace ckstudio
