#include "TypedTextDelegate.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>

namespace ckstudio {
namespace {

// Dynamic properties of a watched spin box or combo box.
constexpr char kWatched[] = "ckstudioTypingWatched";
constexpr char kLoading[] = "ckstudioLoadingModelData"; // set while loadEditor() fills it
constexpr char kChanged[] = "ckstudioChangedByUser";    // changed since the last load

// Marks the editor as changed by the user whenever what it shows changes outside loadEditor(). A spin box
// is watched through its value (typing, stepping with keys, wheel or buttons) and its line edit's text
// (typing that is not a value yet, clearing; stepping sets that text with the line edit's signals blocked); a
// combo box through its current item and, when editable, its text.
void watch(QWidget* editor) {
    if (editor->property(kWatched).toBool())
        return;
    const auto mark = [editor] {
        if (!editor->property(kLoading).toBool())
            editor->setProperty(kChanged, true);
    };
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(editor)) {
        if (auto* edit = spin->findChild<QLineEdit*>())
            QObject::connect(edit, &QLineEdit::textChanged, editor, mark);
        if (auto* ints = qobject_cast<QSpinBox*>(spin))
            QObject::connect(ints, &QSpinBox::valueChanged, editor, mark);
        else if (auto* doubles = qobject_cast<QDoubleSpinBox*>(spin))
            QObject::connect(doubles, &QDoubleSpinBox::valueChanged, editor, mark);
        else if (auto* dates = qobject_cast<QDateTimeEdit*>(spin))
            QObject::connect(dates, &QDateTimeEdit::dateTimeChanged, editor, mark);
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        QObject::connect(combo, &QComboBox::currentIndexChanged, editor, mark);
        QObject::connect(combo, &QComboBox::editTextChanged, editor, mark);
    } else {
        return;
    }
    editor->setProperty(kWatched, true);
}

} // namespace

bool TypedTextDelegate::holdsTyping(const QWidget* editor) {
    // QLineEdit::isModified() turns true on user edits and false again on setText().
    if (const auto* edit = qobject_cast<const QLineEdit*>(editor))
        return edit->isModified();
    return editor && editor->property(kChanged).toBool();
}

void TypedTextDelegate::loadEditor(QWidget* editor, const std::function<void()>& load) {
    watch(editor);
    const bool wasLoading = editor->property(kLoading).toBool();
    editor->setProperty(kLoading, true);
    load();
    editor->setProperty(kLoading, wasLoading);
    editor->setProperty(kChanged, false);
}

void TypedTextDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (!holdsTyping(editor))
        loadEditor(editor, [&] { QStyledItemDelegate::setEditorData(editor, index); });
}

} // namespace ckstudio
