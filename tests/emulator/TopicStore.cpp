#include "TopicStore.h"

#include <algorithm>

namespace ckstudio::emulator {

std::vector<QString> InMemoryTopicStore::topics(const QString& service) const {
    std::vector<QString> out;
    for (const auto& [key, partitions] : m_topics)
        if (key.first == service)
            out.push_back(key.second);
    return out;
}

bool InMemoryTopicStore::hasTopic(const QString& service, const QString& topic) const {
    return m_topics.count({service, topic}) > 0;
}

void InMemoryTopicStore::createTopic(const QString& service, const QString& topic, int partitions) {
    auto& list = m_topics[{service, topic}];
    while (static_cast<int>(list.size()) < std::max(1, partitions)) {
        Partition p;
        p.state.partition = static_cast<int>(list.size());
        list.push_back(std::move(p));
    }
}

std::vector<PartitionState> InMemoryTopicStore::partitions(const QString& service,
                                                           const QString& topic) const {
    std::vector<PartitionState> out;
    auto it = m_topics.find({service, topic});
    if (it != m_topics.end())
        for (const auto& p : it->second)
            out.push_back(p.state);
    return out;
}

std::vector<StoredMessage> InMemoryTopicStore::read(const QString& service, const QString& topic,
                                                    int partition, qint64 offset, int maxMessages,
                                                    qint64 maxBytes) const {
    std::vector<StoredMessage> out;
    auto it = m_topics.find({service, topic});
    if (it == m_topics.end() || partition < 0 || partition >= static_cast<int>(it->second.size()))
        return out;
    const Partition& p = it->second[static_cast<std::size_t>(partition)];
    qint64 bytes = 0;
    for (const auto& m : p.messages) {
        if (m.offset < offset)
            continue;
        const qint64 size = (m.key ? m.key->size() : 0) + (m.value ? m.value->size() : 0);
        if (static_cast<int>(out.size()) >= maxMessages || (!out.empty() && bytes + size > maxBytes))
            break;
        bytes += size;
        out.push_back(m);
    }
    return out;
}

std::optional<qint64> InMemoryTopicStore::append(const QString& service, const QString& topic, int partition,
                                                 std::optional<QByteArray> key,
                                                 std::optional<QByteArray> value, qint64 timestampMs) {
    auto it = m_topics.find({service, topic});
    if (it == m_topics.end() || partition < 0 || partition >= static_cast<int>(it->second.size()))
        return std::nullopt;
    Partition& p = it->second[static_cast<std::size_t>(partition)];
    const qint64 offset = p.state.latestOffset++;
    p.messages.push_back({offset, timestampMs, std::move(key), std::move(value)});
    return offset;
}

void InMemoryTopicStore::setConsumerGroupOffset(const QString& service, const QString& topic, int partition,
                                                const QString& group, qint64 offset) {
    auto it = m_topics.find({service, topic});
    if (it == m_topics.end() || partition < 0 || partition >= static_cast<int>(it->second.size()))
        return;
    it->second[static_cast<std::size_t>(partition)].state.consumerGroupOffsets[group] = offset;
}

} // namespace ckstudio::emulator
