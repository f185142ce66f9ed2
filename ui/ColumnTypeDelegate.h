#pragma once
// Editor for the columns grid's type cells: a line edit completing every ClickHouse type family, checked with
// the type parser while typing (red frame and the parser's message as tooltip).
#include "TypedTextDelegate.h"

class QLineEdit;

namespace ckstudio {

class ColumnTypeDelegate : public TypedTextDelegate {
    Q_OBJECT
public:
    using TypedTextDelegate::TypedTextDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

    // Marks `edit` by what the type parser says about its text; returns the problem, empty when valid.
    static QString showTypeCheck(QLineEdit* edit);
};

} // namespace ckstudio
