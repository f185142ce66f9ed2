#pragma once
// Shows the generated destination DDL (highlighted, copyable) and runs it statement by statement: objects
// that already exist are left alone and reported (with how an existing table's columns differ from the DDL),
// the others are created in order with progress; a failure stops the run and says what was not run. Cancel
// stops after aborting the statement in flight.
#include "clickhouse/TableName.h"
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
class ClickHouseQuery;
struct ClickHouseError;

class DdlRunDialog : public QDialog {
    Q_OBJECT
public:
    explicit DdlRunDialog(std::vector<DdlStatement> statements, QWidget* parent = nullptr);

    void setClient(ClickHouseClient* client); // not owned
    bool isRunning() const { return mRunning; }
    QString script() const;
    // One line per statement once handled: "created: …", "already existed: …", "failed: …", "not run: …",
    // and "differs: …" lines for existing tables whose columns are not the DDL's.
    QStringList report() const { return mReport; }
    QString statusText() const;

    // The object a CREATE statement makes, and the "(name Type, ...)" columns of a CREATE TABLE. Exposed for
    // tests.
    struct Target {
        enum class Kind { Table, View, Database, Unknown } kind = Kind::Unknown;
        TableName name; // Database: only `database` is set
    };
    static Target targetOf(const QString& sql);
    static QList<QPair<QString, QString>> createColumns(const QString& sql);

public slots:
    void run();
    void cancel();
    void copyScript();

signals:
    void finished(bool ok);

private:
    void detectExisting();
    void runNext();
    void compareColumns(std::size_t index);
    // statementFailed: the statement at mNext itself failed (else a lookup failed or the user cancelled).
    void fail(const QString& during, const ClickHouseError& error, bool statementFailed = false);
    void finish(bool ok, const QString& status);
    void note(const QString& line);

    std::vector<DdlStatement> mStatements;
    std::vector<Target> mTargets;
    std::vector<bool> mExists;
    QPointer<ClickHouseClient> mClient;
    QPointer<ClickHouseQuery> mInFlight;
    QPlainTextEdit* mSql;
    QPlainTextEdit* mLog;
    QProgressBar* mProgress;
    QPushButton* mCopy;
    QPushButton* mRun;
    QPushButton* mCancel;
    QLabel* mStatus;
    QStringList mReport;
    std::size_t mNext = 0;
    bool mRunning = false;
    bool mCancelled = false;
};

} // namespace ckstudio
