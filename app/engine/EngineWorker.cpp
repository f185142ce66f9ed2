#include "engine/EngineWorker.h"

#include <QThread>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace ckstudio {
namespace {

// Carries one reply to its context. Created by query() on the caller's thread and moved to the worker's,
// where it emits and is deleted. A queued connection to the context is what drops the callback safely when
// the context dies, even while the reply is under way: Qt removes the connection, or the posted event, with
// it.
class Relay : public QObject {
    Q_OBJECT
signals:
    void replied(const ckstudio::EngineReply& reply);
};

struct Job {
    QByteArray sql;
    QByteArray format;
    Relay* relay = nullptr;
};

} // namespace

struct EngineWorker::State {
    QString dataDirectory;
    QThread* thread = nullptr;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Job> jobs;
    bool stopping = false;

    void run() {
        ClickHouseError openError;
        const std::unique_ptr<EmbeddedClickHouse> engine =
            EmbeddedClickHouse::open(dataDirectory, &openError);
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [this] { return stopping || !jobs.empty(); });
                if (stopping)
                    break;
                job = std::move(jobs.front());
                jobs.pop_front();
            }
            EngineReply reply;
            if (engine)
                reply = engine->query(job.sql, job.format);
            else
                reply.error = openError;
            emit job.relay->replied(reply);
            delete job.relay;
        }
        std::lock_guard lock(mutex);
        for (const Job& job : jobs)
            delete job.relay; // never emitted: cancelled
        jobs.clear();
    }
};

EngineWorker::EngineWorker(const QString& dataDirectory, QObject* parent)
    : QObject(parent)
    , m_state(std::make_unique<State>()) {
    m_state->dataDirectory = dataDirectory;
    m_state->thread = QThread::create([state = m_state.get()] { state->run(); });
    m_state->thread->setObjectName(QStringLiteral("ckstudio-engine"));
    m_state->thread->start();
}

EngineWorker::~EngineWorker() {
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
    }
    m_state->wake.notify_one();
    m_state->thread->wait();
    delete m_state->thread;
}

void EngineWorker::query(QByteArray sql, QByteArray format, QObject* context,
                         std::function<void(EngineReply)> done) {
    auto* relay = new Relay;
    QObject::connect(
        relay, &Relay::replied, context, [done = std::move(done)](const EngineReply& reply) { done(reply); },
        Qt::QueuedConnection);
    relay->moveToThread(m_state->thread);
    {
        std::lock_guard lock(m_state->mutex);
        m_state->jobs.push_back(Job{std::move(sql), std::move(format), relay});
    }
    m_state->wake.notify_one();
}

} // namespace ckstudio

#include "EngineWorker.moc"
