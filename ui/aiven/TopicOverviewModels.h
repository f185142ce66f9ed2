#pragma once
// The topic browser's two overview tables: the Kafka service's topics, and the partitions of one topic with
// their offsets.
#include "aiven/AivenTypes.h"

#include <QAbstractTableModel>
#include <vector>

namespace ckstudio {

class TopicListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum ColumnId { NameColumn, PartitionsColumn, ColumnCount };
    explicit TopicListModel(QObject* parent = nullptr);

    void setTopics(std::vector<AivenTopicSummary> topics);
    const std::vector<AivenTopicSummary>& topics() const { return m_topics; }
    int rowOf(const QString& name) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<AivenTopicSummary> m_topics;
};

class PartitionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum ColumnId { PartitionColumn, EarliestColumn, LatestColumn, MessagesColumn, ColumnCount };
    explicit PartitionsModel(QObject* parent = nullptr);

    void setPartitions(std::vector<AivenPartition> partitions);
    const std::vector<AivenPartition>& partitions() const { return m_partitions; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<AivenPartition> m_partitions;
};

} // namespace ckstudio
