#include "TypedTextDelegate.h"

#include <QLineEdit>

namespace ckstudio {

bool TypedTextDelegate::holdsTyping(const QWidget* editor) {
    // QLineEdit::isModified() turns true on user edits and false again on setText().
    const auto* edit = qobject_cast<const QLineEdit*>(editor);
    return edit && edit->isModified();
}

void TypedTextDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (!holdsTyping(editor))
        QStyledItemDelegate::setEditorData(editor, index);
}

} // namespace ckstudio
