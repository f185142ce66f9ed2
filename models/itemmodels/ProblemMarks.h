#pragma once
// How a cell shows the problems found at its JSON path: a coloured decoration, coloured text and the
// messages as tooltip.
#include "domain/Problem.h"

#include <QString>
#include <QVariant>
#include <vector>

namespace ckstudio {

struct ProblemMarks {
    QString messages; // one per line
    bool any = false;
    bool error = false;

    void add(const Problem& problem);
    void add(const std::vector<const Problem*>& problems);
    // Data for Qt::DecorationRole / ForegroundRole / ToolTipRole; invalid when the cell has no problem or the
    // role is another one.
    QVariant roleData(int role) const;
};

} // namespace ckstudio
