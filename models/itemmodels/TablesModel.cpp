#include "itemmodels/TablesModel.h"

#include "itemmodels/ProblemMarks.h"

namespace ckstudio {

TablesModel::TablesModel(ConfigDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    connect(document, &ConfigDocument::tablesAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(document, &ConfigDocument::tablesInserted, this, [this] { endInsertRows(); });
    connect(document, &ConfigDocument::tablesAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(document, &ConfigDocument::tablesRemoved, this, [this] { endRemoveRows(); });
    connect(document, &ConfigDocument::tableAboutToBeMoved, this,
            [this](int from, int to) { beginMoveRows({}, from, from, {}, to > from ? to + 1 : to); });
    connect(document, &ConfigDocument::tableMoved, this, [this] { endMoveRows(); });
    connect(document, &ConfigDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(document, &ConfigDocument::reset, this, [this] { endResetModel(); });
    connect(document, &ConfigDocument::tableChanged, this,
            [this](int row) { rowChanged(row, Column::Name, Column::Format); });
    auto countChanged = [this](ItemList list, int table) {
        const auto column = list == ItemList::Columns ? Column::Columns : Column::Topics;
        rowChanged(table, column, column);
    };
    connect(document, &ConfigDocument::itemsInserted, this,
            [countChanged](ItemList list, int table, int, int) { countChanged(list, table); });
    connect(document, &ConfigDocument::itemsRemoved, this,
            [countChanged](ItemList list, int table, int, int) { countChanged(list, table); });
    connect(document, &ConfigDocument::problemsChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                             {Qt::DisplayRole, Qt::DecorationRole, Qt::ForegroundRole, Qt::ToolTipRole,
                              ProblemCountRole, HasErrorRole});
    });
}

void TablesModel::rowChanged(int row, Column first, Column last) {
    if (row >= 0 && row < rowCount())
        emit dataChanged(index(row, static_cast<int>(first)), index(row, static_cast<int>(last)));
}

int TablesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_document ? 0 : m_document->tableCount();
}

int TablesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant TablesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto* table = m_document->table(index.row());
    if (!table)
        return {};
    const auto path = ConfigDocument::tablePath(index.row());
    const int problemCount = m_document->problemCountUnder(path);
    auto marks = [&] {
        ProblemMarks m;
        for (const auto& problem : m_document->problems())
            if (problem.path == path || problem.path.rfind(path + ".", 0) == 0 ||
                problem.path.rfind(path + "[", 0) == 0)
                m.add(problem);
        return m;
    };
    switch (role) {
    case PathRole:
        return QString::fromStdString(path);
    case ProblemCountRole:
        return problemCount;
    case HasErrorRole:
        return problemCount > 0 && marks().error;
    default:
        break;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (column) {
        case Column::Name:
            return QString::fromStdString(table->name);
        case Column::Format:
            return QString::fromStdString(table->dataFormat);
        case Column::Columns:
            return static_cast<int>(table->columns.size());
        case Column::Topics:
            return static_cast<int>(table->topics.size());
        case Column::ProblemCount:
            return problemCount;
        default:
            return {};
        }
    }
    if (role == Qt::AccessibleTextRole && column == Column::Name)
        return tr("Table %1").arg(QString::fromStdString(table->name));
    if ((role == Qt::DecorationRole && column == Column::Name) ||
        ((role == Qt::ForegroundRole || role == Qt::ToolTipRole) && problemCount > 0)) {
        if (problemCount == 0)
            return {};
        if (role == Qt::ToolTipRole)
            return tr("%n problem(s)", nullptr, problemCount) + QLatin1Char('\n') + marks().messages;
        return marks().roleData(role);
    }
    return {};
}

bool TablesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        static_cast<Column>(index.column()) != Column::Name)
        return false;
    m_document->setTableName(index.row(), value.toString().toStdString());
    return true;
}

QVariant TablesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (static_cast<Column>(section)) {
    case Column::Name:
        return tr("Table");
    case Column::Format:
        return tr("Format");
    case Column::Columns:
        return tr("Columns");
    case Column::Topics:
        return tr("Topics");
    case Column::ProblemCount:
        return tr("Problems");
    default:
        return {};
    }
}

Qt::ItemFlags TablesModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (static_cast<Column>(index.column()) == Column::Name)
        flags |= Qt::ItemIsEditable;
    return flags;
}

} // namespace ckstudio
