#pragma once
// INSERT into a (connector) table: rows typed into a small grid of the table's columns (sent as TabSeparated,
// so ClickHouse parses each value by its column type; \N is NULL), or JSONEachRow pasted or loaded from a
// file. Warns when a Kafka table reads several topics (ClickHouse produces to the first only) and says
// plainly when the server cannot INSERT into Kafka tables (18.16).
#include "clickhouse/TableInspector.h"

#include <QBuffer>
#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace ckstudio {

class ClickHouseClient;
class ClickHouseQuery;

class WriteBackDialog : public QDialog {
    Q_OBJECT
public:
    explicit WriteBackDialog(QWidget* parent = nullptr);

    void setClient(ClickHouseClient* client); // not owned
    void setTable(const QString& table);
    void setJsonEachRow(const QString& rows); // switches to the JSONEachRow page

    bool isBusy() const { return mBusy; }
    QString statusText() const;
    QString warningText() const;
    QStandardItemModel* grid() const { return mGrid; } // one column per table column; rows to insert

    // The grid's rows as TabSeparated (ClickHouse escaping).
    QByteArray gridAsTsv() const;

public slots:
    void loadColumns(); // reads the table's columns and engine; the grid gets one column each
    void insert();
    void cancel();

signals:
    void columnsLoaded();
    void inserted(bool ok);

private:
    void send(const QString& format, const QByteArray& body);
    void setBusy(bool busy);
    void loadFile();

    QPointer<ClickHouseClient> mClient;
    TableInfo mInfo;
    QStandardItemModel* mGrid;
    QLineEdit* mTable;
    QPushButton* mLoad;
    QLabel* mWarning;
    QTabWidget* mPages;
    QTableView* mGridView;
    QPlainTextEdit* mJson;
    QPushButton* mAddRow;
    QPushButton* mRemoveRow;
    QPushButton* mLoadFile;
    QPushButton* mInsert;
    QPushButton* mCancel;
    QLabel* mStatus;
    QBuffer mBody;
    QPointer<ClickHouseQuery> mInFlight;
    bool mBusy = false;
    int mGeneration = 0;
};

} // namespace ckstudio
