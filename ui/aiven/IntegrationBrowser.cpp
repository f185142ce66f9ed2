#include "IntegrationBrowser.h"

#include "IntegrationTreeModel.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ckstudio {

IntegrationBrowser::IntegrationBrowser(AivenClient* client, QWidget* parent)
    : QWidget(parent)
    , m_model(new IntegrationTreeModel(client, this))
    , m_view(new QTreeView(this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
    , m_cancelButton(new QPushButton(tr("&Cancel"), this))
    , m_openButton(new QPushButton(tr("&Open"), this))
    , m_status(new QLabel(this)) {
    setAccessibleName(tr("Aiven integrations"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Projects, ClickHouse services and their Kafka integrations"));
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setSectionResizeMode(IntegrationTreeModel::NameColumn, QHeaderView::ResizeToContents);
    m_refreshButton->setAccessibleName(tr("Refresh the selected project or service"));
    m_cancelButton->setAccessibleName(tr("Cancel loading"));
    m_openButton->setAccessibleName(tr("Open the selected integration in the editor"));
    m_status->setAccessibleName(tr("Loading status"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refreshButton);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch();
    buttons->addWidget(m_status);
    buttons->addWidget(m_openButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_refreshButton, &QPushButton::clicked, this, &IntegrationBrowser::refresh);
    connect(m_cancelButton, &QPushButton::clicked, this, &IntegrationBrowser::cancel);
    connect(m_openButton, &QPushButton::clicked, this, &IntegrationBrowser::openCurrent);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        if (m_model->integrationAt(index.siblingAtColumn(0)))
            openCurrent();
    });
    connect(m_model, &IntegrationTreeModel::busyChanged, this, [this](bool busy) {
        m_status->setText(busy ? tr("Loading…") : QString());
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &IntegrationBrowser::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &IntegrationBrowser::updateActions);
    updateActions();
    m_model->fetchMore({});
}

IntegrationBrowser::~IntegrationBrowser() = default;

void IntegrationBrowser::refresh() {
    QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
    // A leaf refreshes its container (an integration its service, an error row the node that failed).
    auto isContainer = [](const QModelIndex& index) {
        const auto kind =
            static_cast<IntegrationTreeModel::Kind>(index.data(IntegrationTreeModel::KindRole).toInt());
        return kind == IntegrationTreeModel::Kind::Project || kind == IntegrationTreeModel::Kind::Service;
    };
    while (current.isValid() && !isContainer(current))
        current = current.parent();
    m_model->refresh(current);
    if (current.isValid())
        m_view->expand(current);
}

void IntegrationBrowser::cancel() {
    m_model->cancelAll();
}

void IntegrationBrowser::openCurrent() {
    const AivenIntegration* integration = m_model->integrationAt(m_view->currentIndex().siblingAtColumn(0));
    if (!integration)
        return;
    emit openIntegrationRequested(m_view->currentIndex().data(IntegrationTreeModel::ProjectRole).toString(),
                                    integration->id);
}

void IntegrationBrowser::closeEvent(QCloseEvent* event) {
    m_model->cancelAll();
    QWidget::closeEvent(event);
}

void IntegrationBrowser::updateActions() {
    m_cancelButton->setEnabled(m_model->isBusy());
    m_openButton->setEnabled(m_model->integrationAt(m_view->currentIndex().siblingAtColumn(0)) != nullptr);
}

} // namespace ckstudio
