#pragma once
// Base for models that show one table of the document (its columns, topics or settings). Follows that table
// while other tables are inserted, removed or moved, and empties itself when the table goes away.
#include "itemmodels/ConfigDocument.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace ckstudio {

class TableScopedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TableScopedModel(ConfigDocument* document, QObject* parent = nullptr);

    // -1 shows nothing.
    int tableIndex() const { return m_table; }
    void setTableIndex(int table);

signals:
    void tableIndexChanged(int table);

protected:
    ConfigDocument* document() const { return m_document; }
    const ConnectorTable* currentTable() const { return m_document ? m_document->table(m_table) : nullptr; }
    // Called when the shown table's scalars changed (name, format, settings, view).
    virtual void onTableChanged() {}
    // Called when problems changed: mark every cell whose decoration may differ.
    virtual void onProblemsChanged();

private:
    QPointer<ConfigDocument> m_document;
    int m_table = -1;
};

} // namespace ckstudio
