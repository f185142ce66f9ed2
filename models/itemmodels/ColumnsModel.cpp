#include "itemmodels/ColumnsModel.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <algorithm>

namespace ckstudio {

ColumnsModel::ColumnsModel(ConfigDocument* document, QObject* parent)
    : ItemListModel(ItemList::Columns, document, parent) {}

int ColumnsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant ColumnsModel::data(const QModelIndex& index, int role) const {
    const auto* table = currentTable();
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !table ||
        index.row() >= static_cast<int>(table->columns.size()))
        return {};
    const auto& column = table->columns[static_cast<std::size_t>(index.row())];
    const bool isName = static_cast<Column>(index.column()) == Column::Name;
    const std::string suffix = isName ? ".name" : ".type";
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return QString::fromStdString(isName ? column.name : column.type);
    case Qt::AccessibleTextRole:
        return tr("Column %1 %2").arg(index.row() + 1).arg(isName ? tr("name") : tr("type"));
    case PathRole:
        return QString::fromStdString(rowPath(index.row()) + suffix);
    case HasErrorRole:
        return problemsOf(index.row(), suffix, isName).error;
    case Qt::DecorationRole:
    case Qt::ForegroundRole:
    case Qt::ToolTipRole:
        // The row's own problems (e.g. not an object, duplicate) show on the name cell.
        return problemsOf(index.row(), suffix, isName).roleData(role);
    default:
        return {};
    }
}

bool ColumnsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !currentTable())
        return false;
    const auto text = value.toString().toStdString();
    if (static_cast<Column>(index.column()) == Column::Name)
        document()->setColumnName(tableIndex(), index.row(), text);
    else
        document()->setColumnType(tableIndex(), index.row(), text);
    return true;
}

QVariant ColumnsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (static_cast<Column>(section)) {
    case Column::Name:
        return tr("Name");
    case Column::Type:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags ColumnsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // dropping between rows
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsDragEnabled;
}

bool ColumnsModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                            const QModelIndex& destinationParent, int destinationChild) {
    const int rows = rowCount();
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 ||
        sourceRow + count > rows || destinationChild < 0 || destinationChild > rows ||
        (destinationChild >= sourceRow && destinationChild <= sourceRow + count))
        return false;
    auto* stack = document()->undoStack();
    if (count > 1)
        stack->beginMacro(tr("Move columns"));
    for (int i = 0; i < count; ++i) {
        if (destinationChild < sourceRow)
            document()->moveColumn(tableIndex(), sourceRow + i, destinationChild + i);
        else
            document()->moveColumn(tableIndex(), sourceRow, destinationChild - 1);
    }
    if (count > 1)
        stack->endMacro();
    return true;
}

QStringList ColumnsModel::mimeTypes() const {
    return {QLatin1String(MimeType)};
}

QMimeData* ColumnsModel::mimeData(const QModelIndexList& indexes) const {
    QList<int> rows;
    for (const auto& index : indexes)
        if (index.isValid() && !rows.contains(index.row()))
            rows << index.row();
    std::sort(rows.begin(), rows.end());
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << tableIndex() << rows;
    auto* mime = new QMimeData;
    mime->setData(QLatin1String(MimeType), encoded);
    return mime;
}

bool ColumnsModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                   const QModelIndex&) const {
    return action == Qt::MoveAction && data && data->hasFormat(QLatin1String(MimeType)) && currentTable();
}

bool ColumnsModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QDataStream stream(data->data(QLatin1String(MimeType)));
    int table = -1;
    QList<int> rows;
    stream >> table >> rows;
    if (stream.status() != QDataStream::Ok || table != tableIndex() || rows.isEmpty())
        return false;
    // Dropped onto a cell: insert before that row; on empty space: append.
    int destination = row >= 0 ? row : (parent.isValid() ? parent.row() : rowCount());
    auto* stack = document()->undoStack();
    stack->beginMacro(tr("Move columns"));
    // Move the dragged rows, in order, to sit together before `destination`.
    int insertAt = destination;
    for (int i = 0; i < rows.size(); ++i) {
        const int from = rows[i];
        if (from < 0 || from >= rowCount())
            continue;
        const int to = from < insertAt ? insertAt - 1 : insertAt;
        document()->moveColumn(tableIndex(), from, to);
        // Rows after `from` that are still to move shifted up when `from` moved down past them.
        for (int j = i + 1; j < rows.size(); ++j)
            if (from < insertAt && rows[j] > from && rows[j] <= to)
                --rows[j];
        insertAt = to + 1;
    }
    stack->endMacro();
    // The move is done here; returning false keeps the view from also removing the "moved" source rows.
    return false;
}

QHash<int, QByteArray> ColumnsModel::roleNames() const {
    auto names = QAbstractTableModel::roleNames();
    names.insert(PathRole, "path");
    names.insert(HasErrorRole, "hasError");
    return names;
}

} // namespace ckstudio
