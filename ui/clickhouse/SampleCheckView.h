#pragma once
// Checks sample messages (pasted, from a file, or handed over from the topic peek) against a table's columns
// and data format with ClickHouse's own parser, and lists per message whether it parses and why not.
#include "clickhouse/TableInspector.h"

#include <QPointer>
#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace ckstudio {

class ClickHouseClient;
class EngineWorker;
class SampleCheck;
class SampleVerdictModel;

class SampleCheckView : public QWidget {
    Q_OBJECT
public:
    explicit SampleCheckView(QWidget* parent = nullptr);

    void setClient(ClickHouseClient* client); // not owned
    void setTable(const QString& table);      // columns and (for Kafka tables) format are read on run
    void setFormat(const QString& format);
    void setSamples(const QStringList& messages); // one message each

    bool isRunning() const { return m_running; }
    QString statusText() const;
    SampleVerdictModel* verdicts() const { return m_verdicts; }

public slots:
    void run();
    void cancel();

signals:
    void finished(bool complete);

private:
    void check(const TableInfo& table);
    void stop(const QString& status, bool complete);
    QStringList messages() const;
    void loadFile();

    QPointer<ClickHouseClient> m_client;
    SampleVerdictModel* m_verdicts;
    QPointer<SampleCheck> m_check;
    EngineWorker* m_engine = nullptr; // opened on first need: a readonly=1 user's messages are parsed here
    QLineEdit* m_table;
    QComboBox* m_format;
    QPlainTextEdit* m_samples;
    QPushButton* m_loadFile;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QTableView* m_results;
    QLabel* m_status;
    QStringList m_checked;
    bool m_running = false;
    int m_generation = 0; // callbacks of a cancelled run compare this and stay silent
};

} // namespace ckstudio
