#pragma once
// The table's optional `materialized_view` block: Aiven creates the view and its destination table itself.
// Unchecking the group removes the block.
#include "FieldMarks.h"

#include <QGroupBox>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace ckstudio {

class ConfigDocument;

class MaterializedViewEditor : public QGroupBox {
    Q_OBJECT
public:
    explicit MaterializedViewEditor(ConfigDocument* document, QWidget* parent = nullptr);

    void setTableIndex(int table);
    // Shows the document's values (called when the table changed outside this editor).
    void refresh();
    // Focuses the field of a key below materialized_view ("view_name", "ttl_days" ...).
    void focusField(const QString& key);

private:
    void commit();
    QWidget* fieldOf(const QString& key) const;

    ConfigDocument* m_document;
    int m_table = -1;
    bool m_refreshing = false;
    QLineEdit* m_viewName;
    QLineEdit* m_database;
    QComboBox* m_engine;
    QLineEdit* m_engineParams;
    QLineEdit* m_orderBy;
    QLineEdit* m_ttlColumn;
    QSpinBox* m_ttlDays;
    QSpinBox* m_localDiskTtlDays;
    FieldMarks m_marks;
};

} // namespace ckstudio
