#pragma once
// The optional settings of the selected table, generated from the schema: a grid over SettingsModel whose
// value cells get fitting editors (combo for enums, spin box with the schema's range, check box for booleans)
// and a reset button per row that removes the key so the server default applies.
#include "TypedTextDelegate.h"

#include <QWidget>

class QTableView;

namespace ckstudio {

class ConfigDocument;
class SettingsModel;

// Editors for SettingsModel value cells, chosen by the schema type of the row. What the user typed or picked
// and has not committed survives re-validation (see TypedTextDelegate).
class SettingValueDelegate : public TypedTextDelegate {
    Q_OBJECT
public:
    using TypedTextDelegate::TypedTextDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

class SettingsEditor : public QWidget {
    Q_OBJECT
public:
    explicit SettingsEditor(ConfigDocument* document, QWidget* parent = nullptr);
    ~SettingsEditor() override;

    void setTableIndex(int table);
    SettingsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    // Selects the row of a setting key and starts editing its value.
    void focusSetting(const QString& key);

private:
    void rebuildResetButtons();
    void updateResetButtons();
    SettingsModel* m_model;
    QTableView* m_view;
};

} // namespace ckstudio
