#pragma once
// Base for the row-per-item models of one table (columns, topics): forwards the document's item signals for
// the shown table as the matching row insert/remove/move/change brackets.
#include "itemmodels/ProblemMarks.h"
#include "itemmodels/TableScopedModel.h"

namespace ckstudio {

class ItemListModel : public TableScopedModel {
    Q_OBJECT
public:
    ItemListModel(ItemList list, ConfigDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;

protected:
    ItemList list() const { return m_list; }
    // The JSON path of a row ("tables[0].columns[3]").
    std::string rowPath(int row) const { return ConfigDocument::itemPath(m_list, tableIndex(), row); }
    // The problems of a cell: those at `rowPath(row) + suffix`, plus the row's own when `includeRow`.
    ProblemMarks problemsOf(int row, const std::string& suffix, bool includeRow) const;

private:
    bool mine(ItemList list, int table) const { return list == m_list && table == tableIndex(); }
    ItemList m_list;
};

} // namespace ckstudio
