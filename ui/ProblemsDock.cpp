#include "ProblemsDock.h"

#include "itemmodels/ConfigDocument.h"
#include "itemmodels/ProblemsModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace ckstudio {

ProblemsDock::ProblemsDock(ConfigDocument* document, QWidget* parent)
    : QDockWidget(tr("Problems"), parent)
    , m_model(new ProblemsModel(document, this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("problemsDock"));
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setAccessibleName(tr("Problems"));
    m_view->setTabKeyNavigation(false); // Tab leaves the list instead of cycling through its cells
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_summary->setObjectName(QStringLiteral("problemsSummary"));

    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view);
    setWidget(body);

    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        emit problemActivated(index.data(ProblemsModel::PathRole).toString(),
                              index.data(ProblemsModel::TableIndexRole).toInt());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsDock::updateSummary);
    updateSummary();
}

void ProblemsDock::updateSummary() {
    const int errors = m_model->errorCount();
    const int warnings = m_model->rowCount() - errors;
    if (m_model->rowCount() == 0)
        m_summary->setText(tr("No problems: the configuration is valid."));
    else
        m_summary->setText(tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
                           tr("%n warning(s)", nullptr, warnings));
    m_view->resizeColumnToContents(0);
    m_view->resizeColumnToContents(1);
}

} // namespace ckstudio
