#pragma once
// Projects -> ClickHouse services -> their clickhouse_kafka integrations, filled lazily through AivenClient.
// A node being fetched shows one "Loading…" row; a failed fetch shows one error row in its place. Results for
// a node that was refreshed or removed meanwhile are dropped (each fetch carries a generation number).
#include "aiven/AivenTypes.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <memory>
#include <vector>

namespace ckstudio {

class AivenClient;

class IntegrationTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Kind { Project, Service, Integration, Loading, Error, Empty };
    enum Role { KindRole = Qt::UserRole + 1, ProjectRole, ServiceRole, IntegrationIdRole };
    enum Column { NameColumn, DetailsColumn, ColumnCount };

    explicit IntegrationTreeModel(AivenClient* client, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Forgets the children of `parent` (the whole tree for an invalid index) and fetches them again.
    void refresh(const QModelIndex& parent = {});
    // Stops every fetch of this model; the nodes concerned show a "Cancelled" error row.
    void cancelAll();
    bool isBusy() const { return m_inFlight > 0; }

    // The integration behind an Integration row (null for other rows).
    const AivenIntegration* integrationAt(const QModelIndex& index) const;

signals:
    void busyChanged(bool busy);

private:
    enum class Load { NotLoaded, Loading, Loaded };
    struct Node {
        Kind kind = Kind::Project;
        QString name;
        QString details;
        QString project;
        QString service;
        AivenIntegration integration;
        Node* parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        Load load = Load::NotLoaded;
        quint64 request = 0;
        int generation = 0;
    };

    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node) const;
    int rowOf(const Node* node) const;
    bool isContainer(const Node* node) const;
    void startFetch(Node* node);
    // Replaces the children of `node` with `children` and marks it loaded.
    void setChildren(Node* node, std::vector<std::unique_ptr<Node>> children);
    void clearChildren(Node* node);
    std::unique_ptr<Node> messageNode(Kind kind, const QString& text, Node* parent) const;
    // Looks `node` up again after an asynchronous wait: null when it was removed or refreshed since.
    Node* stillWaiting(Node* node, int generation) const;
    bool contains(const Node* root, const Node* node) const;
    void requestFinished();
    template <typename T>
    void deliver(Node* node, int generation, const AivenResult<T>& result,
                 const std::function<std::vector<std::unique_ptr<Node>>(const T&)>& build,
                 const QString& emptyText);

    QPointer<AivenClient> m_client;
    Node m_root;
    int m_inFlight = 0;
    int m_nextGeneration = 1;
};

} // namespace ckstudio
