#pragma once
// The messages of one peek as a table: partition, offset, timestamp, key, size, value.
#include "aiven/PeekedMessage.h"

#include <QAbstractTableModel>
#include <vector>

namespace ckstudio {

class TopicMessagesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum ColumnId {
        PartitionColumn,
        OffsetColumn,
        TimestampColumn,
        KeyColumn,
        SizeColumn,
        ValueColumn,
        ColumnCount
    };

    explicit TopicMessagesModel(QObject* parent = nullptr);

    void setMessages(std::vector<PeekedMessage> messages);
    void clear() { setMessages({}); }
    const std::vector<PeekedMessage>& messages() const { return m_messages; }
    const PeekedMessage* message(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<PeekedMessage> m_messages;
};

} // namespace ckstudio
