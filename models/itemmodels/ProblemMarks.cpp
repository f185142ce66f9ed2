#include "itemmodels/ProblemMarks.h"

#include "itemmodels/StatusColors.h"

#include <QColor>
#include <QGuiApplication>

namespace ckstudio {

void ProblemMarks::add(const Problem& problem) {
    if (any)
        messages += QLatin1Char('\n');
    messages += QString::fromStdString(problem.message);
    any = true;
    error = error || problem.isError();
}

void ProblemMarks::add(const std::vector<const Problem*>& problems) {
    for (const auto* problem : problems)
        add(*problem);
}

QVariant ProblemMarks::roleData(int role) const {
    if (!any)
        return {};
    switch (role) {
    case Qt::DecorationRole:
    case Qt::ForegroundRole:
        return error ? errorColor(QGuiApplication::palette()) : warningColor(QGuiApplication::palette());
    case Qt::ToolTipRole:
        return messages;
    default:
        return {};
    }
}

} // namespace ckstudio
