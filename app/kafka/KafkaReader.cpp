#include "kafka/KafkaReader.h"

#include "kafka/RdKafkaFunctions.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

namespace ckstudio {
namespace {

// Blocking librdkafka calls run in slices so that cancel and the deadline are noticed. Polling the message
// queue uses short slices; a request/response call (metadata, offsets) needs a whole round trip, which
// a remote cluster may not make in 100 ms, so its slices grow with every attempt.
constexpr int kSliceMs = 100;
constexpr int kMaxRequestSliceMs = 2000;

// librdkafka, loaded on first use (RdKafkaLibrary.h). Every call below goes through this table; run() checks
// that the library loaded before the first one, so no handle, message or callback exists without it.
const RdKafkaFunctions& rdkafka() {
    return *RdKafkaLibrary::functions();
}

// What librdkafka reports through its callbacks while a read runs (on librdkafka's and our thread).
struct ClientEvents {
    QMutex mutex;
    QString lastError; // librdkafka's own text: broker address and reason, no configuration values
    std::atomic_bool fatal{false};

    void record(rd_kafka_resp_err_t err, const char* reason) {
        // Transport errors of a single broker are retried by librdkafka; these mean it will not get better.
        if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || err == RD_KAFKA_RESP_ERR__AUTHENTICATION ||
            err == RD_KAFKA_RESP_ERR__SSL || err == RD_KAFKA_RESP_ERR__RESOLVE ||
            err == RD_KAFKA_RESP_ERR__FATAL || err == RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED)
            fatal = true;
        QMutexLocker lock(&mutex);
        // "all brokers down" says less than the transport error that caused it: keep the latter.
        if (err != RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || lastError.isEmpty())
            lastError = QString::fromUtf8(reason);
    }
    QString last() {
        QMutexLocker lock(&mutex);
        return lastError;
    }
};

void onError(rd_kafka_t*, int err, const char* reason, void* opaque) {
    static_cast<ClientEvents*>(opaque)->record(static_cast<rd_kafka_resp_err_t>(err), reason);
}

// Connection failures are also logged (at error level) before error_cb fires; nothing goes to stderr.
void onLog(const rd_kafka_t* rk, int level, const char*, const char* message) {
    if (level <= 3) // LOG_ERR and worse
        static_cast<ClientEvents*>(rdkafka().rd_kafka_opaque(rk))
            ->record(RD_KAFKA_RESP_ERR_NO_ERROR, message);
}

struct HandleDeleter {
    void operator()(rd_kafka_t* rk) const { rdkafka().rd_kafka_destroy(rk); }
};
struct TopicDeleter {
    void operator()(rd_kafka_topic_t* t) const { rdkafka().rd_kafka_topic_destroy(t); }
};
struct QueueDeleter {
    void operator()(rd_kafka_queue_t* q) const { rdkafka().rd_kafka_queue_destroy(q); }
};
struct MetadataDeleter {
    void operator()(const rd_kafka_metadata_t* m) const { rdkafka().rd_kafka_metadata_destroy(m); }
};
struct PartitionListDeleter {
    void operator()(rd_kafka_topic_partition_list_t* l) const {
        rdkafka().rd_kafka_topic_partition_list_destroy(l);
    }
};

QString errText(rd_kafka_resp_err_t err) {
    return QString::fromUtf8(rdkafka().rd_kafka_err2str(err));
}

// The part of a read that runs between creating the client and handing back messages.
class TopicRead {
public:
    TopicRead(const KafkaConnection& connection, const KafkaReadRequest& request,
              const std::atomic_bool& cancelled)
        : m_connection(connection)
        , m_request(request)
        , m_cancelled(cancelled)
        , m_deadline(request.timeoutMs) {}

    KafkaReadResult run();

private:
    struct Range {
        qint64 from = 0;
        qint64 to = 0;            // exclusive
        qint64 minTimestamp = -1; // keep only messages at or after this time (-1: all)
        int maxMessages = 0;      // stop the partition after this many kept
    };

    bool fail(KafkaError kind, const QString& text) {
        m_result.error = kind;
        m_result.errorText = text;
        return false;
    }
    bool stopRequested() {
        if (m_cancelled) {
            m_result.cancelled = true;
            return true;
        }
        return false;
    }
    int sliceMs() const { return int(std::clamp<qint64>(m_deadline.remainingTime(), 1, kSliceMs)); }
    int requestSliceMs(int attempt) const {
        const qint64 grown = std::min<qint64>(qint64(kSliceMs) << std::min(attempt, 8), kMaxRequestSliceMs);
        return int(std::clamp<qint64>(m_deadline.remainingTime(), 1, grown));
    }
    QString brokerProblem(const QString& what);

    bool createClient();
    bool loadPartitions();
    bool loadWatermarks();
    bool chooseRanges(std::map<int, Range>& ranges);
    bool resolveTimes(std::map<int, Range>& ranges);
    bool fetch(const std::map<int, Range>& ranges, QList<KafkaMessage>& out);

    const KafkaConnection& m_connection;
    const KafkaReadRequest& m_request;
    const std::atomic_bool& m_cancelled;
    QDeadlineTimer m_deadline;
    ClientEvents m_events;
    std::unique_ptr<rd_kafka_t, HandleDeleter> m_client;
    QList<int> m_partitions;
    std::map<int, std::pair<qint64, qint64>> m_watermarks; // partition -> (low, high)
    KafkaReadResult m_result;
};

QString TopicRead::brokerProblem(const QString& what) {
    const QString detail = m_events.last();
    QString text = QStringLiteral("%1 at %2").arg(what, m_connection.bootstrapServers);
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    return text;
}

bool TopicRead::createClient() {
    rd_kafka_conf_t* conf = rdkafka().rd_kafka_conf_new();
    char errstr[512];
    // Every setting is ours or a user value; errors name the property only (values may be secrets).
    auto set = [&](const char* name, const QByteArray& value) {
        if (rdkafka().rd_kafka_conf_set(conf, name, value.constData(), errstr, sizeof errstr) ==
            RD_KAFKA_CONF_OK)
            return true;
        return fail(KafkaError::Request, QStringLiteral("invalid Kafka setting %1").arg(QLatin1String(name)));
    };
    bool ok = set("bootstrap.servers", m_connection.bootstrapServers.toUtf8()) &&
              set("client.id", "ckstudio-peek") &&
              // No group.id: the simple consumer neither joins nor commits. Belt and braces for the rest:
              set("enable.auto.commit", "false") && set("enable.auto.offset.store", "false") &&
              set("auto.offset.reset", "error") && set("allow.auto.create.topics", "false") &&
              set("queued.max.messages.kbytes", "4096") && set("enable.partition.eof", "true");
    if (ok && !m_connection.securityProtocol.isEmpty())
        ok = set("security.protocol", m_connection.securityProtocol.toLower().toUtf8());
    if (ok && !m_connection.saslMechanism.isEmpty())
        ok = set("sasl.mechanisms", m_connection.saslMechanism.toUtf8());
    if (ok && !m_connection.saslUsername.isEmpty())
        ok = set("sasl.username", m_connection.saslUsername.toUtf8());
    if (ok && !m_connection.saslPassword.isEmpty())
        ok = set("sasl.password", m_connection.saslPassword.toUtf8());
    if (ok && !m_connection.caPem.isEmpty())
        ok = set("ssl.ca.pem", m_connection.caPem);
    if (ok && !m_connection.certificatePem.isEmpty())
        ok = set("ssl.certificate.pem", m_connection.certificatePem);
    if (ok && !m_connection.keyPem.isEmpty())
        ok = set("ssl.key.pem", m_connection.keyPem);
    if (!ok) {
        rdkafka().rd_kafka_conf_destroy(conf);
        return false;
    }
    rdkafka().rd_kafka_conf_set_opaque(conf, &m_events);
    rdkafka().rd_kafka_conf_set_error_cb(conf, onError);
    rdkafka().rd_kafka_conf_set_log_cb(conf, onLog);
    m_client.reset(rdkafka().rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr));
    if (!m_client) {
        rdkafka().rd_kafka_conf_destroy(conf);
        // e.g. a key that does not match the certificate, an unparsable PEM
        return fail(KafkaError::Request,
                    QStringLiteral("cannot set up the Kafka client: ") + QString::fromUtf8(errstr));
    }
    return true;
}

bool TopicRead::loadPartitions() {
    const QByteArray topic = m_request.topic.toUtf8();
    std::unique_ptr<rd_kafka_topic_t, TopicDeleter> handle(
        rdkafka().rd_kafka_topic_new(m_client.get(), topic.constData(), nullptr));
    if (!handle)
        return fail(KafkaError::Request, QStringLiteral("invalid topic name '%1'").arg(m_request.topic));
    std::unique_ptr<const rd_kafka_metadata_t, MetadataDeleter> metadata;
    // Short attempts, so that cancel, the deadline and "cannot connect" are noticed quickly.
    for (int attempt = 0;; ++attempt) {
        const rd_kafka_metadata_t* raw = nullptr;
        const auto err =
            rdkafka().rd_kafka_metadata(m_client.get(), 0, handle.get(), &raw, requestSliceMs(attempt));
        rdkafka().rd_kafka_poll(m_client.get(), 0); // serves error_cb
        if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
            metadata.reset(raw);
            break;
        }
        if (stopRequested())
            return false;
        if (m_events.fatal)
            return fail(KafkaError::Remote, brokerProblem(QStringLiteral("cannot connect to Kafka")));
        if (m_deadline.hasExpired())
            return fail(
                KafkaError::Remote,
                brokerProblem(
                    QStringLiteral("no answer from Kafka within %1 s").arg(m_request.timeoutMs / 1000.0)));
        if (err != RD_KAFKA_RESP_ERR__TIMED_OUT && err != RD_KAFKA_RESP_ERR__TRANSPORT)
            return fail(KafkaError::Remote,
                        brokerProblem(QStringLiteral("metadata request failed (%1)").arg(errText(err))));
    }
    if (metadata->topic_cnt != 1)
        return fail(KafkaError::Remote,
                    QStringLiteral("Kafka did not describe topic '%1'").arg(m_request.topic));
    const rd_kafka_metadata_topic_t& t = metadata->topics[0];
    if (t.err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
        return fail(KafkaError::Remote, QStringLiteral("topic '%1' does not exist at %2")
                                            .arg(m_request.topic, m_connection.bootstrapServers));
    if (t.err != RD_KAFKA_RESP_ERR_NO_ERROR)
        return fail(KafkaError::Remote,
                    QStringLiteral("topic '%1': %2").arg(m_request.topic, errText(t.err)));
    for (int i = 0; i < t.partition_cnt; ++i)
        m_partitions.append(t.partitions[i].id);
    std::sort(m_partitions.begin(), m_partitions.end());
    if (m_request.partition) {
        if (!m_partitions.contains(*m_request.partition))
            return fail(KafkaError::Request, QStringLiteral("topic '%1' has no partition %2 (it has %3)")
                                                 .arg(m_request.topic)
                                                 .arg(*m_request.partition)
                                                 .arg(m_partitions.size()));
        m_partitions = {*m_request.partition};
    }
    return true;
}

bool TopicRead::loadWatermarks() {
    const QByteArray topic = m_request.topic.toUtf8();
    for (int p : m_partitions) {
        for (int attempt = 0;; ++attempt) {
            int64_t low = 0;
            int64_t high = 0;
            const auto err = rdkafka().rd_kafka_query_watermark_offsets(m_client.get(), topic.constData(), p,
                                                                        &low, &high, requestSliceMs(attempt));
            if (err == RD_KAFKA_RESP_ERR_NO_ERROR) {
                m_watermarks[p] = {low, high};
                break;
            }
            if (stopRequested())
                return false;
            if (err != RD_KAFKA_RESP_ERR__TIMED_OUT || m_deadline.hasExpired())
                return fail(KafkaError::Remote,
                            brokerProblem(QStringLiteral("cannot read the offsets of '%1' [%2] (%3)")
                                              .arg(m_request.topic)
                                              .arg(p)
                                              .arg(errText(err))));
        }
    }
    return true;
}

bool TopicRead::chooseRanges(std::map<int, Range>& ranges) {
    const qint64 limit = m_request.limit;
    for (int p : m_partitions) {
        const auto [low, high] = m_watermarks[p];
        Range r{low, high, -1, m_request.limit};
        switch (m_request.start) {
        case KafkaStart::Newest:
            r.from = std::max(low, high - limit);
            break;
        case KafkaStart::Offset:
            r.from = std::clamp(m_request.startOffset, low, high);
            r.to = std::min(high, r.from + limit);
            break;
        case KafkaStart::Time:
            r.minTimestamp = m_request.startTimeMs; // `from` comes from resolveTimes()
            break;
        }
        if (r.from < r.to)
            ranges[p] = r;
    }
    return m_request.start != KafkaStart::Time || resolveTimes(ranges);
}

// offsetsForTimes per partition. A broker answers "end" (-1) when no message is that new; librdkafka's mock
// cluster answers -1 to every time lookup. Those partitions get their newest message checked: if it is at or
// after the time, the answer was not a real lookup and the partition is scanned from its start, keeping the
// messages at or after the time.
bool TopicRead::resolveTimes(std::map<int, Range>& ranges) {
    if (ranges.empty())
        return true;
    std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter> list(
        rdkafka().rd_kafka_topic_partition_list_new(int(ranges.size())));
    const QByteArray topic = m_request.topic.toUtf8();
    for (const auto& [p, r] : ranges)
        rdkafka().rd_kafka_topic_partition_list_add(list.get(), topic.constData(), p)->offset =
            m_request.startTimeMs;
    const auto err = rdkafka().rd_kafka_offsets_for_times(
        m_client.get(), list.get(), int(std::max<qint64>(m_deadline.remainingTime(), 1)));
    if (stopRequested())
        return false;
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        return fail(KafkaError::Remote,
                    brokerProblem(QStringLiteral("cannot look up offsets by time in '%1' (%2)")
                                      .arg(m_request.topic, errText(err))));
    std::map<int, Range> unresolved;
    for (int i = 0; i < list->cnt; ++i) {
        const auto& e = list->elems[i];
        if (e.err != RD_KAFKA_RESP_ERR_NO_ERROR)
            return fail(KafkaError::Remote, QStringLiteral("cannot look up offsets by time in '%1' [%2] (%3)")
                                                .arg(m_request.topic)
                                                .arg(e.partition)
                                                .arg(errText(e.err)));
        Range& r = ranges[e.partition];
        if (e.offset >= 0)
            r.from = std::clamp<qint64>(e.offset, r.from, r.to);
        else
            unresolved[e.partition] = Range{r.to - 1, r.to, -1, 1};
    }
    if (unresolved.empty())
        return true;
    QList<KafkaMessage> newest;
    if (!fetch(unresolved, newest))
        return false;
    for (const auto& [p, r] : unresolved) {
        const bool scan = std::any_of(newest.cbegin(), newest.cend(), [&, p = p](const KafkaMessage& m) {
            return m.partition == p && m.timestampMs >= m_request.startTimeMs;
        });
        if (!scan)
            ranges.erase(p); // nothing that new in this partition
    }
    return true;
}

// What fetch() keeps of the messages librdkafka hands to its callback, one queue-full at a time.
struct FetchProgress {
    struct Partition {
        qint64 to = 0;
        qint64 minTimestamp = -1;
        int maxMessages = 0;
        int kept = 0;
        bool done = false;
    };
    rd_kafka_t* client = nullptr;
    std::map<int, Partition> partitions;
    std::size_t remaining = 0; // partitions not done
    QList<KafkaMessage>* out = nullptr;
    rd_kafka_resp_err_t error = RD_KAFKA_RESP_ERR_NO_ERROR;
    int errorPartition = -1;
    QString errorReason;

    void finish(Partition& partition) {
        partition.done = true;
        if (--remaining == 0)
            rdkafka().rd_kafka_yield(client); // the rest of the queue is not needed
    }

    void take(const rd_kafka_message_t* message) {
        if (error != RD_KAFKA_RESP_ERR_NO_ERROR)
            return;
        const auto found = partitions.find(message->partition);
        if (found == partitions.end() || found->second.done)
            return;
        Partition& r = found->second;
        if (message->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            // Nothing more to read: the range may end in offsets that are never delivered (transaction
            // markers, compacted away).
            finish(r);
            return;
        }
        if (message->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            error = message->err;
            errorPartition = message->partition;
            errorReason = message->len > 0 ? QString::fromUtf8(static_cast<const char*>(message->payload),
                                                               qsizetype(message->len))
                                           : errText(message->err);
            rdkafka().rd_kafka_yield(client);
            return;
        }
        if (message->offset < r.to) {
            rd_kafka_timestamp_type_t type;
            const qint64 ts = rdkafka().rd_kafka_message_timestamp(message, &type);
            if (r.minTimestamp < 0 || ts >= r.minTimestamp) {
                KafkaMessage& m = out->emplace_back();
                m.partition = message->partition;
                m.offset = message->offset;
                m.timestampMs = type == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? -1 : ts;
                if (message->key != nullptr)
                    m.key = QByteArray(static_cast<const char*>(message->key), qsizetype(message->key_len));
                if (message->payload != nullptr) // null payload: a tombstone
                    m.value = QByteArray(static_cast<const char*>(message->payload), qsizetype(message->len));
                ++r.kept;
            }
        }
        if (message->offset + 1 >= r.to || r.kept >= r.maxMessages)
            finish(r);
    }

    static void onMessage(rd_kafka_message_t* message, void* opaque) {
        static_cast<FetchProgress*>(opaque)->take(message);
    }
};

bool TopicRead::fetch(const std::map<int, Range>& ranges, QList<KafkaMessage>& out) {
    if (ranges.empty())
        return true;
    std::unique_ptr<rd_kafka_topic_t, TopicDeleter> topic(
        rdkafka().rd_kafka_topic_new(m_client.get(), m_request.topic.toUtf8().constData(), nullptr));
    std::unique_ptr<rd_kafka_queue_t, QueueDeleter> queue(rdkafka().rd_kafka_queue_new(m_client.get()));
    FetchProgress progress;
    progress.client = m_client.get();
    progress.out = &out;
    QList<int> started;
    auto stopAll = [&] {
        for (int p : started)
            rdkafka().rd_kafka_consume_stop(topic.get(), p);
    };
    qint64 expected = 0;
    for (const auto& [p, r] : ranges) {
        if (rdkafka().rd_kafka_consume_start_queue(topic.get(), p, r.from, queue.get()) == -1) {
            stopAll();
            return fail(KafkaError::Remote, QStringLiteral("cannot start reading '%1' [%2] (%3)")
                                                .arg(m_request.topic)
                                                .arg(p)
                                                .arg(errText(rdkafka().rd_kafka_last_error())));
        }
        started.append(p);
        progress.partitions[p] = {r.to, r.minTimestamp, r.maxMessages, 0, false};
        expected += std::min<qint64>(r.to - r.from, r.maxMessages);
    }
    progress.remaining = ranges.size();
    out.reserve(out.size() + qsizetype(expected));
    bool ok = true;
    while (progress.remaining > 0) {
        if (stopRequested()) {
            ok = false;
            break;
        }
        if (m_deadline.hasExpired()) {
            ok = fail(KafkaError::Remote,
                      brokerProblem(
                          QStringLiteral("timed out after %1 s reading '%2' (%3 of %4 partitions complete)")
                              .arg(m_request.timeoutMs / 1000.0)
                              .arg(m_request.topic)
                              .arg(ranges.size() - progress.remaining)
                              .arg(ranges.size())));
            break;
        }
        // Waits up to a slice for the first message, then hands over every message already queued.
        rdkafka().rd_kafka_consume_callback_queue(queue.get(), sliceMs(), &FetchProgress::onMessage,
                                                  &progress);
        rdkafka().rd_kafka_poll(m_client.get(), 0); // serves error_cb
        if (progress.error != RD_KAFKA_RESP_ERR_NO_ERROR) {
            ok = fail(KafkaError::Remote, QStringLiteral("reading '%1' [%2] failed: %3")
                                              .arg(m_request.topic)
                                              .arg(progress.errorPartition)
                                              .arg(progress.errorReason));
            break;
        }
    }
    stopAll();
    return ok;
}

// Timestamp order, then partition and offset. The keys are sorted, not the messages: moving a message (two
// optional QByteArrays) at every step of the sort cost more than the rest of reading them.
void sortByTime(QList<KafkaMessage>& messages) {
    struct Key {
        qint64 timestampMs;
        int partition;
        qint64 offset;
        qsizetype index;
    };
    std::vector<Key> keys;
    keys.reserve(std::size_t(messages.size()));
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const KafkaMessage& m = std::as_const(messages)[i];
        keys.push_back({m.timestampMs, m.partition, m.offset, i});
    }
    const auto before = [](const Key& a, const Key& b) {
        return std::tie(a.timestampMs, a.partition, a.offset) <
               std::tie(b.timestampMs, b.partition, b.offset);
    };
    if (std::is_sorted(keys.begin(), keys.end(), before))
        return;
    std::sort(keys.begin(), keys.end(), before);
    QList<KafkaMessage> sorted;
    sorted.reserve(messages.size());
    for (const Key& key : keys)
        sorted.append(std::move(messages[key.index]));
    messages = std::move(sorted);
}

KafkaReadResult TopicRead::run() {
    if (m_request.topic.isEmpty()) {
        fail(KafkaError::Request, QStringLiteral("no topic given"));
        return m_result;
    }
    if (m_request.limit < 1) {
        fail(KafkaError::Request,
             QStringLiteral("the limit must be at least 1, got %1").arg(m_request.limit));
        return m_result;
    }
    if (m_connection.bootstrapServers.trimmed().isEmpty()) {
        fail(KafkaError::Request, QStringLiteral("no bootstrap servers given"));
        return m_result;
    }
    if (RdKafkaLibrary::functions() == nullptr) { // a problem on this machine, not the cluster's: Request
        fail(KafkaError::Request, RdKafkaLibrary::loadError());
        return m_result;
    }
    std::map<int, Range> ranges;
    QList<KafkaMessage> messages;
    if (!createClient() || !loadPartitions() || !loadWatermarks() || !chooseRanges(ranges) ||
        !fetch(ranges, messages)) {
        if (m_result.cancelled)
            m_result.error = KafkaError::None;
        return m_result;
    }
    sortByTime(messages);
    const qsizetype excess = messages.size() - m_request.limit;
    if (excess > 0) {
        // Newest: drop the oldest; from an offset or a time: drop the newest.
        if (m_request.start == KafkaStart::Newest)
            messages.remove(0, excess);
        else
            messages.resize(m_request.limit);
    }
    m_result.messages = std::move(messages);
    return m_result;
}

} // namespace

KafkaReadResult readKafkaTopic(const KafkaConnection& connection, const KafkaReadRequest& request,
                               const std::atomic_bool& cancelled) {
    TopicRead read(connection, request, cancelled);
    return read.run();
}

KafkaReader::KafkaReader(QObject* parent)
    : QObject(parent) {
    connect(&m_watcher, &QFutureWatcher<KafkaReadResult>::finished, this, &KafkaReader::onWorkerFinished);
}

KafkaReader::~KafkaReader() {
    cancel();
}

bool KafkaReader::start(const KafkaConnection& connection, const KafkaReadRequest& request) {
    if (isRunning())
        return false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    // The worker owns copies of everything it uses, so it can finish after this object is gone.
    m_watcher.setFuture(QtConcurrent::run(
        [connection, request, cancel = m_cancel] { return readKafkaTopic(connection, request, *cancel); }));
    return true;
}

void KafkaReader::cancel() {
    if (m_cancel)
        *m_cancel = true;
}

bool KafkaReader::isRunning() const {
    return m_watcher.isRunning();
}

void KafkaReader::onWorkerFinished() {
    KafkaReadResult result = m_watcher.result();
    if (m_cancel && *m_cancel) {
        result.cancelled = true;
        result.error = KafkaError::None;
    }
    m_cancel.reset();
    emit finished(result);
}

} // namespace ckstudio
