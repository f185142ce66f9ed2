#pragma once
// The columns of one table: name and ClickHouse type, editable, reorderable by drag and drop.
#include "itemmodels/ItemListModel.h"

namespace ckstudio {

class ColumnsModel : public ItemListModel {
    Q_OBJECT
public:
    enum class Column { Name, Type, Count };
    enum Role {
        PathRole = Qt::UserRole + 1, // JSON path of the cell, e.g. "tables[0].columns[2].type"
        HasErrorRole,                // bool: an error is reported for the cell
    };
    static constexpr const char* MimeType = "application/x-ckstudio-column-rows";

    explicit ColumnsModel(ConfigDocument* document, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;
    QHash<int, QByteArray> roleNames() const override;
};

} // namespace ckstudio
