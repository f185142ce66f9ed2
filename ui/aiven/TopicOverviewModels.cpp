#include "aiven/TopicOverviewModels.h"

namespace ckstudio {

TopicListModel::TopicListModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void TopicListModel::setTopics(std::vector<AivenTopicSummary> topics) {
    beginResetModel();
    m_topics = std::move(topics);
    endResetModel();
}

int TopicListModel::rowOf(const QString& name) const {
    for (std::size_t i = 0; i < m_topics.size(); ++i)
        if (m_topics[i].name == name)
            return static_cast<int>(i);
    return -1;
}

int TopicListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_topics.size());
}

int TopicListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || role != Qt::DisplayRole)
        return {};
    const auto& topic = m_topics[static_cast<std::size_t>(index.row())];
    return index.column() == NameColumn ? QVariant(topic.name) : QVariant(topic.partitionCount);
}

QVariant TopicListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == NameColumn ? tr("Topic") : tr("Partitions");
}

PartitionsModel::PartitionsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void PartitionsModel::setPartitions(std::vector<AivenPartition> partitions) {
    beginResetModel();
    m_partitions = std::move(partitions);
    endResetModel();
}

int PartitionsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_partitions.size());
}

int PartitionsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartitionsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    const auto& p = m_partitions[static_cast<std::size_t>(index.row())];
    switch (static_cast<ColumnId>(index.column())) {
    case PartitionColumn:
        return p.partition;
    case EarliestColumn:
        return p.earliestOffset;
    case LatestColumn:
        return p.latestOffset;
    case MessagesColumn:
        return p.latestOffset - p.earliestOffset;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PartitionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<ColumnId>(section)) {
    case PartitionColumn:
        return tr("Partition");
    case EarliestColumn:
        return tr("Earliest offset");
    case LatestColumn:
        return tr("Latest offset");
    case MessagesColumn:
        return tr("Messages");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ckstudio
