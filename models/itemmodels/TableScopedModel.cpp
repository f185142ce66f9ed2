#include "itemmodels/TableScopedModel.h"

namespace ckstudio {

TableScopedModel::TableScopedModel(ConfigDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    connect(document, &ConfigDocument::tablesInserted, this, [this](int first, int last) {
        if (m_table >= first) {
            m_table += last - first + 1;
            emit tableIndexChanged(m_table);
        }
    });
    connect(document, &ConfigDocument::tablesAboutToBeRemoved, this, [this](int first, int last) {
        if (m_table >= first && m_table <= last)
            setTableIndex(-1);
    });
    connect(document, &ConfigDocument::tablesRemoved, this, [this](int first, int last) {
        if (m_table > last) {
            m_table -= last - first + 1;
            emit tableIndexChanged(m_table);
        }
    });
    connect(document, &ConfigDocument::tableMoved, this, [this](int from, int to) {
        int table = m_table;
        if (table == from)
            table = to;
        else if (from < table && table <= to)
            --table;
        else if (to <= table && table < from)
            ++table;
        if (table != m_table) {
            m_table = table;
            emit tableIndexChanged(m_table);
        }
    });
    connect(document, &ConfigDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(document, &ConfigDocument::reset, this, [this] {
        const bool lost = m_table >= 0 && !m_document->table(m_table);
        if (lost)
            m_table = -1;
        endResetModel();
        if (lost)
            emit tableIndexChanged(m_table);
    });
    connect(document, &ConfigDocument::tableChanged, this, [this](int table) {
        if (table == m_table)
            onTableChanged();
    });
    connect(document, &ConfigDocument::problemsChanged, this, [this] { onProblemsChanged(); });
}

void TableScopedModel::setTableIndex(int table) {
    if (!m_document || !m_document->table(table))
        table = -1;
    if (table == m_table)
        return;
    beginResetModel();
    m_table = table;
    endResetModel();
    emit tableIndexChanged(m_table);
}

void TableScopedModel::onProblemsChanged() {
    const int rows = rowCount();
    const int columns = columnCount();
    if (rows > 0 && columns > 0)
        emit dataChanged(index(0, 0), index(rows - 1, columns - 1),
                         {Qt::DecorationRole, Qt::ForegroundRole, Qt::ToolTipRole});
}

} // namespace ckstudio
