#pragma once
// The emulator's Kafka topics behind a small interface: in memory here (unit tests that need no broker); the
// librdkafka mock cluster store (tests/kafka/MockKafkaTopicStore.h) implements the same interface so that
// ClickHouse's Kafka-engine tables, kcat and `peek --bootstrap` consume the very same messages.
#include <QByteArray>
#include <QString>
#include <map>
#include <optional>
#include <vector>

namespace ckstudio::emulator {

struct StoredMessage {
    qint64 offset = 0;
    qint64 timestampMs = 0;
    std::optional<QByteArray> key;
    std::optional<QByteArray> value; // nullopt: a tombstone
};

struct PartitionState {
    int partition = 0;
    qint64 earliestOffset = 0;
    qint64 latestOffset = 0; // next offset to be written
    std::map<QString, qint64> consumerGroupOffsets;
};

struct AppendRecord {
    int partition = 0;
    std::optional<QByteArray> key;
    std::optional<QByteArray> value;
    qint64 timestampMs = 0;
};

class TopicStore {
public:
    virtual ~TopicStore() = default;
    // Where Kafka clients reach the service's brokers ("host:port,..."); empty when the topics live only in
    // this process. Starts the service's cluster on first use.
    virtual QString bootstrapServers(const QString& service) {
        Q_UNUSED(service);
        return {};
    }
    // partitions() also reports this group's committed offsets from now on.
    virtual void watchGroup(const QString& service, const QString& group) {
        Q_UNUSED(service);
        Q_UNUSED(group);
    }
    virtual std::vector<QString> topics(const QString& service) const = 0;
    virtual bool hasTopic(const QString& service, const QString& topic) const = 0;
    virtual void createTopic(const QString& service, const QString& topic, int partitions) = 0;
    virtual std::vector<PartitionState> partitions(const QString& service, const QString& topic) const = 0;
    // Messages of one partition from `offset` on, at most `maxMessages` (and about `maxBytes`).
    virtual std::vector<StoredMessage> read(const QString& service, const QString& topic, int partition,
                                            qint64 offset, int maxMessages, qint64 maxBytes) const = 0;
    // Appends; returns the offset written, or nullopt when the partition does not exist.
    virtual std::optional<qint64> append(const QString& service, const QString& topic, int partition,
                                         std::optional<QByteArray> key, std::optional<QByteArray> value,
                                         qint64 timestampMs) = 0;
    // Appends several records to one topic; false when any of them could not be written.
    virtual bool appendMany(const QString& service, const QString& topic,
                            const std::vector<AppendRecord>& records) {
        bool ok = true;
        for (const auto& r : records)
            ok = append(service, topic, r.partition, r.key, r.value, r.timestampMs).has_value() && ok;
        return ok;
    }
    virtual void setConsumerGroupOffset(const QString& service, const QString& topic, int partition,
                                        const QString& group, qint64 offset) = 0;
};

class InMemoryTopicStore : public TopicStore {
public:
    std::vector<QString> topics(const QString& service) const override;
    bool hasTopic(const QString& service, const QString& topic) const override;
    void createTopic(const QString& service, const QString& topic, int partitions) override;
    std::vector<PartitionState> partitions(const QString& service, const QString& topic) const override;
    std::vector<StoredMessage> read(const QString& service, const QString& topic, int partition,
                                    qint64 offset, int maxMessages, qint64 maxBytes) const override;
    std::optional<qint64> append(const QString& service, const QString& topic, int partition,
                                 std::optional<QByteArray> key, std::optional<QByteArray> value,
                                 qint64 timestampMs) override;
    void setConsumerGroupOffset(const QString& service, const QString& topic, int partition,
                                const QString& group, qint64 offset) override;

private:
    struct Partition {
        PartitionState state;
        std::vector<StoredMessage> messages;
    };
    using Key = std::pair<QString, QString>; // service, topic
    std::map<Key, std::vector<Partition>> m_topics;
};

} // namespace ckstudio::emulator
