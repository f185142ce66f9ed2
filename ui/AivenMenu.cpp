#include "AivenMenu.h"

#include "MainWindow.h"
#include "aiven/AivenClient.h"
#include "aiven/AivenCredentials.h"
#include "aiven/ApplyDialog.h"
#include "aiven/ConnectDialog.h"
#include "aiven/IntegrationBrowser.h"
#include "aiven/IntegrationOpener.h"
#include "itemmodels/ConfigDocument.h"

#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProcessEnvironment>
#include <QStatusBar>

namespace ckstudio {

AivenMenu::AivenMenu(MainWindow* window, SecretStore* secrets)
    : QObject(window)
    , m_window(window)
    , m_secrets(secrets)
    , m_menu(window->menuBar()->addMenu(tr("&Aiven"))) {
    auto add = [this](const QString& text, const QKeySequence& shortcut, void (AivenMenu::*slot)()) {
        auto* a = m_menu->addAction(text);
        a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
    };
    add(tr("&Connect…"), QKeySequence(), &AivenMenu::showConnect);
    add(tr("&Browse Integrations"), QKeySequence(Qt::CTRL | Qt::Key_B), &AivenMenu::showBrowser);
    add(tr("&Apply to Integration…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &AivenMenu::showApply);

    // A token in the environment or avn's credentials file is used without asking; the keychain is only read
    // when the user browses (no keychain prompt at start-up).
    const auto env = QProcessEnvironment::systemEnvironment();
    const AivenTokenLookup lookup = aivenTokenFromEnvironment(env);
    if (lookup.found())
        useToken(*lookup.token, aivenBaseUrl(env));
}

AivenMenu::~AivenMenu() = default;

void AivenMenu::useToken(const QString& token, const QUrl& baseUrl) {
    AivenClient::Options options;
    options.baseUrl = baseUrl;
    options.token = token;
    auto* old = m_client;
    m_client = new AivenClient(options, this);
    delete m_opener;
    m_opener = new IntegrationOpener(m_client, m_window->document(), this);
    connect(m_opener, &IntegrationOpener::opened, this,
            [this](const QString& project, const AivenIntegration& integration) {
                m_project = project;
                m_integrationId = integration.id;
                m_window->statusBar()->showMessage(
                    tr("Opened integration %1 (%2 → %3) of project %4")
                        .arg(integration.id, integration.sourceService, integration.destService, project),
                    10000);
            });
    connect(m_opener, &IntegrationOpener::failed, this, [this](const QString& message) {
        QMessageBox::warning(m_window, tr("Open Integration"), message);
    });
    if (m_browserDock) {
        delete m_browser;
        m_browser = nullptr;
        m_browserDock->hide();
    }
    if (old)
        old->deleteLater();
    m_window->statusBar()->showMessage(tr("Aiven API: %1").arg(baseUrl.toString()), 10000);
}

void AivenMenu::showConnect() {
    AivenClient::Options initial;
    initial.baseUrl = aivenBaseUrl(QProcessEnvironment::systemEnvironment());
    auto* dialog = new ConnectDialog(m_secrets, initial, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ConnectDialog> guard(dialog);
    connect(dialog, &QDialog::accepted, this, [this, guard] {
        if (!guard)
            return;
        const auto options = guard->clientOptions();
        useToken(options.token, options.baseUrl);
        showBrowser();
    });
    dialog->open();
}

void AivenMenu::showBrowser() {
    if (!m_client) {
        // Environment and credentials file had nothing: try the keychain, else ask.
        const auto env = QProcessEnvironment::systemEnvironment();
        QPointer<AivenMenu> self(this);
        resolveAivenToken(env, m_secrets, [self, env](AivenTokenLookup lookup) {
            if (!self)
                return;
            if (lookup.found()) {
                self->useToken(*lookup.token, aivenBaseUrl(env));
                self->showBrowser();
            } else {
                self->showConnect();
            }
        });
        return;
    }
    if (!m_browserDock) {
        m_browserDock = new QDockWidget(tr("Aiven Integrations"), m_window);
        m_browserDock->setObjectName(QStringLiteral("aivenBrowserDock"));
        m_window->addDockWidget(Qt::LeftDockWidgetArea, m_browserDock);
    }
    if (!m_browser) {
        m_browser = new IntegrationBrowser(m_client, m_browserDock);
        m_browserDock->setWidget(m_browser);
        connect(m_browser, &IntegrationBrowser::openIntegrationRequested, this, &AivenMenu::openIntegration);
    }
    m_browserDock->show();
    m_browserDock->raise();
}

void AivenMenu::openIntegration(const QString& project, const QString& integrationId) {
    if (!m_opener)
        return;
    if (m_window->document()->isModified() &&
        QMessageBox::question(m_window, tr("Open Integration"),
                              tr("Replace the unsaved document with integration %1?").arg(integrationId)) !=
            QMessageBox::Yes)
        return;
    m_opener->open(project, integrationId);
}

void AivenMenu::showApply() {
    if (!m_client || m_integrationId.isEmpty()) {
        QMessageBox::information(m_window, tr("Apply to Integration"),
                                 tr("Open an integration from the Aiven browser first: applying compares your "
                                    "edits with the configuration they were pulled from."));
        return;
    }
    auto* dialog = new ApplyDialog(m_client, m_window->document(), m_project, m_integrationId, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace ckstudio
