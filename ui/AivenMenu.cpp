#include "AivenMenu.h"

#include "EditorHost.h"
#include "ProblemsDock.h"
#include "UserPrompts.h"
#include "aiven/AivenClient.h"
#include "aiven/AivenCredentials.h"
#include "aiven/ApplyDialog.h"
#include "aiven/ConnectDialog.h"
#include "aiven/CreateIntegrationWizard.h"
#include "aiven/IntegrationBrowser.h"
#include "aiven/IntegrationOpener.h"
#include "aiven/KafkaSourceResolver.h"
#include "aiven/LiveSchema.h"
#include "aiven/TopicBrowser.h"
#include "itemmodels/ConfigDocument.h"
#include "schema/ConfigValidator.h"
#include "schema/TableRules.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QMenuBar>
#include <QPointer>
#include <QProcessEnvironment>

namespace ckstudio {

AivenMenu::AivenMenu(EditorHost* host, SecretStore* secrets)
    : QObject(host->hostWidget())
    , m_host(host)
    , m_secrets(secrets)
    , m_menu(host->addMenu(tr("&Aiven"))) {
    auto add = [this](const QString& text, const QKeySequence& shortcut, void (AivenMenu::*slot)()) {
        auto* a = m_menu->addAction(text);
        a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
    };
    add(tr("&Connect…"), QKeySequence(), &AivenMenu::showConnect);
    add(tr("&Browse Integrations"), QKeySequence(Qt::CTRL | Qt::Key_B), &AivenMenu::showBrowser);
    add(tr("&Apply to Integration…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), &AivenMenu::showApply);
    m_menu->addSeparator();
    add(tr("&New Integration…"), QKeySequence(), &AivenMenu::showCreateIntegration);
    add(tr("Kafka &Topics"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), &AivenMenu::showTopicBrowser);
    setSchemaLabel(tr("bundled"), tr("Not connected to Aiven: validating against the bundled schema."));

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
    m_opener = new IntegrationOpener(m_client, m_host->document(), this);
    connect(m_opener, &IntegrationOpener::opened, this,
            [this](const QString& project, const AivenIntegration& integration) {
                const bool newProject = project != m_project;
                m_project = project;
                m_integrationId = integration.id;
                m_sourceService = integration.sourceService;
                m_sourceEndpointId = integration.sourceEndpointId;
                if (newProject)
                    loadLiveSchema(project);
                loadTargetVersion(project, integration.destService);
                m_host->showStatus(
                    tr("Opened integration %1 (%2 → %3) of project %4")
                        .arg(integration.id, integration.sourceService, integration.destService, project),
                    10000);
                emit connectionChanged(m_client->options().baseUrl, project);
            });
    connect(m_opener, &IntegrationOpener::failed, this, [this](const QString& message) {
        m_host->prompts().showWarning(m_host->hostWidget(), tr("Open Integration"), message);
    });
    if (m_browserDock) {
        delete m_browser;
        m_browser = nullptr;
        m_browserDock->hide();
    }
    delete m_topicBrowser; // it holds the old client
    m_topicBrowser = nullptr;
    if (m_topicDock)
        m_topicDock->hide();
    delete m_schemaLoader;
    m_schemaLoader = new LiveSchemaLoader(m_client, this);
    connect(m_schemaLoader, &LiveSchemaLoader::loaded, this,
            [this](std::shared_ptr<const ConfigValidator> validator, const QString& project) {
                m_host->document()->setValidator(std::move(validator));
                setSchemaLabel(tr("live"),
                               tr("Validating against the live clickhouse_kafka schema of the Aiven "
                                  "API (project %1).")
                                   .arg(project));
            });
    connect(m_schemaLoader, &LiveSchemaLoader::failed, this, [this](const QString& message) {
        m_host->document()->setValidator({});
        setSchemaLabel(
            tr("bundled"),
            tr("Validating against the bundled schema: the live one is unavailable (%1).").arg(message));
    });
    if (old)
        old->deleteLater();
    // The schema is the same for every project; the first one the token sees will do until one is opened.
    if (!m_project.isEmpty()) {
        loadLiveSchema(m_project);
    } else {
        m_client->listProjects(this, [this](AivenResult<std::vector<AivenProject>> result) {
            if (result && !result.value->empty() && m_project.isEmpty())
                loadLiveSchema(result.value->front().name);
        });
    }
    m_host->showStatus(tr("Aiven API: %1").arg(baseUrl.toString()), 10000);
    emit connectionChanged(baseUrl, {});
}

void AivenMenu::showConnect() {
    AivenClient::Options initial;
    initial.baseUrl = aivenBaseUrl(QProcessEnvironment::systemEnvironment());
    auto* dialog = new ConnectDialog(m_secrets, initial, m_host->hostWidget());
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
        m_browserDock = m_host->addLateDock(tr("Aiven Integrations"), QStringLiteral("aivenBrowserDock"),
                                            Qt::LeftDockWidgetArea);
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
    if (m_host->document()->isModified() &&
        !m_host->prompts().askYesNo(
            m_host->hostWidget(), tr("Open Integration"),
            tr("Replace the unsaved document with integration %1?").arg(integrationId)))
        return;
    m_opener->open(project, integrationId);
}

void AivenMenu::showApply() {
    if (!m_client || m_integrationId.isEmpty()) {
        m_host->prompts().showInformation(
            m_host->hostWidget(), tr("Apply to Integration"),
            tr("Open an integration from the Aiven browser first: applying compares your "
               "edits with the configuration they were pulled from."));
        return;
    }
    auto* dialog =
        new ApplyDialog(m_client, m_host->document(), m_project, m_integrationId, m_host->hostWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AivenMenu::loadLiveSchema(const QString& project) {
    if (m_schemaLoader)
        m_schemaLoader->load(project);
}

void AivenMenu::setSchemaLabel(const QString& inUse, const QString& detail) {
    m_schemaInUse = inUse;
    m_schemaDetail = detail;
    refreshProblemsTitle();
}

void AivenMenu::refreshProblemsTitle() {
    auto* dock = m_host->problemsDock();
    if (!dock)
        return;
    const auto version = m_host->document()->targetVersion();
    if (version) {
        const QString v = QStringLiteral("%1.%2").arg(version->first).arg(version->second);
        dock->setWindowTitle(tr("Problems (%1 schema, ClickHouse %2)").arg(m_schemaInUse, v));
        const QString detail =
            m_schemaDetail + QLatin1Char(' ') +
            tr("Settings and column types are checked against what ClickHouse %1 takes (%2).")
                .arg(v, m_versionSource);
        dock->setToolTip(detail);
        dock->setStatusTip(detail);
        return;
    }
    dock->setWindowTitle(tr("Problems (%1 schema)").arg(m_schemaInUse));
    dock->setToolTip(m_schemaDetail);
    dock->setStatusTip(m_schemaDetail);
}

void AivenMenu::setTargetVersion(const QString& versionText, const QString& source) {
    const auto version = parseServerVersion(versionText.toStdString());
    if (!version)
        return; // an answer without a usable version keeps what was known
    m_versionSource = source;
    m_host->document()->setTargetVersion(version);
    refreshProblemsTitle();
}

void AivenMenu::loadTargetVersion(const QString& project, const QString& clickhouseService) {
    if (!m_client || clickhouseService.isEmpty())
        return;
    m_client->getService(project, clickhouseService, false, this,
                         [this, clickhouseService](AivenResult<AivenService> result) {
                             if (!result || result.value->clickhouseVersion.isEmpty())
                                 return; // unknown: the warnings that do not need a version stay
                             setTargetVersion(result.value->clickhouseVersion,
                                              tr("the Aiven service %1").arg(clickhouseService));
                         });
}

void AivenMenu::showTopicBrowser() {
    if (!m_client) {
        showConnect();
        return;
    }
    if (!m_sourceService.isEmpty() || !m_sourceEndpointId.isEmpty()) {
        browseTopics(m_project, m_sourceService, m_sourceEndpointId);
        return;
    }
    if (!m_project.isEmpty()) {
        chooseKafkaSource(m_project);
        return;
    }
    m_client->listProjects(this, [this](AivenResult<std::vector<AivenProject>> result) {
        if (!result || result.value->empty()) {
            m_host->prompts().showWarning(m_host->hostWidget(), tr("Kafka Topics"),
                                          result ? tr("This token sees no project.")
                                                 : result.error.describe());
            return;
        }
        chooseKafkaSource(result.value->front().name);
    });
}

// No integration is open: the user picks one of the project's Kafka services or external endpoints.
void AivenMenu::chooseKafkaSource(const QString& project) {
    auto* sources = new KafkaSourceResolver(m_client, this); // one question, one answer
    connect(sources, &KafkaSourceResolver::listed, this,
            [this, sources, project](const KafkaSourceList& list) {
                sources->deleteLater();
                if (!list.ok()) {
                    m_host->prompts().showWarning(m_host->hostWidget(), tr("Kafka Topics"),
                                                  list.error->describe());
                    return;
                }
                QStringList items;
                for (const auto& choice : list.choices)
                    items << (choice.service.isEmpty() ? tr("External endpoint %1") : tr("Kafka service %1"))
                                 .arg(choice.name);
                if (items.isEmpty()) {
                    m_host->prompts().showInformation(
                        m_host->hostWidget(), tr("Kafka Topics"),
                        tr("Project %1 has no Kafka service or external Kafka endpoint.").arg(project));
                    return;
                }
                auto* dialog = new QInputDialog(m_host->hostWidget());
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->setWindowTitle(tr("Kafka Topics"));
                dialog->setLabelText(tr("Browse the topics of:"));
                dialog->setComboBoxItems(items);
                connect(dialog, &QInputDialog::textValueSelected, this,
                        [this, project, items, choices = list.choices](const QString& text) {
                            const auto index = items.indexOf(text);
                            if (index >= 0) {
                                const auto& choice = choices[static_cast<std::size_t>(index)];
                                browseTopics(project, choice.service, choice.endpointId);
                            }
                        });
                dialog->open();
            });
    sources->listSources(project);
}

void AivenMenu::browseTopics(const QString& project, const QString& service, const QString& endpointId) {
    if (!m_topicDock) {
        m_topicDock = m_host->addLateDock(tr("Kafka Topics"), QStringLiteral("kafkaTopicsDock"),
                                          Qt::BottomDockWidgetArea);
    }
    delete m_topicBrowser;
    m_topicBrowser = new TopicBrowser(m_client, m_host->document(), m_topicDock);
    m_topicBrowser->setCurrentTableProvider([host = m_host] { return host->currentTable(); });
    m_topicDock->setWidget(m_topicBrowser);
    if (!service.isEmpty())
        m_topicBrowser->openService(project, service);
    else
        m_topicBrowser->openEndpoint(project, endpointId);
    m_topicDock->show();
    m_topicDock->raise();
}

void AivenMenu::showCreateIntegration() {
    if (!m_client) {
        showConnect();
        return;
    }
    auto* wizard = new CreateIntegrationWizard(m_client, m_host->document(), m_project, m_host->hostWidget());
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &CreateIntegrationWizard::created, this,
            [this](const QString& project, const AivenIntegration& integration) {
                openIntegration(project, integration.id);
            });
    wizard->open();
}

} // namespace ckstudio
