#pragma once
// librdkafka's in-process mock Kafka cluster (Debian's librdkafka-dev, rdkafka_mock.h) on real loopback
// sockets: kcat, ClickHouse's Kafka engine and our KafkaReader connect to bootstrapServers() like to a
// broker. Topics, messages and committed offsets live in memory until the object is destroyed.
//
// Threads: every method may be called from any thread, the Qt GUI/event-loop thread included (librdkafka
// handles and the mock cluster are thread-safe). Methods that talk to the cluster (produce, offsets,
// committed) block until the cluster answers: milliseconds on loopback, at most kTimeoutMs.
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace ckstudio::test {

struct MockMessage {
    int partition = -1;              // -1: the producer's partitioner picks one (by key)
    std::optional<QByteArray> key;   // nullopt: no key
    std::optional<QByteArray> value; // nullopt: a tombstone (null value)
    qint64 timestampMs = 0;          // 0: now (CreateTime set by the producer)
};

struct PartitionOffsets {
    int partition = 0;
    qint64 earliest = 0; // low watermark
    qint64 latest = 0;   // high watermark: offset the next message gets
};

class MockKafkaCluster {
public:
    static constexpr int kTimeoutMs = 10000;

    explicit MockKafkaCluster(int brokerCount = 1);
    ~MockKafkaCluster();
    MockKafkaCluster(const MockKafkaCluster&) = delete;
    MockKafkaCluster& operator=(const MockKafkaCluster&) = delete;

    bool isValid() const { return m_cluster != nullptr && m_producer != nullptr && m_inspector != nullptr; }
    QString error() const { return m_error; } // why the cluster could not be created

    // "127.0.0.1:PORT[,127.0.0.1:PORT...]"
    QString bootstrapServers() const { return m_bootstrap; }

    // Creates a topic with partitionCount partitions (replication factor 1). Errors (invalid count,
    // topic exists) as message.
    bool createTopic(const QString& topic, int partitionCount, QString* error = nullptr);

    // Produces the messages and waits until every one is acknowledged; `offsets` gets each one's offset.
    bool produce(const QString& topic, const QList<MockMessage>& messages, QString* error = nullptr,
                 QList<qint64>* offsets = nullptr);

    // Names of all topics, sorted.
    QStringList topics(QString* error = nullptr) const;

    // Per partition low/high watermarks, sorted by partition; nullopt (with error) for an unknown topic.
    std::optional<QList<PartitionOffsets>> offsets(const QString& topic, QString* error = nullptr) const;

    // Offsets committed by a consumer group, partition -> next offset to consume; partitions without a
    // commit are absent. Reads only (OffsetFetch); never joins the group or commits.
    std::optional<QMap<int, qint64>> committedOffsets(const QString& group, const QString& topic,
                                                      QString* error = nullptr) const;

    // Sets a consumer group's position before it has members (like `kafka-consumer-groups --reset-offsets`
    // on an idle group): e.g. offset 0 so that a consumer that resets to "latest" (ClickHouse 18.16's Kafka
    // engine does) still reads messages produced before it joined. Fails if the group has members.
    bool seedCommittedOffsets(const QString& group, const QString& topic, const QMap<int, qint64>& offsets,
                              QString* error = nullptr);

    // Makes a broker (numbered from 1) unreachable / reachable again: connections closed, new ones refused.
    bool setBrokerDown(int brokerId, bool down);
    // Delays every response of a broker (brokers are numbered from 1).
    bool setBrokerRtt(int brokerId, int rttMs);

private:
    rd_kafka_s* groupClient(const QString& group, QString* error) const; // caller destroys it
    std::optional<int> partitionCount(const QString& topic, QString* error) const;

    rd_kafka_s* m_host = nullptr; // producer-type handle that owns the mock cluster
    rd_kafka_mock_cluster_s* m_cluster = nullptr;
    rd_kafka_s* m_producer = nullptr;  // a normal client of the cluster
    rd_kafka_s* m_inspector = nullptr; // consumer without group for metadata: the mock auto-creates topics
                                       // a producer asks about, whatever allow.auto.create.topics says
    QString m_bootstrap;
    QString m_error;
};

} // namespace ckstudio::test
