#pragma once
// Consumer lag of each connector table of the document: for every (table, topic) pair, how far the table's
// consumer group (group_name) is behind the topic, from the consumer groups the topic endpoint reports.
#include "aiven/AivenTypes.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <map>
#include <optional>
#include <vector>

namespace ckstudio {

class ConfigDocument;

struct ConsumerLag {
    qint64 lag = 0;     // sum over partitions of latest offset - committed offset
    int committed = 0;  // partitions where the group has committed an offset
    int partitions = 0; // partitions of the topic
};

// nullopt when the group has committed nothing on the topic (it has not consumed yet, or not this topic).
// A partition the group has not committed on counts with everything it holds (latest - earliest): that is
// what the group still has to read there.
std::optional<ConsumerLag> consumerLag(const AivenTopic& topic, const QString& group);

class ConsumerLagModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum ColumnId { TableColumn, GroupColumn, TopicColumn, LagColumn, ColumnCount };
    // Numeric lag for sorting and tests; invalid while unknown.
    static constexpr int LagRole = Qt::UserRole + 1;

    explicit ConsumerLagModel(ConfigDocument* document, QObject* parent = nullptr);

    // Every topic the document's tables name, each once.
    QStringList topicNames() const;
    void setTopic(const AivenTopic& topic);
    void setTopicError(const QString& topic, const QString& message);
    void clearTopics(); // all rows back to "loading"

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString table;
        QString group;
        QString topic;
    };
    struct TopicState {
        std::optional<AivenTopic> topic;
        QString error;
    };
    void rebuild();
    void topicChanged(const QString& topic);

    QPointer<ConfigDocument> m_document;
    std::vector<Row> m_rows;
    std::map<QString, TopicState> m_topics;
};

} // namespace ckstudio
