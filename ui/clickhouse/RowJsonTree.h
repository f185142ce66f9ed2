#pragma once
// One result row as a JSON tree: a top-level item per column (name, type, value); composite values
// (arrays, tuples, maps) expand into their elements. Shown next to the preview grid for the selected row.
#include <QStandardItemModel>

namespace ckstudio {

class ResultRowModel;

class RowJsonTreeModel : public QStandardItemModel {
    Q_OBJECT
public:
    explicit RowJsonTreeModel(QObject* parent = nullptr);

    // Rebuilds the tree from `row` of `rows`; an out-of-range row clears it.
    void showRow(const ResultRowModel& rows, int row);
};

} // namespace ckstudio
