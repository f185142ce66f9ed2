#pragma once
// One peek at a topic, read one of two ways:
//  - Aiven's Kafka REST endpoint (POST .../kafka/rest/topics/{t}/messages) by default;
//  - directly with librdkafka (KafkaReader, on a pool thread) when the service has its REST proxy off or the
//    source is an external Kafka endpoint.
// Neither joins a consumer group or commits anything, so connector tables lose nothing. The GUI thread never
// waits: finished() delivers the outcome, cancel() stops a running peek.
#include "aiven/PeekedMessage.h"
#include "kafka/KafkaConnection.h"

#include <QObject>
#include <QPointer>
#include <optional>
#include <vector>

namespace ckstudio {

class AivenClient;
class KafkaReader;

struct PeekRequest {
    QString topic;
    std::optional<int> partition;     // all partitions when unset
    std::optional<qint64> fromOffset; // the newest messages when unset; else from this offset on
    int limit = 20;
};

enum class PeekPath { AivenRest, DirectKafka };

struct PeekOutcome {
    std::vector<PeekedMessage> messages; // oldest first
    PeekPath path = PeekPath::AivenRest;
    QString error; // empty on success
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

class TopicPeek : public QObject {
    Q_OBJECT
public:
    explicit TopicPeek(AivenClient* client, QObject* parent = nullptr);

    void setRestSource(const QString& project, const QString& service);
    void setDirectSource(const KafkaConnection& connection);
    PeekPath path() const { return m_direct ? PeekPath::DirectKafka : PeekPath::AivenRest; }

    // False (and nothing happens) while a peek runs.
    bool start(const PeekRequest& request);
    // A running peek ends with finished(cancelled = true) right away; late answers are dropped.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void finished(const ckstudio::PeekOutcome& outcome);

private:
    void startRest(const PeekRequest& request);
    void readRest(const PeekRequest& request, const std::vector<std::pair<int, qint64>>& starts);
    void finish(PeekOutcome outcome, quint64 generation);

    QPointer<AivenClient> m_client;
    QString m_project;
    QString m_service;
    std::optional<KafkaConnection> m_direct;
    KafkaReader* m_reader;
    quint64 m_request = 0;          // the client request in flight
    quint64 m_generation = 0;       // bumped by every start and cancel; answers of older ones are dropped
    quint64 m_readerGeneration = 0; // the peek the direct read belongs to
    bool m_running = false;
};

// Which messages of what the REST endpoint returned belong to the peek: for "newest", the last `limit` of
// the selected partitions in timestamp order; for "from offset", the first `limit`. Sorted oldest first.
std::vector<PeekedMessage> selectPeeked(std::vector<PeekedMessage> messages, const PeekRequest& request);

} // namespace ckstudio
Q_DECLARE_METATYPE(ckstudio::PeekOutcome)
