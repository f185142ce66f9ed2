#include "MockKafkaTopicStore.h"

#include "kafka/KafkaReader.h"

#include <QDebug>

namespace ckstudio::test {

const MockKafkaCluster* MockKafkaTopicStore::find(const QString& service) const {
    const auto it = m_clusters.find(service);
    return it == m_clusters.end() ? nullptr : it->second.get();
}

MockKafkaCluster& MockKafkaTopicStore::cluster(const QString& service) {
    auto& slot = m_clusters[service];
    if (!slot)
        slot = std::make_unique<MockKafkaCluster>();
    return *slot;
}

QString MockKafkaTopicStore::bootstrapServers(const QString& service) {
    return cluster(service).bootstrapServers();
}

void MockKafkaTopicStore::watchGroup(const QString& service, const QString& group) {
    m_groups[service].insert(group);
}

std::vector<QString> MockKafkaTopicStore::topics(const QString& service) const {
    const MockKafkaCluster* c = find(service);
    if (c == nullptr)
        return {};
    const QStringList names = c->topics();
    return {names.cbegin(), names.cend()};
}

bool MockKafkaTopicStore::hasTopic(const QString& service, const QString& topic) const {
    const MockKafkaCluster* c = find(service);
    return c != nullptr && c->topics().contains(topic);
}

void MockKafkaTopicStore::createTopic(const QString& service, const QString& topic, int partitions) {
    if (hasTopic(service, topic))
        return; // as the in-memory store: creating an existing topic changes nothing
    QString error;
    if (!cluster(service).createTopic(topic, std::max(1, partitions), &error))
        qWarning("mock Kafka of %s: %s", qPrintable(service), qPrintable(error));
}

std::vector<emulator::PartitionState> MockKafkaTopicStore::partitions(const QString& service,
                                                                      const QString& topic) const {
    const MockKafkaCluster* c = find(service);
    if (c == nullptr)
        return {};
    const auto offsets = c->offsets(topic);
    if (!offsets)
        return {};
    std::vector<emulator::PartitionState> out;
    for (const PartitionOffsets& p : *offsets)
        out.push_back({p.partition, p.earliest, p.latest, {}});
    const auto groups = m_groups.find(service);
    if (groups == m_groups.end())
        return out;
    for (const QString& group : groups->second) {
        const auto committed = c->committedOffsets(group, topic);
        if (!committed)
            continue;
        for (auto& state : out)
            if (committed->contains(state.partition))
                state.consumerGroupOffsets[group] = committed->value(state.partition);
    }
    return out;
}

std::vector<emulator::StoredMessage> MockKafkaTopicStore::read(const QString& service, const QString& topic,
                                                               int partition, qint64 offset, int maxMessages,
                                                               qint64 maxBytes) const {
    const MockKafkaCluster* c = find(service);
    if (c == nullptr || maxMessages < 1)
        return {};
    KafkaConnection connection;
    connection.bootstrapServers = c->bootstrapServers();
    KafkaReadRequest request;
    request.topic = topic;
    request.start = KafkaStart::Offset;
    request.startOffset = offset;
    request.partition = partition;
    request.limit = maxMessages;
    const std::atomic_bool cancelled{false};
    const KafkaReadResult result = readKafkaTopic(connection, request, cancelled);
    std::vector<emulator::StoredMessage> out;
    qint64 bytes = 0;
    for (const KafkaMessage& m : result.messages) {
        if (m.offset < offset)
            continue; // the reader clamps to the partition's start; the store answers only from `offset`
        if (!out.empty() && bytes + m.size() > maxBytes) // the first message always, as Kafka does
            break;
        bytes += m.size();
        out.push_back({m.offset, m.timestampMs, m.key, m.value});
    }
    return out;
}

std::optional<qint64> MockKafkaTopicStore::append(const QString& service, const QString& topic, int partition,
                                                  std::optional<QByteArray> key,
                                                  std::optional<QByteArray> value, qint64 timestampMs) {
    if (find(service) == nullptr || partition < 0)
        return std::nullopt;
    QList<qint64> offsets;
    QString error;
    if (!cluster(service).produce(topic, {{partition, std::move(key), std::move(value), timestampMs}}, &error,
                                  &offsets))
        return std::nullopt;
    return offsets.value(0, -1) >= 0 ? std::optional<qint64>(offsets.value(0)) : std::nullopt;
}

bool MockKafkaTopicStore::appendMany(const QString& service, const QString& topic,
                                     const std::vector<emulator::AppendRecord>& records) {
    if (find(service) == nullptr)
        return false;
    QList<MockMessage> messages;
    for (const auto& r : records) {
        if (r.partition < 0)
            return false;
        messages.append({r.partition, r.key, r.value, r.timestampMs});
    }
    QString error;
    if (cluster(service).produce(topic, messages, &error))
        return true;
    qWarning("mock Kafka of %s: %s", qPrintable(service), qPrintable(error));
    return false;
}

void MockKafkaTopicStore::setConsumerGroupOffset(const QString& service, const QString& topic, int partition,
                                                 const QString& group, qint64 offset) {
    if (find(service) == nullptr)
        return;
    watchGroup(service, group);
    QString error;
    if (!cluster(service).seedCommittedOffsets(group, topic, {{partition, offset}}, &error))
        qWarning("mock Kafka of %s: %s", qPrintable(service), qPrintable(error));
}

} // namespace ckstudio::test
