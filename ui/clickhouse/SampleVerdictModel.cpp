#include "clickhouse/SampleVerdictModel.h"

#include "itemmodels/StatusColors.h"

#include <QBrush>
#include <QColor>
#include <QPalette>

namespace ckstudio {

SampleVerdictModel::SampleVerdictModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void SampleVerdictModel::setResults(const QStringList& messages, const std::vector<SampleVerdict>& verdicts) {
    beginResetModel();
    m_messages = messages;
    m_verdicts = verdicts;
    endResetModel();
}

void SampleVerdictModel::clear() {
    setResults({}, {});
}

int SampleVerdictModel::failedCount() const {
    int failed = 0;
    for (const SampleVerdict& v : m_verdicts)
        failed += v.ok ? 0 : 1;
    return failed;
}

int SampleVerdictModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_verdicts.size());
}

int SampleVerdictModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SampleVerdictModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SampleVerdict& v = m_verdicts[static_cast<std::size_t>(index.row())];
    if (role == OkRole)
        return v.ok;
    if (role == Qt::ForegroundRole && index.column() == VerdictColumn)
        return QBrush(v.ok ? successColor(QPalette()) : errorColor(QPalette()));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NumberColumn:
        return v.index + 1;
    case VerdictColumn:
        return v.ok ? tr("parses") : tr("fails");
    case MessageColumn:
        return v.index >= 0 && v.index < m_messages.size() ? m_messages.at(v.index) : QString();
    case ErrorColumn:
        return v.error;
    default:
        return {};
    }
}

QVariant SampleVerdictModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case VerdictColumn:
        return tr("Verdict");
    case MessageColumn:
        return tr("Message");
    case ErrorColumn:
        return tr("Why it fails");
    default:
        return {};
    }
}

} // namespace ckstudio
