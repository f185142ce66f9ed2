#include "preview/ResultRowModel.h"

namespace ckstudio {

ResultRowModel::ResultRowModel(QObject* parent)
    : QAbstractTableModel(parent) {}
ResultRowModel::~ResultRowModel() = default;

void ResultRowModel::begin(WireFormat format, qsizetype rowCap) {
    beginResetModel();
    mStore.reset(0);
    mParser = ResultStreamParser::create(format, mStore);
    mParser->setRowCap(rowCap);
    mColumns.clear();
    mShown = 0;
    mCapped = false;
    mError.clear();
    mServerErrorCode = 0;
    endResetModel();
    setState(State::Loading);
}

void ResultRowModel::appendBytes(QByteArrayView bytes) {
    if (mState != State::Loading || !mParser)
        return;
    const qsizetype before = mStore.rowCount();
    mParser->feed(std::string_view(bytes.data(), static_cast<std::size_t>(bytes.size())));
    if (mColumns.empty() && mParser->headerComplete() && !mParser->columns().empty()) {
        beginInsertColumns({}, 0, static_cast<int>(mParser->columns().size()) - 1);
        mColumns = mParser->columns();
        endInsertColumns();
        emit columnsReceived();
    }
    if (mStore.rowCount() != before) {
        if (mShown < mBatchSize)
            exposeRows(mBatchSize - mShown); // the first screenful appears without scrolling
        emit rowsLoaded(mStore.rowCount());
    }
    if (const auto& e = mParser->error()) {
        mServerErrorCode = e->serverCode;
        fail(e->message);
        return;
    }
    if (!mCapped && mParser->capReached() && mParser->headerComplete()) {
        mCapped = true;
        emit capReached();
    }
}

void ResultRowModel::endOfStream() {
    if (mState != State::Loading || !mParser)
        return;
    mParser->finish();
    if (const auto& e = mParser->error()) {
        mServerErrorCode = e->serverCode;
        fail(e->message);
        return;
    }
    if (mColumns.empty() && !mParser->columns().empty()) {
        beginInsertColumns({}, 0, static_cast<int>(mParser->columns().size()) - 1);
        mColumns = mParser->columns();
        endInsertColumns();
        emit columnsReceived();
    }
    setState(State::Finished);
}

void ResultRowModel::fail(const QString& message) {
    if (mState != State::Loading)
        return;
    mError = message;
    setState(State::Failed);
}

void ResultRowModel::cancel() {
    if (mState != State::Loading)
        return;
    setState(State::Cancelled);
    emit cancelRequested();
}

void ResultRowModel::fetchAll() {
    exposeRows(mStore.rowCount() - mShown);
}

void ResultRowModel::setState(State state) {
    if (mState == state)
        return;
    mState = state;
    emit stateChanged(state);
}

void ResultRowModel::exposeRows(qsizetype count) {
    // Views and testers may call fetchMore() from inside the insert notifications: no nested inserts.
    if (mExposing)
        return;
    count = std::min(count, mStore.rowCount() - mShown);
    if (count <= 0)
        return;
    mExposing = true;
    beginInsertRows({}, static_cast<int>(mShown), static_cast<int>(mShown + count - 1));
    mShown += count;
    endInsertRows();
    mExposing = false;
}

int ResultRowModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(mShown);
}

int ResultRowModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(mColumns.size());
}

QVariant ResultRowModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CellRef cell = mStore.cell(index.row(), index.column());
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
        return mColumns[static_cast<std::size_t>(index.column())].isNumeric()
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
        if (role == Qt::DisplayRole && section >= 0 && section < mShown)
            return section + 1;
        return {};
    }
    if (section < 0 || section >= static_cast<int>(mColumns.size()))
        return {};
    const auto& c = mColumns[static_cast<std::size_t>(section)];
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
    return !parent.isValid() && !mExposing && mShown < mStore.rowCount();
}

void ResultRowModel::fetchMore(const QModelIndex& parent) {
    if (!parent.isValid())
        exposeRows(mBatchSize);
}

} // namespace ckstudio
