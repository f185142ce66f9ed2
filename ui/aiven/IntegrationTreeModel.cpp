#include "IntegrationTreeModel.h"

#include "aiven/AivenClient.h"
#include "itemmodels/StatusColors.h"

#include <QBrush>
#include <QPalette>
#include <QTimer>

namespace ckstudio {

IntegrationTreeModel::IntegrationTreeModel(AivenClient* client, QObject* parent)
    : QAbstractItemModel(parent)
    , m_client(client) {
    m_root.kind = Kind::Project; // the invisible root lists projects
    m_root.load = Load::NotLoaded;
}

IntegrationTreeModel::Node* IntegrationTreeModel::nodeOf(const QModelIndex& index) const {
    if (!index.isValid())
        return const_cast<Node*>(&m_root);
    return static_cast<Node*>(index.internalPointer());
}

int IntegrationTreeModel::rowOf(const Node* node) const {
    if (!node->parent)
        return 0;
    const auto& siblings = node->parent->children;
    for (std::size_t i = 0; i < siblings.size(); ++i) {
        if (siblings[i].get() == node)
            return static_cast<int>(i);
    }
    return 0;
}

QModelIndex IntegrationTreeModel::indexOf(const Node* node) const {
    if (!node || node == &m_root)
        return {};
    return createIndex(rowOf(node), 0, const_cast<Node*>(node));
}

bool IntegrationTreeModel::isContainer(const Node* node) const {
    return node == &m_root || node->kind == Kind::Project || node->kind == Kind::Service;
}

QModelIndex IntegrationTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node* node = nodeOf(parent);
    if (row >= static_cast<int>(node->children.size()))
        return {};
    return createIndex(row, column, node->children[static_cast<std::size_t>(row)].get());
}

QModelIndex IntegrationTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int IntegrationTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int IntegrationTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

bool IntegrationTreeModel::hasChildren(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node* node = nodeOf(parent);
    if (!isContainer(node))
        return false;
    return node->load != Load::Loaded || !node->children.empty();
}

bool IntegrationTreeModel::canFetchMore(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node* node = nodeOf(parent);
    return isContainer(node) && node->load == Load::NotLoaded && m_client;
}

void IntegrationTreeModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    // Views call fetchMore() while handling this model's change signals; starting (and inserting the loading
    // row) on the next event-loop turn keeps model changes from nesting.
    Node* node = nodeOf(parent);
    node->load = Load::Loading;
    node->request = 0;
    node->generation = m_nextGeneration++;
    const int generation = node->generation;
    QTimer::singleShot(0, this, [this, node, generation] {
        if (stillWaiting(node, generation))
            startFetch(node);
    });
}

QVariant IntegrationTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid())
        return {};
    const Node* node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return index.column() == NameColumn ? node->name : node->details;
    case Qt::AccessibleTextRole:
        return node->details.isEmpty() ? node->name : node->name + QStringLiteral(", ") + node->details;
    case Qt::ForegroundRole:
        if (node->kind == Kind::Error)
            return QBrush(errorColor(QPalette()));
        if (node->kind == Kind::Loading || node->kind == Kind::Empty)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case KindRole:
        return static_cast<int>(node->kind);
    case ProjectRole:
        return node->project;
    case ServiceRole:
        return node->service;
    case IntegrationIdRole:
        return node->kind == Kind::Integration ? node->integration.id : QString();
    default:
        return {};
    }
}

QVariant IntegrationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

const AivenIntegration* IntegrationTreeModel::integrationAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const Node* node = nodeOf(index);
    return node->kind == Kind::Integration ? &node->integration : nullptr;
}

std::unique_ptr<IntegrationTreeModel::Node> IntegrationTreeModel::messageNode(Kind kind, const QString& text,
                                                                              Node* parent) const {
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->name = text;
    node->parent = parent;
    node->project = parent->project;
    node->service = parent->service;
    node->load = Load::Loaded;
    return node;
}

void IntegrationTreeModel::clearChildren(Node* node) {
    if (node->children.empty())
        return;
    beginRemoveRows(indexOf(node), 0, static_cast<int>(node->children.size()) - 1);
    node->children.clear();
    endRemoveRows();
}

void IntegrationTreeModel::setChildren(Node* node, std::vector<std::unique_ptr<Node>> children) {
    clearChildren(node);
    node->load = Load::Loaded;
    node->request = 0;
    if (!children.empty()) {
        beginInsertRows(indexOf(node), 0, static_cast<int>(children.size()) - 1);
        node->children = std::move(children);
        endInsertRows();
    }
}

bool IntegrationTreeModel::contains(const Node* root, const Node* node) const {
    if (root == node)
        return true;
    for (const auto& child : root->children) {
        if (contains(child.get(), node))
            return true;
    }
    return false;
}

IntegrationTreeModel::Node* IntegrationTreeModel::stillWaiting(Node* node, int generation) const {
    if (!contains(&m_root, node))
        return nullptr;
    return node->generation == generation && node->load == Load::Loading ? node : nullptr;
}

void IntegrationTreeModel::requestFinished() {
    if (--m_inFlight == 0)
        emit busyChanged(false);
}

template <typename T>
void IntegrationTreeModel::deliver(Node* node, int generation, const AivenResult<T>& result,
                                   const std::function<std::vector<std::unique_ptr<Node>>(const T&)>& build,
                                   const QString& emptyText) {
    requestFinished();
    Node* target = stillWaiting(node, generation);
    if (!target)
        return;
    std::vector<std::unique_ptr<Node>> children;
    if (!result.ok()) {
        const QString text = result.error.cancelled ? tr("Cancelled") : result.error.describe();
        children.push_back(messageNode(Kind::Error, text, target));
        // An error row is not final: fetching again (refresh) retries.
    } else {
        children = build(*result.value);
        if (children.empty())
            children.push_back(messageNode(Kind::Empty, emptyText, target));
    }
    setChildren(target, std::move(children));
}

void IntegrationTreeModel::startFetch(Node* node) {
    if (!m_client)
        return;
    node->load = Load::Loading;
    node->generation = m_nextGeneration++;
    const int generation = node->generation;
    clearChildren(node);
    beginInsertRows(indexOf(node), 0, 0);
    node->children.push_back(messageNode(Kind::Loading, tr("Loading…"), node));
    endInsertRows();
    if (m_inFlight++ == 0)
        emit busyChanged(true);

    // The model is the context of its requests: a destroyed model is never called back.
    if (node == &m_root) {
        node->request =
            m_client->listProjects(this, [this, node, generation](AivenResult<std::vector<AivenProject>> r) {
                deliver<std::vector<AivenProject>>(
                    node, generation, r,
                    [node](const std::vector<AivenProject>& projects) {
                        std::vector<std::unique_ptr<Node>> out;
                        for (const AivenProject& project : projects) {
                            auto child = std::make_unique<Node>();
                            child->kind = Kind::Project;
                            child->name = project.name;
                            child->project = project.name;
                            child->parent = node;
                            out.push_back(std::move(child));
                        }
                        return out;
                    },
                    tr("No projects"));
            });
    } else if (node->kind == Kind::Project) {
        node->request = m_client->listServices(
            node->project, this, [this, node, generation](AivenResult<std::vector<AivenService>> r) {
                deliver<std::vector<AivenService>>(
                    node, generation, r,
                    [node](const std::vector<AivenService>& services) {
                        std::vector<std::unique_ptr<Node>> out;
                        for (const AivenService& service : services) {
                            if (service.type != QLatin1String("clickhouse"))
                                continue;
                            auto child = std::make_unique<Node>();
                            child->kind = Kind::Service;
                            child->name = service.name;
                            child->details = service.state;
                            child->project = node->project;
                            child->service = service.name;
                            child->parent = node;
                            out.push_back(std::move(child));
                        }
                        return out;
                    },
                    tr("No ClickHouse services"));
            });
    } else {
        node->request = m_client->listServiceIntegrations(
            node->project, node->service, this,
            [this, node, generation](AivenResult<std::vector<AivenIntegration>> r) {
                deliver<std::vector<AivenIntegration>>(
                    node, generation, r,
                    [node](const std::vector<AivenIntegration>& all) {
                        std::vector<std::unique_ptr<Node>> out;
                        for (const AivenIntegration& integration :
                             clickhouseKafkaIntegrations(all, node->service)) {
                            auto child = std::make_unique<Node>();
                            child->kind = Kind::Integration;
                            child->name = integration.source();
                            child->details = tr("%n table(s), %1", nullptr, integration.tableCount())
                                                 .arg(integration.status.isEmpty() ? tr("status unknown")
                                                                                   : integration.status);
                            child->project = node->project;
                            child->service = node->service;
                            child->integration = integration;
                            child->parent = node;
                            child->load = Load::Loaded;
                            out.push_back(std::move(child));
                        }
                        return out;
                    },
                    tr("No Kafka integrations"));
            });
    }
}

void IntegrationTreeModel::refresh(const QModelIndex& parent) {
    Node* node = nodeOf(parent);
    if (!isContainer(node))
        return;
    if (node->load == Load::Loading && m_client)
        m_client->cancel(node->request); // its late answer is dropped: the generation changes below
    startFetch(node);
}

void IntegrationTreeModel::cancelAll() {
    if (!m_client)
        return;
    // Collect first: cancelling calls back, which edits the tree.
    std::vector<quint64> requests;
    std::vector<Node*> stack{&m_root};
    while (!stack.empty()) {
        Node* node = stack.back();
        stack.pop_back();
        if (node->load == Load::Loading && node->request)
            requests.push_back(node->request);
        else if (node->load == Load::Loading)
            node->load = Load::NotLoaded; // a deferred start that has not sent anything yet
        for (const auto& child : node->children)
            stack.push_back(child.get());
    }
    for (quint64 request : requests)
        m_client->cancel(request);
}

} // namespace ckstudio
