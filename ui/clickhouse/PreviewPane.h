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

    bool isRunning() const { return mRunning; }
    // Whether the last result is complete (finished without error and without cancel).
    bool isComplete() const { return mComplete; }
    QString statusText() const;
    bool isConsumptionWarningVisible() const;

    ResultRowModel* resultModel() const { return mRows; }
    QSortFilterProxyModel* shownModel() const { return mFilter; }
    RowJsonTreeModel* rowTreeModel() const { return mTree; }

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

    QPointer<ClickHouseClient> mClient;
    ResultRowModel* mRows;
    QSortFilterProxyModel* mFilter;
    RowJsonTreeModel* mTree;
    PreviewSession* mSession = nullptr;

    QLineEdit* mTableEdit;
    QSpinBox* mLimit;
    QPushButton* mRunButton;
    QPushButton* mCancelButton;
    QLineEdit* mFilterEdit;
    QCheckBox* mRawToggle;
    QPushButton* mExportButton;
    QFrame* mWarning;
    QLabel* mWarningText;
    QPushButton* mConsumeButton;
    QPushButton* mTwinButton;
    QPushButton* mPeekButton;
    QPushButton* mDestinationButton;
    QStackedWidget* mViews;
    QTableView* mGrid;
    QPlainTextEdit* mRaw;
    QTreeView* mTreeView;
    QLabel* mStatus;

    QElapsedTimer mElapsed;
    QTimer mStatusTick;
    qint64 mElapsedMs = 0;
    bool mRunning = false;
    bool mComplete = false;
    QString mProblem;  // why the last result is incomplete
    QString mTwinNote; // what a twin preview could see, and that the twin is gone
    QStringList mTopics;
    QStringList mDestinations;
};

} // namespace ckstudio
