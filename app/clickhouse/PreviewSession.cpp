#include "clickhouse/PreviewSession.h"

#include "clickhouse/ClickHouseClient.h"
#include "clickhouse/TwinTable.h"
#include "preview/ResultRowModel.h"

namespace ckstudio {

QString TwinReport::explanation() const {
    QString text;
    if (fromEarliest)
        text =
            QStringLiteral("Read through the temporary twin table %1 as consumer group '%2', starting at the "
                           "earliest offset still in the topic.")
                .arg(table.display(), group);
    else
        text =
            QStringLiteral("Read through the temporary twin table %1 as the new consumer group '%2'. This "
                           "server's Kafka engine has no per-table offset reset (kafka_auto_offset_reset), "
                           "so a new group starts at the LATEST offset: the twin shows only messages "
                           "produced after it joined and cannot show the messages already in the topic.")
                .arg(table.display(), group);
    if (quickEmptyPoll)
        text +=
            QStringLiteral(" This server version also ends a direct SELECT from a Kafka table at its first "
                           "empty poll, often before a new group is assigned any partition: expect few or "
                           "no rows.");
    if (!sourceGroup.isEmpty())
        text += QStringLiteral(" The production group '%1' was not touched.").arg(sourceGroup);
    if (dropped)
        text +=
            QStringLiteral(" The twin table was dropped; Kafka may list group '%1' until its offsets expire.")
                .arg(group);
    else if (!dropError.isEmpty())
        text +=
            QStringLiteral(" The twin table could NOT be dropped (%1): drop it by hand with DROP TABLE %2.")
                .arg(dropError, table.quoted());
    return text;
}

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

PreviewSession::~PreviewSession() {
    // A pane closed mid-preview: the twin must not outlive it. The query belongs to the client.
    if (mTwinExists && mClient) {
        QueryOptions o;
        o.timeoutMs = 30000;
        mClient->query(mTwinDrop, o);
    }
}

QString PreviewSession::previewSql(const PreviewRequest& request, WireFormat format) {
    return QStringLiteral("SELECT * FROM %1 LIMIT %2 FORMAT %3")
        .arg(request.table.quoted())
        .arg(request.limit)
        .arg(wireFormatName(format));
}

void PreviewSession::start(const PreviewRequest& request) {
    mRequest = request;
    mReadTable = request.table;
    mPlan.reset();
    mTwin.reset();
    mStoppedAtCap = false;
    mCancelRequested = false;
    mDone = false;
    mFinishing = false;
    mReceivedBytes = 0;
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
                         const ServerVersion& v = mClient->capabilities()->version();
                         mPlan = planPreview(info, {v.major, v.minor});
                         emit planned(*mPlan);
                         if (mCancelRequested) {
                             complete(ClickHouseError{ClickHouseError::Kind::Cancelled,
                                                      QStringLiteral("cancelled"), 0, 0});
                             return;
                         }
                         if (mRequest.twin) {
                             startTwin();
                             return;
                         }
                         if (mPlan->consumes && !mRequest.allowConsume) {
                             mDone = true;
                             emit refused(*mPlan);
                             return;
                         }
                         runQuery();
                     });
    });
}

void PreviewSession::runDdl(const QString& sql, Next next) {
    QueryOptions o;
    o.timeoutMs = 30000;
    auto* q = mClient->query(sql, o);
    connect(q, &ClickHouseQuery::finished, this, [q, next = std::move(next)] { next(q->error()); });
}

void PreviewSession::startTwin() {
    QString problem;
    const auto sql = twinTableSql(
        mPlan->table, mRequest.twinDatabase.isEmpty() ? defaultTwinDatabase() : mRequest.twinDatabase,
        mRequest.twinGroup.isEmpty() ? freshTwinGroup() : mRequest.twinGroup, &problem);
    if (!sql) {
        complete(ClickHouseError{ClickHouseError::Kind::Usage, problem, 0, 0});
        return;
    }
    mTwinDrop = sql->drop;
    const auto created = [this, sql](bool fromEarliest) {
        mTwinExists = true;
        mTwin = TwinReport{sql->twin, sql->group, mPlan->table.consumerGroup, fromEarliest, false, {}};
        mTwin->quickEmptyPoll = !mClient->capabilities()->version().atLeast(19, 0);
        emit twinCreated(*mTwin);
        if (mCancelRequested) {
            complete(ClickHouseError{ClickHouseError::Kind::Cancelled, QStringLiteral("cancelled"), 0, 0});
            return;
        }
        mReadTable = sql->twin;
        runQuery();
    };
    runDdl(sql->createDatabase, [this, sql, created](const std::optional<ClickHouseError>& e) {
        if (e) {
            complete(e);
            return;
        }
        runDdl(sql->createEarliest, [this, sql, created](const std::optional<ClickHouseError>& early) {
            if (!early) {
                created(true);
                return;
            }
            if (early->kind != ClickHouseError::Kind::Server) {
                complete(early);
                return;
            }
            // Upstream ClickHouse has no kafka_auto_offset_reset (only Aiven's builds do): without it.
            runDdl(sql->createPlain, [this, created](const std::optional<ClickHouseError>& plain) {
                if (plain)
                    complete(plain);
                else
                    created(false);
            });
        });
    });
}

void PreviewSession::runQuery() {
    const ServerCapabilities& caps = *mClient->capabilities();
    // A readonly=1 user cannot switch off JSON's bare 64-bit integers (25.8+) or errors written into the
    // JSON output (23.9-25.10): TabSeparated is exact without any setting.
    const WireFormat format =
        mRequest.wireFormat.value_or(caps.hasJsonCompactEachRow() && caps.settingsAllowed()
                                         ? WireFormat::JSONCompactEachRowWithNamesAndTypes
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
    PreviewRequest read = mRequest;
    read.table = mReadTable;
    mQuery = mClient->query(previewSql(read, format), o);
    connect(mQuery, &ClickHouseQuery::dataReceived, this, [this](const QByteArray& chunk) {
        mReceivedBytes += chunk.size();
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
    mCancelRequested = true; // a twin DDL in flight ends, then the twin is dropped
    if (ClickHouseQuery* q = mQuery.data(); q && !q->isFinished())
        q->cancel();
}

void PreviewSession::complete(const std::optional<ClickHouseError>& error) {
    if (mDone || mFinishing)
        return;
    if (ResultRowModel* model = mModel.data(); error && model)
        model->fail(error->toString());
    if (!mTwinExists || !mClient) {
        emitFinished(error);
        return;
    }
    // Drop the twin first, so that finished() means nothing of ours is left on the server.
    mFinishing = true;
    runDdl(mTwinDrop, [this, error](const std::optional<ClickHouseError>& dropError) {
        mTwinExists = false;
        if (mTwin) {
            mTwin->dropped = !dropError;
            if (dropError)
                mTwin->dropError = dropError->toString();
        }
        emitFinished(error);
    });
}

void PreviewSession::emitFinished(const std::optional<ClickHouseError>& error) {
    mDone = true;
    mFinishing = false;
    emit finished(error);
}

} // namespace ckstudio
