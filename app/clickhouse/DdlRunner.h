#pragma once
// One run of generated DDL on ClickHouse, statement by statement: one query finds which of the statements'
// objects exist, the missing ones are created in order, an existing table's columns are compared with the
// planned ones, and a failure (with the server's own code and message) or a cancel stops the run and says
// what was not run. The DDL run dialog and `ckstudio-cli ddl --execute` both drive this class.
#include "clickhouse/ClickHouseError.h"
#include "clickhouse/TableName.h"
#include "ddl/DestinationDdl.h"

#include <QObject>
#include <QPointer>
#include <optional>
#include <vector>

namespace ckstudio {

class ClickHouseClient;
class ClickHouseQuery;

// The object a CREATE statement makes; Other for anything the run cannot look up (it is always run).
struct DdlTarget {
    enum class Kind { Table, View, Database, Other } kind = Kind::Other;
    TableName name; // Database: only `database` is set

    static DdlTarget of(const QString& sql);
};

struct DdlColumn {
    QString name;
    QString type;
};

// The "(name Type, ...)" columns of a CREATE TABLE, without DEFAULT/CODEC/... clauses and without its INDEX,
// CONSTRAINT and PROJECTION entries.
std::vector<DdlColumn> createTableColumns(const QString& sql);

struct ColumnDifference {
    enum class Kind { Missing, OtherType, Extra } kind = Kind::Missing;
    QString column;
    QString existingType; // OtherType, Extra
    QString plannedType;  // Missing, OtherType
    // "missing column c T", "column c is T, the DDL says U", "extra column c T (not in the DDL)"
    QString toString() const;
};

// The planned columns against those system.columns shows, by the type as the server stores it (BIGINT is
// Int64, Enum('a') is Enum8('a' = 1)); a planned Nested column is compared as its arrays unless the server
// kept it whole (flatten_nested = 0).
std::vector<ColumnDifference> compareColumns(const std::vector<DdlColumn>& planned,
                                             const std::vector<DdlColumn>& existing);

struct DdlStep {
    enum class Outcome {
        Pending,
        Running,   // sent to the server, no answer yet
        Existed,   // not run: the object exists (final once stepDone says so)
        Ran,       // created
        Failed,    // the server refused it: error
        Cancelled, // cancelled while in flight: the server may still have run it
        NotRun,    // the run stopped before it
    } outcome = Outcome::Pending;
    bool columnsCompared = false;              // Existed table: its columns were read and compared
    std::vector<ColumnDifference> differences; // empty when they match
    std::optional<ClickHouseError> error;      // Failed
};

// Why a run ended before its last statement.
struct DdlRunStop {
    enum class Stage { Connecting, Probing, Running, ReadingColumns } stage = Stage::Connecting;
    std::size_t statement = 0; // Running, ReadingColumns: the statement's index
    ClickHouseError error;     // Kind::Cancelled after cancel()
    QString during;            // "looking for existing objects", the statement's `what`, ...
};

class DdlRunner : public QObject {
    Q_OBJECT
public:
    explicit DdlRunner(std::vector<DdlStatement> statements, QObject* parent = nullptr);
    ~DdlRunner() override; // cancels the query in flight

    void setClient(ClickHouseClient* client); // not owned; before start()
    // Starts (or starts again) a run; finished() follows from the event loop.
    void start();
    // Stops after the query in flight (aborted, with KILL QUERY); finished() follows.
    void cancel();
    bool isRunning() const { return m_running; }

    const std::vector<DdlStatement>& statements() const { return m_statements; }
    const std::vector<DdlTarget>& targets() const { return m_targets; }
    const std::vector<DdlStep>& steps() const { return m_steps; }
    const std::optional<DdlRunStop>& stop() const { return m_stop; }

    // The one query that finds which targets exist; empty when none can be looked up. Exposed for tests.
    static QString probeSql(const std::vector<DdlTarget>& targets);

signals:
    void connected();                    // the client knows the server (capabilities())
    void stepStarted(std::size_t index); // outcome Running, or Existed before its columns are read
    void stepDone(std::size_t index);    // the step's outcome is final
    void finished(bool ok);              // ok: every statement ran or existed; else stop() says why

private:
    void probe();
    void runNext();
    void readColumns(std::size_t index);
    void stopAt(DdlRunStop::Stage stage, std::size_t index, const ClickHouseError& error,
                const QString& during);
    bool clientGone(DdlRunStop::Stage stage, std::size_t index); // stops the run when the client is gone

    std::vector<DdlStatement> m_statements;
    std::vector<DdlTarget> m_targets;
    std::vector<DdlStep> m_steps;
    std::optional<DdlRunStop> m_stop;
    QPointer<ClickHouseClient> m_client;
    QPointer<ClickHouseQuery> m_inFlight;
    std::size_t m_next = 0;
    bool m_running = false;
    bool m_cancelRequested = false;
};

} // namespace ckstudio
