#pragma once
// The connector tables of the document: one row per table with its name, format, sizes and problem state.
#include "itemmodels/ConfigDocument.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace ckstudio {

class TablesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Column { Name, Format, Columns, Topics, ProblemCount, Count };
    enum Role {
        PathRole = Qt::UserRole + 1, // QString "tables[N]"
        ProblemCountRole,            // int: problems of the table, errors and warnings
        HasErrorRole,                // bool: at least one error
    };

    explicit TablesModel(ConfigDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    void rowChanged(int row, Column first, Column last);
    QPointer<ConfigDocument> m_document;
};

} // namespace ckstudio
