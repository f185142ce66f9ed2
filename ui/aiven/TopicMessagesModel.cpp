#include "aiven/TopicMessagesModel.h"

#include "kafka/MessageText.h"

#include <QDateTime>
#include <QTimeZone>

namespace ckstudio {
namespace {

// Long values would make every row as tall and slow as its payload; the detail view shows all of it.
constexpr int kCellChars = 300;

QString cellText(const std::optional<QByteArray>& payload) {
    if (!payload)
        return {};
    QString text = QString::fromStdString(payloadAsLine(payload));
    if (text.size() > kCellChars)
        text = text.left(kCellChars) + QChar(0x2026);
    return text;
}

} // namespace

TopicMessagesModel::TopicMessagesModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void TopicMessagesModel::setMessages(std::vector<PeekedMessage> messages) {
    beginResetModel();
    m_messages = std::move(messages);
    endResetModel();
}

const PeekedMessage* TopicMessagesModel::message(int row) const {
    return row >= 0 && row < rowCount() ? &m_messages[static_cast<std::size_t>(row)] : nullptr;
}

int TopicMessagesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

int TopicMessagesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopicMessagesModel::data(const QModelIndex& index, int role) const {
    const PeekedMessage* m = index.isValid() ? message(index.row()) : nullptr;
    if (!m)
        return {};
    const auto column = static_cast<ColumnId>(index.column());
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = column == PartitionColumn || column == OffsetColumn || column == SizeColumn;
        return QVariant::fromValue(
            Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role == Qt::ToolTipRole && column == TimestampColumn && m->timestampMs)
        return QString::number(*m->timestampMs);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case PartitionColumn:
        return m->partition;
    case OffsetColumn:
        return m->offset;
    case TimestampColumn:
        return m->timestampMs ? QDateTime::fromMSecsSinceEpoch(*m->timestampMs, QTimeZone::utc())
                                    .toString(Qt::ISODateWithMs)
                              : QString();
    case KeyColumn:
        return cellText(m->key);
    case SizeColumn:
        return m->size();
    case ValueColumn:
        return m->value ? cellText(m->value) : QStringLiteral("null");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TopicMessagesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<ColumnId>(section)) {
    case PartitionColumn:
        return tr("Partition");
    case OffsetColumn:
        return tr("Offset");
    case TimestampColumn:
        return tr("Timestamp (UTC)");
    case KeyColumn:
        return tr("Key");
    case SizeColumn:
        return tr("Size (bytes)");
    case ValueColumn:
        return tr("Value");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ckstudio
