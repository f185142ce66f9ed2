#include "aiven/TopicPeek.h"

#include "aiven/AivenClient.h"
#include "kafka/KafkaReader.h"

#include <algorithm>

namespace ckstudio {

std::vector<PeekedMessage> selectPeeked(std::vector<PeekedMessage> messages, const PeekRequest& request) {
    if (request.partition)
        std::erase_if(messages, [&](const PeekedMessage& m) { return m.partition != *request.partition; });
    if (request.fromOffset)
        std::erase_if(messages, [&](const PeekedMessage& m) { return m.offset < *request.fromOffset; });
    std::stable_sort(messages.begin(), messages.end(), [](const PeekedMessage& a, const PeekedMessage& b) {
        const qint64 ta = a.timestampMs.value_or(-1);
        const qint64 tb = b.timestampMs.value_or(-1);
        if (ta != tb)
            return ta < tb;
        return a.partition != b.partition ? a.partition < b.partition : a.offset < b.offset;
    });
    const auto limit = static_cast<std::size_t>(std::max(0, request.limit));
    if (messages.size() > limit) {
        if (request.fromOffset)
            messages.resize(limit);
        else
            messages.erase(messages.begin(), messages.end() - static_cast<std::ptrdiff_t>(limit));
    }
    return messages;
}

namespace {

// The outcome of a failed REST call (cancelled when the client cancelled it).
PeekOutcome errorOutcome(const AivenError& error) {
    PeekOutcome outcome;
    outcome.error = error.describe();
    outcome.cancelled = error.cancelled;
    return outcome;
}

// The outcome of a Kafka-REST messages call: the peek's messages, or the call's error.
PeekOutcome outcomeOf(const AivenResult<std::vector<AivenMessage>>& result, const PeekRequest& request) {
    if (!result)
        return errorOutcome(result.error);
    std::vector<PeekedMessage> messages;
    messages.reserve(result.value->size());
    for (const auto& m : *result.value)
        messages.push_back(peekedMessage(m));
    PeekOutcome outcome;
    outcome.messages = selectPeeked(std::move(messages), request);
    return outcome;
}

} // namespace

TopicPeek::TopicPeek(AivenClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_reader(new KafkaReader(this)) {
    connect(m_reader, &KafkaReader::finished, this, [this](const KafkaReadResult& result) {
        PeekOutcome outcome;
        outcome.path = PeekPath::DirectKafka;
        outcome.cancelled = result.cancelled;
        if (!result.cancelled && !result.ok())
            outcome.error = result.errorText;
        for (const auto& m : result.messages)
            outcome.messages.push_back(peekedMessage(m));
        finish(std::move(outcome), m_readerGeneration);
    });
}

void TopicPeek::setRestSource(const QString& project, const QString& service) {
    cancel();
    m_project = project;
    m_service = service;
    m_direct.reset();
}

void TopicPeek::setDirectSource(const KafkaConnection& connection) {
    cancel();
    m_direct = connection;
}

bool TopicPeek::start(const PeekRequest& request) {
    if (m_running)
        return false;
    ++m_generation;
    m_running = true;
    if (!m_direct) {
        startRest(request);
        return true;
    }
    KafkaReadRequest read;
    read.topic = request.topic;
    read.limit = request.limit;
    read.partition = request.partition;
    if (request.fromOffset) {
        read.start = KafkaStart::Offset;
        read.startOffset = *request.fromOffset;
    }
    m_readerGeneration = m_generation;
    if (!m_reader->start(*m_direct, read)) {
        // The reader of a cancelled peek is still winding down on its thread.
        PeekOutcome outcome;
        outcome.path = PeekPath::DirectKafka;
        outcome.error = tr("The previous read is still stopping; try again in a moment.");
        finish(std::move(outcome), m_generation);
    }
    return true;
}

void TopicPeek::startRest(const PeekRequest& request) {
    const quint64 generation = m_generation;
    if (!m_client) {
        PeekOutcome outcome;
        outcome.error = tr("Not connected to Aiven.");
        finish(std::move(outcome), generation);
        return;
    }
    if (!request.partition && !request.fromOffset) {
        // The client already knows how to spread "newest N" over the partitions' tails.
        m_request = m_client->newestMessages(
            m_project, m_service, request.topic, request.limit, AivenMessageFormat::Binary, this,
            [this, generation, request](AivenResult<std::vector<AivenMessage>> result) {
                finish(outcomeOf(result, request), generation);
            });
        return;
    }
    // Start offsets come from the partitions' offsets.
    m_request = m_client->getTopic(
        m_project, m_service, request.topic, this,
        [this, generation, request](AivenResult<AivenTopic> result) {
            if (generation != m_generation)
                return;
            if (!result) {
                finish(errorOutcome(result.error), generation);
                return;
            }
            std::vector<std::pair<int, qint64>> starts;
            for (const auto& p : result.value->partitions) {
                if (request.partition && p.partition != *request.partition)
                    continue;
                if (p.latestOffset <= p.earliestOffset)
                    continue;
                const qint64 from = request.fromOffset ? *request.fromOffset : p.latestOffset - request.limit;
                const qint64 start = std::clamp(from, p.earliestOffset, p.latestOffset);
                if (start < p.latestOffset)
                    starts.emplace_back(p.partition, start);
            }
            if (request.partition &&
                std::none_of(result.value->partitions.begin(), result.value->partitions.end(),
                             [&](const AivenPartition& p) { return p.partition == *request.partition; })) {
                PeekOutcome outcome;
                outcome.error =
                    tr("Topic %1 has no partition %2.").arg(request.topic).arg(*request.partition);
                finish(std::move(outcome), generation);
                return;
            }
            readRest(request, starts);
        });
}

void TopicPeek::readRest(const PeekRequest& request, const std::vector<std::pair<int, qint64>>& starts) {
    const quint64 generation = m_generation;
    if (starts.empty()) {
        finish(PeekOutcome{}, generation); // nothing to read there
        return;
    }
    m_request =
        m_client->readMessages(m_project, m_service, request.topic, starts, AivenMessageFormat::Binary, this,
                               [this, generation, request](AivenResult<std::vector<AivenMessage>> result) {
                                   finish(outcomeOf(result, request), generation);
                               });
}

void TopicPeek::cancel() {
    if (!m_running)
        return;
    ++m_generation; // whatever arrives later belongs to a peek that is over
    const quint64 request = std::exchange(m_request, 0);
    if (m_client && request)
        m_client->cancel(request);
    m_reader->cancel();
    m_running = false;
    PeekOutcome outcome;
    outcome.path = path();
    outcome.cancelled = true;
    emit finished(outcome);
}

void TopicPeek::finish(PeekOutcome outcome, quint64 generation) {
    if (generation != m_generation || !m_running)
        return;
    m_request = 0;
    m_running = false;
    outcome.path = path();
    emit finished(outcome);
}

} // namespace ckstudio
