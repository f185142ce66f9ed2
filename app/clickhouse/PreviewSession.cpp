#include "clickhouse/PreviewSession.h"

#include "clickhouse/ClickHouseClient.h"
#include "preview/ResultRowModel.h"

namespace ckstudio {

PreviewSession::PreviewSession(ClickHouseClient* client, ResultRowModel* model, QObject* parent)
    : QObject(parent)
    , mClient(client)
    , mModel(model) {
    connect(model, &ResultRowModel::cancelRequested, this, &PreviewSession::cancel);
    connect(model, &ResultRowModel::capReached, this, [this] {
        if (ClickHouseQuery* q = mQuery.data(); q && !q->isFinished()) {
            mStoppedAtCap = true;
            q->cancel();
        }
    });
}

QString PreviewSession::previewSql(const PreviewRequest& request, WireFormat format) {
    return QStringLiteral("SELECT * FROM %1 LIMIT %2 FORMAT %3")
        .arg(request.table.quoted())
        .arg(request.limit)
        .arg(wireFormatName(format));
}

void PreviewSession::start(const PreviewRequest& request) {
    mRequest = request;
    mPlan.reset();
    mStoppedAtCap = false;
    mDone = false;
    mClient->loadCapabilities(this, [this](const std::optional<ClickHouseError>& error) {
        if (error) {
            complete(error);
            return;
        }
        inspectTable(mClient, mRequest.table, this,
                     [this](const TableInfo& info, const std::optional<ClickHouseError>& e) {
                         if (e) {
                             complete(e);
                             return;
                         }
                         if (!info.exists) {
                             complete(ClickHouseError{
                                 ClickHouseError::Kind::Server,
                                 QStringLiteral("table %1 does not exist").arg(mRequest.table.display()), 60,
                                 0});
                             return;
                         }
                         mPlan = planPreview(info);
                         emit planned(*mPlan);
                         if (mPlan->consumes && !mRequest.allowConsume) {
                             mDone = true;
                             emit refused(*mPlan);
                             return;
                         }
                         runQuery();
                     });
    });
}

void PreviewSession::runQuery() {
    const ServerCapabilities& caps = *mClient->capabilities();
    const WireFormat format = mRequest.wireFormat.value_or(
        caps.hasJsonCompactEachRow() ? WireFormat::JSONCompactEachRowWithNamesAndTypes
                                     : WireFormat::TabSeparatedWithNamesAndTypes);
    QueryOptions o;
    o.streaming = true;
    o.timeoutMs = (mRequest.maxExecutionSeconds + 15) * 1000;
    const auto one = QStringLiteral("1");
    o.settings = {
        {QStringLiteral("readonly"), QStringLiteral("2")},
        {QStringLiteral("max_execution_time"), QString::number(mRequest.maxExecutionSeconds)},
        {QStringLiteral("cancel_http_readonly_queries_on_client_close"), one},
        {QStringLiteral("output_format_json_quote_64bit_integers"), one},
        {QStringLiteral("output_format_json_quote_decimals"), one},
        {QStringLiteral("output_format_json_quote_denormals"), one},
        {QStringLiteral("http_write_exception_in_output_format"), QStringLiteral("0")},
        {QStringLiteral("enable_http_compression"), QStringLiteral("0")},
    };
    if (mPlan && mPlan->consumes)
        o.settings.append({QStringLiteral("stream_like_engine_allow_direct_select"), one});
    if (ResultRowModel* model = mModel.data())
        model->begin(format, mRequest.limit);
    mQuery = mClient->query(previewSql(mRequest, format), o);
    connect(mQuery, &ClickHouseQuery::dataReceived, this, [this](const QByteArray& chunk) {
        if (ResultRowModel* model = mModel.data())
            model->appendBytes(chunk);
    });
    ClickHouseQuery* q = mQuery;
    connect(q, &ClickHouseQuery::finished, this, [this, q] {
        std::optional<ClickHouseError> error = q->error();
        if (error && error->kind == ClickHouseError::Kind::Cancelled && mStoppedAtCap)
            error.reset(); // we stopped reading because the row cap was full
        ResultRowModel* model = mModel.data();
        if (!model) {
            complete(error);
            return;
        }
        if (error) {
            model->fail(error->toString());
        } else {
            model->endOfStream();
            if (model->state() == ResultRowModel::State::Failed)
                error = ClickHouseError{model->serverErrorCode() ? ClickHouseError::Kind::Server
                                                                 : ClickHouseError::Kind::Protocol,
                                        model->errorMessage(), model->serverErrorCode(), 200};
        }
        complete(error);
    });
}

void PreviewSession::cancel() {
    if (ClickHouseQuery* q = mQuery.data(); q && !q->isFinished())
        q->cancel();
}

void PreviewSession::complete(const std::optional<ClickHouseError>& error) {
    if (mDone)
        return;
    mDone = true;
    if (ResultRowModel* model = mModel.data(); error && model)
        model->fail(error->toString());
    emit finished(error);
}

} // namespace ckstudio
