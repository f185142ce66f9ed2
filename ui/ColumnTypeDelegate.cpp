#include "ColumnTypeDelegate.h"

#include "itemmodels/StatusColors.h"
#include "itemmodels/ColumnsModel.h"
#include "types/ClickHouseType.h"

#include <QCompleter>
#include <QLineEdit>
#include <QStringList>

namespace ckstudio {
namespace {
const QStringList& typeNames() {
    static const QStringList names = [] {
        QStringList list;
        for (const auto& family : clickHouseTypeFamilies())
            list << QString::fromStdString(family);
        return list;
    }();
    return names;
}
} // namespace

QWidget* ColumnTypeDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                          const QModelIndex& index) const {
    if (index.column() != static_cast<int>(ColumnsModel::Column::Type))
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QStringLiteral("columnTypeEditor"));
    edit->setAccessibleName(tr("Column type"));
    edit->setFrame(false);
    auto* completer = new QCompleter(typeNames(), edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    edit->setCompleter(completer);
    connect(edit, &QLineEdit::textChanged, edit, [edit] { showTypeCheck(edit); });
    return edit;
}

void ColumnTypeDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (holdsTyping(editor))
        return;
    if (auto* edit = qobject_cast<QLineEdit*>(editor);
        edit && edit->objectName() == QLatin1String("columnTypeEditor")) {
        edit->setText(index.data(Qt::EditRole).toString());
        showTypeCheck(edit);
        return;
    }
    TypedTextDelegate::setEditorData(editor, index);
}

void ColumnTypeDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                      const QModelIndex& index) const {
    if (auto* edit = qobject_cast<QLineEdit*>(editor);
        edit && edit->objectName() == QLatin1String("columnTypeEditor")) {
        model->setData(index, edit->text().trimmed());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

QString ColumnTypeDelegate::showTypeCheck(QLineEdit* edit) {
    const auto text = edit->text().trimmed().toStdString();
    const auto result = checkClickHouseType(text);
    QString problem;
    if (!result)
        problem =
            tr("At character %1: %2").arg(result.errorOffset + 1).arg(QString::fromStdString(result.error));
    edit->setToolTip(problem);
    edit->setStyleSheet(
        problem.isEmpty()
            ? QString()
            : QStringLiteral("QLineEdit { color: %1; }").arg(errorColor(edit->palette()).name()));
    edit->setProperty("typeProblem", problem);
    return problem;
}

} // namespace ckstudio
