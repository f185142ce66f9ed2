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

    bool isBusy() const { return m_busy; }
    QString statusText() const;
    QString warningText() const;
    QStandardItemModel* grid() const { return m_grid; } // one column per table column; rows to insert

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

    QPointer<ClickHouseClient> m_client;
    TableInfo m_info;
    QStandardItemModel* m_grid;
    QLineEdit* m_table;
    QPushButton* m_load;
    QLabel* m_warning;
    QTabWidget* m_pages;
    QTableView* m_gridView;
    QPlainTextEdit* m_json;
    QPushButton* m_addRow;
    QPushButton* m_removeRow;
    QPushButton* m_loadFile;
    QPushButton* m_insert;
    QPushButton* m_cancel;
    QLabel* m_status;
    QBuffer m_body;
    QPointer<ClickHouseQuery> m_inFlight;
    bool m_busy = false;
    int m_generation = 0;
};

} // namespace ckstudio
