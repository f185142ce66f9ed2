#pragma once
// Checks sample messages against a table's columns and data format with ClickHouse's own input parser, one
// message at a time, and says per message what failed. Servers with the format() table function (23.3+) parse
// each message with SELECT count() FROM format(FMT, 'columns', 'message'); older ones (18.16) insert each
// message into a temporary Memory table in a session of its own. Nothing permanent is created.
//
// Messages are parsed with the table's own format settings (date_time_input_format, input_format_*, ... from
// its SETTINGS clause), as its Kafka engine parses them, not with the session's defaults: 26.5 changed
// date_time_input_format's default to best_effort, so a 'basic' table refuses dates the default accepts.
// Settings the server does not have are left out and listed in ignoredSettings().
// tests/oracle/tst_oracle_samplecheck.cpp checks these verdicts against a 26.5 Kafka table's.
//
// A readonly=1 user may run neither format() nor a temporary table (Code 164), so for them the messages are
// parsed by a local engine when one is given (setLocalParser(): the embedded ClickHouse 26), with every
// setting of the table; without one the check stops with an error that says so and how to fix it.
#include "clickhouse/ClickHouseError.h"
#include "clickhouse/TableInspector.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace ckstudio {

class ClickHouseClient;

struct SampleVerdict {
    int index = 0; // position of the message in the input
    bool ok = false;
    int rows =
        0; // rows the message gives when it parses (a JSONEachRow message may hold several); -1: unknown
    bool noRow =
        false;     // not ok because it gives no row (empty, or holds none), not because it does not parse
    QString error; // the server's message when the message does not parse, or why it gives no row
};

// Settings as name and value, the value an SQL literal as the table's definition spells it ('basic', 1).
using FormatSettings = QList<QPair<QString, QString>>;

// The format settings of a table: the SETTINGS of `definition` (system.tables' engine_full, a CREATE
// statement, or connectorTableSql().create for a table that does not exist yet) without the engine's own
// kafka_* ones.
FormatSettings tableFormatSettings(const QString& definition);

// The `format()` structure argument for `columns`: "`a` UInt8, `b` String".
QString sampleStructure(const std::vector<TableColumn>& columns);

// The statement that checks one message where format() exists: one row with the message's row count, or the
// server's error. `settings` go into its SETTINGS clause as given (filter them first).
QString sampleCheckStatement(const QString& format, const QString& structure, const QString& message,
                             const FormatSettings& settings);

// The verdict on a message that no server needs to see: an empty one has no row (the Kafka engine skips it,
// and format() answers Code 10 "Not found column ... in block"). nullopt for every other message.
std::optional<SampleVerdict> verdictWithoutServer(int index, const QString& message);

// The verdict from the answer to sampleCheckStatement() (or the 18.16 INSERT, whose body is empty):
// `serverError` is the server's own error, nullopt when the statement succeeded.
SampleVerdict sampleVerdict(int index, const std::optional<ClickHouseError>& serverError,
                            const QByteArray& body);

// Runs one statement (TabSeparated output) off this thread and calls `done` on `context`'s thread with the
// engine's error (nullopt on success) and the result; never calls it once `context` is gone.
using LocalStatementRunner =
    std::function<void(const QString& sql, QObject* context,
                       std::function<void(const std::optional<ClickHouseError>& error, const QByteArray& body)>
                           done)>;

class SampleCheck : public QObject {
    Q_OBJECT
public:
    explicit SampleCheck(ClickHouseClient* client, QObject* parent = nullptr);
    // Where messages are parsed when the server cannot (readonly=1); `name` says which engine that is, for
    // checkedBy(). Give it before start().
    void setLocalParser(LocalStatementRunner runner, const QString& name);
    // `settings`: the table's format settings (tableFormatSettings()); empty: the server's defaults.
    void start(const std::vector<TableColumn>& columns, const QString& format, const QStringList& messages,
               const FormatSettings& settings = {});
    const std::vector<SampleVerdict>& verdicts() const { return m_verdicts; }
    // The table's settings this server could not take, so verdicts use its defaults for them ("name =
    // value").
    const QStringList& ignoredSettings() const { return m_ignoredSettings; }
    // Empty when the server parsed the messages; else the local engine's name and why it was used.
    const QString& checkedBy() const { return m_checkedBy; }

signals:
    // error: the check itself could not run (connection, bad column list); verdicts are then incomplete.
    void finished(const std::optional<ckstudio::ClickHouseError>& error);

private:
    void checkNext();
    void done(const std::optional<ClickHouseError>& error);

    ClickHouseClient* m_client;
    std::vector<TableColumn> m_columns;
    QString m_format;
    QStringList m_messages;
    FormatSettings m_wantedSettings;
    FormatSettings m_settings; // those the server has
    QStringList m_ignoredSettings;
    LocalStatementRunner m_localParser;
    QString m_localParserName;
    QString m_checkedBy;
    bool m_useLocalParser = false;
    std::vector<SampleVerdict> m_verdicts;
    QString m_session;
    QString m_tempTable;
    bool m_useFormatFunction = false;
    int m_next = 0;
};

} // namespace ckstudio
