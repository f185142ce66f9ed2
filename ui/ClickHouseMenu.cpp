#include "ClickHouseMenu.h"

#include "AivenMenu.h"
#include "EditorHost.h"
#include "UserPrompts.h"
#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/ConnectionPanel.h"
#include "clickhouse/ConnectionSettings.h"
#include "clickhouse/DdlRunDialog.h"
#include "clickhouse/PreviewPane.h"
#include "clickhouse/SampleCheckView.h"
#include "clickhouse/WriteBackDialog.h"
#include "ddl/DestinationDdl.h"
#include "itemmodels/ConfigDocument.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QMenuBar>
#include <QProcessEnvironment>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ckstudio {

ClickHouseMenu::ClickHouseMenu(EditorHost* host, SecretStore* secrets)
    : QObject(host->hostWidget())
    , m_host(host)
    , m_secrets(secrets)
    , m_menu(host->addMenu(tr("&ClickHouse"))) {
    auto add = [this](const QString& text, const QKeySequence& shortcut, void (ClickHouseMenu::*slot)()) {
        auto* a = m_menu->addAction(text);
        a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
    };
    add(tr("&Connect…"), QKeySequence(), &ClickHouseMenu::showConnect);
    add(tr("&Preview Table…"), QKeySequence(Qt::CTRL | Qt::Key_P), &ClickHouseMenu::showPreview);
    add(tr("Run Destination &DDL…"), QKeySequence(), &ClickHouseMenu::runDestinationDdl);
    add(tr("&Write Rows Back…"), QKeySequence(), &ClickHouseMenu::showWriteBack);
    add(tr("Check &Sample Messages…"), QKeySequence(), &ClickHouseMenu::showSampleCheck);

    // CLICKHOUSE_URL (and user/password) from the environment connect right away, as the CLI does.
    QStringList noArgs;
    const auto env = QProcessEnvironment::systemEnvironment();
    if (env.contains(QStringLiteral("CLICKHOUSE_URL"))) {
        auto fromEnv = connectionFromArgs(noArgs, env);
        if (fromEnv.error.isEmpty())
            connectTo(fromEnv.settings);
    }
}

ClickHouseMenu::~ClickHouseMenu() = default;

void ClickHouseMenu::connectTo(const ConnectionSettings& settings) {
    auto* old = m_client;
    m_client = new ClickHouseClient(settings, this);
    if (m_preview)
        m_preview->setClient(m_client);
    if (old)
        old->deleteLater();
    const QString description = tr("ClickHouse: %1").arg(settings.displayUrl());
    m_host->showStatus(description);
    emit connectionChanged(description);
}

bool ClickHouseMenu::requireClient() {
    if (m_client)
        return true;
    showConnect();
    return false;
}

QString ClickHouseMenu::currentConnectorTable() const {
    const ConnectorTable* table = m_host->document()->table(m_host->currentTable());
    if (!table || m_kafkaService.isEmpty())
        return {};
    return QString::fromStdString(quoteIdentifier("service_" + m_kafkaService.toStdString()) + "." +
                                  quoteIdentifier(table->name));
}

void ClickHouseMenu::showConnect() {
    auto* dialog = new QDialog(m_host->hostWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Connect to ClickHouse"));
    auto* panel = new ConnectionPanel(m_secrets, QProcessEnvironment::systemEnvironment(), dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(panel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(panel, &ConnectionPanel::connected, this,
            [this, dialog](const ConnectionSettings& settings, const QString& version) {
                connectTo(settings);
                emit serverVersionKnown(version, tr("the connected server %1").arg(settings.displayUrl()));
                dialog->accept();
            });
    dialog->open();
}

void ClickHouseMenu::showPreview() {
    if (!m_previewDock) {
        m_previewDock =
            m_host->addLateDock(tr("Preview"), QStringLiteral("previewDock"), Qt::BottomDockWidgetArea);
        m_preview = new PreviewPane(m_previewDock);
        m_previewDock->setWidget(m_preview);
    }
    if (m_client)
        m_preview->setClient(m_client);
    const QString table = currentConnectorTable();
    if (!table.isEmpty())
        m_preview->setTable(table);
    m_previewDock->show();
    m_previewDock->raise();
    if (!m_client)
        showConnect();
}

void ClickHouseMenu::runDestinationDdl() {
    const ConnectorTable* table = m_host->document()->table(m_host->currentTable());
    if (!table) {
        m_host->prompts().showInformation(m_host->hostWidget(), tr("Run Destination DDL"),
                                          tr("Select a connector table first."));
        return;
    }
    if (!requireClient())
        return;
    const auto service = m_host->prompts().askText(
        m_host->hostWidget(), tr("Run Destination DDL"),
        tr("Kafka service (the connector table lives in service_<name>):"), m_kafkaService);
    if (!service || service->trimmed().isEmpty())
        return;
    m_kafkaService = service->trimmed();
    DdlOptions options;
    options.kafkaService = m_kafkaService.toStdString();
    const DdlResult result = generateDestinationDdl(*table, options);
    if (result.statements.empty()) {
        QStringList lines;
        for (const auto& p : result.problems)
            lines << QString::fromStdString(p.toLine());
        m_host->prompts().showWarning(m_host->hostWidget(), tr("Run Destination DDL"),
                                      lines.join(QLatin1Char('\n')));
        return;
    }
    auto* dialog = new DdlRunDialog(result.statements, m_host->hostWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setClient(m_client);
    dialog->show();
}

void ClickHouseMenu::showWriteBack() {
    if (!requireClient())
        return;
    auto* dialog = new WriteBackDialog(m_host->hostWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setClient(m_client);
    const QString table = currentConnectorTable();
    if (!table.isEmpty()) {
        dialog->setTable(table);
        dialog->loadColumns();
    }
    dialog->show();
}

void ClickHouseMenu::showSampleCheck() {
    if (!requireClient())
        return;
    auto* dialog = new QDialog(m_host->hostWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Check Sample Messages"));
    auto* view = new SampleCheckView(dialog);
    view->setClient(m_client);
    const QString table = currentConnectorTable();
    if (!table.isEmpty())
        view->setTable(table);
    if (const ConnectorTable* t = m_host->document()->table(m_host->currentTable()))
        view->setFormat(QString::fromStdString(t->dataFormat));
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(view);
    dialog->resize(800, 500);
    dialog->show();
}

} // namespace ckstudio
