#pragma once
// One preview: capabilities -> table inspection -> plan -> streaming SELECT into a ResultRowModel.
// Refuses to read a stream-like (Kafka) table unless the request allows consuming or asks for a twin: a
// temporary Kafka table with the same columns and settings but a fresh consumer group, created before the
// SELECT and dropped after it (also after an error or cancel). The GUI and `ckstudio-cli preview` both drive
// this class.
#include "clickhouse/ClickHouseError.h"
#include "clickhouse/TableInspector.h"
#include "preview/ResultStreamParser.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace ckstudio {

class ClickHouseClient;
class ClickHouseQuery;
class ResultRowModel;

struct PreviewRequest {
    TableName table;
    qsizetype limit = 100;                // LIMIT and the model's hard row cap
    bool allowConsume = false;            // read a Kafka table even though it consumes
    std::optional<WireFormat> wireFormat; // empty: JSONCompactEachRow when the server has it, else TSV
    int maxExecutionSeconds = 30;
    bool twin = false;    // read a Kafka table through a temporary twin with its own consumer group
    QString twinDatabase; // empty: defaultTwinDatabase()
    QString twinGroup;    // empty: freshTwinGroup()
};

// What a twin preview did; for the user (explanation()) and for tests.
struct TwinReport {
    TableName table;           // the twin
    QString group;             // its consumer group
    QString sourceGroup;       // the production group, untouched
    bool fromEarliest = false; // the server accepted kafka_auto_offset_reset = 'earliest'
    bool dropped = false;
    QString dropError;
    bool quickEmptyPoll = false; // ClickHouse < 19 (seen on 18.16): the SELECT ends at the first empty poll
    QString explanation() const;
};

class PreviewSession : public QObject {
    Q_OBJECT
public:
    PreviewSession(ClickHouseClient* client, ResultRowModel* model, QObject* parent = nullptr);
    ~PreviewSession() override; // drops a twin that is still there (fire and forget)

    void start(const PreviewRequest& request);
    void cancel();
    const std::optional<PreviewPlan>& plan() const { return m_plan; }
    const std::optional<TwinReport>& twin() const { return m_twin; }
    // Body bytes received over the network for the running/last SELECT (not the model's memory).
    qint64 receivedBytes() const { return m_receivedBytes; }

    // The SQL and settings a preview of `plan` sends (exposed for tests and the GUI's "show SQL").
    static QString previewSql(const PreviewRequest& request, WireFormat format);

signals:
    void planned(const ckstudio::PreviewPlan& plan);
    void refused(const ckstudio::PreviewPlan& plan); // stream-like table without allowConsume
    void twinCreated(const ckstudio::TwinReport& twin);
    void finished(const std::optional<ckstudio::ClickHouseError>& error);

private:
    using Next = std::function<void(const std::optional<ClickHouseError>& error)>;
    void runQuery();
    void startTwin();
    void runDdl(const QString& sql, Next next);
    void complete(const std::optional<ClickHouseError>& error);
    void emitFinished(const std::optional<ClickHouseError>& error);

    QPointer<ClickHouseClient> m_client;
    QPointer<ResultRowModel> m_model;
    PreviewRequest m_request;
    std::optional<PreviewPlan> m_plan;
    QPointer<ClickHouseQuery> m_query;
    TableName m_readTable; // the table the SELECT reads: the requested one or its twin
    std::optional<TwinReport> m_twin;
    QString m_twinDrop;
    bool m_twinExists = false;
    bool m_cancelRequested = false;
    bool m_stoppedAtCap = false;
    bool m_done = false;
    bool m_finishing = false;
    qint64 m_receivedBytes = 0;
};

} // namespace ckstudio
