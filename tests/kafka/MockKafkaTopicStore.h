#pragma once
// The Aiven emulator's topics kept in librdkafka mock clusters, one per Kafka service, so that what the REST
// endpoints show is what ClickHouse's Kafka tables, kcat and `peek --bootstrap` consume at
// bootstrapServers(). Blocking calls (loopback round trips of a few ms); fine on the emulator's Qt thread for
// small batches.
#include "MockKafkaCluster.h"
#include "TopicStore.h"

#include <map>
#include <memory>
#include <set>

namespace ckstudio::test {

class MockKafkaTopicStore : public emulator::TopicStore {
public:
    // The service's cluster address, "127.0.0.1:PORT"; the cluster starts on first use.
    QString bootstrapServers(const QString& service) override;
    // partitions() reports the committed offsets of the groups set here and of groups named with
    // watchGroup().
    void watchGroup(const QString& service, const QString& group) override;

    std::vector<QString> topics(const QString& service) const override;
    bool hasTopic(const QString& service, const QString& topic) const override;
    void createTopic(const QString& service, const QString& topic, int partitions) override;
    std::vector<emulator::PartitionState> partitions(const QString& service,
                                                     const QString& topic) const override;
    std::vector<emulator::StoredMessage> read(const QString& service, const QString& topic, int partition,
                                              qint64 offset, int maxMessages, qint64 maxBytes) const override;
    std::optional<qint64> append(const QString& service, const QString& topic, int partition,
                                 std::optional<QByteArray> key, std::optional<QByteArray> value,
                                 qint64 timestampMs) override;
    // One produce call for the whole batch (seeding a few hundred messages takes one round trip, not
    // hundreds).
    bool appendMany(const QString& service, const QString& topic,
                    const std::vector<emulator::AppendRecord>& records) override;
    // Fails (the offset stays) while the group has live members: Kafka accepts offsets only from its members.
    void setConsumerGroupOffset(const QString& service, const QString& topic, int partition,
                                const QString& group, qint64 offset) override;

private:
    const MockKafkaCluster* find(const QString& service) const;
    MockKafkaCluster& cluster(const QString& service);

    std::map<QString, std::unique_ptr<MockKafkaCluster>> m_clusters; // by service name
    std::map<QString, std::set<QString>> m_groups;                   // service -> watched groups
};

} // namespace ckstudio::test
