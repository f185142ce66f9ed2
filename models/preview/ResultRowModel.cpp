#include "preview/ResultRowModel.h"

namespace ckstudio {

ResultRowModel::ResultRowModel(QObject* parent)
    : QAbstractTableModel(parent) {}
ResultRowModel::~ResultRowModel() = default;

void ResultRowModel::begin(WireFormat format, qsizetype rowCap) {
    beginResetModel();
    m_store.reset(0);
    m_parser = ResultStreamParser::create(format, m_store);
    m_parser->setRowCap(rowCap);
    m_columns.clear();
    m_shown = 0;
    m_capped = false;
    m_error.clear();
    m_serverErrorCode = 0;
    endResetModel();
    setState(State::Loading);
}

void ResultRowModel::appendBytes(QByteArrayView bytes) {
    if (m_state != State::Loading || !m_parser)
        return;
    const qsizetype before = m_store.rowCount();
    m_parser->feed(std::string_view(bytes.data(), static_cast<std::size_t>(bytes.size())));
    if (m_columns.empty() && m_parser->headerComplete() && !m_parser->columns().empty()) {
        beginInsertColumns({}, 0, static_cast<int>(m_parser->columns().size()) - 1);
        m_columns = m_parser->columns();
        endInsertColumns();
        emit columnsReceived();
    }
    if (m_store.rowCount() != before) {
        if (m_shown < m_batchSize)
            exposeRows(m_batchSize - m_shown); // the first screenful appears without scrolling
        emit rowsLoaded(m_store.rowCount());
    }
    if (const auto& e = m_parser->error()) {
        m_serverErrorCode = e->serverCode;
        fail(e->message);
        return;
    }
    if (!m_capped && m_parser->capReached() && m_parser->headerComplete()) {
        m_capped = true;
        emit capReached();
    }
}

void ResultRowModel::endOfStream() {
    if (m_state != State::Loading || !m_parser)
        return;
    m_parser->finish();
    if (const auto& e = m_parser->error()) {
        m_serverErrorCode = e->serverCode;
        fail(e->message);
        return;
    }
    if (m_columns.empty() && !m_parser->columns().empty()) {
        beginInsertColumns({}, 0, static_cast<int>(m_parser->columns().size()) - 1);
        m_columns = m_parser->columns();
        endInsertColumns();
        emit columnsReceived();
    }
    setState(State::Finished);
}

void ResultRowModel::fail(const QString& message) {
    if (m_state != State::Loading)
        return;
    m_error = message;
    setState(State::Failed);
}

void ResultRowModel::cancel() {
    if (m_state != State::Loading)
        return;
    setState(State::Cancelled);
    emit cancelRequested();
}

void ResultRowModel::fetchAll() {
    exposeRows(m_store.rowCount() - m_shown);
}

void ResultRowModel::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ResultRowModel::exposeRows(qsizetype count) {
    // Views and testers may call fetchMore() from inside the insert notifications: no nested inserts.
    if (m_exposing)
        return;
    count = std::min(count, m_store.rowCount() - m_shown);
    if (count <= 0)
        return;
    m_exposing = true;
    beginInsertRows({}, static_cast<int>(m_shown), static_cast<int>(m_shown + count - 1));
    m_shown += count;
    endInsertRows();
    m_exposing = false;
}

int ResultRowModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_shown);
}

int ResultRowModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant ResultRowModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CellRef cell = m_store.cell(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (cell.isNull())
            return QStringLiteral("NULL");
        return QString::fromUtf8(cell.bytes.data(), static_cast<qsizetype>(cell.bytes.size()));
    case Qt::EditRole:
        if (cell.isNull())
            return {};
        return QString::fromUtf8(cell.bytes.data(), static_cast<qsizetype>(cell.bytes.size()));
    case Qt::ToolTipRole:
        return cell.isNull() ? QStringLiteral("NULL (no value)") : QVariant();
    case Qt::TextAlignmentRole:
        return m_columns[static_cast<std::size_t>(index.column())].isNumeric()
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case IsNullRole:
        return cell.isNull();
    case CellKindRole:
        return static_cast<int>(cell.kind);
    case RawBytesRole:
        return QByteArray(cell.bytes.data(), static_cast<qsizetype>(cell.bytes.size()));
    default:
        return {};
    }
}

QVariant ResultRowModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_shown)
            return section + 1;
        return {};
    }
    if (section < 0 || section >= static_cast<int>(m_columns.size()))
        return {};
    const auto& c = m_columns[static_cast<std::size_t>(section)];
    switch (role) {
    case Qt::DisplayRole:
        return c.name + QLatin1Char('\n') + c.type;
    case Qt::ToolTipRole:
        return c.name + QStringLiteral(": ") + c.type;
    case ColumnNameRole:
        return c.name;
    case ColumnTypeRole:
        return c.type;
    default:
        return {};
    }
}

bool ResultRowModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_exposing && m_shown < m_store.rowCount();
}

void ResultRowModel::fetchMore(const QModelIndex& parent) {
    if (!parent.isValid())
        exposeRows(m_batchSize);
}

} // namespace ckstudio
