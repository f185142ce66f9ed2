#pragma once
// The item delegate of the editor's grids. Qt hands every dataChanged() over a cell to the open editor of
// that cell (setEditorData), whatever the roles; re-validation repaints problem marks that way, so a cell
// being typed into lost what was typed whenever the document was re-validated (a live schema arriving, for
// one). Text the user has typed and not yet committed is kept; an untouched editor still follows the model.
#include <QStyledItemDelegate>

namespace ckstudio {

class TypedTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setEditorData(QWidget* editor, const QModelIndex& index) const override;

protected:
    // True when `editor` holds typing the model has not seen yet.
    static bool holdsTyping(const QWidget* editor);
};

} // namespace ckstudio
