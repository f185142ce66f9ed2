#pragma once
// The project -> service -> integration browser: a tree filled lazily, with Refresh, Cancel and Open.
// Double-clicking an integration (or Open) emits openIntegrationRequested(); closing the widget cancels
// whatever is still loading.
#include <QWidget>

class QTreeView;
class QPushButton;
class QLabel;

namespace ckstudio {

class AivenClient;
class IntegrationTreeModel;

class IntegrationBrowser : public QWidget {
    Q_OBJECT
public:
    // `client` must outlive the browser (or be destroyed first: its callbacks are then never called).
    explicit IntegrationBrowser(AivenClient* client, QWidget* parent = nullptr);
    ~IntegrationBrowser() override;

    IntegrationTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }

public slots:
    void refresh();
    void cancel();
    void openCurrent();

signals:
    void openIntegrationRequested(const QString& project, const QString& integrationId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void updateActions();

    IntegrationTreeModel* m_model;
    QTreeView* m_view;
    QPushButton* m_refreshButton;
    QPushButton* m_cancelButton;
    QPushButton* m_openButton;
    QLabel* m_status;
};

} // namespace ckstudio
