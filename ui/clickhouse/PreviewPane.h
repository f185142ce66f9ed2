#pragma once
// Preview of a ClickHouse table: table name + limit, Run/Cancel, a typed grid over the streaming
// ResultRowModel (filterable), a JSON tree of the selected row, a raw TSV view, export of the shown rows, and
// a status line (rows, bytes received, elapsed) that says "incomplete" whenever a result was cut short. A
// Kafka-like table is never read before the user explicitly chooses to consume from it or to read it through
// a temporary twin table with its own consumer group.
#include "clickhouse/PreviewSession.h"
#include "preview/RowExport.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStackedWidget;
class QTableView;
class QTreeView;
class QFrame;

namespace ckstudio {

class ClickHouseClient;
class ResultRowModel;
class RowJsonTreeModel;

class PreviewPane : public QWidget {
    Q_OBJECT
public:
    explicit PreviewPane(QWidget* parent = nullptr);
    ~PreviewPane() override;

    // The client for the next run (not owned; may be null: Run then says there is no connection).
    void setClient(ClickHouseClient* client);
    void setTable(const QString& table);
    void setLimit(int limit);

    bool isRunning() const { return m_running; }
    // Whether the last result is complete (finished without error and without cancel).
    bool isComplete() const { return m_complete; }
    QString statusText() const;
    bool isConsumptionWarningVisible() const;

    ResultRowModel* resultModel() const { return m_rows; }
    QSortFilterProxyModel* shownModel() const { return m_filter; }
    RowJsonTreeModel* rowTreeModel() const { return m_tree; }

    // Writes the rows the grid shows (after the filter) to `path`; an error message, or empty on success.
    QString exportShownRows(const QString& path, RowExportFormat format) const;

public slots:
    void run();
    void cancel();
    // The explicit choice after the consumption warning: read the stream-like table anyway.
    void runConsuming();
    // The other explicit choice: read it through a temporary twin (own consumer group, dropped afterwards).
    void runThroughTwin();
    void setFilterText(const QString& text);
    void setRawView(bool raw);

signals:
    void finished(bool complete);
    // The user picked an alternative to consuming from the Kafka table.
    void peekTopicRequested(const QStringList& topics);
    void previewTableRequested(const QString& table);

private:
    enum class KafkaRead { Refuse, Consume, Twin };
    void start(KafkaRead kafkaRead);
    void onRefused(const PreviewPlan& plan);
    void onFinished(const std::optional<ClickHouseError>& error);
    void updateStatus();
    void showSelectedRow();
    void refreshRawView();
    void chooseExport();

    QPointer<ClickHouseClient> m_client;
    ResultRowModel* m_rows;
    QSortFilterProxyModel* m_filter;
    RowJsonTreeModel* m_tree;
    PreviewSession* m_session = nullptr;

    QLineEdit* m_tableEdit;
    QSpinBox* m_limit;
    QPushButton* m_runButton;
    QPushButton* m_cancelButton;
    QLineEdit* m_filterEdit;
    QCheckBox* m_rawToggle;
    QPushButton* m_exportButton;
    QFrame* m_warning;
    QLabel* m_warningText;
    QPushButton* m_consumeButton;
    QPushButton* m_twinButton;
    QPushButton* m_peekButton;
    QPushButton* m_destinationButton;
    QStackedWidget* m_views;
    QTableView* m_grid;
    QPlainTextEdit* m_raw;
    QTreeView* m_treeView;
    QLabel* m_status;

    QElapsedTimer m_elapsed;
    QTimer m_statusTick;
    qint64 m_elapsedMs = 0;
    bool m_running = false;
    bool m_complete = false;
    QString m_problem;  // why the last result is incomplete
    QString m_twinNote; // what a twin preview could see, and that the twin is gone
    QStringList m_topics;
    QStringList m_destinations;
};

} // namespace ckstudio
