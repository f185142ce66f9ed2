#pragma once
// Reads a bounded slice of a Kafka topic with librdkafka and stops: the newest N messages across
// partitions, or the first N from an offset or a point in time. Partitions are assigned explicitly with
// the simple-consumer API: no group.id, so no consumer group is joined, created or committed to, and the
// groups of real consumers (e.g. ClickHouse's Kafka tables) are left exactly where they were.
#include "kafka/KafkaConnection.h"

#include <QFutureWatcher>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

namespace ckstudio {

struct KafkaMessage {
    int partition = 0;
    qint64 offset = 0;
    qint64 timestampMs = -1;         // -1: the message has none
    std::optional<QByteArray> key;   // nullopt: no key
    std::optional<QByteArray> value; // nullopt: null value (tombstone)
    qint64 size() const { return (key ? key->size() : 0) + (value ? value->size() : 0); }
};

enum class KafkaStart {
    Newest, // the newest `limit` messages of the topic
    Offset, // from startOffset in each partition
    Time,   // from the first message at or after startTimeMs in each partition
};

struct KafkaReadRequest {
    QString topic;
    int limit = 10;
    KafkaStart start = KafkaStart::Newest;
    qint64 startOffset = 0;       // KafkaStart::Offset; clamped to what each partition still holds
    qint64 startTimeMs = 0;       // KafkaStart::Time, milliseconds since the epoch
    std::optional<int> partition; // only this partition; all when unset
    int timeoutMs = 15000;        // for the whole read
};

enum class KafkaError {
    None,
    Request, // the request or the connection settings are unusable (caller's mistake)
    Remote,  // the cluster is unreachable, refused us, or does not have the topic / partition
};

struct KafkaReadResult {
    QList<KafkaMessage> messages; // in timestamp order (then partition, offset), oldest first
    KafkaError error = KafkaError::None;
    QString errorText; // names the broker / topic / partition; never contains a secret
    bool cancelled = false;
    bool ok() const { return error == KafkaError::None && !cancelled; }
};

// The whole read, blocking the calling thread until done, failed, timed out or `cancelled` turns true
// (noticed within 0.1 s while messages are read, within 2 s while waiting for a broker's answer).
// Use KafkaReader from a thread with an event loop.
KafkaReadResult readKafkaTopic(const KafkaConnection& connection, const KafkaReadRequest& request,
                               const std::atomic_bool& cancelled);

// Runs readKafkaTopic() on a pool thread and delivers the result on the owner's thread.
class KafkaReader : public QObject {
    Q_OBJECT
public:
    explicit KafkaReader(QObject* parent = nullptr);
    // Cancels a running read without waiting for it; its worker ends on its own shortly after.
    ~KafkaReader() override;

    // Starts a read; false when one is already running.
    bool start(const KafkaConnection& connection, const KafkaReadRequest& request);
    // Asks the running read to stop; finished() then arrives with cancelled = true.
    void cancel();
    bool isRunning() const;

signals:
    void finished(const ckstudio::KafkaReadResult& result);

private:
    void onWorkerFinished();

    std::shared_ptr<std::atomic_bool> m_cancel; // shared with the worker, which may outlive this object
    QFutureWatcher<KafkaReadResult> m_watcher;
};

} // namespace ckstudio

Q_DECLARE_METATYPE(ckstudio::KafkaReadResult)
