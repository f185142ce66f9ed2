#pragma once
// The item delegate of the editor's grids. Qt hands every dataChanged() over a cell to the open editor of
// that cell (setEditorData), whatever the roles; re-validation repaints problem marks that way, so a cell
// being typed into lost what was typed whenever the document was re-validated (a live schema arriving, for
// one). What the user has typed or picked and not yet committed is kept: in a line edit, a spin box (typed,
// stepped or cleared) or a combo box; an untouched editor still follows the model.
#include <QStyledItemDelegate>
#include <functional>

namespace ckstudio {

class TypedTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setEditorData(QWidget* editor, const QModelIndex& index) const override;

protected:
    // True when `editor` holds input the model has not seen yet. A line edit knows (isModified()); spin boxes
    // and combo boxes are watched from their first loadEditor() on.
    static bool holdsTyping(const QWidget* editor);
    // Runs `load`, which puts the model's value into `editor`; that change is not the user's, and the editor
    // holds no input afterwards. Subclasses that fill editors themselves load them through this.
    static void loadEditor(QWidget* editor, const std::function<void()>& load);
};

} // namespace ckstudio
