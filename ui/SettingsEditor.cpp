#include "SettingsEditor.h"

#include "itemmodels/SettingsModel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <climits>

namespace ckstudio {
namespace {

// The schema's range for an integer setting. Its ranges reach 2147483647 (auto_offset_reset_by_duration_ms)
// and 1e9: both fit an int.
void applySchemaRange(QSpinBox* spin, const QModelIndex& index) {
    const QVariant minimum = index.data(SettingsModel::MinimumRole);
    const QVariant maximum = index.data(SettingsModel::MaximumRole);
    spin->setRange(
        minimum.isValid() ? static_cast<int>(std::max<qlonglong>(minimum.toLongLong(), INT_MIN)) : INT_MIN,
        maximum.isValid() ? static_cast<int>(std::min<qlonglong>(maximum.toLongLong(), INT_MAX)) : INT_MAX);
}

} // namespace

QWidget* SettingValueDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                            const QModelIndex& index) const {
    const QString type = index.data(SettingsModel::SchemaTypeRole).toString();
    const QString key = index.data(SettingsModel::KeyRole).toString();
    const QStringList allowed = index.data(SettingsModel::AllowedValuesRole).toStringList();
    QWidget* editor = nullptr;
    if (!allowed.isEmpty()) {
        auto* combo = new QComboBox(parent);
        combo->addItems(allowed);
        editor = combo;
    } else if (type == QLatin1String("integer")) {
        auto* spin = new QSpinBox(parent);
        applySchemaRange(spin, index);
        spin->setGroupSeparatorShown(true);
        editor = spin;
    } else if (type == QLatin1String("boolean")) {
        return nullptr; // a check box in the cell itself
    } else {
        editor = QStyledItemDelegate::createEditor(parent, option, index);
    }
    editor->setAccessibleName(tr("Value of %1").arg(key));
    editor->setToolTip(index.data(Qt::ToolTipRole).toString()); // the schema's description
    editor->setObjectName(QStringLiteral("settingEditor_") + key);
    return editor;
}

void SettingValueDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    auto* spin = qobject_cast<QSpinBox*>(editor);
    if (holdsTyping(editor)) {
        // A schema swapped in while the user types may change the range; the typed value keeps to it.
        if (spin)
            applySchemaRange(spin, index);
        return;
    }
    loadEditor(editor, [&] {
        const QVariant value = index.data(Qt::EditRole);
        if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            const int found = combo->findText(value.toString());
            combo->setCurrentIndex(found >= 0 ? found : 0);
        } else if (spin) {
            applySchemaRange(spin, index);
            spin->setValue(value.isValid() ? static_cast<int>(value.toLongLong()) : spin->minimum());
        } else {
            QStyledItemDelegate::setEditorData(editor, index);
        }
    });
}

void SettingValueDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                        const QModelIndex& index) const {
    if (auto* combo = qobject_cast<QComboBox*>(editor))
        model->setData(index, combo->currentText());
    else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->interpretText();
        model->setData(index, QVariant::fromValue(static_cast<qlonglong>(spin->value())));
    } else
        QStyledItemDelegate::setModelData(editor, model, index);
}

// Closing a visible editor window commits a cell still being edited (QWidget's destructor moves the focus),
// and the model's signals would then reach this object's slots after its own destructor has run (UBSan saw
// it).
SettingsEditor::~SettingsEditor() {
    disconnect(m_model, nullptr, this, nullptr);
}

SettingsEditor::SettingsEditor(ConfigDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_model(new SettingsModel(document, this))
    , m_view(new QTableView(this)) {
    auto* layout = new QVBoxLayout(this);
    auto* hint =
        new QLabel(tr("Settings in italics are unset: the server default applies. Edit a value to set it; "
                      "the reset button removes it again."),
                   this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_view);

    m_view->setObjectName(QStringLiteral("settingsView"));
    m_view->setAccessibleName(tr("Optional settings"));
    m_view->setTabKeyNavigation(false); // Tab leaves the list instead of cycling through its cells
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(static_cast<int>(SettingsModel::Column::Value),
                                     new SettingValueDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked | QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(static_cast<int>(SettingsModel::Column::Setting),
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(static_cast<int>(SettingsModel::Column::Value),
                                                     QHeaderView::Stretch);

    connect(m_model, &QAbstractItemModel::modelReset, this, &SettingsEditor::rebuildResetButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SettingsEditor::updateResetButtons);
}

void SettingsEditor::setTableIndex(int table) {
    m_model->setTableIndex(table);
}

void SettingsEditor::rebuildResetButtons() {
    const int column = static_cast<int>(SettingsModel::Column::Default);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, column);
        const QString key = index.data(SettingsModel::KeyRole).toString();
        auto* button = new QToolButton(m_view);
        button->setObjectName(QStringLiteral("resetSetting_") + key);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setToolTip(tr("Remove %1 from the table so that the server default applies").arg(key));
        button->setAccessibleName(tr("Reset %1").arg(key));
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, [this, row] {
            m_model->setData(m_model->index(row, static_cast<int>(SettingsModel::Column::Value)), false,
                             SettingsModel::IsSetRole);
        });
        m_view->setIndexWidget(index, button);
    }
    updateResetButtons();
}

void SettingsEditor::updateResetButtons() {
    const int column = static_cast<int>(SettingsModel::Column::Default);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, column);
        auto* button = qobject_cast<QToolButton*>(m_view->indexWidget(index));
        if (!button)
            continue;
        button->setEnabled(index.data(SettingsModel::IsSetRole).toBool());
        // The default may change with the schema (a live one swapped in) without the rows changing.
        const QString defaultText = index.data(Qt::DisplayRole).toString();
        button->setText(defaultText.isEmpty() ? tr("Unset") : tr("Reset to %1").arg(defaultText));
    }
}

void SettingsEditor::focusSetting(const QString& key) {
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, static_cast<int>(SettingsModel::Column::Value));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
}

} // namespace ckstudio
