#include "MockKafkaCluster.h"

#include <QDebug>
#include <atomic>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <memory>
#include <vector>

namespace ckstudio::test {
namespace {

struct ConfDeleter {
    void operator()(rd_kafka_conf_t* c) const { rd_kafka_conf_destroy(c); }
};
using ConfPtr = std::unique_ptr<rd_kafka_conf_t, ConfDeleter>;

struct ConsumerDeleter {
    void operator()(rd_kafka_t* rk) const {
        rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
    }
};
struct TopicDeleter {
    void operator()(rd_kafka_topic_t* t) const { rd_kafka_topic_destroy(t); }
};
struct MetadataDeleter {
    void operator()(const rd_kafka_metadata_t* m) const { rd_kafka_metadata_destroy(m); }
};
struct PartitionListDeleter {
    void operator()(rd_kafka_topic_partition_list_t* l) const { rd_kafka_topic_partition_list_destroy(l); }
};

// librdkafka logs to stderr by default; test output stays readable with its lines demoted to debug.
void logToQt(const rd_kafka_t*, int level, const char* facility, const char* message) {
    qDebug("rdkafka(%d) %s: %s", level, facility, message);
}

bool setConf(rd_kafka_conf_t* conf, const char* name, const QByteArray& value, QString* error) {
    char errstr[512];
    if (rd_kafka_conf_set(conf, name, value.constData(), errstr, sizeof errstr) == RD_KAFKA_CONF_OK)
        return true;
    *error = QString::fromUtf8(errstr);
    return false;
}

// Delivery results of one produce() call, shared with the delivery report callback through the message
// opaque. The callback may run on whichever thread is flushing; counters are atomic for that.
struct DeliveryTally {
    std::atomic<int> failed{0};
    std::atomic<rd_kafka_resp_err_t> firstError{RD_KAFKA_RESP_ERR_NO_ERROR};
};

// Where one message's delivery report goes: its offset, and the tally of its produce() call.
struct DeliverySlot {
    DeliveryTally* tally = nullptr;
    qint64 offset = -1;
};

void onDelivery(rd_kafka_t*, const rd_kafka_message_t* message, void*) {
    auto* slot = static_cast<DeliverySlot*>(message->_private);
    if (slot == nullptr)
        return;
    if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        slot->offset = message->offset;
        return;
    }
    DeliveryTally* tally = slot->tally;
    auto expected = RD_KAFKA_RESP_ERR_NO_ERROR;
    tally->firstError.compare_exchange_strong(expected, message->err);
    ++tally->failed;
}

void assign(QString* target, const QString& value) {
    if (target != nullptr)
        *target = value;
}

} // namespace

MockKafkaCluster::MockKafkaCluster(int brokerCount) {
    char errstr[512];
    rd_kafka_conf_t* hostConf = rd_kafka_conf_new();
    rd_kafka_conf_set_log_cb(hostConf, logToQt);
    rd_kafka_conf_set(hostConf, "log_level", "4", errstr,
                      sizeof errstr); // it has no bootstrap.servers: by design
    m_host = rd_kafka_new(RD_KAFKA_PRODUCER, hostConf, errstr, sizeof errstr);
    if (m_host == nullptr) {
        rd_kafka_conf_destroy(hostConf);
        m_error =
            QStringLiteral("cannot create the mock cluster's host handle: ") + QString::fromUtf8(errstr);
        return;
    }
    m_cluster = rd_kafka_mock_cluster_new(m_host, brokerCount);
    if (m_cluster == nullptr) {
        m_error = QStringLiteral("rd_kafka_mock_cluster_new failed");
        return;
    }
    m_bootstrap = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_cluster));
    // The mock offers Metadata up to v2, which has no AllowAutoTopicCreation flag, so any client asking about
    // an unknown topic would create it. Its handler reads the flag from v4 on (v3/v4 only add that flag and
    // the throttle time, which it writes): offering v4 makes unknown topics unknown, as on Aiven.
    constexpr int16_t kMetadataApiKey = 3;
    rd_kafka_mock_set_apiversion(m_cluster, kMetadataApiKey, 0, 4);

    ConfPtr conf(rd_kafka_conf_new());
    rd_kafka_conf_set_log_cb(conf.get(), logToQt);
    rd_kafka_conf_set_dr_msg_cb(conf.get(), onDelivery);
    if (!setConf(conf.get(), "bootstrap.servers", m_bootstrap.toUtf8(), &m_error) ||
        !setConf(conf.get(), "allow.auto.create.topics", "false", &m_error) ||
        !setConf(conf.get(), "message.timeout.ms", QByteArray::number(kTimeoutMs), &m_error) ||
        !setConf(conf.get(), "linger.ms", "0", &m_error))
        return;
    m_producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf.get(), errstr, sizeof errstr);
    if (m_producer == nullptr) {
        m_error = QStringLiteral("cannot create the producer: ") + QString::fromUtf8(errstr);
        return;
    }
    conf.release(); // owned by m_producer now

    ConfPtr inspectorConf(rd_kafka_conf_new());
    rd_kafka_conf_set_log_cb(inspectorConf.get(), logToQt);
    if (!setConf(inspectorConf.get(), "bootstrap.servers", m_bootstrap.toUtf8(), &m_error) ||
        !setConf(inspectorConf.get(), "allow.auto.create.topics", "false", &m_error))
        return;
    m_inspector = rd_kafka_new(RD_KAFKA_CONSUMER, inspectorConf.get(), errstr, sizeof errstr);
    if (m_inspector == nullptr) {
        m_error = QStringLiteral("cannot create the metadata client: ") + QString::fromUtf8(errstr);
        return;
    }
    inspectorConf.release();
}

MockKafkaCluster::~MockKafkaCluster() {
    if (m_inspector != nullptr)
        rd_kafka_destroy(m_inspector);
    if (m_producer != nullptr) {
        rd_kafka_flush(m_producer, kTimeoutMs);
        rd_kafka_destroy(m_producer);
    }
    // The cluster closes its listeners and client connections; clients still connected see a disconnect.
    if (m_cluster != nullptr)
        rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_host != nullptr)
        rd_kafka_destroy(m_host);
}

bool MockKafkaCluster::createTopic(const QString& topic, int partitionCount, QString* error) {
    if (!isValid()) {
        assign(error, m_error);
        return false;
    }
    if (partitionCount < 1) {
        assign(error, QStringLiteral("a topic needs at least one partition, got %1").arg(partitionCount));
        return false;
    }
    const auto err = rd_kafka_mock_topic_create(m_cluster, topic.toUtf8().constData(), partitionCount, 1);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        assign(error, QStringLiteral("cannot create topic '%1': %2")
                          .arg(topic, QString::fromUtf8(rd_kafka_err2str(err))));
        return false;
    }
    return true;
}

std::optional<int> MockKafkaCluster::partitionCount(const QString& topic, QString* error) const {
    if (!isValid()) {
        assign(error, m_error);
        return std::nullopt;
    }
    std::unique_ptr<rd_kafka_topic_t, TopicDeleter> handle(
        rd_kafka_topic_new(m_inspector, topic.toUtf8().constData(), nullptr));
    const rd_kafka_metadata_t* raw = nullptr;
    const auto err = rd_kafka_metadata(m_inspector, 0, handle.get(), &raw, kTimeoutMs);
    std::unique_ptr<const rd_kafka_metadata_t, MetadataDeleter> metadata(raw);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        assign(error, QStringLiteral("metadata request failed: ") + QString::fromUtf8(rd_kafka_err2str(err)));
        return std::nullopt;
    }
    if (metadata->topic_cnt != 1 || metadata->topics[0].err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        const auto topicErr =
            metadata->topic_cnt == 1 ? metadata->topics[0].err : RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
        assign(error,
               QStringLiteral("topic '%1': %2").arg(topic, QString::fromUtf8(rd_kafka_err2str(topicErr))));
        return std::nullopt;
    }
    return metadata->topics[0].partition_cnt;
}

bool MockKafkaCluster::produce(const QString& topic, const QList<MockMessage>& messages, QString* error,
                               QList<qint64>* offsets) {
    const auto partitions = partitionCount(topic, error);
    if (!partitions)
        return false;
    const QByteArray topicName = topic.toUtf8();
    DeliveryTally tally;
    std::vector<DeliverySlot> deliveries(std::size_t(messages.size()), DeliverySlot{&tally, -1});
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const MockMessage& m = messages[i];
        if (m.partition >= *partitions) {
            assign(error, QStringLiteral("topic '%1' has no partition %2").arg(topic).arg(m.partition));
            rd_kafka_flush(m_producer, kTimeoutMs); // the tally must outlive the messages already queued
            return false;
        }
        // librdkafka copies key and value (F_COPY); a null pointer means a null key / tombstone.
        rd_kafka_vu_t fields[8] = {};
        fields[0].vtype = RD_KAFKA_VTYPE_TOPIC;
        fields[0].u.cstr = topicName.constData();
        fields[1].vtype = RD_KAFKA_VTYPE_PARTITION;
        fields[1].u.i32 = m.partition < 0 ? RD_KAFKA_PARTITION_UA : m.partition;
        fields[2].vtype = RD_KAFKA_VTYPE_KEY;
        fields[2].u.mem = {m.key ? const_cast<char*>(m.key->constData()) : nullptr,
                           m.key ? std::size_t(m.key->size()) : 0};
        fields[3].vtype = RD_KAFKA_VTYPE_VALUE;
        fields[3].u.mem = {m.value ? const_cast<char*>(m.value->constData()) : nullptr,
                           m.value ? std::size_t(m.value->size()) : 0};
        fields[4].vtype = RD_KAFKA_VTYPE_TIMESTAMP;
        fields[4].u.i64 = m.timestampMs;
        fields[5].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
        fields[5].u.i = RD_KAFKA_MSG_F_COPY;
        fields[6].vtype = RD_KAFKA_VTYPE_OPAQUE;
        fields[6].u.ptr = &deliveries[std::size_t(i)];
        rd_kafka_error_t* produceError = rd_kafka_produceva(m_producer, fields, 7);
        const auto err =
            produceError != nullptr ? rd_kafka_error_code(produceError) : RD_KAFKA_RESP_ERR_NO_ERROR;
        if (produceError != nullptr)
            rd_kafka_error_destroy(produceError);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            assign(error, QStringLiteral("cannot produce to '%1': %2")
                              .arg(topic, QString::fromUtf8(rd_kafka_err2str(err))));
            rd_kafka_flush(m_producer, kTimeoutMs);
            return false;
        }
    }
    if (rd_kafka_flush(m_producer, kTimeoutMs) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        assign(error, QStringLiteral("messages to '%1' were not acknowledged in time").arg(topic));
        return false;
    }
    if (tally.failed > 0) {
        assign(error, QStringLiteral("%1 message(s) to '%2' failed: %3")
                          .arg(tally.failed.load())
                          .arg(topic, QString::fromUtf8(rd_kafka_err2str(tally.firstError.load()))));
        return false;
    }
    if (offsets != nullptr) {
        offsets->clear();
        for (const DeliverySlot& slot : deliveries)
            offsets->append(slot.offset);
    }
    return true;
}

QStringList MockKafkaCluster::topics(QString* error) const {
    if (!isValid()) {
        assign(error, m_error);
        return {};
    }
    const rd_kafka_metadata_t* raw = nullptr;
    const auto err = rd_kafka_metadata(m_inspector, 1 /* all topics */, nullptr, &raw, kTimeoutMs);
    std::unique_ptr<const rd_kafka_metadata_t, MetadataDeleter> metadata(raw);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        assign(error, QStringLiteral("metadata request failed: ") + QString::fromUtf8(rd_kafka_err2str(err)));
        return {};
    }
    QStringList names;
    for (int i = 0; i < metadata->topic_cnt; ++i)
        names.append(QString::fromUtf8(metadata->topics[i].topic));
    names.sort();
    return names;
}

std::optional<QList<PartitionOffsets>> MockKafkaCluster::offsets(const QString& topic, QString* error) const {
    const auto partitions = partitionCount(topic, error);
    if (!partitions)
        return std::nullopt;
    QList<PartitionOffsets> result;
    for (int p = 0; p < *partitions; ++p) {
        int64_t low = 0;
        int64_t high = 0;
        const auto err = rd_kafka_query_watermark_offsets(m_inspector, topic.toUtf8().constData(), p, &low,
                                                          &high, kTimeoutMs);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            assign(error, QStringLiteral("offsets of '%1' [%2]: %3")
                              .arg(topic)
                              .arg(p)
                              .arg(QString::fromUtf8(rd_kafka_err2str(err))));
            return std::nullopt;
        }
        result.append({p, low, high});
    }
    return result;
}

// A consumer of the group that never subscribes: it does not join (no rebalance for the real members) and,
// with auto commit off and nothing assigned, commits only when told to.
rd_kafka_t* MockKafkaCluster::groupClient(const QString& group, QString* error) const {
    ConfPtr conf(rd_kafka_conf_new());
    rd_kafka_conf_set_log_cb(conf.get(), logToQt);
    QString confError;
    if (!setConf(conf.get(), "bootstrap.servers", m_bootstrap.toUtf8(), &confError) ||
        !setConf(conf.get(), "group.id", group.toUtf8(), &confError) ||
        !setConf(conf.get(), "enable.auto.commit", "false", &confError)) {
        assign(error, confError);
        return nullptr;
    }
    char errstr[512];
    rd_kafka_t* consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf.get(), errstr, sizeof errstr);
    if (consumer == nullptr) {
        assign(error, QStringLiteral("cannot create a consumer: ") + QString::fromUtf8(errstr));
        return nullptr;
    }
    conf.release();
    return consumer;
}

bool MockKafkaCluster::seedCommittedOffsets(const QString& group, const QString& topic,
                                            const QMap<int, qint64>& offsets, QString* error) {
    if (!partitionCount(topic, error))
        return false;
    std::unique_ptr<rd_kafka_t, ConsumerDeleter> consumer(groupClient(group, error));
    if (!consumer)
        return false;
    std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter> list(
        rd_kafka_topic_partition_list_new(int(offsets.size())));
    const QByteArray topicName = topic.toUtf8();
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
        rd_kafka_topic_partition_list_add(list.get(), topicName.constData(), it.key())->offset = it.value();
    auto err = rd_kafka_commit(consumer.get(), list.get(), 0 /* synchronous */);
    for (int i = 0; err == RD_KAFKA_RESP_ERR_NO_ERROR && i < list->cnt; ++i)
        err = list->elems[i].err;
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        assign(error, QStringLiteral("cannot commit for group '%1': %2")
                          .arg(group, QString::fromUtf8(rd_kafka_err2str(err))));
        return false;
    }
    return true;
}

std::optional<QMap<int, qint64>>
MockKafkaCluster::committedOffsets(const QString& group, const QString& topic, QString* error) const {
    const auto partitions = partitionCount(topic, error);
    if (!partitions)
        return std::nullopt;
    std::unique_ptr<rd_kafka_t, ConsumerDeleter> consumer(groupClient(group, error));
    if (!consumer)
        return std::nullopt;
    std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter> list(
        rd_kafka_topic_partition_list_new(*partitions));
    const QByteArray topicName = topic.toUtf8();
    for (int p = 0; p < *partitions; ++p)
        rd_kafka_topic_partition_list_add(list.get(), topicName.constData(), p);
    const auto err = rd_kafka_committed(consumer.get(), list.get(), kTimeoutMs);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        assign(error, QStringLiteral("committed offsets of group '%1': %2")
                          .arg(group, QString::fromUtf8(rd_kafka_err2str(err))));
        return std::nullopt;
    }
    QMap<int, qint64> result;
    for (int i = 0; i < list->cnt; ++i) {
        const auto& entry = list->elems[i];
        if (entry.err == RD_KAFKA_RESP_ERR_NO_ERROR && entry.offset >= 0)
            result.insert(entry.partition, entry.offset);
    }
    return result;
}

bool MockKafkaCluster::setBrokerDown(int brokerId, bool down) {
    if (m_cluster == nullptr)
        return false;
    const auto err = down ? rd_kafka_mock_broker_set_down(m_cluster, brokerId)
                          : rd_kafka_mock_broker_set_up(m_cluster, brokerId);
    return err == RD_KAFKA_RESP_ERR_NO_ERROR;
}

bool MockKafkaCluster::setBrokerRtt(int brokerId, int rttMs) {
    return m_cluster != nullptr &&
           rd_kafka_mock_broker_set_rtt(m_cluster, brokerId, rttMs) == RD_KAFKA_RESP_ERR_NO_ERROR;
}

} // namespace ckstudio::test
