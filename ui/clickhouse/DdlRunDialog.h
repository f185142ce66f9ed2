#pragma once
// Shows the generated destination DDL (highlighted, copyable) and runs it through DdlRunner: objects that
// already exist are left alone and reported (with how an existing table's columns differ from the DDL), the
// others are created in order with progress; a failure stops the run and says what was not run. Cancel
// stops after aborting the statement in flight.
#include "ddl/DestinationDdl.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace ckstudio {

class ClickHouseClient;
class DdlRunner;

class DdlRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit DdlRunDialog(std::vector<DdlStatement> statements, QWidget* parent = nullptr);

    void setClient(ClickHouseClient* client); // not owned
    bool isRunning() const;
    QString script() const;
    // One line per statement once handled: "created: …", "already existed: …", "failed: …", "cancelled: …",
    // "not run: …", and for an existing table "same columns: …" or one "differs: …" line per difference.
    QStringList report() const { return m_report; }
    QString statusText() const;
    const DdlRunner& runner() const { return *m_runner; }

public slots:
    void run();
    void cancel();
    void copyScript();

signals:
    void finished(bool ok);

private:
    void showStarted(std::size_t index);
    void showDone(std::size_t index);
    void showFinished(bool ok);
    void note(const QString& line);

    DdlRunner* m_runner;
    QPointer<ClickHouseClient> m_client;
    QPlainTextEdit* m_sql;
    QPlainTextEdit* m_log;
    QProgressBar* m_progress;
    QPushButton* m_copy;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QLabel* m_status;
    QStringList m_report;
};

} // namespace ckstudio
