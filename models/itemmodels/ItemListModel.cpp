#include "itemmodels/ItemListModel.h"

namespace ckstudio {

ItemListModel::ItemListModel(ItemList list, ConfigDocument* document, QObject* parent)
    : TableScopedModel(document, parent)
    , m_list(list) {
    connect(document, &ConfigDocument::itemsAboutToBeInserted, this,
            [this](ItemList l, int table, int first, int last) {
                if (mine(l, table))
                    beginInsertRows({}, first, last);
            });
    connect(document, &ConfigDocument::itemsInserted, this, [this](ItemList l, int table, int, int) {
        if (mine(l, table))
            endInsertRows();
    });
    connect(document, &ConfigDocument::itemsAboutToBeRemoved, this,
            [this](ItemList l, int table, int first, int last) {
                if (mine(l, table))
                    beginRemoveRows({}, first, last);
            });
    connect(document, &ConfigDocument::itemsRemoved, this, [this](ItemList l, int table, int, int) {
        if (mine(l, table))
            endRemoveRows();
    });
    connect(document, &ConfigDocument::itemAboutToBeMoved, this,
            [this](ItemList l, int table, int from, int to) {
                // Qt's destination is the row the item lands before, counted before the move.
                if (mine(l, table))
                    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
            });
    connect(document, &ConfigDocument::itemMoved, this, [this](ItemList l, int table, int, int) {
        if (mine(l, table))
            endMoveRows();
    });
    connect(document, &ConfigDocument::itemChanged, this, [this](ItemList l, int table, int row) {
        if (mine(l, table))
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    });
}

int ItemListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !document())
        return 0;
    return document()->itemCount(m_list, tableIndex());
}

ProblemMarks ItemListModel::problemsOf(int row, const std::string& suffix, bool includeRow) const {
    ProblemMarks marks;
    const auto path = rowPath(row);
    if (includeRow)
        marks.add(document()->problemsAt(path));
    marks.add(document()->problemsAt(path + suffix));
    return marks;
}

} // namespace ckstudio
