#include "itemmodels/ProblemsModel.h"

#include "itemmodels/ProblemMarks.h"

#include <QRegularExpression>

namespace ckstudio {

ProblemsModel::ProblemsModel(ConfigDocument* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_problems(document->problems()) {
    connect(document, &ConfigDocument::problemsChanged, this, [this] {
        if (m_problems == m_document->problems())
            return;
        beginResetModel();
        m_problems = m_document->problems();
        endResetModel();
    });
}

int ProblemsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

int ProblemsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

int ProblemsModel::errorCount() const {
    return static_cast<int>(
        std::count_if(m_problems.begin(), m_problems.end(), [](const Problem& p) { return p.isError(); }));
}

int ProblemsModel::tableIndexOfPath(const QString& path) {
    static const QRegularExpression pattern(QStringLiteral("^tables\\[(\\d+)\\]"));
    const auto match = pattern.match(path);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QVariant ProblemsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& problem = m_problems[static_cast<std::size_t>(index.row())];
    const QString path = QString::fromStdString(problem.path);
    switch (role) {
    case PathRole:
        return path;
    case IsErrorRole:
        return problem.isError();
    case TableIndexRole:
        return tableIndexOfPath(path);
    case Qt::ToolTipRole:
        return QString::fromStdString(problem.toLine());
    default:
        break;
    }
    const auto column = static_cast<Column>(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Column::Severity:
            return problem.isError() ? tr("Error") : tr("Warning");
        case Column::Path:
            return path.isEmpty() ? tr("(document)") : path;
        case Column::Message:
            return QString::fromStdString(problem.message);
        default:
            return {};
        }
    }
    if ((role == Qt::DecorationRole || role == Qt::ForegroundRole) && column == Column::Severity) {
        ProblemMarks marks;
        marks.add(problem);
        return marks.roleData(role);
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (static_cast<Column>(section)) {
    case Column::Severity:
        return tr("Severity");
    case Column::Path:
        return tr("Where");
    case Column::Message:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace ckstudio
