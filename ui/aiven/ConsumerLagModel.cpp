#include "aiven/ConsumerLagModel.h"

#include "itemmodels/ConfigDocument.h"

#include <algorithm>

namespace ckstudio {

std::optional<ConsumerLag> consumerLag(const AivenTopic& topic, const QString& group) {
    ConsumerLag lag;
    lag.partitions = static_cast<int>(topic.partitions.size());
    for (const auto& partition : topic.partitions) {
        const auto it = std::find_if(partition.consumerGroups.begin(), partition.consumerGroups.end(),
                                     [&](const AivenConsumerGroupOffset& g) { return g.group == group; });
        if (it == partition.consumerGroups.end()) {
            lag.lag += partition.latestOffset - partition.earliestOffset;
            continue;
        }
        ++lag.committed;
        // A committed offset below the earliest one was deleted by retention: those messages are gone.
        lag.lag +=
            std::max<qint64>(0, partition.latestOffset - std::max(it->offset, partition.earliestOffset));
    }
    if (lag.committed == 0)
        return std::nullopt;
    return lag;
}

ConsumerLagModel::ConsumerLagModel(ConfigDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    // Table names, groups and topics change with editing; the fetched topics stay valid.
    connect(document, &ConfigDocument::contentChanged, this, &ConsumerLagModel::rebuild);
    connect(document, &ConfigDocument::reset, this, &ConsumerLagModel::rebuild);
    rebuild();
}

void ConsumerLagModel::rebuild() {
    std::vector<Row> rows;
    if (m_document)
        for (const auto& table : m_document->config().tables)
            for (const auto& topic : table.topics)
                rows.push_back({QString::fromStdString(table.name), QString::fromStdString(table.groupName),
                                QString::fromStdString(topic.name)});
    const bool same = rows.size() == m_rows.size() &&
                      std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const Row& a, const Row& b) {
                          return a.table == b.table && a.group == b.group && a.topic == b.topic;
                      });
    if (same)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QStringList ConsumerLagModel::topicNames() const {
    QStringList names;
    for (const auto& row : m_rows)
        if (!row.topic.isEmpty() && !names.contains(row.topic))
            names.push_back(row.topic);
    return names;
}

void ConsumerLagModel::setTopic(const AivenTopic& topic) {
    m_topics[topic.name] = TopicState{topic, {}};
    topicChanged(topic.name);
}

void ConsumerLagModel::setTopicError(const QString& topic, const QString& message) {
    m_topics[topic] = TopicState{std::nullopt, message};
    topicChanged(topic);
}

void ConsumerLagModel::clearTopics() {
    m_topics.clear();
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ConsumerLagModel::topicChanged(const QString& topic) {
    for (int row = 0; row < rowCount(); ++row)
        if (m_rows[static_cast<std::size_t>(row)].topic == topic)
            emit dataChanged(index(row, LagColumn), index(row, LagColumn));
}

int ConsumerLagModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ConsumerLagModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsumerLagModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto column = static_cast<ColumnId>(index.column());
    if (column != LagColumn) {
        if (role != Qt::DisplayRole)
            return {};
        return column == TableColumn ? row.table : column == GroupColumn ? row.group : row.topic;
    }
    const auto it = m_topics.find(row.topic);
    std::optional<ConsumerLag> lag;
    if (it != m_topics.end() && it->second.topic)
        lag = consumerLag(*it->second.topic, row.group);
    if (role == LagRole)
        return lag ? QVariant(lag->lag) : QVariant();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && lag)
        return tr("Committed on %1 of %2 partitions").arg(lag->committed).arg(lag->partitions);
    if (role != Qt::DisplayRole)
        return {};
    if (it == m_topics.end())
        return tr("loading…");
    if (!it->second.topic)
        return it->second.error;
    if (!lag)
        return tr("no offsets committed");
    return lag->lag;
}

QVariant ConsumerLagModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<ColumnId>(section)) {
    case TableColumn:
        return tr("Table");
    case GroupColumn:
        return tr("Consumer group");
    case TopicColumn:
        return tr("Topic");
    case LagColumn:
        return tr("Lag (messages)");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ckstudio
