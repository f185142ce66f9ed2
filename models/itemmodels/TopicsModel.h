#pragma once
// The Kafka topics one table consumes, editable by name.
#include "itemmodels/ItemListModel.h"

namespace ckstudio {

class TopicsModel : public ItemListModel {
    Q_OBJECT
public:
    enum class Column { Name, Count };
    enum Role {
        PathRole = Qt::UserRole + 1, // JSON path of the topic's name
        HasErrorRole,
    };

    explicit TopicsModel(ConfigDocument* document, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
};

} // namespace ckstudio
