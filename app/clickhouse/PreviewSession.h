#pragma once
// One preview: capabilities -> table inspection -> plan -> streaming SELECT into a ResultRowModel.
// Refuses to read a stream-like (Kafka) table unless the request allows consuming. The GUI and
// `ckstudio-cli preview` both drive this class.
#include "clickhouse/ClickHouseError.h"
#include "clickhouse/TableInspector.h"
#include "preview/ResultStreamParser.h"

#include <QObject>
#include <QPointer>
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
};

class PreviewSession : public QObject {
    Q_OBJECT
public:
    PreviewSession(ClickHouseClient* client, ResultRowModel* model, QObject* parent = nullptr);

    void start(const PreviewRequest& request);
    void cancel();
    const std::optional<PreviewPlan>& plan() const { return mPlan; }

    // The SQL and settings a preview of `plan` sends (exposed for tests and the GUI's "show SQL").
    static QString previewSql(const PreviewRequest& request, WireFormat format);

signals:
    void planned(const ckstudio::PreviewPlan& plan);
    void refused(const ckstudio::PreviewPlan& plan); // stream-like table without allowConsume
    void finished(const std::optional<ckstudio::ClickHouseError>& error);

private:
    void runQuery();
    void complete(const std::optional<ClickHouseError>& error);

    ClickHouseClient* mClient;
    QPointer<ResultRowModel> mModel;
    PreviewRequest mRequest;
    std::optional<PreviewPlan> mPlan;
    QPointer<ClickHouseQuery> mQuery;
    bool mStoppedAtCap = false;
    bool mDone = false;
};

} // namespace ckstudio
