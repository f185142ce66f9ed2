#include "itemmodels/TopicsModel.h"

namespace ckstudio {

TopicsModel::TopicsModel(ConfigDocument* document, QObject* parent)
    : ItemListModel(ItemList::Topics, document, parent) {}

int TopicsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant TopicsModel::data(const QModelIndex& index, int role) const {
    const auto* table = currentTable();
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !table ||
        index.row() >= static_cast<int>(table->topics.size()))
        return {};
    const auto& topic = table->topics[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return QString::fromStdString(topic.name);
    case Qt::AccessibleTextRole:
        return tr("Topic %1").arg(index.row() + 1);
    case PathRole:
        return QString::fromStdString(rowPath(index.row()) + ".name");
    case HasErrorRole:
        return problemsOf(index.row(), ".name", true).error;
    case Qt::DecorationRole:
    case Qt::ForegroundRole:
    case Qt::ToolTipRole:
        return problemsOf(index.row(), ".name", true).roleData(role);
    default:
        return {};
    }
}

bool TopicsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !currentTable())
        return false;
    document()->setTopicName(tableIndex(), index.row(), value.toString().toStdString());
    return true;
}

QVariant TopicsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section == static_cast<int>(Column::Name) ? tr("Topic") : QVariant();
}

Qt::ItemFlags TopicsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

} // namespace ckstudio
