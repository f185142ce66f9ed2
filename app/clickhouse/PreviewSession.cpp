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
    , m_client(client)
    , m_model(model) {
    connect(model, &ResultRowModel::cancelRequested, this, &PreviewSession::cancel);
    connect(model, &ResultRowModel::capReached, this, [this] {
        if (ClickHouseQuery* q = m_query.data(); q && !q->isFinished()) {
            m_stoppedAtCap = true;
            q->cancel();
        }
    });
}

PreviewSession::~PreviewSession() {
    // A pane closed mid-preview: the twin must not outlive it. The query belongs to the client.
    if (m_twinExists && m_client) {
        QueryOptions o;
        o.timeoutMs = 30000;
        m_client->query(m_twinDrop, o);
    }
}

QString PreviewSession::previewSql(const PreviewRequest& request, WireFormat format) {
    return QStringLiteral("SELECT * FROM %1 LIMIT %2 FORMAT %3")
        .arg(request.table.quoted())
        .arg(request.limit)
        .arg(wireFormatName(format));
}

void PreviewSession::start(const PreviewRequest& request) {
    m_request = request;
    m_readTable = request.table;
    m_plan.reset();
    m_twin.reset();
    m_stoppedAtCap = false;
    m_cancelRequested = false;
    m_done = false;
    m_finishing = false;
    m_receivedBytes = 0;
    m_client->loadCapabilities(this, [this](const std::optional<ClickHouseError>& error) {
        if (error) {
            complete(error);
            return;
        }
        inspectTable(m_client, m_request.table, this,
                     [this](const TableInfo& info, const std::optional<ClickHouseError>& e) {
                         if (e) {
                             complete(e);
                             return;
                         }
                         if (!info.exists) {
                             complete(ClickHouseError{
                                 ClickHouseError::Kind::Server,
                                 QStringLiteral("table %1 does not exist").arg(m_request.table.display()), 60,
                                 0});
                             return;
                         }
                         const ServerVersion& v = m_client->capabilities()->version();
                         m_plan = planPreview(info, {v.major, v.minor});
                         emit planned(*m_plan);
                         if (m_cancelRequested) {
                             complete(ClickHouseError{ClickHouseError::Kind::Cancelled,
                                                      QStringLiteral("cancelled"), 0, 0});
                             return;
                         }
                         if (m_request.twin) {
                             startTwin();
                             return;
                         }
                         if (m_plan->consumes && !m_request.allowConsume) {
                             m_done = true;
                             emit refused(*m_plan);
                             return;
                         }
                         runQuery();
                     });
    });
}

void PreviewSession::runDdl(const QString& sql, Next next) {
    QueryOptions o;
    o.timeoutMs = 30000;
    auto* q = m_client->query(sql, o);
    connect(q, &ClickHouseQuery::finished, this, [q, next = std::move(next)] { next(q->error()); });
}

void PreviewSession::startTwin() {
    QString problem;
    const auto sql = twinTableSql(
        m_plan->table, m_request.twinDatabase.isEmpty() ? defaultTwinDatabase() : m_request.twinDatabase,
        m_request.twinGroup.isEmpty() ? freshTwinGroup() : m_request.twinGroup, &problem);
    if (!sql) {
        complete(ClickHouseError{ClickHouseError::Kind::Usage, problem, 0, 0});
        return;
    }
    m_twinDrop = sql->drop;
    const auto created = [this, sql](bool fromEarliest) {
        m_twinExists = true;
        m_twin = TwinReport{sql->twin, sql->group, m_plan->table.consumerGroup, fromEarliest, false, {}};
        m_twin->quickEmptyPoll = !m_client->capabilities()->version().atLeast(19, 0);
        emit twinCreated(*m_twin);
        if (m_cancelRequested) {
            complete(ClickHouseError{ClickHouseError::Kind::Cancelled, QStringLiteral("cancelled"), 0, 0});
            return;
        }
        m_readTable = sql->twin;
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
    const ServerCapabilities& caps = *m_client->capabilities();
    // A readonly=1 user cannot switch off JSON's bare 64-bit integers (25.8+) or errors written into the
    // JSON output (23.9-25.10): TabSeparated is exact without any setting.
    const WireFormat format =
        m_request.wireFormat.value_or(caps.hasJsonCompactEachRow() && caps.settingsAllowed()
                                         ? WireFormat::JSONCompactEachRowWithNamesAndTypes
                                         : WireFormat::TabSeparatedWithNamesAndTypes);
    QueryOptions o;
    o.streaming = true;
    o.timeoutMs = (m_request.maxExecutionSeconds + 15) * 1000;
    const auto one = QStringLiteral("1");
    o.settings = {
        {QStringLiteral("readonly"), QStringLiteral("2")},
        {QStringLiteral("max_execution_time"), QString::number(m_request.maxExecutionSeconds)},
        {QStringLiteral("cancel_http_readonly_queries_on_client_close"), one},
        {QStringLiteral("output_format_json_quote_64bit_integers"), one},
        {QStringLiteral("output_format_json_quote_decimals"), one},
        {QStringLiteral("output_format_json_quote_denormals"), one},
        {QStringLiteral("http_write_exception_in_output_format"), QStringLiteral("0")},
        {QStringLiteral("enable_http_compression"), QStringLiteral("0")},
    };
    if (m_plan && m_plan->consumes)
        o.settings.append({QStringLiteral("stream_like_engine_allow_direct_select"), one});
    if (ResultRowModel* model = m_model.data())
        model->begin(format, m_request.limit);
    PreviewRequest read = m_request;
    read.table = m_readTable;
    m_query = m_client->query(previewSql(read, format), o);
    connect(m_query, &ClickHouseQuery::dataReceived, this, [this](const QByteArray& chunk) {
        m_receivedBytes += chunk.size();
        if (ResultRowModel* model = m_model.data())
            model->appendBytes(chunk);
    });
    ClickHouseQuery* q = m_query;
    connect(q, &ClickHouseQuery::finished, this, [this, q] {
        std::optional<ClickHouseError> error = q->error();
        if (error && error->kind == ClickHouseError::Kind::Cancelled && m_stoppedAtCap)
            error.reset(); // we stopped reading because the row cap was full
        ResultRowModel* model = m_model.data();
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
    m_cancelRequested = true; // a twin DDL in flight ends, then the twin is dropped
    if (ClickHouseQuery* q = m_query.data(); q && !q->isFinished())
        q->cancel();
}

void PreviewSession::complete(const std::optional<ClickHouseError>& error) {
    if (m_done || m_finishing)
        return;
    if (ResultRowModel* model = m_model.data(); error && model)
        model->fail(error->toString());
    if (!m_twinExists || !m_client) {
        emitFinished(error);
        return;
    }
    // Drop the twin first, so that finished() means nothing of ours is left on the server.
    m_finishing = true;
    runDdl(m_twinDrop, [this, error](const std::optional<ClickHouseError>& dropError) {
        m_twinExists = false;
        if (m_twin) {
            m_twin->dropped = !dropError;
            if (dropError)
                m_twin->dropError = dropError->toString();
        }
        emitFinished(error);
    });
}

void PreviewSession::emitFinished(const std::optional<ClickHouseError>& error) {
    m_done = true;
    m_finishing = false;
    emit finished(error);
}

} // namespace ckstudio
