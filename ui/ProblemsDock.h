#pragma once
// Lists every problem of the document; activating one asks the window to show its field or cell.
#include <QDockWidget>

class QLabel;
class QTableView;

namespace ckstudio {

class ConfigDocument;
class ProblemsModel;

class ProblemsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ProblemsDock(ConfigDocument* document, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    ProblemsModel* model() const { return m_model; }

signals:
    // `path` is the problem's JSON path ("tables[1].columns[0].type"), `table` its table or -1.
    void problemActivated(const QString& path, int table);

private:
    void updateSummary();
    ProblemsModel* m_model;
    QTableView* m_view;
    QLabel* m_summary;
};

} // namespace ckstudio
